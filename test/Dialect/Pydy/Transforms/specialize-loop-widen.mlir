// RUN: dy2st-opt %s --pydy-promote-variables --pydy-specialize="signature=tensor<2x3xf32>" | FileCheck %s

// A loop-carried tensor whose shape changes (a reduction with keepdim makes
// dim 1 go from 3 to 1) is widened to a dynamic dimension instead of failing;
// the initial value is cast to the widened type.
// CHECK-LABEL: pydy.func @shrink
// CHECK: %[[INIT:.*]] = tensor.cast %x : tensor<2x3xf32> to tensor<2x?xf32>
// CHECK: pydy.while(%{{.*}}, %[[INIT]] : i64, tensor<2x?xf32>) -> i64, tensor<2x?xf32>
// CHECK: pydy.lib_call "sum"(%{{.*}}) {kwnames = ["x"], static_args = {axis = [1], keepdim = true}} : (tensor<2x?xf32>) -> tensor<2x1xf32>
// CHECK: %[[W:.*]] = tensor.cast %{{.*}} : tensor<2x1xf32> to tensor<2x?xf32>
// CHECK: pydy.yield %{{.*}}, %[[W]] : i64, tensor<2x?xf32>
// CHECK: pydy.return %{{.*}} : tensor<2x?xf32>
pydy.func @shrink(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %c0 = pydy.constant 0 : i64
  pydy.store "i", %c0 : i64
  pydy.while {
    %i = pydy.load "i" : !pydy.object
    %two = pydy.constant 2 : i64
    %c = pydy.compare lt %i, %two : (!pydy.object, i64) -> !pydy.object
    pydy.condition(%c : !pydy.object)
  } do {
    %x = pydy.load "x" : !pydy.object
    %one = pydy.constant 1 : i64
    %t = pydy.constant true
    %s = pydy.lib_call "sum"(%x, %one, %t) {kwnames = ["axis", "keepdim"]} : (!pydy.object, i64, i1) -> !pydy.object
    pydy.store "x", %s : !pydy.object
    %i = pydy.load "i" : !pydy.object
    %in = pydy.binary add %i, %one : (!pydy.object, i64) -> !pydy.object
    pydy.store "i", %in : !pydy.object
    pydy.yield
  }
  %r = pydy.load "x" : !pydy.object
  pydy.return %r : !pydy.object
}
