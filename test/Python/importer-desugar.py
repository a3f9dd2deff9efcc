# RUN: %python %s | FileCheck %s
# Statements rewritten as Python defines them before importing (`statements`):
# a loop's else under a flag set before each break, enumerate's start added to
# the index, a generator expression as a list; builtins called from compiled
# code are the Python functions of `pybuiltins`.
import dy2st as paddle


def loops(x):
    for i, v in enumerate([1, 2], 5):
        if v > 3:
            break
        x = x + i
    else:
        x = x * 2
    while x.sum() > 100:
        x = x / 2
    else:
        x = x - 1
    return x + sum(k * k for k in range(3)) + max(1, 2)


print(paddle.jit.to_static(loops).code)

# CHECK-LABEL: pydy.func @"loops"
# CHECK: pydy.store "[[FLAG:_dy2st_broke_[0-9]+]]", %{{.*}} : i1
# CHECK: pydy.for_in
# CHECK: pydy.store "[[INDEX:_dy2st_index_[0-9]+]]"
# CHECK: %[[I:.*]] = pydy.load "[[INDEX]]"
# CHECK: %[[START:.*]] = pydy.constant 5 : i64
# CHECK: pydy.binary add %[[I]], %[[START]]
# CHECK: pydy.store "[[FLAG]]"
# CHECK-NEXT: pydy.break
# CHECK: } {enumerate}
# CHECK: %[[BROKE:.*]] = pydy.load "[[FLAG]]"
# CHECK: %[[ELSE:.*]] = pydy.unary not %[[BROKE]]
# CHECK: pydy.if %[[ELSE]]
# A while without break: its else follows it.
# CHECK: pydy.while
# CHECK: pydy.binary sub
# The generator is filled into a hidden list, summed by pybuiltins.sum_.
# CHECK: pydy.store "_dy2st_comprehension_{{.*}}"
# CHECK: pydy.call @"sum___{{[0-9]+}}"
# CHECK: pydy.call @"max___{{[0-9]+}}"
# CHECK-LABEL: pydy.func @"sum___{{[0-9]+}}"
# CHECK-LABEL: pydy.func @"max___{{[0-9]+}}"


def starred(x):
    items = [x, 2.0]
    first, *rest = [*items, x]
    return first


print(paddle.jit.to_static(starred).code)

# `[*items, x]` is `list(items) + [x]`; `first, *rest = v` reads v[0] and
# list(v[1:]) from a hidden name.
# CHECK-LABEL: pydy.func @"starred"
# CHECK: pydy.call_method %{{.*}}, "__list__"()
# CHECK: %[[TAIL:.*]] = pydy.list %{{.*}} : (!pydy.object) -> !pydy.object
# CHECK: %[[JOINED:.*]] = pydy.binary add %{{.*}}, %[[TAIL]]
# CHECK: pydy.store "[[HELD:_dy2st_unpacked_[0-9]+]]", %[[JOINED]]
# CHECK: %[[V:.*]] = pydy.load "[[HELD]]"
# CHECK: pydy.subscript %[[V]][
# CHECK: pydy.store "first"
# CHECK: pydy.slice
# CHECK: pydy.store "rest"


def ranges(x):
    return paddle.transpose(x, list(range(x.ndim))[::-1]), tuple(range(1, 7, 2))


print(paddle.jit.to_static(ranges).code)

# list(range(...)) is the list pybuiltins.range_list fills in a loop over the
# range; tuple(range(...)) the same, made a tuple.
# CHECK-LABEL: pydy.func @"ranges"
# CHECK: %[[NDIM:.*]] = pydy.attr %{{.*}}, "ndim"
# CHECK: %[[LIST:.*]] = pydy.call @"range_list__{{[0-9]+}}"(%[[NDIM]]
# CHECK: pydy.call_method %[[LIST]], "__list__"()
# CHECK: %[[TUPLE:.*]] = pydy.call @"range_list__{{[0-9]+}}"(
# CHECK: pydy.call_method %[[TUPLE]], "__tuple__"()
# CHECK-LABEL: pydy.func @"range_list__{{[0-9]+}}"
# CHECK: pydy.for_range
# CHECK: pydy.call_method {{.*}}"append"


