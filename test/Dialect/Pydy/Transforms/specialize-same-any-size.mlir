// RUN: dy2st-opt %s --split-input-file --pydy-specialize="signature=tensor<1x1x?x?xf32>,tensor<2x1x3x5xf32>" | FileCheck %s

// 'SAME' at stride 1 pads by the kernel's span less one whatever the size,
// so an input of unknown height and width compiles (PaddleSeg's 'same'
// convolutions of images of any size).
// CHECK-LABEL: pydy.func @same_any_size
// CHECK: pydy.lib_call "conv2d"(%x, %w) {{.*}}paddings = array<i64: 1, 1, 2, 2>{{.*}} -> tensor<1x2x?x?xf32>
pydy.func @same_any_size(%x: !pydy.object {pydy.name = "x"}, %w: !pydy.object {pydy.name = "w"}) -> !pydy.object {
  %p = pydy.constant "same"
  %0 = pydy.lib_call "conv2d"(%x, %w, %p) {kwnames = ["padding"]} : (!pydy.object, !pydy.object, !pydy.str) -> !pydy.object
  pydy.return %0 : !pydy.object
}

// -----

// At stride 2 the padding depends on the size: computed where it runs.
// CHECK-LABEL: pydy.func @same_strided
// CHECK: pydy.lib_call "conv2d"(%x, %w) {{.*}}paddings = array<i64: -1, -1, -1, -1>{{.*}}strides = array<i64: 2, 2>{{.*}} -> tensor<1x2x?x?xf32>
pydy.func @same_strided(%x: !pydy.object {pydy.name = "x"}, %w: !pydy.object {pydy.name = "w"}) -> !pydy.object {
  %p = pydy.constant "SAME"
  %s = pydy.constant 2 : i64
  %0 = pydy.lib_call "conv2d"(%x, %w, %s, %p) {kwnames = ["stride", "padding"]} : (!pydy.object, !pydy.object, i64, !pydy.str) -> !pydy.object
  pydy.return %0 : !pydy.object
}
