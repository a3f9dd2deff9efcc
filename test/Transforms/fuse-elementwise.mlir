// RUN: dy2st-opt %s --dy2st-fuse-elementwise | FileCheck %s

// A product of a merged batch keeps its reshapes: the matmul stays a named
// op (for dy2st-linalg-to-blas), and the elementwise op after it stays apart.
// CHECK-LABEL: func.func @merged_batch
// CHECK: tensor.collapse_shape
// CHECK: linalg.matmul
// CHECK: tensor.expand_shape
// CHECK: linalg.generic
#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
func.func @merged_batch(%x: tensor<4x16x64xf32>, %w: tensor<64x32xf32>) -> tensor<4x16x32xf32> {
  %zero = arith.constant 0.0 : f32
  %one = arith.constant 1.0 : f32
  %merged = tensor.collapse_shape %x [[0, 1], [2]] : tensor<4x16x64xf32> into tensor<64x64xf32>
  %empty = tensor.empty() : tensor<64x32xf32>
  %init = linalg.fill ins(%zero : f32) outs(%empty : tensor<64x32xf32>) -> tensor<64x32xf32>
  %p = linalg.matmul ins(%merged, %w : tensor<64x64xf32>, tensor<64x32xf32>) outs(%init : tensor<64x32xf32>) -> tensor<64x32xf32>
  %split = tensor.expand_shape %p [[0, 1], [2]] output_shape [4, 16, 32] : tensor<64x32xf32> into tensor<4x16x32xf32>
  %out = tensor.empty() : tensor<4x16x32xf32>
  %r = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%split : tensor<4x16x32xf32>) outs(%out : tensor<4x16x32xf32>) {
  ^bb0(%in: f32, %o: f32):
    %s = arith.addf %in, %one : f32
    linalg.yield %s : f32
  } -> tensor<4x16x32xf32>
  return %r : tensor<4x16x32xf32>
}

// Elementwise ops still fuse into one generic.
// CHECK-LABEL: func.func @chain
// CHECK: linalg.generic
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK-NOT: linalg.generic
func.func @chain(%x: tensor<8xf32>) -> tensor<8xf32> {
  %e = tensor.empty() : tensor<8xf32>
  %a = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]}
      ins(%x : tensor<8xf32>) outs(%e : tensor<8xf32>) {
  ^bb0(%in: f32, %o: f32):
    %m = arith.mulf %in, %in : f32
    linalg.yield %m : f32
  } -> tensor<8xf32>
  %b = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]}
      ins(%a : tensor<8xf32>) outs(%e : tensor<8xf32>) {
  ^bb0(%in: f32, %o: f32):
    %s = arith.addf %in, %in : f32
    linalg.yield %s : f32
  } -> tensor<8xf32>
  return %b : tensor<8xf32>
}

