// RUN: dy2st-opt %s --dy2st-expand-integer-divisions | FileCheck %s
// RUN: dy2st-opt %s --arith-expand | FileCheck %s --check-prefix=UPSTREAM

// Ceil and floor divisions become LLVM's integer divisions and selects, as
// with arith-expand; maximumf and minimumf stay (convert-arith-to-llvm makes
// llvm.maximum/minimum of them, reductions LLVM's vectorizer recognizes),
// where arith-expand turns them into compares and selects.
// CHECK-LABEL: func.func @divisions_and_extrema
// CHECK-NOT: arith.floordivsi
// CHECK-NOT: arith.ceildivsi
// CHECK: arith.divsi
// CHECK: arith.maximumf %{{.*}}, %{{.*}} : f32
// CHECK: arith.minimumf %{{.*}}, %{{.*}} : f32
// UPSTREAM-LABEL: func.func @divisions_and_extrema
// UPSTREAM-NOT: arith.maximumf
// UPSTREAM: arith.cmpf
func.func @divisions_and_extrema(%a: i64, %b: i64, %x: f32, %y: f32) -> (i64, i64, f32, f32) {
  %f = arith.floordivsi %a, %b : i64
  %c = arith.ceildivsi %a, %b : i64
  %m = arith.maximumf %x, %y : f32
  %n = arith.minimumf %x, %y : f32
  return %f, %c, %m, %n : i64, i64, f32, f32
}
