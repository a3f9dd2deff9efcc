// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<1xf32>,tensor<i64>" | FileCheck %s

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
pydy.func @truth_of_maybe_none(%x: !pydy.object {pydy.name = "x"}, %n: !pydy.object {pydy.name = "n"}) -> !pydy.object {
  %0 = pydy.constant none
  %1:2 = pydy.while(%0, %n : !pydy.none, !pydy.object) -> !pydy.object, !pydy.object {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
    %3 = pydy.constant 0 : i64
    %4 = pydy.compare gt %arg1, %3 : (!pydy.object, i64) -> !pydy.object
    pydy.condition(%4 : !pydy.object) %arg0, %arg1 : !pydy.object, !pydy.object
  } do {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
    %3 = pydy.constant 1 : i64
    %4 = pydy.binary sub %arg1, %3 : (!pydy.object, i64) -> !pydy.object
    pydy.yield %x, %4 : !pydy.object, !pydy.object
  } {names = ["h", "n"]}
  %2 = pydy.unary to_bool %1#0 : (!pydy.object) -> !pydy.object
  pydy.return %2 : !pydy.object
}
