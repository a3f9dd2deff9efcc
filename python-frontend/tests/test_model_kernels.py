"""Model code that needs the op table: a greedy decoder, an RNN over
x[:, t, :] with a dynamic batch, scaled dot-product attention; compiled
against eager."""
import numpy as np
import pytest

import dy2st as paddle
from dy2st.static import InputSpec

rng = np.random.RandomState(3)
VOCAB, HIDDEN = 11, 8
EMBED = paddle.to_tensor(rng.randn(VOCAB, HIDDEN).astype(np.float32))
W_H = paddle.to_tensor((rng.randn(HIDDEN, HIDDEN) * 0.3).astype(np.float32))
W_OUT = paddle.to_tensor(rng.randn(HIDDEN, VOCAB).astype(np.float32))
EOS = 0


def greedy_decode(h, max_len):
    """Greedy decoding: argmax of the logits until every row produced EOS."""
    batch = h.shape[0]
    token = paddle.full([batch], 1, "int64")
    done = paddle.zeros([batch], "bool")
    steps = []
    for _ in range(max_len):
        x = paddle.gather(EMBED, token)
        h = paddle.tanh(paddle.matmul(h, W_H) + x)
        logits = paddle.matmul(h, W_OUT)
        token = paddle.argmax(logits, axis=-1)
        token = paddle.where(done, paddle.full_like(token, EOS), token)
        steps.append(token)
        done = paddle.logical_or(done, token == EOS)
        if paddle.all(done):
            break
    return paddle.stack(steps, axis=1)


def rnn(x, w_x, w_h):
    """A simple RNN over time, reading x[:, t, :]."""
    h = paddle.zeros([x.shape[0], w_h.shape[0]])
    outputs = []
    for t in range(x.shape[1]):
        h = paddle.tanh(paddle.matmul(x[:, t, :], w_x) + paddle.matmul(h, w_h))
        outputs.append(paddle.unsqueeze(h, 1))
    return paddle.concat(outputs, axis=1), h


def attention(q, k, v, mask):
    """Scaled dot-product attention over [batch, heads, length, dim]."""
    scores = paddle.matmul(q, k, transpose_y=True) / (q.shape[-1] ** 0.5)
    scores = paddle.where(mask, scores, paddle.full_like(scores, -1e9))
    weights = paddle.nn.functional.softmax(scores, axis=-1)
    return paddle.matmul(weights, v)


def assert_same(eager, compiled):
    eager = eager if isinstance(eager, tuple) else (eager,)
    compiled = compiled if isinstance(compiled, tuple) else (compiled,)
    for e, c in zip(eager, compiled):
        e, c = np.asarray(e), np.asarray(c)
        assert e.dtype == c.dtype and e.shape == c.shape
        assert np.allclose(e, c, rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("batch", [1, 3])
def test_greedy_decoder(batch):
    h = paddle.to_tensor(rng.randn(batch, HIDDEN).astype(np.float32))
    eager = greedy_decode(h, 12)
    compiled = paddle.jit.to_static(greedy_decode)(h, 12)
    assert_same(eager, compiled)


def test_rnn_with_dynamic_batch():
    w_x = paddle.to_tensor((rng.randn(5, HIDDEN) * 0.5).astype(np.float32))
    w_h = paddle.to_tensor((rng.randn(HIDDEN, HIDDEN) * 0.5).astype(np.float32))
    compiled = paddle.jit.to_static(rnn, input_spec=[InputSpec([None, 7, 5], "float32"),
                                                     InputSpec([5, HIDDEN], "float32"),
                                                     InputSpec([HIDDEN, HIDDEN], "float32")])
    for batch in (1, 4):
        x = paddle.to_tensor(rng.randn(batch, 7, 5).astype(np.float32))
        assert_same(rnn(x, w_x, w_h), compiled(x, w_x, w_h))


def test_attention_4d():
    q, k, v = (paddle.to_tensor(rng.randn(2, 3, 5, 4).astype(np.float32)) for _ in range(3))
    mask = paddle.to_tensor(np.tril(np.ones((5, 5), bool)))
    eager = attention(q, k, v, mask)
    compiled = paddle.jit.to_static(attention)(q, k, v, mask)
    assert_same(eager, compiled)
    # numpy's formula, independently.
    qn, kn, vn = q.numpy(), k.numpy(), v.numpy()
    s = qn @ kn.transpose(0, 1, 3, 2) / 2.0
    s = np.where(np.tril(np.ones((5, 5), bool)), s, -1e9)
    w = np.exp(s - s.max(-1, keepdims=True))
    w /= w.sum(-1, keepdims=True)
    assert np.allclose(eager.numpy(), w @ vn, rtol=1e-5, atol=1e-6)
