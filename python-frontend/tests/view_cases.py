"""Views (Paddle 3.3's: an in-place change of the result reaches the tensor
it was made from), written once against Paddle's API: run(paddle) on real
Paddle (paddle_json_child.py) and on dy2st (test_views.py)."""
import numpy as np


def base(paddle):
    return paddle.to_tensor(np.arange(1, 13, dtype="float32").reshape(3, 4))


def makers(paddle):
    """{name: a function of x giving a result that may be a view of x}."""
    P = paddle
    return {
        "getitem_int": lambda x: x[1],
        "getitem_neg": lambda x: x[-1],
        "getitem_slice": lambda x: x[1:],
        "getitem_step": lambda x: x[::2],
        "getitem_column": lambda x: x[:, 1],
        "getitem_ints": lambda x: x[1, 2],
        "getitem_none": lambda x: x[None, 0],
        "getitem_ellipsis": lambda x: x[..., 1],
        "getitem_tensor_0d": lambda x: x[P.to_tensor(1)],
        "getitem_tensor_1d": lambda x: x[P.to_tensor([0, 2])],
        "getitem_list": lambda x: x[[0, 2]],
        "getitem_mask": lambda x: x[x > 3],
        "getitem_nested": lambda x: x[1:].reshape([8])[2:],
        "getitem_of_transpose": lambda x: x.T[1],
        "iterate": lambda x: next(iter(x)),
        "reshape": lambda x: x.reshape([4, 3]),
        "reshape_same": lambda x: x.reshape([3, 4]),
        "reshape_function": lambda x: P.reshape(x, [12]),
        "reshape_of_transpose": lambda x: x.T.reshape([12]),
        "view": lambda x: x.view([4, 3]),
        "view_as": lambda x: x.view_as(P.zeros([4, 3])),
        "flatten": lambda x: x.flatten(),
        "flatten_one_axis": lambda x: x.flatten(0, 0),
        "squeeze": lambda x: x.unsqueeze(0).squeeze(0),
        "squeeze_nothing": lambda x: x.squeeze(),
        "unsqueeze": lambda x: x.unsqueeze(0),
        "transpose": lambda x: x.transpose([1, 0]),
        "T": lambda x: x.T,
        "mT": lambda x: x.mT,
        "t": lambda x: x.t(),
        "permute": lambda x: x.permute(1, 0),
        "swapaxes": lambda x: x.swapaxes(0, 1),
        "moveaxis": lambda x: P.moveaxis(x, 0, 1),
        "detach": lambda x: x.detach(),
        "astype_same": lambda x: x.astype("float32"),
        "astype_other": lambda x: x.astype("float64"),
        "cast_same": lambda x: P.cast(x, "float32"),
        "clone": lambda x: x.clone(),
        "assign": lambda x: P.assign(x),
        "to_tensor": lambda x: P.to_tensor(x),
        "to_tensor_of_numpy": lambda x: P.to_tensor(x.numpy()),
        "contiguous": lambda x: x.contiguous(),
        "atleast_2d": lambda x: P.atleast_2d(x),
        "slice": lambda x: P.slice(x, [0], [1], [3]),
        "strided_slice": lambda x: P.strided_slice(x, [0], [0], [3], [2]),
        "narrow": lambda x: P.narrow(x, 0, 1, 2),
        "unbind": lambda x: P.unbind(x)[1],
        "unstack": lambda x: P.unstack(x)[1],
        "split": lambda x: P.split(x, 3)[1],
        "chunk": lambda x: P.chunk(x, 3)[1],
        "tensor_split": lambda x: P.tensor_split(x, 3)[1],
        "expand": lambda x: x[0:1].expand([2, 4]),
        "tile_once": lambda x: P.tile(x, [1, 1]),
        "index_select": lambda x: P.index_select(x, P.to_tensor([0, 1])),
        "flip": lambda x: P.flip(x, [0]),
        "rot90": lambda x: P.rot90(x),
        "add_zero": lambda x: x + 0,
        "concat_one": lambda x: P.concat([x]),
        "stack_one": lambda x: P.stack([x])[0],
        "clip": lambda x: P.clip(x),
        "diagonal": lambda x: P.diagonal(x),
    }


def changes(paddle):
    """{name: an in-place change of y}."""
    return {
        "scale_": lambda y: y.scale_(2.0),
        "setitem": lambda y: y.__setitem__((0,) * y.ndim, -7.0),
        "zero_": lambda y: y.zero_(),
        "set_value": lambda y: y.set_value(np.full(y.shape, -3.0, "float32")),
    }


