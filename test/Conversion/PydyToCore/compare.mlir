// RUN: dy2st-opt %s --convert-pydy-to-core | FileCheck %s

// Comparisons compute in the promoted type and give bool tensors; `not` on a
// tensor is the logical not.
// CHECK-LABEL: func.func @compare
// CHECK: linalg.generic
// CHECK:   %[[F:.*]] = arith.sitofp %{{.*}} : i64 to f32
// CHECK:   arith.cmpf oge, %{{.*}}, %[[F]] : f32
// CHECK:   linalg.yield %{{.*}} : i1
// CHECK: linalg.generic
// CHECK:   arith.xori %{{.*}}, %true : i1
// CHECK: -> tensor<3xi1>
pydy.func @compare(%x: tensor<3xf32>, %y: tensor<3xi64>) -> tensor<3xi1> {
  %0 = pydy.compare ge %x, %y : (tensor<3xf32>, tensor<3xi64>) -> tensor<3xi1>
  %1 = pydy.unary not %0 : (tensor<3xi1>) -> tensor<3xi1>
  pydy.return %1 : tensor<3xi1>
}
