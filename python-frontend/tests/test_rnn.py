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
