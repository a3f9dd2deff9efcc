// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<1x1x5x5xf32>" | FileCheck %s

// max_pool2d(x, 2, 2, 1, ceil_mode=True) of a 5x5 input: ceil((5 + 2 - 2) / 2)
// + 1 = 4 windows per axis, the last one starting past the input (Paddle
// keeps it: 4x4, where PyTorch's rule drops it: 3x3); one extra row and
// column of padding make room for it.
// CHECK-LABEL: pydy.func @ceil_pool
// CHECK: pydy.lib_call "max_pool2d"(%x) {{.*}}ceil_extra = array<i64: 1, 1>{{.*}} -> tensor<1x1x4x4xf32>
pydy.func @ceil_pool(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %k = pydy.constant 2 : i64
  %p = pydy.constant 1 : i64
  %c = pydy.constant true
  %0 = pydy.lib_call "max_pool2d"(%x, %k, %k, %p, %c) {kwnames = ["x", "kernel_size", "stride", "padding", "ceil_mode"]} : (!pydy.object, i64, i64, i64, i1) -> !pydy.object
  pydy.return %0 : !pydy.object
}
