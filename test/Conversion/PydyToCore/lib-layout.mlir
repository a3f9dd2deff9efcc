// RUN: dy2st-opt %s --convert-pydy-to-core | FileCheck %s

// CHECK-DAG: #[[B:.*]] = affine_map<(d0, d1, d2) -> (0, d2)>

// strided_slice with positive steps: tensor.extract_slice at Python's clamped
// bounds; a negative step reads through a generic.
// CHECK-LABEL: func.func @slices
// CHECK: tensor.extract_slice %{{.*}}[%{{.*}}, %{{.*}}] [%{{.*}}, %{{.*}}] [1, 2]
// CHECK: linalg.generic
// CHECK:   linalg.index 1
// CHECK:   tensor.extract
pydy.func @slices(%x: tensor<2x6xf32>, %t: i64) -> tuple<tensor<2x?xf32>, tensor<2x3xf32>> {
  %0 = pydy.lib_call "strided_slice"(%x, %t) {kwnames = ["x", "starts"], static_args = {axes = [1], starts = array<i64: -9223372036854775808>, ends = array<i64: 6>, strides = array<i64: 2>}} : (tensor<2x6xf32>, i64) -> tensor<2x?xf32>
  %1 = pydy.lib_call "strided_slice"(%x) {kwnames = ["x"], static_args = {axes = [1], starts = array<i64: -1>, ends = array<i64: 0>, strides = array<i64: -2>}} : (tensor<2x6xf32>) -> tensor<2x3xf32>
  %t2 = pydy.tuple %0, %1 : (tensor<2x?xf32>, tensor<2x3xf32>) -> tuple<tensor<2x?xf32>, tensor<2x3xf32>>
  pydy.return %t2 : tuple<tensor<2x?xf32>, tensor<2x3xf32>>
}

// set_value: the value broadcast to the region, then tensor.insert_slice; an
// integer index is checked (IndexError) and takes a size-1 region. Out of
// range (raised) the insert still runs, with no scf.if (a chain of them
// through the stores of a loop body made bufferization exponential): at
// offset 0, writing back the slice there (the dimension, 4, is not 0).
// CHECK-LABEL: func.func @set_value
// CHECK-SAME: (%[[X:[^:]*]]: tensor<4x3xf32>
// CHECK: call @dy2st_raise
// CHECK: %[[OK:.*]] = arith.andi %{{.*}}, %{{.*}} : i1
// CHECK: linalg.fill
// CHECK-NOT: scf.if
// CHECK: %[[AT:.*]] = arith.select %[[OK]], %{{.*}}, %{{.*}} : index
// CHECK: %[[HERE:.*]] = tensor.extract_slice %[[X]][%[[AT]], %{{.*}}]
// CHECK: %[[WRITTEN:.*]] = arith.select %[[OK]], %{{.*}}, %[[HERE]] : tensor<?x?xf32>
// CHECK: tensor.insert_slice %[[WRITTEN]] into %[[X]][%[[AT]], %{{.*}}]
pydy.func @set_value(%x: tensor<4x3xf32>, %i: i64) -> tensor<4x3xf32> {
  %v = pydy.constant 1.0 : f64
  %0 = pydy.lib_call "set_value"(%x, %v, %i) {kwnames = ["x", "value", "starts"], static_args = {axes = [0], starts = array<i64: -9223372036854775808>, ends = array<i64: 0>, strides = array<i64: 1>, decrease_axes = [0]}} : (tensor<4x3xf32>, f64, i64) -> tensor<4x3xf32>
  pydy.return %0 : tensor<4x3xf32>
}

// An integer index into a dimension known only at run time (which may be 0,
// leaving no slice to write back): out of range, a region of size 0 there.
// CHECK-LABEL: func.func @set_value_dynamic
// CHECK-SAME: (%[[X:[^:]*]]: tensor<?x3xf32>
// CHECK: call @dy2st_raise
// CHECK: %[[OK:.*]] = arith.andi %{{.*}}, %{{.*}} : i1
// CHECK-NOT: scf.if
// CHECK: %[[AT:.*]] = arith.select %[[OK]], %{{.*}}, %[[ZERO:.*]] : index
// CHECK: %[[SIZE:.*]] = arith.select %[[OK]], %{{.*}}, %[[ZERO]] : index
// CHECK: %[[PART:.*]] = tensor.extract_slice %{{.*}}[0, 0] [%[[SIZE]], %{{.*}}] [1, 1]
// CHECK: tensor.insert_slice %[[PART]] into %[[X]][%[[AT]], %{{.*}}] [%[[SIZE]], %{{.*}}]
pydy.func @set_value_dynamic(%x: tensor<?x3xf32>, %i: i64) -> tensor<?x3xf32> {
  %v = pydy.constant 1.0 : f64
  %0 = pydy.lib_call "set_value"(%x, %v, %i) {kwnames = ["x", "value", "starts"], static_args = {axes = [0], starts = array<i64: -9223372036854775808>, ends = array<i64: 0>, strides = array<i64: 1>, decrease_axes = [0]}} : (tensor<?x3xf32>, f64, i64) -> tensor<?x3xf32>
  pydy.return %0 : tensor<?x3xf32>
}

