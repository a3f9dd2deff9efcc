"""paddle.signal: `frame` (slices of a signal at a hop, as a new axis),
written over the gather primitive so it runs eagerly and compiled, for
lengths known only at run time too. `stft` and `istft` return complex
tensors, which dy2st does not hold (absent; `paddle.audio.features` computes
spectrograms without them)."""
from __future__ import annotations

from .eager import functional as F
from .eager.tensor import Tensor

__all__ = ["frame"]


def frame(x: Tensor, frame_length: int, hop_length: int, axis: int = -1,
          name: str | None = None) -> Tensor:
    """Frames of `frame_length` samples every `hop_length` along the first or
    last axis: [..., frame_length, frames] for axis -1, [frames,
    frame_length, ...] for axis 0."""
    if axis not in (0, -1, x.ndim - 1):
        raise ValueError(f"Unexpected axis: {axis}. It should be 0 or -1.")
    if not isinstance(frame_length, int) or frame_length <= 0:
        raise ValueError(f"Unexpected frame_length: {frame_length}. It should be a positive int.")
    if not isinstance(hop_length, int) or hop_length <= 0:
        raise ValueError(f"Unexpected hop_length: {hop_length}. It should be a positive int.")
    last = axis != 0
    length = x.shape[-1] if last else x.shape[0]
    if frame_length > length:
        raise ValueError(f"Attribute frame_length should be less equal than sequence length, "
                         f"but got ({frame_length}) > ({length}).")
    count = 1 + (length - frame_length) // hop_length
    starts = F.unsqueeze(F.arange(count, dtype="int64") * hop_length, 1)
    positions = F.reshape(starts + F.unsqueeze(F.arange(frame_length, dtype="int64"), 0), [-1])
    if last:
        picked = F.gather(x, positions, axis=x.ndim - 1)
        frames = F.reshape(picked, list(x.shape[:-1]) + [count, frame_length])
        order = list(range(x.ndim - 1)) + [x.ndim, x.ndim - 1]
        return F.transpose(frames, order)
    picked = F.gather(x, positions, axis=0)
    return F.reshape(picked, [count, frame_length] + list(x.shape[1:]))
