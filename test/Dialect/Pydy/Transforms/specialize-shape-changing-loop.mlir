// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<2xf32>" | FileCheck %s

// for i in range(3): x = paddle.unsqueeze(x, 0)
// The loop's tensor gains a dimension at every iteration: no one type holds
// it, so the short constant-trip loop runs as Python runs it, unrolled.
// CHECK-LABEL: pydy.func @deepening
// CHECK-NOT:   pydy.for_range
// CHECK:       pydy.lib_call "unsqueeze"{{.*}} -> tensor<1x2xf32>
// CHECK:       pydy.lib_call "unsqueeze"{{.*}} -> tensor<1x1x2xf32>
// CHECK:       pydy.lib_call "unsqueeze"{{.*}} -> tensor<1x1x1x2xf32>
pydy.func @deepening(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant 0 : i64
  %1 = pydy.constant 1 : i64
  %2 = pydy.constant 3 : i64
  %3 = pydy.for_range %0, %2, %1 : i64, i64, i64 iter_args(%x : !pydy.object) -> !pydy.object {
  ^bb0(%i: !pydy.object, %acc: !pydy.object):
    %4 = pydy.constant 0 : i64
    %5 = pydy.lib_call "unsqueeze"(%acc, %4) : (!pydy.object, i64) -> !pydy.object
    pydy.yield %5 : !pydy.object
  } {names = ["x"]}
  pydy.return %3 : !pydy.object
}