// set_value of a one-element value of rank 1 into one element (`a[3] = t`
// with `t` of shape [1]): the value's leading size-1 dimension, beyond the
// region's rank, is read at index 0, as NumPy assigns.
// CHECK-LABEL: func.func @set_value_of_one_element
// CHECK: linalg.generic
// CHECK: %[[ZERO:.*]] = arith.constant 0 : index
// CHECK: tensor.extract %{{.*}}[%[[ZERO]]] : tensor<1xi32>
// CHECK: tensor.insert_slice
pydy.func @set_value_of_one_element(%x: tensor<4xi32>, %v: tensor<1xi32>) -> tensor<4xi32> {
  %0 = pydy.lib_call "set_value"(%x, %v) {kwnames = ["x", "value"], static_args = {axes = [0], starts = array<i64: 3>, ends = array<i64: 0>, strides = array<i64: 1>, decrease_axes = [0]}} : (tensor<4xi32>, tensor<1xi32>) -> tensor<4xi32>
  pydy.return %0 : tensor<4xi32>
}

// transpose, unsqueeze (a reshape), broadcast_to (a size-1 dimension reads 0).
// CHECK-LABEL: func.func @layout
// CHECK: linalg.transpose ins(%{{.*}} : tensor<1x3xf32>) outs(%{{.*}} : tensor<3x1xf32>) permutation = [1, 0]
// CHECK: tensor.reshape %{{.*}}(%{{.*}}) : (tensor<1x3xf32>, tensor<3xi64>) -> tensor<1x1x3xf32>
// CHECK: linalg.generic {indexing_maps = [#[[B]], #{{.*}}]
pydy.func @layout(%x: tensor<1x3xf32>) -> tuple<tensor<3x1xf32>, tensor<1x1x3xf32>, tensor<2x4x3xf32>> {
  %0 = pydy.lib_call "transpose"(%x) {kwnames = ["x"], static_args = {perm = [1, 0]}} : (tensor<1x3xf32>) -> tensor<3x1xf32>
  %1 = pydy.lib_call "unsqueeze"(%x) {kwnames = ["x"], static_args = {axis = [0]}} : (tensor<1x3xf32>) -> tensor<1x1x3xf32>
  %2 = pydy.lib_call "broadcast_to"(%x) {kwnames = ["x"], static_args = {shape = array<i64: 2, 4, 3>}} : (tensor<1x3xf32>) -> tensor<2x4x3xf32>
  %t = pydy.tuple %0, %1, %2 : (tensor<3x1xf32>, tensor<1x1x3xf32>, tensor<2x4x3xf32>) -> tuple<tensor<3x1xf32>, tensor<1x1x3xf32>, tensor<2x4x3xf32>>
  pydy.return %t : tuple<tensor<3x1xf32>, tensor<1x1x3xf32>, tensor<2x4x3xf32>>
}

// gather: indices are checked at run time (a reduction over them), then read
// with tensor.extract at the clamped index.
// CHECK-LABEL: func.func @gather
// CHECK: linalg.reduce
// CHECK: call @dy2st_raise
// CHECK: linalg.generic
// CHECK:   arith.index_cast
// CHECK:   tensor.extract
pydy.func @gather(%x: tensor<4x3xf32>, %i: tensor<2xi64>) -> tensor<2x3xf32> {
  %0 = pydy.lib_call "gather"(%x, %i) {kwnames = ["x", "index"], static_args = {axis = 0 : i64}} : (tensor<4x3xf32>, tensor<2xi64>) -> tensor<2x3xf32>
  pydy.return %0 : tensor<2x3xf32>
}

