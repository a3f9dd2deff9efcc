// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<2xf32>" | FileCheck %s

// Two loops pass on one undefined `return.value` unchanged, each through an
// `if` that gives it back on both branches; nothing reads it. Typing the
// first loop's result None types the shared undefined value, the second
// loop's initial value, while the second loop's carried value is not typed
// yet: its inner `if`'s result takes the type the loop carries (None), not
// "could not infer" (fuzz seed 51101).
// CHECK-LABEL: pydy.func @carried_undefined_value_typed_by_an_earlier_loop
// CHECK-NOT: !pydy.object
// CHECK: pydy.while
// CHECK: pydy.if
// CHECK-SAME: -> i1, !pydy.none
// CHECK: pydy.while
// CHECK: pydy.if
// CHECK-SAME: -> i1, !pydy.none
pydy.func @carried_undefined_value_typed_by_an_earlier_loop(%p: !pydy.object {pydy.name = "p"}) -> !pydy.object {
  %0 = pydy.constant false
  %1 = pydy.undef "return.value" : !pydy.object
  %2 = pydy.constant 0.000000e+00 : f64
  %3 = pydy.lib_call "sum"(%p) : (!pydy.object) -> !pydy.object
  %4:2 = pydy.while(%0, %1 : i1, !pydy.object) -> !pydy.object, !pydy.object {
  ^bb0(%f: !pydy.object, %v: !pydy.object):
    %c = pydy.compare gt %3, %2 : (!pydy.object, f64) -> !pydy.object
    pydy.condition(%c : !pydy.object) %f, %v : !pydy.object, !pydy.object
  } do {
  ^bb0(%f: !pydy.object, %v: !pydy.object):
    %c = pydy.compare lt %3, %2 : (!pydy.object, f64) -> !pydy.object
    %r:2 = pydy.if %c : !pydy.object -> !pydy.object, !pydy.object {
      pydy.print %3 : !pydy.object
      pydy.yield %f, %v : !pydy.object, !pydy.object
    } else {
      pydy.yield %f, %v : !pydy.object, !pydy.object
    } {names = ["return.flag", "return.value"]}
    pydy.yield %f, %v : !pydy.object, !pydy.object
  } {names = ["return.flag", "return.value"]}
  %5:2 = pydy.while(%4#0, %4#1 : !pydy.object, !pydy.object) -> !pydy.object, !pydy.object {
  ^bb0(%f: !pydy.object, %v: !pydy.object):
    %c = pydy.compare gt %3, %2 : (!pydy.object, f64) -> !pydy.object
    pydy.condition(%c : !pydy.object) %f, %v : !pydy.object, !pydy.object
  } do {
  ^bb0(%f: !pydy.object, %v: !pydy.object):
    %c = pydy.compare lt %3, %2 : (!pydy.object, f64) -> !pydy.object
    %r:2 = pydy.if %c : !pydy.object -> !pydy.object, !pydy.object {
      pydy.print %3 : !pydy.object
      pydy.yield %f, %v : !pydy.object, !pydy.object
    } else {
      pydy.yield %f, %v : !pydy.object, !pydy.object
    } {names = ["return.flag", "return.value"]}
    pydy.yield %f, %v : !pydy.object, !pydy.object
  } {names = ["return.flag", "return.value"]}
  pydy.return %p : !pydy.object
}
