"""NumPy in compiled code (numpy_functions): its constructors, common math,
reductions and shape functions run on arrays (tensors there) and numbers
known only once specialized, with NumPy's dtype rules; calls of values known
when converting run NumPy itself. Eager runs NumPy, the reference."""
import math

import numpy as np
import pytest

import dy2st as paddle


def t(values, dtype):
    return paddle.to_tensor(np.asarray(values, dtype))


def of_shapes(x):
    n = x.shape[-1]
    scale = np.sqrt(n)
    flat = np.prod(x.shape[1:])
    return (x / scale, paddle.reshape(x, [-1, int(flat)]), float(np.exp(n) + np.log(n)),
            int(np.sum(x.shape)), int(np.max(x.shape)), int(np.abs(-n)), int(np.square(n)),
            float(np.floor(n / 3) + np.ceil(n / 3)), int(np.maximum(n, 3)),
            int(np.minimum(n, 3)), int(np.power(2, n)), float(np.tanh(1.0) + np.sin(n)),
            float(np.mean(x.shape)), int(np.argmax(x.shape)))


def test_numbers_known_once_specialized(differential):
    differential(of_shapes, paddle.to_tensor(np.arange(24, dtype="float32").reshape(2, 3, 4)))


def float_math(x):
    a = x.numpy()
    return (paddle.to_tensor(np.sqrt(a)), paddle.to_tensor(np.exp(a)),
            paddle.to_tensor(np.log(a)), paddle.to_tensor(np.tanh(a)),
            paddle.to_tensor(np.cos(a)), paddle.to_tensor(np.floor(a)),
            paddle.to_tensor(np.ceil(a)), paddle.to_tensor(np.abs(-a)),
            paddle.to_tensor(np.absolute(a)), paddle.to_tensor(np.square(a)))


@pytest.mark.parametrize("dtype", ["float32", "float64", "int32", "int64"])
def test_float_math_takes_numpy_dtypes(differential, dtype):
    # sqrt of int32 is float64 (NumPy), not float32 (Paddle).
    differential(float_math, t([[1, 2, 3], [4, 5, 6]], dtype))


def reductions(x):
    a = x.numpy()
    return (paddle.to_tensor(np.sum(a, axis=0)), paddle.to_tensor(np.prod(a, axis=1)),
            paddle.to_tensor(np.mean(a, axis=1, keepdims=True)),
            paddle.to_tensor(np.max(a, axis=0)), paddle.to_tensor(np.amin(a, axis=1)),
            paddle.to_tensor(np.argmax(a, axis=1)), paddle.to_tensor(np.argmin(a, axis=0)),
            x * 0 + np.sum(a), x * 0 + np.mean(a), x * 0 + np.max(a), int(np.argmax(a)),
            # A NumPy float scalar made at run time is a Python number in
            # compiled code, made a tensor of the default dtype (eagerly of
            # its own: README), so the dtype is given.
            paddle.to_tensor(np.sum(a, dtype="float64"), dtype="float64"))


@pytest.mark.parametrize("dtype", ["float32", "float64", "int32", "int64"])
def test_reductions_take_numpy_dtypes(differential, dtype):
    # The sum of int32 is int64; the mean of ints float64; a whole array's
    # reduction a scalar, which combines with a tensor as a number does.
    differential(reductions, t([[3, 1, 2], [4, 6, 5]], dtype))


def shapes_and_choices(x):
    a = x.numpy()
    n = x.shape[0]
    causal = np.triu(np.ones((n, n)), 1)
    return (paddle.to_tensor(np.reshape(a, (3, -1))), paddle.to_tensor(np.transpose(a)),
            paddle.to_tensor(np.transpose(a, (1, 0))), paddle.to_tensor(np.expand_dims(a, 1)),
            paddle.to_tensor(np.squeeze(np.expand_dims(a, 0))),
            paddle.to_tensor(np.concatenate([a, a], axis=1)),
            paddle.to_tensor(np.stack([a, a])), paddle.to_tensor(causal),
            paddle.to_tensor(np.tril(a, -1)), paddle.to_tensor(np.where(a > 2, a, -a)),
            paddle.to_tensor(np.clip(a, 2, 4)), paddle.to_tensor(np.maximum(a, a[::-1])),
            paddle.to_tensor(np.minimum(a, 3)))


