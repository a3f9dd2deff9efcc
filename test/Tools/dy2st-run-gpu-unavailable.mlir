// Without a GPU (or without the CUDA toolkit at build time), --gpu is a clear
// error and exit code 1, not a crash.
// UNSUPPORTED: gpu
// RUN: not dy2st-run %s --gpu --arg 'dense<[1.0, 2.0]> : tensor<2xf32>' 2>&1 | FileCheck %s
// CHECK: dy2st: backend='gpu'
func.func @double(%x: tensor<2xf32>) -> tensor<2xf32> {
  %y = arith.addf %x, %x : tensor<2xf32>
  return %y : tensor<2xf32>
}
