// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<2xf32>" | FileCheck %s

// paddle.utils.flatten and pack_sequence_as on a structure known at compile
// time: the leaves depth first (a dict's by sorted key), and back.
// CHECK-LABEL: pydy.func @structures
// CHECK: %[[TWICE:.*]] = pydy.binary mul %x
// CHECK: %[[FLAT:.*]] = pydy.list %[[TWICE]], %x : (tensor<2xf32>, tensor<2xf32>) -> !pydy.list<tensor<2xf32>, tensor<2xf32>>
// CHECK: %[[BACK:.*]] = pydy.dict keys(%{{.*}}, %{{.*}} : !pydy.str, !pydy.str) values(%x, %[[TWICE]] : tensor<2xf32>, tensor<2xf32>)
// CHECK: pydy.tuple %[[FLAT]], %[[BACK]]
pydy.func @structures(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %two = pydy.constant 2.0 : f64
  %y = pydy.binary mul %x, %two : (!pydy.object, f64) -> !pydy.object
  %kb = pydy.constant "b"
  %ka = pydy.constant "a"
  %nest = pydy.dict keys(%kb, %ka : !pydy.str, !pydy.str) values(%x, %y : !pydy.object, !pydy.object) -> !pydy.object
  %flat:2 = pydy.call_method %nest, "__flatten__"() : !pydy.object, () -> (!pydy.object, !pydy.object)
  %back:2 = pydy.call_method %nest, "__pack__"(%flat#0) : !pydy.object, (!pydy.object) -> (!pydy.object, !pydy.object)
  %t = pydy.tuple %flat#0, %back#0 : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %t : !pydy.object
}
