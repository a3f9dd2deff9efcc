// RUN: dy2st-opt %s --convert-pydy-to-core | FileCheck %s

// Shifts of Python ints: a negative count raises ValueError, a `<<` whose
// result does not shift back to the operand OverflowError; a count outside
// [0, 64) shifts every bit out (the sign of `>>`), where arith's shifts would
// be poison.
// CHECK-DAG: llvm.mlir.global internal constant @{{.*}}("ValueError\00")
// CHECK-DAG: llvm.mlir.global internal constant @{{.*}}("OverflowError\00")
// CHECK-LABEL: func.func @python_shifts
// CHECK: arith.cmpi sge, %arg1
// CHECK: func.call @dy2st_raise
// CHECK: %[[IN:.*]] = arith.cmpi ult, %arg1
// CHECK: %[[COUNT:.*]] = arith.select %[[IN]], %arg1
// CHECK: %[[LEFT:.*]] = arith.shli %arg0, %[[COUNT]] : i64
// CHECK: %[[SHIFTED:.*]] = arith.select %[[IN]], %[[LEFT]]
// CHECK: arith.shrsi %[[SHIFTED]]
// CHECK: arith.cmpi eq
// CHECK: func.call @dy2st_raise
// CHECK: arith.shrsi %arg0
// CHECK: arith.andi %arg0, %arg1 : i64
pydy.func @python_shifts(%a: i64, %n: i64) -> tuple<i64, i64, i64> {
  %0 = pydy.binary lshift %a, %n : (i64, i64) -> i64
  %1 = pydy.binary rshift %a, %n : (i64, i64) -> i64
  %2 = pydy.binary bitand %a, %n : (i64, i64) -> i64
  %t = pydy.tuple %0, %1, %2 : (i64, i64, i64) -> tuple<i64, i64, i64>
  pydy.return %t : tuple<i64, i64, i64>
}

// Of tensors, Paddle's kernels: no exception, elementwise in a linalg.generic.
// CHECK-LABEL: func.func @tensor_shifts
// CHECK-NOT: dy2st_raise
// CHECK: linalg.generic
// CHECK: arith.cmpi ult
// CHECK: arith.shrsi
// CHECK: arith.constant 31 : i32
// CHECK: arith.shrsi
// CHECK: arith.select
pydy.func @tensor_shifts(%x: tensor<4xi32>, %c: tensor<4xi32>) -> tensor<4xi32> {
  %0 = pydy.binary rshift %x, %c : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  pydy.return %0 : tensor<4xi32>
}