@pytest.mark.parametrize("dtype", ["float32", "int64"])
def test_shape_functions(differential, dtype):
    differential(shapes_and_choices, t([[3, 1, 2], [4, 6, 5]], dtype))


def constants(x):
    mask = np.triu(np.ones((3, 3)) * -1e9, k=1).astype("float32")
    low = np.finfo(np.float32).min
    top = np.iinfo(np.int32).max
    return (x + paddle.to_tensor(mask), paddle.clip(x, -np.inf, np.pi), x * 0 + low,
            x.astype(np.float64), x.astype(np.dtype("int32")) + top - top, x[:, np.newaxis],
            x * math.sqrt(2 / np.pi))


def test_values_known_when_converting_run_numpy(differential):
    differential(constants, paddle.to_tensor(np.arange(9, dtype="float32").reshape(3, 3)))


def test_constants_are_computed_when_converting():
    code = paddle.jit.to_static(constants).code
    assert 'pydy.call @"triu' not in code  # a captured tensor
    assert "-3.4028234663852886e+38" in code


def bool_sqrt(x):
    return paddle.to_tensor(np.sqrt(x.numpy()))


def test_float16_results_are_a_clear_error():
    # NumPy computes sqrt of bools in float16, which dy2st tensors do not hold.
    with pytest.raises(NotImplementedError, match="float16") as info:
        paddle.jit.to_static(bool_sqrt)(paddle.to_tensor([True, False]))
    assert "test_numpy_functions.py" in str(info.value)


def linalg_norm(x):
    return x / np.linalg.norm(x.numpy())


def random_noise(x):
    return x + np.random.rand()


@pytest.mark.parametrize("fn", [linalg_norm, random_noise])
def test_other_numpy_functions_are_a_clear_error(fn):
    with pytest.raises(paddle.Dy2StError, match="numpy cannot run") as info:
        paddle.jit.to_static(fn)(paddle.to_tensor([3.0, 4.0]))
    assert "test_numpy_functions.py" in str(info.value)


def appended(x):
    a = np.array([1, 2, 3])
    for i in range(2):
        a = np.append(a, i)
    b = x.numpy()
    return (paddle.to_tensor(a), paddle.to_tensor(np.append(b, b)),
            paddle.to_tensor(np.append(b, b[:1], axis=0)), paddle.to_tensor(np.append(b, [[7, 8]], 0)))


@pytest.mark.parametrize("dtype", ["float64", "int64"])
def test_append(differential, dtype):
    differential(appended, t([[3, 1], [4, 6]], dtype))


def promoted(x, y):
    a, b = x.numpy(), y.numpy()
    return (paddle.to_tensor(np.concatenate([a, b])), paddle.to_tensor(np.stack([b, a, b])),
            paddle.to_tensor(np.append(a, b)))


@pytest.mark.parametrize("dtypes", [("int32", "float32"), ("int64", "float32"), ("bool", "int32"),
                                    ("int32", "int64"), ("float32", "float64")])
def test_joined_arrays_take_numpy_promotion(differential, dtypes):
    differential(promoted, t([1, 0], dtypes[0]), t([2, 1], dtypes[1]))


def numbers_with_arrays(x):
    a = x.numpy()
    return (paddle.to_tensor(np.power(1.5, a)), paddle.to_tensor(np.power(2, a)),
            paddle.to_tensor(np.maximum(1.5, a)), paddle.to_tensor(np.minimum(a, 2)))


@pytest.mark.parametrize("dtype", ["float32", "float64", "int64"])
def test_a_number_with_an_array_takes_numpy_dtypes(differential, dtype):
    # A float with an int array is float64; with a float32 array float32.
    differential(numbers_with_arrays, t([[3, 1, 2], [4, 6, 5]], dtype))


