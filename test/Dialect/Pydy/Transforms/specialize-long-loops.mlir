// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<2xf32>" -split-input-file | FileCheck %s

// A loop of more than 32 constant iterations that grows a list of tensors
// stays a loop: the list is a tensor array (compile time does not grow with
// the trip count).
// CHECK-LABEL: pydy.func @long_tensor_list
// CHECK: %[[EMPTY:.*]] = tensor_array.create : !tensor_array.array<tensor<2xf32>>
// CHECK: pydy.for_range {{.*}} iter_args(%[[EMPTY]] : !tensor_array.array<tensor<2xf32>>)
// CHECK: tensor_array.append
pydy.func @long_tensor_list(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.list  : () -> !pydy.object
  %1 = pydy.constant 0 : i64
  %2 = pydy.constant 1 : i64
  %3 = pydy.constant 300 : i64
  %4 = pydy.for_range %1, %3, %2 : i64, i64, i64 iter_args(%0 : !pydy.object) -> !pydy.object {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
    %6 = pydy.binary mul %x, %arg0 : (!pydy.object, !pydy.object) -> !pydy.object
    %result, %updated = pydy.call_method %arg1, "append"(%6) : !pydy.object, (!pydy.object) -> (!pydy.object, !pydy.object)
    pydy.yield %updated : !pydy.object
  } {names = ["l"]}
  %5 = pydy.lib_call "stack"(%4) : (!pydy.object) -> !pydy.object
  pydy.return %5 : !pydy.object
}

// -----

// Items an array cannot hold (Python numbers): the loop runs as Python,
// unrolled, whatever its length.
// CHECK-LABEL: pydy.func @long_number_list
// CHECK-NOT: pydy.for_range
// CHECK: pydy.return
pydy.func @long_number_list(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.list  : () -> !pydy.object
  %1 = pydy.constant 0 : i64
  %2 = pydy.constant 1 : i64
  %3 = pydy.constant 40 : i64
  %4 = pydy.for_range %1, %3, %2 : i64, i64, i64 iter_args(%0 : !pydy.object) -> !pydy.object {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
    %result, %updated = pydy.call_method %arg1, "append"(%arg0) : !pydy.object, (!pydy.object) -> (!pydy.object, !pydy.object)
    pydy.yield %updated : !pydy.object
  } {names = ["l"]}
  %5 = pydy.len %4 : !pydy.object -> !pydy.object
  pydy.return %5 : !pydy.object
}
