"""Paddle's in-place operations (`x.add_(y)`, `x.zero_()`, `paddle.tanh_(x)`,
`F.relu_(x)`), eager against numpy and compiled against eager: the receiver
changes, names sharing it and callers see it, and a result of another shape
is Paddle's ValueError. (Against real Paddle: dy2st_cases.inplace_operations.)"""
import numpy as np
import pytest

import dy2st as paddle
from dy2st.static import InputSpec

F = paddle.nn.functional
X = np.array([[0.2, -0.5, 0.7], [1.5, 0.1, -2.0]], np.float32)
Y = np.array([0.5, 0.6, 0.7], np.float32)


def both(fn, *arrays, specs=None):
    eager_args = [paddle.to_tensor(a) for a in arrays]
    compiled_args = [paddle.to_tensor(a) for a in arrays]
    eager = fn(*eager_args)
    compiled = paddle.jit.to_static(fn, input_spec=specs)(*compiled_args)
    eager = eager if isinstance(eager, tuple) else (eager,)
    compiled = compiled if isinstance(compiled, tuple) else (compiled,)
    for e, c in zip(eager, compiled):
        assert e.dtype == c.dtype and e.shape == c.shape
        np.testing.assert_allclose(c.numpy(), e.numpy(), rtol=1e-6)
    for e, c in zip(eager_args, compiled_args):
        np.testing.assert_allclose(c.numpy(), e.numpy(), rtol=1e-6)
    return [e.numpy() for e in eager], [e.numpy() for e in eager_args]


def value_methods(x, y):
    h = x * 1.0
    h.add_(y)
    h.multiply_(y).clip_(-0.5, 0.5)
    g = x * 1.0
    g.exp_()
    g.zero_()
    z = (x * 0.0).fill_(3.0)
    return h, g, z


def test_value_methods_change_the_receiver():
    (h, g, z), _ = both(value_methods, X, Y)
    np.testing.assert_allclose(h, np.clip((X + Y) * Y, -0.5, 0.5), rtol=1e-6)
    assert not g.any() and (z == 3.0).all()


@pytest.mark.parametrize("dynamic", [False, True], ids=["static", "dynamic"])
def test_functions_and_shapes(dynamic):
    def fn(x):
        a = F.relu_(x - 0.5)
        paddle.tanh_(a)
        flat = x * 1.0
        flat.reshape_([-1]).unsqueeze_(0)
        return a, flat
    specs = [InputSpec([None, 3])] if dynamic else None
    (a, flat), _ = both(fn, X, specs=specs)
    np.testing.assert_allclose(a, np.tanh(np.maximum(X - 0.5, 0)), rtol=1e-6)
    assert flat.shape == (1, 6)


def shares(x):
    h = x * 1.0
    alias = h
    items = [x * 1.0, x * 2.0]
    h.sqrt_()
    items[1].neg_()
    return alias, items[1]


def test_names_and_items_sharing_the_object_see_the_change():
    (alias, item), _ = both(shares, np.abs(X))
    np.testing.assert_allclose(alias, np.sqrt(np.abs(X)), rtol=1e-6)
    np.testing.assert_allclose(item, -2 * np.abs(X), rtol=1e-6)


def _halve(t):
    t.scale_(0.5)


def changes_its_argument(x):
    _halve(x)
    return x + 0.0


def test_a_change_to_an_argument_reaches_the_caller():
    results, (x,) = both(changes_its_argument, X)
    np.testing.assert_allclose(x, X * 0.5)


def grows(x, y):
    h = x * 1.0
    h.add_(y)
    return h


@pytest.mark.parametrize("dynamic", [False, True], ids=["static", "dynamic"])
def test_a_result_of_another_shape_is_a_value_error(dynamic):
    small, big = np.ones((1, 3), np.float32), np.ones((2, 3), np.float32)
    with pytest.raises(ValueError, match="different from that of inplace tensor"):
        grows(paddle.to_tensor(small), paddle.to_tensor(big))
    specs = [InputSpec([None, 3]), InputSpec([None, 3])] if dynamic else None
    compiled = paddle.jit.to_static(grows, input_spec=specs)
    with pytest.raises(ValueError, match="different from that of the inplace tensor"):
        compiled(paddle.to_tensor(small), paddle.to_tensor(big))
    if dynamic:
        np.testing.assert_allclose(compiled(paddle.to_tensor(big), paddle.to_tensor(big)).numpy(),
                                   2 * big)


