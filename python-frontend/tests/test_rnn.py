"""Recurrent layers: Paddle's parameter names and gate orders, checked against
real Paddle (same weights through set_state_dict) and compiled against eager
with a dynamic batch."""
import numpy as np
import pytest

import dy2st as paddle
from conftest import assert_same
from dy2st.static import InputSpec
from test_paddle_oracle import require_paddle, run_paddle_child

KINDS = [(kind, direction, layers) for kind in ("LSTM", "GRU", "SimpleRNN")
         for direction, layers in (("forward", 1), ("bidirect", 2))]


class Wrapped(paddle.nn.Layer):
    def __init__(self, rnn):
        super().__init__()
        self.rnn = rnn

    def forward(self, x):
        return self.rnn(x)


@pytest.fixture(scope="module")
def paddle_runs(tmp_path_factory):
    require_paddle()
    out = tmp_path_factory.mktemp("rnn") / "rnn.npz"
    run_paddle_child("paddle_rnn_child.py", out)
    return dict(np.load(out))


def _net(kind, direction, layers, results=None):
    net = getattr(paddle.nn, kind)(3, 4, num_layers=layers, direction=direction)
    if results is not None:
        key = f"{kind}_{direction}/param/"
        net.set_state_dict({k[len(key):]: v for k, v in results.items() if k.startswith(key)})
    return net


@pytest.mark.parametrize("kind, direction, layers", KINDS)
def test_eager_matches_paddle(paddle_runs, kind, direction, layers):
    net = _net(kind, direction, layers, paddle_runs)
    out, final = net(paddle.to_tensor(paddle_runs["x"]))
    key = f"{kind}_{direction}"
    assert np.allclose(out.numpy(), paddle_runs[key + "/out"], atol=1e-5)
    for i, f in enumerate(final if isinstance(final, tuple) else (final,)):
        assert np.allclose(f.numpy(), paddle_runs[f"{key}/final{i}"], atol=1e-5)


@pytest.mark.parametrize("kind, direction, layers", KINDS)
def test_compiled_matches_eager(kind, direction, layers):
    net = Wrapped(_net(kind, direction, layers))
    net.eval()
    x = paddle.to_tensor(np.random.RandomState(2).randn(3, 5, 3).astype(np.float32))
    compiled = paddle.jit.to_static(net, input_spec=[InputSpec([None, 5, 3], "float32")])
    assert_same(net(x), compiled(x))


def test_parameter_names():
    names = sorted(paddle.nn.LSTM(3, 4, num_layers=2, direction="bidirect").state_dict())
    assert names == sorted(f"{w}_l{k}{s}" for w in ("weight_ih", "weight_hh", "bias_ih",
                                                    "bias_hh")
                           for k in (0, 1) for s in ("", "_reverse"))
    assert paddle.nn.GRUCell(3, 4).weight_ih.shape == [12, 3]


def test_cells_and_initial_states():
    cell = paddle.nn.LSTMCell(3, 4)
    x = paddle.to_tensor(np.ones((2, 3), np.float32))
    h, (h2, c) = cell(x)
    assert h.shape == [2, 4] and np.array_equal(h.numpy(), h2.numpy())
    lstm = paddle.nn.LSTM(3, 4)
    zeros = paddle.zeros([1, 2, 4])
    seq = paddle.to_tensor(np.ones((2, 5, 3), np.float32))
    assert_same(lstm(seq)[0], lstm(seq, (zeros, zeros))[0])


class ScaledCell(paddle.nn.RNNCellBase):
    """A user's cell (Paddle's documented way): states (h, count) from
    `state_shape` and `state_dtype`, a keyword argument passed through RNN."""

    def __init__(self, size):
        super().__init__()
        self.input_size = size
        self.proj = paddle.nn.Linear(size, size)

    @property
    def state_shape(self):
        return [[-1, 3], [1]]

    @property
    def state_dtype(self):
        return ["float32", "float64"]

    def forward(self, x, states, scale=1.0):
        h, count = states
        h = paddle.tanh(self.proj(x) + h) * scale
        return h * 2.0, [h, count + 1]


class Sequence(paddle.nn.Layer):
    def __init__(self, rnn):
        super().__init__()
        self.rnn = rnn

    def forward(self, x, lengths):
        return self.rnn(x, sequence_length=lengths, scale=0.5)


def test_rnn_of_a_users_cell():
    paddle.seed(5)
    cell = ScaledCell(3)
    x = paddle.to_tensor(np.random.RandomState(1).randn(2, 4, 3).astype("float32"))
    lengths = paddle.to_tensor(np.array([4, 2], "int64"))
    model = Sequence(paddle.nn.RNN(cell, is_reverse=True))
    outputs, (h, count) = model(x, lengths)
    # numpy: steps last to first, the states kept past a sequence's length.
    w, b = cell.proj.weight.numpy(), cell.proj.bias.numpy()
    xs = x.numpy()
    want_h, want_count = np.zeros((2, 3), "float32"), np.zeros((2, 1))
    want_out = np.zeros((2, 4, 3), "float32")
    for t in (3, 2, 1, 0):
        new_h = np.tanh(xs[:, t] @ w + b + want_h) * 0.5
        want_out[:, t] = new_h * 2.0
        valid = (np.array([4, 2]) > t)[:, None]
        want_h = np.where(valid, new_h, want_h)
        want_count = np.where(valid, want_count + 1, want_count)
    np.testing.assert_allclose(outputs.numpy(), want_out, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(h.numpy(), want_h, rtol=1e-5, atol=1e-6)
    assert count.numpy().tolist() == [[4.0], [2.0]] and count.dtype == paddle.float64
    assert_same(model(x, lengths), paddle.jit.to_static(model)(x, lengths))
