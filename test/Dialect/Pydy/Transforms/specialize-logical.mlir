// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<1xf32>,1:i64" | FileCheck %s

// `and` with a Python-valued left operand folds to the right operand's region
// or to the left value; with a tensor left operand it stays lazy.
// CHECK-LABEL: pydy.func @logic
// CHECK-NOT: pydy.logical and
// CHECK: %[[L:.*]] = pydy.logical or %{{.*}} : tensor<1xi1> -> tensor<1xi1> {
// CHECK:   pydy.compare lt %x, %{{.*}} : (tensor<1xf32>, f64) -> tensor<1xi1>
// CHECK: pydy.return %[[L]]
pydy.func @logic(%x: !pydy.object {pydy.name = "x"}, %flag: !pydy.object {pydy.name = "flag"}) -> !pydy.object {
  %0 = pydy.logical and %flag : !pydy.object -> !pydy.object {
    %1 = pydy.constant 0.000000e+00 : f64
    %2 = pydy.compare gt %x, %1 : (!pydy.object, f64) -> !pydy.object
    %3 = pydy.logical or %2 : !pydy.object -> !pydy.object {
      %4 = pydy.constant -1.000000e+00 : f64
      %5 = pydy.compare lt %x, %4 : (!pydy.object, f64) -> !pydy.object
      pydy.yield %5 : !pydy.object
    }
    pydy.yield %3 : !pydy.object
  }
  pydy.return %0 : !pydy.object
}
