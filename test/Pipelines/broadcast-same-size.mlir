// RUN: dy2st-opt %s --dy2st-pydy-to-core="signature=tensor<?xf32>" | FileCheck %s

// Operands of one dynamic size (`x * 2` and `exp(-x)` of one argument) need
// no broadcast test: the tests fold once CSE merged the sizes' tensor.dim
// ops, no branch or ValueError is left, and nothing stops the elementwise
// ops from fusing.
// CHECK-LABEL: func.func @same_size
// CHECK-NOT: scf.if
// CHECK-NOT: dy2st_raise
// CHECK: linalg.generic
// CHECK-NOT: scf.if
// CHECK: return
pydy.func @same_size(%x: !pydy.object) -> !pydy.object {
  %two = pydy.constant 2.0 : f64
  %scaled = pydy.binary mul %x, %two : (!pydy.object, f64) -> !pydy.object
  %neg = pydy.unary neg %x : (!pydy.object) -> !pydy.object
  %e = pydy.lib_call "exp"(%neg) : (!pydy.object) -> !pydy.object
  %s = pydy.binary mul %scaled, %e : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %s : !pydy.object
}
