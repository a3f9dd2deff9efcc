// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<2x3xi32>" | FileCheck %s

// The type rules of the table, as Paddle types them: argmax of the whole
// tensor is 0-d int64, cumsum of int32 is int64 (flattened without an axis),
// atan2 of integers is float64, reshape infers -1, unsqueeze puts size-1
// dimensions, arange of constants has a static length; isinstance folds;
// argsort gives int64 positions of x's shape, its axis made non-negative.
// CHECK-LABEL: pydy.func @rules
// CHECK: pydy.lib_call "argmax"(%x) {kwnames = ["x"], static_args = {dtype = "int64", keepdim = false}} : (tensor<2x3xi32>) -> tensor<i64>
// CHECK: pydy.lib_call "cumsum"(%x) {kwnames = ["x"], static_args = {}} : (tensor<2x3xi32>) -> tensor<6xi64>
// CHECK: pydy.lib_call "atan2"(%x, %x) {kwnames = ["x", "y"], static_args = {}} : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xf64>
// CHECK: pydy.lib_call "reshape"(%x) {kwnames = ["x"], static_args = {shape = array<i64: -1, 2>}} : (tensor<2x3xi32>) -> tensor<3x2xi32>
// CHECK: pydy.lib_call "unsqueeze"(%x) {kwnames = ["x"], static_args = {axis = [0, 3]}} : (tensor<2x3xi32>) -> tensor<1x2x3x1xi32>
// CHECK: pydy.lib_call "arange"(%{{.*}}, %{{.*}}, %{{.*}}) {kwnames = ["start", "end", "step"], static_args = {}} : (i64, i64, i64) -> tensor<3xi64>
// CHECK: pydy.constant true
// CHECK: pydy.lib_call "argsort"(%x) {kwnames = ["x"], static_args = {axis = 0 : i64, descending = true, stable = false}} : (tensor<2x3xi32>) -> tensor<2x3xi64>
pydy.func @rules(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.lib_call "argmax"(%x) : (!pydy.object) -> !pydy.object
  %1 = pydy.lib_call "cumsum"(%x) : (!pydy.object) -> !pydy.object
  %2 = pydy.lib_call "atan2"(%x, %x) : (!pydy.object, !pydy.object) -> !pydy.object
  %s = pydy.constant [-1, 2]
  %3 = pydy.lib_call "reshape"(%x, %s) : (!pydy.object, tuple<i64, i64>) -> !pydy.object
  %a = pydy.constant [0, -1]
  %4 = pydy.lib_call "unsqueeze"(%x, %a) : (!pydy.object, tuple<i64, i64>) -> !pydy.object
  %one = pydy.constant 1 : i64
  %seven = pydy.constant 7 : i64
  %two = pydy.constant 2 : i64
  %5 = pydy.lib_call "arange"(%one, %seven, %two) : (i64, i64, i64) -> !pydy.object
  %names = pydy.constant "list,Tensor"
  %6:2 = pydy.call_method %x, "__isinstance__"(%names) : !pydy.object, (!pydy.str) -> (!pydy.object, !pydy.object)
  %axis = pydy.constant -2 : i64
  %descending = pydy.constant true
  %7 = pydy.lib_call "argsort"(%x, %axis, %descending) : (!pydy.object, i64, i1) -> !pydy.object
  %t = pydy.tuple %0, %1, %2, %3, %4, %5, %6#0, %7 : (!pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object) -> !pydy.object
  pydy.return %t : !pydy.object
}
