// RUN: dy2st-opt %s --pydy-promote-variables --pydy-specialize="signature=tensor<4xf32>" | FileCheck %s

// A tensor condition stays a runtime branch; types are joined across branches.
// CHECK-LABEL: pydy.func @abs_sum
// CHECK: %[[S:.*]] = pydy.lib_call "sum"(%x) {kwnames = ["x"], static_args = {axis = [0], keepdim = false}} : (tensor<4xf32>) -> tensor<f32>
// CHECK: %[[C:.*]] = pydy.compare lt %[[S]], %{{.*}} : (tensor<f32>, f64) -> tensor<i1>
// CHECK: %[[Y:.*]] = pydy.if %[[C]] : tensor<i1> -> tensor<4xf32> {
// CHECK:   pydy.unary neg %x : (tensor<4xf32>) -> tensor<4xf32>
// CHECK: } else {
// CHECK:   pydy.yield %x : tensor<4xf32>
// CHECK: pydy.return %[[Y]] : tensor<4xf32>
pydy.func @abs_sum(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %x = pydy.load "x" : !pydy.object
  pydy.store "y", %x : !pydy.object
  %s = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
  %z = pydy.constant 0.0 : f64
  %c = pydy.compare lt %s, %z : (!pydy.object, f64) -> !pydy.object
  pydy.if %c : !pydy.object {
    %n = pydy.unary neg %x : (!pydy.object) -> !pydy.object
    pydy.store "y", %n : !pydy.object
  } else {
  }
  %y = pydy.load "y" : !pydy.object
  pydy.return %y : !pydy.object
}
