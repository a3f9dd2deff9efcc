// RUN: dy2st-opt %s --pydy-specialize="entry=axis_after_check signature=tensor<?x?xf32>" | FileCheck %s --check-prefix=NUMBER
// RUN: dy2st-opt %s --pydy-specialize="entry=pair_after_check signature=tensor<?x?xf32>" | FileCheck %s --check-prefix=PAIR

// A helper that checks its argument at run time (`if n <= 0: raise
// ValueError`) and then returns a number known when compiling (inlined:
// the value is undefined on the path that raised). The number stays known
// after the call: the transpose's permutation is static.
// NUMBER-LABEL: pydy.func @axis_after_check
// NUMBER: pydy.raise "ValueError", "bad"
// NUMBER: pydy.lib_call "transpose"(%x) {{.*}}static_args = {perm = [1, 0]}
pydy.func @axis_after_check(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %false = pydy.constant false
  %none = pydy.undef "return.value" : !pydy.object
  %shape = pydy.attr %x, "shape" : !pydy.object -> !pydy.object
  %last = pydy.constant -1 : i64
  %n = pydy.subscript %shape[%last] : (!pydy.object, i64) -> !pydy.object
  %zero = pydy.constant 0 : i64
  %bad = pydy.compare le %n, %zero : (!pydy.object, i64) -> !pydy.object
  %checked:2 = pydy.if %bad : !pydy.object -> i1, !pydy.object {
    pydy.raise "ValueError", "bad"
    %undef = pydy.undef "raised" : !pydy.object
    %true = pydy.constant true
    pydy.yield %true, %undef : i1, !pydy.object
  } else {
    pydy.yield %false, %none : i1, !pydy.object
  } {names = ["return.flag", "return.value"], then_exited}
  %go_on = pydy.unary not %checked#0 : (i1) -> !pydy.object
  %axis = pydy.if %go_on : !pydy.object -> !pydy.object {
    %one = pydy.constant 1 : i64
    pydy.yield %one : i64
  } else {
    pydy.yield %checked#1 : !pydy.object
  } {else_exited, names = ["return.value"]}
  %perm = pydy.list %axis, %zero : (!pydy.object, i64) -> !pydy.object
  %t = pydy.lib_call "transpose"(%x, %perm) : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %t : !pydy.object
}

// The same helper returning `x, 1`: the tuple's known item stays known.
// PAIR-LABEL: pydy.func @pair_after_check
// PAIR: pydy.lib_call "transpose"({{.*}}) {{.*}}static_args = {perm = [1, 0]}
pydy.func @pair_after_check(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %false = pydy.constant false
  %none = pydy.undef "return.value" : !pydy.object
  %shape = pydy.attr %x, "shape" : !pydy.object -> !pydy.object
  %last = pydy.constant -1 : i64
  %n = pydy.subscript %shape[%last] : (!pydy.object, i64) -> !pydy.object
  %zero = pydy.constant 0 : i64
  %bad = pydy.compare le %n, %zero : (!pydy.object, i64) -> !pydy.object
  %checked:2 = pydy.if %bad : !pydy.object -> i1, !pydy.object {
    pydy.raise "ValueError", "bad"
    %undef = pydy.undef "raised" : !pydy.object
    %true = pydy.constant true
    pydy.yield %true, %undef : i1, !pydy.object
  } else {
    pydy.yield %false, %none : i1, !pydy.object
  } {names = ["return.flag", "return.value"], then_exited}
  %go_on = pydy.unary not %checked#0 : (i1) -> !pydy.object
  %pair = pydy.if %go_on : !pydy.object -> !pydy.object {
    %one = pydy.constant 1 : i64
    %tuple = pydy.tuple %x, %one : (!pydy.object, i64) -> !pydy.object
    pydy.yield %tuple : !pydy.object
  } else {
    pydy.yield %checked#1 : !pydy.object
  } {else_exited, names = ["return.value"]}
  %items:2 = pydy.unpack %pair : !pydy.object -> !pydy.object, !pydy.object
  %perm = pydy.list %items#1, %zero : (!pydy.object, i64) -> !pydy.object
  %t = pydy.lib_call "transpose"(%items#0, %perm) : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %t : !pydy.object
}
