"""Forward hooks (Paddle's register_forward_pre_hook / _post_hook), eagerly
and compiled (Paddle's test_layer_hook): the hooks of a sublayer are part of
the compiled program; a layer's own run around its compiled forward."""
import numpy as np
import pytest

import dy2st as paddle


def doubled_output(layer, inputs, output):
    return output + output


def doubled_input(layer, inputs):
    return (inputs[0] * 2,)


def scaled_input(layer, inputs):
    return inputs[0] * 3


def shifted_output(layer, inputs, output):
    return output + 1.0


class SimpleNet(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.fc1 = paddle.nn.Linear(4, 4)
        self.fc1.register_forward_post_hook(doubled_output)
        self.fc2 = paddle.nn.Linear(4, 4)
        self.fc2.register_forward_pre_hook(doubled_input)

    def forward(self, x):
        return paddle.mean(self.fc2(self.fc1(x)))


def x():
    return paddle.to_tensor(np.random.RandomState(0).randn(3, 4).astype("float32"))


def reference(net, x):
    """Paddle's order: pre hooks replace the inputs, post hooks the output."""
    w1, b1 = net.fc1.weight.numpy(), net.fc1.bias.numpy()
    w2, b2 = net.fc2.weight.numpy(), net.fc2.bias.numpy()
    h = (x.numpy() @ w1 + b1) * 2
    return float(np.mean((h * 2) @ w2 + b2))


@pytest.fixture(autouse=True)
def seeded():
    paddle.seed(7)


def test_hooks_run_eagerly_in_paddles_order():
    net = SimpleNet()
    assert float(net(x())) == pytest.approx(reference(net, x()), rel=1e-5, abs=1e-6)


def test_sublayer_hooks_are_compiled():
    net = SimpleNet()
    eager = float(net(x()))
    compiled = paddle.jit.to_static(net)
    assert float(compiled(x())) == pytest.approx(eager, rel=1e-5, abs=1e-6)


def test_own_hooks_run_around_the_compiled_forward():
    net = SimpleNet()
    pre = net.register_forward_pre_hook(scaled_input)
    post = net.register_forward_post_hook(doubled_output)
    eager = float(net(x()))
    compiled = paddle.jit.to_static(net)
    assert float(compiled(x())) == pytest.approx(eager, rel=1e-5, abs=1e-6)
    pre.remove()
    post.remove()
    assert float(compiled(x())) == pytest.approx(reference(net, x()), rel=1e-5, abs=1e-6)


def test_a_hook_added_or_removed_after_compiling_is_seen():
    net = SimpleNet()
    compiled = paddle.jit.to_static(net)
    before = float(compiled(x()))
    handle = net.fc2.register_forward_post_hook(doubled_output)
    assert float(compiled(x())) == pytest.approx(2 * before, rel=1e-5, abs=1e-6)
    net.register_forward_post_hook(shifted_output)
    assert float(compiled(x())) == pytest.approx(2 * before + 1.0, rel=1e-5, abs=1e-6)
    handle.remove()
    assert float(compiled(x())) == pytest.approx(before + 1.0, rel=1e-5, abs=1e-6)


def test_saved_sublayer_hooks_run_when_loaded(tmp_path):
    net = SimpleNet()
    path = str(tmp_path / "hooked")
    paddle.jit.save(net, path, input_spec=[paddle.static.InputSpec([3, 4])])
    loaded = paddle.jit.load(path)
    assert float(loaded(x())) == pytest.approx(float(net(x())), rel=1e-5, abs=1e-6)


def test_saving_a_layer_with_its_own_hooks_is_a_clear_error(tmp_path):
    net = SimpleNet()
    net.register_forward_post_hook(doubled_output)
    with pytest.raises(paddle.Dy2StError, match="forward hooks of its own"):
        paddle.jit.save(net, str(tmp_path / "own"), input_spec=[paddle.static.InputSpec([3, 4])])
