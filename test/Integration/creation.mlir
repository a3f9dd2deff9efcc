// def make(x, v):
//     z = paddle.zeros([2, 3], dtype="int32")
//     o = paddle.ones([3])
//     f = paddle.full([2, 3], v)
//     return paddle.where(x > 0, f, z) + o, paddle.exp(paddle.log(o * 2.0))
// RUN: dy2st-run %s --arg 'dense<[[1, -1, 1], [-1, 1, -1]]> : tensor<2x3xi64>' --arg 2.5 | FileCheck %s
// CHECK: result 0: float32[2, 3] = {{\[\[}}3.5, 1, 3.5], [1, 3.5, 1]]
// CHECK: result 1: float32[3] = [2, 2, 2]
pydy.func @make(%arg0: !pydy.object {pydy.name = "x"}, %arg1: !pydy.object {pydy.name = "v"}) -> !pydy.object {
  %x = pydy.load "x" : !pydy.object
  %v = pydy.load "v" : !pydy.object
  %s23 = pydy.constant [2, 3]
  %i32 = pydy.constant "int32"
  %z = pydy.lib_call "zeros"(%s23, %i32) {kwnames = ["dtype"]} : (tuple<i64, i64>, !pydy.str) -> !pydy.object
  %three = pydy.constant 3 : i64
  %s3 = pydy.list %three : (i64) -> !pydy.object
  %o = pydy.lib_call "ones"(%s3) : (!pydy.object) -> !pydy.object
  %f = pydy.lib_call "full"(%s23, %v) : (tuple<i64, i64>, !pydy.object) -> !pydy.object
  %zero = pydy.constant 0 : i64
  %c = pydy.compare gt %x, %zero : (!pydy.object, i64) -> !pydy.object
  %w = pydy.lib_call "where"(%c, %f, %z) : (!pydy.object, !pydy.object, !pydy.object) -> !pydy.object
  %r = pydy.binary add %w, %o : (!pydy.object, !pydy.object) -> !pydy.object
  %two = pydy.constant 2.0 : f64
  %o2 = pydy.binary mul %o, %two : (!pydy.object, f64) -> !pydy.object
  %l = pydy.lib_call "log"(%o2) : (!pydy.object) -> !pydy.object
  %e = pydy.lib_call "exp"(%l) : (!pydy.object) -> !pydy.object
  %t = pydy.tuple %r, %e : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %t : !pydy.object
}
