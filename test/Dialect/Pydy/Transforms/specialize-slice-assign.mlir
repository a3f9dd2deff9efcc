// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<2xf32>" -split-input-file -verify-diagnostics | FileCheck %s

// `l[1:3] = (x, x, x)` of a list of known length: the run replaced by the
// items, however many (`del l[a:b]` is `l[a:b] = []`).
// CHECK-LABEL: pydy.func @run_replaced
// CHECK: %[[ZERO:.*]] = pydy.constant 0 : i64
// CHECK: %[[THREE:.*]] = pydy.constant 3 : i64
// CHECK: pydy.list %[[ZERO]], %x, %x, %x, %[[THREE]] : (i64, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, i64)
pydy.func @run_replaced(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant 0 : i64
  %1 = pydy.constant 1 : i64
  %2 = pydy.constant 2 : i64
  %3 = pydy.constant 3 : i64
  %l = pydy.list %0, %1, %2, %3 : (i64, i64, i64, i64) -> !pydy.object
  %none = pydy.constant none
  %s = pydy.slice %1, %3, %none : i64, i64, !pydy.none
  %t = pydy.tuple %x, %x, %x : (!pydy.object, !pydy.object, !pydy.object) -> !pydy.object
  %r = pydy.setitem %l[%s] = %t : (!pydy.object, !pydy.slice, !pydy.object) -> !pydy.object
  pydy.return %r : !pydy.object
}

// -----

pydy.func @extended(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant 0 : i64
  %1 = pydy.constant 1 : i64
  %2 = pydy.constant 2 : i64
  %l = pydy.list %0, %1, %2 : (i64, i64, i64) -> !pydy.object
  %none = pydy.constant none
  %s = pydy.slice %none, %none, %2 : !pydy.none, !pydy.none, i64
  %t = pydy.list %x : (!pydy.object) -> !pydy.object
  // expected-error @+1 {{ValueError: attempt to assign sequence of size 1 to extended slice of size 2}}
  %r = pydy.setitem %l[%s] = %t : (!pydy.object, !pydy.slice, !pydy.object) -> !pydy.object
  pydy.return %r : !pydy.object
}
