"""paddle.incubate.nn.functional: Paddle's fused kernels as composites of
the operations they fuse, so that eager and compiled code run them on the
CPU (where real Paddle's CPU build lacks a kernel, the formula of its GPU
kernel and of the reference in its unit tests). Quantized outputs
(`quant_scale > 0`), which Paddle's CPU kernels refuse too, are absent."""
from __future__ import annotations

from ...eager import functional as F
from ...eager.tensor import Tensor
from ...nn import functional as NF
from ...nn.attention import swiglu
from ...nn.normalization import affine
from .transformer import (fused_bias_dropout_residual_layer_norm, fused_feedforward,
                          fused_multi_head_attention)

__all__ = ["fused_rms_norm", "fused_layer_norm", "fused_rotary_position_embedding",
           "fused_dropout_add", "fused_matmul_bias", "fused_linear", "swiglu",
           "fused_bias_dropout_residual_layer_norm", "fused_feedforward",
           "fused_multi_head_attention"]


def _begin_axis(x: Tensor, begin_norm_axis: int) -> int:
    axis = begin_norm_axis + x.ndim if begin_norm_axis < 0 else begin_norm_axis
    if axis < 0 or axis >= x.ndim:
        raise ValueError(f"begin_norm_axis must be in range [0, {x.ndim}), but got "
                         f"{begin_norm_axis}")
    return axis


def _unquantized(name: str, quant_scale) -> None:
    if quant_scale > 0:
        raise NotImplementedError(f"{name}(): quantized output (quant_scale > 0) is not "
                                  f"supported (Paddle's CPU kernel refuses it too)")


def fused_rms_norm(x: Tensor, norm_weight: Tensor, norm_bias: Tensor | None, epsilon: float,
                   begin_norm_axis: int = 1, bias: Tensor | None = None,
                   residual: Tensor | None = None, quant_scale: float = -1,
                   quant_round_type: int = 0, quant_max_bound: float = 0,
                   quant_min_bound: float = 0) -> tuple[Tensor, Tensor]:
    """(out, residual_out): with a residual, h = x + residual + bias is
    normalized by its root mean square over the axes from begin_norm_axis and
    returned as residual_out; without one h = x (Paddle's kernel then ignores
    `bias`) and residual_out is empty, as Paddle's."""
    axis = _begin_axis(x, begin_norm_axis)
    _unquantized("fused_rms_norm", quant_scale)
    if residual is not None:
        x = x + residual
        if bias is not None:
            x = x + bias
        residual_out = x
    else:
        residual_out = F.zeros([0], x.dtype)
    axes = list(range(axis, x.ndim))
    out = x * F.rsqrt(F.mean(F.square(x), axis=axes, keepdim=True) + epsilon)
    return affine(out, norm_weight, norm_bias, out.shape[axis:]), residual_out


def fused_layer_norm(x: Tensor, norm_weight: Tensor | None, norm_bias: Tensor | None,
                     epsilon: float, residual_alpha: float = 1.0, begin_norm_axis: int = 1,
                     bias: Tensor | None = None, residual: Tensor | None = None,
                     quant_scale: float = -1, quant_round_type: int = 0,
                     quant_max_bound: float = 0,
                     quant_min_bound: float = 0) -> tuple[Tensor, Tensor, Tensor, Tensor]:
    """(out, residual_out, mean, inverse std): h = x + residual_alpha *
    residual + bias (with a residual; x alone without, Paddle's kernel then
    ignoring `bias`) layer-normalized over the axes from begin_norm_axis; the
    statistics are float32 of h's leading elements. Without norm_weight and
    norm_bias, out is h itself (Paddle's "fused add" form). residual_out is
    h (Paddle leaves it unset without a residual)."""
    axis = _begin_axis(x, begin_norm_axis)
    _unquantized("fused_layer_norm", quant_scale)
    if residual is not None:
        x = x + residual * residual_alpha
        if bias is not None:
            x = x + bias
    axes = list(range(axis, x.ndim))
    mean = F.mean(x, axis=axes, keepdim=True)
    centered = x - mean
    inverse_std = F.rsqrt(F.mean(F.square(centered), axis=axes, keepdim=True) + epsilon)
    if norm_weight is None and norm_bias is None:
        out = x
    else:
        out = affine(centered * inverse_std, norm_weight, norm_bias, x.shape[axis:])
    return (out, x, F.cast(F.flatten(mean), "float32"),
            F.cast(F.flatten(inverse_std), "float32"))


