// Python's rounding of // and % toward negative infinity, at run time and
// when folded, on ints and floats, and true division of ints.
// def arith(a, b):
//     return a // b, a % b, a / b, (a * 1.0) % b, a ** 2
// RUN: dy2st-run %s --arg 'dense<[-7, 7, -7, 7]> : tensor<4xi64>' --arg 'dense<[2, -2, -2, 2]> : tensor<4xi64>' | FileCheck %s
// CHECK: result 0: int64[4] = [-4, -4, 3, 3]
// CHECK: result 1: int64[4] = [1, -1, -1, 1]
// CHECK: result 2: float32[4] = [-3.5, -3.5, 3.5, 3.5]
// CHECK: result 3: float32[4] = [1, -1, -1, 1]
// CHECK: result 4: int64[4] = [49, 49, 49, 49]
pydy.func @arith(%arg0: !pydy.object {pydy.name = "a"}, %arg1: !pydy.object {pydy.name = "b"}) -> !pydy.object {
  %a = pydy.load "a" : !pydy.object
  %b = pydy.load "b" : !pydy.object
  %q = pydy.binary floordiv %a, %b : (!pydy.object, !pydy.object) -> !pydy.object
  %m = pydy.binary mod %a, %b : (!pydy.object, !pydy.object) -> !pydy.object
  %d = pydy.binary div %a, %b : (!pydy.object, !pydy.object) -> !pydy.object
  %one = pydy.constant 1.000000e+00 : f64
  %af = pydy.binary mul %a, %one : (!pydy.object, f64) -> !pydy.object
  %fm = pydy.binary mod %af, %b : (!pydy.object, !pydy.object) -> !pydy.object
  %two = pydy.constant 2 : i64
  %p = pydy.binary pow %a, %two : (!pydy.object, i64) -> !pydy.object
  %t = pydy.tuple %q, %m, %d, %fm, %p : (!pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object) -> !pydy.object
  pydy.return %t : !pydy.object
}
