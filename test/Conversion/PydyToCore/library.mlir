// RUN: dy2st-opt %s --convert-pydy-to-core | FileCheck %s

// CHECK-LABEL: func.func @matmul_relu
// CHECK: %[[Z:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<2x5xf32>)
// CHECK: %[[M:.*]] = linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<2x3xf32>, tensor<3x5xf32>) outs(%[[Z]] : tensor<2x5xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[M]] : tensor<2x5xf32>)
// CHECK:   arith.maxnumf
pydy.func @matmul_relu(%x: tensor<2x3xf32>, %w: tensor<3x5xf32>) -> tensor<2x5xf32> {
  %0 = pydy.lib_call "matmul"(%x, %w) {kwnames = ["x", "y"], static_args = {}} : (tensor<2x3xf32>, tensor<3x5xf32>) -> tensor<2x5xf32>
  %1 = pydy.lib_call "relu"(%0) {kwnames = ["x"], static_args = {}} : (tensor<2x5xf32>) -> tensor<2x5xf32>
  pydy.return %1 : tensor<2x5xf32>
}

// A matrix used transposed is read transposed by the product's indexing maps
// (no transposed copy); a batch of them is transposed first.
// CHECK-LABEL: func.func @transposed
// CHECK-NOT: linalg.transpose
// CHECK: linalg.matmul indexing_maps = [#{{.*}}, #{{.*}}, #{{.*}}] ins(%{{.*}}, %{{.*}} : tensor<2x3xf32>, tensor<5x3xf32>)
pydy.func @transposed(%x: tensor<2x3xf32>, %w: tensor<5x3xf32>) -> tensor<2x5xf32> {
  %0 = pydy.lib_call "matmul"(%x, %w) {kwnames = ["x", "y"], static_args = {transpose_y = true}} : (tensor<2x3xf32>, tensor<5x3xf32>) -> tensor<2x5xf32>
  pydy.return %0 : tensor<2x5xf32>
}

// CHECK-LABEL: func.func @transposed_batch
// CHECK: linalg.transpose ins(%{{.*}} : tensor<4x5x3xf32>) outs(%{{.*}} : tensor<4x3x5xf32>) permutation = [0, 2, 1]
// CHECK: linalg.batch_matmul
pydy.func @transposed_batch(%x: tensor<4x2x3xf32>, %w: tensor<4x5x3xf32>) -> tensor<4x2x5xf32> {
  %0 = pydy.lib_call "matmul"(%x, %w) {kwnames = ["x", "y"], static_args = {transpose_y = true}} : (tensor<4x2x3xf32>, tensor<4x5x3xf32>) -> tensor<4x2x5xf32>
  pydy.return %0 : tensor<4x2x5xf32>
}

// CHECK-LABEL: func.func @reductions
// A float sum over trailing dimensions adds in numpy's order: below 8
// elements, in sequence over the collapsed dimensions.
// CHECK: tensor.collapse_shape %{{.*}} {{\[\[}}0, 1]] : tensor<2x3xf32> into tensor<6xf32>
// CHECK: linalg.reduce ins(%{{.*}} : tensor<6xf32>) outs(%{{.*}} : tensor<f32>) dimensions = [0]
// CHECK:   arith.addf
// CHECK: %[[MAX:.*]] = linalg.reduce ins(%{{.*}} : tensor<2x3xf32>) outs(%{{.*}} : tensor<3xf32>) dimensions = [0]
// CHECK:   arith.maximumf
// CHECK: tensor.expand_shape %[[MAX]] {{\[\[}}0, 1]] output_shape [1, 3] : tensor<3xf32> into tensor<1x3xf32>
// CHECK: linalg.reduce {{.*}} dimensions = [1]
// CHECK: arith.divf
pydy.func @reductions(%x: tensor<2x3xf32>) -> tuple<tensor<f32>, tensor<1x3xf32>, tensor<2xf32>> {
  %0 = pydy.lib_call "sum"(%x) {kwnames = ["x"], static_args = {axis = [0, 1], keepdim = false}} : (tensor<2x3xf32>) -> tensor<f32>
  %1 = pydy.lib_call "max"(%x) {kwnames = ["x"], static_args = {axis = [0], keepdim = true}} : (tensor<2x3xf32>) -> tensor<1x3xf32>
  %2 = pydy.lib_call "mean"(%x) {kwnames = ["x"], static_args = {axis = [1], keepdim = false}} : (tensor<2x3xf32>) -> tensor<2xf32>
  %t = pydy.tuple %0, %1, %2 : (tensor<f32>, tensor<1x3xf32>, tensor<2xf32>) -> tuple<tensor<f32>, tensor<1x3xf32>, tensor<2xf32>>
  pydy.return %t : tuple<tensor<f32>, tensor<1x3xf32>, tensor<2xf32>>
}

