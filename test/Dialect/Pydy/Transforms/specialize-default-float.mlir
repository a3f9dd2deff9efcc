// RUN: dy2st-opt %s --pydy-specialize | FileCheck %s

// Under `pydy.default_float = "float64"` (paddle.set_default_dtype), tensors
// made without a dtype are float64: zeros, to_tensor of Python floats,
// arange of float bounds; ints stay int64 and a given dtype wins.
module attributes {pydy.default_float = "float64"} {
  pydy.func @made() -> !pydy.object {
    %shape = pydy.constant [2]
    %zeros = pydy.lib_call "zeros"(%shape) : (tuple<i64>) -> !pydy.object
    %half = pydy.constant 0.5 : f64
    %scalar = pydy.lib_call "to_tensor"(%half) : (f64) -> !pydy.object
    %zero = pydy.constant 0.0 : f64
    %one = pydy.constant 1.0 : f64
    %range = pydy.lib_call "arange"(%zero, %one, %half) : (f64, f64, f64) -> !pydy.object
    %three = pydy.constant 3 : i64
    %ints = pydy.lib_call "arange"(%three) : (i64) -> !pydy.object
    %f32 = pydy.constant "float32"
    %given = pydy.lib_call "zeros"(%shape, %f32) : (tuple<i64>, !pydy.str) -> !pydy.object
    %all = pydy.tuple %zeros, %scalar, %range, %ints, %given : (!pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object) -> !pydy.object
    pydy.return %all : !pydy.object
  }
}

// CHECK-LABEL: pydy.func @made
// CHECK-SAME: -> tuple<tensor<2xf64>, tensor<f64>, tensor<2xf64>, tensor<3xi64>, tensor<2xf32>>
