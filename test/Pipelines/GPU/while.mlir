// RUN: dy2st-opt %s --dy2st-to-nvvm="format=isa" -mlir-print-ir-after=gpu-kernel-outlining -o /dev/null 2>&1 | FileCheck %s

// A while loop with a tensor condition stays on the host: each iteration
// launches the kernels of its body and of its condition, and reads the
// condition's one element back once.
// CHECK-LABEL: func.func @grow_until
// CHECK: scf.while
// CHECK:   gpu.launch_func
// CHECK:   %[[MAX:.*]] = memref.load
// CHECK:   %[[GO:.*]] = arith.cmpf olt, %[[MAX]]
// CHECK:   scf.condition(%[[GO]])
// CHECK: } do {
// CHECK:   gpu.launch_func
// CHECK:   scf.yield
// CHECK: return
// CHECK-NOT: scf.while
// CHECK: gpu.module
#map = affine_map<(d0) -> (d0)>
func.func @grow_until(%x: tensor<1024xf32>, %limit: f32) -> tensor<1024xf32> {
  %low = arith.constant 0xFF800000 : f32
  %r = scf.while (%v = %x) : (tensor<1024xf32>) -> tensor<1024xf32> {
    %e0 = tensor.empty() : tensor<f32>
    %i0 = linalg.fill ins(%low : f32) outs(%e0 : tensor<f32>) -> tensor<f32>
    %m = linalg.reduce ins(%v : tensor<1024xf32>) outs(%i0 : tensor<f32>) dimensions = [0]
      (%in: f32, %acc: f32) {
        %s = arith.maximumf %in, %acc : f32
        linalg.yield %s : f32
      }
    %max = tensor.extract %m[] : tensor<f32>
    %go = arith.cmpf olt, %max, %limit : f32
    scf.condition(%go) %v : tensor<1024xf32>
  } do {
  ^bb0(%v: tensor<1024xf32>):
    %e = tensor.empty() : tensor<1024xf32>
    %n = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]}
        ins(%v : tensor<1024xf32>) outs(%e : tensor<1024xf32>) {
    ^bb0(%a: f32, %o: f32):
      %d = arith.addf %a, %a : f32
      linalg.yield %d : f32
    } -> tensor<1024xf32>
    scf.yield %n : tensor<1024xf32>
  }
  return %r : tensor<1024xf32>
}
