// RUN: dy2st-opt %s --pass-pipeline="builtin.module(func.func(dy2st-gpu-serial-kernels))" | FileCheck %s

// A loop nest that only computes on buffers runs in a one-thread kernel.
// CHECK-LABEL: func.func @sum
// CHECK: arith.constant 64 : index
// CHECK-NEXT: %[[ONE:.*]] = arith.constant 1 : index
// CHECK-NEXT: gpu.launch blocks({{.*}}) in ({{.*}} = %[[ONE]], {{.*}} = %[[ONE]], {{.*}} = %[[ONE]]) threads({{.*}}) in ({{.*}} = %[[ONE]], {{.*}} = %[[ONE]], {{.*}} = %[[ONE]])
// CHECK-NEXT: scf.for
// CHECK: gpu.terminator
func.func @sum(%x: memref<64xf32>, %out: memref<f32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  scf.for %i = %c0 to %c64 step %c1 {
    %v = memref.load %x[%i] : memref<64xf32>
    %a = memref.load %out[] : memref<f32>
    %s = arith.addf %v, %a : f32
    memref.store %s, %out[] : memref<f32>
  }
  return
}

// A loop that launches kernels, allocates or calls stays on the host, as
// does a loop that does not touch memory.
// CHECK-LABEL: func.func @host_loops
// CHECK-NOT: gpu.launch blocks
// CHECK: scf.for
// CHECK:   memref.alloc
// CHECK: scf.for
// CHECK:   func.call
// CHECK: scf.for
// CHECK:   arith.addi
// CHECK-NOT: gpu.launch blocks
// CHECK: return
func.func private @effect()
func.func @host_loops(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %a = memref.alloc() : memref<4xf32>
    %v = memref.load %a[%c0] : memref<4xf32>
    memref.dealloc %a : memref<4xf32>
  }
  scf.for %i = %c0 to %n step %c1 {
    func.call @effect() : () -> ()
  }
  scf.for %i = %c0 to %n step %c1 {
    %k = arith.addi %i, %c1 : index
  }
  return
}