// CHECK-LABEL: func.func @elementwise_math
// CHECK: math.exp
// CHECK: math.log
// CHECK: math.sqrt
// CHECK: math.tanh
// CHECK: math.absf
// CHECK: arith.negf
// CHECK: math.exp
// CHECK: arith.divf
pydy.func @elementwise_math(%x: tensor<4xf64>) -> tuple<tensor<4xf64>, tensor<4xf64>, tensor<4xf64>, tensor<4xf64>, tensor<4xf64>, tensor<4xf64>> {
  %0 = pydy.lib_call "exp"(%x) {kwnames = ["x"], static_args = {}} : (tensor<4xf64>) -> tensor<4xf64>
  %1 = pydy.lib_call "log"(%x) {kwnames = ["x"], static_args = {}} : (tensor<4xf64>) -> tensor<4xf64>
  %2 = pydy.lib_call "sqrt"(%x) {kwnames = ["x"], static_args = {}} : (tensor<4xf64>) -> tensor<4xf64>
  %3 = pydy.lib_call "tanh"(%x) {kwnames = ["x"], static_args = {}} : (tensor<4xf64>) -> tensor<4xf64>
  %4 = pydy.lib_call "abs"(%x) {kwnames = ["x"], static_args = {}} : (tensor<4xf64>) -> tensor<4xf64>
  %5 = pydy.lib_call "sigmoid"(%x) {kwnames = ["x"], static_args = {}} : (tensor<4xf64>) -> tensor<4xf64>
  %t = pydy.tuple %0, %1, %2, %3, %4, %5 : (tensor<4xf64>, tensor<4xf64>, tensor<4xf64>, tensor<4xf64>, tensor<4xf64>, tensor<4xf64>) -> tuple<tensor<4xf64>, tensor<4xf64>, tensor<4xf64>, tensor<4xf64>, tensor<4xf64>, tensor<4xf64>>
  pydy.return %t : tuple<tensor<4xf64>, tensor<4xf64>, tensor<4xf64>, tensor<4xf64>, tensor<4xf64>, tensor<4xf64>>
}

// CHECK-LABEL: func.func @casts
// CHECK: arith.fptosi %{{.*}} : f32 to i32
// CHECK: arith.cmpf une
// CHECK: arith.uitofp %{{.*}} : i1 to f64
pydy.func @casts(%x: tensor<2xf32>, %b: tensor<2xi1>) -> tuple<tensor<2xi32>, tensor<2xi1>, tensor<2xf64>> {
  %0 = pydy.lib_call "cast"(%x) {kwnames = ["x"], static_args = {dtype = "int32"}} : (tensor<2xf32>) -> tensor<2xi32>
  %1 = pydy.lib_call "cast"(%x) {kwnames = ["x"], static_args = {dtype = "bool"}} : (tensor<2xf32>) -> tensor<2xi1>
  %2 = pydy.lib_call "cast"(%b) {kwnames = ["x"], static_args = {dtype = "float64"}} : (tensor<2xi1>) -> tensor<2xf64>
  %t = pydy.tuple %0, %1, %2 : (tensor<2xi32>, tensor<2xi1>, tensor<2xf64>) -> tuple<tensor<2xi32>, tensor<2xi1>, tensor<2xf64>>
  pydy.return %t : tuple<tensor<2xi32>, tensor<2xi1>, tensor<2xf64>>
}

// CHECK-LABEL: func.func @creation
// CHECK: %[[ONE:.*]] = arith.constant 1 : i64
// CHECK: linalg.fill ins(%[[ONE]] : i64) outs(%{{.*}} : tensor<2x2xi64>)
// CHECK: %[[V:.*]] = arith.truncf %{{.*}} : f64 to f32
// CHECK: linalg.fill ins(%[[V]] : f32) outs(%{{.*}} : tensor<3xf32>)
pydy.func @creation(%v: f64) -> tuple<tensor<2x2xi64>, tensor<3xf32>> {
  %0 = pydy.lib_call "ones"() {kwnames = [], static_args = {dtype = "int64", shape = array<i64: 2, 2>}} : () -> tensor<2x2xi64>
  %1 = pydy.lib_call "full"(%v) {kwnames = ["fill_value"], static_args = {shape = array<i64: 3>}} : (f64) -> tensor<3xf32>
  %t = pydy.tuple %0, %1 : (tensor<2x2xi64>, tensor<3xf32>) -> tuple<tensor<2x2xi64>, tensor<3xf32>>
  pydy.return %t : tuple<tensor<2x2xi64>, tensor<3xf32>>
}

// From 8 elements: eight interleaved partial sums ([n/8, 8] reduced over its
// first dimension), combined pairwise, then the n % 8 last in sequence; a
// size known only at run time chooses between that and a sequence.
// CHECK-LABEL: func.func @pairwise_sums
// CHECK: tensor.expand_shape %{{.*}} {{\[\[}}0, 1]] output_shape [%{{.*}}, 8] : tensor<?xf32> into tensor<?x8xf32>
// CHECK: linalg.reduce ins(%{{.*}} : tensor<?x8xf32>) outs(%{{.*}} : tensor<8xf32>) dimensions = [0]
// CHECK-COUNT-7: arith.addf
// CHECK: linalg.reduce ins(%{{.*}} : tensor<?xf32>) outs(%{{.*}} : tensor<f32>) dimensions = [0]
// CHECK: %[[ENOUGH:.*]] = arith.cmpi sge, %{{.*}}, %c8
// CHECK: scf.if %[[ENOUGH]] -> (tensor<4xf32>)
pydy.func @pairwise_sums(%x: tensor<19xf32>, %y: tensor<4x?xf32>) -> tuple<tensor<f32>, tensor<4xf32>> {
  %0 = pydy.lib_call "sum"(%x) {kwnames = ["x"], static_args = {axis = [0], keepdim = false}} : (tensor<19xf32>) -> tensor<f32>
  %1 = pydy.lib_call "sum"(%y) {kwnames = ["x"], static_args = {axis = [1], keepdim = false}} : (tensor<4x?xf32>) -> tensor<4xf32>
  %t = pydy.tuple %0, %1 : (tensor<f32>, tensor<4xf32>) -> tuple<tensor<f32>, tensor<4xf32>>
  pydy.return %t : tuple<tensor<f32>, tensor<4xf32>>
}
