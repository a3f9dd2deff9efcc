// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<2x3x4xf32>" | FileCheck %s

// x.T reverses the axes, x.mT swaps the last two: each a transpose, its
// order folded into the call's static arguments.
// CHECK-LABEL: pydy.func @transposes
// CHECK: pydy.lib_call "transpose"(%x) {kwnames = ["x"], static_args = {perm = [2, 1, 0]}} : (tensor<2x3x4xf32>) -> tensor<4x3x2xf32>
// CHECK: pydy.lib_call "transpose"(%x) {kwnames = ["x"], static_args = {perm = [0, 2, 1]}} : (tensor<2x3x4xf32>) -> tensor<2x4x3xf32>
pydy.func @transposes(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.attr %x, "T" : !pydy.object -> !pydy.object
  %1 = pydy.attr %x, "mT" : !pydy.object -> !pydy.object
  %2 = pydy.tuple %0, %1 : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %2 : !pydy.object
}
