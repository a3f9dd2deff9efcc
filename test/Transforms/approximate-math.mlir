// RUN: dy2st-opt %s --dy2st-approximate-math | FileCheck %s

// f32 exp and tanh become arithmetic that LLVM can vectorize; f64 is left to
// libm, and so are sin and cos (their approximation drifts as |x| grows).
// CHECK-LABEL: func.func @approximate
// CHECK-NOT: math.exp %{{.*}} : f32
// CHECK-NOT: math.tanh
// CHECK: arith.mulf
// CHECK: math.exp %{{.*}} : f64
// CHECK: math.sin %{{.*}} : f32
// CHECK: math.cos %{{.*}} : f32
func.func @approximate(%x: f32, %y: f64) -> (f32, f32, f64, f32, f32) {
  %0 = math.exp %x : f32
  %1 = math.tanh %x : f32
  %2 = math.exp %y : f64
  %3 = math.sin %x : f32
  %4 = math.cos %x : f32
  return %0, %1, %2, %3, %4 : f32, f32, f64, f32, f32
}
