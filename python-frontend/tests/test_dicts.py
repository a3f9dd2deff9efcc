"""Dicts with string or int keys known at compile time: literals, reads,
writes and updates in branches and loops, `in`, iteration over keys,
returned; reads and writes at an int key known only at run time."""
import numpy as np
import pytest

import dy2st as paddle


def t(values):
    return paddle.to_tensor(np.array(values, dtype="float32"))


def literal_read_write(x):
    d = {"a": x, "b": x * 2}
    d["c"] = d["a"] + d["b"]
    if "b" in d:
        d["b"] = d["b"] - 1
    total = x * 0
    for k in d:
        total = total + d[k]
    return d, total, len(d), "z" in d


def state_in_a_tensor_loop(x):
    state = {"h": x, "n": 0}
    while state["h"].sum() < 20:
        state["h"] = state["h"] * 2
        state["n"] = state["n"] + 1
    out = {}
    out.update(state)
    keys = list(state.keys())
    return out, state.get("missing", 5), len(keys), state[keys[0]]


def written_in_branches(x):
    d = {"pos": x}
    for i in range(3):
        if x.sum() > i:
            d["pos"] = d["pos"] + i
        else:
            d["pos"] = d["pos"] - i
    return d


def items_and_values(x):
    d = {"w": x, "b": x + 1}
    acc = x * 0
    for key, value in d.items():
        acc = acc + value
    return acc, paddle.stack(list(d.values()))


@pytest.mark.parametrize("fn", [literal_read_write, state_in_a_tensor_loop,
                                written_in_branches, items_and_values])
def test_dicts(differential, fn):
    differential(fn, t([1.0, -2.0, 3.0]))


def missing_key(x):
    d = {"a": x}
    return d["b"]


def test_missing_key_is_reported():
    with pytest.raises(paddle.Dy2StError, match="KeyError"):
        paddle.jit.to_static(missing_key)(t([1.0]))


def int_keyed_table(x, k):
    scale = {0: 1.0, 1: 2.5, -1: 4.0}
    branches = {1: x + 1, 3: x * 3}
    counts = {}
    for v in [1, 2, 1, 3]:
        counts[v] = counts.get(v, 0) + 1
    picked = branches[3] if 3 in branches else x
    return x * scale[k], picked, counts, sorted(counts.keys()), 2 in counts, 5 not in counts


def int_keyed_mixed(x):
    d = {"name": x, 7: x * 2}
    d[0] = d[7] - 1
    d.update({7: x * 4})
    out = d.pop(0)
    acc = x * 0
    for key, value in d.items():
        acc = acc + value
    return d, out, acc, paddle.utils.flatten({3: x, 1: out})


def flatten_mixed_keys(x):
    return paddle.utils.flatten({"a": x, 1: x})


@pytest.mark.parametrize("fn,args", [(int_keyed_table, (1,)), (int_keyed_table, (-1,)),
                                     (int_keyed_mixed, ())])
def test_int_keys(differential, fn, args):
    differential(fn, t([1.0, -2.0, 3.0]), *args)


def sum_by_id(table):
    return table[0] + table[2] * 2, {k + 1: v for k, v in table.items()}


def test_int_keyed_argument_and_result(differential):
    # The entry wrapper rebuilds the dict as a display of int keys, and the
    # result's structure carries them back as ints.
    out = differential(sum_by_id, {0: t([1.0, 2.0]), 2: t([3.0, 4.0])})
    assert list(out[1]) == [1, 3]


def missing_int_key(x):
    d = {0: x}
    return d[1]


def bool_key(x):
    d = {True: x}
    return d[True]


def test_int_key_errors():
    with pytest.raises(TypeError, match="not supported between instances of 'int' and 'str'"):
        flatten_mixed_keys(t([1.0]))
    with pytest.raises(paddle.Dy2StError, match="not supported between instances of 'int' and"):
        paddle.jit.to_static(flatten_mixed_keys)(t([1.0]))
    with pytest.raises(paddle.Dy2StError, match="KeyError: 1"):
        paddle.jit.to_static(missing_int_key)(t([1.0]))
    with pytest.raises(paddle.Dy2StError, match="strings or ints known at compile time"):
        paddle.jit.to_static(bool_key)(t([1.0]))


def printed(x):
    print({3: 1, "a": 2.5})
    return x


def test_print_int_keyed(capfd):
    paddle.jit.to_static(printed)(t([1.0]))
    assert capfd.readouterr().out == "{3: 1, 'a': 2.5}\n"


def read_at_runtime_key(x, k):
    table = {0: x, 1: x * 2, 5: x * 3}
    i = int(k)
    return table[i], table.get(i, x * 0), table.get(i + 100, x - 1), i in table, \
        i + 1 not in table


def count_parities(x, n):
    counts = {0: 0, 1: 0}
    i = 0
    while i < n:
        k = int(x[i]) % 2
        counts[k] = counts.get(k, 0) + 1
        i += 1
    return counts


