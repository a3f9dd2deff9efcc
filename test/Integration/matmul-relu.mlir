// def layer(x, w):
//     return paddle.nn.functional.relu(paddle.matmul(x, w)) + 1
// RUN: dy2st-run %s --arg 'dense<[[1.0, -2.0], [3.0, 4.0]]> : tensor<2x2xf32>' \
// RUN:   --arg 'dense<[[1.0, 0.0, -1.0], [1.0, 1.0, 1.0]]> : tensor<2x3xf32>' | FileCheck %s
// CHECK: result 0: float32[2, 3] = {{\[\[}}1, 1, 1], [8, 5, 2]]
pydy.func @layer(%arg0: !pydy.object {pydy.name = "x"}, %arg1: !pydy.object {pydy.name = "w"}) -> !pydy.object {
  %x = pydy.load "x" : !pydy.object
  %w = pydy.load "w" : !pydy.object
  %m = pydy.lib_call "matmul"(%x, %w) : (!pydy.object, !pydy.object) -> !pydy.object
  %r = pydy.lib_call "relu"(%m) : (!pydy.object) -> !pydy.object
  %one = pydy.constant 1 : i64
  %y = pydy.binary add %r, %one : (!pydy.object, i64) -> !pydy.object
  pydy.return %y : !pydy.object
}
