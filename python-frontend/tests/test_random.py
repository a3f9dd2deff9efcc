"""Paddle's random tensors, eagerly (numpy's generator, seeded by
paddle.seed): dtypes, shapes, ranges and moments as Paddle documents them;
compiled code has none yet and says so."""
import numpy as np
import pytest

import dy2st as paddle


def test_dtypes_shapes_and_ranges():
    paddle.seed(5)
    u = paddle.rand([400, 50])
    assert (u.dtype, u.shape) == (paddle.float32, [400, 50])
    assert 0.0 <= u.numpy().min() and u.numpy().max() < 1.0
    n = paddle.randn([400, 50], dtype="float64")
    assert n.dtype == paddle.float64
    assert abs(n.numpy().mean()) < 0.02 and abs(n.numpy().std() - 1.0) < 0.02
    assert paddle.standard_normal([3]).dtype == paddle.float32
    v = paddle.uniform([1000], min=2.0, max=5.0)
    assert 2.0 <= v.numpy().min() and v.numpy().max() < 5.0
    i = paddle.randint(3, shape=[1000])
    assert i.dtype == paddle.int64 and set(np.unique(i.numpy())) == {0, 1, 2}
    j = paddle.randint(-2, 2, [2, 3], dtype="int32")
    assert (j.dtype, j.shape) == (paddle.int32, [2, 3])
    assert sorted(paddle.randperm(6).numpy().tolist()) == list(range(6))
    m = paddle.normal(paddle.to_tensor([0.0, 100.0]), 1.0)
    assert m.shape == [2] and abs(m.numpy()[1] - 100.0) < 6
    assert paddle.normal(shape=[2, 2]).shape == [2, 2]
    b = paddle.bernoulli(paddle.to_tensor([0.0, 1.0, 1.0]))
    np.testing.assert_array_equal(b.numpy(), [0.0, 1.0, 1.0])


def test_seeded_streams_repeat():
    paddle.seed(11)
    first = paddle.randn([4]).numpy()
    paddle.seed(11)
    np.testing.assert_array_equal(paddle.randn([4]).numpy(), first)
    np.testing.assert_array_equal(paddle.uniform([3], seed=9).numpy(),
                                  paddle.uniform([3], seed=9).numpy())


def test_bad_arguments_raise_as_paddle():
    with pytest.raises(ValueError):
        paddle.randint(5, 5)
    with pytest.raises(TypeError):
        paddle.rand([2], dtype="int64")
    with pytest.raises(ValueError):
        paddle.bernoulli(paddle.to_tensor([1.5]))


def noisy(x):
    return x + paddle.randn(x.shape)


def test_random_numbers_in_compiled_code_are_a_clear_error():
    message = r'test_random.py", line \d+.*randn\(\): random numbers are not compiled yet'
    with pytest.raises(paddle.Dy2StError, match=message):
        paddle.jit.to_static(noisy)(paddle.ones([2]))
