// RUN: dy2st-opt %s --pydy-promote-variables --pydy-specialize="signature=tensor<1xf32>,tensor<i64>" | FileCheck %s

// The truth of a value that may be None (`if h:`) is false where it is None,
// else the truth of the one-element tensor it holds: the value is read
// unchecked only under its flag.
// CHECK-LABEL: pydy.func @truth_of_maybe_none
// CHECK: %[[H:.*]]:2 = pydy.while
// CHECK: %[[PRESENT:.*]] = pydy.is_present %[[H]]#0
// CHECK: %[[TRUTH:.*]] = pydy.if %[[PRESENT]] : i1 -> i1 {
// CHECK-NEXT: %[[V:.*]] = pydy.optional_value %[[H]]#0 {unchecked} : <tensor<1xf32>> -> tensor<1xf32>
// CHECK-NEXT: %[[ZERO:.*]] = pydy.constant 0.0{{.*}} : f64
// CHECK-NEXT: %[[NONZERO:.*]] = pydy.compare ne %[[V]], %[[ZERO]] : (tensor<1xf32>, f64) -> tensor<1xi1>
// CHECK-NEXT: %[[B:.*]] = pydy.unary to_bool %[[NONZERO]] : (tensor<1xi1>) -> i1
// CHECK-NEXT: pydy.yield %[[B]] : i1
// CHECK-NEXT: } else {
// CHECK-NEXT: %[[FALSE:.*]] = pydy.constant false
// CHECK-NEXT: pydy.yield %[[FALSE]] : i1
// CHECK: %[[B2:.*]] = pydy.unary to_bool %[[TRUTH]] : (i1) -> i1
// CHECK: pydy.return %[[B2]] : i1
pydy.func @truth_of_maybe_none(%arg0: !pydy.object {pydy.name = "x"}, %arg1: !pydy.object {pydy.name = "n"}) -> !pydy.object {
  %none = pydy.constant none
  pydy.store "h", %none : !pydy.none
  pydy.while {
    %nn = pydy.load "n" : !pydy.object
    %zero = pydy.constant 0 : i64
    %c = pydy.compare gt %nn, %zero : (!pydy.object, i64) -> !pydy.object
    pydy.condition(%c : !pydy.object)
  } do {
    %x = pydy.load "x" : !pydy.object
    pydy.store "h", %x : !pydy.object
    %nn = pydy.load "n" : !pydy.object
    %one = pydy.constant 1 : i64
    %m = pydy.binary sub %nn, %one : (!pydy.object, i64) -> !pydy.object
    pydy.store "n", %m : !pydy.object
    pydy.yield
  }
  %h = pydy.load "h" : !pydy.object
  %truth = pydy.unary to_bool %h : (!pydy.object) -> !pydy.object
  pydy.return %truth : !pydy.object
}
