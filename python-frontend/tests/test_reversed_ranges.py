"""`for t in reversed(range(...))` (an RNN's backward direction, a beam
search's backtrace) and a range given to a builtin that iterates it
(`zip(range(n), items)`, `sum(range(n))`, `enumerate(range(a, b))`), against
eager Python; the bounds known when compiling or only at run time."""
import numpy as np
import pytest

import dy2st as paddle
from dy2st.static import InputSpec


def backward_steps(x):
    h = x[:, 0] * 0
    outs = []
    for t in reversed(range(x.shape[1])):
        h = paddle.tanh(h + x[:, t])
        outs.append(h)
    return paddle.stack(outs, axis=1)


def numbers(n):
    s = 0
    for i in reversed(range(n)):
        s = s * 2 + i
    for i in reversed(range(1, 9, 3)):
        s = s * 3 + i
    for i in reversed(range(9, 1, -2)):
        s = s * 3 + i
    for i in reversed(range(5, 5)):
        s = s + 1000
    return s


def iterated_by_builtins(x, n):
    s = x.sum() * 0
    for i, j in zip(range(3), range(5, 8)):
        s = s + i * j
    for k, i in enumerate(range(2, 4)):
        s = s + k * i
    return s, len(range(1, n, 2)), sum(range(n)), list(reversed(range(3))), max(range(4))


def backtrace(scores, n):
    # A Viterbi-style backtrace over steps known only at run time.
    best = [int(paddle.argmax(scores[-1]))]
    for t in reversed(range(1, n)):
        best.append(int(paddle.argmax(scores[t - 1] + best[-1])))
    return best


def test_a_backward_loop_over_steps_known_at_run_time():
    x = paddle.to_tensor(np.random.RandomState(0).rand(2, 5).astype("float32"))
    got = paddle.jit.to_static(backward_steps, input_spec=[InputSpec([2, None], "float32")])(x)
    np.testing.assert_allclose(got.numpy(), backward_steps(x).numpy(), rtol=1e-6)


def test_a_backward_loop_over_steps_known_when_compiling(differential):
    differential(backward_steps, paddle.to_tensor(np.arange(12, dtype="float32").reshape(3, 4)))


@pytest.mark.parametrize("n", [0, 1, 5])
def test_backward_bounds_of_every_kind(n):
    assert paddle.jit.to_static(numbers)(n) == numbers(n)
    assert paddle.jit.to_static(numbers)(paddle.to_tensor(n)) == numbers(n)


def test_a_range_given_to_builtins(differential):
    differential(iterated_by_builtins, paddle.to_tensor([1.0, 2.0]), 5)


def test_a_backtrace(differential):
    scores = paddle.to_tensor(np.random.RandomState(1).rand(4, 3).astype("float32"))
    differential(backtrace, scores, paddle.to_tensor(4))


def range_as_a_value(n):
    r = range(n)
    if n > 2:
        r = range(1, n)
    return len(r)


def test_a_range_assigned_twice_is_a_clear_error():
    # (A name bound once to a range is read as that range: see below.)
    with pytest.raises(paddle.jit.Dy2StError, match="range\\(\\) is supported as the iterable"):
        paddle.jit.to_static(range_as_a_value)(3)


def viterbi(emissions, transitions):
    # A CRF's Viterbi decoding: the best previous tag of every step kept in a
    # list, then followed backwards; the path reversed in place.
    score = emissions[:, 0]
    history = []
    for t in range(1, emissions.shape[1]):
        next_score = score.unsqueeze(2) + transitions.unsqueeze(0) + emissions[:, t].unsqueeze(1)
        history.append(next_score.argmax(axis=1))
        score = next_score.max(axis=1)
    best = score.argmax(axis=1)
    path = [best]
    for idx in reversed(history):
        best = paddle.take_along_axis(idx, best.unsqueeze(1), axis=1).squeeze(1)
        path.append(best)
    path.reverse()
    return paddle.stack(path, axis=1)


@pytest.mark.parametrize("steps", [None, 5])
def test_viterbi_decoding_with_steps_known_at_run_time_or_when_compiling(steps):
    rng = np.random.RandomState(0)
    emissions = paddle.to_tensor(rng.rand(2, 5, 3).astype("float32"))
    transitions = paddle.to_tensor(rng.rand(3, 3).astype("float32"))
    spec = [InputSpec([2, steps, 3], "float32"), InputSpec([3, 3], "float32")]
    got = paddle.jit.to_static(viterbi, input_spec=spec)(emissions, transitions)
    np.testing.assert_array_equal(got.numpy(), viterbi(emissions, transitions).numpy())


def ranges_kept_in_names(x, n):
    rows = range(1, x.shape[0])
    acc = x[0] * 0
    for i in rows:
        acc = acc + x[i]
    steps = range(n)
    total = 0
    for s in reversed(steps):
        total = total * 2 + s
    scale = lambda v: v * len(rows)  # noqa: E731
    return scale(acc), len(rows), list(rows), total, sum(steps), [k * 2 for k in steps]


@pytest.mark.parametrize("n", [4, 0])
def test_a_range_kept_in_a_name(differential, n):
    x = paddle.to_tensor([1.0, 2.0, 3.0, 4.0])
    differential(ranges_kept_in_names, x, n)