def ordered(x):
    return sorted([x.sum(), x.max()], key=abs, reverse=True)


print(paddle.jit.to_static(ordered).code)

# sorted() is pybuiltins.sorted_ (the key function, known when importing, is
# bound into it): a bubble sort that swaps neighbours where their keys are
# strictly out of order.
# CHECK-LABEL: pydy.func @"ordered"
# CHECK: %[[REVERSE:.*]] = pydy.constant true
# CHECK: pydy.call @"[[SORTED:sorted___[0-9]+]]"(%{{.*}}, %[[REVERSE]])
# CHECK: pydy.func @"[[SORTED]]"
# CHECK: pydy.call_method %{{.*}}, "__list__"()
# CHECK: pydy.for_range
# CHECK: pydy.for_range
# CHECK: pydy.call @"abs___
# CHECK: pydy.compare lt


def rows_changed(x):
    for row in x:
        row.scale_(2.0)
        print(row)
    return x


print(paddle.jit.to_static(rows_changed).code)

# `for row in x` whose body changes row in place runs over indices: row is
# x[k], a view the change is written back into.
# CHECK-LABEL: pydy.func @"rows_changed"
# CHECK:       %[[X:.*]] = pydy.load "x"
# CHECK:       %[[N:.*]] = pydy.len %[[X]]
# CHECK:       pydy.for_range %{{.*}}, %[[N]], %{{.*}} : i64, !pydy.object, i64 {
# CHECK:         pydy.store "[[K:_dy2st_item_index_[0-9]+]]"
# CHECK:         %[[AT:.*]] = pydy.load "[[K]]"
# CHECK:         pydy.store "view.[[V:[0-9]+]].index", %[[AT]]
# CHECK:         pydy.store "row"
# CHECK:         pydy.load "view.[[V]].is"
# CHECK:         pydy.setitem
# CHECK:         pydy.store "x"


def items_passed_on(x):
    out = []
    for row in x:
        out.append(row)
        out.append(paddle.tanh(row))
    return out


print(paddle.jit.to_static(items_passed_on).code)

# Passing the item to other objects' methods changes no item: the loop stays.
# CHECK-LABEL: pydy.func @"items_passed_on"
# CHECK-NOT:   pydy.for_range
# CHECK:       pydy.for_in


def cells_changed(x):
    grid = [[x, x * 2.0], [x * 3.0, x * 4.0]]
    for row in grid:
        for cell in row:
            cell.scale_(2.0)
    return grid


print(paddle.jit.to_static(cells_changed).code)

# An inner loop's item changed in place changes the outer loop's item: both
# run over indices.
# CHECK-LABEL: pydy.func @"cells_changed"
# CHECK-NOT:   pydy.for_in
# CHECK:       pydy.for_range
# CHECK:         pydy.store "row"
# CHECK:         pydy.for_range
# CHECK:           pydy.store "cell"


def caches_grown(x):
    caches = [{"k": x}, {"k": x * 2.0}]
    for cache in caches:
        cache["k"].add_(x)
    return caches


print(paddle.jit.to_static(caches_grown).code)

# A tensor inside the item changed in place (`cache["k"].add_(x)`) changes
# the item: the loop runs over indices, as for `cache["k"] = v`.
# CHECK-LABEL: pydy.func @"caches_grown"
# CHECK-NOT:   pydy.for_in
# CHECK:       pydy.for_range
# CHECK:         pydy.store "cache"
# CHECK:         pydy.setitem
# CHECK:         pydy.store "caches"


def nested_item_changed(items, x):
    cache = items[1][0]
    cache["k"].add_(x)
    for row in items[2]:
        row.add_(x)
    return x