def run(paddle):
    """{maker/change: whether x changed, or the exception's name}."""
    original = base(paddle).numpy().copy()
    out = {}
    for name, make in makers(paddle).items():
        for change_name, change in changes(paddle).items():
            if change_name != "scale_" and not name.startswith(("getitem_int", "reshape")):
                continue  # the other changes once on a few views
            x = base(paddle)
            try:
                change(make(x))
                out[f"{name}/{change_name}"] = bool((x.numpy() != original).any())
            except Exception as e:  # noqa: BLE001 - the kind is the result
                out[f"{name}/{change_name}"] = type(e).__name__
    # A change of x seen through a view made before it.
    for name in ("getitem_slice", "getitem_column", "reshape", "transpose", "detach"):
        x = base(paddle)
        y = makers(paddle)[name](x)
        x.scale_(2.0)
        out[f"{name}/base_changed"] = y.numpy().ravel().tolist()
    return out


# Functions that compiled code must run as Paddle does eagerly: a view made by
# indexing, changed in place through one name and read through the other.

def change_row(x):
    row = x[1]
    row.scale_(2.0)
    return x


def change_base(x):
    tail = x[1:]
    x.scale_(2.0)
    return tail


def column_setitem(x, i):
    column = x[:, i]
    column[0] = -1.0
    return x, column


def zero_d_item(x):
    item = x[1, 2]
    item.scale_(10.0)
    return x, item


def loop_rows(x):
    for i in range(x.shape[0]):
        row = x[i]
        row.scale_(float(i))
    return x


def chained_views(x):
    row = x[1]
    tail = row[1:]
    tail.zero_()
    return x, row


def accumulate_into_row(x):
    total = x[0]
    i = 1
    while i < 3:
        total.add_(x[i])
        i += 1
    return x, total


def row_of_tensor_index(x, k):
    row = x[k]
    row.zero_()
    return x


def rows_of_index_list(x, rows):
    picked = x[rows]
    picked.zero_()
    return x, picked


def rows_of_mask(x):
    picked = x[x[:, 0] > 4.0]
    picked.zero_()
    return x, picked


def item_of_item(x):
    x[0][1] = -5.0
    return x


def view_then_reassigned(x):
    y = x * 1.0
    row = y[0]
    y = y * 2.0
    row.zero_()
    return y, row


def rows_read_before_the_change(x):
    total = x[0] * 0.0
    for i, row in enumerate(x):
        total = total + row
        x[i] = row * 2.0
    return x, total


def rows_of_a_list_replaced(x):
    items = [x[0] * 1.0, x[1] * 1.0]
    for item in items:
        last = item
    items[1] = x[2] * 1.0
    return x, last


# Names of one tensor reached through a name assigned since, an exchange, or
# an item of a container (silently different before 2026-12-05).

def names_left_by_a_rebound_name(x):
    a = x * 1.0
    c = a
    t = a
    a = x * 2.0             # c and t still name the first tensor
    t.scale_(3.0)
    return c, a


def names_exchanged(x):
    a = x * 1.0
    b = x * 2.0
    c = a
    a, b = b, a
    b.scale_(3.0)           # the tensor c names
    a[0] = -1.0
    return a, b, c


def item_of_a_display(x):
    h = x * 1.0
    y = [h, x][0]
    y.scale_(2.0)
    return h, y


def list_item_named(x):
    items = [x * 1.0, x * 2.0]
    first = items[0]
    first.scale_(3.0)
    return items[0], items[1], first


def dict_item_named(x):
    cache = {"k": x * 1.0}
    k = cache["k"]
    k[0] = -1.0
    return cache["k"], k


def nested_list_item_named(x):
    rows = [[x * 1.0]]
    inner = rows[0]
    inner[0].scale_(2.0)
    return rows[0][0], inner[0]


def tuple_items_changed(x):
    pair = (x * 1.0, x * 2.0)
    first = pair[0]
    first[0] = 9.0
    pair[1].scale_(3.0)
    return pair[0], pair[1], first


def list_item_changed_through_the_list(x):
    items = [x * 1.0]
    first = items[0]
    items[0].scale_(2.0)
    items[0] = x * 5.0      # replaces the item: first keeps the changed tensor
    return first, items[0]


def list_items_named_in_a_loop(x):
    states = [x * 1.0, x * 2.0, x * 3.0]
    for i in range(3):
        h = states[i]
        h.scale_(float(i))
    return states[0], states[2]


# Names put into a container at a key known there (a display, `c[k] = x`):
# the container's item is the name's object.

def item_of_a_pair_set(x):
    pair = [x, x * 2.0]
    pair[0][1] = -1.0
    return x


