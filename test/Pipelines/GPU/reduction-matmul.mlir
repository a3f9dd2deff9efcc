// RUN: dy2st-opt %s --dy2st-to-nvvm="format=isa" -mlir-print-ir-after=gpu-kernel-outlining -o /dev/null 2>&1 | FileCheck %s

// A matmul is one kernel: a thread per output element, the k loop inside.
// CHECK-LABEL: func.func @matmul
// CHECK-COUNT-2: gpu.launch_func
// CHECK-NOT: scf.for
// CHECK: return
func.func @matmul(%a: tensor<128x256xf32>, %b: tensor<256x64xf32>) -> tensor<128x64xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<128x64xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<128x64xf32>) -> tensor<128x64xf32>
  %r = linalg.matmul ins(%a, %b : tensor<128x256xf32>, tensor<256x64xf32>) outs(%init : tensor<128x64xf32>) -> tensor<128x64xf32>
  return %r : tensor<128x64xf32>
}

// A reduction along rows runs a thread per row; a reduction to a scalar has
// no parallel dimension and runs as a one-thread kernel, not on the host.
// CHECK-LABEL: func.func @reductions
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1 : index
// CHECK-DAG: %[[BLOCK:.*]] = arith.constant 256 : index
// CHECK: gpu.launch_func {{.*}} threads in (%[[BLOCK]], %[[ONE]], %[[ONE]])
// CHECK: gpu.launch_func {{.*}} threads in (%[[BLOCK]], %[[ONE]], %[[ONE]])
// CHECK: gpu.launch_func {{.*}} blocks in (%[[ONE]], %[[ONE]], %[[ONE]]) threads in (%[[ONE]], %[[ONE]], %[[ONE]])
// CHECK-NOT: scf.for
// CHECK: return
// CHECK: gpu.func @reductions_kernel
// CHECK: scf.for
// CHECK: arith.addf
func.func @reductions(%x: tensor<64x128xf32>) -> (tensor<64xf32>, tensor<f32>) {
  %zero = arith.constant 0.0 : f32
  %e1 = tensor.empty() : tensor<64xf32>
  %i1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<64xf32>) -> tensor<64xf32>
  %rows = linalg.reduce ins(%x : tensor<64x128xf32>) outs(%i1 : tensor<64xf32>) dimensions = [1]
    (%in: f32, %acc: f32) {
      %s = arith.addf %in, %acc : f32
      linalg.yield %s : f32
    }
  %e0 = tensor.empty() : tensor<f32>
  %i0 = linalg.fill ins(%zero : f32) outs(%e0 : tensor<f32>) -> tensor<f32>
  %all = linalg.reduce ins(%rows : tensor<64xf32>) outs(%i0 : tensor<f32>) dimensions = [0]
    (%in: f32, %acc: f32) {
      %s = arith.addf %in, %acc : f32
      linalg.yield %s : f32
    }
  return %rows, %all : tensor<64xf32>, tensor<f32>
}
