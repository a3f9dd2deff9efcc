"""Code in a branch that folds away once the signature is known is never
compiled (Paddle's dy2st semantics): it may raise, call numpy or name
Python-only objects. Reached, it is the clear error it would have been."""
import numpy as np
import pytest

import dy2st as paddle


def checked(x, mode):
    if mode == 0:
        return x * 2.0
    elif mode == 1:
        return paddle.to_tensor(np.cbrt(x.numpy()))
    else:
        raise ValueError(f"unknown mode {mode}")


def test_a_folded_branch_is_not_compiled():
    x = paddle.to_tensor([1.0, 4.0])
    assert np.array_equal(paddle.jit.to_static(checked)(x, 0), [2.0, 8.0])


def test_a_remaining_branch_is_reported():
    with pytest.raises(paddle.Dy2StError, match="numpy") as info:
        paddle.jit.to_static(checked)(paddle.to_tensor([1.0]), 1)
    assert "test_folded_branches.py" in str(info.value)


def test_a_remaining_raise_raises_at_run_time():
    with pytest.raises(ValueError, match="unknown mode") as info:
        paddle.jit.to_static(checked)(paddle.to_tensor([1.0]), 2)
    assert "test_folded_branches.py" in str(info.value)


class Dropping(paddle.nn.Layer):
    """A layer whose training path is eager-only code."""

    def forward(self, x):
        if self.training:
            return x * paddle.to_tensor((np.random.rand(*x.shape) > 0.5).astype("float32"))
        return x + 1.0


def test_an_eval_layer_compiles_without_its_training_path():
    layer = Dropping()
    layer.eval()
    assert np.array_equal(paddle.jit.to_static(layer)(paddle.to_tensor([1.0])), [2.0])


def with_cache(x, cache=None):
    if cache is None:
        y = x + 1.0
    else:
        y, extra = x * 2.0, cache
    if cache is None:
        return y
    return y, extra


def test_a_variable_bound_only_in_a_folded_branch():
    """`extra` is assigned only where cache is given: with cache None the read
    folds away with its branch, as Paddle's UndefinedVar allows."""
    x = paddle.to_tensor([1.0, 2.0])
    assert np.array_equal(paddle.jit.to_static(with_cache)(x).numpy(), [2.0, 3.0])


def test_a_variable_bound_only_in_a_remaining_branch_is_checked_at_run_time():
    def read_extra(x, flag):
        if flag:
            extra = x
        return extra
    fn = paddle.jit.to_static(read_extra)
    assert np.array_equal(fn(paddle.to_tensor([1.0]), paddle.to_tensor(True)).numpy(), [1.0])
    with pytest.raises(UnboundLocalError, match="'extra'"):
        fn(paddle.to_tensor([1.0]), paddle.to_tensor(False))


def test_a_possibly_unbound_read_under_a_conditional_expression_is_checked_where_it_runs():
    def read_extra(x, flag):
        if flag:
            extra = x
        return extra if x.sum() > 0 else x
    fn = paddle.jit.to_static(read_extra)
    assert np.array_equal(fn(paddle.to_tensor([1.0]), paddle.to_tensor(True)).numpy(), [1.0])
    assert np.array_equal(fn(paddle.to_tensor([-1.0]), paddle.to_tensor(False)).numpy(), [-1.0])
    with pytest.raises(UnboundLocalError, match="'extra'"):
        fn(paddle.to_tensor([1.0]), paddle.to_tensor(False))


def test_isinstance_with_a_tuple_subclass_of_a_tuple_is_reported():
    import collections

    class Pair(tuple):
        pass
    Named = collections.namedtuple("Named", ["a", "b"])

    def check(x):
        t = (x, x)
        return isinstance(t, Pair)

    def check_named(x):
        t = (x, x)
        return isinstance(t, Named), isinstance(Named(x, x), Named)
    with pytest.raises(paddle.Dy2StError, match="subclass of tuple"):
        paddle.jit.to_static(check)(paddle.to_tensor([1.0]))
    # A namedtuple class is told apart: a plain tuple is no instance of it.
    assert paddle.jit.to_static(check_named)(paddle.to_tensor([1.0])) == (False, True)


def leaves_on_both_branches(x):
    while x.sum() > 0:
        if x.max() > 3:
            break
        else:
            x = x + 1.0
            continue
        x = x + undefined_name  # noqa: F821 (never runs, as in Python)
    if x.sum() > 0:
        return x * 2.0
    else:
        raise ValueError("not positive")
    return x + never_looked_up  # noqa: F821


