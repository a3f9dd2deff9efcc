"""paddle.signal: `frame` (slices of a signal at a hop, as a new axis) and
`overlap_add` (its inverse, summing where the slices overlap), written over
gather and put_along_axis, and `stft`/`istft` over them and paddle.fft, with
Paddle's arguments, checks and results; eagerly and compiled, for lengths
known only at run time too."""
from __future__ import annotations

from . import fft
from .eager import functional as F
from .eager.tensor import Tensor

__all__ = ["frame", "overlap_add", "stft", "istft"]


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


def overlap_add(x: Tensor, hop_length: int, axis: int = -1, name: str | None = None) -> Tensor:
    """The frames of x summed at `hop_length` apart: [..., frame_length,
    frames] -> [..., (frames - 1) * hop_length + frame_length] for axis -1,
    [frames, frame_length, ...] -> [length, ...] for axis 0."""
    if axis not in (0, -1):
        raise ValueError(f"Unexpected axis: {axis}. It should be 0 or -1.")
    if not isinstance(hop_length, int) or hop_length <= 0:
        raise ValueError(f"Unexpected hop_length: {hop_length}. It should be an positive "
                         "integer.")
    last = axis == -1
    if not last:
        x = F.transpose(x, list(range(x.ndim - 1, 1, -1)) + [1, 0])
    frame_length, count = x.shape[-2], x.shape[-1]
    starts = F.unsqueeze(F.arange(count, dtype="int64") * hop_length, 0)
    positions = F.reshape(starts + F.unsqueeze(F.arange(frame_length, dtype="int64"), 1), [-1])
    values = F.reshape(x, list(x.shape[:-2]) + [frame_length * count])
    index = F.broadcast_to(positions, values.shape)
    length = (count - 1) * hop_length + frame_length
    out = F.put_along_axis(F.zeros(list(x.shape[:-2]) + [length], x.dtype), index, values,
                           values.ndim - 1, "add")
    if not last:
        out = F.transpose(out, list(range(out.ndim - 1, -1, -1)))
    return out


def windowed_frames(x: Tensor, n_fft: int, hop_length: int, window: Tensor, center: bool,
                    pad_mode: str) -> Tensor:
    """The frames [N, frames, n_fft] of signals x [N, T] (padded by n_fft // 2
    at both ends where `center`), each multiplied by `window` [n_fft]: what
    an STFT transforms."""
    if center:
        half = n_fft // 2
        x = F.squeeze(F.pad(F.unsqueeze(x, -1), [half, half], mode=pad_mode,
                            data_format="NLC"), -1)
    return F.transpose(frame(x, n_fft, hop_length, axis=-1), [0, 2, 1]) * window


def padded_window(window, win_length: int, n_fft: int, dtype) -> Tensor:
    """The window (ones by default) of win_length samples, centred in n_fft."""
    if window is not None:
        assert window.ndim == 1 and window.shape[0] == win_length, (
            f"expected a 1D window tensor of size equal to win_length({win_length}), but got "
            f"window with shape {window.shape}.")
    else:
        window = F.ones([win_length], dtype=dtype)
    if win_length < n_fft:
        left = (n_fft - win_length) // 2
        window = F.pad(window, [left, n_fft - win_length - left], mode="constant")
    return window


