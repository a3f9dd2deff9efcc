// RUN: dy2st-opt %s --convert-pydy-to-core | FileCheck %s

// Python ints do not wrap: a 64-bit sum or product that overflows raises
// OverflowError (the sum: the result's sign differs from both operands'; the
// product: the high half of the full product is not the low half's sign).
// CHECK-DAG: llvm.mlir.global internal constant @{{.*}}("OverflowError\00")
// CHECK-LABEL: func.func @grow
// CHECK: %[[SUM:.*]] = arith.addi %arg0, %arg1 : i64
// CHECK-DAG: %[[XB:.*]] = arith.xori %arg1, %[[SUM]]
// CHECK-DAG: %[[XA:.*]] = arith.xori %arg0, %[[SUM]]
// CHECK: %[[BOTH:.*]] = arith.andi %[[XA]], %[[XB]]
// CHECK: arith.cmpi sge, %[[BOTH]]
// CHECK: func.call @dy2st_raise
// CHECK: %[[LOW:.*]], %[[HIGH:.*]] = arith.mulsi_extended
// CHECK: %[[SIGN:.*]] = arith.shrsi %[[LOW]]
// CHECK: arith.cmpi eq, %[[HIGH]], %[[SIGN]]
// CHECK: func.call @dy2st_raise
pydy.func @grow(%a: i64, %b: i64) -> i64 {
  %s = pydy.binary add %a, %b : (i64, i64) -> i64
  %p = pydy.binary mul %s, %b : (i64, i64) -> i64
  pydy.return %p : i64
}
