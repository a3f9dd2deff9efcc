// RUN: dy2st-opt %s --convert-tensor-array-to-memref --cse | FileCheck %s

// An array is a buffer with one leading dimension (the capacity) and a length.
// CHECK-LABEL: func.func @create_append
// CHECK-SAME: (%[[T:.*]]: tensor<4xf32>) -> (memref<?x4xf32>, index, i64)
func.func @create_append(%t: tensor<4xf32>) -> (!tensor_array.array<tensor<4xf32>>, i64) {
  // At least one row, so that a row index is always valid.
  // CHECK-DAG: %[[ONE:.*]] = arith.constant 1 : index
  // CHECK-DAG: %[[ZERO:.*]] = arith.constant 0 : index
  // CHECK: %[[BUF:.*]] = memref.alloc(%[[ONE]]) : memref<?x4xf32>
  %a = tensor_array.create : !tensor_array.array<tensor<4xf32>>
  // Full: a buffer of twice the capacity (at least 4) gets the rows so far.
  // CHECK: %[[CAP:.*]] = memref.dim %[[BUF]], %[[ZERO]]
  // CHECK: %[[FULL:.*]] = arith.cmpi eq, %[[ZERO]], %[[CAP]]
  // CHECK: %[[GROWN:.*]] = scf.if %[[FULL]] -> (memref<?x4xf32>) {
  // CHECK:   %[[DOUBLE:.*]] = arith.muli %[[CAP]], %{{.*}}
  // CHECK:   %[[NEWCAP:.*]] = arith.maxui %[[DOUBLE]], %{{.*}}
  // CHECK:   %[[FRESH:.*]] = memref.alloc(%[[NEWCAP]])
  // CHECK:   %[[TO:.*]] = memref.subview %[[FRESH]][%[[ZERO]], 0] [%[[ZERO]], 4] [1, 1]
  // CHECK:   %[[FROM:.*]] = memref.subview %[[BUF]][%[[ZERO]], 0] [%[[ZERO]], 4] [1, 1]
  // CHECK:   memref.copy %[[FROM]], %[[TO]]
  // CHECK:   scf.yield %[[FRESH]]
  // CHECK: } else {
  // CHECK:   scf.yield %[[BUF]]
  // CHECK: }
  // The item goes to the row after the last, in place.
  // CHECK: %[[LEN:.*]] = arith.addi %[[ZERO]], %[[ONE]]
  // CHECK: %[[ROW:.*]] = memref.subview %[[GROWN]][%[[ZERO]], 0] [1, 4] [1, 1] : memref<?x4xf32> to memref<4xf32, strided<[1], offset: ?>>
  // CHECK: bufferization.materialize_in_destination %[[T]] in restrict writable %[[ROW]]
  %a1 = tensor_array.append %a, %t : !tensor_array.array<tensor<4xf32>>
  // CHECK: %[[N:.*]] = arith.index_cast %[[LEN]] : index to i64
  // CHECK: return %[[GROWN]], %[[LEN]], %[[N]]
  %n = tensor_array.length %a1 : !tensor_array.array<tensor<4xf32>>
  return %a1, %n : !tensor_array.array<tensor<4xf32>>, i64
}

// A read normalizes Python's negative index, reports one out of range, and
// copies the item out of the buffer into a fresh one.
// CHECK-LABEL: func.func @read
// CHECK-SAME: (%[[BUF:.*]]: memref<?x4xf32>, %[[LEN:.*]]: index, %[[I:.*]]: i64)
func.func @read(%a: !tensor_array.array<tensor<4xf32>>, %i: i64) -> tensor<4xf32> {
  // CHECK: %[[N:.*]] = arith.index_cast %[[LEN]] : index to i64
  // CHECK: %[[NEG:.*]] = arith.cmpi slt, %[[I]]
  // CHECK: %[[FROM_END:.*]] = arith.addi %[[I]], %[[N]]
  // CHECK: %[[J:.*]] = arith.select %[[NEG]], %[[FROM_END]], %[[I]]
  // CHECK: %[[OK:.*]] = arith.andi
  // CHECK: %[[SAFE:.*]] = arith.select %[[OK]], %[[J]]
  // CHECK: %[[ROW:.*]] = arith.index_cast %[[SAFE]] : i64 to index
  // CHECK: %[[BAD:.*]] = arith.xori %[[OK]]
  // CHECK: scf.if %[[BAD]] {
  // CHECK:   func.call @dy2st_raise
  // CHECK: %[[VIEW:.*]] = memref.subview %[[BUF]][%[[ROW]], 0] [1, 4] [1, 1]
  // CHECK: %[[COPY:.*]] = memref.alloc() : memref<4xf32>
  // CHECK: memref.copy %[[VIEW]], %[[COPY]]
  // CHECK: %[[ITEM:.*]] = bufferization.to_tensor %[[COPY]] restrict writable : memref<4xf32> to tensor<4xf32>
  // CHECK: return %[[ITEM]]
  %r = tensor_array.read %a[%i] : !tensor_array.array<tensor<4xf32>>
  return %r : tensor<4xf32>
}

