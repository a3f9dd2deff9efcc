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
