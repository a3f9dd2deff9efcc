// RUN: dy2st-opt %s --convert-pydy-to-core | FileCheck %s

// A constant positive step gives scf.for over index, with the Python int
// index cast back to i64 in the body.
// CHECK-LABEL: func.func @count_up
// CHECK: %[[LB:.*]] = arith.index_cast %{{.*}} : i64 to index
// CHECK: %[[UB:.*]] = arith.index_cast %{{.*}} : i64 to index
// CHECK: scf.for %[[IV:.*]] = %[[LB]] to %[[UB]] step %{{.*}} iter_args(%[[ACC:.*]] = %{{.*}}) -> (i64) {
// CHECK:   %[[I:.*]] = arith.index_cast %[[IV]] : index to i64
// CHECK:   %[[S:.*]] = arith.addi %[[ACC]], %[[I]] : i64
// CHECK:   scf.yield %[[S]] : i64
pydy.func @count_up(%n: i64) -> i64 {
  %c0 = pydy.constant 0 : i64
  %c1 = pydy.constant 1 : i64
  %0 = pydy.for_range %c0, %n, %c1 : i64, i64, i64 iter_args(%c0 : i64) -> i64 {
  ^bb0(%i: i64, %acc: i64):
    %s = pydy.binary add %acc, %i : (i64, i64) -> i64
    pydy.yield %s : i64
  }
  pydy.return %0 : i64
}

// Any other step (negative, or only known at run time) gives scf.while that
// tests `i < stop` or `i > stop` by the sign of the step, as range() does.
// CHECK-LABEL: func.func @count_down
// CHECK: scf.while (%[[I:.*]] = %{{.*}}, %[[A:.*]] = %{{.*}}) : (i64, i64) -> (i64, i64) {
// CHECK:   %[[UP:.*]] = arith.cmpi sgt, %[[STEP:.*]], %{{.*}} : i64
// CHECK:   %[[LT:.*]] = arith.cmpi slt, %[[I]], %{{.*}} : i64
// CHECK:   %[[GT:.*]] = arith.cmpi sgt, %[[I]], %{{.*}} : i64
// CHECK:   %[[MORE:.*]] = arith.select %[[UP]], %[[LT]], %[[GT]] : i1
// CHECK:   scf.condition(%[[MORE]]) %[[I]], %[[A]] : i64, i64
// CHECK: } do {
// CHECK:   arith.addi %{{.*}}, %[[STEP]] : i64
pydy.func @count_down(%n: i64, %step: i64) -> i64 {
  %c0 = pydy.constant 0 : i64
  %0 = pydy.for_range %n, %c0, %step : i64, i64, i64 iter_args(%c0 : i64) -> i64 {
  ^bb0(%i: i64, %acc: i64):
    %s = pydy.binary add %acc, %i : (i64, i64) -> i64
    pydy.yield %s : i64
  }
  pydy.return %0 : i64
}

// Bounds may be one-element integer tensors.
// CHECK-LABEL: func.func @tensor_bound
// CHECK: %[[E:.*]] = tensor.extract %{{.*}}[%{{.*}}] : tensor<1xi32>
// CHECK: arith.extsi %[[E]] : i32 to i64
// CHECK: scf.for
pydy.func @tensor_bound(%n: tensor<1xi32>) -> i64 {
  %c0 = pydy.constant 0 : i64
  %c1 = pydy.constant 1 : i64
  %0 = pydy.for_range %c0, %n, %c1 : i64, tensor<1xi32>, i64 iter_args(%c0 : i64) -> i64 {
  ^bb0(%i: i64, %acc: i64):
    %s = pydy.binary add %acc, %c1 : (i64, i64) -> i64
    pydy.yield %s : i64
  }
  pydy.return %0 : i64
}
