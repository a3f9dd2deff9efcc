"""paddle.nn.utils: weight norm and spectral norm against real Paddle (their
parameters and buffers, their values and the layers' outputs; spectral
norm's power iteration in training updating its vectors), eagerly and
compiled (the pre hooks run in compiled code: callable objects, getattr and
setattr with names made of strings known when compiling); parameters_to_vector
and back."""
import numpy as np
import pytest

import dy2st as paddle
from test_paddle_oracle import require_paddle, run_paddle_child

rng = np.random.RandomState(5)
GIVEN = {"conv_weight": rng.randn(5, 4, 3).astype(np.float32),
         "conv_bias": rng.randn(5).astype(np.float32),
         "linear_weight": rng.randn(4, 3).astype(np.float32),
         "linear_bias": rng.randn(3).astype(np.float32),
         "x": rng.randn(2, 4, 6).astype(np.float32),
         "image": rng.randn(2, 3, 6, 6).astype(np.float32),
         "spectral_conv/bias": rng.randn(4).astype(np.float32),
         "spectral_conv/weight_orig": rng.randn(4, 3, 3, 3).astype(np.float32) * 0.3,
         "spectral_conv/weight_u": rng.randn(4).astype(np.float32),
         "spectral_conv/weight_v": rng.randn(27).astype(np.float32),
         "spectral_linear/bias": rng.randn(5).astype(np.float32),
         "spectral_linear/weight_orig": rng.randn(4, 5).astype(np.float32),
         "spectral_linear/weight_u": rng.randn(5).astype(np.float32),
         "spectral_linear/weight_v": rng.randn(4).astype(np.float32)}


def normed_layers():
    conv = paddle.nn.Conv1D(4, 5, 3, padding=1)
    conv.weight.set_value(GIVEN["conv_weight"])
    conv.bias.set_value(GIVEN["conv_bias"])
    linear = paddle.nn.Linear(4, 3)
    linear.weight.set_value(GIVEN["linear_weight"])
    linear.bias.set_value(GIVEN["linear_bias"])
    paddle.nn.utils.weight_norm(conv)
    paddle.nn.utils.weight_norm(linear, dim=None)
    return conv, linear


class Both(paddle.nn.Layer):
    def __init__(self, conv, linear):
        super().__init__()
        self.conv, self.linear = conv, linear

    def forward(self, x):
        return self.conv(x), self.linear(paddle.transpose(x, [0, 2, 1]))


@pytest.fixture(scope="module")
def paddle_side(tmp_path_factory):
    require_paddle()
    folder = tmp_path_factory.mktemp("nn_utils")
    np.savez(folder / "given.npz", **GIVEN)
    run_paddle_child("paddle_nn_utils_child.py", folder / "given.npz", folder / "out.npz")
    return dict(np.load(folder / "out.npz"))


def test_weight_norm_is_paddles(paddle_side):
    conv, linear = normed_layers()
    for prefix, layer in (("conv", conv), ("linear", linear)):
        state = {k: v.numpy() for k, v in layer.state_dict().items()}
        theirs = {k.split("/", 1)[1]: v for k, v in paddle_side.items()
                  if k.startswith(prefix + "/")}
        assert list(state) == list(theirs)
        for key in state:
            assert state[key].shape == theirs[key].shape
            np.testing.assert_allclose(state[key], theirs[key], rtol=1e-5, atol=1e-6)
    x = paddle.to_tensor(GIVEN["x"])
    for outputs in (Both(conv, linear)(x), paddle.jit.to_static(Both(conv, linear))(x)):
        np.testing.assert_allclose(outputs[0].numpy(), paddle_side["conv_out"], rtol=1e-5,
                                   atol=1e-5)
        np.testing.assert_allclose(outputs[1].numpy(), paddle_side["linear_out"], rtol=1e-5,
                                   atol=1e-5)
    paddle.nn.utils.remove_weight_norm(conv)
    assert sorted(conv.state_dict()) == ["bias", "weight"]
    np.testing.assert_allclose(conv.weight.numpy(), paddle_side["removed_weight"], rtol=1e-5,
                               atol=1e-6)


def test_weight_norm_follows_its_parameters_in_compiled_code():
    conv, _ = normed_layers()
    compiled = paddle.jit.to_static(conv)
    x = paddle.to_tensor(GIVEN["x"])
    before = compiled(x).numpy()
    conv.weight_g.set_value(conv.weight_g.numpy() * 2.0)
    np.testing.assert_allclose(compiled(x).numpy() - conv.bias.numpy()[:, None],
                               2.0 * (before - conv.bias.numpy()[:, None]), rtol=1e-4,
                               atol=1e-4)
    with pytest.raises(RuntimeError, match="two weight_norm hooks"):
        paddle.nn.utils.weight_norm(conv)


class SpectralNet(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.conv = paddle.nn.utils.spectral_norm(paddle.nn.Conv2D(3, 4, 3))
        self.linear = paddle.nn.utils.spectral_norm(paddle.nn.Linear(4, 5), n_power_iterations=2)
        for prefix, layer in (("spectral_conv", self.conv), ("spectral_linear", self.linear)):
            for key, value in layer.state_dict().items():
                value.set_value(GIVEN[f"{prefix}/{key}"])

    def forward(self, x):
        return self.linear(paddle.mean(self.conv(x), axis=[2, 3]))


@pytest.mark.parametrize("compiled", [False, True], ids=["eager", "compiled"])
def test_spectral_norm_is_paddles(paddle_side, compiled):
    net = SpectralNet()
    for prefix, layer in (("spectral_conv", net.conv), ("spectral_linear", net.linear)):
        assert sorted(layer.state_dict()) == sorted(
            k.split("/", 1)[1] for k in paddle_side if k.startswith(prefix + "/"))
    run = paddle.jit.to_static(net) if compiled else net
    image = paddle.to_tensor(GIVEN["image"])
    net.eval()
    np.testing.assert_allclose(run(image).numpy(), paddle_side["spectral_eval"], rtol=1e-5,
                               atol=1e-5)
    net.train()
    for call in ("spectral_train1", "spectral_train2"):
        np.testing.assert_allclose(run(image).numpy(), paddle_side[call], rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(net.linear.weight_u.numpy(), paddle_side["spectral_u"],
                               rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(net.conv.weight_v.numpy(), paddle_side["spectral_v"],
                               rtol=1e-5, atol=1e-6)
    with pytest.raises(RuntimeError, match="two spectral_norm hooks"):
        paddle.nn.utils.spectral_norm(net.conv)
    with pytest.raises(ValueError, match="n_power_iterations to be positive"):
        paddle.nn.utils.spectral_norm(paddle.nn.Linear(2, 2), n_power_iterations=0)


def test_parameters_to_vector_and_back():
    linear = paddle.nn.Linear(3, 2)
    vector = paddle.nn.utils.parameters_to_vector(linear.parameters())
    assert vector.shape == [8]
    paddle.nn.utils.vector_to_parameters(paddle.arange(8, dtype="float32"), linear.parameters())
    np.testing.assert_array_equal(linear.weight.numpy(), np.arange(6).reshape(3, 2))
    np.testing.assert_array_equal(linear.bias.numpy(), [6, 7])
