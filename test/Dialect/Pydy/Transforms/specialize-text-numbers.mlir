// RUN: dy2st-opt %s --pydy-specialize -split-input-file -verify-diagnostics | FileCheck %s

// float() and int() of text known when compiling read it as Python does
// (whitespace, case, sign, digit-grouping underscores) and fold.
// CHECK-LABEL: pydy.func @text_to_numbers
// CHECK: pydy.constant [0xFFF0000000000000 : f64, 1.250000e+03, -12]
// CHECK-NOT: pydy.unary
pydy.func @text_to_numbers() -> !pydy.object {
  %0 = pydy.constant "-Infinity"
  %1 = pydy.unary to_float %0 : (!pydy.str) -> !pydy.object
  %2 = pydy.constant " 1_250.0 "
  %3 = pydy.unary to_float %2 : (!pydy.str) -> !pydy.object
  %4 = pydy.constant "-12"
  %5 = pydy.unary to_int %4 : (!pydy.str) -> !pydy.object
  %6 = pydy.tuple %1, %3, %5 : (!pydy.object, !pydy.object, !pydy.object) -> !pydy.object
  pydy.return %6 : !pydy.object
}

// -----

// Text Python would not read is an error naming it.
pydy.func @not_a_float() -> !pydy.object {
  %0 = pydy.constant "0x10"
  // expected-error @+1 {{could not convert string to float: '0x10'}}
  %1 = pydy.unary to_float %0 : (!pydy.str) -> !pydy.object
  pydy.return %1 : !pydy.object
}

// -----

pydy.func @not_an_int() -> !pydy.object {
  %0 = pydy.constant "1__0"
  // expected-error @+1 {{invalid literal for int() with base 10: '1__0'}}
  %1 = pydy.unary to_int %0 : (!pydy.str) -> !pydy.object
  pydy.return %1 : !pydy.object
}

// -----

// int() of a float known when compiling folds where Python has an int of 64
// bits; NaN, the infinities and larger floats stay conversions, which raise
// Python's errors where they run.
// CHECK-LABEL: pydy.func @int_of_floats
// CHECK: pydy.constant -2 : i64
// CHECK-COUNT-3: pydy.unary to_int %{{.*}} : (f64) -> i64
pydy.func @int_of_floats() -> !pydy.object {
  %0 = pydy.constant -2.75 : f64
  %1 = pydy.unary to_int %0 : (f64) -> !pydy.object
  %2 = pydy.constant 0x7FF8000000000000 : f64
  %3 = pydy.unary to_int %2 : (f64) -> !pydy.object
  %4 = pydy.constant 0x7FF0000000000000 : f64
  %5 = pydy.unary to_int %4 : (f64) -> !pydy.object
  %6 = pydy.constant 1.0e30 : f64
  %7 = pydy.unary to_int %6 : (f64) -> !pydy.object
  %8 = pydy.tuple %1, %3, %5, %7 : (!pydy.object, !pydy.object, !pydy.object, !pydy.object) -> !pydy.object
  pydy.return %8 : !pydy.object
}
