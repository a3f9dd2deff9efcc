// RUN: dy2st-opt %s --pydy-specialize="entry=always signature=tensor<3xf32>" | FileCheck %s --check-prefix=ALWAYS
// RUN: dy2st-opt %s --pydy-specialize="entry=maybe signature=tensor<3xf32>" | FileCheck %s --check-prefix=MAYBE
// RUN: dy2st-opt %s --pydy-specialize="entry=never signature=tensor<3xf32>" | FileCheck %s --check-prefix=NEVER
// RUN: dy2st-opt %s --pydy-specialize="entry=checked signature=tensor<3xf32>" | FileCheck %s --check-prefix=CHECKED
// RUN: dy2st-opt %s --pydy-specialize="entry=handled signature=tensor<3xf32>" | FileCheck %s --check-prefix=HANDLED
// RUN: dy2st-opt %s --pydy-specialize="entry=two_raises signature=tensor<3xf32>" | FileCheck %s --check-prefix=TWO
// RUN: dy2st-opt %s --pydy-specialize="entry=tested signature=tensor<3xf32>" | FileCheck %s --check-prefix=TESTED

// What pydy-inline-calls leaves of `v = helper(a); return v + 1` where the
// helper always raises: `pydy.raised` after the call is true, the exit it
// guards is taken, and the code after the call (`None + 1`, which eager never
// reaches) is not typed.
// ALWAYS-LABEL: pydy.func @always
// ALWAYS: pydy.raise "ValueError", "always"
// ALWAYS-NOT: pydy.raised
// ALWAYS-NOT: pydy.binary
// ALWAYS-NOT: pydy.if
// ALWAYS: pydy.return
pydy.func @always(%a: !pydy.object {pydy.name = "a"}) -> !pydy.object {
  %false = pydy.constant false
  %none = pydy.undef "return.value" : !pydy.object
  pydy.raise "ValueError", "always"
  %result = pydy.undef "raised" : !pydy.object
  %raised = pydy.raised : i1
  %exit:2 = pydy.if %raised : i1 -> i1, !pydy.object {
    %undef = pydy.undef "raised" : !pydy.object
    %true = pydy.constant true
    pydy.yield %true, %undef : i1, !pydy.object
  } else {
    pydy.yield %false, %none : i1, !pydy.object
  } {names = ["return.flag", "return.value"], then_exited}
  %go_on = pydy.unary not %exit#0 : (i1) -> !pydy.object
  %value = pydy.if %go_on : !pydy.object -> !pydy.object {
    %one = pydy.constant 1 : i64
    %sum = pydy.binary add %result, %one : (!pydy.object, i64) -> !pydy.object
    pydy.yield %sum : !pydy.object
  } else {
    pydy.yield %exit#1 : !pydy.object
  } {else_exited, names = ["return.value"]}
  pydy.return %value : !pydy.object
}

// A raise under a runtime condition may or may not have run: the test stays.
// MAYBE-LABEL: pydy.func @maybe
// MAYBE: pydy.if
// MAYBE: pydy.raise "ValueError", "maybe"
// MAYBE: %[[R:.*]] = pydy.raised : i1
// MAYBE: pydy.if %[[R]] : i1
pydy.func @maybe(%a: !pydy.object {pydy.name = "a"}) -> !pydy.object {
  %zero = pydy.constant 0 : i64
  %first = pydy.subscript %a[%zero] : (!pydy.object, i64) -> !pydy.object
  %limit = pydy.constant 1.0 : f64
  %big = pydy.compare gt %first, %limit : (!pydy.object, f64) -> !pydy.object
  pydy.if %big : !pydy.object {
    pydy.raise "ValueError", "maybe"
  } else {
  }
  %raised = pydy.raised : i1
  %out = pydy.if %raised : i1 -> !pydy.object {
    pydy.yield %a : !pydy.object
  } else {
    %twice = pydy.binary add %a, %a : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.yield %twice : !pydy.object
  }
  pydy.return %out : !pydy.object
}

// No raise before it: false, and the branch it guards goes.
// NEVER-LABEL: pydy.func @never
// NEVER-NOT: pydy.raised
// NEVER-NOT: pydy.if
// NEVER: pydy.binary add
pydy.func @never(%a: !pydy.object {pydy.name = "a"}) -> !pydy.object {
  %raised = pydy.raised : i1
  %out = pydy.if %raised : i1 -> !pydy.object {
    pydy.yield %a : !pydy.object
  } else {
    %twice = pydy.binary add %a, %a : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.yield %twice : !pydy.object
  }
  pydy.return %out : !pydy.object
}

// The test after a statement of a `try` body also sees what the checks of
// compiled code record (an index out of range), which no pydy.raise shows:
// it is not folded to false.
// CHECKED-LABEL: pydy.func @checked
// CHECKED: pydy.raised {runtime_checks} : i1
pydy.func @checked(%a: !pydy.object {pydy.name = "a"}) -> !pydy.object {
  %raised = pydy.raised {runtime_checks} : i1
  pydy.return %raised : i1
}

