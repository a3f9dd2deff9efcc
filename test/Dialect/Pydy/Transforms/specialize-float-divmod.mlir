// RUN: dy2st-opt %s --pydy-promote-variables --pydy-specialize | FileCheck %s

// `//` and `%` of float literals fold as Python's divmod: -2.5 // inf is
// -1.0 and -2.5 % inf is inf (floor(x / y) would give -0.0 and NaN).
// CHECK-LABEL: pydy.func @float_divmod
// CHECK: pydy.constant [-1.000000e+00, 0x7FF0000000000000 : f64]
pydy.func @float_divmod() -> !pydy.object {
  %a = pydy.constant -2.5 : f64
  %b = pydy.constant 0x7FF0000000000000 : f64
  %q = pydy.binary floordiv %a, %b : (f64, f64) -> !pydy.object
  %r = pydy.binary mod %a, %b : (f64, f64) -> !pydy.object
  %t = pydy.tuple %q, %r : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %t : !pydy.object
}