def _rope_tables(q: Tensor, sin, cos, position_ids, time_major: bool,
                 base: float) -> tuple[Tensor, Tensor]:
    """sin and cos laid over q's [batch, seq, 1, dim] (or [seq, batch, 1,
    dim]): rows of the given tables (at position_ids, else the first seq
    rows), or Paddle's kernel's own: angle p / base^(2i / dim) for position p
    and the i-th pair, each value twice."""
    seq_axis = 0 if time_major else 1
    dim = q.shape[-1]
    if sin is None:
        exponents = F.cast(F.floor_divide(F.arange(0, dim, 1, "int64"), 2) * 2, "float32")
        inverse_frequency = 1.0 / F.pow(F.full([1], base, "float32"), exponents / dim)
        positions = F.cast(F.arange(0, q.shape[seq_axis], 1, "int64"), "float32")
        angles = F.unsqueeze(positions, 1) * F.unsqueeze(inverse_frequency, 0)
        sin, cos = F.cast(F.sin(angles), q.dtype), F.cast(F.cos(angles), q.dtype)
    else:
        sin, cos = F.reshape(sin, [-1, dim]), F.reshape(cos, [-1, dim])
    if position_ids is not None:
        sin, cos = F.gather(sin, F.flatten(position_ids)), F.gather(cos, F.flatten(position_ids))
        shape = [position_ids.shape[0], position_ids.shape[1], 1, dim]
        sin, cos = F.reshape(sin, shape), F.reshape(cos, shape)
        if time_major:
            sin, cos = F.transpose(sin, [1, 0, 2, 3]), F.transpose(cos, [1, 0, 2, 3])
        return sin, cos
    sin, cos = sin[:q.shape[seq_axis]], cos[:q.shape[seq_axis]]
    shape = [-1, 1, 1, dim] if time_major else [1, -1, 1, dim]
    return F.reshape(sin, shape), F.reshape(cos, shape)


def _rotated(x: Tensor, sin: Tensor, cos: Tensor, neox_style: bool) -> Tensor:
    """x * cos + rotate(x) * sin: rotate turns each adjacent pair (x0, x1)
    into (-x1, x0) in Paddle's "neox" style, else the halves (a, b) into
    (-b, a)."""
    if neox_style:
        pairs = F.stack([-x[..., 1::2], x[..., 0::2]], axis=-1)
        turned = F.flatten(pairs, start_axis=x.ndim - 1)
    else:
        half = x.shape[-1] // 2
        turned = F.concat([-x[..., half:], x[..., :half]], axis=-1)
    return x * cos + turned * sin


def fused_rotary_position_embedding(q: Tensor, k: Tensor | None = None, v: Tensor | None = None,
                                    sin: Tensor | None = None, cos: Tensor | None = None,
                                    position_ids: Tensor | None = None,
                                    use_neox_rotary_style: bool = True, time_major: bool = False,
                                    rotary_emb_base: float = 10000.0):
    """(out_q, out_k, out_v): each of q, k, v ([batch, seq, heads, dim], or
    [seq, batch, heads, dim] when time_major) rotated by its position's
    angles (None for one not given). sin and cos are [seq, dim] or [1, seq,
    1, dim] tables, read at position_ids ([batch, seq]) where given; without
    them the angles are computed (adjacent-pair style only, as Paddle's)."""
    if sin is None or cos is None:
        assert position_ids is None, \
            "position_ids without sin/cos is not correctly supported now."
        assert use_neox_rotary_style, \
            "rotate_half without sin/cos is not correctly supported now."
        sin = cos = None
    if q.ndim != 4:
        raise ValueError(f"fused_rotary_position_embedding(): q must be 4-D, got {q.ndim}-D")
    if q.shape[-1] % 2 != 0:
        raise ValueError(f"fused_rotary_position_embedding(): the head dim must be a multiple "
                         f"of 2, got {q.shape[-1]}")
    sin, cos = _rope_tables(q, sin, cos, position_ids, time_major, rotary_emb_base)
    outputs = []
    for t in (q, k, v):
        outputs.append(None if t is None else _rotated(t, sin, cos, use_neox_rotary_style))
    return outputs[0], outputs[1], outputs[2]


def fused_dropout_add(x: Tensor, y: Tensor, p: float = 0.5, training: bool = True,
                      mode: str = "upscale_in_train", name: str | None = None) -> Tensor:
    """dropout(x) + y."""
    if not 0 <= p <= 1:
        raise ValueError("p argument should between 0 and 1")
    return NF.dropout(x, p, training=training, mode=mode) + y


def fused_matmul_bias(x: Tensor, y: Tensor, bias: Tensor | None = None,
                      transpose_x: bool = False, transpose_y: bool = False,
                      name: str | None = None) -> Tensor:
    """matmul(x, y) + bias."""
    out = F.matmul(x, y, transpose_x, transpose_y)
    return out if bias is None else out + bias


def fused_linear(x: Tensor, weight: Tensor, bias: Tensor | None = None,
                 transpose_weight: bool = False, name: str | None = None) -> Tensor:
    """x @ weight + bias, weight [in, out] (or [out, in] when transposed)."""
    return fused_matmul_bias(x, weight, bias, False, transpose_weight)

