"""Paddle's dy2st semantics (issue 13): the Python of Paddle's own to_static
tests, compiled and compared with eager."""
import numpy as np
import pytest

import dy2st as paddle


def t(values, dtype="float32"):
    return paddle.to_tensor(np.array(values, dtype=dtype))


# types that change across a loop or branch ---------------------------------

def number_becomes_tensor(x):
    total = 0
    while total < 10:
        total = paddle.sum(x) + total
    return total


def float_becomes_tensor_in_for(x):
    loss = 0.0
    for i in range(3):
        loss = loss + paddle.mean(x * i)
    return loss


def dtype_widens_in_loop(x):
    acc = paddle.zeros([3], dtype="int32")
    for i in range(3):
        acc = acc + paddle.cast(x, "int64")
    return acc


def python_int_becomes_float(x):
    step = 1
    for i in range(3):
        step = step * 0.5
    return x * step


@pytest.mark.parametrize("fn", [number_becomes_tensor, float_becomes_tensor_in_for,
                                dtype_widens_in_loop, python_int_becomes_float])
def test_types_join_across_loops(differential, fn):
    differential(fn, t([1.0, 2.0, 3.0]))


def dtype_differs_by_branch(x):
    if x.sum() > 0:
        y = paddle.cast(x, "float64")
    else:
        y = x
    return y


@pytest.mark.parametrize("values", [[1.0, 2.0], [-1.0, -2.0]])
def test_branches_join_to_the_promoted_dtype(values):
    x = t(values)
    compiled = paddle.jit.to_static(dtype_differs_by_branch)(x)
    assert compiled.dtype == paddle.float64
    np.testing.assert_array_equal(compiled.numpy(), dtype_differs_by_branch(x).numpy())


def number_or_tensor_by_branch(x):
    y = 0
    if x.sum() > 0:
        y = x.sum()
    return y * 2


@pytest.mark.parametrize("values", [[1.0, 2.0], [-1.0, -2.0]])
def test_number_or_tensor_by_branch(values):
    x = t(values)
    compiled = paddle.jit.to_static(number_or_tensor_by_branch)(x)
    assert float(compiled) == float(number_or_tensor_by_branch(x))


# conditions: any one-element tensor, eager's truth ---------------------------

def if_float_tensor(x):
    if x.sum():
        return x + 1
    return x - 1


def while_int_tensor(x):
    n = paddle.to_tensor(3)
    while n:
        x = x + 1
        n = n - 1
    return x


def not_and_or_ternary(x):
    s = x.sum()
    a = 1 if s else 2
    b = 3 if not s else 4
    c = 5 if (s and x[0]) else 6
    d = 7 if (s or x[0]) else 8
    return x * (a + b + c + d)


@pytest.mark.parametrize("fn", [if_float_tensor, while_int_tensor, not_and_or_ternary])
@pytest.mark.parametrize("values", [[1.0, 2.0], [0.0, 0.0], [1.0, -1.0], [float("nan"), 1.0]])
def test_numeric_tensor_conditions(differential, fn, values):
    differential(fn, t(values))


# assert and raise at run time ------------------------------------------------

def assert_positive(x):
    assert paddle.sum(x) > 0, "the sum must be positive"
    return x * 2


def raise_in_loop(x):
    i = 0
    while True:
        x = x - 1
        i += 1
        if paddle.min(x) < 0:
            raise ValueError("went negative")
        if i > 100:
            break
    return x


def checked_step(x):
    if paddle.max(x) > 5:
        raise IndexError("too large")
    return x + 1, x.sum()


def raise_from_callee_in_loop(x):
    total = x.sum() * 0
    for i in range(10):
        x, s = checked_step(x)
        total = total + s
    return x, total


class ShapeError(ValueError):
    pass


def raise_user_class(x):
    if x.shape[0] > 2:
        raise ShapeError(f"got {x.shape[0]} rows")
    if paddle.sum(x) < 0:
        raise ShapeError("negative")
    return x


def assert_python_condition(x):
    assert isinstance(x, paddle.Tensor)
    assert x.ndim == 1, "a vector"
    return x + 1


def outcome(fn, *args):
    try:
        return fn(*args), None
    except Exception as e:  # the exception eager raises is the expectation
        return None, e


@pytest.mark.parametrize("fn,values", [
    (assert_positive, [1.0, 2.0]), (assert_positive, [-1.0, -2.0]),
    (raise_in_loop, [200.0, 300.0]), (raise_in_loop, [3.0, 300.0]),
    (raise_from_callee_in_loop, [-10.0, -20.0]), (raise_from_callee_in_loop, [1.0, 0.0]),
    (raise_user_class, [1.0, 2.0]), (raise_user_class, [-1.0, -2.0]),
    (assert_python_condition, [1.0]),
])
def test_assert_and_raise_at_run_time(differential, fn, values):
    eager, error = outcome(fn, t(values))
    if error is None:
        differential(fn, t(values))
        return
    compiled = paddle.jit.to_static(fn)
    expected = ValueError if isinstance(error, ShapeError) else type(error)
    with pytest.raises(expected) as info:
        compiled(t(values))
    assert str(error).splitlines()[0] in str(info.value)  # pytest adds lines to asserts
    assert __file__ in str(info.value)
    # The process goes on: a later call that raises nothing eagerly works.
    good = t({raise_in_loop: [500.0, 600.0],
              raise_from_callee_in_loop: [-10.0, -20.0]}.get(fn, [0.5, 0.25]))
    assert outcome(fn, good)[1] is None
    compiled(good)
