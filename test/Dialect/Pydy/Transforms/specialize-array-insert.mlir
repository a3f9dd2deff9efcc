// RUN: dy2st-opt %s --pydy-promote-variables --pydy-specialize="signature=tensor<2xf32>,tensor<i64>" | FileCheck %s

// `a.insert(k, item)` with a runtime index: `a[:k] + [item] + a[k:]` (which
// clamps `k` as insert does): the head copied by one loop, the item appended,
// the tail appended by another loop.
// CHECK-LABEL: pydy.func @f
// CHECK-SAME: -> !tensor_array.array<tensor<2xf32>>
// CHECK: %[[HEAD:.*]] = pydy.for_range {{.*}} iter_args(%{{.*}} : !tensor_array.array<tensor<2xf32>>)
// CHECK: %[[TAIL:.*]] = pydy.for_range {{.*}} iter_args(%{{.*}} : !tensor_array.array<tensor<2xf32>>)
// CHECK: %[[WITH:.*]] = tensor_array.append %[[HEAD]], %{{.*}} : !tensor_array.array<tensor<2xf32>>
// CHECK: %[[N:.*]] = tensor_array.length %[[TAIL]]
// CHECK: %[[ALL:.*]] = pydy.for_range %{{.*}}, %[[N]], %{{.*}} : i64, i64, i64 iter_args(%[[WITH]] : !tensor_array.array<tensor<2xf32>>)
// CHECK:   tensor_array.read %[[TAIL]][
// CHECK: pydy.return %[[ALL]]
pydy.func @"f"(%arg0: !pydy.object {pydy.name = "x"}, %arg1: !pydy.object {pydy.name = "k"}) -> !pydy.object {
  %v1 = pydy.load "x" : !pydy.object
  %v2 = pydy.load "x" : !pydy.object
  %v3 = pydy.constant 1.0 : f64
  %v4 = pydy.binary add %v2, %v3 : (!pydy.object, f64) -> !pydy.object
  %v5 = pydy.list %v1, %v4 : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.store "a", %v5 : !pydy.object
  %v6 = pydy.load "a" : !pydy.object
  %v7 = pydy.load "k" : !pydy.object
  %v8 = pydy.load "x" : !pydy.object
  %v9 = pydy.constant 2.0 : f64
  %v10 = pydy.binary mul %v8, %v9 : (!pydy.object, f64) -> !pydy.object
  %v11:2 = pydy.call_method %v6, "insert"(%v7, %v10) : !pydy.object, (!pydy.object, !pydy.object) -> (!pydy.object, !pydy.object)
  pydy.store "a", %v11#1 : !pydy.object
  %v12 = pydy.load "a" : !pydy.object
  pydy.return %v12 : !pydy.object
}

