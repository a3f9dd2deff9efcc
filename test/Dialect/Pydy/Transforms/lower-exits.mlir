// RUN: dy2st-opt %s --pydy-lower-exits | FileCheck %s
// RUN: dy2st-opt %s --pydy-lower-exits --pydy-promote-variables | FileCheck %s --check-prefix=SSA

// A break in a for-range loop: the loop becomes a while over a counter that
// also tests the break flag, and the code after the break is guarded.
// CHECK-LABEL: pydy.func @break_in_for
// CHECK:      %[[F:.*]] = pydy.constant false
// CHECK-NEXT: pydy.store "break.1", %[[F]] : i1
// CHECK-NEXT: pydy.store "for.1", %{{.*}} : i64
// CHECK:      pydy.while {
// CHECK:        %[[B:.*]] = pydy.load "break.1"
// CHECK:        %[[GO:.*]] = pydy.unary not %[[B]]
// CHECK:        %[[C:.*]] = pydy.logical and %[[GO]]
// CHECK:          pydy.load "for.1"
// CHECK:        pydy.condition(%[[C]] : !pydy.object)
// CHECK:      } do {
// CHECK:        %[[I:.*]] = pydy.load "for.1"
// CHECK:        %[[NEXT:.*]] = pydy.binary add %[[I]]
// CHECK:        pydy.store "for.1", %[[NEXT]]
// CHECK:        pydy.store "i", %[[I]]
// CHECK:        pydy.if %{{.*}} : !pydy.object {
// CHECK:          pydy.store "break.1", %{{.*}} : i1
// CHECK-NOT:      pydy.break
// CHECK:        } else {
// CHECK:        %[[B2:.*]] = pydy.load "break.1"
// CHECK:        %[[GUARD:.*]] = pydy.unary not %[[B2]]
// CHECK:        pydy.if %[[GUARD]] : !pydy.object {
// CHECK:          pydy.binary mul
// SSA-LABEL: pydy.func @break_in_for
// SSA-NOT: pydy.load
// SSA: pydy.while(%{{.*}}, %{{.*}}, %{{.*}} : i1, i64, !pydy.object)
pydy.func @break_in_for(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %c0 = pydy.constant 0 : i64
  %c1 = pydy.constant 1 : i64
  %c10 = pydy.constant 10 : i64
  pydy.for_range %c0, %c10, %c1 : i64, i64, i64 {
  ^bb0(%i: !pydy.object):
    pydy.store "i", %i : !pydy.object
    %x = pydy.load "x" : !pydy.object
    pydy.if %x : !pydy.object {
      pydy.break
    } else {
    }
    %y = pydy.binary mul %x, %x : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.store "x", %y : !pydy.object
  }
  %r = pydy.load "x" : !pydy.object
  pydy.return %r : !pydy.object
}

// continue keeps the counted loop: it only resets and tests its flag.
// CHECK-LABEL: pydy.func @continue_in_for
// CHECK:      pydy.for_range
// CHECK:        %[[F:.*]] = pydy.constant false
// CHECK-NEXT:   pydy.store "continue.1", %[[F]] : i1
// CHECK:        pydy.if %{{.*}} : !pydy.object {
// CHECK:          pydy.store "continue.1"
// CHECK:        %[[C:.*]] = pydy.load "continue.1"
// CHECK:        pydy.unary not %[[C]]
// CHECK-NOT:  pydy.while
pydy.func @continue_in_for(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %c0 = pydy.constant 0 : i64
  %c1 = pydy.constant 1 : i64
  %c10 = pydy.constant 10 : i64
  pydy.for_range %c0, %c10, %c1 : i64, i64, i64 {
  ^bb0(%i: !pydy.object):
    pydy.store "i", %i : !pydy.object
    %x = pydy.load "x" : !pydy.object
    pydy.if %x : !pydy.object {
      pydy.continue
    } else {
    }
    %y = pydy.binary add %x, %x : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.store "x", %y : !pydy.object
  }
  %r = pydy.load "x" : !pydy.object
  pydy.return %r : !pydy.object
}

