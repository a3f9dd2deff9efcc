// RUN: dy2st-opt %s --split-input-file --pydy-specialize="signature=tensor<1x1x5x6xf32>" | FileCheck %s

// Paddle reads a padding's name in any case: max_pool2d(x, 3, 2, "same") of
// a 5x6 input pads for ceil(5 / 2) x ceil(6 / 2) windows (one row and column
// before, one row after), "valid" not at all.
// CHECK-LABEL: pydy.func @same_pool
// CHECK: pydy.lib_call "max_pool2d"(%x) {{.*}}paddings = array<i64: 1, 1, 0, 1>{{.*}} -> tensor<1x1x3x3xf32>
pydy.func @same_pool(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %k = pydy.constant 3 : i64
  %s = pydy.constant 2 : i64
  %p = pydy.constant "same"
  %0 = pydy.lib_call "max_pool2d"(%x, %k, %s, %p) {kwnames = ["x", "kernel_size", "stride", "padding"]} : (!pydy.object, i64, i64, !pydy.str) -> !pydy.object
  pydy.return %0 : !pydy.object
}

// -----

// CHECK-LABEL: pydy.func @valid_pool
// CHECK: pydy.lib_call "max_pool2d"(%x) {{.*}}paddings = array<i64: 0, 0, 0, 0>{{.*}} -> tensor<1x1x2x2xf32>
pydy.func @valid_pool(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %k = pydy.constant 3 : i64
  %s = pydy.constant 2 : i64
  %p = pydy.constant "Valid"
  %0 = pydy.lib_call "max_pool2d"(%x, %k, %s, %p) {kwnames = ["x", "kernel_size", "stride", "padding"]} : (!pydy.object, i64, i64, !pydy.str) -> !pydy.object
  pydy.return %0 : !pydy.object
}

