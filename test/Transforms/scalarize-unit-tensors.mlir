// RUN: dy2st-opt %s --dy2st-scalarize-unit-tensors | FileCheck %s

// `while x < limit: x = x + 1.0` on a tensor<1xf32>: the loop carries an f32
// and its body is scalar arithmetic; the result is rebuilt once after it.
// CHECK-LABEL: func.func @scalar_while
// CHECK: %[[INIT:.*]] = tensor.extract %arg0
// CHECK: %[[R:.*]] = scf.while (%[[X:.*]] = %[[INIT]]) : (f32) -> f32
// CHECK:   %[[LT:.*]] = arith.cmpf olt, %[[X]], %arg1
// CHECK:   scf.condition(%[[LT]]) %[[X]] : f32
// CHECK: ^bb0(%[[Y:.*]]: f32):
// CHECK-NOT: tensor.
// CHECK-NOT: linalg.
// CHECK:   %[[NEXT:.*]] = arith.addf %[[Y]]
// CHECK:   scf.yield %[[NEXT]] : f32
// CHECK: tensor.from_elements %[[R]] : tensor<1xf32>
#map = affine_map<(d0) -> (d0)>
func.func @scalar_while(%x: tensor<1xf32>, %limit: f32) -> tensor<1xf32> {
  %one = arith.constant 1.0 : f32
  %c0 = arith.constant 0 : index
  %r = scf.while (%a = %x) : (tensor<1xf32>) -> tensor<1xf32> {
    %e = tensor.empty() : tensor<1xi1>
    %cmp = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]}
        ins(%a : tensor<1xf32>) outs(%e : tensor<1xi1>) {
    ^bb0(%in: f32, %o: i1):
      %lt = arith.cmpf olt, %in, %limit : f32
      linalg.yield %lt : i1
    } -> tensor<1xi1>
    %c = tensor.extract %cmp[%c0] : tensor<1xi1>
    scf.condition(%c) %a : tensor<1xf32>
  } do {
  ^bb0(%b: tensor<1xf32>):
    %e = tensor.empty() : tensor<1xf32>
    %sum = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]}
        ins(%b : tensor<1xf32>) outs(%e : tensor<1xf32>) {
    ^bb0(%in: f32, %o: f32):
      %s = arith.addf %in, %one : f32
      linalg.yield %s : f32
    } -> tensor<1xf32>
    scf.yield %sum : tensor<1xf32>
  }
  return %r : tensor<1xf32>
}

// An scf.for carrying a 0-d tensor and a larger one: only the 0-d one
// becomes a scalar; a fill of it is its value.
// CHECK-LABEL: func.func @for_loop
// CHECK: scf.for {{.*}} iter_args(%[[S:.*]] = %{{.*}}, %[[V:.*]] = %arg0) -> (f64, tensor<4xf64>)
// CHECK:   arith.mulf %[[S]]
// CHECK:   scf.yield {{.*}} : f64, tensor<4xf64>
func.func @for_loop(%v: tensor<4xf64>, %n: index) -> (tensor<f64>, tensor<4xf64>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %two = arith.constant 2.0 : f64
  %e = tensor.empty() : tensor<f64>
  %init = linalg.fill ins(%two : f64) outs(%e : tensor<f64>) -> tensor<f64>
  %r:2 = scf.for %i = %c0 to %n step %c1 iter_args(%s = %init, %w = %v) -> (tensor<f64>, tensor<4xf64>) {
    %e2 = tensor.empty() : tensor<f64>
    %sq = linalg.generic {indexing_maps = [affine_map<() -> ()>, affine_map<() -> ()>], iterator_types = []}
        ins(%s : tensor<f64>) outs(%e2 : tensor<f64>) {
    ^bb0(%in: f64, %o: f64):
      %m = arith.mulf %in, %in : f64
      linalg.yield %m : f64
    } -> tensor<f64>
    scf.yield %sq, %w : tensor<f64>, tensor<4xf64>
  }
  return %r#0, %r#1 : tensor<f64>, tensor<4xf64>
}