// Paddle's [N, 1] index is its N entries: collapsed, then gathered as a 1-d one.
// CHECK-LABEL: func.func @gather_column_index
// CHECK: %[[FLAT:.*]] = tensor.collapse_shape %{{.*}} {{\[}}[0, 1]] : tensor<2x1xi64> into tensor<2xi64>
// CHECK: linalg.reduce ins(%[[FLAT]]
// CHECK: linalg.generic
pydy.func @gather_column_index(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>) -> tensor<2x3xf32> {
  %0 = pydy.lib_call "gather"(%x, %i) {kwnames = ["x", "index"], static_args = {axis = 0 : i64}} : (tensor<4x3xf32>, tensor<2x1xi64>) -> tensor<2x3xf32>
  pydy.return %0 : tensor<2x3xf32>
}

// x[:, t]: a scalar index into a dimension that is never empty is checked
// as a scalar, then read as a view at the clamped index (no copy); with a
// static empty dimension elsewhere, the elements are gathered.
// CHECK-LABEL: func.func @gather_row
// CHECK-NOT: linalg.reduce
// CHECK: call @dy2st_raise
// CHECK: %[[I:.*]] = arith.minsi
// CHECK: %[[PLANE:.*]] = tensor.extract_slice %{{.*}}[0, %[[I]], 0] [4, 1, 3] [1, 1, 1] : tensor<4x5x3xf32> to tensor<4x1x3xf32>
// CHECK: tensor.collapse_shape %[[PLANE]] {{\[}}[0], [1, 2]] : tensor<4x1x3xf32> into tensor<4x3xf32>
// CHECK-NOT: linalg.generic
// CHECK: return
// CHECK-LABEL: func.func @gather_row_of_empty
// CHECK-NOT: tensor.extract_slice
// CHECK: linalg.generic
pydy.func @gather_row(%x: tensor<4x5x3xf32>, %i: tensor<i64>) -> tensor<4x3xf32> {
  %0 = pydy.lib_call "gather"(%x, %i) {kwnames = ["x", "index"], static_args = {axis = 1 : i64}} : (tensor<4x5x3xf32>, tensor<i64>) -> tensor<4x3xf32>
  pydy.return %0 : tensor<4x3xf32>
}
pydy.func @gather_row_of_empty(%x: tensor<0x5x3xf32>, %i: tensor<i64>) -> tensor<0x3xf32> {
  %0 = pydy.lib_call "gather"(%x, %i) {kwnames = ["x", "index"], static_args = {axis = 1 : i64}} : (tensor<0x5x3xf32>, tensor<i64>) -> tensor<0x3xf32>
  pydy.return %0 : tensor<0x3xf32>
}

// put_along_axis and masked_select: loops that write element by element.
// CHECK-LABEL: func.func @scatter_and_compress
// CHECK: scf.for
// CHECK:   tensor.insert
// CHECK: scf.for
// CHECK: scf.for
// CHECK:   scf.if
// CHECK:     tensor.insert
pydy.func @scatter_and_compress(%x: tensor<4x3xf32>, %i: tensor<1x3xi64>, %m: tensor<4x3xi1>) -> tuple<tensor<4x3xf32>, tensor<?xf32>> {
  %v = pydy.constant 0.0 : f64
  %0 = pydy.lib_call "put_along_axis"(%x, %i, %v) {kwnames = ["arr", "indices", "values"], static_args = {axis = 0 : i64, reduce = "assign", include_self = true, broadcast = true}} : (tensor<4x3xf32>, tensor<1x3xi64>, f64) -> tensor<4x3xf32>
  %1 = pydy.lib_call "masked_select"(%x, %m) {kwnames = ["x", "mask"], static_args = {}} : (tensor<4x3xf32>, tensor<4x3xi1>) -> tensor<?xf32>
  %t = pydy.tuple %0, %1 : (tensor<4x3xf32>, tensor<?xf32>) -> tuple<tensor<4x3xf32>, tensor<?xf32>>
  pydy.return %t : tuple<tensor<4x3xf32>, tensor<?xf32>>
}

