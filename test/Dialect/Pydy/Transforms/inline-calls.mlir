// RUN: dy2st-opt %s --pydy-promote-variables --pydy-inline-calls -split-input-file | FileCheck %s

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
pydy.func @caller(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %x = pydy.load "x" : !pydy.object
  %two = pydy.constant 2 : i64
  %a = pydy.call @double(%x, %two) : (!pydy.object, i64) -> !pydy.object
  %sq = pydy.lambda ["t"] : !pydy.object {
  ^bb0(%t: !pydy.object):
    %u = pydy.load "t" : !pydy.object
    %m = pydy.binary mul %u, %u : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.yield %m : !pydy.object
  }
  %b = pydy.call_value %sq(%a) : !pydy.object, (!pydy.object) -> !pydy.object
  pydy.return %b : !pydy.object
}

pydy.func @double(%arg0: !pydy.object {pydy.name = "v"}, %arg1: !pydy.object {pydy.name = "k"}) -> !pydy.object {
  %v = pydy.load "v" : !pydy.object
  %k = pydy.load "k" : !pydy.object
  %r = pydy.binary mul %v, %k : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %r : !pydy.object
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
pydy.func @entry(%arg0: !pydy.object {pydy.name = "n"}) -> !pydy.object {
  %n = pydy.load "n" : !pydy.object
  %r = pydy.call @down(%n) : (!pydy.object) -> !pydy.object
  pydy.return %r : !pydy.object
}

pydy.func @down(%arg0: !pydy.object {pydy.name = "n"}) -> !pydy.object {
  %n = pydy.load "n" : !pydy.object
  %m = pydy.call @helper(%n) : (!pydy.object) -> !pydy.object
  %r = pydy.call @down(%m) : (!pydy.object) -> !pydy.object
  pydy.return %r : !pydy.object
}

pydy.func @helper(%arg0: !pydy.object {pydy.name = "v"}) -> !pydy.object {
  %v = pydy.load "v" : !pydy.object
  %one = pydy.constant 1 : i64
  %r = pydy.binary sub %v, %one : (!pydy.object, i64) -> !pydy.object
  pydy.return %r : !pydy.object
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
pydy.func @binding(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %x = pydy.load "x" : !pydy.object
  %d = pydy.constant 1.5 : f64
  %f = pydy.lambda ["a", "rest", "k"] defaults(%d : f64) : !pydy.object {
  ^bb0(%a: !pydy.object, %rest: !pydy.object, %k: !pydy.object):
    %av = pydy.load "a" : !pydy.object
    %rv = pydy.load "rest" : !pydy.object
    %kv = pydy.load "k" : !pydy.object
    %s = pydy.binary add %av, %rv : (!pydy.object, !pydy.object) -> !pydy.object
    %m = pydy.binary mul %s, %kv : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.yield %m : !pydy.object
  } {default_params = ["k"], vararg = "rest"}
  %r1 = pydy.call_value %f(%x, %x, %x) : !pydy.object, (!pydy.object, !pydy.object, !pydy.object) -> !pydy.object
  %three = pydy.constant 3 : i64
  %r2 = pydy.call_value %f(%x, %three) {kwnames = ["k"]} : !pydy.object, (!pydy.object, i64) -> !pydy.object
  %t = pydy.tuple %r1, %r2 : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %t : !pydy.object
}

