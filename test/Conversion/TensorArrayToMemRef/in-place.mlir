// RUN: dy2st-opt %s --convert-tensor-array-to-memref --canonicalize --one-shot-bufferize="bufferize-function-boundaries function-boundary-type-conversion=identity-layout-map allow-return-allocs-from-loops" --buffer-deallocation-pipeline --canonicalize | FileCheck %s

// After bufferization and deallocation, an append in an scf.while writes its
// item into the carried buffer in place: the only allocation in the loop is
// the bigger buffer when the old one is full, which is freed then. A read
// copies one item, not the buffer.

// CHECK-LABEL: func.func @append_in_while
func.func @append_in_while(%t: tensor<4xf32>, %n: i64) -> tensor<?x4xf32> {
  %a = tensor_array.create : !tensor_array.array<tensor<4xf32>>
  // CHECK: scf.while
  // CHECK-NOT: memref.alloc
  // CHECK-NOT: memref.copy
  // CHECK: scf.condition
  // CHECK: } do {
  // CHECK:   %[[GROWN:.*]] = scf.if
  // CHECK:     memref.alloc(%{{.*}}) {{.*}}: memref<?x4xf32>
  // CHECK:     memref.copy
  // CHECK:   } else {
  // CHECK-NEXT: scf.yield
  // CHECK-NEXT: }
  // CHECK-NOT: memref.alloc
  // CHECK:   %[[ROW:.*]] = memref.subview %[[GROWN]][%{{.*}}, 0] [1, 4] [1, 1]
  // CHECK:   memref.copy %{{.*}}, %[[ROW]] : memref<4xf32> to
  // CHECK-NOT: memref.alloc
  // CHECK:   memref.dealloc
  // CHECK-NOT: memref.alloc
  // CHECK:   scf.yield %[[GROWN]]
  %r = scf.while (%acc = %a) : (!tensor_array.array<tensor<4xf32>>) -> !tensor_array.array<tensor<4xf32>> {
    %len = tensor_array.length %acc : !tensor_array.array<tensor<4xf32>>
    %more = arith.cmpi slt, %len, %n : i64
    scf.condition(%more) %acc : !tensor_array.array<tensor<4xf32>>
  } do {
  ^bb0(%acc: !tensor_array.array<tensor<4xf32>>):
    %next = tensor_array.append %acc, %t : !tensor_array.array<tensor<4xf32>>
    scf.yield %next : !tensor_array.array<tensor<4xf32>>
  }
  %s = tensor_array.stack %r : !tensor_array.array<tensor<4xf32>> -> tensor<?x4xf32>
  return %s : tensor<?x4xf32>
}

// CHECK-LABEL: func.func @read_then_append
func.func @read_then_append(%t: tensor<4xf32>, %n: index) -> tensor<?x4xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %last = arith.constant -1 : i64
  %a0 = tensor_array.create : !tensor_array.array<tensor<4xf32>>
  %a = tensor_array.append %a0, %t : !tensor_array.array<tensor<4xf32>>
  // CHECK: scf.for
  // CHECK:   memref.alloc() {{.*}}: memref<4xf32>
  // CHECK:   scf.if
  // CHECK:     memref.alloc(%{{.*}}) {{.*}}: memref<?x4xf32>
  // CHECK:   } else {
  // CHECK-NEXT: scf.yield
  // CHECK-NEXT: }
  // CHECK-NOT: memref.alloc
  // CHECK:   scf.yield
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %a) -> (!tensor_array.array<tensor<4xf32>>) {
    %x = tensor_array.read %acc[%last] : !tensor_array.array<tensor<4xf32>>
    %next = tensor_array.append %acc, %x : !tensor_array.array<tensor<4xf32>>
    scf.yield %next : !tensor_array.array<tensor<4xf32>>
  }
  %s = tensor_array.stack %r : !tensor_array.array<tensor<4xf32>> -> tensor<?x4xf32>
  return %s : tensor<?x4xf32>
}
