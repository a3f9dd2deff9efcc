// RUN: dy2st-opt %s --pydy-promote-variables | FileCheck %s

// A variable assigned in both branches becomes a result; one assigned in a
// single branch but not read afterwards does not (`tmp`).
// CHECK-LABEL: pydy.func @branches
// CHECK-SAME: (%[[X:.*]]: !pydy.object
// CHECK-NOT: pydy.load
// CHECK-NOT: pydy.store
// CHECK: %[[R:.*]] = pydy.if %[[X]] : !pydy.object -> !pydy.object {
// CHECK:   %[[A:.*]] = pydy.binary add %[[X]]
// CHECK:   pydy.yield %[[A]] : !pydy.object
// CHECK: } else {
// CHECK:   pydy.yield %[[X]] : !pydy.object
// CHECK: } {names = ["y"]}
// CHECK: pydy.return %[[R]]
pydy.func @branches(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %x = pydy.load "x" : !pydy.object
  pydy.store "y", %x : !pydy.object
  pydy.if %x : !pydy.object {
    %x1 = pydy.load "x" : !pydy.object
    %y = pydy.binary add %x1, %x1 : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.store "y", %y : !pydy.object
    pydy.store "tmp", %y : !pydy.object
  } else {
  }
  %r = pydy.load "y" : !pydy.object
  pydy.return %r : !pydy.object
}

// Results are ordered by first assignment; values keep their known types
// where both branches agree.
// CHECK-LABEL: pydy.func @two_variables
// CHECK: pydy.if %{{.*}} : !pydy.object -> i64, !pydy.object {
// CHECK: } {names = ["b", "a"]}
pydy.func @two_variables(%arg0: !pydy.object {pydy.name = "c"}) -> !pydy.object {
  %c = pydy.load "c" : !pydy.object
  pydy.if %c : !pydy.object {
    %one = pydy.constant 1 : i64
    pydy.store "b", %one : i64
    %f = pydy.constant 1.0 : f64
    pydy.store "a", %f : f64
  } else {
    %two = pydy.constant 2 : i64
    pydy.store "b", %two : i64
    pydy.store "a", %two : i64
  }
  %a = pydy.load "a" : !pydy.object
  %b = pydy.load "b" : !pydy.object
  %t = pydy.tuple %a, %b : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %t : !pydy.object
}