@pytest.mark.parametrize("values", [[1.0, 2.0], [5.0, 0.0], [-1.0, -2.0]])
def test_code_after_an_if_whose_branches_both_leave_is_not_compiled(values):
    """A fuzz finding: it was typed, and a name bound nowhere was an error."""
    def run(fn):
        try:
            return fn(paddle.to_tensor(values)).numpy()
        except ValueError as e:
            return str(e)
    eager, compiled = run(leaves_on_both_branches), run(
        paddle.jit.to_static(leaves_on_both_branches))
    assert isinstance(eager, str) == isinstance(compiled, str)
    if isinstance(eager, str):
        assert "not positive" in eager and "not positive" in compiled
    else:
        np.testing.assert_array_equal(eager, compiled)


class _Cell:
    @property
    def state_shape(self):
        raise NotImplementedError("no state_shape")


_CELL = _Cell()


def _shaped(x, shape=None):
    dims = _CELL.state_shape if shape is None else shape
    return x * len(dims)


def test_a_conditional_expressions_branch_that_folds_away_is_not_compiled():
    fn = paddle.jit.to_static(_shaped)
    x = paddle.to_tensor([1.0, 2.0])
    assert np.array_equal(fn(x, [4, 5, 6]).numpy(), _shaped(x, [4, 5, 6]).numpy())
    with pytest.raises(NotImplementedError):
        _shaped(x)
    with pytest.raises(paddle.Dy2StError, match="NotImplementedError: no state_shape"):
        fn(x)


class Activation(paddle.nn.Layer):
    def __init__(self, act):
        super().__init__()
        self.act = act

    def forward(self, x):
        if self.act is None:
            return x
        if self.act == "numpy":
            x = paddle.to_tensor(np.arctanh(x.numpy()))
        return getattr(paddle.nn.functional, self.act)(x)


@pytest.mark.parametrize("act", [None, "relu", "sigmoid"])
def test_code_after_an_early_return_that_folds_is_not_compiled(act):
    """After `if self.act is None: return x` the rest runs only for an
    activation's name: with None it is never converted (getattr of None
    would fail)."""
    x = paddle.to_tensor([-1.0, 2.0])
    layer = Activation(act)
    np.testing.assert_array_equal(paddle.jit.to_static(layer)(x).numpy(), layer(x).numpy())


def test_code_after_an_early_return_is_reported_where_it_remains():
    with pytest.raises(paddle.Dy2StError, match="numpy") as info:
        paddle.jit.to_static(Activation("numpy"))(paddle.to_tensor([1.0]))
    assert "test_folded_branches.py" in str(info.value)


class MaybeDownsampled(paddle.nn.Layer):
    def __init__(self, down):
        super().__init__()
        self.down = paddle.nn.Linear(2, 2) if down else None

    def forward(self, x):
        if self.down:
            x = self.down(x)
        y = self.down(x) if self.down else x * 2.0
        if not self.down:
            y = y + 1.0
        return y


def test_a_sublayer_or_none_as_a_test():
    """`if self.down:` of a sublayer (true) or None (false) is known when
    converting; replacing it later compiles again."""
    x = paddle.to_tensor([[1.0, -2.0]])
    for down in (True, False):
        layer = MaybeDownsampled(down)
        np.testing.assert_allclose(paddle.jit.to_static(layer)(x).numpy(), layer(x).numpy())
    layer = MaybeDownsampled(False)
    compiled = paddle.jit.to_static(layer)
    compiled(x)
    layer.down = paddle.nn.Linear(2, 2)
    np.testing.assert_allclose(compiled(x).numpy(), layer(x).numpy())


def on_a_literal_tensor(x, data):
    # Paddle's dyfunc_ifelse_ret_int4: the branch on a tensor made from a
    # literal folds, so a string returned there needs no join with a tensor.
    pred = paddle.to_tensor(data)
    if pred:
        return "unsupport ret"
    elif not pred >= 1.5:
        return x * 2
    return x + 2


@pytest.mark.parametrize("data", [[1], [0], 0.0, [[2.5]]])
def test_a_branch_on_a_tensor_of_a_literal_folds(data):
    x = paddle.to_tensor([1.0, 4.0])
    eager, compiled = on_a_literal_tensor(x, data), paddle.jit.to_static(on_a_literal_tensor)(x, data)
    assert type(eager) is type(compiled)
    assert np.array_equal(np.asarray(eager), np.asarray(compiled))
