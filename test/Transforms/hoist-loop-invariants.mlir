// RUN: dy2st-opt %s --dy2st-hoist-loop-invariants | FileCheck %s
// RUN: dy2st-opt %s --loop-invariant-code-motion | FileCheck %s --check-prefix=UPSTREAM

// Upstream hoists the zero fill, which the product then overwrites.
// UPSTREAM: linalg.fill ins(%cst
// UPSTREAM: scf.for
// UPSTREAM-NOT: linalg.fill

// Invariant ops leave the loop as with loop-invariant-code-motion, but a fill
// that a product in the loop accumulates into stays next to it (hoisted, it
// would be copied at every iteration and the gemm would lose beta = 0);
// tensor.empty, which has nothing to copy, is hoisted.
// CHECK-LABEL: func.func @step
// CHECK: tensor.empty() : tensor<4x8xf32>
// CHECK-NEXT: %[[EMPTY:.*]] = tensor.empty() : tensor<4x8xf32>
// CHECK-NEXT: %[[SCALED:.*]] = arith.mulf
// CHECK-NEXT: %[[READ:.*]] = linalg.fill ins(%[[SCALED]] : f32) outs(%[[EMPTY]] : tensor<4x8xf32>)
// CHECK-NEXT: scf.for
// CHECK-NEXT: %[[ZERO:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[EMPTY]] : tensor<4x8xf32>)
// CHECK-NEXT: %[[PRODUCT:.*]] = linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<4x16xf32>, tensor<16x8xf32>) outs(%[[ZERO]] : tensor<4x8xf32>)
// CHECK-NEXT: linalg.add ins(%[[PRODUCT]], %[[READ]] : tensor<4x8xf32>, tensor<4x8xf32>)
func.func @step(%h: tensor<4x16xf32>, %w: tensor<16x8xf32>, %n: index, %s: f32) -> tensor<4x8xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f32
  %init = tensor.empty() : tensor<4x8xf32>
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %init) -> tensor<4x8xf32> {
    %e = tensor.empty() : tensor<4x8xf32>
    %z = linalg.fill ins(%zero : f32) outs(%e : tensor<4x8xf32>) -> tensor<4x8xf32>
    %p = linalg.matmul ins(%h, %w : tensor<4x16xf32>, tensor<16x8xf32>) outs(%z : tensor<4x8xf32>) -> tensor<4x8xf32>
    %scaled = arith.mulf %s, %s : f32
    %b = linalg.fill ins(%scaled : f32) outs(%e : tensor<4x8xf32>) -> tensor<4x8xf32>
    %sum = linalg.add ins(%p, %b : tensor<4x8xf32>, tensor<4x8xf32>) outs(%acc : tensor<4x8xf32>) -> tensor<4x8xf32>
    scf.yield %sum : tensor<4x8xf32>
  }
  return %r : tensor<4x8xf32>
}
