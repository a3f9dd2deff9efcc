"""paddle.audio.functional: mel scales, filter banks, decibels, the DCT
matrix and windows, written as Paddle writes them over the tensor
operations (so they run eagerly and in compiled code, in the dtype asked)."""
from __future__ import annotations

import math
from typing import Any

from ..eager import functional as F
from ..eager.tensor import Tensor
from ..nn.functional import normalize
from .window import get_window

__all__ = ["compute_fbank_matrix", "create_dct", "fft_frequencies", "hz_to_mel",
           "mel_frequencies", "mel_to_hz", "power_to_db", "get_window"]

# Slaney's mel scale: linear below 1 kHz, logarithmic above.
_F_SP = 200.0 / 3
_MIN_LOG_HZ = 1000.0
_MIN_LOG_MEL = _MIN_LOG_HZ / _F_SP
_LOGSTEP = math.log(6.4) / 27.0


def hz_to_mel(freq: Any, htk: bool = False) -> Any:
    """Mels of `freq` Hz (a tensor or a number): HTK's 2595 log10(1 + f/700),
    else Slaney's."""
    if htk:
        if isinstance(freq, Tensor):
            return 2595.0 * F.log10(1.0 + freq / 700.0)
        return 2595.0 * math.log10(1.0 + freq / 700.0)
    mels = freq / _F_SP
    if isinstance(freq, Tensor):
        target = _MIN_LOG_MEL + F.log(freq / _MIN_LOG_HZ + 1e-10) / _LOGSTEP
        mask = F.cast(freq > _MIN_LOG_HZ, freq.dtype)
        return target * mask + mels * (1 - mask)
    if freq >= _MIN_LOG_HZ:
        mels = _MIN_LOG_MEL + math.log(freq / _MIN_LOG_HZ + 1e-10) / _LOGSTEP
    return mels


def mel_to_hz(mel: Any, htk: bool = False) -> Any:
    """Hz of `mel` mels: the inverse of hz_to_mel."""
    if htk:
        return 700.0 * (10.0 ** (mel / 2595.0) - 1.0)
    freqs = _F_SP * mel
    if isinstance(mel, Tensor):
        target = _MIN_LOG_HZ * F.exp(_LOGSTEP * (mel - _MIN_LOG_MEL))
        mask = F.cast(mel > _MIN_LOG_MEL, mel.dtype)
        return target * mask + freqs * (1 - mask)
    if mel >= _MIN_LOG_MEL:
        freqs = _MIN_LOG_HZ * math.exp(_LOGSTEP * (mel - _MIN_LOG_MEL))
    return freqs


def mel_frequencies(n_mels: int = 64, f_min: float = 0.0, f_max: float = 11025.0,
                    htk: bool = False, dtype: str = "float32") -> Tensor:
    """`n_mels` frequencies (Hz) evenly spaced in mels from f_min to f_max."""
    mels = F.linspace(hz_to_mel(f_min, htk=htk), hz_to_mel(f_max, htk=htk), n_mels, dtype=dtype)
    return mel_to_hz(mels, htk=htk)


def fft_frequencies(sr: int, n_fft: int, dtype: str = "float32") -> Tensor:
    """The frequencies (Hz) of an `n_fft`-point real FFT's bins."""
    return F.linspace(0, float(sr) / 2, int(1 + n_fft // 2), dtype=dtype)


def compute_fbank_matrix(sr: int, n_fft: int, n_mels: int = 64, f_min: float = 0.0,
                         f_max: float | None = None, htk: bool = False, norm: Any = "slaney",
                         dtype: str = "float32") -> Tensor:
    """[n_mels, n_fft // 2 + 1]: triangular mel filters over the FFT bins;
    'slaney' scales each to unit area, a number p normalizes each row's p-norm."""
    if f_max is None:
        f_max = float(sr) / 2
    fftfreqs = fft_frequencies(sr=sr, n_fft=n_fft, dtype=dtype)
    mel_f = mel_frequencies(n_mels + 2, f_min=f_min, f_max=f_max, htk=htk, dtype=dtype)
    fdiff = mel_f[1:] - mel_f[:-1]
    ramps = F.unsqueeze(mel_f, 1) - F.unsqueeze(fftfreqs, 0)
    lower = -ramps[:n_mels] / F.unsqueeze(fdiff[:n_mels], 1)
    upper = ramps[2:n_mels + 2] / F.unsqueeze(fdiff[1:n_mels + 1], 1)
    weights = F.maximum(F.zeros_like(lower), F.minimum(lower, upper))
    if norm == "slaney":
        enorm = 2.0 / (mel_f[2:n_mels + 2] - mel_f[:n_mels])
        weights = weights * F.unsqueeze(enorm, 1)
    elif isinstance(norm, (int, float)):
        weights = normalize(weights, p=norm, axis=-1)
    return weights


def power_to_db(spect: Tensor, ref_value: float = 1.0, amin: float = 1e-10,
                top_db: float | None = 80.0) -> Tensor:
    """10 log10(max(spect, amin) / ref_value), floored at `top_db` below the
    largest value when given."""
    if amin <= 0:
        raise ValueError("amin must be strictly positive")
    if ref_value <= 0:
        raise ValueError("ref_value must be strictly positive")
    ones = F.ones_like(spect)
    log_spec = 10.0 * F.log10(F.maximum(ones * amin, spect))
    log_spec = log_spec - 10.0 * math.log10(max(ref_value, amin))
    if top_db is not None:
        if top_db < 0:
            raise ValueError("top_db must be non-negative")
        log_spec = F.maximum(log_spec, ones * (F.max(log_spec) - top_db))
    return log_spec


def create_dct(n_mfcc: int, n_mels: int, norm: str | None = "ortho",
               dtype: str = "float32") -> Tensor:
    """[n_mels, n_mfcc]: the DCT-II matrix (orthonormal with 'ortho')."""
    n = F.arange(n_mels, dtype=dtype)
    k = F.unsqueeze(F.arange(n_mfcc, dtype=dtype), 1)
    dct = F.cos(math.pi / float(n_mels) * (n + 0.5) * k)
    if norm is None:
        dct = dct * 2.0
    elif norm == "ortho":
        first = F.concat([F.full([1, 1], 1.0 / math.sqrt(2.0), dtype=dtype),
                          F.ones([n_mfcc - 1, 1], dtype=dtype)])
        dct = dct * first * math.sqrt(2.0 / float(n_mels))
    else:
        raise ValueError(f"create_dct(): norm must be 'ortho' or None, not {norm!r}")
    return F.transpose(dct, [1, 0])
