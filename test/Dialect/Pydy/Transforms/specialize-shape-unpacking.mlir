// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<?x8x?xf32>" | FileCheck %s

// `n, c, w = x.shape` of a tensor with dynamic dimensions: the static one is
// a constant (as `x.shape[1]` folds), so a shape computed from it stays
// static; the dynamic ones stay results of the unpacking.
// CHECK-LABEL: pydy.func @unpacked
// CHECK: %[[SHAPE:.*]] = pydy.attr %{{.*}}, "shape"
// CHECK: %[[DIMS:.*]]:3 = pydy.unpack %[[SHAPE]]
// CHECK: pydy.lib_call "reshape"(%{{.*}}, %[[DIMS]]#0, %[[DIMS]]#2)
// CHECK-SAME: shape = array<i64: -9223372036854775808, 8, -9223372036854775808, 1>
// CHECK-SAME: -> tensor<?x8x?x1xf32>
pydy.func @unpacked(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.attr %x, "shape" : !pydy.object -> !pydy.object
  %1:3 = pydy.unpack %0 : !pydy.object -> !pydy.object, !pydy.object, !pydy.object
  %2 = pydy.constant 1 : i64
  %3 = pydy.list %1#0, %1#1, %1#2, %2 : (!pydy.object, !pydy.object, !pydy.object, i64) -> !pydy.object
  %4 = pydy.lib_call "reshape"(%x, %3) {kwnames = []} : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %4 : !pydy.object
}
