// RUN: dy2st-opt %s --convert-pydy-to-core | FileCheck %s

// A dynamic size meets a static 4: it must be 4 or 1 at run time (else a
// ValueError), and where it differs from the result's (it is 1 then) the
// operand is stretched first (a generic reading index 0 along it) so the
// elementwise generic keeps affine maps.
// CHECK: #[[ZERO:map[0-9]*]] = affine_map<(d0, d1) -> (0, d1)>
// CHECK-LABEL: func.func @add
// CHECK: %[[D:.*]] = tensor.dim %arg0
// CHECK: arith.maxsi %[[D]]
// CHECK: arith.ori
// CHECK: call @dy2st_raise
// CHECK: scf.if %{{.*}} -> (tensor<4x3xf32>)
// CHECK: %[[STRETCH:.*]] = arith.cmpi ne, %{{.*}}, %{{.*}} : index
// CHECK: %[[H:.*]] = scf.if %[[STRETCH]] -> (tensor<?x3xf32>)
// CHECK: linalg.generic {indexing_maps = [#[[ZERO]], #{{map[0-9]*}}]{{.*}} ins(%arg0
// CHECK: } else {
// CHECK-NEXT: scf.yield %arg0
// CHECK: linalg.generic {{.*}} ins(%[[H]], %arg1 : tensor<?x3xf32>, tensor<4x3xf32>)
pydy.func @add(%h: tensor<?x3xf32>, %x: tensor<4x3xf32>) -> tensor<4x3xf32> {
  %s = pydy.binary add %h, %x : (tensor<?x3xf32>, tensor<4x3xf32>) -> tensor<4x3xf32>
  pydy.return %s : tensor<4x3xf32>
}
