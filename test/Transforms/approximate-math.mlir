// RUN: dy2st-opt %s --dy2st-approximate-math | FileCheck %s
// RUN: dy2st-opt %s --dy2st-approximate-math='scale-by-ldexp=true' | FileCheck %s --check-prefix=LDEXP

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

// log of a subnormal input: scaled by 2^24 into the normal range, then
// corrected by 24 ln 2, around the approximated log.
// CHECK-LABEL: func.func @log_of_subnormal
// CHECK: %[[SMALL:.*]] = arith.cmpf olt, %[[X:.*]], %{{.*}} : f32
// CHECK: %[[UP:.*]] = arith.mulf %[[X]], %{{.*}} : f32
// CHECK: arith.select %[[SMALL]], %[[UP]], %[[X]] : f32
// CHECK-NOT: math.log
// CHECK: %[[C:.*]] = arith.select %[[SMALL]]
// CHECK: arith.subf %{{.*}}, %[[C]] : f32
func.func @log_of_subnormal(%x: f32) -> f32 {
  %0 = math.log %x : f32
  return %0 : f32
}

// atan2 stays libm's: the approximation gives +pi for atan2(-0, x < 0) and
// NaN for infinities.
// CHECK-LABEL: func.func @atan2_libm
// CHECK: %[[R:.*]] = math.atan2 %{{.*}}, %{{.*}} : f32
// CHECK: return %[[R]]
func.func @atan2_libm(%y: f32, %x: f32) -> f32 {
  %0 = math.atan2 %y, %x : f32
  return %0 : f32
}

// exp's exponent conversion reads 0 for NaN: LLVM's fptosi of NaN is poison,
// which made exp of a constant NaN poison (fuzz seed 40194).
// CHECK-LABEL: func.func @exp_of_nan
// CHECK: %[[NAN:.*]] = arith.cmpf uno, %[[K:.*]], %[[K]] : f32
// CHECK: %[[SAFE:.*]] = arith.select %[[NAN]], %{{.*}}, %[[K]] : f32
// CHECK: arith.fptosi %[[SAFE]] : f32 to i32
func.func @exp_of_nan(%x: f32) -> f32 {
  %0 = math.exp %x : f32
  return %0 : f32
}

// tanh: an odd polynomial below |x| = 0.625 (with x's sign, for -0), 1 - 2 /
// (exp(2|x|) + 1) with x's sign from there, below 1 until |x| = 10 as numpy's.
// CHECK-LABEL: func.func @tanh_pieces
// CHECK: %[[ABS:.*]] = math.absf %[[X:.*]] : f32
// CHECK: arith.mulf %[[ABS]], %{{.*}} : f32
// CHECK: arith.divf %{{.*}}, %{{.*}} : f32
// CHECK: %[[FAR:.*]] = math.copysign %{{.*}}, %[[X]] : f32
// CHECK: %[[SQUARE:.*]] = arith.mulf %[[X]], %[[X]] : f32
// CHECK: %[[CUBE:.*]] = arith.mulf %[[X]], %[[SQUARE]] : f32
// CHECK: %[[POLY:.*]] = math.fma %[[CUBE]], %{{.*}}, %[[X]] : f32
// CHECK: %[[NEAR:.*]] = math.copysign %[[POLY]], %[[X]] : f32
// CHECK: %[[SMALL:.*]] = arith.cmpf olt, %[[ABS]], %{{.*}} : f32
// CHECK: arith.select %[[SMALL]], %[[NEAR]], %[[FAR]] : f32
// CHECK-NOT: math.tanh
func.func @tanh_pieces(%x: f32) -> f32 {
  %0 = math.tanh %x : f32
  return %0 : f32
}

// With scale-by-ldexp, exp is the polynomial scaled by llvm.ldexp, its power
// read off the bits of the rounding sum (no fptosi); without, upstream's.
// LDEXP-LABEL: func.func @exp_by_ldexp
// LDEXP: %[[SUM:.*]] = math.fma %{{.*}}, %{{.*}}, %{{.*}} : f32
// LDEXP: %[[K:.*]] = arith.subf %[[SUM]], %{{.*}} : f32
// LDEXP: %[[P:.*]] = arith.addf
// LDEXP: %[[BITS:.*]] = arith.bitcast %[[SUM]] : f32 to i32
// LDEXP: %[[POWER:.*]] = arith.subi %[[BITS]], %{{.*}} : i32
// LDEXP: llvm.intr.ldexp(%[[P]], %[[POWER]]) : (f32, i32) -> f32
// LDEXP-NOT: arith.fptosi
// LDEXP-NOT: math.exp
// CHECK-LABEL: func.func @exp_by_ldexp
// CHECK-NOT: llvm.intr.ldexp
// CHECK: arith.fptosi
func.func @exp_by_ldexp(%x: f32) -> f32 {
  %0 = math.exp %x : f32
  return %0 : f32
}
