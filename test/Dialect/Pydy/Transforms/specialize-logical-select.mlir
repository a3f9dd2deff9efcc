// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<1xf32>,tensor<2x3xi64>" -split-input-file -verify-diagnostics | FileCheck %s

// `and`/`or` whose operands have different types and whose result is a
// value: the `pydy.if` that picks one operand, the types joined as an `if`'s
// branches are (`(x > 0) and 3`: a bool tensor or the number, as int64).
// CHECK-LABEL: pydy.func @and_value
// CHECK: %[[T:.*]] = pydy.compare gt %x, %{{.*}} : (tensor<1xf32>, f64) -> tensor<1xi1>
// CHECK: %[[R:.*]] = pydy.if %[[T]] : tensor<1xi1> -> tensor<1xi64> {
// CHECK:   %[[N:.*]] = pydy.constant 3 : i64
// CHECK:   %[[C:.*]] = pydy.unary promote %[[N]] : (i64) -> tensor<1xi64>
// CHECK:   pydy.yield %[[C]] : tensor<1xi64>
// CHECK: } else {
// CHECK:   %[[L:.*]] = pydy.unary promote %[[T]] : (tensor<1xi1>) -> tensor<1xi64>
// CHECK:   pydy.yield %[[L]] : tensor<1xi64>
// CHECK: pydy.return %[[R]]
pydy.func @and_value(%x: !pydy.object {pydy.name = "x"}, %n: !pydy.object {pydy.name = "n"}) -> !pydy.object {
  %0 = pydy.constant 0.000000e+00 : f64
  %1 = pydy.compare gt %x, %0 : (!pydy.object, f64) -> !pydy.object
  %2 = pydy.logical and %1 : !pydy.object -> !pydy.object {
    %3 = pydy.constant 3 : i64
    pydy.yield %3 : i64
  }
  pydy.return %2 : !pydy.object
}

// -----

// `or`: the left operand where it is true, so it is the then-branch.
// CHECK-LABEL: pydy.func @or_value
// CHECK: %[[T:.*]] = pydy.compare ne %x, %{{.*}} : (tensor<1xf32>, f64) -> tensor<1xi1>
// CHECK: %[[R:.*]] = pydy.if %[[T]] : tensor<1xi1> -> tensor<1xf32> {
// CHECK:   pydy.yield %x : tensor<1xf32>
// CHECK: } else {
// CHECK:   pydy.constant 2.500000e+00 : f64
// CHECK:   pydy.unary promote
// CHECK: pydy.return %[[R]]
pydy.func @or_value(%x: !pydy.object {pydy.name = "x"}, %n: !pydy.object {pydy.name = "n"}) -> !pydy.object {
  %0 = pydy.logical or %x : !pydy.object -> !pydy.object {
    %1 = pydy.constant 2.500000e+00 : f64
    pydy.yield %1 : f64
  }
  pydy.return %0 : !pydy.object
}

// -----

// Operands with no common type are an error where the result is a value.
pydy.func @no_join(%x: !pydy.object {pydy.name = "x"}, %n: !pydy.object {pydy.name = "n"}) -> !pydy.object {
  // expected-error @+1 {{operands of 'and' are a float32 tensor of shape [1] and an int64 tensor of shape [2, 3], which have no common type}}
  %0 = pydy.logical and %x : !pydy.object -> !pydy.object {
    pydy.yield %n : !pydy.object
  }
  pydy.return %0 : !pydy.object
}

// -----

// None is false as a condition, also as an operand of `and`/`or`.
// CHECK-LABEL: pydy.func @none_operand
// CHECK: pydy.logical and %{{.*}} : i1 -> i1 {
// CHECK:   %[[F:.*]] = pydy.constant false
// CHECK:   pydy.yield %[[F]] : i1
pydy.func @none_operand(%x: !pydy.object {pydy.name = "x"}, %n: !pydy.object {pydy.name = "n"}) -> !pydy.object {
  %0 = pydy.constant 0.000000e+00 : f64
  %1 = pydy.compare gt %x, %0 : (!pydy.object, f64) -> !pydy.object
  %2 = pydy.logical and %1 : !pydy.object -> !pydy.object {
    %3 = pydy.constant none
    pydy.yield %3 : !pydy.none
  }
  %4 = pydy.if %2 : !pydy.object -> !pydy.object {
    pydy.yield %x : !pydy.object
  } else {
    %5 = pydy.binary add %x, %0 : (!pydy.object, f64) -> !pydy.object
    pydy.yield %5 : !pydy.object
  }
  pydy.return %4 : !pydy.object
}
