// RUN: dy2st-opt %s --dy2st-approximate-math | FileCheck %s

// f32 exp and tanh become arithmetic that LLVM can vectorize; f64 is left to libm.
// CHECK-LABEL: func.func @approximate
// CHECK-NOT: math.exp %{{.*}} : f32
// CHECK-NOT: math.tanh
// CHECK: arith.mulf
// CHECK: math.exp %{{.*}} : f64
func.func @approximate(%x: f32, %y: f64) -> (f32, f32, f64) {
  %0 = math.exp %x : f32
  %1 = math.tanh %x : f32
  %2 = math.exp %y : f64
  return %0, %1, %2 : f32, f32, f64
}
