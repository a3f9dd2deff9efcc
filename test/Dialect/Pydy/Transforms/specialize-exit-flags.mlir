// RUN: dy2st-opt %s --pydy-specialize="entry=both_exit signature=tensor<3xf32>" | FileCheck %s --check-prefix=BOTH
// RUN: dy2st-opt %s --pydy-specialize="entry=flag_known signature=tensor<3xf32>" | FileCheck %s --check-prefix=KNOWN

// What pydy-lower-exits and pydy-promote-variables leave of
//     if a[0] > 0: return a          (a tensor condition)
//     else: raise ValueError("no")
//     v = a.missing_name              (never reached: both branches exit)
//     return v
// Both branches yield the exit flag `true`, so the flag is a constant, the
// code it guards folds away and is never typed, and `v` (bound on no path)
// carries nothing.
// BOTH-LABEL: pydy.func @both_exit
// BOTH: pydy.if %{{.*}} : tensor<i1> -> i1, tensor<3xf32>, !pydy.none {
// BOTH: pydy.raise "ValueError", "no"
// BOTH-NOT: pydy.call_method
// BOTH: pydy.return
pydy.func @both_exit(%a: !pydy.object {pydy.name = "a"}) -> !pydy.object {
  %false = pydy.constant false
  %none = pydy.undef "return.value" : !pydy.object
  %zero = pydy.constant 0 : i64
  %first = pydy.subscript %a[%zero] : (!pydy.object, i64) -> !pydy.object
  %limit = pydy.constant 0.0 : f64
  %positive = pydy.compare gt %first, %limit : (!pydy.object, f64) -> !pydy.object
  %exit:3 = pydy.if %positive : !pydy.object -> i1, !pydy.object, !pydy.object {
    %true = pydy.constant true
    %v = pydy.undef "v" : !pydy.object
    pydy.yield %true, %a, %v : i1, !pydy.object, !pydy.object
  } else {
    pydy.raise "ValueError", "no"
    %raised = pydy.undef "raised" : !pydy.object
    %true = pydy.constant true
    %v = pydy.undef "v" : !pydy.object
    pydy.yield %true, %raised, %v : i1, !pydy.object, !pydy.object
  } {names = ["return.flag", "return.value", "v"]}
  %go_on = pydy.unary not %exit#0 : (i1) -> !pydy.object
  %value = pydy.if %go_on : !pydy.object -> !pydy.object {
    %missing:2 = pydy.call_method %exit#2, "missing_name"() : !pydy.object, () -> (!pydy.object, !pydy.object)
    pydy.yield %missing#0 : !pydy.object
  } else {
    pydy.yield %exit#1 : !pydy.object
  } {else_exited, names = ["return.value"]}
  pydy.return %value : !pydy.object
}

// A flag known only at run time: in the branch taken when it is set, it is
// true. Here the branch taken when it is clear exits too (a raise), so after
// the second `if` the flag is true on every path and the `missing_name` call
// it guards folds away.
//     for ...: if a[0] > 0: raise ...   (flag: run time)
//     if not flag: raise ValueError("always")
//     v = a.missing_name
// KNOWN-LABEL: pydy.func @flag_known
// KNOWN: pydy.raise "ValueError", "sometimes"
// KNOWN: pydy.raise "ValueError", "always"
// KNOWN: } else {
// KNOWN-NEXT: %[[SET:.*]] = pydy.constant true
// KNOWN-NEXT: pydy.yield %[[SET]],
// KNOWN-NOT: pydy.call_method
// KNOWN: pydy.return
pydy.func @flag_known(%a: !pydy.object {pydy.name = "a"}) -> !pydy.object {
  %false = pydy.constant false
  %none = pydy.undef "return.value" : !pydy.object
  %zero = pydy.constant 0 : i64
  %first = pydy.subscript %a[%zero] : (!pydy.object, i64) -> !pydy.object
  %limit = pydy.constant 0.0 : f64
  %positive = pydy.compare gt %first, %limit : (!pydy.object, f64) -> !pydy.object
  %flag:2 = pydy.if %positive : !pydy.object -> !pydy.object, !pydy.object {
    pydy.raise "ValueError", "sometimes"
    %raised = pydy.undef "raised" : !pydy.object
    %true = pydy.constant true
    pydy.yield %true, %raised : i1, !pydy.object
  } else {
    pydy.yield %false, %none : i1, !pydy.object
  } {names = ["return.flag", "return.value"], then_exited}
  %clear = pydy.unary not %flag#0 : (!pydy.object) -> !pydy.object
  %second:2 = pydy.if %clear : !pydy.object -> !pydy.object, !pydy.object {
    pydy.raise "ValueError", "always"
    %raised = pydy.undef "raised" : !pydy.object
    %true = pydy.constant true
    pydy.yield %true, %raised : i1, !pydy.object
  } else {
    pydy.yield %flag#0, %flag#1 : !pydy.object, !pydy.object
  } {names = ["return.flag", "return.value"], then_exited}
  %go_on = pydy.unary not %second#0 : (!pydy.object) -> !pydy.object
  %value = pydy.if %go_on : !pydy.object -> !pydy.object {
    %missing:2 = pydy.call_method %a, "missing_name"() : !pydy.object, () -> (!pydy.object, !pydy.object)
    pydy.yield %missing#0 : !pydy.object
  } else {
    pydy.yield %second#1 : !pydy.object
  } {else_exited, names = ["return.value"]}
  pydy.return %value : !pydy.object
}
