// RUN: dy2st-opt %s --pydy-promote-variables --pydy-specialize="signature=tensor<3x4xf32>,tensor<2xi64>" | FileCheck %s

// Integer arrays in an index tuple (numpy's advanced indexing): each array
// checked and wrapped along its axis (a gather from arange(size) laid along
// that axis: an index out of range is an IndexError naming it), combined
// into one linear index over the indexed axes, merged into one.
// x[[1, 2], i] reads the rows of x reshaped to [12] at 4 * a + b:
// CHECK-LABEL: pydy.func @c5
// CHECK: %[[A:.*]] = pydy.lib_call "to_tensor"() {static_args = {data = [1, 2], stop_gradient = true}}
// CHECK: pydy.lib_call "gather"(%{{.*}}, %{{.*}}) {kwnames = ["x", "index"], static_args = {axis = 0 : i64}} : (tensor<3xi64>, tensor<2xi64>) -> tensor<2xi64>
// CHECK: %[[POS1:.*]] = pydy.lib_call "reshape"(%{{.*}}) {kwnames = ["x"], static_args = {shape = array<i64: 1, -1>}} : (tensor<4xi64>) -> tensor<1x4xi64>
// CHECK: pydy.lib_call "gather"(%[[POS1]], %{{.*}}) {kwnames = ["x", "index"], static_args = {axis = 1 : i64}} : (tensor<1x4xi64>, tensor<2xi64>) -> tensor<1x2xi64>
// CHECK: %[[SCALED:.*]] = pydy.binary mul %{{.*}}, %{{.*}} : (tensor<2xi64>, i64) -> tensor<2xi64>
// CHECK: %[[LINEAR:.*]] = pydy.binary add %[[SCALED]], %{{.*}} : (tensor<2xi64>, tensor<2xi64>) -> tensor<2xi64>
// CHECK: %[[ROWS:.*]] = pydy.lib_call "reshape"(%x) {kwnames = ["x"], static_args = {shape = array<i64: -1>}} : (tensor<3x4xf32>) -> tensor<12xf32>
// CHECK: %[[FLAT:.*]] = pydy.lib_call "flatten"(%[[LINEAR]])
// CHECK: pydy.lib_call "gather"(%[[ROWS]], %[[FLAT]]) {{.*}} : (tensor<12xf32>, tensor<2xi64>) -> tensor<2xf32>
// x[i, :] = 0.0: the value filled to the region [2, 4], put along axis 0 of
// x at the (wrapped) rows i.
// CHECK: %[[VALUES:.*]] = pydy.lib_call "reshape"(%{{.*}}) {kwnames = ["x"], static_args = {shape = array<i64: -1, 4>}} : (tensor<2x4xf32>) -> tensor<2x4xf32>
// CHECK: %[[COLUMN:.*]] = pydy.lib_call "reshape"(%{{.*}}) {kwnames = ["x"], static_args = {shape = array<i64: -1, 1>}} : (tensor<2xi64>) -> tensor<2x1xi64>
// CHECK: %[[INDICES:.*]] = pydy.lib_call "broadcast_to"(%[[COLUMN]]) {{.*}} -> tensor<2x4xi64>
// CHECK: pydy.lib_call "put_along_axis"(%{{.*}}, %[[INDICES]], %[[VALUES]]) {{.*}}axis = 0 : i64{{.*}} : (tensor<3x4xf32>, tensor<2x4xi64>, tensor<2x4xf32>) -> tensor<3x4xf32>
pydy.func @"c5"(%arg0: !pydy.object {pydy.name = "x"}, %arg1: !pydy.object {pydy.name = "i"}) -> !pydy.object {
  %v1 = pydy.load "x" : !pydy.object
  %v2 = pydy.constant 1 : i64
  %v3 = pydy.constant 2 : i64
  %v4 = pydy.list %v2, %v3 : (i64, i64) -> !pydy.object
  %v5 = pydy.load "i" : !pydy.object
  %v6 = pydy.tuple %v4, %v5 : (!pydy.object, !pydy.object) -> !pydy.object
  %v7 = pydy.subscript %v1[%v6] : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.store "y", %v7 : !pydy.object
  %v8 = pydy.constant 0.0 : f64
  %v9 = pydy.load "x" : !pydy.object
  %v10 = pydy.load "i" : !pydy.object
  %v11 = pydy.constant none
  %v12 = pydy.constant none
  %v13 = pydy.constant none
  %v14 = pydy.slice %v11, %v12, %v13 : !pydy.none, !pydy.none, !pydy.none
  %v15 = pydy.tuple %v10, %v14 : (!pydy.object, !pydy.slice) -> !pydy.object
  %v16 = pydy.setitem %v9[%v15] = %v8 : (!pydy.object, !pydy.object, f64) -> !pydy.object
  pydy.store "x", %v16 : !pydy.object
  %v17 = pydy.load "y" : !pydy.object
  %v18 = pydy.load "x" : !pydy.object
  %v19 = pydy.tuple %v17, %v18 : (!pydy.object, !pydy.object) -> !pydy.object
  %v20 = pydy.load "x" : !pydy.object
  %v21 = pydy.tuple %v19, %v20 : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %v21 : !pydy.object
}

