"""Layers over channels and positions: the padding layers (Pad1D/2D/3D and
their Zero-, Constant-, Reflection-, Replication- and Circular- kinds),
PixelShuffle, PixelUnshuffle, ChannelShuffle, LocalResponseNorm, Unflatten."""
from __future__ import annotations

from typing import Sequence

from ..eager import functional as _functional
from ..eager.tensor import Tensor
from . import functional
from .layer import Layer

_FORMATS = {1: "NCL", 2: "NCHW", 3: "NCDHW"}


class _Pad(Layer):
    """Pads the spatial axes of a 1-, 2- or 3-d batch: `padding` an int (all
    sides) or [before, after] per axis, the last axis first (Paddle's)."""

    _dims = 2

    def __init__(self, padding: int | Sequence[int], mode: str = "constant",
                 value: float = 0.0, data_format: str | None = None,
                 name: str | None = None) -> None:
        super().__init__()
        if isinstance(padding, int):
            padding = [padding] * (2 * self._dims)
        self.padding = list(padding)
        self._mode, self.value = mode, value
        self._data_format = data_format or _FORMATS[self._dims]

    def forward(self, x: Tensor) -> Tensor:
        return functional.pad(x, self.padding, mode=self._mode, value=self.value,
                              data_format=self._data_format)


class Pad1D(_Pad):
    _dims = 1

    def __init__(self, padding: int | Sequence[int], mode: str = "constant",
                 value: float = 0.0, data_format: str = "NCL", name: str | None = None) -> None:
        super().__init__(padding, mode, value, data_format)


class Pad2D(_Pad):
    _dims = 2

    def __init__(self, padding: int | Sequence[int], mode: str = "constant",
                 value: float = 0.0, data_format: str = "NCHW", name: str | None = None) -> None:
        super().__init__(padding, mode, value, data_format)


class Pad3D(_Pad):
    _dims = 3

    def __init__(self, padding: int | Sequence[int], mode: str = "constant",
                 value: float = 0.0, data_format: str = "NCDHW",
                 name: str | None = None) -> None:
        super().__init__(padding, mode, value, data_format)


class ZeroPad1D(Pad1D):
    """Pads with zeros."""

    def __init__(self, padding: int | Sequence[int], data_format: str = "NCL",
                 name: str | None = None) -> None:
        super().__init__(padding, "constant", 0.0, data_format)


class ConstantPad1D(Pad1D):
    """Pads with a constant value."""

    def __init__(self, padding: int | Sequence[int], value: float, data_format: str = "NCL",
                 name: str | None = None) -> None:
        super().__init__(padding, "constant", value, data_format)


class ReflectionPad1D(Pad1D):
    """Pads with the reflection of the values inside the border."""

    def __init__(self, padding: int | Sequence[int], data_format: str = "NCL",
                 name: str | None = None) -> None:
        super().__init__(padding, "reflect", 0.0, data_format)


class ReplicationPad1D(Pad1D):
    """Pads with copies of the border's values."""

    def __init__(self, padding: int | Sequence[int], data_format: str = "NCL",
                 name: str | None = None) -> None:
        super().__init__(padding, "replicate", 0.0, data_format)


class CircularPad1D(Pad1D):
    """Pads with the values of the other side."""

    def __init__(self, padding: int | Sequence[int], data_format: str = "NCL",
                 name: str | None = None) -> None:
        super().__init__(padding, "circular", 0.0, data_format)


class ZeroPad2D(Pad2D):
    """Pads with zeros."""

    def __init__(self, padding: int | Sequence[int], data_format: str = "NCHW",
                 name: str | None = None) -> None:
        super().__init__(padding, "constant", 0.0, data_format)


class ConstantPad2D(Pad2D):
    """Pads with a constant value."""

    def __init__(self, padding: int | Sequence[int], value: float, data_format: str = "NCHW",
                 name: str | None = None) -> None:
        super().__init__(padding, "constant", value, data_format)