// CHECK-LABEL: func.func @write
// CHECK-SAME: (%[[BUF:.*]]: memref<?x4xf32>, %[[LEN:.*]]: index, %[[I:.*]]: i64, %[[T:.*]]: tensor<4xf32>) -> (memref<?x4xf32>, index)
func.func @write(%a: !tensor_array.array<tensor<4xf32>>, %i: i64, %t: tensor<4xf32>) -> !tensor_array.array<tensor<4xf32>> {
  // CHECK: func.call @dy2st_raise
  // CHECK: %[[ROW:.*]] = memref.subview %[[BUF]]
  // CHECK: bufferization.materialize_in_destination %[[T]] in restrict writable %[[ROW]]
  // CHECK: return %[[BUF]], %[[LEN]]
  %a1 = tensor_array.write %a[%i], %t : !tensor_array.array<tensor<4xf32>>
  return %a1 : !tensor_array.array<tensor<4xf32>>
}

// pop(i) copies the item out, then moves the items after it up one row
// through a copy (the rows they leave and fill overlap).
// CHECK-LABEL: func.func @pop_at
// CHECK-SAME: (%[[BUF:.*]]: memref<?x4xf32>, %[[LEN:.*]]: index, %[[I:.*]]: i64)
func.func @pop_at(%a: !tensor_array.array<tensor<4xf32>>, %i: i64) -> (!tensor_array.array<tensor<4xf32>>, tensor<4xf32>) {
  // CHECK: arith.cmpi ugt, %[[LEN]]
  // CHECK: func.call @dy2st_raise
  // CHECK: func.call @dy2st_raise
  // CHECK: memref.subview %[[BUF]][%[[ROW:.*]], 0] [1, 4] [1, 1]
  // CHECK: %[[ITEM:.*]] = bufferization.to_tensor
  // CHECK: %[[NEWLEN:.*]] = arith.select
  // CHECK: %[[NEXT:.*]] = arith.addi %[[ROW]]
  // CHECK: %[[TAIL:.*]] = memref.subview %[[BUF]][%[[NEXT]], 0] [%[[COUNT:.*]], 4]
  // CHECK: %[[MOVED:.*]] = memref.alloc(%[[COUNT]])
  // CHECK: memref.copy %[[TAIL]], %[[MOVED]]
  // CHECK: %[[DEST:.*]] = memref.subview %[[BUF]][%[[ROW]], 0] [%[[COUNT]], 4]
  // CHECK: memref.copy %[[MOVED]], %[[DEST]]
  // CHECK: return %[[BUF]], %[[NEWLEN]], %[[ITEM]]
  %a1, %item = tensor_array.pop %a[%i] : !tensor_array.array<tensor<4xf32>>
  return %a1, %item : !tensor_array.array<tensor<4xf32>>, tensor<4xf32>
}

// CHECK-LABEL: func.func @pop_last
func.func @pop_last(%a: !tensor_array.array<tensor<4xf32>>) -> tensor<4xf32> {
  // Without an index there is nothing to move.
  // CHECK-COUNT-1: func.call @dy2st_raise
  // CHECK-COUNT-1: memref.copy
  // CHECK-NOT: memref.copy
  // CHECK: return
  %a1, %item = tensor_array.pop %a : !tensor_array.array<tensor<4xf32>>
  return %item : tensor<4xf32>
}

