// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<4xf32>" | FileCheck %s

// A condition of four elements, and `not` and float() of them, are accepted:
// each checks where it runs that its tensor has one element (an
// AssertionError otherwise, as eagerly), so a path that never reaches them
// runs.
// CHECK-LABEL: pydy.func @vector_truth
// CHECK: %[[C:.*]] = pydy.compare gt %x, %{{.*}} : (tensor<4xf32>, f64) -> tensor<4xi1>
// CHECK: pydy.unary not %[[C]] : (tensor<4xi1>) -> i1
// CHECK: pydy.unary to_float %x : (tensor<4xf32>) -> f64
// CHECK: pydy.if %[[C]] : tensor<4xi1> -> tensor<4xf32>
pydy.func @vector_truth(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant 0.000000e+00 : f64
  %1 = pydy.compare gt %x, %0 : (!pydy.object, f64) -> !pydy.object
  %2 = pydy.unary not %1 : (!pydy.object) -> !pydy.object
  %3 = pydy.unary to_float %x : (!pydy.object) -> !pydy.object
  %4 = pydy.if %1 : !pydy.object -> !pydy.object {
    %5 = pydy.unary neg %x : (!pydy.object) -> !pydy.object
    pydy.yield %5 : !pydy.object
  } else {
    pydy.yield %x : !pydy.object
  } {names = ["y"]}
  %6 = pydy.tuple %2, %3, %4 : (!pydy.object, !pydy.object, !pydy.object) -> !pydy.object
  pydy.return %6 : !pydy.object
}
