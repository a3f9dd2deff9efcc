// RUN: dy2st-opt %s --dy2st-prefetch-streams | FileCheck %s

// A loop computing 16 ops per element is split into chunks of one cache line
// (16 f32, the smallest element; the f64 stream spans two lines of it), each
// prefetching its streams 4 KB ahead, clamped to the last iteration; then the
// original loop runs what is left. The load at a constant index is no stream.
// CHECK-LABEL: func.func @heavy
// CHECK-SAME: (%[[A:.*]]: memref<?xf32>, %[[B:.*]]: memref<4x?xf64>, %[[C:.*]]: memref<?xf32>, %[[OUT:.*]]: memref<?xf32>, %[[ROW:.*]]: index, %[[LO:.*]]: index, %[[HI:.*]]: index
// CHECK: %[[COUNT:.*]] = arith.subi %[[HI]], %[[LO]]
// CHECK: %[[POSITIVE:.*]] = arith.maxsi %[[COUNT]], %c0
// CHECK: %[[CHUNKS:.*]] = arith.divui %[[POSITIVE]], %c16
// CHECK: %[[ROUNDED:.*]] = arith.muli %[[CHUNKS]], %c16
// CHECK: %[[END:.*]] = arith.addi %[[LO]], %[[ROUNDED]]
// CHECK: %[[LAST:.*]] = arith.subi %[[HI]], %c1
// CHECK: scf.for %[[START:.*]] = %[[LO]] to %[[END]] step %c16
// CHECK: %[[AHEAD_A:.*]] = arith.addi %[[START]], %c1024
// CHECK: %[[AT_A:.*]] = arith.minsi %[[AHEAD_A]], %[[LAST]]
// CHECK: memref.prefetch %[[A]][%[[AT_A]]], read, locality<3>, data
// CHECK: %[[AHEAD_B:.*]] = arith.addi %[[START]], %c512
// CHECK: %[[AT_B:.*]] = arith.minsi %[[AHEAD_B]], %[[LAST]]
// CHECK: memref.prefetch %[[B]][%[[ROW]], %[[AT_B]]], read, locality<3>, data
// CHECK: %[[AHEAD_B2:.*]] = arith.addi %[[START]], %c520
// CHECK: %[[AT_B2:.*]] = arith.minsi %[[AHEAD_B2]], %[[LAST]]
// CHECK: memref.prefetch %[[B]][%[[ROW]], %[[AT_B2]]], read, locality<3>, data
// CHECK-NOT: memref.prefetch
// CHECK: %[[STOP:.*]] = arith.addi %[[START]], %c16
// CHECK: scf.for %[[I:.*]] = %[[START]] to %[[STOP]] step %c1
// CHECK: memref.load %[[A]][%[[I]]]
// CHECK: memref.store %{{.*}}, %[[OUT]][%[[I]]]
// CHECK: scf.for %[[J:.*]] = %[[END]] to %[[HI]] step %c1
// CHECK-NOT: memref.prefetch
// CHECK: memref.load %[[A]][%[[J]]]
// CHECK: memref.store %{{.*}}, %[[OUT]][%[[J]]]
// CHECK: return
func.func @heavy(%a: memref<?xf32>, %b: memref<4x?xf64>, %c: memref<?xf32>, %out: memref<?xf32>,
                 %row: index, %lo: index, %hi: index, %k: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %lo to %hi step %c1 {
    %x = memref.load %a[%i] : memref<?xf32>
    %y64 = memref.load %b[%row, %i] : memref<4x?xf64>
    %y = arith.truncf %y64 : f64 to f32
    %z = memref.load %c[%c0] : memref<?xf32>
    %s = arith.addf %x, %y : f32
    %h0 = arith.mulf %s, %k : f32
    %h1 = arith.addf %h0, %k : f32
    %h2 = arith.mulf %h1, %k : f32
    %h3 = arith.addf %h2, %k : f32
    %h4 = arith.mulf %h3, %k : f32
    %h5 = arith.addf %h4, %k : f32
    %h6 = arith.mulf %h5, %k : f32
    %h7 = arith.addf %h6, %k : f32
    %h8 = arith.mulf %h7, %k : f32
    %h9 = arith.addf %h8, %k : f32
    %h10 = arith.mulf %h9, %k : f32
    %h11 = arith.addf %h10, %k : f32
    %h12 = arith.mulf %h11, %k : f32
    %h13 = arith.addf %h12, %k : f32
    %r = arith.addf %h13, %z : f32
    memref.store %r, %out[%i] : memref<?xf32>
  }
  return
}

// Loops computing little per element (the hardware's prefetchers keep up),
// short loops and loops holding loops stay as they are.
// CHECK-LABEL: func.func @left_alone
// CHECK-NOT: memref.prefetch
// CHECK: return
func.func @left_alone(%a: memref<?xf32>, %m: memref<100x?xf32>, %out: memref<?xf32>, %n: index, %k: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c100 = arith.constant 100 : index
  %c4000 = arith.constant 4000 : index
  scf.for %i = %c0 to %n step %c1 {
    %x = memref.load %a[%i] : memref<?xf32>
    %y = arith.mulf %x, %k : f32
    %z = arith.addf %y, %k : f32
    memref.store %z, %out[%i] : memref<?xf32>
  }
  scf.for %i = %c0 to %c4000 step %c1 {
    %x = memref.load %a[%i] : memref<?xf32>
    %s0 = arith.mulf %x, %k : f32
    %s1 = arith.addf %s0, %k : f32
    %s2 = arith.mulf %s1, %k : f32
    %s3 = arith.addf %s2, %k : f32
    %s4 = arith.mulf %s3, %k : f32
    %s5 = arith.addf %s4, %k : f32
    %s6 = arith.mulf %s5, %k : f32
    %s7 = arith.addf %s6, %k : f32
    %s8 = arith.mulf %s7, %k : f32
    %s9 = arith.addf %s8, %k : f32
    %s10 = arith.mulf %s9, %k : f32
    %s11 = arith.addf %s10, %k : f32
    %s12 = arith.mulf %s11, %k : f32
    %s13 = arith.addf %s12, %k : f32
    %s14 = arith.mulf %s13, %k : f32
    %s15 = arith.addf %s14, %k : f32
    memref.store %s15, %out[%i] : memref<?xf32>
  }
  scf.for %r = %c0 to %c100 step %c1 {
    scf.for %i = %c0 to %n step %c1 {
      %x = memref.load %m[%r, %i] : memref<100x?xf32>
      %y = arith.mulf %x, %k : f32
      memref.store %y, %out[%i] : memref<?xf32>
    }
  }
  return
}
