// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<2xf32>" --canonicalize | FileCheck %s

// l = []; for i in range(3): l.append(x * i); return paddle.stack(l)
// A list of tensors with a compile-time length: the constant-bound loop that
// grows it is unrolled, append makes a longer list, stack takes the elements.
// CHECK-LABEL: pydy.func @grow
// CHECK-NOT:   pydy.for_range
// CHECK-NOT:   pydy.call_method
// CHECK:       %[[A:.*]] = pydy.binary mul %x, %{{.*}} : (tensor<2xf32>, i64) -> tensor<2xf32>
// CHECK:       %[[B:.*]] = pydy.binary mul %x, %{{.*}} : (tensor<2xf32>, i64) -> tensor<2xf32>
// CHECK:       %[[C:.*]] = pydy.binary mul %x, %{{.*}} : (tensor<2xf32>, i64) -> tensor<2xf32>
// CHECK:       pydy.lib_call "stack"(%[[A]], %[[B]], %[[C]]) {kwnames = ["x", "x", "x"], static_args = {axis = 0 : i64}} : (tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<3x2xf32>
pydy.func @grow(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.list  : () -> !pydy.object
  %1 = pydy.constant 0 : i64
  %2 = pydy.constant 1 : i64
  %3 = pydy.constant 3 : i64
  %4 = pydy.for_range %1, %3, %2 : i64, i64, i64 iter_args(%0 : !pydy.object) -> !pydy.object {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
    %6 = pydy.binary mul %x, %arg0 : (!pydy.object, !pydy.object) -> !pydy.object
    %result, %updated = pydy.call_method %arg1, "append"(%6) : !pydy.object, (!pydy.object) -> (!pydy.object, !pydy.object)
    pydy.yield %updated : !pydy.object
  } {names = ["l"]}
  %5 = pydy.lib_call "stack"(%4) : (!pydy.object) -> !pydy.object
  pydy.return %5 : !pydy.object
}
