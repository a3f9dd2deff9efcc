"""Loops on one-element tensors run on scalars (dy2st-scalarize-unit-tensors)
and large results sit on huge pages (the runtime's allocation functions):
results must be eager's, for every dtype and rank of one element."""
import numpy as np
import pytest

import dy2st as paddle
from conftest import assert_same


def count_up(x, limit):
    while x < limit:
        x = x + 1.0
    return x


def collatz(n):
    steps = paddle.zeros([1], "int64")
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return n, steps


def newton_sqrt(a, iterations):
    x = a
    for _ in range(iterations):
        x = 0.5 * (x + a / x)
        if paddle.abs(x * x - a) < 1e-12:
            break
    return x


def mixed(x, v):
    # A one-element accumulator next to a larger tensor, and a reduction of
    # a one-element tensor.
    total = paddle.zeros([1], x.dtype)
    i = 0
    while i < 10:
        total = total + paddle.max(x) * i
        v = v * 0.5 + total
        i += 1
    return total, v


@pytest.mark.parametrize("shape", [[], [1], [1, 1]])
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_count_up(shape, dtype):
    x = paddle.to_tensor(np.zeros(shape, dtype))
    f = paddle.jit.to_static(count_up)
    assert_same(count_up(x, 1000.0), f(x, 1000.0))


@pytest.mark.parametrize("start", [1, 6, 27])
def test_integer_loop_with_branches(start):
    n = paddle.to_tensor(np.array([start], np.int64))
    assert_same(collatz(n), paddle.jit.to_static(collatz)(n))


def test_loop_with_break_and_reduction():
    a = paddle.to_tensor(np.array(2.0, np.float64))
    assert_same(newton_sqrt(a, 50), paddle.jit.to_static(newton_sqrt)(a, 50))
    x = paddle.to_tensor(np.array([[3.0]], np.float32))
    v = paddle.to_tensor(np.arange(4, dtype=np.float32))
    assert_same(mixed(x, v), paddle.jit.to_static(mixed)(x, v))


def test_the_loop_allocates_nothing():
    f = paddle.jit.to_static(count_up)
    f(paddle.to_tensor(np.zeros([1], np.float32)), 10.0)
    # One allocation: the result, after the loop.
    assert f.mlir("llvm").count("llvm.call @_mlir_memref_to_llvm_alloc") == 1


def scaled(x):
    return x * 2.0 + 1.0


def test_large_results_are_on_huge_pages():
    f = paddle.jit.to_static(scaled)
    big = paddle.to_tensor(np.ones(1 << 20, np.float32))  # 4 MB
    result = f(big)
    assert_same(scaled(big), result)
    assert np.asarray(result).ctypes.data % (2 << 20) == 0
    small = paddle.to_tensor(np.ones(16, np.float32))
    assert_same(scaled(small), f(small))
