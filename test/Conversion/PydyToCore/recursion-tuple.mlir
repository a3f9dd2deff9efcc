// RUN: dy2st-opt %s --convert-pydy-to-core -split-input-file -verify-diagnostics | FileCheck %s

// A recursive function returning a tuple returns its elements; a call gives
// them as results (guarded as every recursive call), which the unpacking and
// the subscripts of the tuple take directly.
// CHECK-LABEL: func.func private @pair
// CHECK-SAME: -> (i64, tensor<2xf32>)
// CHECK: %[[OK:.*]] = call @dy2st_enter_call() : () -> i1
// CHECK: %[[R:.*]]:2 = scf.if %[[OK]] -> (i64, tensor<2xf32>) {
// CHECK-NEXT: %[[C:.*]]:2 = func.call @pair(
// CHECK-NEXT: func.call @dy2st_leave_call()
// CHECK-NEXT: scf.yield %[[C]]#0, %[[C]]#1 : i64, tensor<2xf32>
// CHECK: } else {
// CHECK: func.call @dy2st_raise
// CHECK: arith.addi %[[R]]#0
// CHECK: return %{{.*}}, %[[R]]#1 : i64, tensor<2xf32>
pydy.func private @pair(%n: i64, %x: tensor<2xf32>) -> tuple<i64, tensor<2xf32>> {
  %one = pydy.constant 1 : i64
  %m = pydy.binary sub %n, %one : (i64, i64) -> i64
  %r = pydy.call @pair(%m, %x) : (i64, tensor<2xf32>) -> tuple<i64, tensor<2xf32>>
  %parts:2 = pydy.unpack %r : tuple<i64, tensor<2xf32>> -> i64, tensor<2xf32>
  %zero = pydy.constant 0 : i64
  %first = pydy.subscript %r[%zero] : (tuple<i64, tensor<2xf32>>, i64) -> i64
  %k = pydy.binary add %first, %parts#0 : (i64, i64) -> i64
  %t = pydy.tuple %k, %parts#1 : (i64, tensor<2xf32>) -> tuple<i64, tensor<2xf32>>
  pydy.return %t : tuple<i64, tensor<2xf32>>
}

// -----

// Nested tuples and lists are returned as their leaves, depth first, and the
// unpacking of the inner tuple takes them too.
// CHECK-LABEL: func.func private @nested
// CHECK-SAME: -> (i64, i64, tensor<2xf32>)
// CHECK: %[[R:.*]]:3 = scf.if %{{.*}} -> (i64, i64, tensor<2xf32>) {
// CHECK: %[[SUM:.*]] = arith.addi %[[R]]#0, %[[R]]#1
// CHECK: return %[[SUM]], %[[R]]#1, %[[R]]#2 : i64, i64, tensor<2xf32>
pydy.func private @nested(%n: i64, %x: tensor<2xf32>) -> tuple<i64, !pydy.list<i64, tensor<2xf32>>> {
  %r = pydy.call @nested(%n, %x) : (i64, tensor<2xf32>) -> tuple<i64, !pydy.list<i64, tensor<2xf32>>>
  %outer:2 = pydy.unpack %r : tuple<i64, !pydy.list<i64, tensor<2xf32>>> -> i64, !pydy.list<i64, tensor<2xf32>>
  %inner:2 = pydy.unpack %outer#1 : !pydy.list<i64, tensor<2xf32>> -> i64, tensor<2xf32>
  %k = pydy.binary add %outer#0, %inner#0 : (i64, i64) -> i64
  %l = pydy.list %inner#0, %inner#1 : (i64, tensor<2xf32>) -> !pydy.list<i64, tensor<2xf32>>
  %t = pydy.tuple %k, %l : (i64, !pydy.list<i64, tensor<2xf32>>) -> tuple<i64, !pydy.list<i64, tensor<2xf32>>>
  pydy.return %t : tuple<i64, !pydy.list<i64, tensor<2xf32>>>
}

// -----

pydy.func private @with_dict(%n: i64) -> tuple<i64, !pydy.dict<"a": i64>> {
  // expected-error @+1 {{a recursive function returning a tuple(int, dict{'a': int}) is not supported by dy2st yet (tuples and lists of tensors and numbers are)}}
  %r = pydy.call @with_dict(%n) : (i64) -> tuple<i64, !pydy.dict<"a": i64>>
  pydy.return %r : tuple<i64, !pydy.dict<"a": i64>>
}

// -----

pydy.func private @pair_at(%n: i64) -> tuple<i64, i64> {
  %r = pydy.call @pair_at(%n) : (i64) -> tuple<i64, i64>
  %two = pydy.constant 2 : i64
  // expected-error @+1 {{index 2 out of range for 2 items}}
  %x = pydy.subscript %r[%two] : (tuple<i64, i64>, i64) -> i64
  %t = pydy.tuple %x, %x : (i64, i64) -> tuple<i64, i64>
  pydy.return %t : tuple<i64, i64>
}
