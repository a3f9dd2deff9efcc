// RUN: dy2st-opt %s --pydy-promote-variables --pydy-specialize="signature=tensor<2xf32>" --canonicalize | FileCheck %s

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
pydy.func @grow(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %l0 = pydy.list : () -> !pydy.object
  pydy.store "l", %l0 : !pydy.object
  %c0 = pydy.constant 0 : i64
  %c1 = pydy.constant 1 : i64
  %c3 = pydy.constant 3 : i64
  pydy.for_range %c0, %c3, %c1 : i64, i64, i64 {
  ^bb0(%i: !pydy.object):
    pydy.store "i", %i : !pydy.object
    %l = pydy.load "l" : !pydy.object
    %x = pydy.load "x" : !pydy.object
    %iv = pydy.load "i" : !pydy.object
    %y = pydy.binary mul %x, %iv : (!pydy.object, !pydy.object) -> !pydy.object
    %r:2 = pydy.call_method %l, "append"(%y) : !pydy.object, (!pydy.object) -> (!pydy.object, !pydy.object)
    pydy.store "l", %r#1 : !pydy.object
  }
  %l = pydy.load "l" : !pydy.object
  %s = pydy.lib_call "stack"(%l) : (!pydy.object) -> !pydy.object
  pydy.return %s : !pydy.object
}