// return inside a while inside an if: the value goes to `return.value`, the
// loop also stops on the return flag, code after the loop is guarded, and
// the function returns `return.value` at its end. Code after the return in
// the same block is dropped.
// CHECK-LABEL: pydy.func @return_in_while
// CHECK:      pydy.store "return.flag", %{{.*}} : i1
// CHECK:      %[[U:.*]] = pydy.undef "return.value" : !pydy.object
// CHECK:      pydy.store "return.value", %[[U]]
// CHECK:      pydy.while {
// CHECK:        pydy.load "return.flag"
// CHECK:      } do {
// CHECK:        pydy.if %{{.*}} : !pydy.object {
// CHECK:          pydy.store "return.value", %{{.*}} : !pydy.object
// CHECK:          pydy.store "return.flag", %{{.*}} : i1
// CHECK-NOT:      pydy.constant 7
// CHECK:        } else {
// CHECK:      pydy.load "return.flag"
// CHECK:      pydy.if
// CHECK:        pydy.store "return.value"
// CHECK:      %[[V:.*]] = pydy.load "return.value"
// CHECK-NEXT: pydy.return %[[V]] : !pydy.object
pydy.func @return_in_while(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %x = pydy.load "x" : !pydy.object
  pydy.while {
    pydy.condition(%x : !pydy.object)
  } do {
    %x1 = pydy.load "x" : !pydy.object
    pydy.if %x1 : !pydy.object {
      pydy.return %x1 : !pydy.object
      %dead = pydy.constant 7 : i64
    } else {
    }
    pydy.yield
  }
  %none = pydy.constant none
  pydy.return %none : !pydy.none
}

// Nested loops: a break leaves only the inner loop.
// CHECK-LABEL: pydy.func @nested_break
// CHECK:      pydy.for_range
// CHECK:        pydy.store "break.2"
// CHECK:        pydy.while {
// CHECK:          pydy.load "break.2"
pydy.func @nested_break(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %c0 = pydy.constant 0 : i64
  %c1 = pydy.constant 1 : i64
  %c3 = pydy.constant 3 : i64
  pydy.for_range %c0, %c3, %c1 : i64, i64, i64 {
  ^bb0(%i: !pydy.object):
    pydy.for_range %c0, %c3, %c1 : i64, i64, i64 {
    ^bb0(%j: !pydy.object):
      pydy.break
    }
  }
  %r = pydy.load "x" : !pydy.object
  pydy.return %r : !pydy.object
}

// A break in `for x in container`: the loop keeps its form (it unrolls over a
// Python list) and each iteration runs only while no break happened.
// CHECK-LABEL: pydy.func @break_in_for_in
// CHECK:      pydy.store "break.[[N:[0-9]+]]", %{{.*}} : i1
// CHECK:      pydy.for_in %{{.*}} : !pydy.object {
// CHECK:        %[[B:.*]] = pydy.load "break.[[N]]"
// CHECK:        %[[GO:.*]] = pydy.unary not %[[B]]
// CHECK:        pydy.if %[[GO]] : !pydy.object {
// CHECK:          pydy.store "break.[[N]]"
// CHECK-NOT:    pydy.while
pydy.func @break_in_for_in(%arg0: !pydy.object {pydy.name = "items"}) -> !pydy.object {
  %items = pydy.load "items" : !pydy.object
  pydy.for_in %items : !pydy.object {
  ^bb0(%v: !pydy.object):
    pydy.store "v", %v : !pydy.object
    %c = pydy.load "v" : !pydy.object
    pydy.if %c : !pydy.object {
      pydy.break
    } else {
    }
  }
  pydy.return
}

// A for-range loop whose returns all follow raises keeps its form too. Its
// guards run their else branch only after a raise (marked for promotion).
// CHECK-LABEL: pydy.func @raise_in_for_range
// CHECK:      pydy.for_range
// CHECK:        pydy.load "return.flag"
// CHECK:        pydy.if
// CHECK:          pydy.raise "ValueError", "negative"
// CHECK:        } {else_exited}
// CHECK-NOT:    pydy.while
// CHECK:      } {else_exited}
pydy.func @raise_in_for_range(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %c0 = pydy.constant 0 : i64
  %c1 = pydy.constant 1 : i64
  %c3 = pydy.constant 3 : i64
  pydy.for_range %c0, %c3, %c1 : i64, i64, i64 {
  ^bb0(%i: !pydy.object):
    %x = pydy.load "x" : !pydy.object
    pydy.if %x : !pydy.object {
      pydy.raise "ValueError", "negative"
      %u = pydy.undef "raised" : !pydy.object
      pydy.return %u : !pydy.object
    } else {
    }
  }
  %r = pydy.load "x" : !pydy.object
  pydy.return %r : !pydy.object
}

