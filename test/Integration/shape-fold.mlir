// The seed's first example: the condition depends only on a static shape, so
// it folds and each input shape compiles to one branch.
// def func(input_var):
//     if input_var.shape[0] > 1:
//         out = paddle.cast(input_var, "float64")
//     else:
//         out = paddle.cast(input_var, "int64")
//     return out
// RUN: dy2st-run %s --arg 'dense<[-2]> : tensor<1xi64>' | FileCheck %s --check-prefix=ONE
// RUN: dy2st-run %s --arg 'dense<[1, 2, 3]> : tensor<3xi64>' | FileCheck %s --check-prefix=THREE
// RUN: dy2st-run %s --arg 'dense<[1, 2, 3]> : tensor<3xi64>' --print-ir=core | FileCheck %s --check-prefix=IR
// ONE: result 0: int64[1] = [-2]
// THREE: result 0: float64[3] = [1, 2, 3]
// IR-NOT: scf.if
// IR: arith.sitofp {{.*}} : i64 to f64
pydy.func @func(%arg0: !pydy.object {pydy.name = "input_var"}) -> !pydy.object {
  %v = pydy.load "input_var" : !pydy.object
  %shape = pydy.attr %v, "shape" : !pydy.object -> !pydy.object
  %zero = pydy.constant 0 : i64
  %d0 = pydy.subscript %shape[%zero] : (!pydy.object, i64) -> !pydy.object
  %one = pydy.constant 1 : i64
  %c = pydy.compare gt %d0, %one : (!pydy.object, i64) -> !pydy.object
  pydy.if %c : !pydy.object {
    %v1 = pydy.load "input_var" : !pydy.object
    %dt = pydy.constant "float64"
    %o = pydy.lib_call "cast"(%v1, %dt) : (!pydy.object, !pydy.str) -> !pydy.object
    pydy.store "out", %o : !pydy.object
  } else {
    %v2 = pydy.load "input_var" : !pydy.object
    %dt = pydy.constant "int64"
    %o = pydy.lib_call "cast"(%v2, %dt) : (!pydy.object, !pydy.str) -> !pydy.object
    pydy.store "out", %o : !pydy.object
  }
  %out = pydy.load "out" : !pydy.object
  pydy.return %out : !pydy.object
}
