// RUN: dy2st-opt %s --convert-pydy-to-core | FileCheck %s

// Comparisons compute in the promoted type and give bool tensors;
// logical_not is elementwise, while Python's `not` gives a bool from the truth
// of a one-element tensor.
// CHECK-LABEL: func.func @compare
// CHECK: linalg.generic
// CHECK:   %[[F:.*]] = arith.sitofp %{{.*}} : i64 to f32
// CHECK:   arith.cmpf oge, %{{.*}}, %[[F]] : f32
// CHECK:   linalg.yield %{{.*}} : i1
// CHECK: linalg.generic
// CHECK:   arith.xori %{{.*}}, %{{.*}} : i1
// CHECK: -> tensor<3xi1>
// CHECK: %[[E:.*]] = tensor.extract %{{.*}}[%{{.*}}] : tensor<1xf32>
// CHECK: %[[T:.*]] = arith.cmpf une, %[[E]], %{{.*}} : f32
// CHECK: arith.xori %[[T]], %true : i1
pydy.func @compare(%x: tensor<3xf32>, %y: tensor<3xi64>, %z: tensor<1xf32>) -> tuple<tensor<3xi1>, i1> {
  %0 = pydy.compare ge %x, %y : (tensor<3xf32>, tensor<3xi64>) -> tensor<3xi1>
  %1 = pydy.lib_call "logical_not"(%0) {kwnames = ["x"], static_args = {}} : (tensor<3xi1>) -> tensor<3xi1>
  %2 = pydy.unary not %z : (tensor<1xf32>) -> i1
  %t = pydy.tuple %1, %2 : (tensor<3xi1>, i1) -> tuple<tensor<3xi1>, i1>
  pydy.return %t : tuple<tensor<3xi1>, i1>
}
