// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<1x1x4x4xf32>" -split-input-file -verify-diagnostics | FileCheck %s

// avg_pool2d(x, 5, 3) of a 4x4 input: (4 - 5) / 3 rounds toward zero, as in
// Paddle's C++, so one window per axis, one extra row and column of padding
// making room for it (GoogLeNet's auxiliary heads on small images).
// CHECK-LABEL: pydy.func @small_input
// CHECK: pydy.lib_call "avg_pool2d"(%x) {{.*}}ceil_extra = array<i64: 1, 1>{{.*}} -> tensor<1x1x1x1xf32>
pydy.func @small_input(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %k = pydy.constant 5 : i64
  %s = pydy.constant 3 : i64
  %0 = pydy.lib_call "avg_pool2d"(%x, %k, %s) {kwnames = ["x", "kernel_size", "stride"]} : (!pydy.object, i64, i64) -> !pydy.object
  pydy.return %0 : !pydy.object
}

// -----

// Fewer than no windows is Paddle's error.
pydy.func @too_small(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %k = pydy.constant 11 : i64
  %s = pydy.constant 1 : i64
  // expected-error @+1 {{avg_pool2d(): the output size must be greater than or equal to 0, not -6}}
  %0 = pydy.lib_call "avg_pool2d"(%x, %k, %s) {kwnames = ["x", "kernel_size", "stride"]} : (!pydy.object, i64, i64) -> !pydy.object
  pydy.return %0 : !pydy.object
}
