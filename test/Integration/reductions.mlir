// def reduce(x):
//     return (paddle.sum(x), paddle.mean(x, axis=1), paddle.max(x, axis=0, keepdim=True),
//             paddle.min(x, axis=-1), paddle.sum(x > 2.0))
// RUN: dy2st-run %s --arg 'dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>' | FileCheck %s
// CHECK: result 0: float32[] = 21
// CHECK: result 1: float32[2] = [2, 5]
// CHECK: result 2: float32[1, 3] = {{\[\[}}4, 5, 6]]
// CHECK: result 3: float32[2] = [1, 4]
// CHECK: result 4: int64[] = 4
pydy.func @reduce(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %x = pydy.load "x" : !pydy.object
  %s = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
  %one = pydy.constant 1 : i64
  %m = pydy.lib_call "mean"(%x, %one) {kwnames = ["axis"]} : (!pydy.object, i64) -> !pydy.object
  %zero = pydy.constant 0 : i64
  %true = pydy.constant true
  %mx = pydy.lib_call "max"(%x, %zero, %true) {kwnames = ["axis", "keepdim"]} : (!pydy.object, i64, i1) -> !pydy.object
  %neg = pydy.constant -1 : i64
  %mn = pydy.lib_call "min"(%x, %neg) {kwnames = ["axis"]} : (!pydy.object, i64) -> !pydy.object
  %two = pydy.constant 2.000000e+00 : f64
  %gt = pydy.compare gt %x, %two : (!pydy.object, f64) -> !pydy.object
  %cnt = pydy.lib_call "sum"(%gt) : (!pydy.object) -> !pydy.object
  %t = pydy.tuple %s, %m, %mx, %mn, %cnt : (!pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object) -> !pydy.object
  pydy.return %t : !pydy.object
}
