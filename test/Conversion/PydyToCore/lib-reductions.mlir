// RUN: dy2st-opt %s --convert-pydy-to-core | FileCheck %s

// CHECK-DAG: #[[A:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[B:.*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[EX:.*]] = affine_map<(d0, d1, d2, d3) -> (0, d1, d3)>
// CHECK-DAG: #[[EY:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d3, d2)>

// Batched matmul: batch dimensions broadcast (a size-1 batch reads index 0);
// loops (b, m, k, n) with k a reduction, n innermost (contiguous in y and
// the result).
// CHECK-DAG: #[[X:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-DAG: #[[Y:.*]] = affine_map<(d0, d1, d2, d3) -> (0, d2, d3)>
// CHECK-DAG: #[[R:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
// CHECK-LABEL: func.func @batched_matmul
// CHECK: linalg.transpose ins(%{{.*}} : tensor<1x5x4xf32>) outs(%{{.*}} : tensor<1x4x5xf32>) permutation = [0, 2, 1]
// CHECK: linalg.generic {indexing_maps = [#[[X]], #[[Y]], #[[R]]], iterator_types = ["parallel", "parallel", "reduction", "parallel"]}
// CHECK:   arith.mulf
// CHECK:   arith.addf
pydy.func @batched_matmul(%x: tensor<2x3x4xf32>, %y: tensor<1x5x4xf32>) -> tensor<2x3x5xf32> {
  %0 = pydy.lib_call "matmul"(%x, %y) {kwnames = ["x", "y"], static_args = {transpose_y = true}} : (tensor<2x3x4xf32>, tensor<1x5x4xf32>) -> tensor<2x3x5xf32>
  pydy.return %0 : tensor<2x3x5xf32>
}

// A 1-d operand is a vector: a unit dimension in, then out.
// CHECK-LABEL: func.func @vector_matmul
// CHECK: tensor.expand_shape %{{.*}} {{\[\[}}0, 1]] output_shape [1, 4] : tensor<4xf32> into tensor<1x4xf32>
// CHECK: linalg.matmul
// CHECK: tensor.collapse_shape %{{.*}} {{\[\[}}0, 1]] : tensor<1x5xf32> into tensor<5xf32>
pydy.func @vector_matmul(%x: tensor<4xf32>, %y: tensor<4x5xf32>) -> tensor<5xf32> {
  %0 = pydy.lib_call "matmul"(%x, %y) {kwnames = ["x", "y"], static_args = {}} : (tensor<4xf32>, tensor<4x5xf32>) -> tensor<5xf32>
  pydy.return %0 : tensor<5xf32>
}

// prod/all/any reduce with their own identities and combiners.
// CHECK-LABEL: func.func @reductions
// CHECK: linalg.reduce ins(%{{.*}} : tensor<2x3xf32>) outs(%{{.*}} : tensor<3xf32>) dimensions = [0]
// CHECK:   arith.mulf
// CHECK: linalg.reduce ins(%{{.*}} : tensor<2x3xi1>) outs(%{{.*}} : tensor<2xi1>) dimensions = [1]
// CHECK:   arith.andi
pydy.func @reductions(%x: tensor<2x3xf32>, %b: tensor<2x3xi1>) -> tuple<tensor<3xf32>, tensor<2xi1>> {
  %0 = pydy.lib_call "prod"(%x) {kwnames = ["x"], static_args = {axis = [0], keepdim = false}} : (tensor<2x3xf32>) -> tensor<3xf32>
  %1 = pydy.lib_call "all"(%b) {kwnames = ["x"], static_args = {axis = [1], keepdim = false}} : (tensor<2x3xi1>) -> tensor<2xi1>
  %t = pydy.tuple %0, %1 : (tensor<3xf32>, tensor<2xi1>) -> tuple<tensor<3xf32>, tensor<2xi1>>
  pydy.return %t : tuple<tensor<3xf32>, tensor<2xi1>>
}

// argmax: one generic with two outputs (best value, its index), the axis a
// reduction. Paddle's NaN rule: a number (ord) beats a NaN kept so far (uno).
// CHECK-LABEL: func.func @argmax
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]} ins(%{{.*}} : tensor<2x3xf32>) outs(%{{.*}}, %{{.*}} : tensor<2xf32>, tensor<2xi64>)
// CHECK:   linalg.index 1
// CHECK:   arith.cmpf ogt
// CHECK-DAG:   arith.cmpf ord
// CHECK-DAG:   arith.cmpf uno
pydy.func @argmax(%x: tensor<2x3xf32>) -> tensor<2xi64> {
  %0 = pydy.lib_call "argmax"(%x) {kwnames = ["x"], static_args = {axis = 1 : i64, dtype = "int64", keepdim = false}} : (tensor<2x3xf32>) -> tensor<2xi64>
  pydy.return %0 : tensor<2xi64>
}

