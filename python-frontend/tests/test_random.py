"""Paddle's random tensors. Eagerly: numpy's generator (seeded by
paddle.seed), in Paddle's dtypes, shapes and ranges. Compiled: the runtime's
stream (seeded by paddle.seed too), new numbers at every call and at every
run of the operation in a loop; a `seed=` argument gives the same numbers at
every call. Both streams are checked by their moments, not against each
other: they differ."""
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


def samples(x):
    return (paddle.rand(x.shape), paddle.randn([20000]), paddle.uniform([5000], min=2.0, max=5.0),
            paddle.randint(0, 3, [3000]), paddle.bernoulli(paddle.full([4000], 0.25)),
            paddle.uniform([3], seed=7), paddle.normal(paddle.full([2000], 10.0), 2.0))


def test_compiled_random_numbers_have_their_distributions():
    compiled = paddle.jit.to_static(samples)
    first, second = compiled(paddle.ones([40, 50])), compiled(paddle.ones([40, 50]))
    u, n, v, i, b, seeded, shifted = [t.numpy() for t in first]
    assert u.dtype == np.float32 and u.shape == (40, 50) and 0.0 <= u.min() and u.max() < 1.0
    assert abs(u.mean() - 0.5) < 0.02 and abs(u.var() - 1 / 12) < 0.01
    assert abs(n.mean()) < 0.03 and abs(n.std() - 1.0) < 0.03
    assert abs(np.mean(np.abs(n) < 1.0) - 0.6827) < 0.02
    assert 2.0 <= v.min() and v.max() < 5.0 and abs(v.mean() - 3.5) < 0.05
    assert i.dtype == np.int64 and [abs(np.mean(i == k) - 1 / 3) < 0.03 for k in range(3)] == \
        [True] * 3
    assert set(np.unique(b)) == {0.0, 1.0} and abs(b.mean() - 0.25) < 0.03
    assert abs(shifted.mean() - 10.0) < 0.15 and abs(shifted.std() - 2.0) < 0.15
    # New numbers at every call; the same ones where a seed is given.
    assert not np.array_equal(u, second[0].numpy())
    np.testing.assert_array_equal(seeded, second[5].numpy())


def test_paddle_seed_repeats_compiled_numbers():
    compiled = paddle.jit.to_static(samples)
    x = paddle.ones([2, 3])
    paddle.seed(3)
    first = compiled(x)[1].numpy()
    paddle.seed(3)
    np.testing.assert_array_equal(compiled(x)[1].numpy(), first)


def rows_in_a_loop(n):
    rows = []
    i = 0
    while i < n:
        rows.append(paddle.rand([8]))
        i += 1
    return paddle.stack(rows)


def test_each_run_in_a_loop_draws_new_numbers():
    rows = paddle.jit.to_static(rows_in_a_loop)(paddle.to_tensor(4)).numpy()
    assert rows.shape == (4, 8) and len({tuple(r) for r in rows}) == 4


def training_dropout(x):
    return paddle.nn.functional.dropout(x, 0.3, training=True)


def test_compiled_dropout_in_training_mode():
    y = paddle.jit.to_static(training_dropout)(paddle.ones([20000])).numpy()
    assert abs(np.mean(y == 0.0) - 0.3) < 0.02
    np.testing.assert_allclose(y[y != 0.0], 1 / 0.7, rtol=1e-6)


class Noisy(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.drop = paddle.nn.Dropout(0.5)

    def forward(self, x):
        return self.drop(x)


def test_a_dropout_layer_follows_train_and_eval():
    layer = Noisy()
    compiled = paddle.jit.to_static(layer)
    x = paddle.ones([1000])
    assert 0.4 < np.mean(compiled(x).numpy() == 0.0) < 0.6
    layer.eval()
    np.testing.assert_array_equal(compiled(x).numpy(), x.numpy())


def permuted(x):
    return x[paddle.randperm(3)]


def test_random_permutations_in_compiled_code_are_a_clear_error():
    message = r'test_random.py", line \d+.*randperm\(\): random permutations are not compiled'
    with pytest.raises(paddle.Dy2StError, match=message):
        paddle.jit.to_static(permuted)(paddle.ones([3]))


def categorical_draws(probs):
    return (paddle.multinomial(probs, 4000, replacement=True),
            paddle.multinomial(probs, 2),
            paddle.nn.functional.gumbel_softmax(paddle.log(probs), hard=True))


@pytest.mark.parametrize("compiled", [False, True], ids=["eager", "compiled"])
def test_categorical_draws_follow_the_probabilities(compiled):
    probs = paddle.to_tensor(np.array([[0.1, 0.2, 0.7], [0.5, 0.0, 0.5]], np.float32))
    fn = paddle.jit.to_static(categorical_draws) if compiled else categorical_draws
    with_replacement, distinct, one_hot = [t.numpy() for t in fn(probs)]
    frequencies = [np.bincount(row, minlength=3) / row.size for row in with_replacement]
    np.testing.assert_allclose(frequencies, probs.numpy(), atol=0.03)
    assert distinct.dtype == np.int64 and (distinct[:, 0] != distinct[:, 1]).all()
    assert sorted(distinct[1]) == [0, 2]    # a zero probability is never drawn
    assert (one_hot.sum(-1) == 1).all() and one_hot[1, 1] == 0


def test_uniform_draws_from_zero_to_one_by_default_as_paddle_3_3():
    v = paddle.uniform([2000]).numpy()
    assert v.min() >= 0.0 and v.max() < 1.0 and 0.45 < v.mean() < 0.55
