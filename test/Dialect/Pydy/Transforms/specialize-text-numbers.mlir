// RUN: dy2st-opt %s --pydy-promote-variables --pydy-specialize -split-input-file -verify-diagnostics | FileCheck %s

// float() and int() of text known when compiling read it as Python does
// (whitespace, case, sign, digit-grouping underscores) and fold.
// CHECK-LABEL: pydy.func @text_to_numbers
// CHECK: pydy.constant [0xFFF0000000000000 : f64, 1.250000e+03, -12]
// CHECK-NOT: pydy.unary
pydy.func @text_to_numbers() -> !pydy.object {
  %a = pydy.constant "-Infinity"
  %fa = pydy.unary to_float %a : (!pydy.str) -> !pydy.object
  %b = pydy.constant " 1_250.0 "
  %fb = pydy.unary to_float %b : (!pydy.str) -> !pydy.object
  %c = pydy.constant "-12"
  %ic = pydy.unary to_int %c : (!pydy.str) -> !pydy.object
  %t = pydy.tuple %fa, %fb, %ic : (!pydy.object, !pydy.object, !pydy.object) -> !pydy.object
  pydy.return %t : !pydy.object
}

// -----

// Text Python would not read is an error naming it.
pydy.func @not_a_float() -> !pydy.object {
  %a = pydy.constant "0x10"
  // expected-error @+1 {{could not convert string to float: '0x10'}}
  %f = pydy.unary to_float %a : (!pydy.str) -> !pydy.object
  pydy.return %f : !pydy.object
}

// -----

pydy.func @not_an_int() -> !pydy.object {
  %a = pydy.constant "1__0"
  // expected-error @+1 {{invalid literal for int() with base 10: '1__0'}}
  %i = pydy.unary to_int %a : (!pydy.str) -> !pydy.object
  pydy.return %i : !pydy.object
}
