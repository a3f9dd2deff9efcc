"""Attention and gated units of modern Transformers (composites):
scaled_dot_product_attention in Paddle's [batch, seq, heads, dim] layout
(grouped-query heads, causal and additive or boolean masks), swiglu."""
import math

from ..eager.functional import (full, matmul, repeat_interleave, sigmoid, softmax, split,
                                squeeze, transpose, tril, unsqueeze, where)
from .activations import dropout


def scaled_dot_product_attention(query, key, value, attn_mask=None, dropout_p=0.0,
                                 is_causal=False, training=True, backend=None, scale=None,
                                 enable_gqa=True, name=None):
    """softmax(q k^T * scale + mask) v over [batch, seq, heads, dim] inputs
    (or [seq, heads, dim]); key and value heads repeated to the query's
    (grouped-query attention); `is_causal` lets position i see keys 0..i; a
    boolean mask keeps where True, another is added to the scores."""
    batched = query.ndim == 4
    if not batched:
        query, key, value = unsqueeze(query, 0), unsqueeze(key, 0), unsqueeze(value, 0)
    q = transpose(query, [0, 2, 1, 3])
    k = transpose(key, [0, 2, 1, 3])
    v = transpose(value, [0, 2, 1, 3])
    if q.shape[1] != k.shape[1]:
        if not enable_gqa:
            raise ValueError(f"scaled_dot_product_attention(): {q.shape[1]} query heads and "
                             f"{k.shape[1]} key heads need enable_gqa")
        k = repeat_interleave(k, q.shape[1] // k.shape[1], axis=1)
        v = repeat_interleave(v, q.shape[1] // v.shape[1], axis=1)
    if scale is None:
        scale = 1.0 / math.sqrt(q.shape[-1])
    scores = matmul(q, k, transpose_y=True) * scale
    if is_causal:
        visible = tril(full([q.shape[2], k.shape[2]], True, "bool"))
        scores = where(visible, scores, full([1], -math.inf, scores.dtype))
    if attn_mask is not None:
        if attn_mask.dtype == "bool":
            scores = where(attn_mask, scores, full([1], -math.inf, scores.dtype))
        else:
            scores = scores + attn_mask
    weights = softmax(scores, axis=-1)
    if dropout_p > 0.0 and training:
        weights = dropout(weights, dropout_p)
    out = transpose(matmul(weights, v), [0, 2, 1, 3])
    return out if batched else squeeze(out, 0)


def swiglu(x, y=None, name=None):
    """silu(x) * y; without y, x's halves along the last axis."""
    if y is None:
        x, y = split(x, 2, axis=-1)
    return x * sigmoid(x) * y


FUNCTIONS = {fn.__name__: fn for fn in (scaled_dot_product_attention, swiglu)}
