// RUN: dy2st-opt %s -canonicalize -cse | FileCheck %s

// CHECK-LABEL: func.func @length_of_new_array
func.func @length_of_new_array() -> i64 {
  // CHECK: %[[ZERO:.*]] = arith.constant 0 : i64
  // CHECK: return %[[ZERO]]
  %a = tensor_array.create : !tensor_array.array<tensor<4xf32>>
  %n = tensor_array.length %a : !tensor_array.array<tensor<4xf32>>
  return %n : i64
}

// The read folds to the item written; the write stays, unused, for its
// check of the index (it writes the recorded exception where out of range).
// CHECK-LABEL: func.func @read_after_write
// CHECK-SAME: (%{{.*}}: !tensor_array.array<tensor<4xf32>>, %{{.*}}: i64, %[[T:.*]]: tensor<4xf32>)
func.func @read_after_write(%a: !tensor_array.array<tensor<4xf32>>, %i: i64, %t: tensor<4xf32>) -> tensor<4xf32> {
  // CHECK-NEXT: tensor_array.write {{.*}} : !tensor_array.array<tensor<4xf32>>
  // CHECK-NEXT: return %[[T]]
  %a1 = tensor_array.write %a[%i], %t : !tensor_array.array<tensor<4xf32>>
  %r = tensor_array.read %a1[%i] : !tensor_array.array<tensor<4xf32>>
  return %r : tensor<4xf32>
}

// CHECK-LABEL: func.func @read_other_index
func.func @read_other_index(%a: !tensor_array.array<tensor<4xf32>>, %i: i64, %j: i64, %t: tensor<4xf32>) -> tensor<4xf32> {
  // CHECK: tensor_array.read
  %a1 = tensor_array.write %a[%i], %t : !tensor_array.array<tensor<4xf32>>
  %r = tensor_array.read %a1[%j] : !tensor_array.array<tensor<4xf32>>
  return %r : tensor<4xf32>
}

// CHECK-LABEL: func.func @cast_back
// CHECK-SAME: (%[[A:.*]]: !tensor_array.array<tensor<4xf32>>)
func.func @cast_back(%a: !tensor_array.array<tensor<4xf32>>) -> !tensor_array.array<tensor<4xf32>> {
  // CHECK-NEXT: return %[[A]]
  %b = tensor_array.cast %a : !tensor_array.array<tensor<4xf32>> to !tensor_array.array<tensor<?xf32>>
  %c = tensor_array.cast %b : !tensor_array.array<tensor<?xf32>> to !tensor_array.array<tensor<4xf32>>
  return %c : !tensor_array.array<tensor<4xf32>>
}

// Copies are allocations: CSE keeps two of them apart.
// CHECK-LABEL: func.func @copies_stay_apart
func.func @copies_stay_apart(%a: !tensor_array.array<tensor<4xf32>>) -> (!tensor_array.array<tensor<4xf32>>, !tensor_array.array<tensor<4xf32>>) {
  // CHECK-COUNT-2: tensor_array.copy
  %b = tensor_array.copy %a : !tensor_array.array<tensor<4xf32>>
  %c = tensor_array.copy %a : !tensor_array.array<tensor<4xf32>>
  return %b, %c : !tensor_array.array<tensor<4xf32>>, !tensor_array.array<tensor<4xf32>>
}

// A read whose item is unused stays: out of range it raises, as eagerly.
// CHECK-LABEL: func.func @unused_read
// CHECK-NEXT: tensor_array.read
func.func @unused_read(%a: !tensor_array.array<tensor<4xf32>>, %i: i64) {
  %r = tensor_array.read %a[%i] : !tensor_array.array<tensor<4xf32>>
  return
}