class ReflectionPad2D(Pad2D):
    """Pads with the reflection of the values inside the border."""

    def __init__(self, padding: int | Sequence[int], data_format: str = "NCHW",
                 name: str | None = None) -> None:
        super().__init__(padding, "reflect", 0.0, data_format)


class ReplicationPad2D(Pad2D):
    """Pads with copies of the border's values."""

    def __init__(self, padding: int | Sequence[int], data_format: str = "NCHW",
                 name: str | None = None) -> None:
        super().__init__(padding, "replicate", 0.0, data_format)


class CircularPad2D(Pad2D):
    """Pads with the values of the other side."""

    def __init__(self, padding: int | Sequence[int], data_format: str = "NCHW",
                 name: str | None = None) -> None:
        super().__init__(padding, "circular", 0.0, data_format)


class ZeroPad3D(Pad3D):
    """Pads with zeros."""

    def __init__(self, padding: int | Sequence[int], data_format: str = "NCDHW",
                 name: str | None = None) -> None:
        super().__init__(padding, "constant", 0.0, data_format)


class ConstantPad3D(Pad3D):
    """Pads with a constant value."""

    def __init__(self, padding: int | Sequence[int], value: float, data_format: str = "NCDHW",
                 name: str | None = None) -> None:
        super().__init__(padding, "constant", value, data_format)


class ReflectionPad3D(Pad3D):
    """Pads with the reflection of the values inside the border."""

    def __init__(self, padding: int | Sequence[int], data_format: str = "NCDHW",
                 name: str | None = None) -> None:
        super().__init__(padding, "reflect", 0.0, data_format)


class ReplicationPad3D(Pad3D):
    """Pads with copies of the border's values."""

    def __init__(self, padding: int | Sequence[int], data_format: str = "NCDHW",
                 name: str | None = None) -> None:
        super().__init__(padding, "replicate", 0.0, data_format)


class CircularPad3D(Pad3D):
    """Pads with the values of the other side."""

    def __init__(self, padding: int | Sequence[int], data_format: str = "NCDHW",
                 name: str | None = None) -> None:
        super().__init__(padding, "circular", 0.0, data_format)


class PixelShuffle(Layer):
    def __init__(self, upscale_factor: int, data_format: str = "NCHW",
                 name: str | None = None) -> None:
        super().__init__()
        self._upscale_factor, self._data_format = upscale_factor, data_format

    def forward(self, x: Tensor) -> Tensor:
        return functional.pixel_shuffle(x, self._upscale_factor, self._data_format)


class PixelUnshuffle(Layer):
    def __init__(self, downscale_factor: int, data_format: str = "NCHW",
                 name: str | None = None) -> None:
        super().__init__()
        self._downscale_factor, self._data_format = downscale_factor, data_format

    def forward(self, x: Tensor) -> Tensor:
        return functional.pixel_unshuffle(x, self._downscale_factor, self._data_format)


class ChannelShuffle(Layer):
    def __init__(self, groups: int, data_format: str = "NCHW", name: str | None = None) -> None:
        super().__init__()
        self._groups, self._data_format = groups, data_format

    def forward(self, x: Tensor) -> Tensor:
        return functional.channel_shuffle(x, self._groups, self._data_format)


class LocalResponseNorm(Layer):
    def __init__(self, size: int, alpha: float = 0.0001, beta: float = 0.75, k: float = 1.0,
                 data_format: str = "NCHW", name: str | None = None) -> None:
        super().__init__()
        self.size, self.alpha, self.beta, self.k = size, alpha, beta, k
        self.data_format = data_format

    def forward(self, x: Tensor) -> Tensor:
        return functional.local_response_norm(x, self.size, self.alpha, self.beta, self.k,
                                              self.data_format)


class Unflatten(Layer):
    def __init__(self, axis: int, shape: Sequence[int], name: str | None = None) -> None:
        super().__init__()
        self.axis, self.shape = axis, list(shape)

    def forward(self, input: Tensor) -> Tensor:
        return _functional.unflatten(input, self.axis, self.shape)
