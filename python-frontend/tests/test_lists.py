"""Python lists of tensors whose length is known at compile time: built,
read, modified and iterated as Python does (loops with constant bounds are
unrolled), stacked and concatenated. Lists whose length is known only at run
time are in test_tensor_array.py."""
import numpy as np
import pytest

import dy2st as paddle


def t(values):
    return paddle.to_tensor(np.array(values, dtype="float32"))


def build_and_modify(x):
    l = []
    for i in range(4):
        l.append(x * i)
    last = l.pop()
    first = l.pop(0)
    l[0] = l[0] + 100
    l.insert(1, first)
    return paddle.stack(l), paddle.concat(l), last, len(l)


def iterate_list(x):
    parts = [x, x * 2]
    parts.append(x * 3)
    total = x * 0
    for p in parts:
        total = total + p
    for i, p in enumerate(parts):
        total = total + p * i
    return total, paddle.stack(parts, axis=1)


def list_in_branches(x):
    rows = []
    for i in range(3):
        if x.sum() > i:
            rows.append(x + i)
        else:
            rows.append(x - i)
    return rows


def list_through_tensor_loop(x):
    pair = [x, x * 2]
    while pair[0].sum() < 20.0:
        pair = [pair[1], pair[0] + pair[1]]
    return pair


@pytest.mark.parametrize("fn", [build_and_modify, iterate_list, list_in_branches,
                                list_through_tensor_loop])
def test_lists(differential, fn):
    differential(fn, t([1.0, -2.0, 3.0]))


def nested_lists(x):
    grid = [[x, x * 2], [x * 3]]
    grid[1].append(x * 4)
    grid[0][1] = grid[0][1] + 1
    total = x * 0
    for row in grid:
        for item in row:
            total = total + item
    return grid, total, len(grid[1]), paddle.stack(grid[1])


def test_nested_lists(differential):
    differential(nested_lists, t([1.0, 2.0]))


def extended_and_copied(x, n):
    # extend() of lists, tuples and dict keys, onto lists known when
    # compiling and lists grown at run time; copy() of lists and dicts.
    outs = [x]
    outs.extend([x * 2, x * 3])
    outs.extend((x * 4,))
    names = ["a"]
    names.extend({"b": 1, "c": 2})
    grown = []
    for i in range(n):
        grown.extend([i, i * 2])
    kept = outs.copy()
    kept.append(x * 5)
    kept[0] = x - 1
    table = {"w": x}
    changed = table.copy()
    changed["w"] = x * 0
    counts = grown.copy()
    counts.append(7)
    return paddle.concat(outs), names, grown, len(kept), kept[0], table, changed, counts


def test_extend_and_copy(differential):
    differential(extended_and_copied, t([1.0, -2.0]), paddle.to_tensor(3))


def extended_in_place(x):
    # `+=` of a list extends it (list.__iadd__): the other name sees the new
    # items, and a tuple or a range extends it too.
    outs = [x]
    kept = outs
    outs += [x * 2]
    outs += (x * 3, x * 4)
    steps = list(range(2))
    steps += (5, 6)
    steps += range(3)
    steps.extend(range(1, 6, 2))
    for i in range(2):
        outs += [x + i]
    return len(kept), kept[-1], paddle.stack(outs), steps


def test_plus_equals_extends_a_list_in_place(differential):
    differential(extended_in_place, t([1.0, -2.0]))


def _pair(x):
    return [x, x * 2]


def extended_unknown_list(x):
    # Bound to a call: not a list by its syntax, extended as one (nothing
    # else names it).
    rows = _pair(x)
    rows += (x * 3,)
    rows *= 2
    return paddle.stack(rows)


def test_plus_equals_of_a_list_made_by_a_call(differential):
    differential(extended_unknown_list, t([1.0, -2.0]))


def extends_its_argument(x, rows):
    rows += [x]
    return x


def extends_a_shared_list(x):
    rows = _pair(x)
    kept = rows
    rows += [x]
    return kept[-1]


@pytest.mark.parametrize("fn, args, who", [
    (extends_its_argument, lambda x: (x, [x]), "the caller's argument"),
    (extends_a_shared_list, lambda x: (x,), "'kept'")],
    ids=["parameter", "another name"])
