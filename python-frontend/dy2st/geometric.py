"""paddle.geometric's message passing and segment reductions, as Paddle's
kernels compute them, written over put_along_axis so that they run eagerly
and compiled (a graph's node and edge counts known only at run time too):
each message is put into its row with 'add', 'amax' or 'amin'; rows no
message reaches are 0. The graph sampling and reindexing functions are
absent."""
from __future__ import annotations

from .eager import functional as F
from .eager.dtype_info import iinfo
from .eager.tensor import Tensor

__all__ = ["segment_sum", "segment_mean", "segment_max", "segment_min", "send_u_recv",
           "send_ue_recv", "send_uv"]

_REDUCE_OPS = ("sum", "mean", "max", "min")
_MESSAGE_OPS = ("add", "sub", "mul", "div")


def _reduced(messages: Tensor, index: Tensor, rows, reduce: str) -> Tensor:
    """[rows, *features]: the messages [count, *features] reduced into the
    rows `index` [count] names ('sum', 'mean', 'max' or 'min'); 0 in rows
    none reaches. An integer mean rounds toward zero, as Paddle's."""
    shape = [rows] + messages.shape[1:]
    ends = F.broadcast_to(F.reshape(index, [-1] + [1] * (messages.ndim - 1)), messages.shape)
    if reduce == "sum":
        return F.put_along_axis(F.zeros(shape, messages.dtype), ends, messages, 0, "add")
    counts = F.put_along_axis(F.zeros([rows], "int64"), index, 1, 0, "add")
    counts = F.reshape(counts, [-1] + [1] * (messages.ndim - 1))
    floating = F.is_floating_point(messages)
    if reduce == "mean":
        total = F.put_along_axis(F.zeros(shape, messages.dtype), ends, messages, 0, "add")
        divisor = F.cast(F.maximum(counts, 1), messages.dtype)
        if floating:
            return total / divisor
        return F.sign(total) * (F.abs(total) // divisor)
    largest = reduce == "max"
    if floating:
        start = float("-inf") if largest else float("inf")
    else:
        start = iinfo(messages.dtype).min if largest else iinfo(messages.dtype).max
    best = F.put_along_axis(F.full(shape, start, messages.dtype), ends, messages, 0,
                            "amax" if largest else "amin")
    return F.where(counts > 0, best, F.zeros_like(best))


def _out_rows(x: Tensor, out_size):
    """Paddle's output rows: out_size where it is given and positive, else x's."""
    if out_size is None:
        return x.shape[0]
    size = int(out_size)
    return size if size > 0 else x.shape[0]


def _checked(reduce_op: str) -> str:
    if reduce_op not in _REDUCE_OPS:
        raise ValueError(f"reduce_op should be `sum`, `mean`, `max` or `min`, but received "
                         f"{reduce_op}")
    return reduce_op


def _combined(x: Tensor, y: Tensor, message_op: str) -> Tensor:
    """Paddle's messages: sub adds -y, div multiplies by 1 / y."""
    if message_op not in _MESSAGE_OPS:
        raise ValueError(f"message_op should be `add`, `sub`, `mul`, `div`, but received "
                         f"{message_op}")
    if message_op == "add":
        return x + y
    if message_op == "sub":
        return x + (-y)
    if message_op == "mul":
        return x * y
    return x * (1.0 / y)


def send_u_recv(x: Tensor, src_index: Tensor, dst_index: Tensor, reduce_op: str = "sum",
                out_size=None, name: str | None = None) -> Tensor:
    """x's rows at src_index sent along the edges to dst_index and reduced
    there: [out_size or x's rows, *features]."""
    messages = F.gather(x, src_index, 0)
    return _reduced(messages, dst_index, _out_rows(x, out_size), _checked(reduce_op))


def send_ue_recv(x: Tensor, y: Tensor, src_index: Tensor, dst_index: Tensor,
                 message_op: str = "add", reduce_op: str = "sum", out_size=None,
                 name: str | None = None) -> Tensor:
    """As send_u_recv, each message first combined with its edge's feature
    y (broadcast) by message_op."""
    reduce_op = _checked(reduce_op)
    messages = _combined(F.gather(x, src_index, 0), y, message_op)
    return _reduced(messages, dst_index, _out_rows(x, out_size), reduce_op)


def send_uv(x: Tensor, y: Tensor, src_index: Tensor, dst_index: Tensor,
            message_op: str = "add", name: str | None = None) -> Tensor:
    """One message per edge: x's row at its source combined with y's at its
    destination by message_op."""
    return _combined(F.gather(x, src_index, 0), F.gather(y, dst_index, 0), message_op)


def _segments(data: Tensor, segment_ids: Tensor, reduce: str) -> Tensor:
    """data's rows reduced by their segment (ids sorted, Paddle's
    ValueError otherwise): [largest id + 1, *features]."""
    if segment_ids.shape[0] > 1 and F.any(segment_ids[1:] < segment_ids[:-1]):
        raise ValueError("The segment ids should be sorted")
    rows = int(F.max(segment_ids)) + 1 if segment_ids.shape[0] > 0 else 0
    return _reduced(data, segment_ids, rows, reduce)


def segment_sum(data: Tensor, segment_ids: Tensor, name: str | None = None) -> Tensor:
    return _segments(data, segment_ids, "sum")


def segment_mean(data: Tensor, segment_ids: Tensor, name: str | None = None) -> Tensor:
    return _segments(data, segment_ids, "mean")


def segment_max(data: Tensor, segment_ids: Tensor, name: str | None = None) -> Tensor:
    return _segments(data, segment_ids, "max")


def segment_min(data: Tensor, segment_ids: Tensor, name: str | None = None) -> Tensor:
    return _segments(data, segment_ids, "min")
