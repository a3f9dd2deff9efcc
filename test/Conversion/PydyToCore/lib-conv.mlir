// RUN: dy2st-opt %s --convert-pydy-to-core | FileCheck %s

// conv2d: the input padded (tensor.pad), channels and filters split into
// groups, linalg.conv_2d_ngchw_gfchw accumulating onto the bias.
// CHECK-LABEL: func.func @conv
// CHECK: tensor.pad %{{.*}} low[0, 0, 1, 1] high[0, 0, 1, 1]
// CHECK: tensor.expand_shape %{{.*}} {{\[\[}}0], [1, 2], [3], [4]] output_shape [2, 2, 2, 9, 8]
// CHECK: tensor.expand_shape %{{.*}} {{\[\[}}0, 1], [2], [3], [4]] output_shape [2, 3, 2, 3, 3]
// CHECK: linalg.generic
// CHECK: linalg.conv_2d_ngchw_gfchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
// CHECK: tensor.collapse_shape %{{.*}} {{\[\[}}0], [1, 2], [3], [4]] : tensor<2x2x3x4x3xf32> into tensor<2x6x4x3xf32>
pydy.func @conv(%x: tensor<2x4x7x6xf32>, %w: tensor<6x2x3x3xf32>, %b: tensor<6xf32>) -> tensor<2x6x4x3xf32> {
  %0 = pydy.lib_call "conv2d"(%x, %w, %b) {kwnames = ["x", "weight", "bias"], static_args = {groups = 2 : i64, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, paddings = array<i64: 1, 1, 1, 1>}} : (tensor<2x4x7x6xf32>, tensor<6x2x3x3xf32>, tensor<6xf32>) -> tensor<2x6x4x3xf32>
  pydy.return %0 : tensor<2x6x4x3xf32>
}

// One group of f32: linalg.conv_2d_nchw_fchw on the padded input, into a
// zero start with the bias broadcast along the filters (dy2st-linalg-to-blas
// hands it to the runtime); f64 unfolds the patches (im2col) into one
// linalg.matmul that BLAS's dgemm computes, then transposes to NCHW.
// CHECK-LABEL: func.func @conv_one_group
// CHECK: %[[PADDED:.*]] = tensor.pad %{{.*}} low[0, 0, 1, 2] high[0, 0, 1, 2]
// CHECK: %[[ZERO:.*]] = linalg.fill
// CHECK: %[[START:.*]] = linalg.generic {{.*}} ins(%arg2 : tensor<6xf32>) outs(%[[ZERO]] : tensor<2x6x4x4xf32>)
// CHECK: linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%[[PADDED]], %arg1 : tensor<2x4x9x10xf32>, tensor<6x4x3x3xf32>) outs(%[[START]] : tensor<2x6x4x4xf32>)
// CHECK-NOT: linalg.matmul
// CHECK-LABEL: func.func @conv_one_group_f64
// CHECK: linalg.generic
// CHECK: tensor.collapse_shape
// CHECK: linalg.matmul
// CHECK: linalg.transpose
// CHECK-NOT: linalg.conv_2d_nchw_fchw
pydy.func @conv_one_group(%x: tensor<2x4x7x6xf32>, %w: tensor<6x4x3x3xf32>, %b: tensor<6xf32>) -> tensor<2x6x4x4xf32> {
  %0 = pydy.lib_call "conv2d"(%x, %w, %b) {kwnames = ["x", "weight", "bias"], static_args = {groups = 1 : i64, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, paddings = array<i64: 1, 1, 2, 2>}} : (tensor<2x4x7x6xf32>, tensor<6x4x3x3xf32>, tensor<6xf32>) -> tensor<2x6x4x4xf32>
  pydy.return %0 : tensor<2x6x4x4xf32>
}
pydy.func @conv_one_group_f64(%x: tensor<2x4x7x6xf64>, %w: tensor<6x4x3x3xf64>) -> tensor<2x6x3x2xf64> {
  %0 = pydy.lib_call "conv2d"(%x, %w) {kwnames = ["x", "weight"], static_args = {groups = 1 : i64, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, paddings = array<i64: 0, 0, 0, 0>}} : (tensor<2x4x7x6xf64>, tensor<6x4x3x3xf64>) -> tensor<2x6x3x2xf64>
  pydy.return %0 : tensor<2x6x3x2xf64>
}

// Pools: max pads with the lowest finite float, where Paddle's kernel starts
// (and the ceil_mode extra at the end); average divides by the count Paddle's
// kernel takes for each window, computed from its position (a window ends at
// the size plus the padding before; exclusive, clipped to the input).
// CHECK-LABEL: func.func @pools
// CHECK: arith.constant -3.40282347E+38 : f32
// CHECK: tensor.pad %{{.*}} low[0, 0, 1, 1] high[0, 0, 2, 1]
// CHECK: linalg.pooling_nchw_max
// CHECK: linalg.pooling_nchw_sum
// CHECK: linalg.generic
// CHECK: linalg.index 2
// CHECK: arith.minsi
// CHECK: arith.maxsi
// CHECK: arith.sitofp
// CHECK: arith.divf
pydy.func @pools(%x: tensor<2x4x7x6xf32>) -> tuple<tensor<2x4x4x3xf32>, tensor<2x4x3x3xf32>> {
  %0 = pydy.lib_call "max_pool2d"(%x) {kwnames = ["x"], static_args = {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, paddings = array<i64: 1, 1, 1, 1>, ceil_extra = array<i64: 1, 0>, ceil_mode = true}} : (tensor<2x4x7x6xf32>) -> tensor<2x4x4x3xf32>
  %1 = pydy.lib_call "avg_pool2d"(%x) {kwnames = ["x"], static_args = {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, paddings = array<i64: 0, 0, 0, 0>, ceil_extra = array<i64: 0, 0>, exclusive = true}} : (tensor<2x4x7x6xf32>) -> tensor<2x4x3x3xf32>
  %t = pydy.tuple %0, %1 : (tensor<2x4x4x3xf32>, tensor<2x4x3x3xf32>) -> tuple<tensor<2x4x4x3xf32>, tensor<2x4x3x3xf32>>
  pydy.return %t : tuple<tensor<2x4x4x3xf32>, tensor<2x4x3x3xf32>>
}
