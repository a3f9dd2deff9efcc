// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<2xf32>" | FileCheck %s

// `x.place` of a tensor: the CPU, by the name Paddle's place arguments take
// (`to_tensor(v, place=x.place)`).
// CHECK-LABEL: pydy.func @place
// CHECK-NOT: pydy.attr
// CHECK: %[[CPU:.*]] = pydy.constant "cpu"
// CHECK: pydy.return %[[CPU]] : !pydy.str
pydy.func @place(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.attr %x, "place" : !pydy.object -> !pydy.object
  pydy.return %0 : !pydy.object
}
