// def accumulate(x, n):
//     acc = x * 0.0
//     total = 0
//     for i in range(n):
//         acc = acc + x * i
//         total = total + i
//     for j in range(n, 0, -2):
//         total = total + j
//     return acc, total
// The first loop has a constant step (scf.for), the second a negative one.
// RUN: dy2st-run %s --arg 'dense<[1.0, 10.0]> : tensor<2xf32>' --arg 5 | FileCheck %s
// CHECK: result 0: float32[2] = [10, 100]
// CHECK: result 1: int = 19
pydy.func @accumulate(%arg0: !pydy.object {pydy.name = "x"}, %arg1: !pydy.object {pydy.name = "n"}) -> !pydy.object {
  %x = pydy.load "x" : !pydy.object
  %z = pydy.constant 0.000000e+00 : f64
  %acc0 = pydy.binary mul %x, %z : (!pydy.object, f64) -> !pydy.object
  pydy.store "acc", %acc0 : !pydy.object
  %t0 = pydy.constant 0 : i64
  pydy.store "total", %t0 : i64
  %start = pydy.constant 0 : i64
  %n = pydy.load "n" : !pydy.object
  %step = pydy.constant 1 : i64
  pydy.for_range %start, %n, %step : i64, !pydy.object, i64 {
  ^bb0(%i: !pydy.object):
    pydy.store "i", %i : !pydy.object
    %a = pydy.load "acc" : !pydy.object
    %x1 = pydy.load "x" : !pydy.object
    %i1 = pydy.load "i" : !pydy.object
    %xi = pydy.binary mul %x1, %i1 : (!pydy.object, !pydy.object) -> !pydy.object
    %a2 = pydy.binary add %a, %xi : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.store "acc", %a2 : !pydy.object
    %t = pydy.load "total" : !pydy.object
    %i2 = pydy.load "i" : !pydy.object
    %t2 = pydy.binary add %t, %i2 : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.store "total", %t2 : !pydy.object
  }
  %n2 = pydy.load "n" : !pydy.object
  %stop = pydy.constant 0 : i64
  %neg = pydy.constant -2 : i64
  pydy.for_range %n2, %stop, %neg : !pydy.object, i64, i64 {
  ^bb0(%j: !pydy.object):
    pydy.store "j", %j : !pydy.object
    %t = pydy.load "total" : !pydy.object
    %j1 = pydy.load "j" : !pydy.object
    %t2 = pydy.binary add %t, %j1 : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.store "total", %t2 : !pydy.object
  }
  %ra = pydy.load "acc" : !pydy.object
  %rt = pydy.load "total" : !pydy.object
  %r = pydy.tuple %ra, %rt : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %r : !pydy.object
}
