// def logic(x, y):
//     both = (x > 0.0) and (y < 3.0)
//     either = (x > 0.0) or (y < 3.0)
//     return both, either, not (x > 0.0)
// On one-element tensors `and`/`or` are lazy branches giving one of the
// operands, and `not` gives a Python bool, as eagerly.
// RUN: dy2st-run %s --arg 'dense<[1.0]> : tensor<1xf32>' --arg 'dense<[5.0]> : tensor<1xf32>' | FileCheck %s --check-prefix=TF
// RUN: dy2st-run %s --arg 'dense<[-1.0]> : tensor<1xf32>' --arg 'dense<[1.0]> : tensor<1xf32>' | FileCheck %s --check-prefix=FT
// TF: result 0: bool[1] = [False]
// TF: result 1: bool[1] = [True]
// TF: result 2: bool = False
// FT: result 0: bool[1] = [False]
// FT: result 1: bool[1] = [True]
// FT: result 2: bool = True
pydy.func @logic(%arg0: !pydy.object {pydy.name = "x"}, %arg1: !pydy.object {pydy.name = "y"}) -> !pydy.object {
  %x = pydy.load "x" : !pydy.object
  %y = pydy.load "y" : !pydy.object
  %z = pydy.constant 0.0 : f64
  %three = pydy.constant 3.0 : f64
  %xp = pydy.compare gt %x, %z : (!pydy.object, f64) -> !pydy.object
  %both = pydy.logical and %xp : !pydy.object -> !pydy.object {
    %yl = pydy.compare lt %y, %three : (!pydy.object, f64) -> !pydy.object
    pydy.yield %yl : !pydy.object
  }
  %either = pydy.logical or %xp : !pydy.object -> !pydy.object {
    %yl = pydy.compare lt %y, %three : (!pydy.object, f64) -> !pydy.object
    pydy.yield %yl : !pydy.object
  }
  %n = pydy.unary not %xp : (!pydy.object) -> !pydy.object
  %t = pydy.tuple %both, %either, %n : (!pydy.object, !pydy.object, !pydy.object) -> !pydy.object
  pydy.return %t : !pydy.object
}
