// RUN: dy2st-opt %s --pydy-lower-exits --pydy-promote-variables --pydy-inline-calls --pydy-specialize="signature=tensor<1xi64>" | FileCheck %s
// RUN: dy2st-opt %s --dy2st-pydy-to-core="signature=tensor<1xi64>" | FileCheck %s --check-prefix=CORE

// def fact(n):
//     if n <= 1:
//         return paddle.ones([1], dtype="int64")
//     return n * fact(n - 1)
// The recursive call gets a private copy specialized to its argument types;
// its result type comes from the base case.
// CHECK-LABEL: pydy.func @fact(%n: tensor<1xi64>
// CHECK:       pydy.call @fact_s0(%{{.*}}) : (tensor<1xi64>) -> tensor<1xi64>
// CHECK-LABEL: pydy.func private @fact_s0(%n: tensor<1xi64>
// CHECK:       pydy.call @fact_s0(%{{.*}}) : (tensor<1xi64>) -> tensor<1xi64>
// CHECK-NOT:   pydy.func @fact(
// CORE-LABEL: func.func @fact(
// CORE:       call @fact_s0
// CORE-LABEL: func.func private @fact_s0(
// CORE:       scf.if
// CORE:       call @fact_s0
pydy.func @fact(%arg0: !pydy.object {pydy.name = "n"}) -> !pydy.object {
  %n = pydy.load "n" : !pydy.object
  %one = pydy.constant 1 : i64
  %c = pydy.compare le %n, %one : (!pydy.object, i64) -> !pydy.object
  pydy.if %c : !pydy.object {
    %shape = pydy.constant [1]
    %dt = pydy.constant "int64"
    %o = pydy.lib_call "ones"(%shape, %dt) : (tuple<i64>, !pydy.str) -> !pydy.object
    pydy.return %o : !pydy.object
  } else {
  }
  %n2 = pydy.load "n" : !pydy.object
  %m = pydy.binary sub %n2, %one : (!pydy.object, i64) -> !pydy.object
  %r = pydy.call @fact(%m) : (!pydy.object) -> !pydy.object
  %p = pydy.binary mul %n2, %r : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %p : !pydy.object
}