def held_then_changed_through_the_list(x):
    h = x * 1.0
    c = [h, x * 2.0]
    c[0].scale_(3.0)
    return h, c[1]


def held_by_a_tuple_then_changed_through_the_name(x):
    h = x * 1.0
    c = (h, 2)
    h[0] = -1.0
    return c[0]


def held_by_a_dict_changed_both_ways(x):
    h = x * 1.0
    d = {"h": h, "n": 3}
    h.scale_(2.0)
    d["h"][1] = 5.0
    return d["h"], h


def stored_as_an_item_then_changed(x):
    items = [x * 0.0, x * 0.0]
    h = x * 1.0
    items[1] = h
    h.scale_(4.0)
    return items[1], items[0]


def stored_into_a_tensor_then_changed(x):
    t = x * 0.0
    h = x[0] * 1.0
    t[0] = h                # copies h's values: t keeps them
    h.scale_(2.0)
    return t, h


# Items changed in place while iterating: the loop is over indices
# (statements.py), so the change reaches the container or tensor.

def rows_changed_while_iterating(x):
    for row in x:
        row.scale_(2.0)
    return x


def rows_enumerated_from_one(x):
    for i, row in enumerate(x, 1):
        row[0] = float(i)
    return x


def list_items_changed_while_iterating(x):
    items = [x * 1.0, x * 2.0]
    for i, item in enumerate(items):
        item.scale_(float(i + 2))
    return items[0], items[1]


def dicts_of_a_list_changed_while_iterating(x):
    caches = [{"k": x * 1.0}, {"k": x * 2.0}]
    for cache in caches:
        cache["k"] = cache["k"] * 3.0
    return caches[0]["k"], caches[1]["k"]


def cells_of_nested_lists_changed_while_iterating(x):
    grid = [[x * 1.0, x * 2.0], [x * 3.0, x * 4.0]]
    for row in grid:
        for cell in row:
            cell.scale_(2.0)
    return grid[0][1], grid[1][0]


def one_tensor_twice_in_a_list(x):
    t = x * 1.0
    box = [t, t]
    box[0].scale_(2.0)
    return box[1], t


def one_tensor_at_two_keys_changed_at_one(x):
    h = x * 1.0
    d = {"h": h, "g": h}
    d["g"].add_(x)
    return d["h"], h


# `a, b = x`: rows of a tensor (views), items of a list or tuple.

def rows_unpacked_then_changed(x):
    a, b, c = x
    x[0] = b
    return a + 1.0, x


def row_unpacked_changed(x):
    a, b, c = x
    b.scale_(10.0)
    return x, a


def items_unpacked_changed(x):
    pair = (x * 1.0, x * 2.0)
    first, second = pair
    first.add_(second)
    pair[1][0] = -1.0
    return pair[0], second


FUNCTIONS = [change_row, change_base, column_setitem, zero_d_item, loop_rows, chained_views,
             accumulate_into_row, row_of_tensor_index, rows_of_index_list, rows_of_mask,
             item_of_item, view_then_reassigned, rows_read_before_the_change,
             rows_of_a_list_replaced, names_left_by_a_rebound_name, names_exchanged,
             item_of_a_display, list_item_named, dict_item_named, nested_list_item_named,
             tuple_items_changed,
             list_item_changed_through_the_list, list_items_named_in_a_loop,
             item_of_a_pair_set, held_then_changed_through_the_list,
             held_by_a_tuple_then_changed_through_the_name, held_by_a_dict_changed_both_ways,
             stored_as_an_item_then_changed, stored_into_a_tensor_then_changed,
             rows_changed_while_iterating, rows_enumerated_from_one,
             list_items_changed_while_iterating, dicts_of_a_list_changed_while_iterating,
             cells_of_nested_lists_changed_while_iterating, rows_unpacked_then_changed,
             row_unpacked_changed, items_unpacked_changed, one_tensor_twice_in_a_list,
             one_tensor_at_two_keys_changed_at_one]


def arguments(paddle, fn):
    """The arguments of one of FUNCTIONS (new tensors at each call)."""
    extra = {column_setitem: [2], row_of_tensor_index: [paddle.to_tensor(1)],
             rows_of_index_list: [paddle.to_tensor([0, 2])]}
    return [base(paddle)] + extra.get(fn, [])


def run_functions(paddle):
    """{function: its results (and its first argument after the call)}."""
    out = {}
    for fn in FUNCTIONS:
        args = arguments(paddle, fn)
        results = fn(*args)
        results = results if isinstance(results, tuple) else (results,)
        out[fn.__name__] = [r.numpy().tolist() for r in results + (args[0],)]
    return out
