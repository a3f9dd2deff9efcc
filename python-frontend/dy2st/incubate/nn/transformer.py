"""The fused Transformer blocks of paddle.incubate.nn.functional (GPU-only
kernels in real Paddle), as the pseudo code of their documentation and
the references of Paddle's unit tests compute them: layer norms over the
last axis, dropout after the activation and before the residual, attention
with q scaled by head_dim^-0.5 before its product with k."""
from __future__ import annotations

from ...eager import functional as F
from ...eager.tensor import Tensor
from ...nn import functional as NF

_MODES = ("upscale_in_train", "downscale_in_infer")
_ACTIVATIONS = ("relu", "gelu")


def _checked_mode(mode: str) -> str:
    if mode not in _MODES:
        raise ValueError("mode argument should be 'downscale_in_infer' or 'upscale_in_train'")
    return mode


def _checked_rate(rate) -> float:
    if not isinstance(rate, (float, int)):
        raise TypeError("dropout_rate argument should be a number")
    if rate < 0 or rate > 1:
        raise ValueError("dropout_rate argument should between 0 and 1")
    return rate


def _normalized(x: Tensor, scale, bias, epsilon: float) -> Tensor:
    return NF.layer_norm(x, [x.shape[-1]], scale, bias, epsilon)


def fused_bias_dropout_residual_layer_norm(x: Tensor, residual: Tensor, bias: Tensor | None = None,
                                           ln_scale: Tensor | None = None,
                                           ln_bias: Tensor | None = None,
                                           dropout_rate: float = 0.5, ln_epsilon: float = 1e-5,
                                           training: bool = True, mode: str = "upscale_in_train",
                                           name: str | None = None) -> Tensor:
    """layer_norm(residual + dropout(x + bias)) over the last axis."""
    mode = _checked_mode(mode)
    for vector, what in ((ln_scale, "ln_scale"), (ln_bias, "ln_bias")):
        if vector is not None:
            assert vector.ndim == 1, f"The dims of the shape of {what} should be 1."
            assert x.shape[-1] == vector.shape[0], \
                f"The dim of {what} must equal to the last dim of x."
    if bias is not None:
        x = x + bias
    out = residual + NF.dropout(x, dropout_rate, training=training, mode=mode)
    return _normalized(out, ln_scale, ln_bias, ln_epsilon)


def fused_feedforward(x: Tensor, linear1_weight: Tensor, linear2_weight: Tensor,
                      linear1_bias: Tensor | None = None, linear2_bias: Tensor | None = None,
                      ln1_scale: Tensor | None = None, ln1_bias: Tensor | None = None,
                      ln2_scale: Tensor | None = None, ln2_bias: Tensor | None = None,
                      dropout1_rate: float = 0.5, dropout2_rate: float = 0.5,
                      activation: str = "relu", ln1_epsilon: float = 1e-5,
                      ln2_epsilon: float = 1e-5, pre_layer_norm: bool = False,
                      training: bool = True, mode: str = "upscale_in_train", ring_id: int = -1,
                      add_residual: bool = True, name: str | None = None) -> Tensor:
    """The Transformer's feed-forward block: (layer norm 1 first when
    pre_layer_norm) linear1, activation, dropout1, linear2, dropout2, the
    residual added, (layer norm 2 last otherwise)."""
    _checked_rate(dropout1_rate)
    _checked_rate(dropout2_rate)
    mode = _checked_mode(mode)
    if activation not in _ACTIVATIONS:
        raise ValueError(f"fused_feedforward(): activation must be 'relu' or 'gelu', not "
                         f"{activation!r}")
    out = _normalized(x, ln1_scale, ln1_bias, ln1_epsilon) if pre_layer_norm else x
    out = NF.linear(out, linear1_weight, linear1_bias)
    out = NF.relu(out) if activation == "relu" else NF.gelu(out)
    out = NF.dropout(out, dropout1_rate, training=training, mode=mode)
    out = NF.linear(out, linear2_weight, linear2_bias)
    out = NF.dropout(out, dropout2_rate, training=training, mode=mode)
    if add_residual:
        out = x + out
    return out if pre_layer_norm else _normalized(out, ln2_scale, ln2_bias, ln2_epsilon)


def _projected_qkv(x: Tensor, qkv_weight: Tensor, qkv_bias, num_heads: int,
                   transpose_qkv_wb: bool) -> Tensor:
    """[3, batch, heads, seq, head_dim]: x projected by the packed weight
    ([3, heads, head_dim, embed], or [embed, 3 * embed] when transposed)."""
    if transpose_qkv_wb:
        heads = num_heads
        head_dim = qkv_weight.shape[1] // 3 // num_heads
        qkv = F.matmul(x, qkv_weight)
    else:
        heads, head_dim = qkv_weight.shape[1], qkv_weight.shape[2]
        qkv = F.matmul(x, F.reshape(qkv_weight, [3 * heads * head_dim, -1]), transpose_y=True)
    if qkv_bias is not None:
        qkv = qkv + F.flatten(qkv_bias)
    qkv = F.reshape(qkv, [x.shape[0], x.shape[1], 3, heads, head_dim])
    return F.transpose(qkv, [2, 0, 3, 1, 4])


