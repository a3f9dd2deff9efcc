// RUN: dy2st-opt %s --pydy-promote-variables --pydy-specialize="signature=tensor<3x2xf32>" | FileCheck %s

// `for row in x` over a tensor is a counted loop over dim 0 with row = x[i];
// `for i, v in enumerate((2, 5))` over a Python tuple is unrolled (it runs
// as Python), so `i` and `v` are constants in each copy and fold.
// CHECK-LABEL: pydy.func @loops
// CHECK:      %[[S:.*]] = pydy.for_range %{{.*}}, %{{.*}}, %{{.*}} : i64, i64, i64 iter_args(%{{.*}} : tensor<2xf32>) -> tensor<2xf32> {
// CHECK:      ^bb0(%[[I:.*]]: i64, %[[ACC:.*]]: tensor<2xf32>):
// CHECK:        %[[ROW:.*]] = pydy.subscript %x[%[[I]]] : (tensor<3x2xf32>, i64) -> tensor<2xf32>
// CHECK:        pydy.binary add %[[ACC]], %[[ROW]]
// CHECK-NOT:  pydy.for_in
// CHECK:      %[[K1:.*]] = pydy.constant 2 : i64
// CHECK:      %[[T1:.*]] = pydy.binary mul %[[S]], %[[K1]]
// CHECK:      %[[K2:.*]] = pydy.constant 5 : i64
// CHECK:      pydy.binary mul %[[T1]], %[[K2]]
pydy.func @loops(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %x = pydy.load "x" : !pydy.object
  %z = pydy.constant 0 : i64
  %x0 = pydy.subscript %x[%z] : (!pydy.object, i64) -> !pydy.object
  %zero = pydy.binary mul %x0, %z : (!pydy.object, i64) -> !pydy.object
  pydy.store "acc", %zero : !pydy.object
  pydy.for_in %x : !pydy.object {
  ^bb0(%row: !pydy.object):
    pydy.store "row", %row : !pydy.object
    %a = pydy.load "acc" : !pydy.object
    %r = pydy.load "row" : !pydy.object
    %s = pydy.binary add %a, %r : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.store "acc", %s : !pydy.object
  }
  %two = pydy.constant 2 : i64
  %five = pydy.constant 5 : i64
  %t = pydy.tuple %two, %five : (i64, i64) -> !pydy.object
  pydy.for_in %t : !pydy.object {
  ^bb0(%item: !pydy.object):
    %iv:2 = pydy.unpack %item : !pydy.object -> !pydy.object, !pydy.object
    pydy.store "i", %iv#0 : !pydy.object
    pydy.store "v", %iv#1 : !pydy.object
    %a = pydy.load "acc" : !pydy.object
    %v = pydy.load "v" : !pydy.object
    %m = pydy.binary mul %a, %v : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.store "acc", %m : !pydy.object
  } {enumerate}
  %r = pydy.load "acc" : !pydy.object
  pydy.return %r : !pydy.object
}
