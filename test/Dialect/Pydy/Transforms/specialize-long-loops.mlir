// RUN: dy2st-opt %s --pydy-promote-variables --pydy-specialize="signature=tensor<2xf32>" -split-input-file | FileCheck %s

// A loop of more than 32 constant iterations that grows a list of tensors
// stays a loop: the list is a tensor array (compile time does not grow with
// the trip count).
// CHECK-LABEL: pydy.func @long_tensor_list
// CHECK: %[[EMPTY:.*]] = tensor_array.create : !tensor_array.array<tensor<2xf32>>
// CHECK: pydy.for_range {{.*}} iter_args(%[[EMPTY]] : !tensor_array.array<tensor<2xf32>>)
// CHECK: tensor_array.append
pydy.func @long_tensor_list(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %l0 = pydy.list : () -> !pydy.object
  pydy.store "l", %l0 : !pydy.object
  %c0 = pydy.constant 0 : i64
  %c1 = pydy.constant 1 : i64
  %c300 = pydy.constant 300 : i64
  pydy.for_range %c0, %c300, %c1 : i64, i64, i64 {
  ^bb0(%i: !pydy.object):
    %l = pydy.load "l" : !pydy.object
    %x = pydy.load "x" : !pydy.object
    %y = pydy.binary mul %x, %i : (!pydy.object, !pydy.object) -> !pydy.object
    %r:2 = pydy.call_method %l, "append"(%y) : !pydy.object, (!pydy.object) -> (!pydy.object, !pydy.object)
    pydy.store "l", %r#1 : !pydy.object
  }
  %l = pydy.load "l" : !pydy.object
  %s = pydy.lib_call "stack"(%l) : (!pydy.object) -> !pydy.object
  pydy.return %s : !pydy.object
}

// -----

// Items an array cannot hold (Python numbers): the loop runs as Python,
// unrolled, whatever its length.
// CHECK-LABEL: pydy.func @long_number_list
// CHECK-NOT: pydy.for_range
// CHECK: pydy.return
pydy.func @long_number_list(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %l0 = pydy.list : () -> !pydy.object
  pydy.store "l", %l0 : !pydy.object
  %c0 = pydy.constant 0 : i64
  %c1 = pydy.constant 1 : i64
  %c40 = pydy.constant 40 : i64
  pydy.for_range %c0, %c40, %c1 : i64, i64, i64 {
  ^bb0(%i: !pydy.object):
    %l = pydy.load "l" : !pydy.object
    %r:2 = pydy.call_method %l, "append"(%i) : !pydy.object, (!pydy.object) -> (!pydy.object, !pydy.object)
    pydy.store "l", %r#1 : !pydy.object
  }
  %l = pydy.load "l" : !pydy.object
  %n = pydy.len %l : !pydy.object -> !pydy.object
  pydy.return %n : !pydy.object
}
