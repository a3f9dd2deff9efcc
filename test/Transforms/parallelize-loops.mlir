// RUN: dy2st-opt %s --split-input-file --pass-pipeline="builtin.module(func.func(dy2st-parallelize-loops{min-work=1000}))" | FileCheck %s

// An outermost parallel loop runs on threads when its nest does at least
// min-work iterations (counted at run time, inner loops with bounds known
// before it included), else as scf.for loops in line; the parallel loop
// nested in it becomes scf.for loops in both copies.
// CHECK-LABEL: func.func @nest
// CHECK-SAME: (%[[A:.*]]: memref<?x?xf32>, %[[N:.*]]: index, %[[M:.*]]: index)
// CHECK:      %[[SPAN:.*]] = arith.subi %[[N]], %{{.*}}
// CHECK:      arith.ceildivsi %[[SPAN]]
// CHECK:      %[[SPAN2:.*]] = arith.subi %[[M]], %{{.*}}
// CHECK:      arith.ceildivsi %[[SPAN2]]
// CHECK:      %[[WORK:.*]] = arith.muli
// CHECK-NEXT: %[[MIN:.*]] = arith.constant 1000 : index
// CHECK-NEXT: %[[BIG:.*]] = arith.cmpi sge, %[[WORK]], %[[MIN]] : index
// CHECK:      scf.if %[[BIG]] {
// CHECK-NEXT:   scf.parallel (%[[I:.*]]) =
// CHECK-NOT:    scf.parallel
// CHECK:          scf.for
// CHECK:            memref.store
// CHECK:      } else {
// CHECK-NEXT:   scf.for
// CHECK-NEXT:     scf.for
// CHECK-NOT:    scf.parallel
// CHECK:            memref.store
func.func @nest(%a: memref<?x?xf32>, %n: index, %m: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %one = arith.constant 1.0 : f32
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    scf.parallel (%j) = (%c0) to (%m) step (%c1) {
      memref.store %one, %a[%i, %j] : memref<?x?xf32>
    }
  }
  return
}

// -----

// A parallel loop inside a sequential one (a time loop) is still the
// outermost parallel loop: it is guarded and kept.
// CHECK-LABEL: func.func @in_time_loop
// CHECK:      scf.for
// CHECK:        scf.if
// CHECK-NEXT:     scf.parallel
// CHECK:        } else {
// CHECK-NEXT:     scf.for
func.func @in_time_loop(%a: memref<?xf32>, %n: index, %t: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %one = arith.constant 1.0 : f32
  scf.for %k = %c0 to %t step %c1 {
    scf.parallel (%i) = (%c0) to (%n) step (%c1) {
      memref.store %one, %a[%i] : memref<?xf32>
    }
  }
  return
}

// -----

// A nest that calls the runtime (a failed check's raise) stays on the
// calling thread, where the runtime records the error.
// CHECK-LABEL: func.func @checked
// CHECK-NOT: scf.parallel
// CHECK-NOT: scf.if
// CHECK: scf.for
// CHECK: call @dy2st_raise
func.func private @dy2st_raise()
func.func @checked(%a: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    func.call @dy2st_raise() : () -> ()
  }
  return
}
