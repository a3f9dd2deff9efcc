// RUN: dy2st-opt %s --convert-pydy-to-core | FileCheck %s

// A call left after inlining is recursive: it runs only while the runtime's
// depth limit allows (then leaves), else raises RecursionError and gives zero.
// CHECK-DAG: llvm.mlir.global internal constant @{{.*}}("RecursionError\00")
// CHECK-DAG: func.func private @dy2st_enter_call() -> i1
// CHECK-DAG: func.func private @dy2st_leave_call()
// CHECK-LABEL: func.func private @down
// CHECK: %[[OK:.*]] = call @dy2st_enter_call() : () -> i1
// CHECK: scf.if %[[OK]] -> (i64) {
// CHECK-NEXT: %[[R:.*]] = func.call @down(
// CHECK-NEXT: func.call @dy2st_leave_call()
// CHECK-NEXT: scf.yield %[[R]]
// CHECK: } else {
// CHECK: func.call @dy2st_raise
// CHECK: scf.yield %{{.*}} : i64
pydy.func private @down(%n: i64) -> i64 {
  %one = pydy.constant 1 : i64
  %m = pydy.binary sub %n, %one : (i64, i64) -> i64
  %r = pydy.call @down(%m) : (i64) -> i64
  pydy.return %r : i64
}