// CHECK-LABEL: func.func @stack
// CHECK-SAME: (%[[BUF:.*]]: memref<?x4xf32>, %[[LEN:.*]]: index)
func.func @stack(%a: !tensor_array.array<tensor<4xf32>>) -> (tensor<?x4xf32>, tensor<4x?xf32>) {
  // CHECK-NOT: dy2st_raise
  // CHECK: %[[ROWS:.*]] = memref.subview %[[BUF]][%{{.*}}, 0] [%[[LEN]], 4] [1, 1]
  // CHECK: %[[COPY:.*]] = memref.alloc(%[[LEN]]) : memref<?x4xf32>
  // CHECK: memref.copy %[[ROWS]], %[[COPY]]
  // CHECK: %[[S:.*]] = bufferization.to_tensor %[[COPY]] restrict writable
  %s0 = tensor_array.stack %a : !tensor_array.array<tensor<4xf32>> -> tensor<?x4xf32>
  // CHECK: %[[T:.*]] = linalg.transpose ins(%{{.*}} : tensor<?x4xf32>) outs(%{{.*}} : tensor<4x?xf32>) permutation = [1, 0]
  // CHECK: return %[[S]], %[[T]]
  %s1 = tensor_array.stack %a {axis = 1} : !tensor_array.array<tensor<4xf32>> -> tensor<4x?xf32>
  return %s0, %s1 : tensor<?x4xf32>, tensor<4x?xf32>
}

// A user's stack of an empty list is a ValueError at run time.
// CHECK-LABEL: func.func @stack_of_a_list
// CHECK-SAME: (%[[BUF:.*]]: memref<?x4xf32>, %[[LEN:.*]]: index)
func.func @stack_of_a_list(%a: !tensor_array.array<tensor<4xf32>>) -> tensor<?x4xf32> {
  // CHECK: %[[ZERO:.*]] = arith.constant 0 : index
  // CHECK: %[[SOME:.*]] = arith.cmpi ugt, %[[LEN]], %[[ZERO]]
  // CHECK: scf.if
  // CHECK:   func.call @dy2st_raise
  // CHECK: memref.subview %[[BUF]]
  %s = tensor_array.stack %a {empty_error = "need at least one array to stack"} : !tensor_array.array<tensor<4xf32>> -> tensor<?x4xf32>
  return %s : tensor<?x4xf32>
}

// Items of a dynamic shape: the first item fixes it; a later one that differs
// is a ValueError and is not written.
// CHECK-LABEL: func.func @dynamic_items
// CHECK-SAME: (%[[BUF:.*]]: memref<?x?xf32>, %[[LEN:.*]]: index, %[[T:.*]]: tensor<?xf32>)
func.func @dynamic_items(%a: !tensor_array.array<tensor<?xf32>>, %t: tensor<?xf32>) -> !tensor_array.array<tensor<?xf32>> {
  // CHECK: %[[FULL:.*]] = arith.cmpi eq, %[[LEN]]
  // CHECK: %[[EMPTY:.*]] = arith.cmpi eq, %[[LEN]]
  // CHECK-DAG: %[[D_ITEM:.*]] = tensor.dim %[[T]]
  // CHECK-DAG: %[[D_BUF:.*]] = memref.dim %[[BUF]], %[[C1:.*]] :
  // CHECK: %[[SAME:.*]] = arith.cmpi eq, %[[D_ITEM]], %[[D_BUF]]
  // CHECK: %[[OK:.*]] = arith.ori %[[EMPTY]]
  // CHECK: func.call @dy2st_raise
  // CHECK: %[[GROWN:.*]] = scf.if
  // CHECK: arith.select %[[EMPTY]], %[[D_ITEM]], %[[D_BUF]]
  // CHECK: scf.if %[[OK]] {
  // CHECK:   bufferization.materialize_in_destination %[[T]]
  // CHECK: }
  // CHECK: %[[NEWLEN:.*]] = arith.select %[[OK]]
  // CHECK: return %[[GROWN]], %[[NEWLEN]]
  %a1 = tensor_array.append %a, %t : !tensor_array.array<tensor<?xf32>>
  return %a1 : !tensor_array.array<tensor<?xf32>>
}

// CHECK-LABEL: func.func @cast
// CHECK-SAME: (%[[BUF:.*]]: memref<?x4xf32>, %[[LEN:.*]]: index) -> (memref<?x?xf32>, index)
func.func @cast(%a: !tensor_array.array<tensor<4xf32>>) -> !tensor_array.array<tensor<?xf32>> {
  // CHECK: %[[C:.*]] = memref.cast %[[BUF]] : memref<?x4xf32> to memref<?x?xf32>
  // CHECK: return %[[C]], %[[LEN]]
  %b = tensor_array.cast %a : !tensor_array.array<tensor<4xf32>> to !tensor_array.array<tensor<?xf32>>
  return %b : !tensor_array.array<tensor<?xf32>>
}

