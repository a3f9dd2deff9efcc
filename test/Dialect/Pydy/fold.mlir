// RUN: dy2st-opt %s -canonicalize | FileCheck %s
// Folds on Python literals follow Python: // and % round toward -inf, / of
// ints is a float, `not` uses truthiness. Static tensor facts fold too.

// CHECK-LABEL: pydy.func @numbers
pydy.func @numbers() -> !pydy.object {
  %m7 = pydy.constant -7 : i64
  %two = pydy.constant 2 : i64
  %f = pydy.constant 1.5 : f64
  // CHECK-DAG: pydy.constant -4 : i64
  %0 = pydy.binary floordiv %m7, %two : (i64, i64) -> i64
  // CHECK-DAG: pydy.constant 1 : i64
  %1 = pydy.binary mod %m7, %two : (i64, i64) -> i64
  // CHECK-DAG: pydy.constant -3.500000e+00 : f64
  %2 = pydy.binary div %m7, %two : (i64, i64) -> f64
  // CHECK-DAG: pydy.constant 3.000000e+00 : f64
  %3 = pydy.binary mul %f, %two : (f64, i64) -> f64
  // CHECK-DAG: pydy.constant 2.500000e-01 : f64
  %4 = pydy.binary pow %two, %two : (i64, i64) -> i64
  %m2 = pydy.constant -2 : i64
  %5 = pydy.binary pow %two, %m2 : (i64, i64) -> f64
  // CHECK-DAG: pydy.constant false
  %6 = pydy.compare gt %m7, %two : (i64, i64) -> i1
  // CHECK-DAG: pydy.constant true
  %7 = pydy.unary not %m7 : (i64) -> i1
  %8 = pydy.unary not %7 : (i1) -> i1
  // Division by zero is left to run time (ZeroDivisionError in Python).
  // CHECK: pydy.binary floordiv
  %zero = pydy.constant 0 : i64
  %9 = pydy.binary floordiv %m7, %zero : (i64, i64) -> i64
  // CHECK: pydy.tuple
  %t = pydy.tuple %0, %1, %2, %3, %4, %5, %6, %8, %9 : (i64, i64, f64, f64, i64, f64, i1, i1, i64) -> !pydy.object
  pydy.return %t : !pydy.object
}

// Bitwise operators of Python ints and bools fold as Python's: `>>` rounds
// toward -inf, a count past 63 gives the sign; a negative count (ValueError)
// and a `<<` beyond 64 bits (OverflowError) are left to run time.
// CHECK-LABEL: pydy.func @bits
pydy.func @bits() -> !pydy.object {
  %m7 = pydy.constant -7 : i64
  %six = pydy.constant 6 : i64
  %big = pydy.constant 70 : i64
  %yes = pydy.constant true
  %no = pydy.constant false
  // CHECK-DAG: pydy.constant 0 : i64
  %1 = pydy.binary bitand %m7, %six : (i64, i64) -> i64
  // CHECK-DAG: pydy.constant -1 : i64
  %2 = pydy.binary bitor %m7, %six : (i64, i64) -> i64
  %3 = pydy.binary rshift %m7, %big : (i64, i64) -> i64
  %4 = pydy.binary rshift %m7, %m7 : (i64, i64) -> i64
  // CHECK-DAG: pydy.constant 384 : i64
  %5 = pydy.binary lshift %six, %six : (i64, i64) -> i64
  // CHECK-DAG: pydy.constant true
  %6 = pydy.binary bitxor %yes, %no : (i1, i1) -> i1
  // CHECK: pydy.binary rshift %{{.*}}, %{{.*}} : (i64, i64) -> i64
  // CHECK: pydy.binary lshift %{{.*}}, %{{.*}} : (i64, i64) -> i64
  // CHECK: pydy.tuple %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} :
  %7 = pydy.binary lshift %six, %big : (i64, i64) -> i64
  %t = pydy.tuple %1, %2, %3, %4, %5, %6, %7 : (i64, i64, i64, i64, i64, i1, i64) -> !pydy.object
  pydy.return %t : !pydy.object
}

