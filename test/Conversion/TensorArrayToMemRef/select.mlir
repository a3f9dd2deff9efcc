// RUN: dy2st-opt %s --convert-tensor-array-to-memref | FileCheck %s

// A choice between two arrays (canonicalization makes one of an scf.if that
// only picks an array, as a path that raises inside a loop over a list does):
// a choice of their buffers and of their lengths.
// CHECK-LABEL: func.func @choose
// CHECK-SAME: (%[[C:.*]]: i1, %[[X:.*]]: i64)
// CHECK: %[[A:.*]] = memref.alloc
// CHECK: %[[B:.*]] = memref.alloc
// CHECK-DAG: %[[BUFFER:.*]] = arith.select %[[C]], %{{.*}}, %{{.*}} : memref<?xi64>
// CHECK-DAG: %[[LENGTH:.*]] = arith.select %[[C]], %{{.*}}, %{{.*}} : index
// CHECK: memref.load %[[BUFFER]]
// CHECK-NOT: unrealized_conversion_cast
func.func @choose(%c: i1, %x: i64) -> i64 {
  %empty = tensor_array.create : !tensor_array.array<i64>
  %a = tensor_array.append %empty, %x : !tensor_array.array<i64>
  %other = tensor_array.create : !tensor_array.array<i64>
  %b = tensor_array.append %other, %x : !tensor_array.array<i64>
  %chosen = arith.select %c, %a, %b : !tensor_array.array<i64>
  %first = arith.constant 0 : i64
  %r = tensor_array.read %chosen[%first] : !tensor_array.array<i64>
  return %r : i64
}
