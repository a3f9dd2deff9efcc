// RUN: dy2st-opt %s --dy2st-pydy-to-core="signature=tensor<i64>" | FileCheck %s
// RUN: not dy2st-opt %s --dy2st-pydy-to-core="signature=100000" 2>&1 | FileCheck %s --check-prefix=HUGE

// A fill whose size is only known at run time asks the runtime whether it
// fits in memory: else a MemoryError and an empty tensor. One of a static size
// larger than the machine's memory is a compile error.
// CHECK-LABEL: func.func @zeros_of
// CHECK: %[[FITS:.*]] = call @dy2st_can_allocate(%{{.*}}) : (f64) -> i1
// CHECK: scf.if %{{.*}} {
// CHECK: func.call @dy2st_raise
// CHECK: %[[N:.*]] = arith.select %[[FITS]], %{{.*}}, %{{.*}} : index
// CHECK: tensor.empty(%[[N]]) : tensor<?x1000000x1000xf32>
// HUGE: zeros: a tensor of {{[0-9]+}} GiB does not fit in this machine's memory
pydy.func @zeros_of(%arg0: !pydy.object {pydy.name = "n"}) -> !pydy.object {
  %n = pydy.load "n" : !pydy.object
  %a = pydy.constant 1000000 : i64
  %b = pydy.constant 1000 : i64
  %shape = pydy.list %n, %a, %b : (!pydy.object, i64, i64) -> !pydy.object
  %z = pydy.lib_call "zeros"(%shape) : (!pydy.object) -> !pydy.object
  pydy.return %z : !pydy.object
}
