// RUN: dy2st-opt %s --convert-tensor-array-to-memref --cse | FileCheck %s

// Scalar items live in a 1-d buffer: appending, writing and reading one is a
// store or a load of one element (no row view written or copied out).
// CHECK-LABEL: func.func @scalar_items
// CHECK-SAME: (%[[X:.*]]: i64, %[[I:.*]]: i64)
// CHECK: memref.alloc(%{{.*}}) : memref<?xi64>
// CHECK-NOT: bufferization
// CHECK: memref.store %[[X]], %{{.*}}[%{{.*}}] : memref<?xi64>
// CHECK: memref.store %[[X]], %{{.*}}[%{{.*}}] : memref<?xi64>
// CHECK: %[[READ:.*]] = memref.load %{{.*}}[%{{.*}}] : memref<?xi64>
// CHECK-NOT: bufferization
// CHECK: return %[[READ]]
func.func @scalar_items(%x: i64, %i: i64) -> i64 {
  %a = tensor_array.create : !tensor_array.array<i64>
  %a1 = tensor_array.append %a, %x : !tensor_array.array<i64>
  %a2 = tensor_array.write %a1[%i], %x : !tensor_array.array<i64>
  %first = arith.constant 0 : i64
  %r = tensor_array.read %a2[%first] : !tensor_array.array<i64>
  return %r : i64
}

// A lookup of a key: one pass over the stored items, the index of the one
// equal to it (keys are distinct), -1 where none is.
// CHECK-LABEL: func.func @find
// CHECK-SAME: (%[[K:.*]]: i64)
// CHECK: %[[NONE:.*]] = arith.constant -1 : i64
// CHECK: scf.for %[[I:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[AT:.*]] = %[[NONE]]) -> (i64)
// CHECK:   %[[KEY:.*]] = memref.load %{{.*}}[%[[I]]] : memref<?xi64>
// CHECK:   %[[SAME:.*]] = arith.cmpi eq, %[[KEY]], %[[K]] : i64
// CHECK:   %[[HERE:.*]] = arith.index_cast %[[I]] : index to i64
// CHECK:   arith.select %[[SAME]], %[[HERE]], %[[AT]] : i64
func.func @find(%k: i64) -> i64 {
  %a = tensor_array.create : !tensor_array.array<i64>
  %a1 = tensor_array.append %a, %k : !tensor_array.array<i64>
  %i = tensor_array.find %a1, %k : !tensor_array.array<i64>
  return %i : i64
}