// After an `except` clause caught it, a raise before is no longer certain:
// the test stays.
// HANDLED-LABEL: pydy.func @handled
// HANDLED: pydy.raise "ValueError", "caught"
// HANDLED: pydy.catch ["ValueError"]
// HANDLED: %[[R:.*]] = pydy.raised : i1
// HANDLED: pydy.return %[[R]]
pydy.func @handled(%a: !pydy.object {pydy.name = "a"}) -> !pydy.object {
  pydy.raise "ValueError", "caught"
  %caught = pydy.catch ["ValueError"] : i1
  %raised = pydy.raised : i1
  pydy.return %raised : i1
}

// A helper that raises on every path through two raises (`assert a[0] > 1;
// raise ValueError`): no single raise certainly ran, but the value of the
// exit `if` ending its inlined body is undefined on every path, which only
// raises give, so the test after the call is true and the code after it
// (`v + 1`) is not typed (fuzz seed 46582).
// TWO-LABEL: pydy.func @two_raises
// TWO: pydy.raise "AssertionError"
// TWO: pydy.raise "ValueError", "always"
// TWO-NOT: pydy.raised
// TWO-NOT: pydy.binary
// TWO: pydy.return
pydy.func @two_raises(%a: !pydy.object {pydy.name = "a"}) -> !pydy.object {
  %false = pydy.constant false
  %none = pydy.undef "return.value" : !pydy.object
  %inner_none = pydy.undef "return.value" : !pydy.object
  %zero = pydy.constant 0 : i64
  %first = pydy.subscript %a[%zero] : (!pydy.object, i64) -> !pydy.object
  %limit = pydy.constant 1.0 : f64
  %small = pydy.compare le %first, %limit : (!pydy.object, f64) -> !pydy.object
  %asserted:2 = pydy.if %small : !pydy.object -> i1, !pydy.object {
    pydy.raise "AssertionError", "asserted"
    %undef = pydy.undef "raised" : !pydy.object
    %true = pydy.constant true
    pydy.yield %true, %undef : i1, !pydy.object
  } else {
    pydy.yield %false, %inner_none : i1, !pydy.object
  } {names = ["return.flag", "return.value"], then_exited}
  %go_on = pydy.unary not %asserted#0 : (i1) -> !pydy.object
  %result = pydy.if %go_on : !pydy.object -> !pydy.object {
    pydy.raise "ValueError", "always"
    %undef = pydy.undef "raised" : !pydy.object
    pydy.yield %undef : !pydy.object
  } else {
    pydy.yield %asserted#1 : !pydy.object
  } {else_exited, names = ["return.value"]}
  %raised = pydy.raised : i1
  %exit:2 = pydy.if %raised : i1 -> i1, !pydy.object {
    %undef = pydy.undef "raised" : !pydy.object
    %true = pydy.constant true
    pydy.yield %true, %undef : i1, !pydy.object
  } else {
    pydy.yield %false, %none : i1, !pydy.object
  } {names = ["return.flag", "return.value"], then_exited}
  %after = pydy.unary not %exit#0 : (i1) -> !pydy.object
  %value = pydy.if %after : !pydy.object -> !pydy.object {
    %one = pydy.constant 1 : i64
    %sum = pydy.binary add %result, %one : (!pydy.object, i64) -> !pydy.object
    pydy.yield %sum : !pydy.object
  } else {
    pydy.yield %exit#1 : !pydy.object
  } {else_exited, names = ["return.value"]}
  pydy.return %value : !pydy.object
}

// A call that may raise (`math.sqrt` of a runtime number), then the test
// that exits where it raised: a later test (in the next inlined call) is
// false, and the branch it guards goes (a DDIM loop's group norm took its
// channels-last branch, which cannot be typed for NCHW).
// TESTED-LABEL: pydy.func @tested
// TESTED: pydy.raise "ValueError", "maybe"
// TESTED: pydy.raised : i1
// TESTED-NOT: pydy.raised
// TESTED: pydy.binary add
// TESTED-NOT: pydy.binary mul
pydy.func @tested(%a: !pydy.object {pydy.name = "a"}) -> !pydy.object {
  %false = pydy.constant false
  %none = pydy.undef "return.value" : !pydy.object
  %zero = pydy.constant 0 : i64
  %first = pydy.subscript %a[%zero] : (!pydy.object, i64) -> !pydy.object
  %limit = pydy.constant 1.0 : f64
  %big = pydy.compare gt %first, %limit : (!pydy.object, f64) -> !pydy.object
  pydy.if %big : !pydy.object {
    pydy.raise "ValueError", "maybe"
  } else {
  }
  %raised = pydy.raised : i1
  %exit:2 = pydy.if %raised : i1 -> i1, !pydy.object {
    %undef = pydy.undef "raised" : !pydy.object
    %true = pydy.constant true
    pydy.yield %true, %undef : i1, !pydy.object
  } else {
    pydy.yield %false, %none : i1, !pydy.object
  } {names = ["return.flag", "return.value"], then_exited}
  %again = pydy.raised : i1
  %out = pydy.if %again : i1 -> !pydy.object {
    %product = pydy.binary mul %a, %a : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.yield %product : !pydy.object
  } else {
    %sum = pydy.binary add %a, %a : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.yield %sum : !pydy.object
  }
  %value = pydy.if %exit#0 : i1 -> !pydy.object {
    pydy.yield %exit#1 : !pydy.object
  } else {
    pydy.yield %out : !pydy.object
  }
  pydy.return %value : !pydy.object
}
