# RUN: %python %s | FileCheck %s
# `raise` and `assert` become `pydy.raise` followed by a return; a call of a
# function that may raise is followed by a test of `pydy.raised` that returns
# too, so the exception leaves every caller.
import dy2st as paddle


class ModeError(KeyError):
    pass


def check(x):
    assert x.sum() > 0, "positive"
    if x.shape[0] > 4:
        raise ModeError(f"{x.shape[0]} rows")
    return x


def caller(x):
    y = check(x)
    return y + 1


print(paddle.jit.to_static(caller).code)

# CHECK-LABEL: pydy.func @"caller"
# CHECK: %[[Y:.*]] = pydy.call @"check__2"
# CHECK-NEXT: %[[RAISED:.*]] = pydy.raised : i1
# CHECK-NEXT: pydy.if %[[RAISED]] : i1 {
# CHECK-NEXT: %[[U:.*]] = pydy.undef "raised" : !pydy.object
# CHECK-NEXT: pydy.return %[[U]]
# CHECK-NEXT: } else {
# CHECK-NEXT: }
# CHECK-LABEL: pydy.func @"check__2"
# CHECK: %[[C:.*]] = pydy.compare gt
# CHECK: %[[NOT:.*]] = pydy.unary not %[[C]]
# CHECK: pydy.if %[[NOT]]
# CHECK-NEXT: pydy.raise "AssertionError", "positive" loc("{{.*}}importer-raise.py":13:5)
# CHECK-NEXT: pydy.undef "raised"
# CHECK-NEXT: pydy.return
# A user class raises as "Base/Name" (its nearest builtin base, and its own
# name); a message computed at run time is its values' text, formatted as
# f-strings do, and a KeyError's is its argument's repr: the text quoted.
# CHECK: %[[ROWS:.*]] = pydy.constant " rows"
# CHECK: %[[QUOTE:.*]] = pydy.constant "'"
# CHECK: pydy.raise "KeyError/ModeError", "" (%{{.*}}, %{{.*}}, %[[ROWS]], %[[QUOTE]] : !pydy.str, !pydy.object, !pydy.str, !pydy.str) {formats = ["", ":", "", ""]} loc("{{.*}}importer-raise.py":15:9)


def unexpected_keyword(x):
    return paddle.add(x, x, bias=x)


print(paddle.jit.to_static(unexpected_keyword).code)

# A library call whose arguments do not fit the function is Python's
# TypeError where it runs (a branch that folds away never does).
# CHECK-LABEL: pydy.func @"unexpected_keyword"
# CHECK-NOT:   pydy.lib_call "add"
# CHECK:       %[[TRUE:.*]] = pydy.constant true
# CHECK:       pydy.if %[[TRUE]]
# CHECK-NEXT:    pydy.raise "TypeError", "add() got an unexpected keyword argument 'bias'"


def may_raise(v):
    if v > 3:
        raise ValueError("too big")
    return v


def raises_in_and(x, flag):
    return flag and may_raise(x)


print(paddle.jit.to_static(raises_in_and).code)

# A call that may raise in the right operand of `and` (a region, which
# cannot return): the function leaves after the operation when it raised.
# CHECK-LABEL: pydy.func @"raises_in_and"
# CHECK: %[[AND:.*]] = pydy.logical and
# CHECK-NOT: pydy.return
# CHECK: pydy.call @"may_raise
# CHECK: pydy.yield
# CHECK: %[[RAISED:.*]] = pydy.raised : i1
# CHECK-NEXT: pydy.if %[[RAISED]]