def _check_qkv_weight(x: Tensor, qkv_weight: Tensor, qkv_bias, num_heads: int,
                      transpose_qkv_wb: bool, ring_id: int) -> None:
    """Paddle's assertions on the packed weight's layout."""
    if not transpose_qkv_wb:
        assert qkv_weight.ndim == 4, "The dims of the shape of qkv_weight should be 4."
        assert qkv_weight.shape[0] == 3, \
            "The shape of qkv_weight should be [3, num_head, head_dim, embed_dim]."
        assert qkv_weight.shape[3] == x.shape[2], \
            "The 3rd dim of qkv_weight and 2nd dim of x should be the same, i.e., embed_dim."
        if ring_id == -1:
            assert qkv_weight.shape[1] * qkv_weight.shape[2] == qkv_weight.shape[3], \
                "embed_dim must be divisible by num_heads."
        return
    assert num_heads > 0, ("When enable transpose_qkv_wb, the num_heads should be provided and "
                           "greater than 0.")
    assert qkv_weight.ndim == 2, ("When enable transpose_qkv_wb, the dims of the shape of "
                                  "qkv_weight should be 2 when enable transpose_qkv_wb.")
    if ring_id == -1:
        assert qkv_weight.shape[1] == 3 * qkv_weight.shape[0], (
            "When enable transpose_qkv_wb, the shape of qkv_weight should be [embed_dim, 3 * "
            "embed_dim] when enable transpose_qkv_wb.")
    assert qkv_weight.shape[0] == x.shape[2], (
        "When enable transpose_qkv_wb, the 1st dim of qkv_weight and 2nd dim of x should be "
        "the same, i.e., embed_dim.")
    if qkv_bias is not None:
        assert qkv_bias.ndim == 1, ("When enable transpose_qkv_wb, the dims of the shape of "
                                    "qkv_bias should be 1.")
        assert qkv_bias.shape[0] == qkv_weight.shape[1], (
            "When enable transpose_qkv_wb, the 1st dim of qkv_bias and 2nd dim of qkv_weight "
            "should be the same, i.e., embed_dim.")


def fused_multi_head_attention(x: Tensor, qkv_weight: Tensor, linear_weight: Tensor,
                               pre_layer_norm: bool = False, pre_ln_scale: Tensor | None = None,
                               pre_ln_bias: Tensor | None = None,
                               ln_scale: Tensor | None = None, ln_bias: Tensor | None = None,
                               pre_ln_epsilon: float = 1e-05, qkv_bias: Tensor | None = None,
                               linear_bias: Tensor | None = None,
                               cache_kv: Tensor | None = None, attn_mask: Tensor | None = None,
                               dropout_rate: float = 0.5, attn_dropout_rate: float = 0.5,
                               ln_epsilon: float = 1e-05, training: bool = True,
                               mode: str = "upscale_in_train", ring_id: int = -1,
                               add_residual: bool = True, num_heads: int = -1,
                               transpose_qkv_wb: bool = False, name: str | None = None):
    """Self-attention over x [batch, seq, embed] with a packed qkv weight:
    (pre layer norm) q, k, v projected, k and v after cache_kv's ([2, batch,
    heads, cached, head_dim]) where given, softmax(q k^T / sqrt(head_dim) +
    attn_mask), attention dropout, the heads merged by linear_weight, dropout,
    the residual added, (post layer norm). With cache_kv: (out, the cache
    grown by this step's k and v)."""
    mode = _checked_mode(mode)
    if x.ndim != 3:
        raise ValueError(f"The rank of the x should be 3, but received {x.ndim}.")
    _check_qkv_weight(x, qkv_weight, qkv_bias, num_heads, transpose_qkv_wb, ring_id)
    h = _normalized(x, pre_ln_scale, pre_ln_bias, pre_ln_epsilon) if pre_layer_norm else x
    qkv = _projected_qkv(h, qkv_weight, qkv_bias, num_heads, transpose_qkv_wb)
    q, k, v = qkv[0], qkv[1], qkv[2]
    if cache_kv is not None:
        k = F.concat([cache_kv[0], k], axis=2)
        v = F.concat([cache_kv[1], v], axis=2)
    scores = F.matmul(q * (q.shape[-1] ** -0.5), k, transpose_y=True)
    if attn_mask is not None:
        scores = scores + attn_mask
    weights = NF.dropout(F.softmax(scores, axis=-1), attn_dropout_rate, training=training,
                         mode=mode)
    out = F.transpose(F.matmul(weights, v), [0, 2, 1, 3])
    out = NF.linear(F.reshape(out, [x.shape[0], x.shape[1], -1]), linear_weight, linear_bias)
    out = NF.dropout(out, dropout_rate, training=training, mode=mode)
    if add_residual:
        out = x + out
    if not pre_layer_norm:
        out = _normalized(out, ln_scale, ln_bias, ln_epsilon)
    if cache_kv is not None:
        return out, F.stack([k, v])
    return out
