// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<2xf32>" | FileCheck %s

// l.extend(t) of a tuple is `l + list(t)`: the list of both lists' items;
// l.copy() is the same value (compiled lists are values).
// CHECK-LABEL: pydy.func @extend_and_copy
// CHECK: %[[L:.*]] = pydy.list %x, %x, %[[ONE:.*]] : (tensor<2xf32>, tensor<2xf32>, i64) -> !pydy.list<tensor<2xf32>, tensor<2xf32>, i64>
// CHECK: %[[R:.*]] = pydy.tuple %[[L]], %[[L]]
// CHECK: pydy.return %[[R]]
pydy.func @extend_and_copy(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %l = pydy.list %x : (!pydy.object) -> !pydy.object
  %one = pydy.constant 1 : i64
  %t = pydy.tuple %x, %one : (!pydy.object, i64) -> !pydy.object
  %none, %extended = pydy.call_method %l, "extend"(%t) : !pydy.object, (!pydy.object) -> (!pydy.object, !pydy.object)
  %copy, %same = pydy.call_method %extended, "copy"() : !pydy.object, () -> (!pydy.object, !pydy.object)
  %r = pydy.tuple %same, %copy : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %r : !pydy.object
}
