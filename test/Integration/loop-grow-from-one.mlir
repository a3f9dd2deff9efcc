// def grow(x, n):
//     h = paddle.zeros([1, 3])
//     for i in range(n):
//         h = h + x          # [1, 3] before the loop, [4, 3] after an iteration
//     return h
// The loop carries tensor<?x3xf32>; the size of 1 broadcasts at run time, and
// the canonicalizer does not give the loop the initial value's static shape.
// RUN: dy2st-run %s --arg 'dense<1.0> : tensor<4x3xf32>' --arg 'dense<2> : tensor<i64>' | FileCheck %s
// RUN: dy2st-run %s --arg 'dense<1.0> : tensor<4x3xf32>' --arg 'dense<0> : tensor<i64>' | FileCheck %s --check-prefix=NONE
// CHECK: result 0: float32[4, 3] = {{\[\[}}2, 2, 2], [2, 2, 2], [2, 2, 2], [2, 2, 2]]
// NONE: result 0: float32[1, 3] = {{\[\[}}0, 0, 0]]
pydy.func @grow(%arg0: !pydy.object {pydy.name = "x"}, %arg1: !pydy.object {pydy.name = "n"}) -> !pydy.object {
  %shape = pydy.constant [1, 3]
  %z = pydy.lib_call "zeros"(%shape) : (tuple<i64, i64>) -> !pydy.object
  pydy.store "h", %z : !pydy.object
  %c0 = pydy.constant 0 : i64
  %c1 = pydy.constant 1 : i64
  %n = pydy.load "n" : !pydy.object
  pydy.for_range %c0, %n, %c1 : i64, !pydy.object, i64 {
  ^bb0(%i: !pydy.object):
    %h = pydy.load "h" : !pydy.object
    %x = pydy.load "x" : !pydy.object
    %s = pydy.binary add %h, %x : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.store "h", %s : !pydy.object
  }
  %r = pydy.load "h" : !pydy.object
  pydy.return %r : !pydy.object
}
