// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<?x3xf32>,tensor<?x3xf32>" | FileCheck %s

// return x.shape == y.shape, x.shape != [2, 3], [x.shape[0]] == (2,)
// Shapes with sizes known only at run time compare item by item (the
// product of the items' equalities is 1); a list never equals a tuple.
// CHECK-LABEL: pydy.func @seq_eq
// CHECK: %[[XD:.*]] = pydy.subscript %{{.*}}[%{{.*}}] : (!pydy.list<i64, i64>, i64) -> i64
// CHECK: %[[YD:.*]] = pydy.subscript %{{.*}}[%{{.*}}] : (!pydy.list<i64, i64>, i64) -> i64
// CHECK: %[[SAME0:.*]] = pydy.compare eq %[[XD]], %[[YD]] : (i64, i64) -> i1
// CHECK: pydy.unary to_int %[[SAME0]] : (i1) -> i64
// CHECK: %[[SAME:.*]] = pydy.compare eq %{{.*}}, %{{.*}} : (i64, i64) -> i1
// CHECK: %[[DIFF:.*]] = pydy.compare ne %{{.*}}, %{{.*}} : (i64, i64) -> i1
// CHECK: %[[LIST_TUPLE:.*]] = pydy.constant false
// CHECK: pydy.tuple %[[SAME]], %[[DIFF]], %[[LIST_TUPLE]] : (i1, i1, i1)
pydy.func @seq_eq(%x: !pydy.object {pydy.name = "x"}, %y: !pydy.object {pydy.name = "y"}) -> !pydy.object {
  %0 = pydy.attr %x, "shape" : !pydy.object -> !pydy.object
  %1 = pydy.attr %y, "shape" : !pydy.object -> !pydy.object
  %2 = pydy.compare eq %0, %1 : (!pydy.object, !pydy.object) -> !pydy.object
  %3 = pydy.attr %x, "shape" : !pydy.object -> !pydy.object
  %4 = pydy.constant 2 : i64
  %5 = pydy.constant 3 : i64
  %6 = pydy.list %4, %5 : (i64, i64) -> !pydy.object
  %7 = pydy.compare ne %3, %6 : (!pydy.object, !pydy.object) -> !pydy.object
  %8 = pydy.attr %x, "shape" : !pydy.object -> !pydy.object
  %9 = pydy.constant 0 : i64
  %10 = pydy.subscript %8[%9] : (!pydy.object, i64) -> !pydy.object
  %11 = pydy.list %10 : (!pydy.object) -> !pydy.object
  %12 = pydy.tuple %4 : (i64) -> !pydy.object
  %13 = pydy.compare eq %11, %12 : (!pydy.object, !pydy.object) -> !pydy.object
  %14 = pydy.tuple %2, %7, %13 : (!pydy.object, !pydy.object, !pydy.object) -> !pydy.object
  pydy.return %14 : !pydy.object
}
