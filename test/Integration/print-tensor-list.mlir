// print() of a list of tensors grown by a loop of a length known only at run
// time (a TensorArray: its items stacked, printed as the list of the rows),
// through dy2st-run's printer.
// def show(x, n):
//     outs, sums = [], []
//     for i in range(n):
//         outs.append(x * i)
//         sums.append(x.sum() * i)
//     print(outs, sums)
//     return x
// RUN: dy2st-run %s --arg 'dense<[1.0, 2.0]> : tensor<2xf32>' --arg 'dense<2> : tensor<i64>' | FileCheck %s
// CHECK: [Tensor(shape=[2], dtype=float32, value=[0, 0]), Tensor(shape=[2], dtype=float32, value=[1, 2])] [Tensor(shape=[], dtype=float32, value=0), Tensor(shape=[], dtype=float32, value=3)]
pydy.func @"show"(%arg0: !pydy.object {pydy.name = "x"}, %arg1: !pydy.object {pydy.name = "n"}) -> !pydy.object {
  %v1 = pydy.list  : () -> !pydy.object
  %v2 = pydy.list  : () -> !pydy.object
  %v3 = pydy.tuple %v1, %v2 : (!pydy.object, !pydy.object) -> !pydy.object
  %v4:2 = pydy.unpack %v3 : !pydy.object -> !pydy.object, !pydy.object
  pydy.store "outs", %v4#0 : !pydy.object
  pydy.store "sums", %v4#1 : !pydy.object
  %v6 = pydy.load "n" : !pydy.object
  %v7 = pydy.constant 0 : i64
  %v8 = pydy.constant 1 : i64
  pydy.for_range %v7, %v6, %v8 : i64, !pydy.object, i64 {
    ^bb0(%v9: !pydy.object):
    pydy.store "i", %v9 : !pydy.object
    %v10 = pydy.load "outs" : !pydy.object
    %v11 = pydy.load "x" : !pydy.object
    %v12 = pydy.load "i" : !pydy.object
    %v13 = pydy.binary mul %v11, %v12 : (!pydy.object, !pydy.object) -> !pydy.object
    %v14:2 = pydy.call_method %v10, "append"(%v13) : !pydy.object, (!pydy.object) -> (!pydy.object, !pydy.object)
    pydy.store "outs", %v14#1 : !pydy.object
    %v15 = pydy.load "sums" : !pydy.object
    %v16 = pydy.load "x" : !pydy.object
    %v17:2 = pydy.call_method %v16, "sum"() : !pydy.object, () -> (!pydy.object, !pydy.object)
    %v18 = pydy.load "i" : !pydy.object
    %v19 = pydy.binary mul %v17#0, %v18 : (!pydy.object, !pydy.object) -> !pydy.object
    %v20:2 = pydy.call_method %v15, "append"(%v19) : !pydy.object, (!pydy.object) -> (!pydy.object, !pydy.object)
    pydy.store "sums", %v20#1 : !pydy.object
  }
  %v21 = pydy.load "outs" : !pydy.object
  %v22 = pydy.load "sums" : !pydy.object
  pydy.print %v21, %v22 : !pydy.object, !pydy.object
  %v23 = pydy.constant none
  %v24 = pydy.load "x" : !pydy.object
  pydy.return %v24 : !pydy.object
}

