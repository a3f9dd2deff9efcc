// def rotate(z, x):
//     w = paddle.complex(x, x * 0.0 + 1.0)
//     return z * w, paddle.abs(z), paddle.mean(z)
// RUN: dy2st-run %s --arg 'dense<[(1.0, 2.0), (3.0, -1.0)]> : tensor<2xcomplex<f32>>' --arg 'dense<[0.5, 2.0]> : tensor<2xf32>' | FileCheck %s
// CHECK: result 0: complex64[2] = [(-1.5+2j), (7+1j)]
// CHECK: result 1: float32[2] = [2.23607, 3.16228]
// CHECK: result 2: complex64[] = (2+0.5j)
pydy.func @rotate(%arg0: !pydy.object {pydy.name = "z"}, %arg1: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %z = pydy.load "z" : !pydy.object
  %x = pydy.load "x" : !pydy.object
  %zero = pydy.constant 0.000000e+00 : f64
  %one = pydy.constant 1.000000e+00 : f64
  %x0 = pydy.binary mul %x, %zero : (!pydy.object, f64) -> !pydy.object
  %im = pydy.binary add %x0, %one : (!pydy.object, f64) -> !pydy.object
  %w = pydy.lib_call "complex"(%x, %im) : (!pydy.object, !pydy.object) -> !pydy.object
  %p = pydy.binary mul %z, %w : (!pydy.object, !pydy.object) -> !pydy.object
  %a = pydy.lib_call "abs"(%z) : (!pydy.object) -> !pydy.object
  %m = pydy.lib_call "mean"(%z) : (!pydy.object) -> !pydy.object
  %t = pydy.tuple %p, %a, %m : (!pydy.object, !pydy.object, !pydy.object) -> !pydy.object
  pydy.return %t : !pydy.object
}
