// RUN: dy2st-opt %s --pydy-promote-variables --pydy-specialize="signature=tensor<2xf32>,i64" --canonicalize | FileCheck %s

// vals = []; for i in range(n): vals.append(i * 2); return vals, vals[0]
// Python numbers in a list grown a number of times known only at run time:
// a TensorArray of them, read back as numbers.
// CHECK-LABEL: pydy.func @numbers
// CHECK-SAME: -> tuple<!tensor_array.array<i64>, i64>
// CHECK:       %[[EMPTY:.*]] = tensor_array.create : !tensor_array.array<i64>
// CHECK:       %[[VALS:.*]] = pydy.for_range {{.*}} iter_args(%[[EMPTY]] : !tensor_array.array<i64>) -> !tensor_array.array<i64>
// CHECK:         %[[ITEM:.*]] = pydy.binary mul %{{.*}}, %{{.*}} : (i64, i64) -> i64
// CHECK:         tensor_array.append %{{.*}}, %[[ITEM]] : !tensor_array.array<i64>
// CHECK:       tensor_array.read %[[VALS]][%{{.*}}] : !tensor_array.array<i64>
pydy.func @"numbers"(%arg0: !pydy.object {pydy.name = "x"}, %arg1: !pydy.object {pydy.name = "n"}) -> !pydy.object {
  %v1 = pydy.list  : () -> !pydy.object
  pydy.store "vals", %v1 : !pydy.object
  %v2 = pydy.load "n" : !pydy.object
  %v3 = pydy.constant 0 : i64
  %v4 = pydy.constant 1 : i64
  pydy.for_range %v3, %v2, %v4 : i64, !pydy.object, i64 {
    ^bb0(%v5: !pydy.object):
    pydy.store "i", %v5 : !pydy.object
    %v6 = pydy.load "vals" : !pydy.object
    %v7 = pydy.load "i" : !pydy.object
    %v8 = pydy.constant 2 : i64
    %v9 = pydy.binary mul %v7, %v8 : (!pydy.object, i64) -> !pydy.object
    %v10:2 = pydy.call_method %v6, "append"(%v9) : !pydy.object, (!pydy.object) -> (!pydy.object, !pydy.object)
    pydy.store "vals", %v10#1 : !pydy.object
  }
  %v11 = pydy.load "vals" : !pydy.object
  %v12 = pydy.load "vals" : !pydy.object
  %v13 = pydy.constant 0 : i64
  %v14 = pydy.subscript %v12[%v13] : (!pydy.object, i64) -> !pydy.object
  %v15 = pydy.tuple %v11, %v14 : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %v15 : !pydy.object
}

