// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<3xi64>" | FileCheck %s --check-prefix=THREE
// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<1xi64>" | FileCheck %s --check-prefix=ONE
// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<?xi64>" | FileCheck %s --check-prefix=DYN

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
pydy.func @func(%input_var: !pydy.object {pydy.name = "input_var"}) -> !pydy.object {
  %0 = pydy.attr %input_var, "shape" : !pydy.object -> !pydy.object
  %1 = pydy.constant 0 : i64
  %2 = pydy.subscript %0[%1] : (!pydy.object, i64) -> !pydy.object
  %3 = pydy.constant 1 : i64
  %4 = pydy.compare gt %2, %3 : (!pydy.object, i64) -> !pydy.object
  %5 = pydy.if %4 : !pydy.object -> !pydy.object {
    %6 = pydy.constant "float64"
    %7 = pydy.lib_call "cast"(%input_var, %6) : (!pydy.object, !pydy.str) -> !pydy.object
    pydy.yield %7 : !pydy.object
  } else {
    %6 = pydy.constant "int64"
    %7 = pydy.lib_call "cast"(%input_var, %6) : (!pydy.object, !pydy.str) -> !pydy.object
    pydy.yield %7 : !pydy.object
  } {names = ["out"]}
  pydy.return %5 : !pydy.object
}