// Buffers are updated in place: an array used after an update (here: the
// one empty array that two loops start from) is copied for the update.
// CHECK-LABEL: func.func @shared
func.func @shared(%t: tensor<4xf32>, %n: index) -> (i64, i64) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // CHECK: %[[EMPTY:.*]] = memref.alloc
  %a = tensor_array.create : !tensor_array.array<tensor<4xf32>>
  // CHECK: %[[OWN:.*]] = memref.alloc
  // CHECK: memref.copy %{{.*}}, %{{.*}}
  // CHECK: scf.for {{.*}} iter_args(%{{.*}} = %[[OWN]], %{{.*}} = %{{.*}}, %{{.*}} = %[[EMPTY]], %{{.*}} = %{{.*}})
  %r:2 = scf.for %i = %c0 to %n step %c1 iter_args(%x = %a, %y = %a) -> (!tensor_array.array<tensor<4xf32>>, !tensor_array.array<tensor<4xf32>>) {
    %x1 = tensor_array.append %x, %t : !tensor_array.array<tensor<4xf32>>
    %y1 = tensor_array.append %y, %t : !tensor_array.array<tensor<4xf32>>
    %y2 = tensor_array.append %y1, %t : !tensor_array.array<tensor<4xf32>>
    scf.yield %x1, %y2 : !tensor_array.array<tensor<4xf32>>, !tensor_array.array<tensor<4xf32>>
  }
  %lx = tensor_array.length %r#0 : !tensor_array.array<tensor<4xf32>>
  %ly = tensor_array.length %r#1 : !tensor_array.array<tensor<4xf32>>
  return %lx, %ly : i64, i64
}

// Arrays carried by loops, branches and calls become their two values.
// CHECK-LABEL: func.func @carried
func.func @carried(%t: tensor<4xf32>, %n: index, %c: i1) -> i64 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %a = tensor_array.create : !tensor_array.array<tensor<4xf32>>
  // CHECK: scf.for {{.*}} iter_args(%{{.*}} = %{{.*}}, %{{.*}} = %{{.*}}) -> (memref<?x4xf32>, index)
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %a) -> (!tensor_array.array<tensor<4xf32>>) {
    // CHECK: scf.if %{{.*}} -> (memref<?x4xf32>, index)
    %next = scf.if %c -> !tensor_array.array<tensor<4xf32>> {
      %x = tensor_array.append %acc, %t : !tensor_array.array<tensor<4xf32>>
      scf.yield %x : !tensor_array.array<tensor<4xf32>>
    } else {
      scf.yield %acc : !tensor_array.array<tensor<4xf32>>
    }
    scf.yield %next : !tensor_array.array<tensor<4xf32>>
  }
  // CHECK: scf.while (%{{.*}} = %{{.*}}, %{{.*}} = %{{.*}}) : (memref<?x4xf32>, index) -> (memref<?x4xf32>, index)
  %w = scf.while (%x = %r) : (!tensor_array.array<tensor<4xf32>>) -> !tensor_array.array<tensor<4xf32>> {
    %len = tensor_array.length %x : !tensor_array.array<tensor<4xf32>>
    %zero = arith.constant 0 : i64
    %more = arith.cmpi sgt, %len, %zero : i64
    scf.condition(%more) %x : !tensor_array.array<tensor<4xf32>>
  } do {
  ^bb0(%x: !tensor_array.array<tensor<4xf32>>):
    %y, %item = tensor_array.pop %x : !tensor_array.array<tensor<4xf32>>
    scf.yield %y : !tensor_array.array<tensor<4xf32>>
  }
  // CHECK: call @count(%{{.*}}, %{{.*}}) : (memref<?x4xf32>, index) -> i64
  %k = func.call @count(%w) : (!tensor_array.array<tensor<4xf32>>) -> i64
  return %k : i64
}

// CHECK-LABEL: func.func private @count(%{{.*}}: memref<?x4xf32>, %{{.*}}: index) -> i64
func.func private @count(%a: !tensor_array.array<tensor<4xf32>>) -> i64 {
  %n = tensor_array.length %a : !tensor_array.array<tensor<4xf32>>
  return %n : i64
}
