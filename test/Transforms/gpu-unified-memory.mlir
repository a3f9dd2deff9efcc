// RUN: dy2st-opt %s --dy2st-gpu-unified-memory | FileCheck %s

// Buffers of the host code become managed memory; the caller's buffers are
// copied in and out; constant globals are copied to managed memory.
// CHECK-LABEL: func.func @entry
// CHECK-SAME: (%[[X:.*]]: memref<?xf32>)
// CHECK-DAG: %[[G:.*]] = memref.get_global @table
// CHECK-DAG: %[[GM:.*]] = gpu.alloc  host_shared () : memref<4xf32>
// CHECK-DAG: memref.copy %[[G]], %[[GM]]
// CHECK: %[[D:.*]] = memref.dim %[[X]]
// CHECK: %[[XM:.*]] = gpu.alloc  host_shared (%[[D]]) : memref<?xf32>
// CHECK: memref.copy %[[X]], %[[XM]]
// CHECK: %[[T:.*]] = gpu.alloc  host_shared (%{{.*}}) : memref<?xf32>
// CHECK: memref.load %[[XM]]
// CHECK: memref.load %[[GM]]
// CHECK: %[[W:.*]] = gpu.wait async
// CHECK: %[[F:.*]] = gpu.dealloc async [%[[W]]] %[[T]]
// CHECK: gpu.wait [%[[F]]]
// The result goes back in a malloc'ed buffer.
// CHECK: %[[R:.*]] = gpu.alloc  host_shared (%{{.*}}) : memref<?xf32>
// CHECK: %[[H:.*]] = memref.alloc(%{{.*}}) : memref<?xf32>
// CHECK: memref.copy %[[R]], %[[H]]
// CHECK: gpu.dealloc async [%{{.*}}] %[[R]]
// CHECK: gpu.dealloc async [%{{.*}}] %[[GM]]
// CHECK: gpu.dealloc async [%{{.*}}] %[[XM]]
// CHECK: return %[[H]]
memref.global "private" constant @table : memref<4xf32> = dense<[1.0, 2.0, 3.0, 4.0]>
func.func @entry(%x: memref<?xf32>) -> memref<?xf32> {
  %c0 = arith.constant 0 : index
  %g = memref.get_global @table : memref<4xf32>
  %n = memref.dim %x, %c0 : memref<?xf32>
  %t = memref.alloc(%n) : memref<?xf32>
  %v = memref.load %x[%c0] : memref<?xf32>
  %w = memref.load %g[%c0] : memref<4xf32>
  %s = arith.addf %v, %w : f32
  memref.store %s, %t[%c0] : memref<?xf32>
  memref.dealloc %t : memref<?xf32>
  %r = memref.alloc(%n) : memref<?xf32>
  memref.store %s, %r[%c0] : memref<?xf32>
  return %r : memref<?xf32>
}

// A private function (a recursive one's copy) keeps its signature and leaves
// what it returns to its caller, even a copy of a constant.
// CHECK-LABEL: func.func private @constant
// CHECK: %[[G:.*]] = memref.get_global @table
// CHECK: %[[GM:.*]] = gpu.alloc  host_shared () : memref<4xf32>
// CHECK: memref.copy %[[G]], %[[GM]]
// CHECK-NOT: gpu.dealloc
// CHECK: return %[[GM]]
func.func private @constant() -> memref<4xf32> {
  %g = memref.get_global @table : memref<4xf32>
  return %g : memref<4xf32>
}
