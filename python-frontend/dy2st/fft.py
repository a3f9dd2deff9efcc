"""paddle.fft: discrete Fourier transforms of real and complex tensors along
one or more axes, with Paddle's arguments, checks and dtypes (float32 input
gives complex64, float64 complex128, ints the default float's), written
once for eager and compiled code, for lengths known only at run time too.

Each axis is one `fft_c2c` primitive over rows (the axis moved last): an
FFT in double precision, numpy's eagerly and the runtime's in compiled code
(lib/Runtime/Fft.cpp); real signals are transformed as complex ones of
imaginary part 0 and one-sided spectra as their Hermitian whole."""
from __future__ import annotations

import math

from .eager import functional as F
from .eager.dtypes import default_float
from .eager.tensor import Tensor

__all__ = ["fft", "ifft", "rfft", "irfft", "hfft", "ihfft", "fft2", "ifft2", "rfft2", "irfft2",
           "hfft2", "ihfft2", "fftn", "ifftn", "rfftn", "irfftn", "hfftn", "ihfftn", "fftfreq",
           "rfftfreq", "fftshift", "ifftshift"]

_NORMS = ("forward", "backward", "ortho")


def _check_norm(norm: str) -> None:
    if norm not in _NORMS:
        raise ValueError(f"Unexpected norm: {norm}. Norm should be forward, backward or ortho")


def _check_n(n) -> None:
    if not isinstance(n, int):
        raise ValueError(f"Invalid FFT argument n({n}), it should be an integer.")
    if n <= 0:
        raise ValueError(f"Invalid FFT argument n({n}), it should be positive.")


def _check_axis(x: Tensor, axis) -> None:
    if not isinstance(axis, int):
        raise ValueError(f"Invalid FFT axis ({axis}), it should be an integer.")
    if axis < -x.ndim or axis >= x.ndim:
        raise ValueError(f"Invalid FFT axis ({axis}), it should be in range "
                         f"[-{x.ndim}, {x.ndim})")


def _check_shape(x: Tensor, s) -> None:
    if not isinstance(s, (list, tuple)):
        raise ValueError(f"Invalid FFT argument s({s}), it should be a sequence of integers.")
    if len(s) > x.ndim:
        raise ValueError("Length of FFT argument s should not be larger than the rank of input. "
                         f"Received s: {s}, rank of x: {x.ndim}")
    for size in s:
        if not isinstance(size, int) or size <= 0:
            raise ValueError(f"FFT sizes {s} contains invalid value ({size})")


def _check_axes(x: Tensor, axes) -> None:
    if not isinstance(axes, (list, tuple)):
        raise ValueError(f"Invalid FFT axes ({axes}), it should be a sequence of integers.")
    if len(axes) > x.ndim:
        raise ValueError("Length of fft axes should not be larger than the rank of input. "
                         f"Received, len of axes: {len(axes)}, rank of x: {x.ndim}")
    for axis in axes:
        if not isinstance(axis, int) or axis < -x.ndim or axis >= x.ndim:
            raise ValueError(f"FFT axes {axes} contains invalid value ({axis}), it should be in "
                             f"range [-{x.ndim}, {x.ndim})")


def _resized(x: Tensor, sizes, axes) -> Tensor:
    """x cropped or padded with zeros at the end to `sizes` along `axes`."""
    for size, axis in zip(sizes, axes):
        length = x.shape[axis]
        if length > size:
            x = F.slice(x, [axis], [0], [size])
        elif length < size:
            widths = [0] * (2 * x.ndim)
            widths[2 * axis + 1] = size - length
            x = F.pad(x, widths)
    return x


def _real_dtype(x: Tensor) -> str:
    """The float dtype a transform of x computes in."""
    if x.dtype == "float64" or x.dtype == "complex128":
        return "float64"
    if x.dtype == "float32" or x.dtype == "complex64":
        return "float32"
    return default_float()


def _scale(n, norm: str, forward: bool):
    """The factor of a transform of n points in direction `forward`."""
    if norm == "ortho":
        return 1.0 / math.sqrt(n)
    if (norm == "forward") == forward:
        return 1.0 / n
    return 1.0