print(paddle.jit.to_static(nested_item_changed).code)

# `cache = items[1][0]` changed in place is `t = items[1]; cache = t[0]`: a
# name given by indexing a name, one level at a time, which the change
# reaches; a loop over `items[2]` whose rows change runs over its items named
# once before the loop.
# CHECK-LABEL: pydy.func @"nested_item_changed"
# CHECK:       pydy.store "[[T:_dy2st_item_[0-9]+]]"
# CHECK:       pydy.load "[[T]]"
# CHECK:       pydy.store "cache"
# CHECK:       pydy.store "[[T]]"
# CHECK:       pydy.store "items"
# CHECK:       pydy.store "[[ROWS:_dy2st_items_[0-9]+]]"
# CHECK:       pydy.for_range
# CHECK:         pydy.load "[[ROWS]]"
# CHECK:         pydy.store "row"


def _step(x, h):
    return paddle.tanh(x + h)


def _grow(cache, x):
    cache["k"].add_(x)


def items_given_to_functions(xs, caches, h):
    for x in xs:
        h = _step(x, h)
    for cache in caches:
        _grow(cache, h)
    return h


print(paddle.jit.to_static(items_given_to_functions).code)

# A loop whose item goes to a function of the user's runs over indices only
# where that function changes its parameter in place (read from its source):
# _step only reads x, _grow changes its cache.
# CHECK-LABEL: pydy.func @"items_given_to_functions"
# CHECK:       pydy.for_in
# CHECK:         pydy.call @"_step
# CHECK:       pydy.for_range
# CHECK:         pydy.store "cache"
# CHECK:         pydy.call @"_grow


class GrowsByAMethod(paddle.nn.Layer):
    def grow(self, cache, x):
        cache["k"].add_(x)

    def read(self, cache):
        return cache["k"] * 2.0

    def forward(self, caches, x):
        for cache in caches:
            self.grow(cache, x)
        for cache in caches:
            x = x + self.read(cache)
        return x


print(paddle.jit.to_static(GrowsByAMethod().forward).code)

# The same for a method of the layer (`self.grow`), read from its class.
# CHECK-LABEL: pydy.func @"forward"
# CHECK:       pydy.for_range
# CHECK:         pydy.store "cache"
# CHECK:         pydy.call @"GrowsByAMethod_grow
# CHECK:       pydy.for_in
# CHECK:         pydy.call @"GrowsByAMethod_read


def formatted(x):
    print("loss {:.3f} at {!r}".format(x.sum(), "step"))
    return x


print(paddle.jit.to_static(formatted).code)

# "...".format(...) of a literal template is the f-string it stands for: the
# argument computed at run time held once, then the pieces formatted.
# CHECK-LABEL: pydy.func @"formatted"
# CHECK: pydy.store "[[HELD:format\.[0-9]+]]"
# CHECK: %[[V:.*]] = pydy.load "[[HELD]]"
# CHECK: pydy.format %{{v[0-9]+}}, %[[V]], %{{v[0-9]+}}, %{{v[0-9]+}} :
# CHECK-SAME: formats = ["", ":.3f", "", "!r"]


def deleted(x):
    items = [x, x]
    del items[0], items[0:1]
    tmp = x * 2
    del tmp
    return tmp


print(paddle.jit.to_static(deleted).code)

# `del c[k]` is c.pop(k), `del c[a:b]` is `c[a:b] = []`, and `del name`
# clears the name's bound flag, which the read after it tests.
# CHECK-LABEL: pydy.func @"deleted"
# CHECK: pydy.store "[[FLAG:_dy2st_bound_tmp]]", %{{.*}} : i1
# CHECK: pydy.call_method %{{.*}}, "pop"(%{{.*}})
# CHECK: %[[EMPTY:.*]] = pydy.list  : () -> !pydy.object
# CHECK: pydy.setitem %{{.*}}[%{{.*}}] = %[[EMPTY]]
# CHECK: pydy.store "[[FLAG]]"
# CHECK: %[[FALSE:.*]] = pydy.constant false
# CHECK: pydy.store "[[FLAG]]", %[[FALSE]]
# CHECK: %[[BOUND:.*]] = pydy.load "[[FLAG]]"
# CHECK: %[[UNBOUND:.*]] = pydy.unary not %[[BOUND]]
# CHECK: pydy.if %[[UNBOUND]]
# CHECK: pydy.raise "UnboundLocalError"


