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

// uniform, gaussian: a key from the runtime's stream at each run
// (dy2st_random_bits), or mix(seed) for a seed; each element's bits mix the
// key and its index (splitmix64's finalizer: shifts, xors, products); a
// float32 takes the top 24 bits, normal numbers come by Box-Muller.
// CHECK-LABEL: func.func @random
// CHECK: %[[KEY:.*]] = call @dy2st_random_bits() : () -> i64
// CHECK: linalg.generic
// CHECK:   arith.addi %[[KEY]],
// CHECK:   arith.shrui
// CHECK:   arith.xori
// CHECK:   arith.muli
// CHECK:   arith.uitofp
// CHECK:   arith.truncf
// CHECK: call @dy2st_random_bits() : () -> i64
// CHECK: linalg.generic
// CHECK:   math.log
// CHECK:   math.sqrt
// CHECK:   math.cos
// CHECK: %[[SEEDED:.*]] = arith.constant {{-?[0-9]+}} : i64
// CHECK-NOT: call @dy2st_random_bits
// CHECK: linalg.generic
// CHECK:   arith.addi %[[SEEDED]],
pydy.func @random(%n: i64) -> tuple<tensor<?x3xf32>, tensor<4xf64>, tensor<2xf32>> {
  %lo = pydy.constant 0.0 : f64
  %hi = pydy.constant 1.0 : f64
  %0 = pydy.lib_call "uniform"(%n, %lo, %hi) {kwnames = ["shape", "min", "max"], static_args = {shape = array<i64: -9223372036854775808, 3>, seed = 0 : i64}} : (i64, f64, f64) -> tensor<?x3xf32>
  %1 = pydy.lib_call "gaussian"(%lo, %hi) {kwnames = ["mean", "std"], static_args = {shape = array<i64: 4>, seed = 0 : i64, dtype = "float64"}} : (f64, f64) -> tensor<4xf64>
  %2 = pydy.lib_call "uniform"(%lo, %hi) {kwnames = ["min", "max"], static_args = {shape = array<i64: 2>, seed = 7 : i64}} : (f64, f64) -> tensor<2xf32>
  %t = pydy.tuple %0, %1, %2 : (tensor<?x3xf32>, tensor<4xf64>, tensor<2xf32>) -> tuple<tensor<?x3xf32>, tensor<4xf64>, tensor<2xf32>>
  pydy.return %t : tuple<tensor<?x3xf32>, tensor<4xf64>, tensor<2xf32>>
}
