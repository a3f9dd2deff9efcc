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
