// RUN: dy2st-opt %s --dy2st-matmul-loop-order | FileCheck %s

// The matmul becomes a generic whose loops are (i, k, j): the reduction is the
// middle loop and the innermost loop walks rows of B and C.
// CHECK-DAG: #[[A:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG: #[[B:.*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[C:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-LABEL: func.func @matmul
// CHECK-NOT: linalg.matmul
// CHECK: linalg.generic {indexing_maps = [#[[A]], #[[B]], #[[C]]], iterator_types = ["parallel", "reduction", "parallel"]}
// CHECK:   arith.mulf
// CHECK:   arith.addf
func.func @matmul(%a: tensor<8x4xf32>, %b: tensor<4x16xf32>, %c: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<8x4xf32>, tensor<4x16xf32>) outs(%c : tensor<8x16xf32>) -> tensor<8x16xf32>
  return %0 : tensor<8x16xf32>
}

// A grouped convolution's loops become (n, g, f, c, kh, kw, oh, ow) and a
// pooling's (n, c, kh, kw, oh, ow): the output's columns innermost.
// CHECK-LABEL: func.func @conv_and_pool
// CHECK-NOT: linalg.conv_2d
// CHECK: linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction", "reduction", "parallel", "parallel"]
// CHECK-NOT: linalg.pooling
// CHECK: linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "parallel", "reduction", "reduction", "parallel", "parallel"]
func.func @conv_and_pool(%x: tensor<1x2x3x6x6xf32>, %w: tensor<2x4x3x3x3xf32>,
                         %out: tensor<1x2x4x4x4xf32>, %p: tensor<1x3x6x6xf32>,
                         %window: tensor<2x2xf32>, %pooled: tensor<1x3x3x3xf32>)
    -> (tensor<1x2x4x4x4xf32>, tensor<1x3x3x3xf32>) {
  %0 = linalg.conv_2d_ngchw_gfchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<1x2x3x6x6xf32>, tensor<2x4x3x3x3xf32>) outs(%out : tensor<1x2x4x4x4xf32>) -> tensor<1x2x4x4x4xf32>
  %1 = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
      ins(%p, %window : tensor<1x3x6x6xf32>, tensor<2x2xf32>) outs(%pooled : tensor<1x3x3x3xf32>) -> tensor<1x3x3x3xf32>
  return %0, %1 : tensor<1x2x4x4x4xf32>, tensor<1x3x3x3xf32>
}
