// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<?x3xf32>,tensor<?x3xf32>" | FileCheck %s

// A function that returns only by raising, from a loop that runs a number of
// times known at run time: the returned value is undefined on every path
// through the loop and None after it. It is typed None through the loop's
// yields, then its initial value, then its carried argument (the yields are
// typed first: whether a carried argument is undefined is read from the
// initial value).
// CHECK-LABEL: pydy.func @only_raises_in_a_loop
// CHECK-NOT: !pydy.object
// CHECK: pydy.for_range
// CHECK-SAME: -> i1, !pydy.none
// CHECK: pydy.raise "AssertionError"
pydy.func @only_raises_in_a_loop(%p: !pydy.object {pydy.name = "p"}, %q: !pydy.object {pydy.name = "q"}) -> !pydy.object {
  %0 = pydy.constant false
  %1 = pydy.undef "return.value" : !pydy.object
  %2 = pydy.attr %q, "shape" : !pydy.object -> !pydy.object
  %3 = pydy.constant 0 : i64
  %4 = pydy.subscript %2[%3] : (!pydy.object, i64) -> !pydy.object
  %5 = pydy.constant 0 : i64
  %6 = pydy.constant 1 : i64
  %7:2 = pydy.for_range %5, %4, %6 : i64, !pydy.object, i64 iter_args(%0, %1 : i1, !pydy.object) -> !pydy.object, !pydy.object {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object, %arg2: !pydy.object):
    %10 = pydy.unary not %arg1 : (!pydy.object) -> !pydy.object
    %11:2 = pydy.if %10 : !pydy.object -> !pydy.object, !pydy.object {
      %12 = pydy.lib_call "min"(%q) : (!pydy.object) -> !pydy.object
      %13 = pydy.constant 2.110000e+00 : f64
      %14 = pydy.compare le %12, %13 : (!pydy.object, f64) -> !pydy.object
      %15 = pydy.unary not %14 : (!pydy.object) -> !pydy.object
      %16:2 = pydy.if %15 : !pydy.object -> !pydy.object, !pydy.object {
        pydy.raise "AssertionError", "asserted by the program"
        %17 = pydy.undef "raised" : !pydy.object
        %18 = pydy.constant true
        pydy.yield %18, %17 : i1, !pydy.object
      } else {
        pydy.yield %arg1, %arg2 : !pydy.object, !pydy.object
      } {names = ["return.flag", "return.value"], then_exited}
      pydy.yield %16#0, %16#1 : !pydy.object, !pydy.object
    } else {
      pydy.yield %arg1, %arg2 : !pydy.object, !pydy.object
    } {else_exited, names = ["return.flag", "return.value"]}
    pydy.yield %11#0, %11#1 : !pydy.object, !pydy.object
  } {names = ["return.flag", "return.value"]}
  %8 = pydy.unary not %7#0 : (!pydy.object) -> !pydy.object
  %9 = pydy.if %8 : !pydy.object -> !pydy.object {
    %10 = pydy.constant none
    pydy.yield %10 : !pydy.none
  } else {
    pydy.yield %7#1 : !pydy.object
  } {else_exited, names = ["return.value"]}
  pydy.return %9 : !pydy.object
}

