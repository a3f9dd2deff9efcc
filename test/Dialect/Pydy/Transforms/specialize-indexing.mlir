// RUN: dy2st-opt %s --pydy-specialize="entry=read signature=tensor<2x3x4xf32>,i64" | FileCheck %s --check-prefix=READ
// RUN: dy2st-opt %s --pydy-specialize="entry=write signature=tensor<2x3x4xf32>,i64" | FileCheck %s --check-prefix=WRITE

// x[:, t, ::-1][None]: the slices become one strided_slice (an omitted bound
// of a negative step is far beyond the size, so that it clamps), the integer
// a gather with a 0-d index, None an unsqueeze.
// READ-LABEL: pydy.func @read
// READ: %[[S:.*]] = pydy.lib_call "strided_slice"(%x) {kwnames = ["x"], static_args = {axes = [2], ends = array<i64: -4611686018427387904>, starts = array<i64: 4611686018427387904>, strides = array<i64: -1>}} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
// READ: %[[I:.*]] = pydy.lib_call "to_tensor"(%t) {kwnames = ["data"], static_args = {stop_gradient = true}} : (i64) -> tensor<i64>
// READ: %[[G:.*]] = pydy.lib_call "gather"(%[[S]], %[[I]]) {kwnames = ["x", "index"], static_args = {axis = 1 : i64}} : (tensor<2x3x4xf32>, tensor<i64>) -> tensor<2x4xf32>
// READ: pydy.lib_call "unsqueeze"(%[[G]]) {kwnames = ["x"], static_args = {axis = [0]}} : (tensor<2x4xf32>) -> tensor<1x2x4xf32>
pydy.func @read(%x: !pydy.object {pydy.name = "x"}, %t: !pydy.object {pydy.name = "t"}) -> !pydy.object {
  %none = pydy.constant none
  %m1 = pydy.constant -1 : i64
  %all = pydy.slice %none, %none, %none : !pydy.none, !pydy.none, !pydy.none
  %rev = pydy.slice %none, %none, %m1 : !pydy.none, !pydy.none, i64
  %index = pydy.tuple %all, %t, %rev : (!pydy.slice, !pydy.object, !pydy.slice) -> !pydy.object
  %0 = pydy.subscript %x[%index] : (!pydy.object, !pydy.object) -> !pydy.object
  %1 = pydy.subscript %0[%none] : (!pydy.object, !pydy.none) -> !pydy.object
  pydy.return %1 : !pydy.object
}

// x[t, 1:3] = 0.0: one set_value, the integer a decreased axis.
// WRITE-LABEL: pydy.func @write
// WRITE: pydy.lib_call "set_value"(%x, %{{.*}}, %t) {kwnames = ["x", "value", "starts"], static_args = {axes = [1, 0], decrease_axes = [0], ends = array<i64: 3, 0>, starts = array<i64: 1, -9223372036854775808>, strides = array<i64: 1, 1>}} : (tensor<2x3x4xf32>, f64, i64) -> tensor<2x3x4xf32>
pydy.func @write(%x: !pydy.object {pydy.name = "x"}, %t: !pydy.object {pydy.name = "t"}) -> !pydy.object {
  %none = pydy.constant none
  %one = pydy.constant 1 : i64
  %three = pydy.constant 3 : i64
  %part = pydy.slice %one, %three, %none : i64, i64, !pydy.none
  %index = pydy.tuple %t, %part : (!pydy.object, !pydy.slice) -> !pydy.object
  %zero = pydy.constant 0.0 : f64
  %0 = pydy.setitem %x[%index] = %zero : (!pydy.object, !pydy.object, f64) -> !pydy.object
  pydy.return %0 : !pydy.object
}
