// RUN: dy2st-opt %s --dy2st-cpu-pipeline | FileCheck %s

// A product whose operand an scf.if chooses (an indexed read computed only in
// range) still goes to BLAS: the branch's fresh tensor bufferizes with the
// identity layout, not a fully dynamic one that hides the unit inner stride
// (the compiled LSTM ran its input product as loops, 10x slower).
// CHECK-LABEL: llvm.func @branch_product(
// CHECK: llvm.call @dy2st_gemm_f32
#id = affine_map<(d0, d1) -> (d0, d1)>
#a = affine_map<(m, n, k) -> (m, k)>
#bt = affine_map<(m, n, k) -> (n, k)>
#c = affine_map<(m, n, k) -> (m, n)>
func.func @branch_product(%ok: i1, %x: tensor<32x128xf32>, %w: tensor<64x128xf32>)
    -> tensor<32x64xf32> attributes {llvm.emit_c_interface} {
  %read = scf.if %ok -> (tensor<32x128xf32>) {
    %e = tensor.empty() : tensor<32x128xf32>
    %copy = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
        ins(%x : tensor<32x128xf32>) outs(%e : tensor<32x128xf32>) {
    ^bb0(%in: f32, %out: f32):
      %n = arith.negf %in : f32
      linalg.yield %n : f32
    } -> tensor<32x128xf32>
    scf.yield %copy : tensor<32x128xf32>
  } else {
    %e = tensor.empty() : tensor<32x128xf32>
    scf.yield %e : tensor<32x128xf32>
  }
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<32x64xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<32x64xf32>) -> tensor<32x64xf32>
  %p = linalg.matmul indexing_maps = [#a, #bt, #c]
      ins(%read, %w : tensor<32x128xf32>, tensor<64x128xf32>)
      outs(%acc : tensor<32x64xf32>) -> tensor<32x64xf32>
  return %p : tensor<32x64xf32>
}
