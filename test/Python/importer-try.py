# RUN: %python %s | FileCheck %s
# A `try` statement (entered where nothing was raised before it): its body
# in a one-trip loop, left by a break where a
# statement raised (a value is held and tested before it is assigned); a
# raise in it breaks out instead of returning. Then the clauses: catch of
# the builtin classes each names (with their subclasses), the exception
# held while the `finally` block runs on its way out, the `else` block where
# nothing was raised, and the `finally` block.
import dy2st as paddle


def guarded(x, i):
    try:
        y = x[i]
        if i > 3:
            raise ValueError("big")
    except LookupError:
        y = x[0]
    else:
        y = y * 2
    finally:
        print("done")
    return y


print(paddle.jit.to_static(guarded).code)

# CHECK-LABEL: pydy.func @"guarded"
# What a failed check raised before the `try` leaves first.
# CHECK: %[[R0:.*]] = pydy.raised {runtime_checks} : i1
# CHECK: pydy.if %[[R0]] : i1 {
# CHECK-NEXT: pydy.undef "raised"
# CHECK-NEXT: pydy.return
# CHECK: pydy.for_range
# CHECK: %[[ITEM:.*]] = pydy.subscript
# CHECK: pydy.store "[[HELD:_dy2st_value_.*]]", %[[ITEM]]
# CHECK: %[[R1:.*]] = pydy.raised {runtime_checks} : i1
# CHECK: pydy.if %[[R1]] : i1 {
# CHECK-NEXT: pydy.break
# CHECK: %[[V:.*]] = pydy.load "[[HELD]]"
# CHECK: pydy.store "y", %[[V]]
# CHECK: pydy.raise "ValueError", "big"
# CHECK-NEXT: pydy.break
# CHECK: %[[C:.*]] = pydy.catch ["IndexError", "KeyError", "LookupError"] : i1
# CHECK: pydy.if %[[C]] : i1 {
# CHECK: } else {
# CHECK: %[[R2:.*]] = pydy.raised {runtime_checks} : i1
# CHECK: pydy.if %[[R2]] : i1 {
# CHECK-NEXT: pydy.hold_raised
# CHECK: pydy.print
# CHECK: pydy.raise_held
# CHECK: pydy.return
# CHECK: } else {
# CHECK: pydy.binary mul
# CHECK: pydy.print
