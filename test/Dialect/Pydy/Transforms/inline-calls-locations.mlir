// RUN: dy2st-opt %s --pydy-inline-calls=entry=caller --mlir-print-debuginfo | FileCheck %s

// An inlined user function's ops are located in the callee under the call
// (callsite: diagnostics name the chain of callers, innermost first); a
// nested call gives a chain of two. A `pydy.library` function (dy2st's own
// composites) is located at the call, as a builtin's work is.
// CHECK-LABEL: pydy.func @caller
// CHECK: pydy.binary mul {{.*}} loc(#[[HELPER_IN_CALLER:.*]])
// CHECK: pydy.binary add {{.*}} loc(#[[INNER_IN_HELPER_IN_CALLER:.*]])
// CHECK: pydy.binary sub {{.*}} loc(#[[LIBRARY_CALL:.*]])
// CHECK-DAG: #[[CALLER_CALL:.*]] = loc("user.py":3:7)
// CHECK-DAG: #[[LIBRARY_CALL]] = loc("user.py":4:7)
// CHECK-DAG: #[[HELPER_MUL:.*]] = loc("user.py":10:10)
// CHECK-DAG: #[[HELPER_CALL:.*]] = loc("user.py":11:10)
// CHECK-DAG: #[[INNER_ADD:.*]] = loc("user.py":20:10)
// CHECK-DAG: #[[HELPER_IN_CALLER]] = loc(callsite(#[[HELPER_MUL]] at #[[CALLER_CALL]]))
// CHECK-DAG: #[[CALL_IN_CALLER:.*]] = loc(callsite(#[[HELPER_CALL]] at #[[CALLER_CALL]]))
// CHECK-DAG: #[[INNER_IN_HELPER_IN_CALLER]] = loc(callsite(#[[INNER_ADD]] at #[[CALL_IN_CALLER]]))
pydy.func @caller(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %a = pydy.call @helper(%x) : (!pydy.object) -> !pydy.object loc("user.py":3:7)
  %b = pydy.call @composite(%a) : (!pydy.object) -> !pydy.object loc("user.py":4:7)
  pydy.return %b : !pydy.object loc("user.py":5:3)
}

pydy.func @helper(%v: !pydy.object {pydy.name = "v"}) -> !pydy.object {
  %m = pydy.binary mul %v, %v : (!pydy.object, !pydy.object) -> !pydy.object loc("user.py":10:10)
  %n = pydy.call @inner(%m) : (!pydy.object) -> !pydy.object loc("user.py":11:10)
  pydy.return %n : !pydy.object loc("user.py":12:3)
}

pydy.func @inner(%w: !pydy.object {pydy.name = "w"}) -> !pydy.object {
  %s = pydy.binary add %w, %w : (!pydy.object, !pydy.object) -> !pydy.object loc("user.py":20:10)
  pydy.return %s : !pydy.object loc("user.py":21:3)
}

pydy.func @composite(%y: !pydy.object {pydy.name = "y"}) -> !pydy.object attributes {pydy.library} {
  %d = pydy.binary sub %y, %y : (!pydy.object, !pydy.object) -> !pydy.object loc("composites.py":72:9)
  pydy.return %d : !pydy.object loc("composites.py":73:3)
}