def sorted_list(x):
    items = [x.sum(), x.max()]
    items.sort(reverse=True)
    return items


print(paddle.jit.to_static(sorted_list).code)

# l.sort(...) is pybuiltins.sort_method(l, ...), whose change of the list in
# place is written back to `items`.
# CHECK-LABEL: pydy.func @"sorted_list"
# CHECK: %[[CALL:.*]] = pydy.call @"sort_method__{{[0-9]+}}"
# CHECK: pydy.subscript %[[CALL]]
# CHECK: pydy.store "items"


def dict_builders(x):
    table = dict(w=x)
    return {**table, "b": x}


print(paddle.jit.to_static(dict_builders).code)

# dict(...) is pybuiltins.dict_ (its keywords a dict for **kwargs), `{**d,
# k: v}` pybuiltins.merged_dicts of the parts in order (a tuple for *parts).
# CHECK-LABEL: pydy.func @"dict_builders"
# CHECK: pydy.call @"dict___{{[0-9]+}}"
# CHECK: %[[TABLE:.*]] = pydy.load "table"
# CHECK: %[[PART:.*]] = pydy.dict keys
# CHECK: %[[PARTS:.*]] = pydy.tuple %[[TABLE]], %[[PART]]
# CHECK: pydy.call @"merged_dicts__{{[0-9]+}}"(%[[PARTS]])


def backwards(x, n):
    for t in reversed(range(1, n, 2)):
        x = x + t
    return x, sum(range(n)), list(zip(range(2), range(3, 5)))


print(paddle.jit.to_static(backwards).code)

# for t in reversed(range(...)): a loop over the range of the same items
# backwards, whose bounds pybuiltins.reversed_range computes; a range given
# to a builtin that iterates it is the list of its items.
# CHECK-LABEL: pydy.func @"backwards"
# CHECK:     %[[B:.*]] = pydy.call @"reversed_range__{{[0-9]+}}"(%{{.*}}, %{{.*}}, %{{.*}})
# CHECK:     %[[START:.*]] = pydy.subscript %[[B]][%{{.*}}]
# CHECK:     %[[STOP:.*]] = pydy.subscript %[[B]][%{{.*}}]
# CHECK:     %[[STEP:.*]] = pydy.subscript %[[B]][%{{.*}}]
# CHECK:     pydy.for_range %[[START]], %[[STOP]], %[[STEP]]
# CHECK:     pydy.call @"range_list__{{[0-9]+}}"
# CHECK:     pydy.call @"sum___{{[0-9]+}}"


# An assignment expression evaluated first in its statement is an assignment
# before it; in a `while` condition, at the top of `while True`, whose test
# breaks out.
def walrus(x):
    if (n := x.shape[0]) > 1:
        x = x * n
    i = 0
    while (i := i + 1) < 3:
        x = x + i
    return x


print(paddle.jit.to_static(walrus).code)

# CHECK-LABEL: pydy.func @"walrus"
# CHECK: %[[SHAPE:.*]] = pydy.attr %{{.*}}, "shape"
# CHECK: %[[N:.*]] = pydy.subscript %[[SHAPE]]
# CHECK: pydy.store "n", %[[N]]
# CHECK: %[[READ:.*]] = pydy.load "n"
# CHECK: pydy.compare gt %[[READ]]
# CHECK: pydy.while {
# CHECK: pydy.condition(%{{.*}} : i1)
# CHECK: } do {
# CHECK: %[[NEXT:.*]] = pydy.binary add
# CHECK: pydy.store "i", %[[NEXT]]
# CHECK: pydy.compare lt
# CHECK: pydy.if
# CHECK: pydy.break


