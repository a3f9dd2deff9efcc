// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<2xf32>" | FileCheck %s

// `pred = paddle.to_tensor([1]); if not pred == 0: return x + 1, 2` then
// `return x` (Paddle's test_ifelse): the tensor's one value is known when
// compiling, so the branch folds as Python takes it, and the other return,
// of another type, is never compiled.
// CHECK-LABEL: pydy.func @known_condition
// CHECK-SAME: -> tuple<tensor<2xf32>, i64>
// CHECK-NOT: pydy.if
// CHECK: %[[SUM:.*]] = pydy.binary add %x
// CHECK: %[[PAIR:.*]] = pydy.tuple %[[SUM]]
// CHECK: pydy.return %[[PAIR]]
pydy.func @known_condition(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant false
  %1 = pydy.undef "return.value" : !pydy.object
  %2 = pydy.constant 1 : i64
  %3 = pydy.list %2 : (i64) -> !pydy.object
  %4 = pydy.lib_call "to_tensor"(%3) : (!pydy.object) -> !pydy.object
  %5 = pydy.constant 0 : i64
  %6 = pydy.compare eq %4, %5 : (!pydy.object, i64) -> !pydy.object
  %7 = pydy.unary not %6 : (!pydy.object) -> !pydy.object
  %8:2 = pydy.if %7 : !pydy.object -> i1, !pydy.object {
    %11 = pydy.constant 1 : i64
    %12 = pydy.binary add %x, %11 : (!pydy.object, i64) -> !pydy.object
    %13 = pydy.constant 2 : i64
    %14 = pydy.tuple %12, %13 : (!pydy.object, i64) -> !pydy.object
    %15 = pydy.constant true
    pydy.yield %15, %14 : i1, !pydy.object
  } else {
    pydy.yield %0, %1 : i1, !pydy.object
  } {names = ["return.flag", "return.value"], then_exited}
  %9 = pydy.unary not %8#0 : (i1) -> !pydy.object
  %10 = pydy.if %9 : !pydy.object -> !pydy.object {
    pydy.yield %x : !pydy.object
  } else {
    pydy.yield %8#1 : !pydy.object
  } {else_exited, names = ["return.value"]}
  pydy.return %10 : !pydy.object
}
