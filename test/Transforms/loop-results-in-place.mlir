// RUN: dy2st-opt %s --dy2st-loop-results-in-place | FileCheck %s
// RUN: dy2st-opt %s --dy2st-loop-results-in-place --one-shot-bufferize="bufferize-function-boundaries allow-return-allocs-from-loops" | FileCheck %s --check-prefix=BUFFERS
// RUN: dy2st-opt %s --one-shot-bufferize="bufferize-function-boundaries allow-return-allocs-from-loops" | FileCheck %s --check-prefix=BEFORE

#id = affine_map<(d0, d1) -> (d0, d1)>

// An RNN's step: the new state computed from the old one into a fresh
// tensor becomes computed into the old one's place.
// CHECK-LABEL: func.func @while_state
// CHECK: ^bb0(%[[N:.*]]: i64, %[[H:.*]]: tensor<4x8xf32>):
// CHECK: linalg.generic {{.*}} ins(%[[H]], %{{.*}} : tensor<4x8xf32>, tensor<4x8xf32>) outs(%[[H]] : tensor<4x8xf32>)
// Without the pass scf.while's bufferization copies the state at every
// iteration; with it the state stays in one buffer.
// BEFORE-LABEL: func.func @while_state
// BEFORE: scf.while
// BEFORE: memref.copy
// BEFORE: scf.condition
// BUFFERS-LABEL: func.func @while_state
// BUFFERS: scf.while
// BUFFERS-NOT: memref.copy
// BUFFERS: return
func.func @while_state(%h0: tensor<4x8xf32>, %x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %c5 = arith.constant 5 : i64
  %e = tensor.empty() : tensor<4x8xf32>
  %r:2 = scf.while (%n = %c0, %h = %h0) : (i64, tensor<4x8xf32>) -> (i64, tensor<4x8xf32>) {
    %more = arith.cmpi slt, %n, %c5 : i64
    scf.condition(%more) %n, %h : i64, tensor<4x8xf32>
  } do {
  ^bb0(%m: i64, %g: tensor<4x8xf32>):
    %next = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]}
        ins(%g, %x : tensor<4x8xf32>, tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) {
    ^bb0(%a: f32, %b: f32, %out: f32):
      %s = arith.addf %a, %b : f32
      %t = math.tanh %s : f32
      linalg.yield %t : f32
    } -> tensor<4x8xf32>
    %m1 = arith.addi %m, %c1 : i64
    scf.yield %m1, %next : i64, tensor<4x8xf32>
  }
  return %r#1 : tensor<4x8xf32>
}

// The same for scf.for's iteration arguments.
// CHECK-LABEL: func.func @for_state
// CHECK: scf.for {{.*}} iter_args(%[[ACC:.*]] = %{{.*}}) -> (tensor<4x8xf32>)
// CHECK: linalg.generic {{.*}} outs(%[[ACC]] : tensor<4x8xf32>)
func.func @for_state(%a0: tensor<4x8xf32>, %x: tensor<4x8xf32>, %n: index) -> tensor<4x8xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %e = tensor.empty() : tensor<4x8xf32>
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %a0) -> tensor<4x8xf32> {
    %next = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]}
        ins(%acc, %x : tensor<4x8xf32>, tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) {
    ^bb0(%a: f32, %b: f32, %out: f32):
      %s = arith.mulf %a, %b : f32
      linalg.yield %s : f32
    } -> tensor<4x8xf32>
    scf.yield %next : tensor<4x8xf32>
  }
  return %r : tensor<4x8xf32>
}

// Left alone: an op that reads its destination (its value would change), a
// value computed before the loop, a while whose condition passes on another
// value than its region's argument, and a dynamic shape (the carried
// tensor's length may differ from the op's).
// CHECK-LABEL: func.func @left_alone
// CHECK: %[[E:.*]] = tensor.empty() : tensor<4x8xf32>
// CHECK: linalg.generic {{.*}} outs(%[[D:.*]] : tensor<4x8xf32>)
// CHECK: ^bb0(%{{.*}}: f32, %[[OUT:.*]]: f32):
// CHECK: arith.addf %{{.*}}, %[[OUT]]
// CHECK: linalg.generic {{.*}} outs(%[[E]] : tensor<4x8xf32>)
// CHECK: linalg.generic {{.*}} outs(%[[E]] : tensor<4x8xf32>)
// CHECK: %[[DYNAMIC:.*]] = tensor.empty(%{{.*}}) : tensor<?x8xf32>
// CHECK: linalg.generic {{.*}} outs(%[[DYNAMIC]] : tensor<?x8xf32>)
func.func @left_alone(%a0: tensor<4x8xf32>, %d: tensor<4x8xf32>, %x: tensor<4x8xf32>, %n: index, %v: tensor<?x8xf32>, %y: tensor<?x8xf32>) -> (tensor<4x8xf32>, tensor<4x8xf32>, tensor<?x8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %e = tensor.empty() : tensor<4x8xf32>
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %a0) -> tensor<4x8xf32> {
    %next = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
        ins(%acc : tensor<4x8xf32>) outs(%d : tensor<4x8xf32>) {
    ^bb0(%a: f32, %out: f32):
      %s = arith.addf %a, %out : f32
      linalg.yield %s : f32
    } -> tensor<4x8xf32>
    scf.yield %next : tensor<4x8xf32>
  }
  %before = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) {
  ^bb0(%a: f32, %out: f32):
    %s = arith.negf %a : f32
    linalg.yield %s : f32
  } -> tensor<4x8xf32>
  %q = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %a0) -> tensor<4x8xf32> {
    scf.yield %before : tensor<4x8xf32>
  }
  %true = arith.constant true
  %w = scf.while (%h = %a0) : (tensor<4x8xf32>) -> tensor<4x8xf32> {
    scf.condition(%true) %x : tensor<4x8xf32>
  } do {
  ^bb0(%g: tensor<4x8xf32>):
    %next = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
        ins(%g : tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) {
    ^bb0(%a: f32, %out: f32):
      %s = arith.negf %a : f32
      linalg.yield %s : f32
    } -> tensor<4x8xf32>
    scf.yield %next : tensor<4x8xf32>
  }
  %rows = tensor.dim %y, %c0 : tensor<?x8xf32>
  %ed = tensor.empty(%rows) : tensor<?x8xf32>
  %z = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %v) -> tensor<?x8xf32> {
    %next = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
        ins(%y : tensor<?x8xf32>) outs(%ed : tensor<?x8xf32>) {
    ^bb0(%a: f32, %out: f32):
      %s = arith.negf %a : f32
      linalg.yield %s : f32
    } -> tensor<?x8xf32>
    scf.yield %next : tensor<?x8xf32>
  }
  return %q, %w, %z : tensor<4x8xf32>, tensor<4x8xf32>, tensor<?x8xf32>
}
