"""paddle.incubate: the fused layers and functions (.nn), the masked
softmaxes of attention, identity_loss, and the older names of
paddle.geometric's segment reductions and message passing. The graph
sampling functions, optimizers (LookAhead, ModelAverage) and the
distributed, quantized and mixture-of-experts kernels are absent."""
from __future__ import annotations

import math

from ..eager import functional as F
from ..eager.tensor import Tensor
from ..geometric import segment_max, segment_mean, segment_min, segment_sum, send_u_recv
from . import nn

__all__ = ["nn", "softmax_mask_fuse", "softmax_mask_fuse_upper_triangle", "identity_loss",
           "segment_sum", "segment_mean", "segment_max", "segment_min", "graph_send_recv"]

_REDUCTIONS = {0: "sum", 1: "mean", 2: "none", "sum": "sum", "mean": "mean", "none": "none"}


def _check_scores(x: Tensor, what: str) -> None:
    if x.ndim != 4:
        raise ValueError(f"{what}(): Input x must be in 4D dimension but received the "
                         f"dimension of X is {x.ndim}")


def softmax_mask_fuse(x: Tensor, mask: Tensor, name: str | None = None) -> Tensor:
    """softmax(x + mask) over the last axis; x [batch, heads, q, k], mask
    [batch, 1, q, k]."""
    _check_scores(x, "softmax_mask_fuse")
    if mask.ndim != 4:
        raise ValueError(f"softmax_mask_fuse(): Input mask must be in 4D dimension but "
                         f"received the dimension of mask is {mask.ndim}")
    if mask.shape[1] != 1:
        raise ValueError(f"softmax_mask_fuse(): Input mask's second dim must be 1, but "
                         f"received {mask.shape[1]}")
    for axis in (0, 2, 3):
        if x.shape[axis] != mask.shape[axis]:
            raise ValueError(f"softmax_mask_fuse(): Input x's {axis}th dim should be equal "
                             f"with input mask's {axis}th dim but received {x.shape[axis]} "
                             f"and {mask.shape[axis]}")
    return F.softmax(x + mask, axis=-1)


def softmax_mask_fuse_upper_triangle(x: Tensor) -> Tensor:
    """The causal softmax over the last axis of x [batch, heads, seq, seq]:
    query i sees keys 0..i (Paddle's kernel runs on GPUs only)."""
    _check_scores(x, "softmax_mask_fuse_upper_triangle")
    if x.shape[2] != x.shape[3]:
        raise ValueError(f"softmax_mask_fuse_upper_triangle(): Input x's last dim must be "
                         f"equal with its 2th dim, but received {x.shape[3]} and {x.shape[2]}")
    visible = F.tril(F.full([x.shape[2], x.shape[3]], True, "bool"))
    return F.softmax(F.where(visible, x, F.full([1], -math.inf, x.dtype)), axis=-1)


def identity_loss(x: Tensor, reduction: str | int = "none") -> Tensor:
    """x summed ('sum' or 0), averaged ('mean' or 1) or as it is ('none' or 2)."""
    if reduction not in _REDUCTIONS:
        raise TypeError("Unsupported reduction type.")
    kind = _REDUCTIONS[reduction]
    if kind == "sum":
        return F.sum(x)
    if kind == "mean":
        return F.mean(x)
    return x


def graph_send_recv(x: Tensor, src_index: Tensor, dst_index: Tensor, pool_type: str = "sum",
                    out_size=None, name: str | None = None) -> Tensor:
    """paddle.geometric.send_u_recv under its older name."""
    return send_u_recv(x, src_index, dst_index, pool_type, out_size)
