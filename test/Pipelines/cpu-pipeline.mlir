// RUN: dy2st-opt %s --dy2st-cpu-pipeline | FileCheck %s

// Core dialects on tensors go all the way to the LLVM dialect. The
// elementwise chain is fused into one loop nest writing one buffer, which the
// caller owns, from the runtime's allocation function (huge pages for large
// buffers); the nest is outlined into a noinline function whose
// buffers are noalias; f32 exp is a polynomial (fma), not a libm call, so
// LLVM can vectorize the loop; the entry gets its C interface wrapper.
// CHECK-NOT: linalg.
// CHECK-NOT: tensor.
// CHECK-NOT: memref.
// CHECK-NOT: scf.
// CHECK: llvm.func @_mlir_memref_to_llvm_alloc(i64) -> !llvm.ptr
// CHECK-LABEL: llvm.func @chain_loops0(%{{.*}}: !llvm.ptr {llvm.noalias}
// CHECK-SAME: passthrough = ["noinline"]
// CHECK-NOT: llvm.intr.exp
// CHECK: llvm.intr.fma
// CHECK: llvm.fmul
// CHECK-LABEL: llvm.func @chain(
// CHECK: llvm.call @_mlir_memref_to_llvm_alloc
// CHECK: llvm.call @chain_loops0
// CHECK-NOT: llvm.call @_mlir_memref_to_llvm_alloc
// CHECK-LABEL: llvm.func @_mlir_ciface_chain
#id = affine_map<(d0) -> (d0)>
func.func @chain(%x: tensor<16xf32>) -> tensor<16xf32> attributes {llvm.emit_c_interface} {
  %e0 = tensor.empty() : tensor<16xf32>
  %0 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%x : tensor<16xf32>) outs(%e0 : tensor<16xf32>) {
  ^bb0(%in: f32, %out: f32):
    %e = math.exp %in : f32
    linalg.yield %e : f32
  } -> tensor<16xf32>
  %e1 = tensor.empty() : tensor<16xf32>
  %1 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%0 : tensor<16xf32>) outs(%e1 : tensor<16xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.mulf %in, %in : f32
    linalg.yield %m : f32
  } -> tensor<16xf32>
  return %1 : tensor<16xf32>
}
