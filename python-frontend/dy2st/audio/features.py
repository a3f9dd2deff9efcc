"""paddle.audio.features: Spectrogram, MelSpectrogram, LogMelSpectrogram and
MFCC layers, with Paddle's arguments, defaults and buffers (fft_window,
fbank_matrix, dct_matrix).

Paddle computes the spectrogram as |stft(x)|^power. The layer frames and
windows its input as paddle.signal.stft does, and takes the real and
imaginary parts as one product of the frames with the cosine and sine rows
of the one-sided DFT, made once with the layer (stft makes its tables at
each call), agreeing with Paddle's FFT to float32 rounding."""
from __future__ import annotations

import math
from typing import Any

from ..eager import functional as F
from ..eager.tensor import Tensor
from ..nn.layer import Layer
from ..signal import padded_window, windowed_frames
from .functional import compute_fbank_matrix, create_dct, get_window, power_to_db

__all__ = ["Spectrogram", "MelSpectrogram", "LogMelSpectrogram", "MFCC"]


def _dft_rows(n_fft: int, dtype: str) -> Tensor:
    """[2 * (n_fft // 2 + 1), n_fft]: the cosine rows of the one-sided DFT,
    then the (negated) sine rows. The angles are reduced modulo n_fft in
    integers before the float64 cos and sin."""
    bins = n_fft // 2 + 1
    k = F.unsqueeze(F.arange(bins, dtype="int64"), 1)
    n = F.unsqueeze(F.arange(n_fft, dtype="int64"), 0)
    angle = F.cast(k * n % n_fft, "float64") * (2.0 * math.pi / n_fft)
    return F.cast(F.concat([F.cos(angle), -F.sin(angle)]), dtype)


class Spectrogram(Layer):
    """|STFT(x)|^power of waveforms [N, T] (or [T]): [N, n_fft // 2 + 1,
    frames]."""

    def __init__(self, n_fft: int = 512, hop_length: int | None = 512,
                 win_length: int | None = None, window: Any = "hann", power: float = 1.0,
                 center: bool = True, pad_mode: str = "reflect", dtype: str = "float32") -> None:
        super().__init__()
        if power <= 0:
            raise ValueError("Power of spectrogram must be > 0.")
        if win_length is None:
            win_length = n_fft
        if not 0 < win_length <= n_fft:
            raise ValueError(f"win_length should be in (0, n_fft({n_fft})], but got {win_length}.")
        if pad_mode not in ("reflect", "constant"):
            raise ValueError(f'pad_mode should be "reflect" or "constant", but got "{pad_mode}".')
        self.power = power
        self.n_fft = n_fft
        self.hop_length = n_fft // 4 if hop_length is None else hop_length
        if self.hop_length <= 0:
            raise ValueError(f"hop_length should be > 0, but got {self.hop_length}.")
        self.win_length = win_length
        self.center = center
        self.pad_mode = pad_mode
        self.fft_window = get_window(window, win_length, fftbins=True, dtype=dtype)
        self.register_buffer("fft_window", self.fft_window)
        self._dft = _dft_rows(n_fft, dtype)

    def forward(self, x: Tensor) -> Tensor:
        squeezed = x.ndim == 1
        if squeezed:
            x = F.unsqueeze(x, 0)
        window = padded_window(self.fft_window, self.win_length, self.n_fft, x.dtype)
        frames = windowed_frames(x, self.n_fft, self.hop_length, window, self.center,
                                 self.pad_mode)
        parts = F.matmul(frames, self._dft, transpose_y=True)
        bins = self.n_fft // 2 + 1
        real, imag = parts[:, :, :bins], parts[:, :, bins:]
        magnitude = F.sqrt(real * real + imag * imag)
        out = F.transpose(F.pow(magnitude, self.power), [0, 2, 1])
        return F.squeeze(out, 0) if squeezed else out


