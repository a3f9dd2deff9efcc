// RUN: dy2st-opt %s --sccp -split-input-file | FileCheck %s --check-prefix=SCCP
// RUN: dy2st-opt %s --pydy-inline-calls=entry=calls -split-input-file | FileCheck %s --check-prefix=CALLS

// pydy's structured ops are RegionBranchOpInterfaces: upstream's constant
// propagation (dead code and constant analyses) follows values through the
// branches of `if`, through `and`/`or` and around `while` and `for` loops.
// SCCP-LABEL: pydy.func @branches
// SCCP-DAG:   %[[SEVEN:.*]] = pydy.constant 7 : i64
// SCCP-DAG:   %[[FIVE:.*]] = pydy.constant 5 : i64
// SCCP-DAG:   %[[THREE:.*]] = pydy.constant 3 : i64
// SCCP:       %[[T:.*]] = pydy.tuple %[[SEVEN]], %[[FIVE]], %[[THREE]]
// SCCP:       pydy.return %[[T]]
pydy.func @branches(%arg0: i1 {pydy.name = "c"}, %arg1: i64 {pydy.name = "n"}) -> !pydy.object {
  %c7 = pydy.constant 7 : i64
  %c5 = pydy.constant 5 : i64
  %c3 = pydy.constant 3 : i64
  %c0 = pydy.constant 0 : i64
  %c1 = pydy.constant 1 : i64
  %a = pydy.if %arg0 : i1 -> i64 {
    pydy.yield %c7 : i64
  } else {
    pydy.yield %c7 : i64
  }
  %b = pydy.while(%c5 : i64) -> i64 {
  ^bb0(%v: i64):
    pydy.condition(%arg0 : i1) %v : i64
  } do {
  ^bb0(%v: i64):
    pydy.yield %v : i64
  }
  %d = pydy.for_range %c0, %arg1, %c1 : i64, i64, i64 iter_args(%c3 : i64) -> i64 {
  ^bb0(%i: i64, %v: i64):
    pydy.yield %v : i64
  }
  %t = pydy.tuple %a, %b, %d : (i64, i64, i64) -> !pydy.object
  pydy.return %t : !pydy.object
}

// -----

// A branch that yields another value makes the result unknown.
// SCCP-LABEL: pydy.func @differs
// SCCP:       %[[R:.*]] = pydy.if
// SCCP:       pydy.return %[[R]]
pydy.func @differs(%arg0: i1 {pydy.name = "c"}) -> i64 {
  %c7 = pydy.constant 7 : i64
  %c8 = pydy.constant 8 : i64
  %a = pydy.if %arg0 : i1 -> i64 {
    pydy.yield %c7 : i64
  } else {
    pydy.yield %c8 : i64
  }
  pydy.return %a : i64
}

// -----

// pydy.call is a CallOpInterface: pydy-inline-calls finds the functions on
// a call cycle (here two that call each other) with upstream's call graph;
// they stay functions, the others are inlined.
// CALLS-LABEL: pydy.func @calls
// CALLS:       pydy.call @even
// CALLS-LABEL: pydy.func @even
// CALLS:       pydy.call @odd
// CALLS-LABEL: pydy.func @odd
// CALLS-NOT:   pydy.call @helper
// CALLS:       pydy.call @even
// CALLS-NOT:   pydy.func @helper
pydy.func @calls(%arg0: !pydy.object {pydy.name = "n"}) -> !pydy.object {
  %r = pydy.call @even(%arg0) : (!pydy.object) -> !pydy.object
  pydy.return %r : !pydy.object
}

pydy.func @even(%arg0: !pydy.object {pydy.name = "n"}) -> !pydy.object {
  %r = pydy.call @odd(%arg0) : (!pydy.object) -> !pydy.object
  pydy.return %r : !pydy.object
}

pydy.func @odd(%arg0: !pydy.object {pydy.name = "n"}) -> !pydy.object {
  %m = pydy.call @helper(%arg0) : (!pydy.object) -> !pydy.object
  %r = pydy.call @even(%m) : (!pydy.object) -> !pydy.object
  pydy.return %r : !pydy.object
}

pydy.func @helper(%arg0: !pydy.object {pydy.name = "v"}) -> !pydy.object {
  %one = pydy.constant 1 : i64
  %r = pydy.binary sub %arg0, %one : (!pydy.object, i64) -> !pydy.object
  pydy.return %r : !pydy.object
}
