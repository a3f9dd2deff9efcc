// RUN: dy2st-opt %s --dy2st-name-allocation-sites | FileCheck %s

// Buffers that may not fit in memory (a dynamic size, or 1 MiB and more)
// are preceded by the runtime call that names their source line; small
// static ones and those without a source line are not.
// CHECK-DAG: llvm.mlir.global internal constant @[[LINE7:.*]]("model.py:7: \00")
// CHECK-DAG: llvm.mlir.global internal constant @[[LINE9:.*]]("model.py:9: \00")
// CHECK-DAG: llvm.mlir.global internal constant @[[LINE11:.*]]("model.py:11: \00")
// CHECK-DAG: func.func private @dy2st_allocation_site(!llvm.ptr)
// CHECK-LABEL: func.func @buffers(
func.func @buffers(%n: index) {
  // CHECK: %[[D:.*]] = llvm.mlir.addressof @[[LINE7]]
  // CHECK-NEXT: call @dy2st_allocation_site(%[[D]])
  // CHECK-NEXT: memref.alloc(%{{.*}}) : memref<?x4xf32>
  %dynamic = memref.alloc(%n) : memref<?x4xf32> loc("model.py":7:3)
  // CHECK: %[[L:.*]] = llvm.mlir.addressof @[[LINE9]]
  // CHECK-NEXT: call @dy2st_allocation_site(%[[L]])
  // CHECK-NEXT: memref.alloc() : memref<1024x256xf32>
  %large = memref.alloc() : memref<1024x256xf32> loc("model.py":9:3)
  // CHECK: %[[I:.*]] = llvm.mlir.addressof @[[LINE11]]
  // CHECK-NEXT: call @dy2st_allocation_site(%[[I]])
  // CHECK-NEXT: memref.alloc(%{{.*}}) : memref<?xindex>
  %indices = memref.alloc(%n) : memref<?xindex> loc("model.py":11:3)
  // CHECK-NOT: call @dy2st_allocation_site
  // CHECK: memref.alloc() : memref<1023x256xf32>
  %small = memref.alloc() : memref<1023x256xf32> loc("model.py":13:3)
  // CHECK-NEXT: memref.alloc(%{{.*}}) : memref<?xf32>
  %unnamed = memref.alloc(%n) : memref<?xf32> loc(unknown)
  memref.dealloc %dynamic : memref<?x4xf32>
  memref.dealloc %large : memref<1024x256xf32>
  memref.dealloc %indices : memref<?xindex>
  memref.dealloc %small : memref<1023x256xf32>
  memref.dealloc %unnamed : memref<?xf32>
  return
}
