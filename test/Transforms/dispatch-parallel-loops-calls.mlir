// RUN: dy2st-opt %s --dy2st-dispatch-parallel-loops | FileCheck %s

// Every call of every marked nest is dispatched (the pass gathers the calls
// of all nests in one walk); a nest whose arguments do not fit the context's
// 8-byte slots, and unmarked functions, are called as they were.

// CHECK-LABEL: llvm.func @a(
// CHECK-NOT: dy2st.parallel_range
// CHECK-LABEL: llvm.func private @a_part(
// CHECK: llvm.call @a(
// CHECK-LABEL: llvm.func @b(
// CHECK-LABEL: llvm.func private @b_part(
// CHECK-LABEL: llvm.func @wide(
// CHECK-NOT: dy2st.parallel_range
// CHECK-NOT: @wide_part
// CHECK-LABEL: llvm.func @caller(
// CHECK: %[[A:.*]] = llvm.mlir.addressof @a_part
// CHECK: %[[W1:.*]] = llvm.mlir.constant(100 : i64)
// CHECK: llvm.call @dy2st_parallel_for(%[[A]], %{{.*}}, %{{.*}}, %{{.*}}, %[[W1]])
// CHECK: %[[A2:.*]] = llvm.mlir.addressof @a_part
// CHECK: llvm.call @dy2st_parallel_for(%[[A2]],
// CHECK: %[[B:.*]] = llvm.mlir.addressof @b_part
// CHECK: %[[W2:.*]] = llvm.mlir.constant(7 : i64)
// CHECK: llvm.call @dy2st_parallel_for(%[[B]], %{{.*}}, %{{.*}}, %{{.*}}, %[[W2]])
// CHECK: llvm.call @wide(
// CHECK: llvm.call @plain(
// CHECK-NOT: llvm.call @a(
// CHECK-NOT: llvm.call @b(
// CHECK: llvm.func @dy2st_parallel_for(
llvm.func @a(%p: !llvm.ptr, %begin: i64, %end: i64) attributes {dy2st.parallel_range = 100 : i64} {
  llvm.return
}
llvm.func @b(%x: f32, %begin: i64, %end: i64) attributes {dy2st.parallel_range = 7 : i64} {
  llvm.return
}
llvm.func @wide(%v: vector<4xf64>, %begin: i64, %end: i64) attributes {dy2st.parallel_range = 9 : i64} {
  llvm.return
}
llvm.func @plain(%begin: i64, %end: i64) {
  llvm.return
}
llvm.func @caller(%p: !llvm.ptr, %x: f32, %v: vector<4xf64>, %n: i64) {
  %0 = llvm.mlir.constant(0 : i64) : i64
  llvm.call @a(%p, %0, %n) : (!llvm.ptr, i64, i64) -> ()
  llvm.call @a(%p, %0, %n) : (!llvm.ptr, i64, i64) -> ()
  llvm.call @b(%x, %0, %n) : (f32, i64, i64) -> ()
  llvm.call @wide(%v, %0, %n) : (vector<4xf64>, i64, i64) -> ()
  llvm.call @plain(%0, %n) : (i64, i64) -> ()
  llvm.return
}
