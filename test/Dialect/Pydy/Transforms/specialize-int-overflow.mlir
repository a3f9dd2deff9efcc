// RUN: dy2st-opt %s --pydy-specialize | FileCheck %s

// Python ints do not wrap: a literal result beyond 64 bits is not folded (the
// compiled code raises OverflowError); one within is, by squaring.
// CHECK-LABEL: pydy.func @int_overflow_not_folded
// CHECK: pydy.binary pow
// CHECK: pydy.constant 1099511627776 : i64
pydy.func @int_overflow_not_folded() -> !pydy.object {
  %three = pydy.constant 3 : i64
  %fifty = pydy.constant 50 : i64
  %big = pydy.binary pow %three, %fifty : (i64, i64) -> !pydy.object
  %two = pydy.constant 2 : i64
  %forty = pydy.constant 40 : i64
  %fits = pydy.binary pow %two, %forty : (i64, i64) -> !pydy.object
  %t = pydy.tuple %big, %fits : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %t : !pydy.object
}