@pytest.mark.parametrize("k", [0, 5])
def test_an_int_key_known_at_run_time_chooses_among_the_keys(differential, k):
    differential(read_at_runtime_key, t([1.0, -2.0, 3.0]), paddle.to_tensor(k))


def test_an_int_key_known_at_run_time_writes_its_entry(differential):
    ints = paddle.to_tensor(np.array([1, 2, 3, 5, 8], "int64"))
    differential(count_parities, ints, paddle.to_tensor(4))


def add_key_at_run_time(x):
    counts = {0: 0}
    counts[int(x[0])] = 1
    return counts


def add_string_key_at_run_time(x):
    counts = {"up": 0}
    counts["up" if x.sum() > 0 else "down"] = 1
    return counts


def add_key_to_mixed_values(x):
    d = {0: x, 1: 2}
    d[int(x[0])] = x * 2
    return d


def test_a_missing_key_known_at_run_time_is_pythons_key_error_or_a_clear_error():
    with pytest.raises(KeyError, match="2"):
        paddle.jit.to_static(read_at_runtime_key)(t([1.0]), paddle.to_tensor(2))
    # A dict of int keys becomes one of keys known at run time
    # (test_runtime_dicts.py); one of strings, or of values of different
    # types, cannot: where a key would be added, a clear error.
    assert paddle.jit.to_static(add_key_at_run_time)(paddle.to_tensor([3])) == {0: 0, 3: 1}
    assert paddle.jit.to_static(add_string_key_at_run_time)(t([1.0])) == {"up": 1}
    with pytest.raises(NotImplementedError, match="cannot add a key to a dict at run time"):
        paddle.jit.to_static(add_string_key_at_run_time)(t([-1.0]))
    with pytest.raises(NotImplementedError, match="cannot add a key to a dict at run time"):
        paddle.jit.to_static(add_key_to_mixed_values)(t([3.0]))


def string_key_chosen_at_run_time(x):
    scales = {"up": 2.0, "down": 0.5}
    mode = "up" if x.sum() > 0 else "down"
    counts = {"up": 0, "down": 0}
    counts[mode] += 1
    return x * scales[mode], counts, mode in scales, scales.get(mode, 1.0), "left" in scales


@pytest.mark.parametrize("values", [[1.0, 2.0], [-3.0, 1.0]])
def test_a_string_key_chosen_at_run_time(differential, values):
    differential(string_key_chosen_at_run_time, t(values))


def missing_string_key(x):
    mode = "left" if x.sum() > 0 else "down"
    return {"up": 2.0, "down": 0.5}[mode]


def test_a_missing_string_key_chosen_at_run_time_is_pythons_key_error():
    assert paddle.jit.to_static(missing_string_key)(t([-1.0])) == 0.5
    with pytest.raises(KeyError, match="'left'"):
        paddle.jit.to_static(missing_string_key)(t([1.0]))


class IntKeyedOutputs(paddle.nn.Layer):
    def forward(self, x):
        return {0: x * 2, 5: x + 1, "total": x.sum()}


def test_a_saved_layer_returns_its_int_keyed_dict(tmp_path):
    x = t([1.0, 2.0, 3.0])
    static = paddle.jit.to_static(IntKeyedOutputs(),
                                  input_spec=[paddle.static.InputSpec([3], "float32")])
    expected = static(x)
    paddle.jit.save(static, str(tmp_path / "net"))
    loaded = paddle.jit.load(str(tmp_path / "net"))(x)
    assert list(loaded) == [0, 5, "total"]
    for key in expected:
        np.testing.assert_array_equal(loaded[key].numpy(), expected[key].numpy())


def changed_later_in_the_same_display(x):
    d = {"a": x, "b": 1}
    items = [x, x * 2]
    return d, d.pop("b"), [items, items.pop()], {"k": d, "n": d.setdefault("c", 3)}


def test_a_container_changed_later_in_the_same_display_is_seen_changed(differential):
    # One object in Python: the tuple holds the dict after pop().
    differential(changed_later_in_the_same_display, t([1.0, 2.0]))


def length_plus(items, extra):
    return len(items) + extra


def changed_by_a_later_argument_or_operand(x):
    items = [x, x * 2, x * 3]
    n = length_plus(items, len([items.pop()]))
    joined = paddle.concat(items + [items.pop()])
    alias = items
    return n, joined, (alias, items.append(x)), paddle.concat(items)


def test_a_container_changed_by_a_later_argument_or_operand_is_seen_changed(differential):
    differential(changed_by_a_later_argument_or_operand, t([1.0, 2.0]))


def keyed_by_get(x):
    d = {1: 5, 2: 3, 7: 5}
    return max(d, key=d.get), min(d, key=d.get), max(d), min({4: 1, 2: 2}), x * 1


def test_a_dicts_get_as_a_key_function(differential):
    differential(keyed_by_get, t([1.0]))
