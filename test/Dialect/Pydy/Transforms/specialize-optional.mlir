// RUN: dy2st-opt %s --pydy-promote-variables --pydy-specialize="signature=tensor<2xf32>,tensor<i64>" | FileCheck %s

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
pydy.func @none_then_tensor(%arg0: !pydy.object {pydy.name = "x"}, %arg1: !pydy.object {pydy.name = "n"}) -> !pydy.object {
  %none = pydy.constant none
  pydy.store "h", %none : !pydy.none
  pydy.while {
    %nn = pydy.load "n" : !pydy.object
    %zero = pydy.constant 0 : i64
    %c = pydy.compare gt %nn, %zero : (!pydy.object, i64) -> !pydy.object
    pydy.condition(%c : !pydy.object)
  } do {
    %h = pydy.load "h" : !pydy.object
    %none2 = pydy.constant none
    %isnone = pydy.compare is %h, %none2 : (!pydy.object, !pydy.none) -> !pydy.object
    pydy.if %isnone : !pydy.object {
      %x = pydy.load "x" : !pydy.object
      pydy.store "h", %x : !pydy.object
    } else {
      %x = pydy.load "x" : !pydy.object
      %s = pydy.binary add %h, %x : (!pydy.object, !pydy.object) -> !pydy.object
      pydy.store "h", %s : !pydy.object
    }
    %nn = pydy.load "n" : !pydy.object
    %one = pydy.constant 1 : i64
    %m = pydy.binary sub %nn, %one : (!pydy.object, i64) -> !pydy.object
    pydy.store "n", %m : !pydy.object
    pydy.yield
  }
  %r = pydy.load "h" : !pydy.object
  %x = pydy.load "x" : !pydy.object
  %y = pydy.binary add %r, %x : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %y : !pydy.object
}
