// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<3x2xf32>" | FileCheck %s
// RUN: dy2st-opt %s --pydy-specialize="entry=string_loop signature=tensor<2xf32>" | FileCheck %s --check-prefix=STR

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
pydy.func @loops(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant 0 : i64
  %1 = pydy.subscript %x[%0] : (!pydy.object, i64) -> !pydy.object
  %2 = pydy.binary mul %1, %0 : (!pydy.object, i64) -> !pydy.object
  %3 = pydy.for_in %x : !pydy.object iter_args(%2 : !pydy.object) -> !pydy.object {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
    %8 = pydy.binary add %arg1, %arg0 : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.yield %8 : !pydy.object
  } {names = ["acc"]}
  %4 = pydy.constant 2 : i64
  %5 = pydy.constant 5 : i64
  %6 = pydy.tuple %4, %5 : (i64, i64) -> !pydy.object
  %7 = pydy.for_in %6 : !pydy.object iter_args(%3 : !pydy.object) -> !pydy.object {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
    %8:2 = pydy.unpack %arg0 : !pydy.object -> !pydy.object, !pydy.object
    %9 = pydy.binary mul %arg1, %8#1 : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.yield %9 : !pydy.object
  } {enumerate, names = ["acc"]}
  pydy.return %7 : !pydy.object
}

// A string known when compiling is iterated character by character (UTF-8
// code points), unrolled: each copy compares a constant and folds.
// STR-LABEL: pydy.func @string_loop
// STR-NOT:  pydy.for_in
// STR:      %[[A:.*]] = pydy.constant 2.000000e+00 : f64
// STR:      pydy.binary mul %x, %[[A]]
// STR-NOT:  pydy.if
// STR:      %[[B:.*]] = pydy.constant 3.000000e+00 : f64
// STR:      pydy.binary mul %{{.*}}, %[[B]]
// STR-NOT:  pydy.if
pydy.func @string_loop(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %s = pydy.constant "aé" loc(unknown)
  %r = pydy.for_in %s : !pydy.str iter_args(%x : !pydy.object) -> !pydy.object {
  ^bb0(%c: !pydy.object, %acc: !pydy.object):
    %a = pydy.constant "a"
    %is_a = pydy.compare eq %c, %a : (!pydy.object, !pydy.str) -> !pydy.object
    %two = pydy.constant 2.0 : f64
    %three = pydy.constant 3.0 : f64
    %f = pydy.if %is_a : !pydy.object -> !pydy.object {
      pydy.yield %two : f64
    } else {
      pydy.yield %three : f64
    }
    %m = pydy.binary mul %acc, %f : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.yield %m : !pydy.object
  } {names = ["acc"]}
  pydy.return %r : !pydy.object
}
