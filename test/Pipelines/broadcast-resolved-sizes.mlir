// RUN: dy2st-opt %s --dy2st-pydy-to-core="signature=tensor<?x?xf32>" | FileCheck %s

// The sizes of two results made apart need no broadcast test when each has
// its size from one operand (two reductions of one argument, the sum's a
// branch's result): no size is compared, so no maximum of two to size a
// broadcast copy.
// CHECK-LABEL: func.func @sizes_through_ops
// CHECK-NOT: arith.maxsi
// CHECK: arith.mulf
// CHECK-NOT: arith.maxsi
// CHECK: return
pydy.func @sizes_through_ops(%x: !pydy.object) -> !pydy.object {
  %one = pydy.constant 1 : i64
  %e = pydy.lib_call "exp"(%x) : (!pydy.object) -> !pydy.object
  %a = pydy.lib_call "sum"(%e, %one) {kwnames = ["axis"]} : (!pydy.object, i64) -> !pydy.object
  %b = pydy.lib_call "max"(%x, %one) {kwnames = ["axis"]} : (!pydy.object, i64) -> !pydy.object
  %s = pydy.binary mul %a, %b : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %s : !pydy.object
}
