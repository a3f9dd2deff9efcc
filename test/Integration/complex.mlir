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

// The runtime's Fourier transform of [1, 2, 3, 4] is [10, -2+2j, -2, -2-2j].
// RUN: dy2st-run %s --entry spectrum --arg 'dense<[(1.0, 0.0), (2.0, 0.0), (3.0, 0.0), (4.0, 0.0)]> : tensor<4xcomplex<f64>>' | FileCheck %s --check-prefix=FFT
// FFT: result 0: complex128[4] = [(10+0j), (-2+2j), (-2+0j), (-2-2j)]
pydy.func @spectrum(%arg0: !pydy.object {pydy.name = "z"}) -> !pydy.object {
  %z = pydy.load "z" : !pydy.object
  %s = pydy.lib_call "fft_c2c"(%z) : (!pydy.object) -> !pydy.object
  pydy.return %s : !pydy.object
}