def test_plus_equals_of_a_list_another_name_shares_is_a_clear_error(fn, args, who):
    # Python extends the list in place, which the other name (the caller's
    # list) sees; compiled code would make a new one.
    with pytest.raises(paddle.Dy2StError, match=f"'\\+=' changes a list in place, and {who} "
                                                "shares it"):
        paddle.jit.to_static(fn)(*args(t([1.0, 2.0])))


def extended_by_a_tensor(x):
    rows = []
    rows.extend(x)
    return rows


def test_extend_by_a_tensor_is_a_clear_error():
    with pytest.raises(paddle.Dy2StError, match="list.extend\\(\\) of a float32 tensor"):
        paddle.jit.to_static(extended_by_a_tensor)(t([1.0, 2.0]))


def deleted_and_slice_assigned(x, n):
    # `del c[k]` (lists, dicts, TensorArrays), `del c[a:b]`, slice
    # assignment of lists, `del name` (unbound after, as in Python).
    l = [0, 1, 2, 3, 4, 5]
    del l[0]
    del l[-1], l[1:2]
    l[1:2] = [x, x * 2, 7]
    l[::2] = ["a", "b", "c"]
    d = {"a": x, "b": 2}
    del d["a"]
    grown = []
    for i in range(n):
        grown.append(i * 3)
    del grown[1]
    tmp = x * 2
    y = tmp + 1
    del tmp
    return l, d, grown, y


def test_del_and_slice_assignment(differential):
    differential(deleted_and_slice_assigned, t([1.0, -2.0]), paddle.to_tensor(4))


def read_after_del(x):
    tmp = x * 2
    if x.sum() > 0:
        del tmp
    return tmp


def del_of_a_parameter(x):
    del x
    x = 3
    return x


def test_a_name_read_after_del_is_pythons_unbound_local_error(differential):
    assert np.array_equal(paddle.jit.to_static(read_after_del)(t([-1.0])).numpy(), [-2.0])
    with pytest.raises(UnboundLocalError, match="cannot access local variable 'tmp'"):
        paddle.jit.to_static(read_after_del)(t([1.0]))
    differential(del_of_a_parameter, t([1.0]))


def slice_given_a_tensor(x):
    l = [1, 2]
    l[0:1] = x
    return l


def test_a_slice_assigned_a_tensor_is_a_clear_error():
    with pytest.raises(paddle.Dy2StError, match="to a slice of a list is not supported"):
        paddle.jit.to_static(slice_given_a_tensor)(t([1.0]))


def sorted_in_place(x, n):
    # list.sort(key=, reverse=) sorts in place (a TensorArray too); a
    # tensor's sort() is Paddle's sorted copy.
    l = [3, 1, 2]
    l.sort()
    pairs = [("a", 2), ("b", 1), ("c", 2)]
    pairs.sort(key=lambda p: p[1], reverse=True)
    scores = [x.sum(), x.min(), x.max()]
    scores.sort()
    grown = []
    for i in range(n):
        grown.append((i * 7) % 5)
    grown.sort(reverse=True)
    return l, pairs, scores, grown, x.sort()


def test_sort_in_place(differential):
    differential(sorted_in_place, t([3.0, -1.0, 2.0]), paddle.to_tensor(6))


def rows_of_a_tensor(x):
    rows = list(x)
    mixed = []
    for i, (a, b) in enumerate(zip(x, reversed(list(x)))):
        mixed.append(a * i + b)
    return paddle.stack(mixed), len(rows), rows[-1], tuple(x[0])


@pytest.mark.parametrize("rows", [1, 3])
def test_list_of_a_tensor_is_its_rows(differential, rows):
    differential(rows_of_a_tensor,
                 paddle.to_tensor(np.arange(rows * 2, dtype="float32").reshape(rows, 2)))


def rows_reversed(x):
    rows = list(x)
    return paddle.stack(rows[::-1]), len(rows)


def test_list_of_a_tensor_of_many_rows_or_rows_known_at_run_time(differential):
    from dy2st.static import InputSpec
    # More rows than are unrolled: a list a loop fills, as for a runtime count.
    differential(rows_reversed, paddle.to_tensor(np.arange(200, dtype="float32").reshape(100, 2)))
    x = t([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    eager = rows_reversed(x)
    compiled = paddle.jit.to_static(rows_reversed,
                                    input_spec=[InputSpec([None, 2], "float32")])(x)
    np.testing.assert_array_equal(eager[0].numpy(), compiled[0].numpy())
    assert eager[1] == compiled[1]
