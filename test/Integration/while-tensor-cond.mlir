// def grow(x):
//     i = 0
//     while x.sum() < 100.0:
//         x = x * 2.0
//         i = i + 1
//     return x, i
// RUN: dy2st-run %s --arg 'dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>' | FileCheck %s
// RUN: dy2st-run %s --arg 'dense<[[50.0], [60.0]]> : tensor<2x1xf32>' | FileCheck %s --check-prefix=ZERO
// CHECK: result 0: float32[4] = [16, 32, 48, 64]
// CHECK: result 1: int = 4
// ZERO: result 0: float32[2, 1] = {{\[\[}}50], [60]]
// ZERO: result 1: int = 0
pydy.func @grow(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %c0 = pydy.constant 0 : i64
  pydy.store "i", %c0 : i64
  pydy.while {
    %x = pydy.load "x" : !pydy.object
    %s = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
    %lim = pydy.constant 1.000000e+02 : f64
    %c = pydy.compare lt %s, %lim : (!pydy.object, f64) -> !pydy.object
    pydy.condition(%c : !pydy.object)
  } do {
    %x = pydy.load "x" : !pydy.object
    %two = pydy.constant 2.000000e+00 : f64
    %y = pydy.binary mul %x, %two : (!pydy.object, f64) -> !pydy.object
    pydy.store "x", %y : !pydy.object
    %i = pydy.load "i" : !pydy.object
    %one = pydy.constant 1 : i64
    %j = pydy.binary add %i, %one : (!pydy.object, i64) -> !pydy.object
    pydy.store "i", %j : !pydy.object
    pydy.yield
  }
  %x = pydy.load "x" : !pydy.object
  %i = pydy.load "i" : !pydy.object
  %t = pydy.tuple %x, %i : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %t : !pydy.object
}
