// RUN: dy2st-opt %s --pydy-inline-calls -split-input-file | FileCheck %s

// A call is replaced by the callee's promoted body, bound to the arguments;
// a call of a lambda by the lambda's body; the callees are then erased.
// CHECK-LABEL: pydy.func @caller
// CHECK-SAME: (%[[X:.*]]: !pydy.object
// CHECK-NOT:  pydy.call
// CHECK:      %[[TWO:.*]] = pydy.constant 2 : i64
// CHECK:      %[[A:.*]] = pydy.binary mul %[[X]], %[[TWO]]
// CHECK:      %[[B:.*]] = pydy.binary mul %[[A]], %[[A]]
// CHECK-NOT:  pydy.lambda
// CHECK:      pydy.return %[[B]]
// CHECK-NOT:  pydy.func @double
pydy.func @caller(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant 2 : i64
  %1 = pydy.call @double(%x, %0) : (!pydy.object, i64) -> !pydy.object
  %2 = pydy.lambda ["t"] : !pydy.object {
  ^bb0(%arg0: !pydy.object):
    %4 = pydy.binary mul %arg0, %arg0 : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.yield %4 : !pydy.object
  }
  %3 = pydy.call_value %2(%1) : !pydy.object, (!pydy.object) -> !pydy.object
  pydy.return %3 : !pydy.object
}
pydy.func @double(%v: !pydy.object {pydy.name = "v"}, %k: !pydy.object {pydy.name = "k"}) -> !pydy.object {
  %0 = pydy.binary mul %v, %k : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %0 : !pydy.object
}

// -----

// A call on a call cycle stays a call (recursion is compiled as a real
// recursive function); the non-recursive helper it calls is inlined into it.
// CHECK-LABEL: pydy.func @entry
// CHECK:       pydy.call @down
// CHECK-LABEL: pydy.func @down
// CHECK-NOT:   pydy.call @helper
// CHECK:       pydy.binary sub
// CHECK:       pydy.call @down
// CHECK-NOT:   pydy.func @helper
pydy.func @entry(%n: !pydy.object {pydy.name = "n"}) -> !pydy.object {
  %0 = pydy.call @down(%n) : (!pydy.object) -> !pydy.object
  pydy.return %0 : !pydy.object
}
pydy.func @down(%n: !pydy.object {pydy.name = "n"}) -> !pydy.object {
  %0 = pydy.call @helper(%n) : (!pydy.object) -> !pydy.object
  %1 = pydy.call @down(%0) : (!pydy.object) -> !pydy.object
  pydy.return %1 : !pydy.object
}
pydy.func @helper(%v: !pydy.object {pydy.name = "v"}) -> !pydy.object {
  %0 = pydy.constant 1 : i64
  %1 = pydy.binary sub %v, %0 : (!pydy.object, i64) -> !pydy.object
  pydy.return %1 : !pydy.object
}

// -----

// A lambda's call binds as Python binds: a keyword by name, a default for a
// parameter not passed, the extra positional arguments as the *args tuple.
// CHECK-LABEL: pydy.func @binding
// CHECK-SAME: (%[[X:[^:]*]]: !pydy.object
// CHECK:      %[[D:.*]] = pydy.constant 1.500000e+00 : f64
// CHECK-NOT:  pydy.lambda
// CHECK:      %[[REST:.*]] = pydy.tuple %[[X]], %[[X]] : (!pydy.object, !pydy.object) -> !pydy.object
// CHECK:      %[[S:.*]] = pydy.binary add %[[X]], %[[REST]]
// CHECK:      pydy.binary mul %[[S]], %[[D]]
// CHECK:      %[[K:.*]] = pydy.constant 3 : i64
// CHECK:      %[[NONE:.*]] = pydy.tuple  : () -> !pydy.object
// CHECK:      %[[S2:.*]] = pydy.binary add %[[X]], %[[NONE]]
// CHECK:      pydy.binary mul %[[S2]], %[[K]]
pydy.func @binding(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant 1.500000e+00 : f64
  %1 = pydy.lambda ["a", "rest", "k"] defaults(%0 : f64) : !pydy.object {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object, %arg2: !pydy.object):
    %6 = pydy.binary add %arg0, %arg1 : (!pydy.object, !pydy.object) -> !pydy.object
    %7 = pydy.binary mul %6, %arg2 : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.yield %7 : !pydy.object
  } {default_params = ["k"], vararg = "rest"}
  %2 = pydy.call_value %1(%x, %x, %x) : !pydy.object, (!pydy.object, !pydy.object, !pydy.object) -> !pydy.object
  %3 = pydy.constant 3 : i64
  %4 = pydy.call_value %1(%x, %3) {kwnames = ["k"]} : !pydy.object, (!pydy.object, i64) -> !pydy.object
  %5 = pydy.tuple %2, %4 : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %5 : !pydy.object
}

// -----

// A keyword that names a positional-only parameter, or no parameter, goes to
// **kwargs as a dict; keyword-only parameters (after a bare `*`) take
// keywords only.
// CHECK-LABEL: pydy.func @binding_kinds
// CHECK-SAME: (%[[X:[^:]*]]: !pydy.object
// CHECK-NOT:  pydy.lambda
// CHECK:      %[[U:.*]] = pydy.constant "u"
// CHECK:      %[[Z:.*]] = pydy.constant "z"
// CHECK:      %[[KW:.*]] = pydy.dict keys(%[[U]], %[[Z]] : !pydy.str, !pydy.str) values(%[[X]], %[[X]] : !pydy.object, !pydy.object) -> !pydy.object
// CHECK:      %[[S:.*]] = pydy.binary add %[[X]], %[[X]]
// CHECK:      pydy.tuple %[[S]], %[[KW]]
pydy.func @binding_kinds(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.lambda ["u", "k", "kw"] : !pydy.object {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object, %arg2: !pydy.object):
    %1 = pydy.binary add %arg0, %arg1 : (!pydy.object, !pydy.object) -> !pydy.object
    %2 = pydy.tuple %1, %arg2 : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.yield %2 : !pydy.object
  } {keyword_only = 1, kwarg = "kw", positional_only = 1}
  %3 = pydy.call_value %0(%x, %x, %x, %x) {kwnames = ["u", "k", "z"]} : !pydy.object, (!pydy.object, !pydy.object, !pydy.object, !pydy.object) -> !pydy.object
  pydy.return %3 : !pydy.object
}
