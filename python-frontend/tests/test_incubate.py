"""paddle.incubate: each function eager against an independent numpy
computation of its documented formula, compiled against eager (static and
dynamic shapes), and against real Paddle where Paddle's CPU build has the
kernel; the fused layers' parameters against Paddle's, their forward
compiled against eager and numpy."""
import numpy as np
import pytest

import dy2st as paddle
import incubate_cases
from dy2st.static import InputSpec
from test_op_table import Fixed, _sent, compiled_cases
from test_paddle_oracle import paddle_case_results, paddle_json, require_paddle

rng = np.random.RandomState(23)
X = rng.randn(2, 3, 8).astype(np.float32)
RES = rng.randn(2, 3, 8).astype(np.float32)
W8 = rng.randn(8).astype(np.float32).view(Fixed)
B8 = rng.randn(8).astype(np.float32).view(Fixed)
W24 = rng.randn(24).astype(np.float32).view(Fixed)
Q = rng.randn(2, 5, 4, 8).astype(np.float32)
K = rng.randn(2, 5, 2, 8).astype(np.float32)
ANGLES = rng.rand(7, 8) * 3
SIN = np.sin(ANGLES).astype(np.float32).view(Fixed)
COS = np.cos(ANGLES).astype(np.float32).view(Fixed)
POSITIONS = rng.randint(0, 7, size=(2, 5)).astype(np.int64)
SCORES = rng.randn(2, 2, 4, 4).astype(np.float32)
MASK = np.where(rng.rand(2, 1, 4, 4) > 0.5, 0.0, -1e4).astype(np.float32)
MAT = rng.randn(3, 8, 8).astype(np.float32)
W86 = rng.randn(8, 6).astype(np.float32).view(Fixed)
W68 = rng.randn(6, 8).astype(np.float32).view(Fixed)
B6 = rng.randn(6).astype(np.float32).view(Fixed)
W816 = (rng.randn(8, 16) * 0.3).astype(np.float32).view(Fixed)
W168 = (rng.randn(16, 8) * 0.3).astype(np.float32).view(Fixed)
B16 = rng.randn(16).astype(np.float32).view(Fixed)
QKV_W = (rng.randn(3, 2, 4, 8) * 0.4).astype(np.float32).view(Fixed)
QKV_B = rng.randn(3, 2, 4).astype(np.float32).view(Fixed)
QKV_WT = (rng.randn(8, 24) * 0.4).astype(np.float32).view(Fixed)
QKV_BT = rng.randn(24).astype(np.float32).view(Fixed)
LIN_W = (rng.randn(8, 8) * 0.4).astype(np.float32).view(Fixed)
# Each query sees itself at least (a row masked whole is -1e4 + scores,
# rounded in float32 where numpy's float64 keeps the scores).
ATTN_MASK = np.where((rng.rand(2, 1, 3, 3) > 0.3) | np.eye(3, dtype=bool), 0.0,
                     -1e4).astype(np.float32)
CACHE_KV = rng.randn(2, 2, 2, 4, 4).astype(np.float32)
SEGMENT_IDS = np.array([0, 0, 1, 3, 3, 3], np.int64).view(Fixed)
ROWS = rng.randn(6, 4).astype(np.float32).view(Fixed)
EDGE_SRC = np.array([0, 1, 2, 5, 5], np.int64).view(Fixed)
EDGE_DST = np.array([1, 1, 0, 4, 2], np.int64).view(Fixed)
SWIGLU = rng.randn(2, 3, 8).astype(np.float32)


def _rms(x, axis, eps):
    axes = tuple(range(axis, x.ndim))
    return x / np.sqrt(np.mean(np.float64(x) ** 2, axis=axes, keepdims=True) + eps)