def test_eager_methods_return_the_receiver():
    x = paddle.to_tensor(X)
    assert x.add_(1.0) is x and F.relu_(x) is x and paddle.sigmoid_(x) is x
    with pytest.raises(AttributeError):
        x.not_an_operation_()


def result_names_the_receiver(x):
    h = x * 1.0
    y = h.add_(1.0)
    y.multiply_(x)
    return h


def test_the_result_of_an_inplace_method_names_the_receiver():
    (h,), _ = both(result_names_the_receiver, X)
    np.testing.assert_allclose(h, (X + 1.0) * X, rtol=1e-6)


def result_of_the_function_form(x):
    h = x * 1.0
    y = F.relu_(h)
    y.add_(1.0)
    z = paddle.tanh_(y)
    h.scale_(2.0)
    return z


def test_the_result_of_an_inplace_function_names_its_argument():
    (z,), _ = both(result_of_the_function_form, X)
    np.testing.assert_allclose(z, np.tanh(np.maximum(X, 0.0) + 1.0) * 2.0, rtol=1e-6)


def names_paired_in_one_assignment(x, y):
    h, g = x * 1.0, y * 1.0
    a, b, c = h, h, g
    a.add_(1.0)
    p, q = g, h
    p.scale_(3.0)
    return b, c, h, g, q


def test_names_paired_in_one_assignment_share():
    (b, c, h, g, q), _ = both(names_paired_in_one_assignment, X, Y)
    np.testing.assert_allclose(b, X + 1.0, rtol=1e-6)
    np.testing.assert_allclose(h, X + 1.0, rtol=1e-6)
    np.testing.assert_allclose(q, X + 1.0, rtol=1e-6)
    np.testing.assert_allclose(c, Y * 3.0, rtol=1e-6)
    np.testing.assert_allclose(g, Y * 3.0, rtol=1e-6)


def comparisons_in_place(x, y):
    x.greater_equal_(y)
    d = y * 1.0
    d.not_equal_(paddle.to_tensor(0.6))
    return d


def test_comparisons_in_place_make_the_receiver_bool():
    (d,), (x, y) = both(comparisons_in_place, X, Y)
    np.testing.assert_array_equal(d, Y != np.float32(0.6))
    compiled_x = paddle.to_tensor(X)
    paddle.jit.to_static(comparisons_in_place)(compiled_x, paddle.to_tensor(Y))
    assert compiled_x.dtype == paddle.bool
    np.testing.assert_array_equal(compiled_x.numpy(), X >= Y)


def test_random_fills_in_place_eagerly_and_a_clear_error_compiled():
    paddle.seed(0)
    w = paddle.zeros([20000])
    assert w.normal_(1.0, 2.0) is w
    assert abs(w.numpy().mean() - 1.0) < 0.05 and abs(w.numpy().std() - 2.0) < 0.05
    w.uniform_(-0.5, 0.5)
    assert w.numpy().min() >= -0.5 and w.numpy().max() < 0.5
    paddle.bernoulli_(w, 0.25)
    assert set(np.unique(w.numpy())) <= {0.0, 1.0} and abs(w.numpy().mean() - 0.25) < 0.02
    w.exponential_(4.0)
    assert abs(w.numpy().mean() - 0.25) < 0.02
    paddle.log_normal_(w, 0.0, 0.5)
    assert abs(np.log(w.numpy()).std() - 0.5) < 0.02
    paddle.cauchy_(w, 3.0, 1.0)
    assert abs(np.median(w.numpy()) - 3.0) < 0.1
    paddle.geometric_(w, 0.5)  # Paddle's: log(u) / log(1 - p), not whole trials
    assert abs(w.numpy().mean() - 1 / np.log(2)) < 0.05
    with pytest.raises(TypeError, match="must be float32 or float64"):
        paddle.zeros([2], "int64").uniform_()

    def fills(x):
        x.normal_()
        return x
    with pytest.raises(paddle.Dy2StError, match="normal_\\(\\): the in-place random fills"):
        paddle.jit.to_static(fills)(paddle.zeros([2]))


