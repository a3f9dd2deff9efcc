// RUN: dy2st-opt %s --split-input-file --pydy-specialize="signature=tensor<3xi64>,tensor<1xi32>" | FileCheck %s
// RUN: dy2st-opt %s --split-input-file --verify-diagnostics --pydy-specialize="signature=tensor<?xi64>,tensor<1xi32>" -o /dev/null

// An item of a NumPy array read at a 0-d index is a Python number (int() of
// the 0-d tensor): an int32 accumulator stays int32, as with NumPy's scalar.
// A whole array is the tensor itself.
// CHECK-LABEL: pydy.func @items
// CHECK: %[[ITEM:.*]] = pydy.subscript %x[%{{.*}}] : (tensor<3xi64>, i64) -> tensor<i64>
// CHECK: %[[N:.*]] = pydy.unary to_int %[[ITEM]] : (tensor<i64>) -> i64
// CHECK: %[[SUM:.*]] = pydy.binary add %acc, %[[N]] : (tensor<1xi32>, i64) -> tensor<1xi32>
// CHECK: pydy.tuple %[[SUM]], %x :
pydy.func @"items"(%arg0: !pydy.object {pydy.name = "x"}, %arg1: !pydy.object {pydy.name = "acc"}) -> !pydy.object {
  %zero = pydy.constant 0 : i64
  %item = pydy.subscript %arg0[%zero] : (!pydy.object, i64) -> !pydy.object
  %number = pydy.unary numpy_item %item : (!pydy.object) -> !pydy.object
  %sum = pydy.binary add %arg1, %number : (!pydy.object, !pydy.object) -> !pydy.object
  %whole = pydy.unary numpy_item %arg0 : (!pydy.object) -> !pydy.object
  %t = pydy.tuple %sum, %whole : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %t : !pydy.object
}

// -----

// `a, b, c = t`: the items of the tensor's first dimension; their number
// must be known when compiling (the second RUN line: a dynamic one).
// CHECK-LABEL: pydy.func @unpack
// CHECK: %[[C0:.*]] = pydy.constant 0 : i64
// CHECK: %[[A:.*]] = pydy.subscript %x[%[[C0]]] : (tensor<3xi64>, i64) -> tensor<i64>
// CHECK: %[[C2:.*]] = pydy.constant 2 : i64
// CHECK: %[[C:.*]] = pydy.subscript %x[%[[C2]]] : (tensor<3xi64>, i64) -> tensor<i64>
// CHECK: pydy.binary add %[[A]], %[[C]]
pydy.func @"unpack"(%arg0: !pydy.object {pydy.name = "x"}, %arg1: !pydy.object {pydy.name = "acc"}) -> !pydy.object {
  // expected-error@+1 {{unpacking an int64 tensor of shape [?]: the number of values must be known when compiling}}
  %v:3 = pydy.unpack %arg0 : !pydy.object -> !pydy.object, !pydy.object, !pydy.object
  %s = pydy.binary add %v#0, %v#2 : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %s : !pydy.object
}