// put_along_axis's amax of floats: Paddle's `v > old ? v : old` (a NaN put is
// passed over); of ints, the larger.
// CHECK-LABEL: func.func @scatter_max
// CHECK: tensor.extract
// CHECK: arith.cmpf ogt
// CHECK: arith.select
// CHECK: tensor.insert
// CHECK: arith.minsi
pydy.func @scatter_max(%x: tensor<4x3xf32>, %i: tensor<1x3xi64>, %v: tensor<1x3xf32>, %n: tensor<4x3xi64>) -> tuple<tensor<4x3xf32>, tensor<4x3xi64>> {
  %0 = pydy.lib_call "put_along_axis"(%x, %i, %v) {kwnames = ["arr", "indices", "values"], static_args = {axis = 0 : i64, reduce = "amax", include_self = true, broadcast = true}} : (tensor<4x3xf32>, tensor<1x3xi64>, tensor<1x3xf32>) -> tensor<4x3xf32>
  %1 = pydy.lib_call "put_along_axis"(%n, %i, %i) {kwnames = ["arr", "indices", "values"], static_args = {axis = 0 : i64, reduce = "amin", include_self = true, broadcast = true}} : (tensor<4x3xi64>, tensor<1x3xi64>, tensor<1x3xi64>) -> tensor<4x3xi64>
  %t = pydy.tuple %0, %1 : (tensor<4x3xf32>, tensor<4x3xi64>) -> tuple<tensor<4x3xf32>, tensor<4x3xi64>>
  pydy.return %t : tuple<tensor<4x3xf32>, tensor<4x3xi64>>
}

// stack of statically empty tensors: an empty tensor of the joined sizes
// (no tensor.concat, whose slices at offset 0 of an empty dimension would not
// verify).
// CHECK-LABEL: func.func @stack_empty
// CHECK-NOT: tensor.concat
// CHECK: tensor.empty() : tensor<2x0x2xf32>
pydy.func @stack_empty(%x: tensor<0x2xf32>) -> tensor<2x0x2xf32> {
  %0 = pydy.lib_call "stack"(%x, %x) {kwnames = ["x", "x"], static_args = {axis = 0 : i64}} : (tensor<0x2xf32>, tensor<0x2xf32>) -> tensor<2x0x2xf32>
  pydy.return %0 : tensor<2x0x2xf32>
}

// concat with a part empty along the axis: the part is left out (its slice,
// at the result's end, would not verify).
// CHECK-LABEL: func.func @concat_empty_part
// CHECK: tensor.concat dim(1) %{{.*}}, %{{.*}} : (tensor<2x4xf32>, tensor<2x3xf32>) -> tensor<2x7xf32>
pydy.func @concat_empty_part(%x: tensor<2x4xf32>, %e: tensor<2x0xf32>, %y: tensor<2x3xf32>) -> tensor<2x7xf32> {
  %0 = pydy.lib_call "concat"(%x, %e, %y) {kwnames = ["x", "x", "x"], static_args = {axis = 1 : i64}} : (tensor<2x4xf32>, tensor<2x0xf32>, tensor<2x3xf32>) -> tensor<2x7xf32>
  pydy.return %0 : tensor<2x7xf32>
}

// pad of the spatial form by an amount known only at run time: a negative
// amount crops (an extract_slice), the rest is tensor.pad, and a result size
// below zero is Paddle's error where it runs.
// CHECK-LABEL: func.func @pad_at_run_time
// CHECK: arith.cmpi sge
// CHECK: call @dy2st_raise
// CHECK: scf.if
// CHECK: tensor.extract_slice
// CHECK: tensor.pad
pydy.func @pad_at_run_time(%x: tensor<1x2x?xf32>, %a: i64) -> tensor<1x2x?xf32> {
  %v = pydy.constant 0.0 : f64
  %0 = pydy.lib_call "pad"(%x, %a, %v) {kwnames = ["x", "pad", "value"], static_args = {pad = array<i64: -9223372036854775808, 2>, pad_order = array<i64: -1, -1, -1, -1, 0, 1>, crop = true, mode = "constant"}} : (tensor<1x2x?xf32>, i64, f64) -> tensor<1x2x?xf32>
  pydy.return %0 : tensor<1x2x?xf32>
}

// Known non-negative amounts need no test: tensor.pad alone.
// CHECK-LABEL: func.func @pad_known
// CHECK-NOT: dy2st_raise
// CHECK: tensor.pad %{{.*}} low[0, 0, 1] high[0, 0, 2]
// CHECK-NOT: dy2st_raise
pydy.func @pad_known(%x: tensor<1x2x3xf32>) -> tensor<1x2x6xf32> {
  %v = pydy.constant 0.0 : f64
  %0 = pydy.lib_call "pad"(%x, %v) {kwnames = ["x", "value"], static_args = {pad = array<i64: 1, 2>, pad_order = array<i64: -1, -1, -1, -1, 0, 1>, crop = true, mode = "constant"}} : (tensor<1x2x3xf32>, f64) -> tensor<1x2x6xf32>
  pydy.return %0 : tensor<1x2x6xf32>
}
