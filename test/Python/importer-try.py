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
# With a `finally` block, the clauses and the `else` block run in a
# one-trip loop of their own: what they raise leaves it.
# CHECK: pydy.for_range
# CHECK: %[[C:.*]] = pydy.catch ["IndexError", "KeyError", "LookupError"] : i1
# CHECK: pydy.if %[[C]] : i1 {
# CHECK: pydy.binary mul
# Then the exception no clause took (or a clause raised), held while the
# `finally` block runs, and the `finally` block.
# CHECK: pydy.hold_raised
# CHECK: pydy.print
# CHECK: pydy.raise_held
# CHECK: pydy.return
# CHECK: pydy.print


# A `break` and a `continue` of the loop around the `try`, in its body: a
# code kept and a break out of the one-trip loop; after the `finally` block,
# the code's break or continue.
def leaves_the_loop(x, n):
    for i in range(n):
        try:
            if i == 1:
                continue
            break
        finally:
            print(i)
    return x


print(paddle.jit.to_static(leaves_the_loop).code)

# CHECK-LABEL: pydy.func @"leaves_the_loop"
# CHECK: pydy.store "[[EXIT:_dy2st_exit_[0-9]+]]"
# CHECK: pydy.for_range
# CHECK: %[[CONTINUE:.*]] = pydy.constant 3 : i64
# CHECK-NEXT: pydy.store "[[EXIT]]", %[[CONTINUE]]
# CHECK-NEXT: pydy.break
# CHECK: %[[BREAK:.*]] = pydy.constant 2 : i64
# CHECK-NEXT: pydy.store "[[EXIT]]", %[[BREAK]]
# CHECK-NEXT: pydy.break
# CHECK: pydy.hold_raised
# CHECK: pydy.print
# CHECK: %[[E1:.*]] = pydy.load "[[EXIT]]"
# CHECK: %[[IS_BREAK:.*]] = pydy.compare eq %[[E1]]
# CHECK: pydy.if %[[IS_BREAK]]
# CHECK-NEXT: pydy.break
# CHECK: %[[E2:.*]] = pydy.load "[[EXIT]]"
# CHECK: %[[IS_CONTINUE:.*]] = pydy.compare eq %[[E2]]
# CHECK: pydy.if %[[IS_CONTINUE]]
# CHECK-NEXT: pydy.continue


# A bare `raise` in a clause: the clause holds the exception it handled from
# its start, records it again where it re-raises (and leaves), and lets it go
# at its end.
def re_raises(x, k):
    try:
        y = x[k]
    except IndexError:
        if k > 5:
            raise
        y = x[0]
    return y


print(paddle.jit.to_static(re_raises).code)

# CHECK-LABEL: pydy.func @"re_raises"
# How many exceptions are held as the `try` starts: each clause first lets go
# of those its body's clauses left behind when they raised.
# CHECK: %[[ENTRY:.*]] = pydy.held_depth : i64
# CHECK-NEXT: pydy.store "[[ENTRY_NAME:_dy2st_entry_depth_.*]]", %[[ENTRY]]
# CHECK: %[[C:.*]] = pydy.catch ["IndexError"] : i1
# CHECK: pydy.if %[[C]] : i1 {
# CHECK-NEXT: %[[E0:.*]] = pydy.load "[[ENTRY_NAME]]"
# CHECK-NEXT: pydy.drop_held %[[E0]] : !pydy.object
# CHECK: %[[DEPTH:.*]] = pydy.hold_caught : i64
# CHECK-NEXT: pydy.store "[[HELD:_dy2st_caught_.*]]", %[[DEPTH]]
# CHECK: %[[D1:.*]] = pydy.load "[[HELD]]"
# CHECK-NEXT: pydy.raise_held %[[D1]] : !pydy.object
# CHECK: pydy.return
# CHECK: %[[D2:.*]] = pydy.load "[[HELD]]"
# CHECK-NEXT: pydy.drop_held %[[D2]] : !pydy.object


# `except E as e` reading `e`: the clause holds the exception it handled, `e`
# is the held exception (`raise e` records it again), and the clause ends
# with `e` unbound, as in Python.
def names_the_exception(x, k):
    try:
        y = x[k]
    except IndexError as e:
        print("failed:", e)
        if k > 5:
            raise e
        y = x[0]
    return y


print(paddle.jit.to_static(names_the_exception).code)

