// RUN: dy2st-opt %s --pydy-specialize | FileCheck %s --check-prefix=ATTR
// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<2xf64>,i64" | FileCheck %s --check-prefix=OPTION

// The compiler driver gives the signature as data: the entry's
// `pydy.signature` attribute (built through the C++ API, no text), which the
// pass applies and drops. `n` is compiled for its value 3: `n * 2` folds.
// ATTR-LABEL: pydy.func @scale(%x: tensor<2xf64> {pydy.name = "x"}, %n: i64 {pydy.name = "n"}) -> tensor<2xf64> {
// ATTR-NOT:   pydy.signature
// ATTR:       %[[K:.*]] = pydy.constant 6 : i64
// ATTR:       pydy.binary mul %x, %[[K]] : (tensor<2xf64>, i64) -> tensor<2xf64>

// The option's text, where given (dy2st-opt), takes precedence: `n` is a
// runtime value.
// OPTION: %[[K:.*]] = pydy.binary mul %n, %{{.*}} : (i64, i64) -> i64
// OPTION: pydy.binary mul %x, %[[K]] : (tensor<2xf64>, i64) -> tensor<2xf64>
pydy.func @scale(%arg0: !pydy.object {pydy.name = "x"}, %arg1: !pydy.object {pydy.name = "n"}) -> !pydy.object attributes {pydy.signature = [tensor<2xf64>, 3 : i64]} {
  %two = pydy.constant 2 : i64
  %k = pydy.binary mul %arg1, %two : (!pydy.object, i64) -> !pydy.object
  %y = pydy.binary mul %arg0, %k : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %y : !pydy.object
}
