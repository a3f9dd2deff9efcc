# RUN: %python %s | FileCheck %s
# set() and set displays are `items.__set__()` (a tuple of the display's
# items), which the specializer makes a set of ints; add() and discard() of a
# variable bound only to sets change it (written back), where a tensor's
# add() would be a sum.
import dy2st as paddle


def sets(ids, n):
    seen = {0}
    for i in range(n):
        seen.add(int(ids[i]))
    seen.discard(1)
    empty = set()
    return 2 in seen, len(seen), empty


print(paddle.jit.to_static(sets).code)

# CHECK-LABEL: pydy.func @"sets"
# CHECK:     %[[ITEMS:.*]] = pydy.tuple %{{.*}} : (i64) -> !pydy.object
# CHECK:     %[[SEEN:.*]]:2 = pydy.call_method %[[ITEMS]], "__set__"()
# CHECK:     pydy.store "seen", %[[SEEN]]#0
# CHECK:     pydy.for_range
# CHECK:       %[[ADD:.*]]:2 = pydy.call_method %{{.*}}, "add"(%{{.*}})
# CHECK:       pydy.store "seen", %[[ADD]]#1
# CHECK:     %[[DISCARD:.*]]:2 = pydy.call_method %{{.*}}, "discard"(%{{.*}})
# CHECK:     pydy.store "seen", %[[DISCARD]]#1
# CHECK:     %[[NONE:.*]] = pydy.tuple  : () -> !pydy.object
# CHECK:     pydy.call_method %[[NONE]], "__set__"()


def add_to(s, v):
    s.add(v)


print(paddle.jit.to_static(add_to).code)

# A parameter may be a tensor (whose add() changes nothing): the call is not
# written back, and marked so (on a set, the specializer's clear error).
# CHECK-LABEL: pydy.func @"add_to"
# CHECK:     %[[ADD:.*]]:2 = pydy.call_method %{{.*}}, "add"(%{{.*}}) {dropped_update}
# CHECK-NOT: pydy.store "s"


def comprehended(ids, n):
    return {int(ids[i]) for i in range(n) if i != 1}


print(paddle.jit.to_static(comprehended).code)

# A set comprehension: the loops Python runs for it, filling a hidden set
# (set() first, then add()).
# CHECK-LABEL: pydy.func @"comprehended"
# CHECK:     %[[EMPTY:.*]] = pydy.tuple  : () -> !pydy.object
# CHECK:     %[[SET:.*]]:2 = pydy.call_method %[[EMPTY]], "__set__"()
# CHECK:     pydy.store "_dy2st_comprehension_{{[0-9]+}}", %[[SET]]#0
# CHECK:     pydy.for_range
# CHECK:       pydy.if
# CHECK:         %[[ADD:.*]]:2 = pydy.call_method %{{.*}}, "add"(%{{.*}})
# CHECK:         pydy.store "_dy2st_comprehension_{{[0-9]+}}", %[[ADD]]#1
