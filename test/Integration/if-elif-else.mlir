// def classify(x):
//     s = x.sum()
//     if s > 10.0:
//         y = x * 2.0
//     elif s > 0.0:
//         y = x + 1.0
//     else:
//         y = -x
//     return y
// RUN: dy2st-run %s --arg 'dense<[5.0, 6.0]> : tensor<2xf32>' | FileCheck %s --check-prefix=BIG
// RUN: dy2st-run %s --arg 'dense<[1.0, 2.0]> : tensor<2xf32>' | FileCheck %s --check-prefix=MID
// RUN: dy2st-run %s --arg 'dense<[-1.0, -2.0]> : tensor<2xf32>' | FileCheck %s --check-prefix=NEG
// BIG: result 0: float32[2] = [10, 12]
// MID: result 0: float32[2] = [2, 3]
// NEG: result 0: float32[2] = [1, 2]
pydy.func @classify(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %x = pydy.load "x" : !pydy.object
  %s = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
  pydy.store "s", %s : !pydy.object
  %s1 = pydy.load "s" : !pydy.object
  %ten = pydy.constant 1.000000e+01 : f64
  %c1 = pydy.compare gt %s1, %ten : (!pydy.object, f64) -> !pydy.object
  pydy.if %c1 : !pydy.object {
    %x1 = pydy.load "x" : !pydy.object
    %two = pydy.constant 2.000000e+00 : f64
    %y = pydy.binary mul %x1, %two : (!pydy.object, f64) -> !pydy.object
    pydy.store "y", %y : !pydy.object
  } else {
    %s2 = pydy.load "s" : !pydy.object
    %zero = pydy.constant 0.000000e+00 : f64
    %c2 = pydy.compare gt %s2, %zero : (!pydy.object, f64) -> !pydy.object
    pydy.if %c2 : !pydy.object {
      %x2 = pydy.load "x" : !pydy.object
      %one = pydy.constant 1.000000e+00 : f64
      %y = pydy.binary add %x2, %one : (!pydy.object, f64) -> !pydy.object
      pydy.store "y", %y : !pydy.object
    } else {
      %x3 = pydy.load "x" : !pydy.object
      %y = pydy.unary neg %x3 : (!pydy.object) -> !pydy.object
      pydy.store "y", %y : !pydy.object
    }
  }
  %r = pydy.load "y" : !pydy.object
  pydy.return %r : !pydy.object
}
