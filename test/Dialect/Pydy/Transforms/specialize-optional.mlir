// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<2xf32>,tensor<i64>" | FileCheck %s

// A variable that is None before a runtime loop and a tensor in it is an
// optional tensor: `is None` tests its flag, a use reads its value (a
// TypeError at run time where it is None), a yield carries it on.
// CHECK-LABEL: pydy.func @none_then_tensor
// CHECK: %[[ABSENT:.*]] = pydy.constant false
// CHECK: %[[ZERO:.*]] = pydy.undef "none" : tensor<2xf32>
// CHECK: %[[INIT:.*]] = pydy.optional %[[ABSENT]], %[[ZERO]] : tensor<2xf32> -> <tensor<2xf32>>
// CHECK: pydy.while(%[[INIT]], %{{.*}} : !pydy.optional<tensor<2xf32>>, tensor<i64>)
// CHECK: } do {
// CHECK: ^bb0(%[[H:.*]]: !pydy.optional<tensor<2xf32>>, %{{.*}}: tensor<i64>):
// CHECK: %[[PRESENT:.*]] = pydy.is_present %[[H]]
// CHECK: pydy.unary not %[[PRESENT]]
// CHECK: pydy.optional_value %[[H]] : <tensor<2xf32>> -> tensor<2xf32>
// CHECK: %[[TRUE:.*]] = pydy.constant true
// CHECK: %[[NEXT:.*]] = pydy.optional %[[TRUE]], %{{.*}} : tensor<2xf32> -> <tensor<2xf32>>
// CHECK: pydy.yield %[[NEXT]]
// CHECK: %[[AFTER:.*]] = pydy.optional_value %{{.*}}#0 : <tensor<2xf32>> -> tensor<2xf32>
// CHECK: pydy.binary add %[[AFTER]], %x
pydy.func @none_then_tensor(%x: !pydy.object {pydy.name = "x"}, %n: !pydy.object {pydy.name = "n"}) -> !pydy.object {
  %0 = pydy.constant none
  %1:2 = pydy.while(%0, %n : !pydy.none, !pydy.object) -> !pydy.object, !pydy.object {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
    %3 = pydy.constant 0 : i64
    %4 = pydy.compare gt %arg1, %3 : (!pydy.object, i64) -> !pydy.object
    pydy.condition(%4 : !pydy.object) %arg0, %arg1 : !pydy.object, !pydy.object
  } do {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
    %3 = pydy.constant none
    %4 = pydy.compare is %arg0, %3 : (!pydy.object, !pydy.none) -> !pydy.object
    %5 = pydy.if %4 : !pydy.object -> !pydy.object {
      pydy.yield %x : !pydy.object
    } else {
      %8 = pydy.binary add %arg0, %x : (!pydy.object, !pydy.object) -> !pydy.object
      pydy.yield %8 : !pydy.object
    } {names = ["h"]}
    %6 = pydy.constant 1 : i64
    %7 = pydy.binary sub %arg1, %6 : (!pydy.object, i64) -> !pydy.object
    pydy.yield %5, %7 : !pydy.object, !pydy.object
  } {names = ["h", "n"]}
  %2 = pydy.binary add %1#0, %x : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %2 : !pydy.object
}
