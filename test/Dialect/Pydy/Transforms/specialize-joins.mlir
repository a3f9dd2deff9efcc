// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<3xf32>" -split-input-file | FileCheck %s

// A number before a loop and a tensor after an iteration join to the tensor:
// the initial number is promoted (filled into the tensor's static shape).
// CHECK-LABEL: pydy.func @number_then_tensor
// CHECK: %[[ZERO:.*]] = pydy.constant 0 : i64
// CHECK: %[[INIT:.*]] = pydy.unary promote %[[ZERO]] : (i64) -> tensor<f32>
// CHECK: pydy.for_range {{.*}} iter_args(%[[INIT]] : tensor<f32>) -> tensor<f32>
pydy.func @number_then_tensor(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant 0 : i64
  %1 = pydy.constant 1 : i64
  %2 = pydy.constant 3 : i64
  %3 = pydy.for_range %0, %2, %1 : i64, i64, i64 iter_args(%0 : i64) -> !pydy.object {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
    %4 = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
    %5 = pydy.binary add %4, %arg1 : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.yield %5 : !pydy.object
  } {names = ["t"]}
  pydy.return %3 : !pydy.object
}

// -----

// A dtype that widens in a loop: the carried value is promoted on entry.
// CHECK-LABEL: pydy.func @widening_dtype
// CHECK: pydy.unary promote %{{.*}} : (tensor<3xf32>) -> tensor<3xf64>
// CHECK: pydy.for_range {{.*}} iter_args(%{{.*}} : tensor<3xf64>) -> tensor<3xf64>
pydy.func @widening_dtype(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant 0 : i64
  %1 = pydy.constant 1 : i64
  %2 = pydy.constant 3 : i64
  %3 = pydy.for_range %0, %2, %1 : i64, i64, i64 iter_args(%x : !pydy.object) -> !pydy.object {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
    %4 = pydy.constant "float64"
    %5 = pydy.lib_call "cast"(%arg1, %4) : (!pydy.object, !pydy.str) -> !pydy.object
    pydy.yield %5 : !pydy.object
  } {names = ["x"]}
  pydy.return %3 : !pydy.object
}

// -----

// Branches that give a variable different dtypes join to the promoted one.
// CHECK-LABEL: pydy.func @branch_dtypes
// CHECK: pydy.if
// CHECK: pydy.yield %{{.*}} : tensor<3xf64>
// CHECK: } else {
// CHECK: %[[P:.*]] = pydy.unary promote %{{.*}} : (tensor<3xf32>) -> tensor<3xf64>
// CHECK: pydy.yield %[[P]] : tensor<3xf64>
pydy.func @branch_dtypes(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
  %1 = pydy.constant 0.000000e+00 : f64
  %2 = pydy.compare gt %0, %1 : (!pydy.object, f64) -> !pydy.object
  %3 = pydy.if %2 : !pydy.object -> !pydy.object {
    %4 = pydy.constant "float64"
    %5 = pydy.lib_call "cast"(%x, %4) : (!pydy.object, !pydy.str) -> !pydy.object
    pydy.yield %5 : !pydy.object
  } else {
    pydy.yield %x : !pydy.object
  } {names = ["y"]}
  pydy.return %3 : !pydy.object
}

// -----

// A numeric one-element tensor is a condition with eager's truth: nonzero.
// CHECK-LABEL: pydy.func @float_condition
// CHECK: %[[S:.*]] = pydy.lib_call "sum"
// CHECK: %[[Z:.*]] = pydy.constant 0.000000e+00 : f64
// CHECK: %[[C:.*]] = pydy.compare ne %[[S]], %[[Z]] : (tensor<f32>, f64) -> tensor<i1>
// CHECK: pydy.condition(%[[C]]
pydy.func @float_condition(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.while(%x : !pydy.object) -> !pydy.object {
  ^bb0(%arg0: !pydy.object):
    %1 = pydy.lib_call "sum"(%arg0) : (!pydy.object) -> !pydy.object
    pydy.condition(%1 : !pydy.object) %arg0 : !pydy.object
  } do {
  ^bb0(%arg0: !pydy.object):
    %1 = pydy.constant 1.000000e+00 : f64
    %2 = pydy.binary sub %arg0, %1 : (!pydy.object, f64) -> !pydy.object
    pydy.yield %2 : !pydy.object
  } {names = ["x"]}
  pydy.return %0 : !pydy.object
}
