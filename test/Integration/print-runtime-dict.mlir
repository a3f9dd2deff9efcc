// print() of a dict given keys at run time (a loop of a trip count known only
// at run time filling a dict of int keys), printed from the arrays of its
// keys and values through dy2st-run's printer, the runtime's own text of
// Python's.
// def show(x, n):
//     counts = {}
//     for i in range(n):
//         counts[i % 2] = counts.get(i % 2, 0) + i / 2
//     print(counts, f"{counts!r:>24}|")
//     return x
// RUN: dy2st-run %s --arg 'dense<[1.0]> : tensor<1xf32>' --arg 'dense<4> : tensor<i64>' | FileCheck %s
// CHECK:      {0: 1.0, 1: 2.0}         {0: 1.0, 1: 2.0}|
pydy.func @"show"(%arg0: !pydy.object {pydy.name = "x"}, %arg1: !pydy.object {pydy.name = "n"}) -> !pydy.object {
  %v1 = pydy.dict keys() values() -> !pydy.object
  pydy.store "counts", %v1 : !pydy.object
  %v2 = pydy.load "n" : !pydy.object
  %v3 = pydy.constant 0 : i64
  %v4 = pydy.constant 1 : i64
  pydy.for_range %v3, %v2, %v4 : i64, !pydy.object, i64 {
    ^bb0(%v5: !pydy.object):
    pydy.store "i", %v5 : !pydy.object
    %v6 = pydy.load "counts" : !pydy.object
    %v7 = pydy.load "i" : !pydy.object
    %v8 = pydy.constant 2 : i64
    %v9 = pydy.binary mod %v7, %v8 : (!pydy.object, i64) -> !pydy.object
    %v10 = pydy.constant 0 : i64
    %v11:2 = pydy.call_method %v6, "get"(%v9, %v10) : !pydy.object, (!pydy.object, i64) -> (!pydy.object, !pydy.object)
    %v12 = pydy.load "i" : !pydy.object
    %v13 = pydy.constant 2 : i64
    %v14 = pydy.binary div %v12, %v13 : (!pydy.object, i64) -> !pydy.object
    %v15 = pydy.binary add %v11#0, %v14 : (!pydy.object, !pydy.object) -> !pydy.object
    %v16 = pydy.load "counts" : !pydy.object
    %v17 = pydy.load "i" : !pydy.object
    %v18 = pydy.constant 2 : i64
    %v19 = pydy.binary mod %v17, %v18 : (!pydy.object, i64) -> !pydy.object
    %v20 = pydy.setitem %v16[%v19] = %v15 : (!pydy.object, !pydy.object, !pydy.object) -> !pydy.object
    pydy.store "counts", %v20 : !pydy.object
  }
  %v21 = pydy.load "counts" : !pydy.object
  %v22 = pydy.constant " "
  %v23 = pydy.load "counts" : !pydy.object
  %v24 = pydy.constant "|"
  pydy.print %v21, %v22, %v23, %v24 : !pydy.object, !pydy.str, !pydy.object, !pydy.str {sep = "", formats = ["", "", "!r:>24", ""]}
  %v25 = pydy.constant none
  %v26 = pydy.load "x" : !pydy.object
  pydy.return %v26 : !pydy.object
}