def assigned_into(x, buf):
    row = buf[0:2]
    y = paddle.assign(x * 2.0, output=buf)
    buf.add_(paddle.ones_like(buf))      # y is buf
    return y + 0.0, row + 0.0, paddle.assign(x) + 0.0


def incremented(x, counter):
    step = counter
    for _ in range(3):
        paddle.increment(counter, 0.5)
    return step + 0.0, paddle.increment(paddle.sum(x))


def test_paddle_functions_that_change_an_argument_under_their_own_names():
    """paddle.assign(v, output=t) gives t v's value, paddle.increment(t) adds
    to t: names of t, views of it and the caller see it (as in Paddle 3.3)."""
    (y, row, copy), (_, buf) = both(assigned_into, Y, np.zeros(3, np.float32))
    np.testing.assert_allclose(y, Y * 2 + 1)
    np.testing.assert_allclose(buf, Y * 2 + 1)
    np.testing.assert_allclose(row, (Y * 2 + 1)[:2])  # a view of buf
    np.testing.assert_allclose(copy, Y)
    (step, total), (_, counter) = both(incremented, X, np.zeros(1, np.float32))
    np.testing.assert_allclose([step[0], counter[0], total], [1.5, 1.5, X.sum() + 1], rtol=1e-6)
    with pytest.raises(ValueError, match="number of elements in Input\\(X\\) should be 1"):
        paddle.jit.to_static(incremented)(paddle.to_tensor(X), paddle.zeros([2]))