// A branch that always exits is marked (then_exited), as is the guard's else
// branch (else_exited): a variable the other branch assigns is assigned for
// the code after them, which runs only where no exit happened.
// CHECK-LABEL: pydy.func @return_in_then
// CHECK:      pydy.if
// CHECK:        pydy.store "return.flag"
// CHECK:      } {then_exited}
// CHECK:      pydy.if
// CHECK:        pydy.load "v"
// CHECK:      } {else_exited}
// SSA-LABEL: pydy.func @return_in_then
// SSA-NOT: pydy.unsupported
// SSA: pydy.return
pydy.func @return_in_then(%arg0: !pydy.object {pydy.name = "c"}) -> !pydy.object {
  %c = pydy.load "c" : !pydy.object
  pydy.if %c : !pydy.object {
    %zero = pydy.constant 0 : i64
    pydy.return %zero : i64
  } else {
    %one = pydy.constant 1 : i64
    pydy.store "v", %one : i64
  }
  %v = pydy.load "v" : !pydy.object
  pydy.return %v : !pydy.object
}

// On the path where the function returned (the guard's else branch after a
// return-only exit), what the guarded code assigns is undefined: `s` may take
// another type there (a reshape) and still joins with the path that ran.
// A break's guard keeps the values (they are read after the loop).
// CHECK-LABEL: pydy.func @assigned_after_return
// CHECK:      pydy.unary not
// CHECK-NEXT: pydy.if
// CHECK:        pydy.store "s"
// CHECK:        pydy.store "return.value"
// CHECK-NEXT: } else {
// CHECK-NEXT:   %[[U:.*]] = pydy.undef "s"
// CHECK-NEXT:   pydy.store "s", %[[U]]
// CHECK-NEXT: } {else_exited}
// CHECK-NEXT: pydy.load "return.value"
pydy.func @assigned_after_return(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %x = pydy.load "x" : !pydy.object
  pydy.if %x : !pydy.object {
    pydy.raise "ValueError", "negative"
    %u = pydy.undef "raised" : !pydy.object
    pydy.return %u : !pydy.object
  } else {
  }
  %one = pydy.constant 1 : i64
  pydy.store "s", %one : i64
  %s = pydy.load "s" : !pydy.object
  pydy.return %s : !pydy.object
}

// A call that may raise in a while's condition (`while check(x):`): no
// return stays in the condition, which is false once the call raised; after
// the loop the function returns if it did, and the code after the loop is
// guarded. (No variable is assigned in the condition: SSA form follows.)
// CHECK-LABEL: pydy.func @raise_in_condition
// CHECK:      pydy.while {
// CHECK:        %[[GOT:.*]] = pydy.call @check
// CHECK-NOT:    pydy.return
// CHECK:        %[[BOTH:.*]] = pydy.logical and %[[GOT]]
// CHECK:          %[[RAISED:.*]] = pydy.raised
// CHECK:          pydy.unary not %[[RAISED]]
// CHECK:        pydy.condition(%[[BOTH]] : !pydy.object)
// CHECK:      } do {
// CHECK:      %[[AFTER:.*]] = pydy.raised : i1
// CHECK:      pydy.if %[[AFTER]] : i1 {
// CHECK:        pydy.store "return.flag"
// CHECK:      } else {
// CHECK:      } {then_exited}
// SSA-LABEL: pydy.func @raise_in_condition
// SSA-NOT: pydy.load
pydy.func @check(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  pydy.raise "ValueError", "no"
  %u = pydy.undef "raised" : !pydy.object
  pydy.return %u : !pydy.object
}
pydy.func @raise_in_condition(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  pydy.while {
    %v = pydy.load "x" : !pydy.object
    %c = pydy.call @check(%v) : (!pydy.object) -> !pydy.object
    %r = pydy.raised : i1
    pydy.if %r : i1 {
      %u = pydy.undef "raised" : !pydy.object
      pydy.return %u : !pydy.object
    } else {
    }
    pydy.condition(%c : !pydy.object)
  } do {
    %v = pydy.load "x" : !pydy.object
    %one = pydy.constant 1 : i64
    %d = pydy.binary sub %v, %one : (!pydy.object, i64) -> !pydy.object
    pydy.store "x", %d : !pydy.object
    pydy.yield
  }
  %x2 = pydy.load "x" : !pydy.object
  pydy.return %x2 : !pydy.object
}
