"""The call path of repeated calls: the native dispatcher serves arguments
like ones seen before (tensors of the same dtype and shape, the same Python
numbers) with the specialization compiled for them, and anything else goes
through jit.py. Each case checks the result against eager and which path ran."""
import math

import numpy as np
import pytest

import dy2st as paddle
from conftest import assert_same

OFFSET = paddle.to_tensor(np.array([1.0, 2.0], np.float32))


def shifted(x, scale=2.0):
    return x * scale + OFFSET


def divide(x, d):
    return x / d


def pair(x):
    return x + 1, {"twice": x * 2}


def t(values, dtype="float32"):
    return paddle.to_tensor(np.array(values, dtype=dtype))


def served(fn):
    """How many argument keys the dispatcher serves."""
    return 0 if fn._dispatcher is None else len(fn._dispatcher)


def test_repeated_calls_are_served_by_the_dispatcher_and_match_eager():
    f = paddle.jit.to_static(shifted)
    x = t([1.0, -2.0])
    assert_same(shifted(x), f(x))
    assert served(f) == 1
    compiled = dict(f._compiled)
    for _ in range(3):
        assert_same(shifted(x), f(x))
    assert f._compiled == compiled
    # A default filled in and the same value passed name the same key.
    assert_same(shifted(x, 2.0), f(x, 2.0))
    assert served(f) == 1
    assert_same(shifted(x, 3.0), f(x, 3.0))
    assert served(f) == 2


def test_a_captured_tensor_is_read_at_every_call():
    global OFFSET
    f = paddle.jit.to_static(shifted)
    x = t([1.0, -2.0])
    f(x)
    saved = OFFSET
    try:
        OFFSET = t([10.0, 20.0])
        assert_same(shifted(x), f(x))
    finally:
        OFFSET = saved


def test_each_dtype_shape_and_number_has_its_key():
    f = paddle.jit.to_static(divide)
    for x, d in [(t([1.0, 2.0]), 2.0), (t([1.0, 2.0, 3.0]), 2.0), (t([1.0], "float64"), 2.0),
                 (t([4, 6], "int64"), 2), (t([1.0, 2.0]), -0.0), (t([1.0, 2.0]), 0.0)]:
        for _ in range(2):
            assert_same(divide(x, d), f(x, d))
    assert served(f) == 6
    # -0.0 is not 0.0: 1/-0.0 is -inf.
    assert f(t([1.0]), -0.0).numpy()[0] == -math.inf


def test_nan_is_compiled_once():
    f = paddle.jit.to_static(divide)
    x = t([1.0])
    for _ in range(3):
        assert np.isnan(f(x, float("nan")).numpy()[0])
    assert len(f._compiled) == 1


def test_structured_results_and_numpy_arguments():
    f = paddle.jit.to_static(pair)
    x = np.array([1.0, 2.0], np.float32)
    for _ in range(2):
        assert_same(pair(paddle.to_tensor(x)), f(x))
    assert served(f) == 1
    # A strided view is not contiguous: copied by jit.py, same result.
    strided = np.arange(8, dtype=np.float32)[::4]
    assert_same(pair(paddle.to_tensor(strided)), f(strided))


def test_keywords_and_wrong_arity_take_the_checked_path():
    f = paddle.jit.to_static(shifted)
    x = t([1.0, -2.0])
    f(x)
    assert_same(shifted(x=x, scale=2.0), f(x=x, scale=2.0))
    with pytest.raises(TypeError, match="shifted"):
        f(x, 1.0, 2.0)
    with pytest.raises(TypeError, match="shifted"):
        f()


def test_switching_conversion_off_after_compiling_is_respected():
    f = paddle.jit.to_static(shifted)
    x = t([1.0, -2.0])
    f(x)
    paddle.jit.enable_to_static(False)
    try:
        assert_same(shifted(x), f(x))
        assert f._compiled and served(f) == 1
    finally:
        paddle.jit.enable_to_static(True)


def test_runtime_errors_on_the_served_path():
    def pick(x, i):
        return x[i]
    f = paddle.jit.to_static(pick)
    x = paddle.to_tensor(np.array([1.0, 2.0, 3.0], np.float32))
    i = paddle.to_tensor(np.array(1, np.int64))
    f(x, i)
    with pytest.raises(IndexError):
        f(x, paddle.to_tensor(np.array(7, np.int64)))
    assert_same(pick(x, i), f(x, i))


def test_the_compiled_cache_keeps_the_most_recently_used():
    f = paddle.jit.to_static(divide)
    previous = paddle.jit.set_cache_size(3)
    try:
        x = t([1.0, 2.0])
        for d in (1.0, 2.0, 3.0, 4.0, 5.0):
            assert_same(divide(x, d), f(x, d))
        assert len(f._compiled) == 3
        f(x, 3.0)  # used again: 4.0 is now the oldest
        assert_same(divide(x, 1.0), f(x, 1.0))  # compiled again, right
        assert [key[1] for key in f.compiled_signatures] == \
            [("float", v.hex()) for v in (5.0, 3.0, 1.0)]
        for _ in range(2):  # the dispatcher serves what remains
            assert_same(divide(x, 5.0), f(x, 5.0))
    finally:
        paddle.jit.set_cache_size(previous)
    with pytest.raises(ValueError, match="at least 1"):
        paddle.jit.set_cache_size(0)


def doubled(x):
    return x * 2.0


def test_a_large_result_reuses_the_buffer_of_one_freed():
    """Buffers of 2 MB and more that numpy frees are kept for the next
    allocation of their size (no page faults, no zeroing by the kernel);
    smaller ones go back to malloc."""
    f = paddle.jit.to_static(doubled)
    x = paddle.to_tensor(np.arange(1 << 22, dtype=np.float32))
    first = f(x)
    address = np.asarray(first).ctypes.data
    del first
    second = f(x)
    assert np.asarray(second).ctypes.data == address
    np.testing.assert_array_equal(second.numpy(), np.arange(1 << 22, dtype=np.float32) * 2)
    third = f(x)
    assert np.asarray(third).ctypes.data != np.asarray(second).ctypes.data
    assert_same(doubled(x), third)
