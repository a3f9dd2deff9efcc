// print() from compiled code, in program order, inside a loop.
// def show(x):
//     for i in range(3):
//         print("step", i, x * i, sep=": ")
//     return x.sum()
// RUN: dy2st-run %s --arg 'dense<[1.0, 2.0]> : tensor<2xf32>' | FileCheck %s
// CHECK:      step: 0: Tensor(shape=[2], dtype=float32, value=[0, 0])
// CHECK-NEXT: step: 1: Tensor(shape=[2], dtype=float32, value=[1, 2])
// CHECK-NEXT: step: 2: Tensor(shape=[2], dtype=float32, value=[2, 4])
// CHECK-NEXT: result 0: float32[] = 3
pydy.func @show(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %c0 = pydy.constant 0 : i64
  %c1 = pydy.constant 1 : i64
  %c3 = pydy.constant 3 : i64
  pydy.for_range %c0, %c3, %c1 : i64, i64, i64 {
  ^bb0(%i: !pydy.object):
    %s = pydy.constant "step"
    %x = pydy.load "x" : !pydy.object
    %y = pydy.binary mul %x, %i : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.print %s, %i, %y : !pydy.str, !pydy.object, !pydy.object {sep = ": "}
  }
  %x = pydy.load "x" : !pydy.object
  %r = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
  pydy.return %r : !pydy.object
}
