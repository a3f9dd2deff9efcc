// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<4xf32>" | FileCheck %s

// A tensor condition stays a runtime branch; types are joined across branches.
// CHECK-LABEL: pydy.func @abs_sum
// CHECK: %[[S:.*]] = pydy.lib_call "sum"(%x) {kwnames = ["x"], static_args = {axis = [0], keepdim = false}} : (tensor<4xf32>) -> tensor<f32>
// CHECK: %[[C:.*]] = pydy.compare lt %[[S]], %{{.*}} : (tensor<f32>, f64) -> tensor<i1>
// CHECK: %[[Y:.*]] = pydy.if %[[C]] : tensor<i1> -> tensor<4xf32> {
// CHECK:   pydy.unary neg %x : (tensor<4xf32>) -> tensor<4xf32>
// CHECK: } else {
// CHECK:   pydy.yield %x : tensor<4xf32>
// CHECK: pydy.return %[[Y]] : tensor<4xf32>
pydy.func @abs_sum(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
  %1 = pydy.constant 0.000000e+00 : f64
  %2 = pydy.compare lt %0, %1 : (!pydy.object, f64) -> !pydy.object
  %3 = pydy.if %2 : !pydy.object -> !pydy.object {
    %4 = pydy.unary neg %x : (!pydy.object) -> !pydy.object
    pydy.yield %4 : !pydy.object
  } else {
    pydy.yield %x : !pydy.object
  } {names = ["y"]}
  pydy.return %3 : !pydy.object
}
