// RUN: dy2st-opt %s --pydy-promote-variables --pydy-specialize="signature=tensor<2xf32>,tensor<i64>" | FileCheck %s

// `path.reverse()` of a list grown by a loop of a trip count known only at
// run time (a TensorArray): `path[::-1]`, a loop appending its items from
// the last to the first.
// CHECK-LABEL: pydy.func @f
// CHECK-SAME: -> !tensor_array.array<tensor<2xf32>>
// CHECK: %[[GROWN:.*]] = pydy.for_range {{.*}} iter_args(%{{.*}} : !tensor_array.array<tensor<2xf32>>)
// CHECK: %[[N:.*]] = tensor_array.length %[[GROWN]]
// CHECK: %[[LAST:.*]] = pydy.binary sub %[[N]], %{{.*}}
// CHECK: %[[BACK:.*]] = pydy.for_range %[[LAST]], %{{.*}}, %{{.*}} : i64, i64, i64 iter_args(%{{.*}} : !tensor_array.array<tensor<2xf32>>)
// CHECK:   %[[ITEM:.*]] = tensor_array.read %[[GROWN]][
// CHECK:   tensor_array.append %{{.*}}, %[[ITEM]]
// CHECK: pydy.return %[[BACK]]
pydy.func @"f"(%arg0: !pydy.object {pydy.name = "x"}, %arg1: !pydy.object {pydy.name = "n"}) -> !pydy.object {
  %v1 = pydy.list  : () -> !pydy.object
  pydy.store "path", %v1 : !pydy.object
  %v2 = pydy.load "n" : !pydy.object
  %v3 = pydy.constant 0 : i64
  %v4 = pydy.constant 1 : i64
  pydy.for_range %v3, %v2, %v4 : i64, !pydy.object, i64 {
    ^bb0(%v5: !pydy.object):
    pydy.store "i", %v5 : !pydy.object
    %v6 = pydy.load "path" : !pydy.object
    %v7 = pydy.load "x" : !pydy.object
    %v8 = pydy.load "i" : !pydy.object
    %v9 = pydy.binary mul %v7, %v8 : (!pydy.object, !pydy.object) -> !pydy.object
    %v10:2 = pydy.call_method %v6, "append"(%v9) : !pydy.object, (!pydy.object) -> (!pydy.object, !pydy.object)
    pydy.store "path", %v10#1 : !pydy.object
  }
  %v11 = pydy.load "path" : !pydy.object
  %v12:2 = pydy.call_method %v11, "reverse"() : !pydy.object, () -> (!pydy.object, !pydy.object)
  pydy.store "path", %v12#1 : !pydy.object
  %v13 = pydy.load "path" : !pydy.object
  pydy.return %v13 : !pydy.object
}

