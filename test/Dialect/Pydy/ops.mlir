// RUN: dy2st-opt %s | dy2st-opt | FileCheck %s

// CHECK-LABEL: pydy.func @expressions
// CHECK-SAME: (%a: !pydy.object {pydy.name = "a"}, %b: !pydy.object {pydy.name = "b"})
pydy.func @expressions(%arg0: !pydy.object {pydy.name = "a"}, %arg1: !pydy.object {pydy.name = "b"}) -> !pydy.object {
  // CHECK: pydy.load "a" : !pydy.object
  %a = pydy.load "a" : !pydy.object
  %b = pydy.load "b" : !pydy.object
  // CHECK: pydy.binary add %{{.*}}, %{{.*}} : (!pydy.object, !pydy.object) -> !pydy.object
  %0 = pydy.binary add %a, %b : (!pydy.object, !pydy.object) -> !pydy.object
  // CHECK: pydy.binary matmul
  %1 = pydy.binary matmul %a, %b : (!pydy.object, !pydy.object) -> !pydy.object
  // CHECK: pydy.binary floordiv
  %2 = pydy.binary floordiv %a, %b : (!pydy.object, !pydy.object) -> !pydy.object
  // CHECK: pydy.binary bitand
  %bits = pydy.binary bitand %a, %b : (!pydy.object, !pydy.object) -> !pydy.object
  // CHECK: pydy.binary rshift
  %shifted = pydy.binary rshift %a, %b : (!pydy.object, !pydy.object) -> !pydy.object
  // CHECK: pydy.unary neg
  %3 = pydy.unary neg %a : (!pydy.object) -> !pydy.object
  // CHECK: pydy.unary not
  %4 = pydy.unary not %a : (!pydy.object) -> !pydy.object
  // CHECK: pydy.unary promote
  %promoted = pydy.unary promote %a : (!pydy.object) -> !pydy.object
  // CHECK: pydy.raised : i1
  %raised = pydy.raised : i1
  // CHECK: pydy.raised {runtime_checks} : i1
  %raised_checked = pydy.raised {runtime_checks} : i1
  // CHECK: pydy.catch ["IndexError", "KeyError", "ValueError/OwnError"] : i1
  %caught = pydy.catch ["IndexError", "KeyError", "ValueError/OwnError"] : i1
  // CHECK: %[[HELD:.*]] = pydy.hold_raised : i64
  %held_raised = pydy.hold_raised : i64
  // CHECK: pydy.raise_held %[[HELD]] : i64
  pydy.raise_held %held_raised : i64
  // CHECK: %[[CAUGHT:.*]] = pydy.hold_caught : i64
  %held_caught = pydy.hold_caught : i64
  // CHECK: %[[EXC:.*]] = pydy.caught_exception %[[CAUGHT]] : i64
  %exception = pydy.caught_exception %held_caught : i64
  // CHECK: pydy.print %[[EXC]] : !pydy.exception
  pydy.print %exception : !pydy.exception
  // CHECK: pydy.drop_held %[[CAUGHT]] : i64
  pydy.drop_held %held_caught : i64
  // CHECK: %[[ENTRY:.*]] = pydy.held_depth : i64
  %entry = pydy.held_depth : i64
  // CHECK: pydy.drop_held %[[ENTRY]] : i64
  pydy.drop_held %entry : i64
  // CHECK: pydy.reraise
  pydy.reraise
  // CHECK: pydy.raise "ValueError", "bad value"
  pydy.raise "ValueError", "bad value"
  // CHECK: pydy.raise "ValueError/OwnError", "by a user's class"
  pydy.raise "ValueError/OwnError", "by a user's class"
  // CHECK: pydy.raise "KeyError", "at "(%{{.*}} : !pydy.object) {formats = ["!r:>8"]}
  pydy.raise "KeyError", "at " (%a : !pydy.object) {formats = ["!r:>8"]}
  // CHECK: pydy.load "a" {checked}
  %checked = pydy.load "a" {checked} : !pydy.object
  // CHECK: %[[MAYBE:.*]] = pydy.optional %{{.*}}, %{{.*}} : i1 -> <i1>
  %maybe = pydy.optional %raised, %raised : i1 -> !pydy.optional<i1>
  // CHECK: pydy.is_present %[[MAYBE]] : <i1>
  %present = pydy.is_present %maybe : !pydy.optional<i1>
  // CHECK: pydy.optional_value %[[MAYBE]] {unchecked} : <i1> -> i1
  %held = pydy.optional_value %maybe {unchecked} : !pydy.optional<i1> -> i1
  // CHECK: pydy.compare is_not
  %5 = pydy.compare is_not %a, %b : (!pydy.object, !pydy.object) -> !pydy.object
  // CHECK: pydy.compare ge
  %6 = pydy.compare ge %a, %b : (!pydy.object, !pydy.object) -> !pydy.object
  // CHECK: pydy.attr %{{.*}}, "shape" : !pydy.object -> !pydy.object
  %7 = pydy.attr %a, "shape" : !pydy.object -> !pydy.object
  // CHECK: pydy.subscript %{{.*}}[%{{.*}}] : (!pydy.object, i64) -> !pydy.object
  %c0 = pydy.constant 0 : i64
  %8 = pydy.subscript %7[%c0] : (!pydy.object, i64) -> !pydy.object
  // CHECK: pydy.setitem %{{.*}}[%{{.*}}] = %{{.*}} : (!pydy.object, i64, !pydy.object) -> !pydy.object
  %9 = pydy.setitem %a[%c0] = %b : (!pydy.object, i64, !pydy.object) -> !pydy.object
  // CHECK: pydy.setitem %{{.*}}[%{{.*}}] = %{{.*}} {item_changed} : (!pydy.object, i64, !pydy.object) -> !pydy.object
  %changed = pydy.setitem %a[%c0] = %b {item_changed} : (!pydy.object, i64, !pydy.object) -> !pydy.object
  // CHECK: pydy.slice %{{.*}}, %{{.*}}, %{{.*}} : !pydy.none, i64, !pydy.none
  %none = pydy.constant none
  %10 = pydy.slice %none, %c0, %none : !pydy.none, i64, !pydy.none
  // CHECK: pydy.tuple %{{.*}}, %{{.*}} : (!pydy.object, !pydy.object) -> !pydy.object
  %11 = pydy.tuple %a, %b : (!pydy.object, !pydy.object) -> !pydy.object
  // CHECK: pydy.list
  %12 = pydy.list %a, %b : (!pydy.object, !pydy.object) -> !pydy.object
  // CHECK: pydy.dict keys(%{{.*}} : !pydy.str) values(%{{.*}} : !pydy.object) -> !pydy.object
  %k = pydy.constant "weight"
  %13 = pydy.dict keys(%k : !pydy.str) values(%a : !pydy.object) -> !pydy.object
  // CHECK: pydy.unpack %{{.*}} : !pydy.object -> !pydy.object, !pydy.object
  %14:2 = pydy.unpack %11 : !pydy.object -> !pydy.object, !pydy.object
  // CHECK: pydy.len %{{.*}} : !pydy.object -> !pydy.object
  %15 = pydy.len %a : !pydy.object -> !pydy.object
  // CHECK: pydy.print %{{.*}}, %{{.*}} : !pydy.object, !pydy.str {sep = ", "}
  pydy.print %a, %k : !pydy.object, !pydy.str {sep = ", "}
  // CHECK: pydy.format %{{.*}}, %{{.*}} : !pydy.object, !pydy.str {formats = [":>8", ""]} -> !pydy.object
  %text = pydy.format %a, %k : !pydy.object, !pydy.str {formats = [":>8", ""]} -> !pydy.object
  // CHECK: pydy.print %{{.*}}, %{{.*}} : !pydy.object, !pydy.str {formats = [":.3f", ""], level = 30 : i64, logger = "train", sep = ""}
  pydy.print %a, %k : !pydy.object, !pydy.str {sep = "", formats = [":.3f", ""], logger = "train", level = 30 : i64}
  // CHECK: pydy.py_callback "record#0"(%{{.*}}, %{{.*}} : !pydy.object, !pydy.str)
  pydy.py_callback "record#0"(%a, %k : !pydy.object, !pydy.str)
  // CHECK: pydy.py_callback "tick#1"{{$}}
  pydy.py_callback "tick#1"
  // CHECK: pydy.lib_call "cast"(%{{.*}}, %{{.*}}) {kwnames = ["dtype"]} : (!pydy.object, !pydy.str) -> !pydy.object
  %dt = pydy.constant "float64"
  %16 = pydy.lib_call "cast"(%a, %dt) {kwnames = ["dtype"]} : (!pydy.object, !pydy.str) -> !pydy.object
  // CHECK: pydy.call @helper(%{{.*}}) : (!pydy.object) -> !pydy.object
  %17 = pydy.call @helper(%a) : (!pydy.object) -> !pydy.object
  // CHECK: pydy.global "np" : !pydy.object
  %np = pydy.global "np" : !pydy.object
  // CHECK: pydy.call_method %{{.*}}, "append"(%{{.*}}) : !pydy.object, (!pydy.object) -> (!pydy.object, !pydy.object)
  %18:2 = pydy.call_method %12, "append"(%b) : !pydy.object, (!pydy.object) -> (!pydy.object, !pydy.object)
  // CHECK: pydy.lambda ["v"] : !pydy.object
  // CHECK: ^bb0(%{{.*}}: !pydy.object):
  // CHECK: pydy.yield %{{.*}} : !pydy.object
  %19 = pydy.lambda ["v"] : !pydy.object {
  ^bb0(%v: !pydy.object):
    %r = pydy.binary mul %v, %v : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.yield %r : !pydy.object
  }
  // CHECK: pydy.call_value %{{.*}}(%{{.*}}) : !pydy.object, (!pydy.object) -> !pydy.object
  %20 = pydy.call_value %19(%a) : !pydy.object, (!pydy.object) -> !pydy.object
  // CHECK: pydy.call_value %{{.*}}(%{{.*}}, %{{.*}}) {kwnames = ["k"], spread} : !pydy.object, (!pydy.object, !pydy.object) -> !pydy.object
  %spread = pydy.call_value %19(%a, %a) {kwnames = ["k"], spread} : !pydy.object, (!pydy.object, !pydy.object) -> !pydy.object
  // CHECK: pydy.lambda ["v", "rest", "k"] defaults(%{{.*}} : !pydy.object) : !pydy.object {
  // CHECK: } {default_params = ["k"], vararg = "rest"}
  %with_defaults = pydy.lambda ["v", "rest", "k"] defaults(%a : !pydy.object) : !pydy.object {
  ^bb0(%v: !pydy.object, %rest: !pydy.object, %kw: !pydy.object):
    pydy.yield %kw : !pydy.object
  } {default_params = ["k"], vararg = "rest"}
  // CHECK: pydy.lambda ["u", "k", "kw"] : !pydy.object {
  // CHECK: } {keyword_only = 1 : i64, kwarg = "kw", positional_only = 1 : i64}
  %kinds = pydy.lambda ["u", "k", "kw"] : !pydy.object {
  ^bb0(%u: !pydy.object, %kwonly: !pydy.object, %kw: !pydy.object):
    pydy.yield %u : !pydy.object
  } {keyword_only = 1, kwarg = "kw", positional_only = 1}
  // CHECK: pydy.logical and %{{.*}} : !pydy.object -> !pydy.object {
  %21 = pydy.logical and %a : !pydy.object -> !pydy.object {
    %r = pydy.load "b" : !pydy.object
    pydy.yield %r : !pydy.object
  }
  // CHECK: pydy.store "c", %{{.*}} : !pydy.object
  pydy.store "c", %21 : !pydy.object
  // CHECK: pydy.return %{{.*}} : !pydy.object
  pydy.return %0 : !pydy.object
}

// CHECK-LABEL: pydy.func @helper
pydy.func @helper(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  // CHECK: pydy.return
  // CHECK-NOT: :
  pydy.return
}

// CHECK-LABEL: pydy.func @unsupported_statement
// CHECK: pydy.unsupported "numpy cannot run here" {syntax}
pydy.func @unsupported_statement() {
  pydy.unsupported "numpy cannot run here" {syntax}
  pydy.return
}
