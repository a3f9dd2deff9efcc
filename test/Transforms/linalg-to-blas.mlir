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

// -----

// In a loop that does not write B (a recurrent layer's weights), B is packed
// once before the outermost such loop into ceil(N / 16) * 16 * K floats and
// freed after it; each product takes the packed entry (A, B, packed, C,
// transpose A, transpose B, accumulate).
// CHECK-LABEL: func.func private @dy2st_packed_gemm_f32(memref<?x?xf32, strided<[?, 1], offset: ?>>, memref<?x?xf32, strided<[?, 1], offset: ?>>, memref<?xf32>, memref<?x?xf32, strided<[?, 1], offset: ?>>, i1, i1, i1)
// CHECK-LABEL: func.func private @dy2st_pack_f32(memref<?x?xf32, strided<[?, 1], offset: ?>>, i1, memref<?xf32>)
// CHECK-LABEL: func.func @recurrent
// CHECK-DAG: %[[K:.*]] = memref.dim %arg1, %c1
// CHECK-DAG: %[[N:.*]] = memref.dim %arg1, %c0
// CHECK: %[[PANELS:.*]] = arith.ceildivui %[[N]], %c16
// CHECK: %[[WIDE:.*]] = arith.muli %[[PANELS]], %c16
// CHECK: %[[SIZE:.*]] = arith.muli %[[WIDE]], %[[K]]
// CHECK: %[[PACKED:.*]] = memref.alloc(%[[SIZE]]) {alignment = 64 : i64} : memref<?xf32>
// CHECK: %[[W:.*]] = memref.cast %arg1
// CHECK: call @dy2st_pack_f32(%[[W]], %true, %[[PACKED]])
// CHECK: scf.for
// CHECK: scf.for
// CHECK: call @dy2st_packed_gemm_f32(%{{.*}}, %{{.*}}, %[[PACKED]], %{{.*}}, %false{{.*}}, %true{{.*}}, %true{{.*}})
// CHECK: }
// CHECK: }
// CHECK-NEXT: memref.dealloc %[[PACKED]] : memref<?xf32>
#a = affine_map<(d0, d1, d2) -> (d0, d2)>
#bt = affine_map<(d0, d1, d2) -> (d1, d2)>
#c = affine_map<(d0, d1, d2) -> (d0, d1)>
func.func @recurrent(%h: memref<32x256xf32>, %w: memref<1024x256xf32>, %out: memref<32x1024xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    scf.for %j = %c0 to %n step %c1 {
      linalg.matmul indexing_maps = [#a, #bt, #c] ins(%h, %w : memref<32x256xf32>, memref<1024x256xf32>) outs(%out : memref<32x1024xf32>)
    }
  }
  return
}

// -----

// Not packed: B written in the loop (only the inner loop, which does not
// write it, reads it unchanged), B allocated in the loop, a loop-less
// product.
// CHECK-LABEL: func.func @changing
// CHECK: scf.for
// CHECK-NEXT: linalg.fill
// CHECK: %[[PACKED:.*]] = memref.alloc(%{{.*}}) {alignment = 64 : i64} : memref<?xf32>
// CHECK: call @dy2st_pack_f32(%{{.*}}, %{{.*}}, %[[PACKED]])
// CHECK-NEXT: scf.for
// CHECK: call @dy2st_packed_gemm_f32(
// CHECK-NEXT: }
// CHECK-NEXT: memref.dealloc %[[PACKED]]
// CHECK-NEXT: memref.alloc() : memref<256x1024xf32>
// CHECK-NOT: dy2st_pack
// CHECK: call @dy2st_gemm_f32(
// CHECK: }
// CHECK-NOT: dy2st_pack
// CHECK: call @dy2st_gemm_f32(
func.func @changing(%h: memref<32x256xf32>, %w: memref<256x1024xf32>, %out: memref<32x1024xf32>, %n: index, %s: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    linalg.fill ins(%s : f32) outs(%w : memref<256x1024xf32>)
    scf.for %j = %c0 to %n step %c1 {
      linalg.matmul ins(%h, %w : memref<32x256xf32>, memref<256x1024xf32>) outs(%out : memref<32x1024xf32>)
    }
    %fresh = memref.alloc() : memref<256x1024xf32>
    linalg.matmul ins(%h, %fresh : memref<32x256xf32>, memref<256x1024xf32>) outs(%out : memref<32x1024xf32>)
    memref.dealloc %fresh : memref<256x1024xf32>
  }
  linalg.matmul ins(%h, %w : memref<32x256xf32>, memref<256x1024xf32>) outs(%out : memref<32x1024xf32>)
  return
}

// -----

// A product starting from a copy of a zero-filled buffer (CSE shares one
// fill among products, bufferization copies it into each) folds the copy
// (accumulate = false); the shared fill goes once no copy reads it. A
// copy from a buffer written otherwise before it is kept.
// CHECK-LABEL: func.func @copied_zeros
// CHECK-NOT: linalg.fill
// CHECK-NOT: memref.copy
// CHECK: call @dy2st_gemm_f32({{.*}}, %{{false[_0-9]*}}, %{{false[_0-9]*}}, %{{false[_0-9]*}})
// CHECK-NOT: memref.copy
// CHECK: call @dy2st_gemm_f32({{.*}}, %{{false[_0-9]*}}, %{{false[_0-9]*}}, %{{false[_0-9]*}})
// CHECK: memref.copy %arg3, %{{.*}} :
// CHECK: call @dy2st_gemm_f32({{.*}}, %{{false[_0-9]*}}, %{{false[_0-9]*}}, %{{true[_0-9]*}})
func.func @copied_zeros(%a: memref<64x32xf32>, %b: memref<32x16xf32>, %c: memref<64x16xf32>, %d: memref<64x16xf32>) {
  %zero = arith.constant 0.0 : f32
  %zeros = memref.alloc() : memref<64x16xf32>
  linalg.fill ins(%zero : f32) outs(%zeros : memref<64x16xf32>)
  memref.copy %zeros, %c : memref<64x16xf32> to memref<64x16xf32>
  linalg.matmul ins(%a, %b : memref<64x32xf32>, memref<32x16xf32>) outs(%c : memref<64x16xf32>)
  memref.copy %zeros, %d : memref<64x16xf32> to memref<64x16xf32>
  linalg.matmul ins(%a, %b : memref<64x32xf32>, memref<32x16xf32>) outs(%d : memref<64x16xf32>)
  memref.dealloc %zeros : memref<64x16xf32>
  %kept = memref.alloc() : memref<64x16xf32>
  memref.copy %d, %kept : memref<64x16xf32> to memref<64x16xf32>
  linalg.matmul ins(%a, %b : memref<64x32xf32>, memref<32x16xf32>) outs(%kept : memref<64x16xf32>)
  memref.dealloc %kept : memref<64x16xf32>
  return
}
