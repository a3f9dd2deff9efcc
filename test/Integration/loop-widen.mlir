// def shrink(x):
//     while x.shape... (here: a counter) — each iteration sums over the last
//     axis with keepdim, so the carried tensor goes from [2, 3] to [2, 1]:
//     the loop carries tensor<2x?xf32> and the result's true shape comes back.
//     i = 0
//     while i < 2:
//         x = paddle.sum(x, axis=1, keepdim=True)
//         i = i + 1
//     return x
// RUN: dy2st-run %s --arg 'dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>' | FileCheck %s
// CHECK: result 0: float32[2, 1] = {{\[\[}}6], [15]]
pydy.func @shrink(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %c0 = pydy.constant 0 : i64
  pydy.store "i", %c0 : i64
  pydy.while {
    %i = pydy.load "i" : !pydy.object
    %two = pydy.constant 2 : i64
    %c = pydy.compare lt %i, %two : (!pydy.object, i64) -> !pydy.object
    pydy.condition(%c : !pydy.object)
  } do {
    %x = pydy.load "x" : !pydy.object
    %one = pydy.constant 1 : i64
    %t = pydy.constant true
    %s = pydy.lib_call "sum"(%x, %one, %t) {kwnames = ["axis", "keepdim"]} : (!pydy.object, i64, i1) -> !pydy.object
    pydy.store "x", %s : !pydy.object
    %i = pydy.load "i" : !pydy.object
    %in = pydy.binary add %i, %one : (!pydy.object, i64) -> !pydy.object
    pydy.store "i", %in : !pydy.object
    pydy.yield
  }
  %r = pydy.load "x" : !pydy.object
  pydy.return %r : !pydy.object
}
