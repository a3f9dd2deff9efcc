// RUN: dy2st-opt %s --pydy-promote-variables --pydy-specialize="signature=tensor<3xi64>" | FileCheck %s --check-prefix=THREE
// RUN: dy2st-opt %s --pydy-promote-variables --pydy-specialize="signature=tensor<1xi64>" | FileCheck %s --check-prefix=ONE
// RUN: not dy2st-opt %s --pydy-promote-variables --pydy-specialize="signature=tensor<?xi64>" 2>&1 | FileCheck %s --check-prefix=DYN

// A condition on a static shape is a Python value: it folds, and only the
// branch taken is kept (and typed). On a dynamic shape it is a runtime branch,
// and then the two branches must agree on the dtype of `out`.
// THREE-LABEL: pydy.func @func(%input_var: tensor<3xi64> {pydy.name = "input_var"}) -> tensor<3xf64>
// THREE-NOT: pydy.if
// THREE: %[[R:.*]] = pydy.lib_call "cast"(%input_var) {kwnames = ["x"], static_args = {dtype = "float64"}} : (tensor<3xi64>) -> tensor<3xf64>
// THREE: pydy.return %[[R]] : tensor<3xf64>

// ONE-LABEL: pydy.func @func(%input_var: tensor<1xi64> {pydy.name = "input_var"}) -> tensor<1xi64>
// ONE-NOT: pydy.if
// ONE: pydy.lib_call "cast"(%input_var) {kwnames = ["x"], static_args = {dtype = "int64"}} : (tensor<1xi64>) -> tensor<1xi64>

// DYN: error: variable 'out' is a float64 tensor of shape [?] in the 'if' branch but an int64 tensor of shape [?] in the 'else' branch; compiled branches must agree
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