def stft(x: Tensor, n_fft: int, hop_length: int | None = None, win_length: int | None = None,
         window: Tensor | None = None, center: bool = True, pad_mode: str = "reflect",
         normalized: bool = False, onesided: bool | None = None,
         name: str | None = None) -> Tensor:
    """The short-time Fourier transform of signals [T] or [N, T]: [(N,)
    n_fft // 2 + 1 (n_fft where not onesided), frames], complex."""
    rank = x.ndim
    assert rank in (1, 2), f"x should be a 1D or 2D real tensor, but got rank of x is {rank}"
    if rank == 1:
        x = F.unsqueeze(x, 0)
    if hop_length is None:
        hop_length = int(n_fft // 4)
    assert hop_length > 0, f"hop_length should be > 0, but got {hop_length}."
    if win_length is None:
        win_length = n_fft
    assert 0 < n_fft <= x.shape[-1], (
        f"n_fft should be in (0, seq_length({x.shape[-1]})], but got {n_fft}.")
    assert 0 < win_length <= n_fft, (
        f"win_length should be in (0, n_fft({n_fft})], but got {win_length}.")
    window = padded_window(window, win_length, n_fft, x.dtype)
    if center:
        assert pad_mode in ("constant", "reflect"), (
            f'pad_mode should be "reflect" or "constant", but got "{pad_mode}".')
    frames = windowed_frames(x, n_fft, hop_length, window, center, pad_mode)
    norm = "ortho" if normalized else "backward"
    if onesided is None:
        onesided = not F.is_complex(frames)
    if F.is_complex(frames):
        assert not onesided, "onesided should be False when input or window is a complex Tensor."
    if F.is_complex(x):
        out = fft.fft(frames, None, -1, norm)
    elif onesided:
        out = fft.rfft(frames, None, -1, norm)
    else:
        out = fft.fft(frames, None, -1, norm)
    out = F.transpose(out, [0, 2, 1])
    return F.squeeze(out, 0) if rank == 1 else out


def istft(x: Tensor, n_fft: int, hop_length: int | None = None, win_length: int | None = None,
          window: Tensor | None = None, center: bool = True, normalized: bool = False,
          onesided: bool = True, length: int | None = None, return_complex: bool = False,
          name: str | None = None) -> Tensor:
    """The inverse of `stft`: signals [(N,) T] from spectra [(N,) bins,
    frames], each frame's inverse windowed, overlapped and added, divided by
    the summed squared window (a ValueError where that is near 0: the NOLA
    condition)."""
    if not F.is_complex(x):
        raise TypeError(f"istft() takes a complex tensor, not {x.dtype}")
    rank = x.ndim
    assert rank in (2, 3), f"x should be a 2D or 3D complex tensor, but got rank of x is {rank}"
    if rank == 2:
        x = F.unsqueeze(x, 0)
    if hop_length is None:
        hop_length = int(n_fft // 4)
    if win_length is None:
        win_length = n_fft
    assert 0 < hop_length <= win_length, (
        f"hop_length should be in (0, win_length({win_length})], but got {hop_length}.")
    assert 0 < win_length <= n_fft, (
        f"win_length should be in (0, n_fft({n_fft})], but got {win_length}.")
    frames, bins = x.shape[-1], x.shape[-2]
    assert F.numel(x) != 0, "x should not be an empty tensor."
    if onesided:
        assert bins == n_fft // 2 + 1, (
            f"fft_size should be equal to n_fft // 2 + 1({n_fft // 2 + 1}) when onesided is "
            f"True, but got {bins}.")
    else:
        assert bins == n_fft, (
            f"fft_size should be equal to n_fft({n_fft}) when onesided is False, but got {bins}.")
    window = padded_window(window, win_length, n_fft,
                            "float32" if x.dtype == "complex64" else "float64")
    x = F.transpose(x, [0, 2, 1])
    norm = "ortho" if normalized else "backward"
    if return_complex:
        assert not onesided, ("onesided should be False when input(output of istft) or window "
                              "is a complex Tensor.")
        out = fft.ifft(x, None, -1, norm)
    else:
        assert not F.is_complex(window), ("Data type of window should not be complex when "
                                          "return_complex is False.")
        if not onesided:
            x = x[:, :, :n_fft // 2 + 1]
        out = fft.irfft(x, None, -1, norm)
    out = overlap_add(F.transpose(out * window, [0, 2, 1]), hop_length, -1)
    squared = F.unsqueeze(window * window, 0)
    envelope = overlap_add(F.transpose(F.tile(squared, [frames, 1]), [1, 0]), hop_length, -1)
    start = n_fft // 2 if center else 0
    if length is None:
        if center:
            stop = out.shape[-1] - n_fft // 2
            out = out[:, start:stop]
            envelope = envelope[start:stop]
    else:
        out = out[:, start:start + length]
        envelope = envelope[start:start + length]
    if F.min(F.abs(envelope)) < 1e-11:
        raise ValueError("Abort istft because Nonzero Overlap Add (NOLA) condition failed. For "
                         "more information about NOLA constraint please see "
                         "`scipy.signal.check_NOLA`(https://docs.scipy.org/doc/scipy/reference/"
                         "generated/scipy.signal.check_NOLA.html).")
    out = out / envelope
    return F.squeeze(out, 0) if rank == 2 else out
