// RUN: dy2st-opt %s --dy2st-to-nvvm="format=isa" -mlir-print-ir-after=gpu-kernel-outlining -mlir-print-ir-after=llvm-optimize-for-nvvm-target -o %t 2>&1 | FileCheck %s
// RUN: FileCheck %s --check-prefix=PTX < %t

// An elementwise chain is fused into one kernel of 256-thread blocks, whose
// buffers are in managed memory; the caller's buffers are copied in and out.
// CHECK-LABEL: IR Dump After GpuKernelOutliningPass
// CHECK: func.func @chain
// CHECK-COUNT-2: gpu.alloc  host_shared
// CHECK: gpu.alloc  host_shared
// CHECK: gpu.launch_func  @chain_kernel::@chain_kernel blocks in (%{{.*}}, %{{.*}}, %{{.*}}) threads in (%[[T:.*]], %{{.*}}, %{{.*}})
// CHECK-NOT: gpu.launch_func
// CHECK: memref.alloc
// CHECK: memref.copy
// CHECK: gpu.dealloc
// CHECK: return
// CHECK: gpu.module @chain_kernel
// CHECK: gpu.func @chain_kernel
// CHECK: gpu.block_id  x
// CHECK: gpu.thread_id  x
// CHECK: math.tanh

// The kernel in NVVM: thread and block ids are PTX special registers.
// CHECK-LABEL: IR Dump After NVVMOptimizeForTargetPass
// CHECK: gpu.module @chain_kernel [#nvvm.target<O = 3, chip = "sm_80", features = "+ptx80">]
// CHECK: llvm.func @chain_kernel
// CHECK-SAME: nvvm.kernel
// CHECK: nvvm.read.ptx.sreg.ctaid.x
// CHECK: nvvm.read.ptx.sreg.tid.x

// PTX-DAG: gpu.binary @chain_kernel {{.*}}.target sm_80{{.*}}.entry chain_kernel
// PTX-DAG: gpu.launch_func  @chain_kernel::@chain_kernel
#map = affine_map<(d0) -> (d0)>
func.func @chain(%a: tensor<1000xf32>, %b: tensor<1000xf32>) -> tensor<1000xf32> {
  %e = tensor.empty() : tensor<1000xf32>
  %s = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel"]}
      ins(%a, %b : tensor<1000xf32>, tensor<1000xf32>) outs(%e : tensor<1000xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %r = arith.addf %x, %y : f32
    linalg.yield %r : f32
  } -> tensor<1000xf32>
  %t = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]}
      ins(%s : tensor<1000xf32>) outs(%e : tensor<1000xf32>) {
  ^bb0(%x: f32, %o: f32):
    %r = math.tanh %x : f32
    linalg.yield %r : f32
  } -> tensor<1000xf32>
  return %t : tensor<1000xf32>
}