// A value read at the generic's own indices, of its own static type, is the
// value itself (setitem's broadcast of `out[:, t, :] = h`); a value of
// another shape (a broadcast) or read elsewhere (transposed) stays a generic.
// CHECK-LABEL: func.func @identity_extract
// CHECK-SAME: (%[[H:.*]]: tensor<4x8xf32>, %{{.*}}: tensor<8xf32>, %{{.*}}: tensor<4x4xf32>)
// CHECK: linalg.generic
// CHECK: linalg.generic
// CHECK: return %[[H]], %{{.*}}, %{{.*}}
#id2 = affine_map<(d0, d1) -> (d0, d1)>
func.func @identity_extract(%h: tensor<4x8xf32>, %row: tensor<8xf32>, %sq: tensor<4x4xf32>) -> (tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x4xf32>) {
  %e = tensor.empty() : tensor<4x8xf32>
  %same = linalg.generic {indexing_maps = [#id2], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<4x8xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %v = tensor.extract %h[%i, %j] : tensor<4x8xf32>
    linalg.yield %v : f32
  } -> tensor<4x8xf32>
  %spread = linalg.generic {indexing_maps = [#id2], iterator_types = ["parallel", "parallel"]} outs(%e : tensor<4x8xf32>) {
  ^bb0(%o: f32):
    %j = linalg.index 1 : index
    %v = tensor.extract %row[%j] : tensor<8xf32>
    linalg.yield %v : f32
  } -> tensor<4x8xf32>
  %es = tensor.empty() : tensor<4x4xf32>
  %flipped = linalg.generic {indexing_maps = [#id2], iterator_types = ["parallel", "parallel"]} outs(%es : tensor<4x4xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %v = tensor.extract %sq[%j, %i] : tensor<4x4xf32>
    linalg.yield %v : f32
  } -> tensor<4x4xf32>
  return %same, %spread, %flipped : tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x4xf32>
}

// A producer that computes per element, read through a broadcast, stays
// apart (fused, each of its elements would be computed again for every
// point the broadcast adds: an average pool's counts per batch and
// channel); a broadcast that only reads, and a 0-d producer, still fuse.
// CHECK-LABEL: func.func @broadcast_producer
// CHECK: %[[COUNTS:.*]] = linalg.generic
// CHECK: linalg.index
// CHECK: arith.sitofp
// CHECK: linalg.generic
// CHECK-SAME: ins(%{{.*}}, %[[COUNTS]] :
// CHECK: arith.divf
// CHECK-NOT: linalg.generic
// CHECK-LABEL: func.func @cheap_broadcasts
// CHECK: linalg.generic
// CHECK: arith.addf
// CHECK: arith.mulf
// CHECK-NOT: linalg.generic
#b4 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#b4_counts = affine_map<(d0, d1, d2, d3) -> (0, 0, d2, d3)>
#b2 = affine_map<(d0, d1) -> (d0, d1)>
#b2_row = affine_map<(d0, d1) -> (d1)>
#b2_scalar = affine_map<(d0, d1) -> ()>
func.func @broadcast_producer(%sums: tensor<8x4x6x6xf32>) -> tensor<8x4x6x6xf32> {
  %e = tensor.empty() : tensor<1x1x6x6xf32>
  %counts = linalg.generic {indexing_maps = [#b4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      outs(%e : tensor<1x1x6x6xf32>) {
  ^bb0(%o: f32):
    %i = linalg.index 2 : index
    %j = linalg.index 3 : index
    %n = arith.muli %i, %j : index
    %w = arith.index_cast %n : index to i64
    %f = arith.sitofp %w : i64 to f32
    linalg.yield %f : f32
  } -> tensor<1x1x6x6xf32>
  %out = tensor.empty() : tensor<8x4x6x6xf32>
  %r = linalg.generic {indexing_maps = [#b4, #b4_counts, #b4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%sums, %counts : tensor<8x4x6x6xf32>, tensor<1x1x6x6xf32>) outs(%out : tensor<8x4x6x6xf32>) {
  ^bb0(%s: f32, %c: f32, %o: f32):
    %d = arith.divf %s, %c : f32
    linalg.yield %d : f32
  } -> tensor<8x4x6x6xf32>
  return %r : tensor<8x4x6x6xf32>
}

func.func @cheap_broadcasts(%x: tensor<4x8xf32>, %row: tensor<8xf32>, %a: tensor<f32>) -> tensor<4x8xf32> {
  %e8 = tensor.empty() : tensor<4x8xf32>
  %copied = linalg.generic {indexing_maps = [#b2_row, #b2], iterator_types = ["parallel", "parallel"]}
      ins(%row : tensor<8xf32>) outs(%e8 : tensor<4x8xf32>) {
  ^bb0(%in: f32, %o: f32):
    linalg.yield %in : f32
  } -> tensor<4x8xf32>
  %e0 = tensor.empty() : tensor<f32>
  %twice = linalg.generic {indexing_maps = [affine_map<() -> ()>, affine_map<() -> ()>], iterator_types = []}
      ins(%a : tensor<f32>) outs(%e0 : tensor<f32>) {
  ^bb0(%in: f32, %o: f32):
    %t = arith.addf %in, %in : f32
    linalg.yield %t : f32
  } -> tensor<f32>
  %r = linalg.generic {indexing_maps = [#b2, #b2, #b2_scalar, #b2], iterator_types = ["parallel", "parallel"]}
      ins(%x, %copied, %twice : tensor<4x8xf32>, tensor<4x8xf32>, tensor<f32>) outs(%e8 : tensor<4x8xf32>) {
  ^bb0(%in: f32, %c: f32, %t: f32, %o: f32):
    %m = arith.mulf %in, %c : f32
    %s = arith.mulf %m, %t : f32
    linalg.yield %s : f32
  } -> tensor<4x8xf32>
  return %r : tensor<4x8xf32>
}
