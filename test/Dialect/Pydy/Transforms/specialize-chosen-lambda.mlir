// RUN: dy2st-opt %s --pydy-specialize -split-input-file -verify-diagnostics | FileCheck %s

// act = F.relu if x.mean() > 0 else paddle.tanh; return act(x): the call of a
// lambda chosen at run time is made in each branch, as an `if` on the same
// condition where each lambda (copied, with the constants it reads) is known
// and inlined; the choice, called everywhere, yields None.
// CHECK-LABEL: pydy.func @chosen
// CHECK: %[[COND:.*]] = pydy.compare gt
// CHECK: pydy.if %[[COND]] : tensor<i1> -> !pydy.none
// CHECK: %[[CALLED:.*]] = pydy.if %[[COND]] : tensor<i1> -> tensor<2xf32> {
// CHECK:   pydy.lib_call "relu"
// CHECK: } else {
// CHECK:   pydy.lib_call "tanh"
// CHECK: pydy.return %[[CALLED]]
pydy.func @chosen(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<2xf32>]} {
  %result, %updated = pydy.call_method %x, "mean"() : !pydy.object, () -> (!pydy.object, !pydy.object)
  %0 = pydy.constant 0 : i64
  %1 = pydy.compare gt %result, %0 : (!pydy.object, i64) -> !pydy.object
  %2 = pydy.if %1 : !pydy.object -> !pydy.object {
    %n = pydy.constant none
    %f = pydy.lambda ["x", "name"] defaults(%n : !pydy.none) : !pydy.object {
    ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
      %r = pydy.lib_call "relu"(%arg0, %arg1) {kwnames = ["x", "name"]} : (!pydy.object, !pydy.object) -> !pydy.object
      pydy.yield %r : !pydy.object
    } {default_params = ["name"]}
    pydy.yield %f : !pydy.object
  } else {
    %n = pydy.constant none
    %f = pydy.lambda ["x", "name"] defaults(%n : !pydy.none) : !pydy.object {
    ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
      %r = pydy.lib_call "tanh"(%arg0, %arg1) {kwnames = ["x", "name"]} : (!pydy.object, !pydy.object) -> !pydy.object
      pydy.yield %r : !pydy.object
    } {default_params = ["name"]}
    pydy.yield %f : !pydy.object
  } {names = ["act"]}
  %3 = pydy.call_value %2(%x) : !pydy.object, (!pydy.object) -> !pydy.object
  pydy.return %3 : !pydy.object
}

// -----

// A lambda that reads a value made in its branch (`s = x * 2; fn = lambda t:
// t + s`) is not known where it is called.
pydy.func @reads_the_branch(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<2xf32>]} {
  %0 = pydy.constant 0 : i64
  %1 = pydy.compare gt %x, %0 : (!pydy.object, i64) -> !pydy.object
  %any = pydy.lib_call "any"(%1) : (!pydy.object) -> !pydy.object
  %2 = pydy.if %any : !pydy.object -> !pydy.object {
    %two = pydy.constant 2 : i64
    %s = pydy.binary mul %x, %two : (!pydy.object, i64) -> !pydy.object
    %f = pydy.lambda ["t"] : !pydy.object {
    ^bb0(%t: !pydy.object):
      %r = pydy.binary add %t, %s : (!pydy.object, !pydy.object) -> !pydy.object
      pydy.yield %r : !pydy.object
    }
    pydy.yield %f : !pydy.object
  } else {
    %f = pydy.lambda ["t"] : !pydy.object {
    ^bb0(%t: !pydy.object):
      pydy.yield %t : !pydy.object
    }
    pydy.yield %f : !pydy.object
  } {names = ["fn"]}
  // expected-error @+1 {{dy2st can call only a lambda known where it is called, or chosen by a branch}}
  %3 = pydy.call_value %2(%x) : !pydy.object, (!pydy.object) -> !pydy.object
  pydy.return %3 : !pydy.object
}
