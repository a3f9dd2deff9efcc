// ptxas from the CUDA toolkit found at configure time assembles the kernels
// into cubins for sm_80 and sm_90 (unsupported without the toolkit).
// REQUIRES: ptxas
// RUN: dy2st-opt %s --dy2st-to-nvvm="format=bin chip=sm_80" | FileCheck %s --check-prefix=CUBIN80
// RUN: dy2st-opt %s --dy2st-to-nvvm="format=bin chip=sm_90" | FileCheck %s --check-prefix=CUBIN90

// CUBIN80: #nvvm.target<O = 3, chip = "sm_80", features = "+ptx80">, properties = {ISAToBinaryTimeInMs = {{.*}}}, bin = "\7FELF
// CUBIN90: #nvvm.target<O = 3, chip = "sm_90", features = "+ptx80">, properties = {ISAToBinaryTimeInMs = {{.*}}}, bin = "\7FELF
#map = affine_map<(d0, d1) -> (d0, d1)>
func.func @scale(%a: tensor<?x?xf32>, %s: f32) -> tensor<?x?xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %m = tensor.dim %a, %c0 : tensor<?x?xf32>
  %n = tensor.dim %a, %c1 : tensor<?x?xf32>
  %e = tensor.empty(%m, %n) : tensor<?x?xf32>
  %r = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]}
      ins(%a : tensor<?x?xf32>) outs(%e : tensor<?x?xf32>) {
  ^bb0(%x: f32, %o: f32):
    %y = arith.mulf %x, %s : f32
    %z = math.exp %y : f32
    linalg.yield %z : f32
  } -> tensor<?x?xf32>
  return %r : tensor<?x?xf32>
}
