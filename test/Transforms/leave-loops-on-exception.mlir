// RUN: dy2st-opt %s --split-input-file --dy2st-leave-loops-on-exception | FileCheck %s

// A module whose checks can record an exception. The while carries whether
// one was recorded before it or by the end of the last trip (false on
// entry: a `try`'s clauses run in a loop entered with their exception
// recorded) and ends where one was. A trip's own checks tell without asking
// the runtime each trip.
// CHECK-LABEL: func.func @checked_loop
// CHECK: %[[BEFORE:.*]] = call @dy2st_raised() : () -> i1
// CHECK: %[[FALSE:.*]] = arith.constant false
// CHECK: %[[LOOP:.*]]:2 = scf.while (%[[I:.*]] = %{{.*}}, %[[LEFT:.*]] = %[[FALSE]]) : (i64, i1) -> (i64, i1)
// CHECK: %[[GO:.*]] = arith.cmpi slt, %[[I]]
// CHECK: %[[STOP:.*]] = arith.ori %[[LEFT]], %{{.*}} : i1
// CHECK: %[[STAY:.*]] = arith.xori %[[STOP]], %{{.*}} : i1
// CHECK: %[[BOTH:.*]] = arith.andi %[[GO]], %[[STAY]] : i1
// CHECK: scf.condition(%[[BOTH]]) %[[I]], %[[LEFT]] : i64, i1
// CHECK: %[[BAD:.*]] = arith.cmpi sgt
// CHECK: scf.if %[[BAD]] {
// CHECK: func.call @dy2st_raise(
// CHECK-NOT: dy2st_raised
// CHECK: %[[LEAVES:.*]] = arith.ori %[[BEFORE]], %[[BAD]] : i1
// CHECK: scf.yield %{{.*}}, %[[LEAVES]] : i64, i1
// CHECK: return %[[LOOP]]#0 : i64
func.func private @dy2st_raise(!llvm.ptr, !llvm.ptr)
func.func @checked_loop(%n: i64, %kind: !llvm.ptr, %text: !llvm.ptr) -> i64 {
  %c0 = arith.constant 0 : i64
  %r = scf.while (%i = %c0) : (i64) -> i64 {
    %go = arith.cmpi slt, %i, %n : i64
    scf.condition(%go) %i : i64
  } do {
  ^bb0(%j: i64):
    %bad = arith.cmpi sgt, %j, %n : i64
    scf.if %bad {
      func.call @dy2st_raise(%kind, %text) : (!llvm.ptr, !llvm.ptr) -> ()
    }
    scf.yield %j : i64
  }
  return %r : i64
}

// A check in the condition's computation ends the loop before the body;
// an inner loop's flag tells the outer loop; a call that may record (a
// compiled function's) is followed by asking the runtime.
// CHECK-LABEL: func.func @nested_loops
// CHECK: scf.while
// CHECK: %[[CBAD:.*]] = arith.cmpi eq
// CHECK: scf.if %[[CBAD]] {
// CHECK: %[[CSTOP:.*]] = arith.ori %{{.*}}, %[[CBAD]] : i1
// CHECK: scf.condition
// CHECK: %[[INNER:.*]]:2 = scf.while
// CHECK: func.call @helper
// CHECK: %[[ASKED:.*]] = func.call @dy2st_raised() : () -> i1
// CHECK: scf.yield %{{.*}}, %{{.*}} : i64, i1
// CHECK: scf.yield %{{.*}}, %{{.*}} : i64, i1
func.func private @helper(i64)
func.func @nested_loops(%n: i64, %kind: !llvm.ptr, %text: !llvm.ptr) -> i64 {
  %c0 = arith.constant 0 : i64
  %r = scf.while (%i = %c0) : (i64) -> i64 {
    %bad = arith.cmpi eq, %i, %n : i64
    scf.if %bad {
      func.call @dy2st_raise(%kind, %text) : (!llvm.ptr, !llvm.ptr) -> ()
    }
    %go = arith.cmpi slt, %i, %n : i64
    scf.condition(%go) %i : i64
  } do {
  ^bb0(%j: i64):
    %s = scf.while (%k = %j) : (i64) -> i64 {
      %go = arith.cmpi slt, %k, %n : i64
      scf.condition(%go) %k : i64
    } do {
    ^bb0(%m: i64):
      func.call @helper(%m) : (i64) -> ()
      scf.yield %m : i64
    }
    scf.yield %s : i64
  }
  return %r : i64
}

// -----

// Nothing can record an exception: the loop stays as it is.
// CHECK-LABEL: func.func @plain_loop
// CHECK-NOT: dy2st_raised
// CHECK: scf.condition(%{{.*}}) %{{.*}} : i64
func.func @plain_loop(%n: i64) -> i64 {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %r = scf.while (%i = %c0) : (i64) -> i64 {
    %go = arith.cmpi slt, %i, %n : i64
    scf.condition(%go) %i : i64
  } do {
  ^bb0(%j: i64):
    %next = arith.addi %j, %c1 : i64
    scf.yield %next : i64
  }
  return %r : i64
}
