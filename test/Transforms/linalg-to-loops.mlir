// RUN: dy2st-opt %s --split-input-file --pass-pipeline="builtin.module(func.func(dy2st-linalg-to-loops))" | FileCheck %s

// An elementwise op: its outer loop is marked, the work of one iteration
// being the inner loop's 256 iterations. (With less work than the runtime
// ever shares, 2^13 iterations in all, nothing is marked: @too_little; from
// there to 2^16 it shares only while its workers spin: @while_spinning.)
// CHECK-LABEL: func.func @elementwise
// CHECK: scf.for
// CHECK:   scf.for
// CHECK:     math.tanh
// CHECK:   }
// CHECK: } {dy2st.parallel_loop = 256 : i64}
// CHECK-NOT: linalg.generic
#id = affine_map<(d0, d1) -> (d0, d1)>
func.func @elementwise(%x: memref<512x256xf32>, %y: memref<512x256xf32>) {
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%x : memref<512x256xf32>) outs(%y : memref<512x256xf32>) {
  ^bb0(%a: f32, %b: f32):
    %t = math.tanh %a : f32
    linalg.yield %t : f32
  }
  return
}

// exp scaled by llvm.ldexp (dy2st-approximate-math on AVX-512) only computes too.
// CHECK-LABEL: func.func @scaled
// CHECK: llvm.intr.ldexp
// CHECK: } {dy2st.parallel_loop = 256 : i64}
func.func @scaled(%x: memref<512x256xf32>, %n: memref<512x256xi32>, %y: memref<512x256xf32>) {
  linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%x, %n : memref<512x256xf32>, memref<512x256xi32>) outs(%y : memref<512x256xf32>) {
  ^bb0(%a: f32, %k: i32, %b: f32):
    %t = llvm.intr.ldexp(%a, %k) : (f32, i32) -> f32
    linalg.yield %t : f32
  }
  return
}

// CHECK-LABEL: func.func @while_spinning
// CHECK: } {dy2st.parallel_loop = 256 : i64}
func.func @while_spinning(%x: memref<64x256xf32>, %y: memref<64x256xf32>) {
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%x : memref<64x256xf32>) outs(%y : memref<64x256xf32>) {
  ^bb0(%a: f32, %b: f32):
    %t = math.tanh %a : f32
    linalg.yield %t : f32
  }
  return
}

// CHECK-LABEL: func.func @too_little
// CHECK-NOT: dy2st.parallel_loop
// CHECK: return
func.func @too_little(%x: memref<16x256xf32>, %y: memref<16x256xf32>) {
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%x : memref<16x256xf32>) outs(%y : memref<16x256xf32>) {
  ^bb0(%a: f32, %b: f32):
    %t = math.tanh %a : f32
    linalg.yield %t : f32
  }
  return
}

// -----

// A batch of one is skipped: the channels' loop is marked (work 1 * 1056).
// CHECK-LABEL: func.func @batch_of_one
// CHECK: scf.for
// CHECK:   scf.for
// CHECK:     scf.for
// CHECK:     }
// CHECK:   } {dy2st.parallel_loop = 1056 : i64}
// CHECK-NOT: dy2st.parallel_loop
// CHECK: return
#id3 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
func.func @batch_of_one(%x: memref<1x64x1056xf32>) {
  linalg.generic {indexing_maps = [#id3], iterator_types = ["parallel", "parallel", "parallel"]}
      outs(%x : memref<1x64x1056xf32>) {
  ^bb0(%a: f32):
    %m = arith.maximumf %a, %a : f32
    linalg.yield %m : f32
  }
  return
}

// -----

// Row sums into a fresh buffer: the rows are shared, the reduction stays
// in each iteration; a size known only at run time counts once in the work.
// (Into an argument, the output might be the input's buffer, read through
// another map: not marked.)
// CHECK-LABEL: func.func @row_sums
// CHECK: scf.for
// CHECK:   scf.for
// CHECK:   }
// CHECK: } {dy2st.parallel_loop = 1 : i64}
// CHECK-NOT: dy2st.parallel_loop
// CHECK: return
#in = affine_map<(d0, d1) -> (d0, d1)>
#out = affine_map<(d0, d1) -> (d0)>
func.func @row_sums(%x: memref<?x?xf32>, %into: memref<?xf32>) -> memref<?xf32> {
  %c0 = arith.constant 0 : index
  %n = memref.dim %x, %c0 : memref<?x?xf32>
  %y = memref.alloc(%n) : memref<?xf32>
  linalg.generic {indexing_maps = [#in, #out], iterator_types = ["parallel", "reduction"]}
      ins(%x : memref<?x?xf32>) outs(%y : memref<?xf32>) {
  ^bb0(%a: f32, %b: f32):
    %s = arith.addf %a, %b : f32
    linalg.yield %s : f32
  }
  linalg.generic {indexing_maps = [#in, #out], iterator_types = ["parallel", "reduction"]}
      ins(%x : memref<?x?xf32>) outs(%into : memref<?xf32>) {
  ^bb0(%a: f32, %b: f32):
    %s = arith.addf %a, %b : f32
    linalg.yield %s : f32
  }
  return %y : memref<?xf32>
}

// -----

// Not marked: a reduction first; an output that does not name the shared
// dimension (every iteration writes the same element); a transposed read of
// the buffer being written; a body that calls a function.
// CHECK-LABEL: func.func @not_shared
// CHECK-NOT: dy2st.parallel_loop
// CHECK: return
#in = affine_map<(d0, d1) -> (d0, d1)>
#t = affine_map<(d0, d1) -> (d1, d0)>
#first = affine_map<(d0, d1) -> (d1)>
func.func private @f(f32) -> f32
func.func @not_shared(%x: memref<512x512xf32>, %c: memref<512xf32>) {
  linalg.generic {indexing_maps = [#in, #first], iterator_types = ["reduction", "parallel"]}
      ins(%x : memref<512x512xf32>) outs(%c : memref<512xf32>) {
  ^bb0(%a: f32, %b: f32):
    %s = arith.addf %a, %b : f32
    linalg.yield %s : f32
  }
  linalg.generic {indexing_maps = [#t, #in], iterator_types = ["parallel", "parallel"]}
      ins(%x : memref<512x512xf32>) outs(%x : memref<512x512xf32>) {
  ^bb0(%a: f32, %b: f32):
    linalg.yield %a : f32
  }
  linalg.generic {indexing_maps = [#in, #in], iterator_types = ["parallel", "parallel"]}
      ins(%x : memref<512x512xf32>) outs(%x : memref<512x512xf32>) {
  ^bb0(%a: f32, %b: f32):
    %r = func.call @f(%a) : (f32) -> f32
    linalg.yield %r : f32
  }
  return
}
