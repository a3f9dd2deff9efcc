// RUN: dy2st-opt %s --pydy-specialize | FileCheck %s

// `//` and `%` of float literals fold as Python's divmod: -2.5 // inf is
// -1.0 and -2.5 % inf is inf (floor(x / y) would give -0.0 and NaN).
// CHECK-LABEL: pydy.func @float_divmod
// CHECK: pydy.constant [-1.000000e+00, 0x7FF0000000000000 : f64]
pydy.func @float_divmod() -> !pydy.object {
  %0 = pydy.constant -2.500000e+00 : f64
  %1 = pydy.constant 0x7FF0000000000000 : f64
  %2 = pydy.binary floordiv %0, %1 : (f64, f64) -> !pydy.object
  %3 = pydy.binary mod %0, %1 : (f64, f64) -> !pydy.object
  %4 = pydy.tuple %2, %3 : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %4 : !pydy.object
}
