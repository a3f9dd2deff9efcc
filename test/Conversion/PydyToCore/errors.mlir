// RUN: not dy2st-opt %s --convert-pydy-to-core -split-input-file 2>&1 | FileCheck %s

// The lowering's own diagnostics, on IR that specialization does not make
// (its checks come first): each names the op's construct. (FileCheck, not
// -verify-diagnostics: a pattern's diagnostic is held by the conversion and
// not seen by the verifier's handler.)

// CHECK: error: a variable holding a str across branches or loops is not supported by dy2st yet
pydy.func @undef_string(%c: i1) -> i1 {
  %0 = pydy.undef "s" : !pydy.str
  %1 = pydy.compare eq %0, %0 : (!pydy.str, !pydy.str) -> i1
  pydy.return %1 : i1
}

// -----

// CHECK: error: operands of '+' cannot be broadcast: float32 tensor of shape [3] and float32 tensor of shape [4]
pydy.func @binary_shapes(%x: tensor<3xf32>, %y: tensor<4xf32>) -> tensor<3xf32> {
  %0 = pydy.binary add %x, %y : (tensor<3xf32>, tensor<4xf32>) -> tensor<3xf32>
  pydy.return %0 : tensor<3xf32>
}

// -----

// CHECK: error: operands of a comparison cannot be broadcast: float32 tensor of shape [3] and float32 tensor of shape [4]
pydy.func @compare_shapes(%x: tensor<3xf32>, %y: tensor<4xf32>) -> tensor<3xi1> {
  %0 = pydy.compare lt %x, %y : (tensor<3xf32>, tensor<4xf32>) -> tensor<3xi1>
  pydy.return %0 : tensor<3xi1>
}

// -----

// CHECK: error: a NumPy item must be specialized before lowering
pydy.func @unspecialized_numpy_item(%x: tensor<i64>) -> i64 {
  %0 = pydy.unary numpy_item %x : (tensor<i64>) -> i64
  pydy.return %0 : i64
}

// -----

// CHECK: error: library call must be specialized before lowering
pydy.func @unspecialized_call(%x: tensor<3xf32>) -> tensor<f32> {
  %0 = pydy.lib_call "sum"(%x) : (tensor<3xf32>) -> tensor<f32>
  pydy.return %0 : tensor<f32>
}
