// RUN: dy2st-opt %s --dy2st-linalg-to-blas --split-input-file | FileCheck %s

// A product on buffers of f32 becomes a call of the runtime's gemm entry on
// views of any size and row stride (then: transpose A, transpose B,
// accumulate); the zero fill before it is folded into the call (accumulate =
// false).
// CHECK-LABEL: func.func private @dy2st_gemm_f32(memref<?x?xf32, strided<[?, 1], offset: ?>>, memref<?x?xf32, strided<[?, 1], offset: ?>>, memref<?x?xf32, strided<[?, 1], offset: ?>>, i1, i1, i1)
// CHECK-SAME: llvm.emit_c_interface
// CHECK-LABEL: func.func @matmul
// CHECK-NOT: linalg.fill
// CHECK-DAG: %[[A:.*]] = memref.cast %arg0 : memref<64x32xf32> to memref<?x?xf32, strided<[?, 1], offset: ?>>
// CHECK-DAG: %[[B:.*]] = memref.cast %arg1
// CHECK-DAG: %[[C:.*]] = memref.cast %arg2
// CHECK-DAG: %[[FALSE:.*]] = arith.constant false
// CHECK: call @dy2st_gemm_f32(%[[A]], %[[B]], %[[C]], %[[FALSE]], %[[FALSE]], %[[FALSE]])
// CHECK-NOT: linalg.matmul
func.func @matmul(%a: memref<64x32xf32>, %b: memref<32x16xf32>, %c: memref<64x16xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%c : memref<64x16xf32>)
  linalg.matmul ins(%a, %b : memref<64x32xf32>, memref<32x16xf32>) outs(%c : memref<64x16xf32>)
  return
}

// -----

// Without a zero fill, the product accumulates into the output; f64 and
// dynamic sizes take the f64 entry.
// CHECK-LABEL: func.func @accumulate
// CHECK-DAG: %[[TRUE:.*]] = arith.constant true
// CHECK-DAG: %[[FALSE:.*]] = arith.constant false
// CHECK: call @dy2st_gemm_f64({{.*}}, %[[FALSE]], %[[FALSE]], %[[TRUE]])
func.func @accumulate(%a: memref<?x?xf64>, %b: memref<?x?xf64>, %c: memref<?x?xf64>) {
  linalg.matmul ins(%a, %b : memref<?x?xf64>, memref<?x?xf64>) outs(%c : memref<?x?xf64>)
  return
}

// -----

// A matmul whose indexing maps read B transposed (x W^T) passes the flag.
// CHECK-LABEL: func.func @transposed_b
// CHECK-DAG: %[[TRUE:.*]] = arith.constant true
// CHECK-DAG: %[[FALSE:.*]] = arith.constant false
// CHECK: call @dy2st_gemm_f32({{.*}}, %[[FALSE]], %[[TRUE]], %[[TRUE]])
func.func @transposed_b(%a: memref<32x128xf32>, %w: memref<512x128xf32>, %c: memref<32x512xf32>) {
  linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>]
      ins(%a, %w : memref<32x128xf32>, memref<512x128xf32>) outs(%c : memref<32x512xf32>)
  return
}

// -----

// Batched products take the batched entry; a fill of another value is kept.
// CHECK-LABEL: func.func @batched
// CHECK: linalg.fill
// CHECK: %[[TRUE:.*]] = arith.constant true
// CHECK: call @dy2st_batch_gemm_f32({{.*}}, %[[TRUE]])
func.func @batched(%a: memref<4x32x32xf32>, %b: memref<4x32x32xf32>, %c: memref<4x32x32xf32>) {
  %one = arith.constant 1.0 : f32
  linalg.fill ins(%one : f32) outs(%c : memref<4x32x32xf32>)
  linalg.batch_matmul ins(%a, %b : memref<4x32x32xf32>, memref<4x32x32xf32>) outs(%c : memref<4x32x32xf32>)
  return
}

// -----

// Stays a loop nest: integers, tiny static products, columns with a stride,
// and products on tensors.
// CHECK-LABEL: func.func @kept
// CHECK-NOT: call
// CHECK-COUNT-4: linalg.matmul
func.func @kept(%ai: memref<64x64xi32>, %ci: memref<64x64xi32>,
                %at: memref<8x8xf32>, %ct: memref<8x8xf32>,
                %as: memref<64x64xf32, strided<[1, 64]>>, %cs: memref<64x64xf32>,
                %x: tensor<64x64xf32>) -> tensor<64x64xf32> {
  linalg.matmul ins(%ai, %ai : memref<64x64xi32>, memref<64x64xi32>) outs(%ci : memref<64x64xi32>)
  linalg.matmul ins(%at, %at : memref<8x8xf32>, memref<8x8xf32>) outs(%ct : memref<8x8xf32>)
  linalg.matmul ins(%as, %cs : memref<64x64xf32, strided<[1, 64]>>, memref<64x64xf32>) outs(%cs : memref<64x64xf32>)
  %r = linalg.matmul ins(%x, %x : tensor<64x64xf32>, tensor<64x64xf32>) outs(%x : tensor<64x64xf32>) -> tensor<64x64xf32>
  return %r : tensor<64x64xf32>
}