// cumsum: a loop along the axis adding each slice to the one before.
// CHECK-LABEL: func.func @cumsum
// CHECK: scf.for
// CHECK:   tensor.extract_slice
// CHECK:   tensor.extract_slice
// CHECK:   arith.addf
// CHECK:   tensor.insert_slice
pydy.func @cumsum(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = pydy.lib_call "cumsum"(%x) {kwnames = ["x"], static_args = {axis = 1 : i64}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  pydy.return %0 : tensor<2x3xf32>
}

// einsum: the output's letters parallel, the summed ones reductions.
// CHECK-LABEL: func.func @einsum
// CHECK: linalg.generic {indexing_maps = [#[[A]], #[[B]], #{{.*}}], iterator_types = ["parallel", "parallel", "reduction"]}
pydy.func @einsum(%x: tensor<2x4xf32>, %y: tensor<3x4xf32>) -> tensor<2x3xf32> {
  %0 = pydy.lib_call "einsum"(%x, %y) {kwnames = ["operands", "operands"], static_args = {equation = "ik,jk->ij"}} : (tensor<2x4xf32>, tensor<3x4xf32>) -> tensor<2x3xf32>
  pydy.return %0 : tensor<2x3xf32>
}

// einsum with '...': its dimensions are letters of their own, aligned at the
// end; one of size 1 where another operand's is larger is read at 0.
// CHECK-LABEL: func.func @einsum_ellipsis
// CHECK: linalg.generic {indexing_maps = [#[[EX]], #[[EY]], #{{.*}}], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
pydy.func @einsum_ellipsis(%x: tensor<1x2x4xf32>, %y: tensor<3x4x5xf32>) -> tensor<3x2x5xf32> {
  %0 = pydy.lib_call "einsum"(%x, %y) {kwnames = ["operands", "operands"], static_args = {equation = "...ij,...jk->...ik"}} : (tensor<1x2x4xf32>, tensor<3x4x5xf32>) -> tensor<3x2x5xf32>
  pydy.return %0 : tensor<3x2x5xf32>
}

// cumsum of a statically empty tensor is the tensor: no slices (a slice at
// offset 0 of an empty dimension would not verify).
// CHECK-LABEL: func.func @cumsum_empty
// CHECK-NOT: tensor.extract_slice
// CHECK: return
pydy.func @cumsum_empty(%x: tensor<0x1xf32>) -> tensor<0x1xf32> {
  %0 = pydy.lib_call "cumsum"(%x) {kwnames = ["x"], static_args = {axis = 1 : i64}} : (tensor<0x1xf32>) -> tensor<0x1xf32>
  pydy.return %0 : tensor<0x1xf32>
}

// argsort: a loop over the lines along the axis, each a merge sort of its
// positions (runs of 1, 2, 4, ... merged between two buffers) by x's values,
// strict so that equal values keep their order, NaN after every number;
// the line's positions written into the result.
// CHECK-LABEL: func.func @argsort
// CHECK: scf.for
// CHECK:   tensor.generate
// CHECK:   scf.while
// CHECK:     arith.cmpi ult
// CHECK:     scf.condition
// CHECK:   } do {
// CHECK:     scf.for
// CHECK:       scf.for
// CHECK:         arith.cmpf olt
// CHECK:         arith.cmpf uno
// CHECK:         arith.cmpf ord
// CHECK:         arith.select
// CHECK:         tensor.insert
// CHECK:   scf.for
// CHECK:     tensor.insert
pydy.func @argsort(%x: tensor<2x?xf32>) -> tensor<2x?xi64> {
  %0 = pydy.lib_call "argsort"(%x) {kwnames = ["x"], static_args = {axis = 1 : i64, descending = false, stable = false}} : (tensor<2x?xf32>) -> tensor<2x?xi64>
  pydy.return %0 : tensor<2x?xi64>
}

// argsort of a 0-d tensor: the position 0.
// CHECK-LABEL: func.func @argsort_scalar
// CHECK: arith.constant dense<0> : tensor<i64>
pydy.func @argsort_scalar(%x: tensor<f32>) -> tensor<i64> {
  %0 = pydy.lib_call "argsort"(%x) {kwnames = ["x"], static_args = {axis = 0 : i64, descending = false, stable = false}} : (tensor<f32>) -> tensor<i64>
  pydy.return %0 : tensor<i64>
}