def _ln(x, axis=-1, eps=1e-5, scale=None, bias=None):
    axes = tuple(range(axis % x.ndim, x.ndim))
    x = np.float64(x)
    mean = x.mean(axis=axes, keepdims=True)
    out = (x - mean) / np.sqrt(((x - mean) ** 2).mean(axis=axes, keepdims=True) + eps)
    if scale is not None:
        out = out * scale.reshape(x.shape[axis % x.ndim:])
    if bias is not None:
        out = out + bias.reshape(x.shape[axis % x.ndim:])
    return out


def _ln_statistics(h):
    """Mean and 1 / std over the last axis, flattened (fused_layer_norm's)."""
    return h.mean(-1).ravel(), 1 / np.sqrt(h.var(-1).ravel() + 1e-5)


def _rope(x, sin, cos, neox):
    """x * cos + rotate(x) * sin: adjacent pairs (x0, x1) -> (-x1, x0), or halves."""
    if neox:
        turned = np.stack([-x[..., 1::2], x[..., 0::2]], -1).reshape(x.shape)
    else:
        half = x.shape[-1] // 2
        turned = np.concatenate([-x[..., half:], x[..., :half]], -1)
    return x * cos + turned * sin


def _angles(seq, dim, base=10000.0):
    """[1, seq, 1, dim]: position p / base^(2i / dim), each pair's twice."""
    inverse = 1 / base ** ((np.arange(dim) // 2 * 2) / dim)
    return (np.arange(seq)[:, None] * inverse[None, :])[None, :, None, :]


def _softmax(x):
    e = np.exp(x - x.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def _gelu(x):
    from math import erf
    return 0.5 * x * (1 + np.vectorize(erf)(x / np.sqrt(2)))


def _ffn(x, w1, b1, w2, b2, pre, activation="relu", residual=True, ln_scale=None,
         ln_bias=None):
    """The fused feed-forward's pseudo code; its layer norm (before or after) by
    ln_scale and ln_bias."""
    h = _ln(x, scale=ln_scale, bias=ln_bias) if pre else np.float64(x)
    h = h @ w1 + b1
    h = np.maximum(h, 0) if activation == "relu" else _gelu(h)
    out = h @ w2 + b2 + (x if residual else 0)
    return out if pre else _ln(out, scale=ln_scale, bias=ln_bias)


def _mha(x, w, b, lin_w, mask=None, pre=False, cache=None, heads=2, lin_b=0.0, ln_scale=None,
         ln_bias=None):
    """The fused attention's pseudo code; w [3, heads, dim, embed] or [embed, 3 * embed];
    its layer norm (before or after) by ln_scale and ln_bias."""
    batch, seq, embed = x.shape
    h = _ln(x, scale=ln_scale, bias=ln_bias) if pre else np.float64(x)
    if w.ndim == 2:
        qkv = (h @ w + b).reshape(batch, seq, 3, heads, -1)
    else:
        qkv = np.einsum("bse,thde->bsthd", h, w) + b
    q, k, v = np.transpose(qkv, [2, 0, 3, 1, 4])
    if cache is not None:
        k, v = np.concatenate([cache[0], k], 2), np.concatenate([cache[1], v], 2)
    scores = (q / np.sqrt(q.shape[-1])) @ np.swapaxes(k, -1, -2)
    weights = _softmax(scores + (0 if mask is None else mask))
    out = np.transpose(weights @ v, [0, 2, 1, 3]).reshape(batch, seq, -1) @ lin_w + lin_b + x
    out = out if pre else _ln(out, scale=ln_scale, bias=ln_bias)
    return out if cache is None else (out, np.stack([k, v]))


# (name, function, numpy reference, inputs); a case per form of each function.
CASES = [
    ("fused_rms_norm", lambda x, w, b: paddle.incubate.nn.functional.fused_rms_norm(x, w, b, 1e-6, 2),
     lambda x, w, b: (_rms(x, 2, 1e-6) * w + b, np.zeros([0])), [X, W8, B8]),
    ("fused_rms_norm", lambda x, r, w, b: paddle.incubate.nn.functional.fused_rms_norm(
        x, w, None, 1e-6, -1, bias=b, residual=r),
     lambda x, r, w, b: (_rms(x + r + b, 2, 1e-6) * w, x + r + b), [X, RES, W8, B8]),
    # Without a residual Paddle's kernel ignores `bias`.
    ("fused_rms_norm", lambda x, w, b: paddle.incubate.nn.functional.fused_rms_norm(
        x, w, None, 1e-5, 1, bias=b)[0],
     lambda x, w, b: _rms(x, 1, 1e-5) * w.reshape(3, 8), [X, W24, B8]),
    ("fused_layer_norm", lambda x, r, w, b: paddle.incubate.nn.functional.fused_layer_norm(
        x, w, b, 1e-5, 0.5, 2, bias=b, residual=r),
     lambda x, r, w, b: (_ln(x + 0.5 * r + b, 2, 1e-5, w, b), x + 0.5 * r + b) +
     _ln_statistics(np.float64(x + 0.5 * r + b)), [X, RES, W8, B8]),
    ("fused_layer_norm", lambda x, w, b: [paddle.incubate.nn.functional.fused_layer_norm(
        x, w, b, 1e-5, begin_norm_axis=2, bias=b)[i] for i in (0, 2, 3)],
     lambda x, w, b: (_ln(x, 2, 1e-5, w, b),) + _ln_statistics(np.float64(x)), [X, W8, B8]),
    ("fused_layer_norm", lambda x, r, b: paddle.incubate.nn.functional.fused_layer_norm(
        x, None, None, 1e-5, 1.0, 2, bias=b, residual=r)[0],
     lambda x, r, b: x + r + b, [X, RES, B8]),
    ("fused_layer_norm", lambda x, w: paddle.incubate.nn.functional.fused_layer_norm(
        x, w, None, 1e-5, begin_norm_axis=1)[0],
     lambda x, w: _ln(x, 1, 1e-5, w), [X, W24]),
    ("fused_rotary_position_embedding", lambda q, k, s, c, p: [
        t for t in paddle.incubate.nn.functional.fused_rotary_position_embedding(
            q, k, None, s, c, p, use_neox_rotary_style=False) if t is not None],
     lambda q, k, s, c, p: (_rope(q, s[p][:, :, None], c[p][:, :, None], False),
                            _rope(k, s[p][:, :, None], c[p][:, :, None], False)),
     [Q, K, SIN, COS, POSITIONS]),
    ("fused_rotary_position_embedding", lambda q, v, s, c: [
        t for t in paddle.incubate.nn.functional.fused_rotary_position_embedding(
            q, None, v, s.reshape([1, 7, 1, 8]), c.reshape([1, 7, 1, 8])) if t is not None],
     lambda q, v, s, c: (_rope(q, s[None, :5, None], c[None, :5, None], True),
                         _rope(v, s[None, :5, None], c[None, :5, None], True)),
     [Q, K, SIN, COS]),
    ("fused_rotary_position_embedding", lambda q: paddle.transpose(
        paddle.incubate.nn.functional.fused_rotary_position_embedding(
            paddle.transpose(q, [1, 0, 2, 3]), time_major=True, rotary_emb_base=500.0)[0],
        [1, 0, 2, 3]),
     lambda q: _rope(q, np.sin(_angles(5, 8, 500.0)), np.cos(_angles(5, 8, 500.0)), True), [Q]),
    ("fused_rotary_position_embedding", lambda q, s, c, p: paddle.transpose(
        paddle.incubate.nn.functional.fused_rotary_position_embedding(
            paddle.transpose(q, [1, 0, 2, 3]), sin=s, cos=c, position_ids=p, time_major=True)[0],
        [1, 0, 2, 3]),
     lambda q, s, c, p: _rope(q, s[p][:, :, None], c[p][:, :, None], True),
     [Q, SIN, COS, POSITIONS]),
    ("fused_dropout_add", lambda x, y: (
        paddle.incubate.nn.functional.fused_dropout_add(x, y, 0.3, training=False),
        paddle.incubate.nn.functional.fused_dropout_add(x, y, 0.3, False, "downscale_in_infer"),
        paddle.incubate.nn.functional.fused_dropout_add(x, y, 0.0)),
     lambda x, y: (x + y, x * 0.7 + y, x + y), [X, RES]),
    ("fused_matmul_bias", lambda x, w, wt, b: (
        paddle.incubate.nn.functional.fused_matmul_bias(x, w, b),
        paddle.incubate.nn.functional.fused_matmul_bias(x, wt, None, transpose_x=True,
                                                         transpose_y=True)),
     lambda x, w, wt, b: (x @ w + b, np.swapaxes(x, 1, 2) @ wt.T), [MAT, W86, W68, B6]),
    ("fused_linear", lambda x, w, wt, b: (
        paddle.incubate.nn.functional.fused_linear(x, w, b),
        paddle.incubate.nn.functional.fused_linear(x, wt, transpose_weight=True)),
     lambda x, w, wt, b: (x @ w + b, x @ wt.T), [X, W86, W68, B6]),
    ("swiglu", lambda x, y: (paddle.incubate.nn.functional.swiglu(x),
                             paddle.incubate.nn.functional.swiglu(x, y)),
     lambda x, y: (x[..., :4] / (1 + np.exp(-x[..., :4])) * x[..., 4:],
                   x / (1 + np.exp(-x)) * y), [SWIGLU, RES]),
    ("fused_bias_dropout_residual_layer_norm", lambda x, r, b, s, lb: (
        paddle.incubate.nn.functional.fused_bias_dropout_residual_layer_norm(
            x, r, b, s, lb, 0.4, training=False),
        paddle.incubate.nn.functional.fused_bias_dropout_residual_layer_norm(
            x, r, None, None, None, 0.4, training=False, mode="downscale_in_infer")),
     lambda x, r, b, s, lb: (_ln(r + x + b, scale=s, bias=lb), _ln(r + 0.6 * x)),
     [X, RES, B8, W8, B8]),
    ("fused_feedforward", lambda x, w1, w2, b1, b2: (
        paddle.incubate.nn.functional.fused_feedforward(x, w1, w2, b1, b2, training=False),
        paddle.incubate.nn.functional.fused_feedforward(
            x, w1, w2, b1, b2, activation="gelu", pre_layer_norm=True, dropout1_rate=0.2,
            training=False),
        paddle.incubate.nn.functional.fused_feedforward(
            x, w1, w2, b1, b2, dropout1_rate=0.0, dropout2_rate=0.0, add_residual=False)),
     lambda x, w1, w2, b1, b2: (_ffn(x, w1, b1, w2, b2, False),
                                _ffn(x, w1, b1, w2, b2, True, "gelu"),
                                _ffn(x, w1, b1, w2, b2, False, residual=False)),
     [X, W816, W168, B16, B8]),
    ("fused_multi_head_attention", lambda x, w, b, lw, m: (
        paddle.incubate.nn.functional.fused_multi_head_attention(
            x, w, lw, qkv_bias=b, attn_mask=m, training=False),
        paddle.incubate.nn.functional.fused_multi_head_attention(
            x, w, lw, pre_layer_norm=True, qkv_bias=b, dropout_rate=0.0,
            attn_dropout_rate=0.0)),
     lambda x, w, b, lw, m: (_mha(x, w, b, lw, m), _mha(x, w, b, lw, pre=True)),
     [X, QKV_W, QKV_B, LIN_W, ATTN_MASK]),
    ("fused_multi_head_attention", lambda x, w, b, lw, c: paddle.incubate.nn.functional.
     fused_multi_head_attention(x, w, lw, qkv_bias=b, cache_kv=c, training=False,
                                num_heads=2, transpose_qkv_wb=True),
     lambda x, w, b, lw, c: _mha(x, w, b, lw, cache=c), [X, QKV_WT, QKV_BT, LIN_W, CACHE_KV]),
    ("softmax_mask_fuse", lambda x, m: paddle.incubate.softmax_mask_fuse(x, m),
     lambda x, m: _softmax(x + m), [SCORES, MASK]),
    ("softmax_mask_fuse_upper_triangle",
     lambda x: paddle.incubate.softmax_mask_fuse_upper_triangle(x),
     lambda x: _softmax(np.where(np.tril(np.ones((4, 4), bool)), x, -np.inf)), [SCORES]),
    ("identity_loss", lambda x: (paddle.incubate.identity_loss(x, "sum"),
                                 paddle.incubate.identity_loss(x, 1),
                                 paddle.incubate.identity_loss(x)),
     lambda x: (x.sum(), x.mean(), x), [X]),
    ("segment_sum", lambda x, g: (paddle.incubate.segment_sum(x, g),
                                  paddle.incubate.segment_mean(x, g),
                                  paddle.incubate.segment_max(x, g),
                                  paddle.incubate.segment_min(x, g)),
     lambda x, g: tuple(_sent(x, g, 4, op) for op in ("sum", "mean", "max", "min")),
     [ROWS, SEGMENT_IDS]),
    ("graph_send_recv", lambda x, s, d: (paddle.incubate.graph_send_recv(x, s, d),
                                         paddle.incubate.graph_send_recv(x, s, d, "max", 7)),
     lambda x, s, d: (_sent(x[s], d, 6, "sum"), _sent(x[s], d, 7, "max")),
     [ROWS, EDGE_SRC, EDGE_DST]),
]
COMPILED = compiled_cases(__file__)

# Functions whose kernel real Paddle's CPU build does not register (checked
# against numpy only): Paddle raises "kernel ... is not registered" or "only
# supports GPU".
NO_CPU_KERNEL = {"fused_rotary_position_embedding", "fused_matmul_bias", "fused_linear",
                 "fused_bias_dropout_residual_layer_norm", "fused_feedforward",
                 "fused_multi_head_attention", "softmax_mask_fuse_upper_triangle"}
IDS = [f"{c[0]}-{i}" for i, c in enumerate(CASES)]


def _results(value):
    return [np.asarray(v) for v in (value if isinstance(value, (list, tuple)) else [value])]


def _close(a, b):
    return np.allclose(a, b, rtol=1e-4, atol=1e-5, equal_nan=True)


def test_every_function_has_a_case():
    names = (set(paddle.incubate.nn.functional.__all__) | set(paddle.incubate.__all__)) - {"nn"}
    cased = {c[0] for c in CASES} | {"segment_mean", "segment_max", "segment_min"}
    assert names - cased == set()


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_eager_matches_numpy(case):
    _, fn, reference, inputs = case
    got = _results(fn(*[paddle.to_tensor(v) for v in inputs]))
    want = _results(reference(*[np.asarray(v) for v in inputs]))
    assert len(got) == len(want)
    for g, w in zip(got, want):
        assert g.shape == w.shape and g.dtype == inputs[0].dtype
        assert _close(g, w)


@pytest.mark.parametrize("dynamic", [False, True], ids=["static", "dynamic"])
@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_compiled_matches_eager(case, dynamic):
    inputs = case[3]
    tensors = [paddle.to_tensor(v) for v in inputs]
    specs = None
    if dynamic:
        specs = [InputSpec(list(v.shape) if isinstance(v, Fixed) else [None] + list(v.shape[1:]),
                           str(v.dtype)) for v in inputs]
    compiled = paddle.jit.to_static(COMPILED[CASES.index(case)], input_spec=specs)
    eager = _results(case[1](*tensors))
    got = _results(compiled(*tensors))
    assert len(got) == len(eager)
    for g, e in zip(got, eager):
        assert g.dtype == e.dtype and g.shape == e.shape
        assert _close(g, e)


@pytest.fixture(scope="module")
def paddle_results(tmp_path_factory):
    require_paddle()
    return paddle_case_results(tmp_path_factory.mktemp("incubate"), CASES, __file__)


@pytest.mark.parametrize("index", range(len(CASES)), ids=IDS)
def test_eager_matches_paddle(paddle_results, index):
    name, fn, _, inputs = CASES[index]
    error = paddle_results.get(f"case{index}_error")
    if name in NO_CPU_KERNEL:
        assert error is not None and any(
            sign in str(error) for sign in ("not registered", "GPU", "has no attribute")), \
            "real Paddle now runs this case on the CPU: compare it"
        return
    assert error is None, f"real Paddle failed on this case: {error}"
    got = _results(fn(*[paddle.to_tensor(v) for v in inputs]))
    assert len(got) == int(paddle_results[f"case{index}_n"])
    for j, g in enumerate(got):
        want = paddle_results[f"case{index}_out{j}"]
        assert g.dtype == want.dtype and g.shape == want.shape
        assert np.allclose(g, want, rtol=1e-5, atol=1e-5)


def test_layers_have_paddles_parameters(tmp_path):
    require_paddle()
    assert incubate_cases.run(paddle) == paddle_json("incubate_cases", tmp_path)


def _random_state(layer, seed):
    values = np.random.RandomState(seed)
    state = {k: (values.randn(*v.shape) * 0.4).astype(np.float32)
             for k, v in layer.state_dict().items()}
    layer.set_state_dict({k: paddle.to_tensor(v) for k, v in state.items()})
    layer.eval()
    return state


@pytest.mark.parametrize("normalize_before", [False, True], ids=["post", "pre"])
def test_encoder_layer_matches_numpy_and_compiles(normalize_before):
    layer = paddle.incubate.nn.FusedTransformerEncoderLayer(8, 2, 16,
                                                            normalize_before=normalize_before)
    s = _random_state(layer, 5)
    x, mask = X, ATTN_MASK
    a, norm = "fused_attn.", "fused_attn.pre_ln_" if normalize_before else "fused_attn.ln_"
    attended = _mha(x, s[a + "qkv_weight"], s[a + "qkv_bias"], s[a + "linear_weight"], mask,
                    normalize_before, lin_b=s[a + "linear_bias"], ln_scale=s[norm + "scale"],
                    ln_bias=s[norm + "bias"])
    f, norm = "ffn._", "ffn._ln1_" if normalize_before else "ffn._ln2_"
    want = _ffn(attended, s[f + "linear1_weight"], s[f + "linear1_bias"],
                s[f + "linear2_weight"], s[f + "linear2_bias"], normalize_before,
                ln_scale=s[norm + "scale"], ln_bias=s[norm + "bias"])
    eager = layer(paddle.to_tensor(x), paddle.to_tensor(mask))
    assert _close(eager.numpy(), want)
    compiled = paddle.jit.to_static(layer, input_spec=[
        InputSpec([None, 3, 8], "float32"), InputSpec([None, 1, 3, 3], "float32")])
    assert _close(compiled(paddle.to_tensor(x), paddle.to_tensor(mask)).numpy(), eager.numpy())


def test_attention_layer_takes_a_bool_mask_and_a_cache():
    layer = paddle.incubate.nn.FusedMultiHeadAttention(8, 2, transpose_qkv_wb=True)
    s = _random_state(layer, 9)
    visible = ATTN_MASK == 0
    out = layer(paddle.to_tensor(X), attn_mask=paddle.to_tensor(visible))
    want = _mha(X, s["qkv_weight"], s["qkv_bias"], s["linear_weight"],
                np.where(visible, 0.0, -1e9), lin_b=s["linear_bias"], ln_scale=s["ln_scale"],
                ln_bias=s["ln_bias"])
    assert _close(out.numpy(), want)

    @paddle.jit.to_static
    def step(x, cache):
        return layer(x, cache=cache)

    got, grown = step(paddle.to_tensor(X), paddle.to_tensor(CACHE_KV))
    eager, eager_grown = layer(paddle.to_tensor(X), cache=paddle.to_tensor(CACHE_KV))
    assert grown.shape == [2, 2, 2, 7, 4]
    assert _close(got.numpy(), eager.numpy()) and _close(grown.numpy(), eager_grown.numpy())


def test_fused_linear_and_dropout_add_layers_compile():
    linear = paddle.incubate.nn.FusedLinear(8, 6, transpose_weight=True)
    s = _random_state(linear, 3)
    drop = paddle.incubate.nn.FusedDropoutAdd(0.5)

    @paddle.jit.to_static
    def forward(x, y):
        return drop(linear(x), y)

    y = rng.randn(2, 3, 6).astype(np.float32)
    drop.eval()
    want = X @ s["weight"].T + s["bias"] + y
    assert _close(forward(paddle.to_tensor(X), paddle.to_tensor(y)).numpy(), want)
    drop.train()
    kept = forward(paddle.to_tensor(X), paddle.to_tensor(y)).numpy() - y
    scaled = 2 * (X @ s["weight"].T + s["bias"])
    assert np.all(np.isclose(kept, 0, atol=1e-6) | np.isclose(kept, scaled, rtol=1e-5))
    assert 0 < np.isclose(kept, 0, atol=1e-6).sum() < kept.size


@pytest.mark.parametrize("call, error, message", [
    (lambda: paddle.incubate.nn.functional.fused_rms_norm(paddle.to_tensor(X), None, None,
                                                          1e-6, 3), ValueError,
     r"begin_norm_axis must be in range \[0, 3\)"),
    (lambda: paddle.incubate.nn.functional.fused_layer_norm(
        paddle.to_tensor(X), None, None, 1e-6, quant_scale=0.5), NotImplementedError,
     "quantized output"),
    (lambda: paddle.incubate.nn.functional.fused_rotary_position_embedding(
        paddle.to_tensor(Q), use_neox_rotary_style=False), AssertionError, "rotate_half"),
    (lambda: paddle.incubate.nn.functional.fused_rotary_position_embedding(
        paddle.to_tensor(Q[..., :7])), ValueError, "multiple of 2"),
    (lambda: paddle.incubate.softmax_mask_fuse(paddle.to_tensor(X), paddle.to_tensor(X)),
     ValueError, "4D"),
    (lambda: paddle.incubate.identity_loss(paddle.to_tensor(X), "max"), TypeError,
     "Unsupported reduction"),
    (lambda: paddle.incubate.nn.functional.fused_feedforward(
        paddle.to_tensor(X), paddle.to_tensor(W816), paddle.to_tensor(W168),
        activation="tanh"), ValueError, "'relu' or 'gelu'"),
    (lambda: paddle.incubate.nn.functional.fused_multi_head_attention(
        paddle.to_tensor(Q), paddle.to_tensor(QKV_W), paddle.to_tensor(LIN_W)), ValueError,
     "rank of the x should be 3"),
    (lambda: paddle.incubate.nn.functional.fused_dropout_add(
        paddle.to_tensor(X), paddle.to_tensor(X), 1.5), ValueError, "between 0 and 1"),
])
def test_bad_arguments_raise_paddles_errors(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_bad_arguments_in_compiled_code_name_the_line():
    @paddle.jit.to_static
    def norm(x, w):
        return paddle.incubate.nn.functional.fused_rms_norm(x, w, None, 1e-6, 5)[0]

    with pytest.raises(ValueError, match=r"test_incubate.py:\d+: begin_norm_axis must be in "):
        norm(paddle.to_tensor(X), paddle.to_tensor(W8))