# A name bound once to a range keeps its bounds in hidden variables, and is
# read as the range of them.
def kept_range(x, n):
    steps = range(1, n)
    for i in steps:
        x = x + i
    return x


print(paddle.jit.to_static(kept_range).code)

# CHECK-LABEL: pydy.func @"kept_range"
# CHECK: pydy.store "_dy2st_range_steps_0"
# CHECK: pydy.store "_dy2st_range_steps_1"
# CHECK-NOT: pydy.store "steps"
# CHECK: %[[LOW:.*]] = pydy.load "_dy2st_range_steps_0"
# CHECK: %[[HIGH:.*]] = pydy.load "_dy2st_range_steps_1"
# CHECK: pydy.for_range %[[LOW]], %[[HIGH]]


class Marker:
    pass


def annotated(x: paddle.Tensor) -> paddle.Tensor:
    seen: Marker = Marker()
    total: float
    scale: float = 2.5
    return x * scale


print(paddle.jit.to_static(annotated).code)

# `x: T = value` is `x = value` (a compile-time object stays one: nothing is
# emitted for `seen`); an annotation alone does nothing.
# CHECK-LABEL: pydy.func @"annotated"
# CHECK-NEXT: %[[S:.*]] = pydy.constant 2.5 : f64
# CHECK-NEXT: pydy.store "scale", %[[S]]
# CHECK-NEXT: %[[X:.*]] = pydy.load "x"


def chosen_in_a_loop(x, n):
    g = lambda v: v * 2  # noqa: E731
    for i in range(n):
        x = g(x)
        if x.sum() > 10:
            g = lambda v: v - 1  # noqa: E731
    return x


print(paddle.jit.to_static(chosen_in_a_loop).code)

# A variable bound to several lambdas and only called holds the index of its
# choice; each lambda is a nested def made at the start, and each call tests
# the index.
# CHECK-LABEL: pydy.func @"chosen_in_a_loop"
# CHECK: %[[ZERO:.*]] = pydy.constant 0 : i64
# CHECK-NEXT: pydy.store "g", %[[ZERO]]
# CHECK: pydy.for_range
# CHECK: %[[G:.*]] = pydy.load "g"
# CHECK: pydy.compare eq %[[G]], %{{.*}}
# CHECK: pydy.call @"{{.*}}_dy2st_choice_g_0
# CHECK: } else {
# CHECK: pydy.call @"{{.*}}_dy2st_choice_g_1
# CHECK: %[[ONE:.*]] = pydy.constant 1 : i64
# CHECK-NEXT: pydy.store "g", %[[ONE]]


def named_attribute(x):
    return getattr(x, "shape"), getattr(x, "ndim", 0)


print(paddle.jit.to_static(named_attribute).code)

# `getattr(x, "shape")` of a literal name is `x.shape` (one name to the
# analysis of objects shared by two names); with a default it asks first.
# CHECK-LABEL: pydy.func @"named_attribute"
# CHECK: pydy.attr %{{.*}}, "shape"
# CHECK: pydy.call_method %{{.*}}, "__hasattr__"


def extended(x, given):
    items = [x]
    items += (x, x)
    given += [x]
    return items, given


print(paddle.jit.to_static(extended).code)

# `items += v` of a name bound only to lists is `items.extend(v)` (a change
# in place); of another name (a parameter here) it stays `+`, marked as
# augmented and naming what shares the object (the specializer rejects a
# shared list).
# CHECK-LABEL: pydy.func @"extended"
# CHECK: pydy.call_method %{{.*}}, "extend"
# CHECK: pydy.binary add %{{.*}}, %{{.*}} {augmented, shared = "the caller's argument"}
