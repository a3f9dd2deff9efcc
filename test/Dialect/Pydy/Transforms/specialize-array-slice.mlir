// RUN: dy2st-opt %s --pydy-promote-variables --pydy-specialize="signature=tensor<2xf32>,tensor<i64>" | FileCheck %s

// `a[lo::-1]` of a list of tensors with a runtime bound (`lo`): the list as
// one TensorArray, Python's slice.indices bounds (a negative `lo` counted
// from the end, then clamped to [-1, len - 1]), and the loop that reads and
// appends each picked item.
// CHECK-LABEL: pydy.func @f
// CHECK: tensor_array.append %{{.*}}, %x
// CHECK: %[[ARRAY:.*]] = tensor_array.append
// CHECK: %[[LEN:.*]] = tensor_array.length %[[ARRAY]]
// CHECK: pydy.compare lt %lo, %{{.*}} : (tensor<i64>, i64) -> tensor<i1>
// CHECK: pydy.if
// CHECK: %[[EMPTY:.*]] = tensor_array.create : !tensor_array.array<tensor<2xf32>>
// CHECK: pydy.for_range %{{.*}}, %{{.*}}, %{{.*}} : tensor<i64>, i64, i64 iter_args(%[[EMPTY]] : !tensor_array.array<tensor<2xf32>>)
// CHECK: ^bb0(%[[I:.*]]: i64, %[[ACC:.*]]: !tensor_array.array<tensor<2xf32>>):
// CHECK:   %[[ITEM:.*]] = tensor_array.read %[[ARRAY]][%[[I]]]
// CHECK:   %[[MORE:.*]] = tensor_array.append %[[ACC]], %[[ITEM]]
// CHECK:   pydy.yield %[[MORE]]
pydy.func @"f"(%arg0: !pydy.object {pydy.name = "x"}, %arg1: !pydy.object {pydy.name = "lo"}) -> !pydy.object {
  %v1 = pydy.load "x" : !pydy.object
  %v2 = pydy.load "x" : !pydy.object
  %v3 = pydy.constant 1.0 : f64
  %v4 = pydy.binary add %v2, %v3 : (!pydy.object, f64) -> !pydy.object
  %v5 = pydy.list %v1, %v4 : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.store "a", %v5 : !pydy.object
  %v6 = pydy.load "a" : !pydy.object
  %v7 = pydy.load "lo" : !pydy.object
  %v8 = pydy.constant none
  %v9 = pydy.constant -1 : i64
  %v10 = pydy.slice %v7, %v8, %v9 : !pydy.object, !pydy.none, i64
  %v11 = pydy.subscript %v6[%v10] : (!pydy.object, !pydy.slice) -> !pydy.object
  pydy.return %v11 : !pydy.object
}

