// RUN: dy2st-opt %s --convert-pydy-to-core -split-input-file -verify-diagnostics | FileCheck %s

// `pydy.raise` reports the exception (kind, then "file:line: message") to the
// runtime; `pydy.raised` asks whether one was reported during this call.
// CHECK-DAG: llvm.mlir.global internal constant @[[MSG:.*]]("f.py:3: negative\00")
// CHECK-DAG: llvm.mlir.global internal constant @[[KIND:.*]]("ValueError\00")
// CHECK-DAG: func.func private @dy2st_raised() -> i1
// CHECK-LABEL: func.func @raises
// CHECK: %[[RAISED:.*]] = call @dy2st_raised() : () -> i1
// CHECK: scf.if %[[RAISED]]
// CHECK: %[[K:.*]] = llvm.mlir.addressof @[[KIND]]
// CHECK: %[[M:.*]] = llvm.mlir.addressof @[[MSG]]
// CHECK: call @dy2st_raise(%[[K]], %[[M]]) : (!llvm.ptr, !llvm.ptr) -> ()
pydy.func @raises(%arg0: i64 {pydy.name = "x"}) -> i64 {
  %r = pydy.raised : i1
  pydy.if %r : i1 {
    pydy.raise "ValueError", "negative" loc("f.py":3:5)
    pydy.yield
  } else {
    pydy.yield
  }
  pydy.return %arg0 : i64
}

// -----

// An `except` clause asks the runtime whether the recorded exception is of
// one of its kinds (and handles it); a `finally` block on the way out holds
// the exception and records it again.
// CHECK-DAG: llvm.mlir.global internal constant @[[KINDS:.*]]("IndexError,KeyError\00")
// CHECK-DAG: func.func private @dy2st_catch(!llvm.ptr) -> i1
// CHECK-LABEL: func.func @handles
// CHECK: %[[LIST:.*]] = llvm.mlir.addressof @[[KINDS]]
// CHECK: call @dy2st_catch(%[[LIST]]) : (!llvm.ptr) -> i1
// CHECK: %[[HELD:.*]] = call @dy2st_hold_raised() : () -> i64
// CHECK: call @dy2st_raise_held(%[[HELD]]) : (i64) -> ()
// CHECK: %[[CAUGHT:.*]] = call @dy2st_hold_caught() : () -> i64
// CHECK: call @dy2st_drop_held(%[[CAUGHT]]) : (i64) -> ()
pydy.func @handles(%arg0: i64 {pydy.name = "x"}) -> i1 {
  %c = pydy.catch ["IndexError", "KeyError"] : i1
  %held = pydy.hold_raised : i64
  pydy.raise_held %held : i64
  %caught = pydy.hold_caught : i64
  pydy.drop_held %caught : i64
  pydy.return %c : i1
}

// -----

// A `try`'s entry depth, and a bare `raise` outside a clause: RuntimeError
// at its line where nothing is held, else the exception held last recorded.
// CHECK-DAG: llvm.mlir.global internal constant @[[NONE:.*]]("f.py:9: No active exception to reraise\00")
// CHECK-DAG: func.func private @dy2st_held_depth() -> i64
// CHECK-DAG: func.func private @dy2st_reraise()
// CHECK-LABEL: func.func @re_raises
// CHECK: %[[ENTRY:.*]] = call @dy2st_held_depth() : () -> i64
// CHECK: call @dy2st_drop_held(%[[ENTRY]]) : (i64) -> ()
// CHECK: %[[DEPTH:.*]] = call @dy2st_held_depth() : () -> i64
// CHECK: %[[HELD:.*]] = arith.cmpi ne, %[[DEPTH]], %{{.*}} : i64
// CHECK: scf.if
// CHECK: llvm.mlir.addressof @[[NONE]]
// CHECK: call @dy2st_raise(
// CHECK: call @dy2st_reraise() : () -> ()
pydy.func @re_raises(%arg0: i64 {pydy.name = "x"}) -> i64 {
  %entry = pydy.held_depth : i64
  pydy.drop_held %entry : i64
  pydy.reraise loc("f.py":9:4)
  pydy.return %arg0 : i64
}

// -----

// `e` of `except E as e`, printed and in a raise's message: the runtime
// pushes the exception held at its depth as the item.
// CHECK-DAG: func.func private @dy2st_print_exception(i64)
// CHECK-LABEL: func.func @prints_the_caught_exception
// CHECK: %[[DEPTH:.*]] = call @dy2st_hold_caught() : () -> i64
// CHECK: call @dy2st_print_exception(%[[DEPTH]]) : (i64) -> ()
// CHECK: call @dy2st_print_format(%{{.*}}) : (!llvm.ptr) -> ()
// CHECK: call @dy2st_print_end(
// CHECK: call @dy2st_print_exception(%[[DEPTH]]) : (i64) -> ()
// CHECK: call @dy2st_raise_items(
// CHECK-NOT: pydy.caught_exception
pydy.func @prints_the_caught_exception(%arg0: i64 {pydy.name = "x"}) -> i64 {
  %depth = pydy.hold_caught : i64
  %e = pydy.caught_exception %depth : i64
  pydy.print %e : !pydy.exception {formats = ["!r"]}
  pydy.raise "RuntimeError", "wrapped: " (%e : !pydy.exception)
  pydy.drop_held %depth : i64
  pydy.return %arg0 : i64
}

// -----

// An exception object chosen at run time (yielded by a branch) is a clear
// error where it is written.
pydy.func @keeps_the_caught_exception(%arg0: i1 {pydy.name = "c"}) {
  %depth = pydy.hold_caught : i64
  %e = pydy.caught_exception %depth : i64
  %kept = pydy.if %arg0 : i1 -> !pydy.exception {
    pydy.yield %e : !pydy.exception
  } else {
    pydy.yield %e : !pydy.exception
  }
  // expected-error @+1 {{an exception object (`except ... as e`) can be printed}}
  pydy.print %kept : !pydy.exception
  pydy.return
}
