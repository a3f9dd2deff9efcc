// RUN: dy2st-opt %s --convert-pydy-to-core | FileCheck %s

// CHECK-LABEL: func.func @halve
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32> {bufferization.writable = false}) -> (tensor<4xf32>, i64)
// CHECK: %[[R:.*]]:2 = scf.while (%[[A:.*]] = %{{.*}}, %[[B:.*]] = %[[X]]) : (i64, tensor<4xf32>) -> (i64, tensor<4xf32>) {
// CHECK:   linalg.reduce
// CHECK:   %[[C:.*]] = tensor.extract %{{.*}}[] : tensor<i1>
// CHECK:   scf.condition(%[[C]]) %[[A]], %[[B]] : i64, tensor<4xf32>
// CHECK: } do {
// CHECK: ^bb0(%[[I:.*]]: i64, %[[Y:.*]]: tensor<4xf32>):
// CHECK:   %[[NEXT:.*]] = arith.addi %[[I]], %{{.*}} : i64
// CHECK:   scf.yield %[[NEXT]], %{{.*}} : i64, tensor<4xf32>
// CHECK: return %[[R]]#1, %[[R]]#0 : tensor<4xf32>, i64
pydy.func @halve(%x: tensor<4xf32>) -> tuple<tensor<4xf32>, i64> {
  %c0 = pydy.constant 0 : i64
  %0:2 = pydy.while(%c0, %x : i64, tensor<4xf32>) -> i64, tensor<4xf32> {
  ^bb0(%i: i64, %y: tensor<4xf32>):
    %s = pydy.lib_call "sum"(%y) {kwnames = ["x"], static_args = {axis = [0], keepdim = false}} : (tensor<4xf32>) -> tensor<f32>
    %lim = pydy.constant 1.0 : f64
    %c = pydy.compare gt %s, %lim : (tensor<f32>, f64) -> tensor<i1>
    pydy.condition(%c : tensor<i1>) %i, %y : i64, tensor<4xf32>
  } do {
  ^bb0(%i: i64, %y: tensor<4xf32>):
    %two = pydy.constant 2.0 : f64
    %h = pydy.binary div %y, %two : (tensor<4xf32>, f64) -> tensor<4xf32>
    %one = pydy.constant 1 : i64
    %n = pydy.binary add %i, %one : (i64, i64) -> i64
    pydy.yield %n, %h : i64, tensor<4xf32>
  }
  %t = pydy.tuple %0#1, %0#0 : (tensor<4xf32>, i64) -> tuple<tensor<4xf32>, i64>
  pydy.return %t : tuple<tensor<4xf32>, i64>
}
