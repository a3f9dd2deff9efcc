// RUN: dy2st-opt %s | dy2st-opt | FileCheck %s
// Python literals and the types they carry.

// CHECK-LABEL: pydy.func @literals
pydy.func @literals() -> !pydy.object {
  // CHECK: pydy.constant 3 : i64
  %0 = pydy.constant 3 : i64
  // CHECK: pydy.constant 2.500000e+00 : f64
  %1 = pydy.constant 2.5 : f64
  // CHECK: pydy.constant true
  %2 = pydy.constant true
  // CHECK: pydy.constant none
  %3 = pydy.constant none
  // CHECK: pydy.constant "float64"
  %4 = pydy.constant "float64"
  // CHECK: pydy.constant [3, 4]
  %5 = pydy.constant [3, 4]
  // An array literal is a tuple unless typed as a list.
  // CHECK: pydy.constant [3, 4] : !pydy.list<i64, i64>
  %7 = pydy.constant [3, 4] : !pydy.list<i64, i64>
  // CHECK: pydy.constant [] : !pydy.list<>
  %8 = pydy.constant [] : !pydy.list<>
  // CHECK: pydy.tuple {{.*}} : (i64, f64, i1, !pydy.none, !pydy.str, tuple<i64, i64>, !pydy.list<i64, i64>, !pydy.list<>) -> !pydy.object
  %6 = pydy.tuple %0, %1, %2, %3, %4, %5, %7, %8 : (i64, f64, i1, !pydy.none, !pydy.str, tuple<i64, i64>, !pydy.list<i64, i64>, !pydy.list<>) -> !pydy.object
  pydy.return %6 : !pydy.object
}
