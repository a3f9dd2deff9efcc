// RUN: dy2st-opt %s --pydy-specialize -split-input-file -verify-diagnostics | FileCheck %s

// A list of strings at an index known only at run time (`LABELS[i]`): the
// index counted from the end when negative, then compared with each
// position; past the end Python's IndexError.
// CHECK-LABEL: pydy.func @labels
// CHECK: %[[NEG:.*]] = pydy.compare lt %[[I:.*]], %{{.*}} : (i64, i64) -> i1
// CHECK: %[[POS:.*]] = pydy.if %[[NEG]] : i1 -> i64
// CHECK: pydy.compare eq %[[POS]], %{{.*}} : (i64, i64) -> i1
// CHECK: pydy.if %{{.*}} : i1 -> !pydy.str
// CHECK: pydy.constant "neg"
// CHECK: pydy.constant "pos"
// CHECK: pydy.raise "IndexError", "list index out of range"
pydy.func @labels(%i: !pydy.object {pydy.name = "i"}) -> !pydy.object attributes {pydy.signature = [i64]} {
  %a = pydy.constant "neg"
  %b = pydy.constant "pos"
  %l = pydy.list %a, %b : (!pydy.str, !pydy.str) -> !pydy.object
  %0 = pydy.subscript %l[%i] : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %0 : !pydy.object
}

// -----

// A tuple of tensors of one type: the same choice (no tensor array for a
// tuple); the raise names the tuple.
// CHECK-LABEL: pydy.func @pair
// CHECK: pydy.if %{{.*}} : i1 -> tensor<2xf32>
// CHECK: pydy.raise "IndexError", "tuple index out of range"
pydy.func @pair(%x: !pydy.object {pydy.name = "x"}, %i: !pydy.object {pydy.name = "i"}) -> !pydy.object attributes {pydy.signature = [tensor<2xf32>, i64]} {
  %one = pydy.constant 1.0 : f64
  %y = pydy.binary add %x, %one : (!pydy.object, f64) -> !pydy.object
  %t = pydy.tuple %x, %y : (!pydy.object, !pydy.object) -> !pydy.object
  %0 = pydy.subscript %t[%i] : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %0 : !pydy.object
}

// -----

// Items of different types have no one type to choose among.
pydy.func @mixed(%i: !pydy.object {pydy.name = "i"}) -> !pydy.object attributes {pydy.signature = [i64]} {
  %a = pydy.constant "neg"
  %b = pydy.constant 2 : i64
  %t = pydy.tuple %a, %b : (!pydy.str, i64) -> !pydy.object
  // expected-error @+1 {{an index of a tuple(str, int) must be known at compile time}}
  %0 = pydy.subscript %t[%i] : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %0 : !pydy.object
}
