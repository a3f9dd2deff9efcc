// RUN: dy2st-opt %s --convert-tensor-array-to-tensor --cse --one-shot-bufferize="bufferize-function-boundaries function-boundary-type-conversion=identity-layout-map allow-return-allocs-from-loops" | FileCheck %s

// After one-shot bufferization an append writes its item into the carried
// buffer in place; only a full buffer is reallocated. A read copies one item,
// not the buffer.

// CHECK-LABEL: func.func @append_in_loop
func.func @append_in_loop(%t: tensor<4xf32>, %n: index) -> tensor<?x4xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %a = tensor_array.create : !tensor_array.array<tensor<4xf32>>
  // CHECK: scf.for {{.*}} -> (memref<?x4xf32>, index)
  // CHECK:   %[[GROWN:.*]] = scf.if
  // CHECK:     memref.alloc(%{{.*}}) {{.*}} : memref<?x4xf32>
  // CHECK:   } else {
  // CHECK-NEXT: scf.yield
  // CHECK-NEXT: }
  // CHECK-NOT: memref.alloc
  // CHECK:   %[[ROW:.*]] = memref.subview %[[GROWN]][%{{.*}}, 0] [1, 4] [1, 1]
  // CHECK:   memref.copy %{{.*}}, %[[ROW]] : memref<4xf32> to
  // CHECK-NOT: memref.alloc
  // CHECK:   scf.yield %[[GROWN]]
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %a) -> (!tensor_array.array<tensor<4xf32>>) {
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
  // CHECK:   memref.alloc() {{.*}} : memref<4xf32>
  // CHECK:   scf.if
  // CHECK:     memref.alloc(%{{.*}}) {{.*}} : memref<?x4xf32>
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
