// RUN: dy2st-opt %s --pydy-promote-variables --pydy-specialize="signature=tensor<3xf32>" -split-input-file | FileCheck %s

// A number before a loop and a tensor after an iteration join to the tensor:
// the initial number is promoted (filled into the tensor's static shape).
// CHECK-LABEL: pydy.func @number_then_tensor
// CHECK: %[[ZERO:.*]] = pydy.constant 0 : i64
// CHECK: %[[INIT:.*]] = pydy.unary promote %[[ZERO]] : (i64) -> tensor<f32>
// CHECK: pydy.for_range {{.*}} iter_args(%[[INIT]] : tensor<f32>) -> tensor<f32>
pydy.func @number_then_tensor(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %c0 = pydy.constant 0 : i64
  %c1 = pydy.constant 1 : i64
  %c3 = pydy.constant 3 : i64
  pydy.store "t", %c0 : i64
  pydy.for_range %c0, %c3, %c1 : i64, i64, i64 {
  ^bb0(%i: !pydy.object):
    %x = pydy.load "x" : !pydy.object
    %t = pydy.load "t" : !pydy.object
    %s = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
    %n = pydy.binary add %s, %t : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.store "t", %n : !pydy.object
  }
  %r = pydy.load "t" : !pydy.object
  pydy.return %r : !pydy.object
}

// -----

// A dtype that widens in a loop: the carried value is promoted on entry.
// CHECK-LABEL: pydy.func @widening_dtype
// CHECK: pydy.unary promote %{{.*}} : (tensor<3xf32>) -> tensor<3xf64>
// CHECK: pydy.for_range {{.*}} iter_args(%{{.*}} : tensor<3xf64>) -> tensor<3xf64>
pydy.func @widening_dtype(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %c0 = pydy.constant 0 : i64
  %c1 = pydy.constant 1 : i64
  %c3 = pydy.constant 3 : i64
  pydy.for_range %c0, %c3, %c1 : i64, i64, i64 {
  ^bb0(%i: !pydy.object):
    %x = pydy.load "x" : !pydy.object
    %d = pydy.constant "float64"
    %y = pydy.lib_call "cast"(%x, %d) : (!pydy.object, !pydy.str) -> !pydy.object
    pydy.store "x", %y : !pydy.object
  }
  %r = pydy.load "x" : !pydy.object
  pydy.return %r : !pydy.object
}

// -----

// Branches that give a variable different dtypes join to the promoted one.
// CHECK-LABEL: pydy.func @branch_dtypes
// CHECK: pydy.if
// CHECK: pydy.yield %{{.*}} : tensor<3xf64>
// CHECK: } else {
// CHECK: %[[P:.*]] = pydy.unary promote %{{.*}} : (tensor<3xf32>) -> tensor<3xf64>
// CHECK: pydy.yield %[[P]] : tensor<3xf64>
pydy.func @branch_dtypes(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %x = pydy.load "x" : !pydy.object
  %s = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
  %z = pydy.constant 0.0 : f64
  %c = pydy.compare gt %s, %z : (!pydy.object, f64) -> !pydy.object
  pydy.if %c : !pydy.object {
    %d = pydy.constant "float64"
    %y = pydy.lib_call "cast"(%x, %d) : (!pydy.object, !pydy.str) -> !pydy.object
    pydy.store "y", %y : !pydy.object
  } else {
    pydy.store "y", %x : !pydy.object
  }
  %y = pydy.load "y" : !pydy.object
  pydy.return %y : !pydy.object
}

// -----

// A numeric one-element tensor is a condition with eager's truth: nonzero.
// CHECK-LABEL: pydy.func @float_condition
// CHECK: %[[S:.*]] = pydy.lib_call "sum"
// CHECK: %[[Z:.*]] = pydy.constant 0.000000e+00 : f64
// CHECK: %[[C:.*]] = pydy.compare ne %[[S]], %[[Z]] : (tensor<f32>, f64) -> tensor<i1>
// CHECK: pydy.condition(%[[C]]
pydy.func @float_condition(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  pydy.while {
    %x = pydy.load "x" : !pydy.object
    %s = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
    pydy.condition(%s : !pydy.object)
  } do {
    %x = pydy.load "x" : !pydy.object
    %one = pydy.constant 1.0 : f64
    %y = pydy.binary sub %x, %one : (!pydy.object, f64) -> !pydy.object
    pydy.store "x", %y : !pydy.object
    pydy.yield
  }
  %r = pydy.load "x" : !pydy.object
  pydy.return %r : !pydy.object
}
