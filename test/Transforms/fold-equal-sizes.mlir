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

// A size traced to a constant compares as that constant (a tensor of four
// elements cast to a dynamic size is not of size one).
// CHECK-LABEL: func.func @constant_size
// CHECK-NOT: arith.cmpi
// CHECK: %[[FALSE:.*]] = arith.constant false
// CHECK: return %[[FALSE]]
func.func @constant_size() -> i1 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %e = tensor.empty() : tensor<4xf32>
  %d = tensor.cast %e : tensor<4xf32> to tensor<?xf32>
  %n = tensor.dim %d, %c0 : tensor<?xf32>
  %one = arith.cmpi eq, %n, %c1 : index
  return %one : i1
}

// A slice's size is the size it was given; a rank-reducing slice's sizes
// skip the dropped dimension.
// CHECK-LABEL: func.func @slice_size
// CHECK-NOT: arith.cmpi
// CHECK: %[[TRUE:.*]] = arith.constant true
// CHECK: return %[[TRUE]]
func.func @slice_size(%x: tensor<?x?xf32>, %n: index) -> i1 {
  %c0 = arith.constant 0 : index
  %s = tensor.extract_slice %x[0, 0] [1, %n] [1, 1] : tensor<?x?xf32> to tensor<?xf32>
  %e = tensor.empty(%n) : tensor<?xf32>
  %ds = tensor.dim %s, %c0 : tensor<?xf32>
  %de = tensor.dim %e, %c0 : tensor<?xf32>
  %same = arith.cmpi eq, %ds, %de : index
  return %same : i1
}

// Branches that yield tensors of different sizes give no one size.
// CHECK-LABEL: func.func @branches_of_two_sizes
// CHECK: arith.cmpi eq
func.func @branches_of_two_sizes(%x: tensor<?xf32>, %y: tensor<?xf32>, %c: i1) -> i1 {
  %c0 = arith.constant 0 : index
  %r = scf.if %c -> tensor<?xf32> {
    scf.yield %x : tensor<?xf32>
  } else {
    scf.yield %y : tensor<?xf32>
  }
  %dr = tensor.dim %r, %c0 : tensor<?xf32>
  %dx = tensor.dim %x, %c0 : tensor<?xf32>
  %same = arith.cmpi eq, %dr, %dx : index
  return %same : i1
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
