// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<2x3xf32>" | FileCheck %s

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
pydy.func @shrink(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant 0 : i64
  %1:2 = pydy.while(%0, %x : i64, !pydy.object) -> !pydy.object, !pydy.object {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
    %2 = pydy.constant 2 : i64
    %3 = pydy.compare lt %arg0, %2 : (!pydy.object, i64) -> !pydy.object
    pydy.condition(%3 : !pydy.object) %arg0, %arg1 : !pydy.object, !pydy.object
  } do {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
    %2 = pydy.constant 1 : i64
    %3 = pydy.constant true
    %4 = pydy.lib_call "sum"(%arg1, %2, %3) {kwnames = ["axis", "keepdim"]} : (!pydy.object, i64, i1) -> !pydy.object
    %5 = pydy.binary add %arg0, %2 : (!pydy.object, i64) -> !pydy.object
    pydy.yield %5, %4 : !pydy.object, !pydy.object
  } {names = ["i", "x"]}
  pydy.return %1#1 : !pydy.object
}
