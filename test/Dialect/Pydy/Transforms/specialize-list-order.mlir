// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<2xf32>" | FileCheck %s

// l = [x, x * 2]; l.reverse(); m = [1]; m.clear(); return l, m
// A list of compile-time length reversed and cleared item by item: the
// updated list is a new list value.
// CHECK-LABEL: pydy.func @order
// CHECK:       %[[TWICE:.*]] = pydy.binary mul %x, %{{.*}} : (tensor<2xf32>, i64) -> tensor<2xf32>
// CHECK-NOT:   pydy.call_method
// CHECK:       %[[REVERSED:.*]] = pydy.list %[[TWICE]], %x : (tensor<2xf32>, tensor<2xf32>)
// CHECK:       %[[CLEARED:.*]] = pydy.list  : () -> !pydy.list<>
// CHECK:       pydy.tuple %[[REVERSED]], %[[CLEARED]]
pydy.func @order(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant 2 : i64
  %1 = pydy.binary mul %x, %0 : (!pydy.object, i64) -> !pydy.object
  %2 = pydy.list %x, %1 : (!pydy.object, !pydy.object) -> !pydy.object
  %r, %reversed = pydy.call_method %2, "reverse"() : !pydy.object, () -> (!pydy.object, !pydy.object)
  %3 = pydy.constant 1 : i64
  %4 = pydy.list %3 : (i64) -> !pydy.object
  %c, %cleared = pydy.call_method %4, "clear"() : !pydy.object, () -> (!pydy.object, !pydy.object)
  %5 = pydy.tuple %reversed, %cleared : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %5 : !pydy.object
}
