// RUN: dy2st-opt %s --pydy-promote-variables --pydy-specialize="signature=tensor<1xf32>,1:i64" | FileCheck %s

// `and` with a Python-valued left operand folds to the right operand's region
// or to the left value; with a tensor left operand it stays lazy.
// CHECK-LABEL: pydy.func @logic
// CHECK-NOT: pydy.logical and
// CHECK: %[[L:.*]] = pydy.logical or %{{.*}} : tensor<1xi1> -> tensor<1xi1> {
// CHECK:   pydy.compare lt %x, %{{.*}} : (tensor<1xf32>, f64) -> tensor<1xi1>
// CHECK: pydy.return %[[L]]
pydy.func @logic(%arg0: !pydy.object {pydy.name = "x"}, %arg1: !pydy.object {pydy.name = "flag"}) -> !pydy.object {
  %flag = pydy.load "flag" : !pydy.object
  %x = pydy.load "x" : !pydy.object
  %r = pydy.logical and %flag : !pydy.object -> !pydy.object {
    %z = pydy.constant 0.0 : f64
    %gt = pydy.compare gt %x, %z : (!pydy.object, f64) -> !pydy.object
    %or = pydy.logical or %gt : !pydy.object -> !pydy.object {
      %m = pydy.constant -1.0 : f64
      %lt = pydy.compare lt %x, %m : (!pydy.object, f64) -> !pydy.object
      pydy.yield %lt : !pydy.object
    }
    pydy.yield %or : !pydy.object
  }
  pydy.return %r : !pydy.object
}
