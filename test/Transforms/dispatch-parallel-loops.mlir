// RUN: dy2st-opt %s --dy2st-outline-loop-nests | FileCheck %s --check-prefix=OUTLINED
// RUN: dy2st-opt %s --dy2st-outline-loop-nests --convert-scf-to-cf --finalize-memref-to-llvm --convert-arith-to-llvm --convert-cf-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts | dy2st-opt --dy2st-dispatch-parallel-loops | FileCheck %s

// dy2st-outline-loop-nests makes the marked loop's bounds the outlined
// nest's last two parameters (the constants 0 and 64 passed by the call) and
// marks the nest with the loop's work per iteration.
// OUTLINED-LABEL: func.func private @rows_loops0(
// OUTLINED-SAME: %{{.*}}: memref<64x256xf32>, %{{.*}}: memref<64x256xf32>, %[[BEGIN:.*]]: index, %[[END:.*]]: index)
// OUTLINED-SAME: dy2st.parallel_range = 256 : i64
// OUTLINED: scf.for %{{.*}} = %[[BEGIN]] to %[[END]] step
// OUTLINED-NOT: dy2st.parallel_loop
// OUTLINED-LABEL: func.func @rows(
// OUTLINED: scf.execute_region
// OUTLINED-DAG: %[[C0:.*]] = arith.constant 0 : index
// OUTLINED-DAG: %[[C64:.*]] = arith.constant 64 : index
// OUTLINED: call @rows_loops0(%{{.*}}, %{{.*}}, %[[C0]], %[[C64]])

// On the LLVM dialect, the call becomes the runtime's parallel_for of a part
// that reads the other arguments (two memrefs: 14 slots) from a context.
// CHECK-LABEL: llvm.func private @rows_loops0_part(
// CHECK-SAME: %[[CTX:.*]]: !llvm.ptr, %[[B:.*]]: i64, %[[E:.*]]: i64)
// CHECK: %[[SLOT:.*]] = llvm.getelementptr %[[CTX]][0] : (!llvm.ptr) -> !llvm.ptr, i64
// CHECK: llvm.load %[[SLOT]] : !llvm.ptr -> !llvm.ptr
// CHECK: llvm.getelementptr %[[CTX]][13]
// CHECK: llvm.call @rows_loops0({{.*}}, %[[B]], %[[E]])
// CHECK-LABEL: llvm.func @rows(
// CHECK: %[[N:.*]] = llvm.mlir.constant(14 : i64) : i64
// CHECK: %[[CONTEXT:.*]] = llvm.alloca %[[N]] x i64 {alignment = 8 : i64}
// CHECK: llvm.store %{{.*}}, %{{.*}} : !llvm.ptr, !llvm.ptr
// CHECK: %[[PART:.*]] = llvm.mlir.addressof @rows_loops0_part
// CHECK: %[[WORK:.*]] = llvm.mlir.constant(256 : i64) : i64
// CHECK: llvm.call @dy2st_parallel_for(%[[PART]], %[[CONTEXT]], %{{.*}}, %{{.*}}, %[[WORK]])
// CHECK-NOT: llvm.call @rows_loops0(
// CHECK: llvm.func @dy2st_parallel_for(!llvm.ptr, !llvm.ptr, i64, i64, i64)
func.func @rows(%x: memref<64x256xf32>, %y: memref<64x256xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  %c256 = arith.constant 256 : index
  scf.for %i = %c0 to %c64 step %c1 {
    scf.for %j = %c0 to %c256 step %c1 {
      %v = memref.load %x[%i, %j] : memref<64x256xf32>
      memref.store %v, %y[%i, %j] : memref<64x256xf32>
    }
  } {dy2st.parallel_loop = 256 : i64}
  return
}