# CHECK-LABEL: pydy.func @"names_the_exception"
# CHECK: %[[C:.*]] = pydy.catch ["IndexError"] : i1
# CHECK: pydy.if %[[C]] : i1 {
# CHECK-NEXT: pydy.load "_dy2st_entry_depth_
# CHECK-NEXT: pydy.drop_held
# CHECK: %[[DEPTH:.*]] = pydy.hold_caught : i64
# CHECK-NEXT: pydy.store "[[HELD:_dy2st_caught_.*]]", %[[DEPTH]]
# CHECK: %[[D0:.*]] = pydy.load "[[HELD]]"
# CHECK-NEXT: %[[E:.*]] = pydy.caught_exception %[[D0]] : !pydy.object
# CHECK-NEXT: pydy.store "e", %[[E]]
# CHECK: %[[READ:.*]] = pydy.load "e"
# CHECK: pydy.print %{{.*}}, %[[READ]]
# CHECK: %[[D1:.*]] = pydy.load "[[HELD]]"
# CHECK-NEXT: pydy.raise_held %[[D1]] : !pydy.object
# CHECK: %[[D2:.*]] = pydy.load "[[HELD]]"
# CHECK-NEXT: pydy.drop_held %[[D2]] : !pydy.object
# CHECK: pydy.store "e", %{{.*}} : !pydy.none


# A bare `raise` outside a clause re-raises the exception being handled (the
# runtime's held one, or a RuntimeError), and returns as a raise does; a
# clause that calls a function holds its exception for it.
def re_raise_what_is_handled(x):
    raise


def calls_a_re_raising_helper(x, k):
    try:
        y = x[k]
    except IndexError:
        y = re_raise_what_is_handled(x)
    return y


print(paddle.jit.to_static(calls_a_re_raising_helper).code)

# CHECK-LABEL: pydy.func @"calls_a_re_raising_helper"
# CHECK: %[[C:.*]] = pydy.catch ["IndexError"] : i1
# CHECK: pydy.if %[[C]] : i1 {
# CHECK-NEXT: pydy.load "_dy2st_entry_depth_
# CHECK-NEXT: pydy.drop_held
# CHECK: %[[DEPTH:.*]] = pydy.hold_caught : i64
# CHECK: pydy.call @"re_raise_what_is_handled[[SUFFIX:.*]]"(
# CHECK: pydy.drop_held
# CHECK: pydy.func @"re_raise_what_is_handled[[SUFFIX]]"
# CHECK: pydy.reraise loc(
# CHECK-NEXT: pydy.undef "raised"
# CHECK-NEXT: pydy.return


# A `return` in a `finally` block: where the block runs on an exception's way
# out, the held exception is let go before the return (Python drops it); the
# `raise held` after the block is reached only without it.
def returns_from_finally(x, k):
    try:
        y = x[k]
    finally:
        if k > 1:
            return x
    return y


print(paddle.jit.to_static(returns_from_finally).code)

# CHECK-LABEL: pydy.func @"returns_from_finally"
# CHECK: %[[HELD:.*]] = pydy.hold_raised : i64
# CHECK-NEXT: pydy.store "[[DEPTH:_dy2st_held_.*]]", %[[HELD]]
# CHECK: pydy.if
# CHECK: %[[D:.*]] = pydy.load "[[DEPTH]]"
# CHECK-NEXT: pydy.drop_held %[[D]] : !pydy.object
# CHECK: pydy.return
# CHECK: %[[R:.*]] = pydy.load "[[DEPTH]]"
# CHECK-NEXT: pydy.raise_held %[[R]] : !pydy.object


def clause_returns(x, k):
    try:
        if k > 0:
            raise KeyError("k")
    except LookupError as err:
        print(err)
        return x * 2
    finally:
        print("finally")
    return x


print(paddle.jit.to_static(clause_returns).code)

# A clause's return lets its exception go, after the returned value is
# computed (it may re-raise it), so that the finally block that then runs has
# nothing to re-raise.
# CHECK-LABEL: pydy.func @"clause_returns"
# CHECK: pydy.hold_caught
# CHECK: pydy.binary mul
# CHECK: pydy.store "[[KEPT:_dy2st_caught_[0-9]+_returned]]"
# CHECK: pydy.drop_held
# CHECK: pydy.load "[[KEPT]]"
