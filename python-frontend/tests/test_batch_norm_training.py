"""Batch norm in training mode against real Paddle: the batch's statistics
normalize, and the running ones are updated in place (momentum, the biased
variance) by the layers and by F.batch_norm, eagerly and compiled (the
update written back to the layer's parameters, which stay its parameters)."""
import numpy as np
import pytest

import batch_norm_cases
import dy2st as paddle
from test_paddle_oracle import require_paddle, run_paddle_child


@pytest.fixture(scope="module")
def paddle_side(tmp_path_factory):
    require_paddle()
    folder = tmp_path_factory.mktemp("batch_norm")
    np.savez(folder / "given.npz", **batch_norm_cases.given())
    run_paddle_child("paddle_batch_norm_child.py", folder / "given.npz", folder / "out.npz")
    return dict(np.load(folder / "out.npz"))


def _numpy_reference():
    """Paddle's documented formula in numpy, for the plain layers."""
    inputs, out = batch_norm_cases.given(), {}
    for case, momentum, channel in (("ncl", 0.9, 1), ("nc", 0.5, 1), ("nhwc", 0.8, 3)):
        mean, var = np.zeros(3), np.ones(3)
        for i in range(2):
            x = inputs[f"{case}{i}"].astype(np.float64)
            axes = tuple(d for d in range(x.ndim) if d != channel)
            shape = [3 if d == channel else 1 for d in range(x.ndim)]
            batch_mean, batch_var = x.mean(axes), x.var(axes)
            out[f"{case}/out{i}"] = (x - batch_mean.reshape(shape)) / \
                np.sqrt(batch_var.reshape(shape) + 1e-5)
            mean = momentum * mean + (1 - momentum) * batch_mean
            var = momentum * var + (1 - momentum) * batch_var
        out[f"{case}/_mean"], out[f"{case}/_variance"] = mean, var
    return out


@pytest.mark.parametrize("compiled", [False, True], ids=["eager", "compiled"])
def test_training_statistics_match_paddle(paddle_side, compiled):
    convert = paddle.jit.to_static if compiled else (lambda f: f)
    ours = batch_norm_cases.run(paddle, batch_norm_cases.given(), convert)
    assert sorted(ours) == sorted(paddle_side)
    for key, want in paddle_side.items():
        assert ours[key].shape == want.shape, key
        np.testing.assert_allclose(ours[key], want, rtol=1e-5, atol=2e-6, err_msg=key)


def test_training_statistics_match_the_formula():
    ours = batch_norm_cases.run(paddle, batch_norm_cases.given(), paddle.jit.to_static)
    for key, want in _numpy_reference().items():
        np.testing.assert_allclose(ours[key], want, rtol=1e-5, atol=2e-6, err_msg=key)


def test_compiled_training_keeps_the_parameters():
    layer = paddle.nn.BatchNorm2D(3)
    mean = layer._mean
    paddle.jit.to_static(layer)(paddle.to_tensor(batch_norm_cases.given()["nchw0"]))
    assert layer._mean is mean and isinstance(mean, paddle.nn.layer.Parameter)
    assert list(layer.state_dict()) == ["weight", "bias", "_mean", "_variance"]
    assert not np.allclose(mean.numpy(), 0)


def test_assigning_parameters_and_buffers_is_checked_as_paddle():
    layer = paddle.nn.Linear(2, 2)
    with pytest.raises(TypeError, match="assignment to parameter 'weight' should be of type "
                                        "Parameter or None, but got 'Tensor'"):
        layer.weight = paddle.ones([2, 2])
    layer.register_buffer("buf", paddle.zeros([2]))
    layer.buf = paddle.ones([2])
    np.testing.assert_array_equal(layer.state_dict()["buf"].numpy(), [1, 1])
    with pytest.raises(TypeError, match="assignment to buffers 'buf'"):
        layer.buf = 3
    layer.weight = None
    layer.buf = None
    assert layer.weight is None and list(layer.state_dict()) == ["bias"]
