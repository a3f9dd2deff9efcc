// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<3xf32>" | FileCheck %s

// What a `try` whose return folded away leaves: its exit code, 0 before
// the one-trip loop, is passed on unchanged by every iteration (through an
// `if` that yields it on both branches), so it is 0 after the loop; the
// return it guards, of a value no path binds, folds away with it (before,
// that value was untyped: "dy2st could not infer the type", fuzz seed 46248).
// CHECK-LABEL: pydy.func @exit_code_passed_on
// CHECK: pydy.while
// CHECK-NOT: pydy.compare eq
// CHECK-NOT: pydy.tuple
// CHECK: pydy.return %{{.*}} : tensor<3xf32>
pydy.func @exit_code_passed_on(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %zero = pydy.constant 0 : i64
  %one = pydy.constant 1 : i64
  %value = pydy.undef "returned_value" : !pydy.object
  %false = pydy.constant false
  %r:3 = pydy.while(%zero, %value, %false : i64, !pydy.object, i1) -> !pydy.object, !pydy.object, !pydy.object {
  ^bb0(%exit: !pydy.object, %v: !pydy.object, %done: !pydy.object):
    %go = pydy.unary not %done : (!pydy.object) -> !pydy.object
    pydy.condition(%go : !pydy.object) %exit, %v, %done : !pydy.object, !pydy.object, !pydy.object
  } do {
  ^bb0(%exit: !pydy.object, %v: !pydy.object, %done: !pydy.object):
    %first = pydy.subscript %x[%zero] : (!pydy.object, i64) -> !pydy.object
    %limit = pydy.constant 0.0 : f64
    %positive = pydy.compare gt %first, %limit : (!pydy.object, f64) -> !pydy.object
    %kept = pydy.if %positive : !pydy.object -> !pydy.object {
      pydy.yield %exit : !pydy.object
    } else {
      pydy.yield %exit : !pydy.object
    } {names = ["exit"]}
    %true = pydy.constant true
    pydy.yield %kept, %v, %true : !pydy.object, !pydy.object, i1
  } {names = ["exit", "returned_value", "done"]}
  %returns = pydy.compare eq %r#0, %one : (!pydy.object, i64) -> !pydy.object
  pydy.if %returns : !pydy.object {
    %pair = pydy.tuple %r#1, %x : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.return %pair : !pydy.object
  } else {
  }
  pydy.return %x : !pydy.object
}
