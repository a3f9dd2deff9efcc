"""Loops that share their iterations among threads (dy2st-linalg-to-loops
marks them, the runtime's parallel_for splits them where the work is worth
it): elementwise ops, reductions along inner axes, a batch of one. Every
result is eager's, on one thread and on two, from several Python threads at
once and in a forked child."""
import contextlib
import threading

import numpy as np
import pytest

import dy2st as paddle
from dy2st.static import InputSpec
from conftest import assert_same


def chain(x):
    return paddle.tanh(x * 2.0 + 1.0) * paddle.exp(-x) + paddle.sqrt(paddle.abs(x))


def row_sums(x):
    return paddle.sum(x * x, axis=-1)


def normalized(x):
    # A batch of one: the channels are shared.
    m = paddle.mean(x, axis=[2, 3], keepdim=True)
    return paddle.nn.functional.relu(x - m)


def small(x):
    return x * 3.0 - 1.0


@contextlib.contextmanager
def threads(count):
    before = paddle.get_num_threads()
    paddle.set_num_threads(count)
    try:
        yield
    finally:
        paddle.set_num_threads(before)


def shares(fn):
    return "dy2st_parallel_for" in fn.mlir("llvm")


# (function, shape, shared): loops of sizes known when compiling with less
# work than the runtime would share stay plain calls.
CASES = [(chain, (512, 1024), True), (row_sums, (2048, 300), True),
         (normalized, (1, 64, 40, 40), True), (small, (40, 50), False),
         (small, (64, 256), True)]


@pytest.mark.parametrize("fn, shape, shared", CASES)
@pytest.mark.parametrize("count", [1, 2])
def test_shared_loops_agree_with_eager(fn, shape, shared, count):
    x = paddle.to_tensor(np.random.default_rng(0).standard_normal(shape).astype("float32"))
    f = paddle.jit.to_static(fn)
    with threads(count):
        assert_same(fn(x), f(x))
    assert shares(f) == shared


def test_two_threads_give_one_threads_results_bit_for_bit():
    x = paddle.to_tensor(np.random.default_rng(1).standard_normal((777, 1031)).astype("float32"))
    f = paddle.jit.to_static(chain)
    with threads(1):
        one = f(x).numpy()
    with threads(2):
        two = f(x).numpy()
    np.testing.assert_array_equal(one, two)


def gates_after_a_product(x, w):
    return paddle.nn.functional.sigmoid(paddle.matmul(x, w)) * 2.0 - 1.0


def test_small_loops_are_shared_while_the_workers_spin():
    """A loop of 2^13 to 2^16 iterations is shared only right after the
    workers ran (they still spin: a recurrent layer's gates after its
    product), else it runs on the caller; the result is the same either way."""
    import time
    rng = np.random.default_rng(5)
    x = paddle.to_tensor(rng.standard_normal((96, 512)).astype("float32"))
    w = paddle.to_tensor(rng.standard_normal((512, 128)).astype("float32"))
    f = paddle.jit.to_static(gates_after_a_product)
    with threads(1):
        one = f(x, w).numpy()
    with threads(2):
        hot = f(x, w).numpy()
        time.sleep(0.01)
        cold = f(x, w).numpy()
    np.testing.assert_array_equal(one, hot)
    np.testing.assert_array_equal(one, cold)
    assert_same(gates_after_a_product(x, w), paddle.to_tensor(hot))
    assert shares(f)


def test_rows_known_only_at_run_time():
    f = paddle.jit.to_static(row_sums, input_spec=[InputSpec([None, None], "float32")])
    rng = np.random.default_rng(2)
    with threads(2):
        for shape in [(3000, 40), (1, 5), (0, 7), (5, 0)]:
            x = paddle.to_tensor(rng.standard_normal(shape).astype("float32"))
            assert_same(row_sums(x), f(x))
    assert shares(f)


def test_several_callers_at_once():
    """Callers on other Python threads while the workers are busy run their
    loops alone; every result is eager's."""
    rng = np.random.default_rng(3)
    f = paddle.jit.to_static(chain)
    inputs = [paddle.to_tensor(rng.standard_normal((400, 700)).astype("float32"))
              for _ in range(4)]
    want = [f(x).numpy() for x in inputs]
    got = [None] * len(inputs)

    def call(i):
        for _ in range(5):
            got[i] = f(inputs[i]).numpy()

    with threads(2):
        workers = [threading.Thread(target=call, args=(i,)) for i in range(len(inputs))]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
    for g, w in zip(got, want):
        np.testing.assert_array_equal(g, w)


def test_in_a_forked_child():
    import os
    import signal
    x = paddle.to_tensor(np.random.default_rng(4).standard_normal((600, 600)).astype("float32"))
    f = paddle.jit.to_static(chain)
    with threads(2):
        want = f(x).numpy()
        pid = os.fork()
        if pid == 0:
            signal.alarm(120)
            os._exit(0 if np.array_equal(f(x).numpy(), want) else 1)
        _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, status


def test_large_tensors_start_on_a_cache_line():
    """to_tensor's copy of a large array starts on a 64-byte boundary (numpy's
    own start 16 bytes past a page): compiled loops read 64-byte vectors, and
    ones that cross cache lines cost 1.6x more on some AVX-512 machines."""
    source = np.arange(100_000, dtype=np.float32)[1:]
    for made in (paddle.to_tensor(source), paddle.to_tensor(paddle.to_tensor(source))):
        assert made._value.ctypes.data % 64 == 0
        np.testing.assert_array_equal(made.numpy(), source)
    made = paddle.to_tensor(np.ones((300, 7)).T)   # a strided view: copied contiguous
    assert made._value.flags.c_contiguous and made._value.ctypes.data % 64 == 0
    made._value[0, 0] = 5.0
    assert made.numpy()[0, 0] == 5.0
