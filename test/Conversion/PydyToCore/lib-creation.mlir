// RUN: dy2st-opt %s --convert-pydy-to-core | FileCheck %s

// zeros with a size known only at run time (checked non-negative), arange
// with a runtime end: its length ceil((end - start) / step) computed in f64.
// CHECK-LABEL: func.func @creation
// CHECK: arith.cmpi sge
// CHECK: call @dy2st_raise
// CHECK: tensor.empty(%{{.*}}) : tensor<?x3xi32>
// CHECK: linalg.fill
// CHECK: math.ceil
// CHECK: linalg.generic
// CHECK:   linalg.index 0
// CHECK:   arith.sitofp
pydy.func @creation(%n: i64) -> tuple<tensor<?x3xi32>, tensor<?xi64>> {
  %0 = pydy.lib_call "zeros"(%n) {kwnames = ["shape"], static_args = {shape = array<i64: -9223372036854775808, 3>, dtype = "int32"}} : (i64) -> tensor<?x3xi32>
  %z = pydy.constant 0 : i64
  %s = pydy.constant 2 : i64
  %1 = pydy.lib_call "arange"(%z, %n, %s) {kwnames = ["start", "end", "step"], static_args = {}} : (i64, i64, i64) -> tensor<?xi64>
  %t = pydy.tuple %0, %1 : (tensor<?x3xi32>, tensor<?xi64>) -> tuple<tensor<?x3xi32>, tensor<?xi64>>
  pydy.return %t : tuple<tensor<?x3xi32>, tensor<?xi64>>
}

// to_tensor of literal data is a constant; of runtime numbers, from_elements.
// CHECK-LABEL: func.func @to_tensor
// CHECK: arith.constant dense<{{\[\[}}1, 2], [3, 4]]> : tensor<2x2xi64>
// CHECK: tensor.from_elements %{{.*}}, %{{.*}} : tensor<2xi64>
pydy.func @to_tensor(%a: i64) -> tuple<tensor<2x2xi64>, tensor<2xi64>> {
  %0 = pydy.lib_call "to_tensor"() {static_args = {data = [[1, 2], [3, 4]]}} : () -> tensor<2x2xi64>
  %1 = pydy.lib_call "to_tensor"(%a, %a) {kwnames = ["data", "data"], static_args = {items}} : (i64, i64) -> tensor<2xi64>
  %t = pydy.tuple %0, %1 : (tensor<2x2xi64>, tensor<2xi64>) -> tuple<tensor<2x2xi64>, tensor<2xi64>>
  pydy.return %t : tuple<tensor<2x2xi64>, tensor<2xi64>>
}
