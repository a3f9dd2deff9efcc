// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<3xf32>" | FileCheck %s

// x.mT of a vector: Paddle's ValueError where it runs; the vector stands for
// the result after it.
// CHECK-LABEL: pydy.func @vector_mT
// CHECK: pydy.raise "ValueError", "Tensor.ndim(1) is required to be greater than or equal to 2."
// CHECK-NOT: pydy.lib_call "transpose"
// CHECK: pydy.return %x
pydy.func @vector_mT(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.attr %x, "mT" : !pydy.object -> !pydy.object
  pydy.return %0 : !pydy.object
}