def sinusoid(x):
    # A Transformer's positions, computed in forward with NumPy.
    length, width = x.shape[1], x.shape[2]
    pos = np.arange(length, dtype="float64")[:, np.newaxis]
    i = np.arange(width, dtype="float64")[np.newaxis, :]
    angle = pos / np.power(10000.0, (2 * (i // 2)) / width)
    table = np.concatenate([np.sin(angle[:, 0::2]), np.cos(angle[:, 1::2])], axis=-1)
    return x + paddle.to_tensor(table, dtype="float32")


def test_positions_computed_with_numpy(differential):
    differential(sinusoid, paddle.to_tensor(np.zeros((2, 5, 8), "float32")))


def returns_arrays(x):
    ids = x.numpy()
    return ids, x.tolist(), {"root": np.sqrt(ids), "rows": [x * 2, (x + 1).numpy()]}, x


def _through(x):
    return x.numpy() + 1


def returns_through_a_call(x, extra):
    return _through(x), extra[0].tolist()


def _same_kinds(eager, compiled):
    assert type(compiled) is type(eager), (eager, compiled)
    if isinstance(eager, (tuple, list)):
        assert len(eager) == len(compiled)
        for e, c in zip(eager, compiled):
            _same_kinds(e, c)
    elif isinstance(eager, dict):
        assert list(eager) == list(compiled)
        for k in eager:
            _same_kinds(eager[k], compiled[k])
    elif isinstance(eager, np.ndarray):
        assert eager.dtype == compiled.dtype and eager.shape == compiled.shape
        np.testing.assert_allclose(compiled, eager, rtol=1e-6)
    elif isinstance(eager, paddle.Tensor):
        np.testing.assert_allclose(compiled.numpy(), eager.numpy(), rtol=1e-6)
    else:
        assert compiled == eager


@pytest.mark.parametrize("fn, args", [
    (returns_arrays, (t([[1.0, 4.0], [9.0, 16.0]], "float32"),)),
    (returns_through_a_call, (t([1, 2], "int64"), [t([[3, 4]], "int32")])),
])
def test_returned_arrays_and_lists_are_what_eager_returns(fn, args):
    # `x.numpy()` returned is an array, `x.tolist()` a list, at any depth of
    # the result, also through a call (and an entry taking a list).
    compiled = paddle.jit.to_static(fn)
    for _ in range(3):  # the first call, then the dispatcher's
        _same_kinds(fn(*args), compiled(*args))


def array_or_tensor(x, flag):
    if flag:
        return x.numpy()
    elif x.sum() > 100:
        return None
    return x


def array_or_tensor_by_setting(x, as_array=True):
    if as_array:  # folds away
        return {"ids": x.tolist()}
    return {"ids": x}


@pytest.mark.parametrize("fn, args", [
    (array_or_tensor, (t([1.0], "float32"), paddle.to_tensor(True))),
    (array_or_tensor, (t([1.0], "float32"), paddle.to_tensor(False))),
    (array_or_tensor, (t([101.0], "float32"), paddle.to_tensor(False))),
    (array_or_tensor_by_setting, (t([1, 2], "int64"),)),
    (array_or_tensor_by_setting, (t([1, 2], "int64"), False)),
])
def test_returns_that_differ_give_what_the_return_taken_gives(fn, args):
    compiled = paddle.jit.to_static(fn)
    for _ in range(3):
        _same_kinds(fn(*args), compiled(*args))


def _array_or_tensor_inside(x, flag):
    return array_or_tensor(x, flag)


def test_a_called_function_whose_returns_differ_is_a_clear_error():
    with pytest.raises(paddle.Dy2StError, match="returns a NumPy array .* at one return"):
        paddle.jit.to_static(_array_or_tensor_inside)(t([1.0], "float32"), paddle.to_tensor(True))


class ArrayLayer(paddle.nn.Layer):
    def forward(self, x):
        return x.numpy()


def test_saving_a_function_returning_arrays_is_a_clear_error(tmp_path):
    layer = paddle.jit.to_static(ArrayLayer())
    layer(t([1.0], "float32"))
    with pytest.raises(paddle.Dy2StError, match="returns NumPy arrays"):
        paddle.jit.save(layer, str(tmp_path / "model"))
