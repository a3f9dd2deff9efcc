// print() of Python numbers in a list grown by a loop, of a length known only
// at run time (n a tensor: a TensorArray printed as a list) or when compiling
// (n a number: the loop unrolled, the list's items printed), through
// dy2st-run's printer, the runtime's own text of Python's.
// def show(x, n):
//     halves = []
//     for i in range(n):
//         halves.append(i / 3)
//     print(halves, f"{halves!r:>12}|")
//     return x
// RUN: dy2st-run %s --arg 'dense<[1.0]> : tensor<1xf32>' --arg 'dense<3> : tensor<i64>' | FileCheck %s
// RUN: dy2st-run %s --arg 'dense<[1.0]> : tensor<1xf32>' --arg 3 | FileCheck %s
// CHECK:      [0.0, 0.3333333333333333, 0.6666666666666666] [0.0, 0.3333333333333333, 0.6666666666666666]|
pydy.func @"show"(%arg0: !pydy.object {pydy.name = "x"}, %arg1: !pydy.object {pydy.name = "n"}) -> !pydy.object {
  %v1 = pydy.list  : () -> !pydy.object
  pydy.store "halves", %v1 : !pydy.object
  %v2 = pydy.load "n" : !pydy.object
  %v3 = pydy.constant 0 : i64
  %v4 = pydy.constant 1 : i64
  pydy.for_range %v3, %v2, %v4 : i64, !pydy.object, i64 {
    ^bb0(%v5: !pydy.object):
    pydy.store "i", %v5 : !pydy.object
    %v6 = pydy.load "halves" : !pydy.object
    %v7 = pydy.load "i" : !pydy.object
    %v8 = pydy.constant 3 : i64
    %v9 = pydy.binary div %v7, %v8 : (!pydy.object, i64) -> !pydy.object
    %v10:2 = pydy.call_method %v6, "append"(%v9) : !pydy.object, (!pydy.object) -> (!pydy.object, !pydy.object)
    pydy.store "halves", %v10#1 : !pydy.object
  }
  %v11 = pydy.load "halves" : !pydy.object
  %v12 = pydy.constant " "
  %v13 = pydy.load "halves" : !pydy.object
  %v14 = pydy.constant "|"
  pydy.print %v11, %v12, %v13, %v14 : !pydy.object, !pydy.str, !pydy.object, !pydy.str {sep = "", formats = ["", "", "!r:>12", ""]}
  %v15 = pydy.constant none
  %v16 = pydy.load "x" : !pydy.object
  pydy.return %v16 : !pydy.object
}

