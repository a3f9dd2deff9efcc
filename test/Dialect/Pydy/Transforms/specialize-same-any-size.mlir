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

// -----

// Pools too: at stride 2 the padding is computed where they run, and
// ceil_mode changes nothing under 'SAME' (it pads to whole windows).
// CHECK-LABEL: pydy.func @same_pools
// CHECK: pydy.lib_call "max_pool2d"(%x) {{.*}}paddings = array<i64: -1, -1, -1, -1>{{.*}} -> tensor<1x1x?x?xf32>
// CHECK: pydy.lib_call "avg_pool2d"(%x) {{.*}}paddings = array<i64: -1, -1, -1, -1>{{.*}} -> tensor<1x1x?x?xf32>
pydy.func @same_pools(%x: !pydy.object {pydy.name = "x"}, %w: !pydy.object {pydy.name = "w"}) -> !pydy.object {
  %p = pydy.constant "SAME"
  %k = pydy.constant 3 : i64
  %s = pydy.constant 2 : i64
  %c = pydy.constant true
  %0 = pydy.lib_call "max_pool2d"(%x, %k, %s, %p, %c) {kwnames = ["kernel_size", "stride", "padding", "ceil_mode"]} : (!pydy.object, i64, i64, !pydy.str, i1) -> !pydy.object
  %1 = pydy.lib_call "avg_pool2d"(%x, %k, %s, %p) {kwnames = ["kernel_size", "stride", "padding"]} : (!pydy.object, i64, i64, !pydy.str) -> !pydy.object
  %t = pydy.tuple %0, %1 : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %t : !pydy.object
}