def _last_first(x: Tensor, axis: int):
    """x with `axis` moved last, and the permutation that moves it back."""
    order = [a for a in range(x.ndim) if a != axis] + [axis]
    back = list(range(axis)) + [x.ndim - 1] + list(range(axis, x.ndim - 1))
    return F.transpose(x, order), back


def _scaled(part: Tensor, factor) -> Tensor:
    return part if factor == 1.0 else part * factor


def _c2c(x: Tensor, axis: int, norm: str, forward: bool) -> Tensor:
    """The complex transform of complex x along `axis`."""
    n = x.shape[axis]
    moved, back = _last_first(x, axis)
    return F.transpose(_scaled(F.fft_c2c(moved, forward), _scale(n, norm, forward)), back)


def _half_length(moved: Tensor, n: int, forward: bool) -> Tensor:
    """The n // 2 + 1 bins of real rows of an even length n known when
    compiling, from one complex transform of n / 2 points: z = even points +
    i odd points, Z its transform; the even points' transform is E = (Z[k] +
    conj Z[-k]) / 2, the odd ones' O = (Z[k] - conj Z[-k]) / 2i, and the
    bins E[k] + w^k O[k] (w = exp(-+2 pi i / n))."""
    half = n // 2
    spectrum = F.fft_c2c(F.complex(moved[..., 0::2], moved[..., 1::2]), forward)
    ahead = F.concat([spectrum, spectrum[..., :1]], axis=-1)
    mirrored = F.conj(F.concat([spectrum[..., :1], F.flip(spectrum[..., 1:], [-1]),
                                spectrum[..., :1]], axis=-1))
    even = (ahead + mirrored) * 0.5
    odd = ahead - mirrored
    odd = F.complex(F.imag(odd), -F.real(odd)) * 0.5
    angle = F.arange(half + 1, dtype="float64") * ((-2.0 if forward else 2.0) * math.pi / n)
    dtype = F.real(ahead).dtype
    twiddles = F.complex(F.cast(F.cos(angle), dtype), F.cast(F.sin(angle), dtype))
    return even + twiddles * odd


