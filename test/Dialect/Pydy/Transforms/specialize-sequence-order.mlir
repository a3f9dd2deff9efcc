// RUN: dy2st-opt %s --pydy-specialize="signature=i64" -split-input-file -verify-diagnostics | FileCheck %s

// `(k, 1) < (2, 5)` with k known only at run time: the first items decide
// unless equal, then the second ones (whose comparison folds).
// CHECK-LABEL: pydy.func @tuple_order
// CHECK: %[[SAME:.*]] = pydy.compare eq %k, %{{.*}} : (i64, i64) -> i1
// CHECK: pydy.if %[[SAME]] : i1 -> i1 {
// CHECK:   %[[TRUE:.*]] = pydy.constant true
// CHECK:   pydy.yield %[[TRUE]]
// CHECK: } else {
// CHECK:   %[[LESS:.*]] = pydy.compare lt %k, %{{.*}} : (i64, i64) -> i1
// CHECK:   pydy.yield %[[LESS]]
pydy.func @tuple_order(%k: !pydy.object {pydy.name = "k"}) -> !pydy.object {
  %one = pydy.constant 1 : i64
  %two = pydy.constant 2 : i64
  %five = pydy.constant 5 : i64
  %a = pydy.tuple %k, %one : (!pydy.object, i64) -> !pydy.object
  %b = pydy.tuple %two, %five : (i64, i64) -> !pydy.object
  %r = pydy.compare lt %a, %b : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %r : !pydy.object
}

// -----

pydy.func @tuple_and_list(%k: !pydy.object {pydy.name = "k"}) -> !pydy.object {
  %a = pydy.tuple %k : (!pydy.object) -> !pydy.object
  %b = pydy.list %k : (!pydy.object) -> !pydy.object
  // expected-error @+1 {{TypeError: '<' not supported between instances of 'tuple' and 'list'}}
  %r = pydy.compare lt %a, %b : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %r : !pydy.object
}