class RunningMean(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.register_buffer("mean", paddle.zeros([3]))

    def forward(self, x):
        paddle.assign(self.mean * 0.9 + x.mean(0) * 0.1, output=self.mean)
        return x - self.mean


def test_a_buffer_assigned_into_stays_the_layers_tensor():
    eager, compiled_layer = RunningMean(), RunningMean()
    compiled, kept = paddle.jit.to_static(compiled_layer), compiled_layer.mean
    for _ in range(2):
        np.testing.assert_allclose(compiled(paddle.to_tensor(X)).numpy(),
                                   eager(paddle.to_tensor(X)).numpy(), rtol=1e-6)
    assert compiled_layer.mean is kept
    np.testing.assert_allclose(kept.numpy(), eager.mean.numpy(), rtol=1e-6)


def value_set(x, buf):
    row = buf[0:2]
    buf.set_value(x * 3.0)
    return buf + 0.0, row + 0.0


class SetsItsWeight(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.w = self.create_parameter([3])

    def forward(self, x):
        self.w.set_value(x * 2.0)
        return self.w + 1.0


def test_set_value_writes_into_the_tensor():
    """Tensor.set_value(v): views, the caller and a layer's parameter see v;
    another shape or dtype is Paddle's AssertionError where it runs."""
    (new, row), (_, buf) = both(value_set, Y, np.zeros(3, np.float32))
    np.testing.assert_allclose([new, buf], [Y * 3, Y * 3], rtol=1e-6)
    np.testing.assert_allclose(row, Y[:2] * 3, rtol=1e-6)
    layer = SetsItsWeight()
    weight = layer.w
    np.testing.assert_allclose(paddle.jit.to_static(layer)(paddle.to_tensor(Y)).numpy(),
                               Y * 2 + 1, rtol=1e-6)
    assert layer.w is weight
    np.testing.assert_allclose(weight.numpy(), Y * 2, rtol=1e-6)
    for wrong in (np.zeros(2, np.float32), np.zeros(3, np.float64)):
        for fn in (value_set, paddle.jit.to_static(value_set)):
            with pytest.raises(AssertionError, match="Variable (Shape|dtype) not match"):
                fn(paddle.to_tensor(wrong), paddle.zeros([3]))


def copied(x, y):
    buf = x * 1.0
    alias = buf
    buf.copy_(y)
    return alias


def test_copy_takes_the_sources_values_and_shape():
    """Tensor.copy_(src) (Paddle 3.3): the receiver, and its other names,
    take src's values and shape; another dtype is Paddle's RuntimeError."""
    x, y = paddle.to_tensor(Y), paddle.to_tensor(np.arange(5, dtype=np.float32))
    for fn in (copied, paddle.jit.to_static(copied)):
        np.testing.assert_array_equal(fn(x, y).numpy(), y.numpy())
        with pytest.raises(RuntimeError, match="different data type"):
            fn(x, paddle.to_tensor([1, 2]))


def given_out(x, buf):
    alias = buf
    row = buf[0]
    paddle.matmul(x, x.T, out=buf)      # buf's shape: the product's
    grown = paddle.zeros([1], dtype="int64")
    paddle.concat([x, x], out=grown)    # another shape and dtype: the result whole
    summed = paddle.zeros([2, 2])
    x.add(x, out=summed)                # a Tensor method's out= too
    x[0, :2].exp(out=row)               # the row of buf, a view, takes it
    return alias, row, grown, summed


def test_a_result_given_out_is_written_into_it():
    """Paddle 3.3's keyword-only out= (also `zeros(..., out=t)`): the tensor,
    its other names and the caller's take the result, in their memory where
    it fits (a view of the tensor sees it too)."""
    (alias, row, grown, summed), (_, buf) = both(given_out, X, np.zeros((2, 2), np.float32))
    product = X @ X.T
    product[0] = np.exp(X[0, :2])
    np.testing.assert_allclose(alias, product, rtol=1e-6)
    np.testing.assert_allclose(buf, product, rtol=1e-6)
    np.testing.assert_allclose(row, product[0], rtol=1e-6)
    np.testing.assert_array_equal(grown, np.concatenate([X, X]))
    np.testing.assert_allclose(summed, X + X, rtol=1e-6)


def normalized_into(x, buf):
    result = paddle.nn.functional.normalize(x, out=buf)
    return result, buf


def test_normalize_writes_the_tensor_given_as_out():
    """F.normalize's `out` (Paddle's paddle.assign(ret, out)): the tensor
    takes the result and is what the call returns; without out the result is
    a new tensor."""
    (result, buf), _ = both(normalized_into, X, np.zeros((2, 3), np.float32))
    expected = X / np.linalg.norm(X, axis=1, keepdims=True)
    np.testing.assert_allclose(result, expected, rtol=1e-6)
    np.testing.assert_allclose(buf, expected, rtol=1e-6)


def pairs_given_out(x, values, indices):
    alias = values
    best = paddle.topk(x, 2, axis=1, out=(values, indices))
    lows = (paddle.zeros([1]), paddle.zeros([1], dtype="int64"))
    picked = x.median(axis=0, mode="min", out=lows)
    return alias, best.values, best.indices, picked[0], picked[1], lows[0], lows[1]


def test_pair_results_given_out_are_written_into_both():
    """Paddle 3.3's out=(values, indices) of topk and median (also a tuple
    made before, and the method): each tensor, its other names and the
    caller's take their result whole; topk returns them."""
    x = np.array([[3, 1, 2], [0, 5, 4]], np.float32)
    got, (_, values, indices) = both(pairs_given_out, x, np.zeros(1, np.float32),
                                     np.zeros(1, np.int64))
    alias, best_values, best_indices, low, at, low_out, at_out = got
    np.testing.assert_array_equal(alias, [[3, 2], [5, 4]])
    np.testing.assert_array_equal(values, best_values)
    np.testing.assert_array_equal(indices, [[0, 2], [1, 2]])
    np.testing.assert_array_equal(best_indices, indices)
    np.testing.assert_array_equal(low, [0, 1, 2])
    np.testing.assert_array_equal(at, [1, 0, 0])
    np.testing.assert_array_equal(low_out, low)
    np.testing.assert_array_equal(at_out, at)


def topk_into_one(x, buf):
    return paddle.topk(x, 1, out=buf)


def test_a_pair_result_given_one_tensor_is_paddles_value_error():
    x = paddle.to_tensor(Y)
    for fn in (topk_into_one, paddle.jit.to_static(topk_into_one)):
        with pytest.raises(ValueError, match="must be a tuple with 2 elements"):
            fn(x, paddle.zeros([1]))
