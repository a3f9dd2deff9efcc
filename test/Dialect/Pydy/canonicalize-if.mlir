// RUN: dy2st-opt %s --canonicalize -split-input-file | FileCheck %s

// A result that is one literal wherever it is assigned (the other path
// leaves it undefined, as after a raise) is that literal; results nothing
// uses are dropped (an if left with no results and no effects goes away).
// CHECK-LABEL: pydy.func @literal_where_assigned
// CHECK-NEXT: %[[DONE:.*]] = pydy.constant "done"
// CHECK-NEXT: pydy.return %[[DONE]] : !pydy.str
pydy.func @literal_where_assigned(%c: i1) -> !pydy.str {
  %r:2 = pydy.if %c : i1 -> !pydy.str, i64 {
    %a = pydy.constant "done"
    %one = pydy.constant 1 : i64
    pydy.yield %a, %one : !pydy.str, i64
  } else {
    %u = pydy.undef "raised" : !pydy.str
    %two = pydy.constant 2 : i64
    pydy.yield %u, %two : !pydy.str, i64
  }
  pydy.return %r#0 : !pydy.str
}

// -----

// Different literals on the two paths stay a result (the unused one goes).
// CHECK-LABEL: pydy.func @different_literals
// CHECK: %[[R:.*]] = pydy.if %{{.*}} : i1 -> i64 {
// CHECK: } {names = ["b"]}
// CHECK: pydy.return %[[R]]
pydy.func @different_literals(%c: i1) -> i64 {
  %r:2 = pydy.if %c : i1 -> i64, i64 {
    %one = pydy.constant 1 : i64
    pydy.yield %one, %one : i64, i64
  } else {
    %two = pydy.constant 2 : i64
    pydy.yield %two, %two : i64, i64
  } {names = ["a", "b"]}
  pydy.return %r#1 : i64
}
