"""Dicts with string keys known at compile time: literals, reads, writes and
updates in branches and loops, `in`, iteration over keys, returned."""
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
