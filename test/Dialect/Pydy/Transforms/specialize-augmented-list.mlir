// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<2xf32>" --canonicalize | FileCheck %s

// l += (x, x) of a list nothing else names: its items and the tuple's (Python
// extends the list in place; `l + (x, x)` would be a TypeError).
// CHECK-LABEL: pydy.func @extended_by_a_tuple
// CHECK:       pydy.lib_call "stack"(%x, %x, %x) {{.*}} -> tensor<3x2xf32>
pydy.func @extended_by_a_tuple(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.list %x : (!pydy.object) -> !pydy.object
  %1 = pydy.tuple %x, %x : (!pydy.object, !pydy.object) -> !pydy.object
  %2 = pydy.binary add %0, %1 {augmented} : (!pydy.object, !pydy.object) -> !pydy.object
  %3 = pydy.lib_call "stack"(%2) : (!pydy.object) -> !pydy.object
  pydy.return %3 : !pydy.object
}
