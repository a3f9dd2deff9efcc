"""Iterators a function makes and uses alone (`it = iter(items)`, `next(it)`,
`next(it, default)`, `for x in it`), and iterators consumed where they are
made (`for v in iter(x)`, `list(x.__iter__())`): compiled against eager
(a loop that breaks, then next again, against real Paddle:
dy2st_cases.rows_through_an_iterator)."""
import inspect

import numpy as np
import pytest

import dy2st as paddle
from conftest import assert_same
from dy2st import UnsupportedSyntaxError
from dy2st.static import InputSpec

nn = paddle.nn


class FirstThenRest(nn.Layer):
    # The first block apart, then the others (a stem and its stages).
    def __init__(self):
        super().__init__()
        self.blocks = nn.LayerList([nn.Linear(4, 4) for _ in range(3)])

    def forward(self, x):
        blocks = iter(self.blocks)
        x = next(blocks)(x)
        for block in blocks:
            x = paddle.tanh(block(x))
        return x


class ParameterIterator(nn.Layer):
    # Paddle's test_param_guard: list(self.params.__iter__()); loops over
    # list() and tuple() of containers.
    def __init__(self):
        super().__init__()
        self.params = nn.ParameterList([self.create_parameter([4]) for _ in range(3)])
        self.blocks = nn.LayerList([nn.Linear(4, 4) for _ in range(2)])

    def forward(self, x):
        params = list(self.params.__iter__())
        for p in iter(params):
            x = x + p
        for p in list(self.params):
            x = x * p
        for block in tuple(self.blocks):
            x = block(x)
        return x, len(params)


def pairs_and_defaults(x):
    rows = iter([x, x * 2, x * 3])
    y = next(rows) + next(rows)
    return y, next(rows, None), next(rows, x * 10)


def next_under_a_branch(x, n):
    values = iter(range(4))
    if n > 1:
        x = x + next(values)
    return x * next(values)


def in_a_runtime_loop(x):
    # The position moves at run time: a while on a tensor.
    steps = iter([1.0, 2.0, 3.0, 4.0])
    while x.sum() < 30:
        x = x + next(steps, 100.0)
    return x


def consumed_where_made(x):
    return sum(iter([1, 2, 3])) + x, [r * 2 for r in iter(x)], list(zip(iter(x), x))[1][0]


CASES = [
    (pairs_and_defaults, lambda: [paddle.arange(4, dtype="float32")]),
    (next_under_a_branch, lambda: [paddle.ones([3]), 2]),
    (next_under_a_branch, lambda: [paddle.ones([3]), 0]),
    (in_a_runtime_loop, lambda: [paddle.ones([3])]),
    (consumed_where_made, lambda: [paddle.arange(6, dtype="float32").reshape([2, 3])]),
]


@pytest.mark.parametrize("fn,args", CASES, ids=[f"{c[0].__name__}-{i}" for i, c in
                                               enumerate(CASES)])
def test_compiled_matches_eager(fn, args):
    assert_same(fn(*args()), paddle.jit.to_static(fn)(*args()))


@pytest.mark.parametrize("cls", [FirstThenRest, ParameterIterator])
def test_layers_read_through_an_iterator(cls):
    layer = cls()
    x = paddle.to_tensor(np.random.RandomState(0).randn(2, 4).astype("float32"))
    compiled = paddle.jit.to_static(layer, input_spec=[InputSpec([None, 4], "float32")])
    assert_same(layer(x), compiled(x))


def exhausted(x):
    values = iter([1, 2])
    return x + next(values) + next(values) + next(values)


def test_next_past_the_end_is_stop_iteration():
    for fn in (exhausted, paddle.jit.to_static(exhausted)):
        with pytest.raises(StopIteration):
            fn(paddle.ones([2]))


def _consume(it):
    return next(it)


def passed_on(x):
    values = iter([x, x])
    return _consume(values)


def test_an_iterator_passed_on_is_a_clear_error():
    line = inspect.getsourcelines(passed_on)[1] + 1
    with pytest.raises(UnsupportedSyntaxError, match=rf"line {line}.*iter\(\) is not supported"):
        paddle.jit.to_static(passed_on)(paddle.ones([2]))
