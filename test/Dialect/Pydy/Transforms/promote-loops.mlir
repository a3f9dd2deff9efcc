// RUN: dy2st-opt %s --pydy-promote-variables | FileCheck %s

// Only variables assigned in the loop and live at its header or after it are
// carried: `t` is a temporary of the body and stays out of the loop state.
// CHECK-LABEL: pydy.func @while_loop
// CHECK-SAME: (%[[X:.*]]: !pydy.object
// CHECK: %[[ZERO:.*]] = pydy.constant 0 : i64
// CHECK: %[[R:.*]]:2 = pydy.while(%[[ZERO]], %[[X]] : i64, !pydy.object) -> !pydy.object, !pydy.object {
// CHECK: ^bb0(%[[I:.*]]: !pydy.object, %[[XC:.*]]: !pydy.object):
// CHECK:   pydy.condition(%{{.*}} : !pydy.object) %[[I]], %[[XC]] : !pydy.object, !pydy.object
// CHECK: } do {
// CHECK: ^bb0(%[[I2:.*]]: !pydy.object, %[[X2:.*]]: !pydy.object):
// CHECK:   %[[T:.*]] = pydy.binary mul %[[X2]], %[[X2]]
// CHECK:   %[[XN:.*]] = pydy.binary add %[[T]], %[[X2]]
// CHECK:   %[[IN:.*]] = pydy.binary add %[[I2]]
// CHECK:   pydy.yield %[[IN]], %[[XN]] : !pydy.object, !pydy.object
// CHECK: } {names = ["i", "x"]}
// CHECK: pydy.return %[[R]]#1
pydy.func @while_loop(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %c0 = pydy.constant 0 : i64
  pydy.store "i", %c0 : i64
  pydy.while {
    %i = pydy.load "i" : !pydy.object
    %ten = pydy.constant 10 : i64
    %c = pydy.compare lt %i, %ten : (!pydy.object, i64) -> !pydy.object
    pydy.condition(%c : !pydy.object)
  } do {
    %x = pydy.load "x" : !pydy.object
    %t = pydy.binary mul %x, %x : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.store "t", %t : !pydy.object
    %t1 = pydy.load "t" : !pydy.object
    %x1 = pydy.load "x" : !pydy.object
    %xn = pydy.binary add %t1, %x1 : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.store "x", %xn : !pydy.object
    %i = pydy.load "i" : !pydy.object
    %one = pydy.constant 1 : i64
    %in = pydy.binary add %i, %one : (!pydy.object, i64) -> !pydy.object
    pydy.store "i", %in : !pydy.object
    pydy.yield
  }
  %r = pydy.load "x" : !pydy.object
  pydy.return %r : !pydy.object
}

// The loop index is the body's first argument; a variable assigned only in
// the loop and read after it starts as `pydy.undef` (it is then reported as
// maybe undefined, see promote-undefined.mlir), but the loop index itself is
// not carried when nothing reads it after the loop.
// CHECK-LABEL: pydy.func @for_loop
// CHECK: %[[S:.*]] = pydy.for_range %{{.*}}, %{{.*}}, %{{.*}} : i64, !pydy.object, i64 iter_args(%{{.*}} : i64) -> !pydy.object {
// CHECK: ^bb0(%[[IV:.*]]: !pydy.object, %[[ACC:.*]]: !pydy.object):
// CHECK:   %[[N:.*]] = pydy.binary add %[[ACC]], %[[IV]]
// CHECK:   pydy.yield %[[N]] : !pydy.object
// CHECK: } {names = ["s"]}
// CHECK: pydy.return %[[S]]
pydy.func @for_loop(%arg0: !pydy.object {pydy.name = "n"}) -> !pydy.object {
  %c0 = pydy.constant 0 : i64
  pydy.store "s", %c0 : i64
  %c1 = pydy.constant 1 : i64
  %n = pydy.load "n" : !pydy.object
  pydy.for_range %c0, %n, %c1 : i64, !pydy.object, i64 {
  ^bb0(%i: !pydy.object):
    pydy.store "i", %i : !pydy.object
    %s = pydy.load "s" : !pydy.object
    %i1 = pydy.load "i" : !pydy.object
    %s1 = pydy.binary add %s, %i1 : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.store "s", %s1 : !pydy.object
  }
  %r = pydy.load "s" : !pydy.object
  pydy.return %r : !pydy.object
}

// Nested loops: the inner loop's temporary `t` is carried by neither loop.
// CHECK-LABEL: pydy.func @nested
// CHECK: pydy.for_range {{.*}} iter_args(%{{.*}} : !pydy.object) -> !pydy.object {
// CHECK: pydy.for_range {{.*}} iter_args(%{{.*}} : !pydy.object) -> !pydy.object {
// CHECK: } {names = ["acc"]}
// CHECK: } {names = ["acc"]}
pydy.func @nested(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %c0 = pydy.constant 0 : i64
  %c1 = pydy.constant 1 : i64
  %c3 = pydy.constant 3 : i64
  %x = pydy.load "x" : !pydy.object
  pydy.store "acc", %x : !pydy.object
  pydy.for_range %c0, %c3, %c1 : i64, i64, i64 {
  ^bb0(%i: !pydy.object):
    pydy.store "i", %i : !pydy.object
    pydy.for_range %c0, %c3, %c1 : i64, i64, i64 {
    ^bb0(%j: !pydy.object):
      pydy.store "j", %j : !pydy.object
      %a = pydy.load "acc" : !pydy.object
      %jj = pydy.load "j" : !pydy.object
      %t = pydy.binary mul %a, %jj : (!pydy.object, !pydy.object) -> !pydy.object
      pydy.store "t", %t : !pydy.object
      %t1 = pydy.load "t" : !pydy.object
      %a2 = pydy.binary add %a, %t1 : (!pydy.object, !pydy.object) -> !pydy.object
      pydy.store "acc", %a2 : !pydy.object
    }
  }
  %r = pydy.load "acc" : !pydy.object
  pydy.return %r : !pydy.object
}

// -----

// A while condition whose `and` pydy-lower-exits moved into a logical
// region (behind its exit flags) assigns the `boolop` temporary only that
// region reads: it is the region's own value, not an error.
// The branch in the region assigns the temporary, so the branch yields it
// (the region's liveness covers its branches).
// CHECK-LABEL: pydy.func @condition_temporary
// CHECK: pydy.while
// CHECK: pydy.logical and
// CHECK-NOT: pydy.store
// CHECK: %[[V:.*]] = pydy.if %{{.*}} : !pydy.object -> !pydy.object
// CHECK: names = ["boolop.1"]
// CHECK-NEXT: pydy.yield %[[V]]
// CHECK: pydy.condition
pydy.func @condition_temporary(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  pydy.while {
    %go = pydy.constant true
    %both = pydy.logical and %go : i1 -> !pydy.object {
      %x = pydy.load "x" : !pydy.object
      pydy.store "boolop.1", %x : !pydy.object
      %first = pydy.load "boolop.1" : !pydy.object
      pydy.if %first : !pydy.object {
        %again = pydy.constant false
        pydy.store "boolop.1", %again : i1
        pydy.yield
      } else {
        pydy.yield
      }
      %value = pydy.load "boolop.1" : !pydy.object
      pydy.yield %value : !pydy.object
    }
    pydy.condition(%both : !pydy.object)
  } do {
    pydy.yield
  }
  %x = pydy.load "x" : !pydy.object
  pydy.return %x : !pydy.object
}
