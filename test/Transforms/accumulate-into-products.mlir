// RUN: dy2st-opt %s --dy2st-accumulate-into-products | FileCheck %s

#id = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d1)>
#id3 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#last3 = affine_map<(d0, d1, d2) -> (d2)>

// A linear layer: the bias becomes the product's starting value.
// CHECK-LABEL: func.func @linear
// CHECK: %[[START:.*]] = linalg.generic {{.*}} ins(%{{.*}}, %{{.*}} : tensor<8xf32>, tensor<4x8xf32>)
// CHECK-NEXT: ^bb0(%[[B:.*]]: f32, %[[X:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[SUM:.*]] = arith.addf %[[X]], %[[B]] : f32
// CHECK-NEXT: linalg.yield %[[SUM]] : f32
// CHECK: %[[P:.*]] = linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<4x16xf32>, tensor<16x8xf32>) outs(%[[START]] : tensor<4x8xf32>)
// CHECK-NEXT: return %[[P]]
func.func @linear(%a: tensor<4x16xf32>, %w: tensor<16x8xf32>, %b: tensor<8xf32>, %x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x8xf32>
  %z = linalg.fill ins(%zero : f32) outs(%e : tensor<4x8xf32>) -> tensor<4x8xf32>
  %p = linalg.matmul ins(%a, %w : tensor<4x16xf32>, tensor<16x8xf32>) outs(%z : tensor<4x8xf32>) -> tensor<4x8xf32>
  %r = linalg.generic {indexing_maps = [#row, #id, #id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%b, %p, %x : tensor<8xf32>, tensor<4x8xf32>, tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) {
  ^bb0(%bi: f32, %pi: f32, %xi: f32, %o: f32):
    %s = arith.addf %pi, %bi : f32
    %t = arith.addf %xi, %s : f32
    linalg.yield %t : f32
  } -> tensor<4x8xf32>
  return %r : tensor<4x8xf32>
}

// A product of a merged batch, seen through its expand_shape: the start is
// computed in the expanded shape and collapsed for the product.
// CHECK-LABEL: func.func @merged_batch
// CHECK: %[[START:.*]] = linalg.generic {{.*}} ins(%{{.*}} : tensor<16xf32>) outs(%{{.*}} : tensor<2x3x16xf32>)
// CHECK: %[[FLAT:.*]] = tensor.collapse_shape %[[START]] {{\[}}[0, 1], [2]] : tensor<2x3x16xf32> into tensor<6x16xf32>
// CHECK: %[[P:.*]] = linalg.matmul ins({{.*}}) outs(%[[FLAT]] : tensor<6x16xf32>)
// CHECK: %[[R:.*]] = tensor.expand_shape %[[P]]
// CHECK-NEXT: return %[[R]]
func.func @merged_batch(%a: tensor<6x4xf32>, %w: tensor<4x16xf32>, %b: tensor<16xf32>) -> tensor<2x3x16xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<6x16xf32>
  %z = linalg.fill ins(%zero : f32) outs(%e : tensor<6x16xf32>) -> tensor<6x16xf32>
  %p = linalg.matmul ins(%a, %w : tensor<6x4xf32>, tensor<4x16xf32>) outs(%z : tensor<6x16xf32>) -> tensor<6x16xf32>
  %split = tensor.expand_shape %p [[0, 1], [2]] output_shape [2, 3, 16] : tensor<6x16xf32> into tensor<2x3x16xf32>
  %e3 = tensor.empty() : tensor<2x3x16xf32>
  %r = linalg.generic {indexing_maps = [#id3, #last3, #id3], iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%split, %b : tensor<2x3x16xf32>, tensor<16xf32>) outs(%e3 : tensor<2x3x16xf32>) {
  ^bb0(%pi: f32, %bi: f32, %o: f32):
    %s = arith.addf %pi, %bi : f32
    linalg.yield %s : f32
  } -> tensor<2x3x16xf32>
  return %r : tensor<2x3x16xf32>
}

// Left alone: a product scaled before the sum, a product read twice, a
// product that does not start from zeros.
// CHECK-LABEL: func.func @left_alone
// CHECK: %[[Z0:.*]] = linalg.fill
// CHECK-NEXT: %[[P0:.*]] = linalg.matmul {{.*}} outs(%[[Z0]] :
// CHECK-NEXT: linalg.generic {{.*}} ins(%[[P0]], %{{.*}} :
// CHECK: %[[Z1:.*]] = linalg.fill
// CHECK-NEXT: %[[P1:.*]] = linalg.matmul {{.*}} outs(%[[Z1]] :
// CHECK-NEXT: linalg.generic {{.*}} ins(%[[P1]], %{{.*}} :
// CHECK: %[[Z2:.*]] = linalg.fill
// CHECK-NEXT: %[[P2:.*]] = linalg.matmul {{.*}} outs(%[[Z2]] :
// CHECK-NEXT: linalg.generic {{.*}} ins(%[[P2]], %{{.*}} :
func.func @left_alone(%a: tensor<4x16xf32>, %w: tensor<16x8xf32>, %b: tensor<4x8xf32>) -> (tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>) {
  %zero = arith.constant 0.0 : f32
  %one = arith.constant 1.0 : f32
  %two = arith.constant 2.0 : f32
  %e = tensor.empty() : tensor<4x8xf32>
  %z = linalg.fill ins(%zero : f32) outs(%e : tensor<4x8xf32>) -> tensor<4x8xf32>
  %p0 = linalg.matmul ins(%a, %w : tensor<4x16xf32>, tensor<16x8xf32>) outs(%z : tensor<4x8xf32>) -> tensor<4x8xf32>
  %scaled = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%p0, %b : tensor<4x8xf32>, tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) {
  ^bb0(%pi: f32, %bi: f32, %o: f32):
    %m = arith.mulf %pi, %two : f32
    %s = arith.addf %m, %bi : f32
    linalg.yield %s : f32
  } -> tensor<4x8xf32>
  %z1 = linalg.fill ins(%zero : f32) outs(%e : tensor<4x8xf32>) -> tensor<4x8xf32>
  %p1 = linalg.matmul ins(%a, %w : tensor<4x16xf32>, tensor<16x8xf32>) outs(%z1 : tensor<4x8xf32>) -> tensor<4x8xf32>
  %twice = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%p1, %b : tensor<4x8xf32>, tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) {
  ^bb0(%pi: f32, %bi: f32, %o: f32):
    %s = arith.addf %pi, %bi : f32
    linalg.yield %s : f32
  } -> tensor<4x8xf32>
  %ones = linalg.fill ins(%one : f32) outs(%e : tensor<4x8xf32>) -> tensor<4x8xf32>
  %p2 = linalg.matmul ins(%a, %w : tensor<4x16xf32>, tensor<16x8xf32>) outs(%ones : tensor<4x8xf32>) -> tensor<4x8xf32>
  %shifted = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%p2, %b : tensor<4x8xf32>, tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) {
  ^bb0(%pi: f32, %bi: f32, %o: f32):
    %s = arith.addf %pi, %bi : f32
    linalg.yield %s : f32
  } -> tensor<4x8xf32>
  return %scaled, %twice, %p1, %shifted : tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>
}
