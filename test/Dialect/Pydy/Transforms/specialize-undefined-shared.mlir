// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<?x3xf32>,tensor<?x3xf32>" | FileCheck %s

// The shared `return.value` is typed by the outer `if`'s join after the
// inner `if` was typed with it undefined on both branches. The inner result,
// never read, is None, and its yields the undefined value cast to None: the
// constant. Its yields were once a promotion of the tuple to None, which the
// verifier rejects (fuzz seed 43049).
// CHECK-LABEL: pydy.func @shared_return_value_typed_later
// CHECK-NOT: !pydy.object
// CHECK-NOT: promote
// CHECK: pydy.if
// CHECK: pydy.if
// CHECK-SAME: -> i1, !pydy.none
// CHECK: pydy.constant none
pydy.func @shared_return_value_typed_later(%p: !pydy.object {pydy.name = "p"}, %q: !pydy.object {pydy.name = "q"}) -> !pydy.object {
  %0 = pydy.constant false
  %1 = pydy.undef "return.value" : !pydy.object
  %2 = pydy.lib_call "min"(%p) : (!pydy.object) -> !pydy.object
  %3 = pydy.constant 0.000000e+00 : f64
  %4 = pydy.compare gt %2, %3 : (!pydy.object, f64) -> !pydy.object
  %5:2 = pydy.if %4 : !pydy.object -> !pydy.object, !pydy.object {
    %8 = pydy.lib_call "max"(%q) : (!pydy.object) -> !pydy.object
    %9 = pydy.compare gt %8, %3 : (!pydy.object, f64) -> !pydy.object
    %10:2 = pydy.if %9 : !pydy.object -> !pydy.object, !pydy.object {
      pydy.yield %0, %1 : i1, !pydy.object
    } else {
      pydy.print %8 : !pydy.object
      pydy.yield %0, %1 : i1, !pydy.object
    } {names = ["return.flag", "return.value"]}
    %11 = pydy.tuple %q : (!pydy.object) -> !pydy.object
    %12 = pydy.constant true
    pydy.yield %12, %11 : i1, !pydy.object
  } else {
    pydy.yield %0, %1 : i1, !pydy.object
  } {names = ["return.flag", "return.value"]}
  %6 = pydy.unary not %5#0 : (!pydy.object) -> !pydy.object
  %7 = pydy.if %6 : !pydy.object -> !pydy.object {
    %8 = pydy.tuple %p : (!pydy.object) -> !pydy.object
    pydy.yield %8 : !pydy.object
  } else {
    pydy.yield %5#1 : !pydy.object
  } {else_exited, names = ["return.value"]}
  pydy.return %7 : !pydy.object
}
