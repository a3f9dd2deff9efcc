// RUN: dy2st-opt %s --dy2st-fold-equal-sizes | FileCheck %s

// A branch's result keeps the size both branches give it (a fill of an
// empty tensor of size %d, or that tensor): its size equals %d.
// CHECK-LABEL: func.func @size_through_branch
// CHECK-NOT: arith.cmpi
// CHECK-NOT: arith.maxsi
// CHECK: %[[TRUE:.*]] = arith.constant true
// CHECK: return %[[TRUE]], %[[D:.*]] :
func.func @size_through_branch(%x: tensor<?x?xf32>, %c: i1) -> (i1, index) {
  %c0 = arith.constant 0 : index
  %d = tensor.dim %x, %c0 : tensor<?x?xf32>
  %e = tensor.empty(%d) : tensor<?xf32>
  %r = scf.if %c -> tensor<?xf32> {
    %cst = arith.constant 1.0 : f32
    %f = linalg.fill ins(%cst : f32) outs(%e : tensor<?xf32>) -> tensor<?xf32>
    %g = linalg.reduce ins(%x : tensor<?x?xf32>) outs(%f : tensor<?xf32>) dimensions = [1]
        (%in: f32, %init: f32) {
          %s = arith.addf %in, %init : f32
          linalg.yield %s : f32
        }
    scf.yield %g : tensor<?xf32>
  } else {
    scf.yield %e : tensor<?xf32>
  }
  %d2 = tensor.dim %r, %c0 : tensor<?xf32>
  %same = arith.cmpi eq, %d2, %d : index
  %larger = arith.maxsi %d2, %d : index
  return %same, %larger : i1, index
}

// Sizes that differ by a constant are unequal: `ne` holds, an ordering
// predicate is left (areEqual does not say which is larger).
// CHECK-LABEL: func.func @unequal_sizes
// CHECK: %[[TRUE:.*]] = arith.constant true
// CHECK: %[[LESS:.*]] = arith.cmpi slt
// CHECK: return %[[TRUE]], %[[LESS]]
func.func @unequal_sizes(%x: tensor<?xf32>) -> (i1, i1) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %d = tensor.dim %x, %c0 : tensor<?xf32>
  %s = tensor.extract_slice %x[1] [%d] [1] : tensor<?xf32> to tensor<?xf32>
  %d1 = arith.addi %d, %c1 : index
  %ds = tensor.dim %s, %c0 : tensor<?xf32>
  %differ = arith.cmpi ne, %ds, %d1 : index
  %less = arith.cmpi slt, %ds, %d1 : index
  return %differ, %less : i1, i1
}

// Sizes of two arguments are unknown: the test stays.
// CHECK-LABEL: func.func @unknown_sizes
// CHECK: arith.cmpi ne
// CHECK: arith.maxsi
func.func @unknown_sizes(%x: tensor<?xf32>, %y: tensor<?xf32>) -> (i1, index) {
  %c0 = arith.constant 0 : index
  %dx = tensor.dim %x, %c0 : tensor<?xf32>
  %dy = tensor.dim %y, %c0 : tensor<?xf32>
  %differ = arith.cmpi ne, %dx, %dy : index
  %larger = arith.maxsi %dx, %dy : index
  return %differ, %larger : i1, index
}
