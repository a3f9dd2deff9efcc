# RUN: %python %s | FileCheck %s
# `in`, index(), count() and remove() reach pybuiltins' definitions (Python's
# answer for lists and tuples whose items are known only at run time, which
# the specialization folds where they are known): `x in items` is a call of
# contains(items, x) with the values as they are (no variable: it may be
# inside `and`/`or`), `not in` its negation, and items.remove(v) a pop of
# the index sequence_index finds (with list.remove's error).
import dy2st as paddle


def search(x, items):
    tok = int(x[0])
    found = tok in items
    absent = tok not in (3, 4)
    items.remove(tok)
    return found, absent, items.count(tok)


print(paddle.jit.to_static(search).code)

# CHECK-LABEL: pydy.func @"search"
# CHECK: %[[TOK:.*]] = pydy.load "tok"
# CHECK: %[[ITEMS:.*]] = pydy.load "items"
# CHECK: %[[FOUND:.*]] = pydy.call @"[[CONTAINS:contains__[0-9]+]]"(%[[ITEMS]], %[[TOK]])
# CHECK: pydy.store "found", %[[FOUND]]
# CHECK: %[[IN:.*]] = pydy.call @"[[CONTAINS]]"
# CHECK: %[[ABSENT:.*]] = pydy.unary not %[[IN]]
# CHECK: pydy.store "absent", %[[ABSENT]]
# CHECK: %[[AT:.*]] = pydy.call @"sequence_index__{{[0-9]+}}"
# CHECK: pydy.call_method %{{.*}}, "pop"(%[[AT]])
# CHECK: pydy.store "items"
# CHECK: pydy.call @"sequence_count__{{[0-9]+}}"
# The helper's own `in` is the comparison (for what is not a list or tuple).
# CHECK-LABEL: pydy.func @"contains__
# CHECK: pydy.call_method %{{.*}}, "__isinstance__"
# CHECK: pydy.compare in


def in_literal_set(x, mode="relu"):
    return mode in {"relu", "gelu"}


print(paddle.jit.to_static(in_literal_set).code)

# A set display of literals on the right of `in` is the tuple of them.
# CHECK-LABEL: pydy.func @"in_literal_set"
# CHECK: %[[SET:.*]] = pydy.tuple %{{.*}}, %{{.*}} : (!pydy.str, !pydy.str) -> !pydy.object
# CHECK: pydy.call @"contains__{{[0-9]+}}"(%[[SET]], %{{.*}})