def _r2c(x: Tensor, axis: int, norm: str, forward: bool, onesided: bool) -> Tensor:
    """The transform of real x along `axis`: n // 2 + 1 bins if `onesided`
    (of an even length known when compiling, from half as many points)."""
    n = x.shape[axis]
    moved, back = _last_first(x, axis)
    if onesided and isinstance(n, int) and n % 2 == 0:
        out = _half_length(moved, n, forward)
    else:
        out = F.fft_c2c(F.complex(moved, F.zeros_like(moved)), forward)
        if onesided:
            out = out[..., :n // 2 + 1]
    return F.transpose(_scaled(out, _scale(n, norm, forward)), back)


def _real_from_half_length(moved: Tensor, n: int, forward: bool) -> Tensor:
    """The real rows of an even length n whose
    one-sided spectra are `moved` (n / 2 + 1 bins, of the first and the last
    only the real parts count), from one complex transform of n / 2 points:
    with X[k + n/2] = conj X[n/2 - k], the even points are the transform of
    A[k] = X[k] + X[k + n/2], the odd ones that of B[k] = (X[k] - X[k +
    n/2]) w^k (w = exp(+-2 pi i / n)), both real: z = transform(A + i B)
    holds them as its real and imaginary parts."""
    half = n // 2
    edges = F.real(F.concat([moved[..., :1], moved[..., half:half + 1]], axis=-1))
    edges = F.complex(edges, F.zeros_like(edges))
    bins = F.concat([edges[..., :1], moved[..., 1:half], edges[..., 1:]], axis=-1)
    ahead = bins[..., :half]
    behind = F.conj(F.flip(bins[..., 1:], [-1]))
    angle = F.arange(half, dtype="float64") * ((-2.0 if forward else 2.0) * math.pi / n)
    dtype = F.real(ahead).dtype
    twiddles = F.complex(F.cast(F.cos(angle), dtype), F.cast(F.sin(angle), dtype))
    sums, differences = ahead + behind, (ahead - behind) * twiddles
    packed = sums + F.complex(-F.imag(differences), F.real(differences))
    points = F.fft_c2c(packed, forward)
    pairs = F.stack([F.real(points), F.imag(points)], axis=-1)
    return F.reshape(pairs, list(pairs.shape[:-2]) + [n])


def _c2r(x: Tensor, axis: int, norm: str, forward: bool, n) -> Tensor:
    """The real signal of n points whose one-sided spectrum along `axis` is
    x (n // 2 + 1 bins): the transform of the whole spectrum, each bin but
    the first (and the middle one of an even n) mirrored as its conjugate;
    of the first and the middle bins only the real parts count (an even n:
    from half as many points)."""
    moved, back = _last_first(x, axis)
    if isinstance(n, int) and n % 2 == 0:
        out = _real_from_half_length(moved, n, forward)
    else:
        mirrored = F.conj(F.flip(moved[..., 1:(n + 1) // 2], [-1]))
        whole = F.concat([moved, mirrored], axis=-1)
        out = F.real(F.fft_c2c(whole, forward))
    return F.transpose(_scaled(out, _scale(n, norm, forward)), back)


def _as_complex(x: Tensor) -> Tensor:
    if F.is_complex(x):
        return x
    dtype = _real_dtype(x)
    return F.complex(F.cast(x, dtype), F.zeros_like(x, dtype=dtype))


def _as_real(x: Tensor) -> Tensor:
    if F.is_complex(x):
        raise TypeError(f"a real transform takes a real tensor, not {x.dtype}")
    return F.cast(x, _real_dtype(x))


def _one_axis(x: Tensor, n, axis: int, norm: str, halved: bool = False):
    """The checked axis (>= 0) and x resized to n points along it (n // 2 +
    1 where `halved`)."""
    _check_norm(norm)
    _check_axis(x, axis)
    axis = axis % x.ndim
    if n is not None:
        _check_n(n)
        x = _resized(x, [n // 2 + 1 if halved else n], [axis])
    return x, axis


def _c2c_1d(x, n, axis, norm, forward):
    x, axis = _one_axis(_as_complex(x), n, axis, norm)
    return _c2c(x, axis, norm, forward)


def _r2c_1d(x, n, axis, norm, forward, onesided):
    x, axis = _one_axis(_as_real(x), n, axis, norm)
    return _r2c(x, axis, norm, forward, onesided)


def _c2r_1d(x, n, axis, norm, forward):
    x, axis = _one_axis(_as_complex(x), n, axis, norm, halved=True)
    return _c2r(x, axis, norm, forward, 2 * (x.shape[axis] - 1) if n is None else n)


def fft(x: Tensor, n: int | None = None, axis: int = -1, norm: str = "backward",
        name: str | None = None) -> Tensor:
    """The one-dimensional DFT along `axis` (cropped or padded to n points)."""
    if F.is_complex(x):
        return _c2c_1d(x, n, axis, norm, True)
    return _r2c_1d(x, n, axis, norm, True, False)


def ifft(x: Tensor, n: int | None = None, axis: int = -1, norm: str = "backward",
         name: str | None = None) -> Tensor:
    """The inverse of `fft`."""
    if F.is_complex(x):
        return _c2c_1d(x, n, axis, norm, False)
    return _r2c_1d(x, n, axis, norm, False, False)


def rfft(x: Tensor, n: int | None = None, axis: int = -1, norm: str = "backward",
         name: str | None = None) -> Tensor:
    """The DFT of a real signal: its n // 2 + 1 non-negative frequencies."""
    return _r2c_1d(x, n, axis, norm, True, True)


def irfft(x: Tensor, n: int | None = None, axis: int = -1, norm: str = "backward",
          name: str | None = None) -> Tensor:
    """The real signal of n points (2 * (bins - 1) by default) of a one-sided spectrum."""
    return _c2r_1d(x, n, axis, norm, False)


def hfft(x: Tensor, n: int | None = None, axis: int = -1, norm: str = "backward",
         name: str | None = None) -> Tensor:
    """The (real) DFT of a signal with Hermitian symmetry, given its first half."""
    return _c2r_1d(x, n, axis, norm, True)


def ihfft(x: Tensor, n: int | None = None, axis: int = -1, norm: str = "backward",
          name: str | None = None) -> Tensor:
    """The inverse of `hfft`: the first n // 2 + 1 bins of a real signal's inverse DFT."""
    return _r2c_1d(x, n, axis, norm, False, True)


def _many_axes(x: Tensor, s, axes, norm: str, sort_all: bool):
    """The checked axes (>= 0; sorted, or all but the last sorted) and
    their sizes, x resized to them."""
    _check_norm(norm)
    if s is not None:
        _check_shape(x, s)
    if axes is None:
        count = x.ndim if s is None else len(s)
        axes = list(range(x.ndim - count, x.ndim))
    else:
        _check_axes(x, axes)
        axes = [a % x.ndim for a in axes]
        if s is not None and len(s) != len(axes):
            raise ValueError(f"Length of s ({len(s)}) and length of axes ({len(axes)}) does "
                             "not match.")
        keep = len(axes) if sort_all else len(axes) - 1
        order = [i for _, i in sorted((a, i) for i, a in enumerate(axes[:keep]))]
        order += list(range(keep, len(axes)))
        axes = [axes[i] for i in order]
        s = None if s is None else [s[i] for i in order]
    return axes, s


def _c2c_nd(x, s, axes, norm, forward):
    x = _as_complex(x)
    axes, s = _many_axes(x, s, axes, norm, True)
    if s is not None:
        x = _resized(x, s, axes)
    for axis in axes:
        x = _c2c(x, axis, norm, forward)
    return x


def _r2c_nd(x, s, axes, norm, forward, onesided):
    x = _as_real(x)
    axes, s = _many_axes(x, s, axes, norm, False)
    if s is not None:
        x = _resized(x, s, axes)
    if not axes:
        return _as_complex(x)
    x = _r2c(x, axes[-1], norm, forward, onesided)
    for axis in axes[:-1]:
        x = _c2c(x, axis, norm, forward)
    return x


def _c2r_nd(x, s, axes, norm, forward):
    x = _as_complex(x)
    axes, s = _many_axes(x, s, axes, norm, False)
    if s is not None:
        x = _resized(x, list(s[:-1]) + [s[-1] // 2 + 1], axes)
    if not axes:
        return F.real(x)
    for axis in axes[:-1]:
        x = _c2c(x, axis, norm, forward)
    last = axes[-1]
    return _c2r(x, last, norm, forward, 2 * (x.shape[last] - 1) if s is None else s[-1])


def fftn(x: Tensor, s=None, axes=None, norm: str = "backward", name: str | None = None) -> Tensor:
    """The DFT over `axes` (all by default; the last len(s) when s is given)."""
    if F.is_complex(x):
        return _c2c_nd(x, s, axes, norm, True)
    return _r2c_nd(x, s, axes, norm, True, False)


def ifftn(x: Tensor, s=None, axes=None, norm: str = "backward", name: str | None = None) -> Tensor:
    """The inverse of `fftn`."""
    if F.is_complex(x):
        return _c2c_nd(x, s, axes, norm, False)
    return _r2c_nd(x, s, axes, norm, False, False)


def rfftn(x: Tensor, s=None, axes=None, norm: str = "backward", name: str | None = None) -> Tensor:
    """The DFT of a real tensor over `axes`, the last one-sided."""
    return _r2c_nd(x, s, axes, norm, True, True)


def irfftn(x: Tensor, s=None, axes=None, norm: str = "backward",
           name: str | None = None) -> Tensor:
    """The inverse of `rfftn`: a real tensor."""
    return _c2r_nd(x, s, axes, norm, False)


def hfftn(x: Tensor, s=None, axes=None, norm: str = "backward", name: str | None = None) -> Tensor:
    """The n-dimensional `hfft`."""
    return _c2r_nd(x, s, axes, norm, True)


def ihfftn(x: Tensor, s=None, axes=None, norm: str = "backward",
           name: str | None = None) -> Tensor:
    """The n-dimensional `ihfft`."""
    return _r2c_nd(x, s, axes, norm, False, True)


def _check_2d(x: Tensor, s, axes) -> None:
    if x.ndim < 2:
        raise ValueError(f"The rank of the input ({x.ndim}) should >= 2")
    if s is not None and (not isinstance(s, (list, tuple)) or len(s) != 2):
        raise ValueError(f"Invalid FFT argument s ({s}), it should be a sequence of 2 integers.")
    if axes is not None and (not isinstance(axes, (list, tuple)) or len(axes) != 2):
        raise ValueError(f"Invalid FFT argument axes ({axes}), it should be a sequence of 2 "
                         "integers.")


def fft2(x: Tensor, s=None, axes=(-2, -1), norm: str = "backward",
         name: str | None = None) -> Tensor:
    """`fftn` over two axes (the last two by default)."""
    _check_2d(x, s, axes)
    return fftn(x, s, axes, norm)


def ifft2(x: Tensor, s=None, axes=(-2, -1), norm: str = "backward",
          name: str | None = None) -> Tensor:
    """`ifftn` over two axes."""
    _check_2d(x, s, axes)
    return ifftn(x, s, axes, norm)


def rfft2(x: Tensor, s=None, axes=(-2, -1), norm: str = "backward",
          name: str | None = None) -> Tensor:
    """`rfftn` over two axes."""
    _check_2d(x, s, axes)
    return rfftn(x, s, axes, norm)


def irfft2(x: Tensor, s=None, axes=(-2, -1), norm: str = "backward",
           name: str | None = None) -> Tensor:
    """`irfftn` over two axes."""
    _check_2d(x, s, axes)
    return irfftn(x, s, axes, norm)


def hfft2(x: Tensor, s=None, axes=(-2, -1), norm: str = "backward",
          name: str | None = None) -> Tensor:
    """`hfftn` over two axes."""
    _check_2d(x, s, axes)
    return hfftn(x, s, axes, norm)


def ihfft2(x: Tensor, s=None, axes=(-2, -1), norm: str = "backward",
           name: str | None = None) -> Tensor:
    """`ihfftn` over two axes."""
    _check_2d(x, s, axes)
    return ihfftn(x, s, axes, norm)


def fftfreq(n: int, d: float = 1.0, dtype=None, name: str | None = None) -> Tensor:
    """The frequencies of an n-point DFT's bins, for samples d apart."""
    if d * n == 0:
        raise ValueError("d or n should not be 0.")
    dtype = default_float() if dtype is None else dtype
    indices = F.roll(F.arange(-(n // 2), (n + 1) // 2, dtype=dtype), -(n // 2))
    return indices * (1.0 / (n * d))


def rfftfreq(n: int, d: float = 1.0, dtype=None, name: str | None = None) -> Tensor:
    """The frequencies of an n-point `rfft`'s bins."""
    if d * n == 0:
        raise ValueError("d or n should not be 0.")
    dtype = default_float() if dtype is None else dtype
    return F.arange(0, 1 + n // 2, dtype=dtype) * (1.0 / (n * d))


def _shifted(x: Tensor, axes, half) -> Tensor:
    if axes is None:
        axes = list(range(x.ndim))
    elif isinstance(axes, int):
        return F.roll(x, half(x.shape[axes]), axes)
    return F.roll(x, [half(x.shape[a]) for a in axes], list(axes))


def fftshift(x: Tensor, axes=None, name: str | None = None) -> Tensor:
    """x rolled by half its length along `axes` (all by default): the zero
    frequency in the middle."""
    return _shifted(x, axes, lambda size: size // 2)


def ifftshift(x: Tensor, axes=None, name: str | None = None) -> Tensor:
    """The inverse of `fftshift`."""
    return _shifted(x, axes, lambda size: (size + 1) // 2)
