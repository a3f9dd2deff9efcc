// RUN: dy2st-opt %s --convert-pydy-to-core | FileCheck %s

// `a, b = x.shape` of a tensor with dynamic dimensions: each name is a
// dimension read at run time.
// CHECK-LABEL: func.func @unpacked_shape
// CHECK-DAG: %[[C0:.*]] = arith.constant 0 : index
// CHECK-DAG: %[[C1:.*]] = arith.constant 1 : index
// CHECK-DAG: %[[D0:.*]] = tensor.dim %{{.*}}, %[[C0]] : tensor<?x?xi32>
// CHECK-DAG: %[[D1:.*]] = tensor.dim %{{.*}}, %[[C1]] : tensor<?x?xi32>
// CHECK-DAG: %[[A:.*]] = arith.index_cast %[[D0]] : index to i64
// CHECK-DAG: %[[B:.*]] = arith.index_cast %[[D1]] : index to i64
// CHECK: arith.muli %[[A]], %[[B]]
// CHECK-NOT: pydy.list
pydy.func @unpacked_shape(%x: tensor<?x?xi32>) -> i64 {
  %shape = pydy.attr %x, "shape" : tensor<?x?xi32> -> !pydy.list<i64, i64>
  %dims:2 = pydy.unpack %shape : !pydy.list<i64, i64> -> i64, i64
  %size = pydy.binary mul %dims#0, %dims#1 : (i64, i64) -> i64
  pydy.return %size : i64
}