// CHECK-LABEL: pydy.func @tensor_facts
pydy.func @tensor_facts(%arg0: tensor<3x4xf32>, %arg1: tensor<?x4xf32>) -> !pydy.object {
  // CHECK-DAG: pydy.constant [3, 4] : !pydy.list<i64, i64>
  %0 = pydy.attr %arg0, "shape" : tensor<3x4xf32> -> !pydy.list<i64, i64>
  // CHECK-DAG: pydy.constant "float32"
  %1 = pydy.attr %arg0, "dtype" : tensor<3x4xf32> -> !pydy.str
  // CHECK-DAG: pydy.constant 3 : i64
  // CHECK-DAG: pydy.constant false
  %2 = pydy.len %arg0 : tensor<3x4xf32> -> i64
  // A dynamic dimension does not fold.
  // CHECK: pydy.len %{{.*}} : tensor<?x4xf32> -> i64
  %3 = pydy.len %arg1 : tensor<?x4xf32> -> i64
  // CHECK: pydy.attr %{{.*}}, "shape" : tensor<?x4xf32>
  %4 = pydy.attr %arg1, "shape" : tensor<?x4xf32> -> !pydy.list<i64, i64>
  %n = pydy.constant none
  %5 = pydy.compare is %arg0, %n : (tensor<3x4xf32>, !pydy.none) -> i1
  %t = pydy.tuple %0, %1, %2, %3, %4, %5 : (!pydy.list<i64, i64>, !pydy.str, i64, i64, !pydy.list<i64, i64>, i1) -> !pydy.object
  pydy.return %t : !pydy.object
}

// CHECK-LABEL: pydy.func @containers
pydy.func @containers(%arg0: i64, %arg1: f64) -> !pydy.object {
  %t = pydy.tuple %arg0, %arg1 : (i64, f64) -> tuple<i64, f64>
  %m1 = pydy.constant -1 : i64
  // CHECK: %[[ITEM:.*]] = pydy.binary add %arg1, %arg1
  %0 = pydy.subscript %t[%m1] : (tuple<i64, f64>, i64) -> f64
  %1:2 = pydy.unpack %t : tuple<i64, f64> -> i64, f64
  %2 = pydy.binary add %0, %1#1 : (f64, f64) -> f64
  // CHECK: pydy.return %[[ITEM]]
  pydy.return %2 : f64
}

// Strings order by code point ("é" after "z", as in Python).
// CHECK-LABEL: pydy.func @string_order
// CHECK: %[[T:.*]] = pydy.constant true
// CHECK: %[[F:.*]] = pydy.constant false
// CHECK: pydy.tuple %[[T]], %[[F]], %[[T]], %[[T]]
pydy.func @string_order() -> !pydy.object {
  %a = pydy.constant "ab"
  %b = pydy.constant "b"
  %e = pydy.constant "\C3\A9"
  %z = pydy.constant "z"
  %0 = pydy.compare lt %a, %b : (!pydy.str, !pydy.str) -> i1
  %1 = pydy.compare ge %a, %b : (!pydy.str, !pydy.str) -> i1
  %2 = pydy.compare gt %e, %z : (!pydy.str, !pydy.str) -> i1
  %3 = pydy.compare le %a, %a : (!pydy.str, !pydy.str) -> i1
  %t = pydy.tuple %0, %1, %2, %3 : (i1, i1, i1, i1) -> !pydy.object
  pydy.return %t : !pydy.object
}

// len() of a string known when compiling counts code points, not UTF-8 bytes.
// CHECK-LABEL: pydy.func @len_of_str
pydy.func @len_of_str() -> !pydy.object {
  // CHECK: %[[N:.*]] = pydy.constant 3 : i64
  // CHECK: pydy.return %[[N]]
  %0 = pydy.constant "añb"
  %1 = pydy.len %0 : !pydy.str -> i64
  pydy.return %1 : i64
}

// Strings known when compiling join and repeat as Python's do; a negative
// count repeats to "".
// CHECK-LABEL: pydy.func @strings
// CHECK-DAG: pydy.constant "layer_w"
// CHECK-DAG: pydy.constant "ababab"
// CHECK-DAG: pydy.constant ""
pydy.func @strings() -> !pydy.object {
  %layer = pydy.constant "layer"
  %w = pydy.constant "_w"
  %ab = pydy.constant "ab"
  %three = pydy.constant 3 : i64
  %minus = pydy.constant -1 : i64
  %0 = pydy.binary add %layer, %w : (!pydy.str, !pydy.str) -> !pydy.str
  %1 = pydy.binary mul %three, %ab : (i64, !pydy.str) -> !pydy.str
  %2 = pydy.binary mul %ab, %minus : (!pydy.str, i64) -> !pydy.str
  %r = pydy.tuple %0, %1, %2 : (!pydy.str, !pydy.str, !pydy.str) -> !pydy.object
  pydy.return %r : !pydy.object
}
