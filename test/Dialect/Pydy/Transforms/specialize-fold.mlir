// RUN: dy2st-opt %s --pydy-promote-variables --pydy-specialize="signature=tensor<3xi64>" | FileCheck %s --check-prefix=THREE
// RUN: dy2st-opt %s --pydy-promote-variables --pydy-specialize="signature=tensor<1xi64>" | FileCheck %s --check-prefix=ONE
// RUN: dy2st-opt %s --pydy-promote-variables --pydy-specialize="signature=tensor<?xi64>" | FileCheck %s --check-prefix=DYN

// A condition on a static shape is a Python value: it folds, and only the
// branch taken is kept (and typed). On a dynamic shape it is a runtime branch,
// and then `out` takes the dtype both branches promote to.
// THREE-LABEL: pydy.func @func(%input_var: tensor<3xi64> {pydy.name = "input_var"}) -> tensor<3xf64>
// THREE-NOT: pydy.if
// THREE: %[[R:.*]] = pydy.lib_call "cast"(%input_var) {kwnames = ["x"], static_args = {dtype = "float64"}} : (tensor<3xi64>) -> tensor<3xf64>
// THREE: pydy.return %[[R]] : tensor<3xf64>

// ONE-LABEL: pydy.func @func(%input_var: tensor<1xi64> {pydy.name = "input_var"}) -> tensor<1xi64>
// ONE-NOT: pydy.if
// ONE: pydy.lib_call "cast"(%input_var) {kwnames = ["x"], static_args = {dtype = "int64"}} : (tensor<1xi64>) -> tensor<1xi64>

// DYN-LABEL: pydy.func @func(%input_var: tensor<?xi64> {pydy.name = "input_var"}) -> tensor<?xf64>
// DYN: pydy.if %{{.*}} : i1 -> tensor<?xf64>
// DYN: } else {
// DYN: %[[O:.*]] = pydy.lib_call "cast"
// DYN: %[[P:.*]] = pydy.unary promote %[[O]] : (tensor<?xi64>) -> tensor<?xf64>
// DYN: pydy.yield %[[P]] : tensor<?xf64>
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