class MelSpectrogram(Layer):
    """fbank_matrix @ Spectrogram(x): [N, n_mels, frames]."""

    def __init__(self, sr: int = 22050, n_fft: int = 2048, hop_length: int | None = 512,
                 win_length: int | None = None, window: Any = "hann", power: float = 2.0,
                 center: bool = True, pad_mode: str = "reflect", n_mels: int = 64,
                 f_min: float = 50.0, f_max: float | None = None, htk: bool = False,
                 norm: Any = "slaney", dtype: str = "float32") -> None:
        super().__init__()
        self._spectrogram = Spectrogram(n_fft=n_fft, hop_length=hop_length, win_length=win_length,
                                        window=window, power=power, center=center,
                                        pad_mode=pad_mode, dtype=dtype)
        self.n_mels = n_mels
        self.f_min = f_min
        self.f_max = f_max
        self.htk = htk
        self.norm = norm
        self.fbank_matrix = compute_fbank_matrix(
            sr=sr, n_fft=n_fft, n_mels=n_mels, f_min=f_min,
            f_max=sr // 2 if f_max is None else f_max, htk=htk, norm=norm, dtype=dtype)
        self.register_buffer("fbank_matrix", self.fbank_matrix)

    def forward(self, x: Tensor) -> Tensor:
        return F.matmul(self.fbank_matrix, self._spectrogram(x))


class LogMelSpectrogram(Layer):
    """power_to_db(MelSpectrogram(x)): [N, n_mels, frames]."""

    def __init__(self, sr: int = 22050, n_fft: int = 512, hop_length: int | None = None,
                 win_length: int | None = None, window: Any = "hann", power: float = 2.0,
                 center: bool = True, pad_mode: str = "reflect", n_mels: int = 64,
                 f_min: float = 50.0, f_max: float | None = None, htk: bool = False,
                 norm: Any = "slaney", ref_value: float = 1.0, amin: float = 1e-10,
                 top_db: float | None = None, dtype: str = "float32") -> None:
        super().__init__()
        self._melspectrogram = MelSpectrogram(
            sr=sr, n_fft=n_fft, hop_length=hop_length, win_length=win_length, window=window,
            power=power, center=center, pad_mode=pad_mode, n_mels=n_mels, f_min=f_min,
            f_max=f_max, htk=htk, norm=norm, dtype=dtype)
        self.ref_value = ref_value
        self.amin = amin
        self.top_db = top_db

    def forward(self, x: Tensor) -> Tensor:
        return power_to_db(self._melspectrogram(x), ref_value=self.ref_value, amin=self.amin,
                           top_db=self.top_db)


class MFCC(Layer):
    """The DCT of LogMelSpectrogram(x): [N, n_mfcc, frames]."""

    def __init__(self, sr: int = 22050, n_mfcc: int = 40, n_fft: int = 512,
                 hop_length: int | None = None, win_length: int | None = None,
                 window: Any = "hann", power: float = 2.0, center: bool = True,
                 pad_mode: str = "reflect", n_mels: int = 64, f_min: float = 50.0,
                 f_max: float | None = None, htk: bool = False, norm: Any = "slaney",
                 ref_value: float = 1.0, amin: float = 1e-10, top_db: float | None = None,
                 dtype: str = "float32") -> None:
        super().__init__()
        if n_mfcc > n_mels:
            raise ValueError(f"n_mfcc cannot be larger than n_mels: {n_mfcc} vs {n_mels}")
        self._log_melspectrogram = LogMelSpectrogram(
            sr=sr, n_fft=n_fft, hop_length=hop_length, win_length=win_length, window=window,
            power=power, center=center, pad_mode=pad_mode, n_mels=n_mels, f_min=f_min,
            f_max=f_max, htk=htk, norm=norm, ref_value=ref_value, amin=amin, top_db=top_db,
            dtype=dtype)
        self.dct_matrix = create_dct(n_mfcc=n_mfcc, n_mels=n_mels, dtype=dtype)
        self.register_buffer("dct_matrix", self.dct_matrix)

    def forward(self, x: Tensor) -> Tensor:
        log_mel = self._log_melspectrogram(x)
        return F.transpose(F.matmul(F.transpose(log_mel, [0, 2, 1]), self.dct_matrix), [0, 2, 1])
