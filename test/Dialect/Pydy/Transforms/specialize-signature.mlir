// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<2xf64>,3:i64" | FileCheck %s --check-prefix=THREE
// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<2xf64>,i64" | FileCheck %s --check-prefix=RUNTIME
// RUN: dy2st-opt %s --pydy-specialize="entry=scale signature=tensor<2xi32>,2.5:f64" | FileCheck %s --check-prefix=FLOAT

// A Python number passed as a literal is compiled for its value: `n * 2`
// folds. Passed as a type, it is a runtime value.
// THREE-LABEL: pydy.func @scale(%x: tensor<2xf64> {pydy.name = "x"}, %n: i64 {pydy.name = "n"}) -> tensor<2xf64>
// THREE: %[[K:.*]] = pydy.constant 6 : i64
// THREE: pydy.binary mul %x, %[[K]] : (tensor<2xf64>, i64) -> tensor<2xf64>

// RUNTIME: %[[K:.*]] = pydy.binary mul %n, %{{.*}} : (i64, i64) -> i64
// RUNTIME: pydy.binary mul %x, %[[K]] : (tensor<2xf64>, i64) -> tensor<2xf64>

// An integer tensor times a Python float gives float32, as in Paddle.
// FLOAT: pydy.binary mul %x, %{{.*}} : (tensor<2xi32>, f64) -> tensor<2xf32>
pydy.func @scale(%x: !pydy.object {pydy.name = "x"}, %n: !pydy.object {pydy.name = "n"}) -> !pydy.object {
  %0 = pydy.constant 2 : i64
  %1 = pydy.binary mul %n, %0 : (!pydy.object, i64) -> !pydy.object
  %2 = pydy.binary mul %x, %1 : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %2 : !pydy.object
}
