"""Composites (see composites.py) of complex tensors over the `complex`,
`real` and `imag` primitives: conj, angle, polar, as_real, as_complex and the
kind tests, written once for eager and compiled code (Paddle's dtypes:
float32 parts for complex64, float64 parts for complex128)."""
from .primitives import KERNELS as _P

atan2 = _P["atan2"]
cast = _P["cast"]
complex = _P["complex"]  # noqa: A001 (Paddle's name)
cos = _P["cos"]
imag = _P["imag"]
neg = _P["neg"]
full_like = _P["full_like"]
ones_like = _P["ones_like"]
real = _P["real"]
sin = _P["sin"]
stack = _P["stack"]
where = _P["where"]
zeros_like = _P["zeros_like"]

_PI = 3.141592653589793


def is_complex(x):
    """Whether x's dtype is complex64 or complex128."""
    return x.dtype == "complex64" or x.dtype == "complex128"


def isreal(x, name=None):
    """Whether each element is real: its imaginary part is 0 (every element
    of a real tensor)."""
    if is_complex(x):
        return imag(x) == 0
    return ones_like(x, dtype="bool")


def conj(x, name=None):
    """The complex conjugate of each element (a real tensor's copy)."""
    if is_complex(x):
        return complex(real(x), neg(imag(x)))
    return cast(x, x.dtype)


def angle(x, name=None):
    """The argument of each element: atan2(imag, real); of a real element
    pi where it is negative, else 0 (-0.0 too), NaN for NaN (Paddle's)."""
    if is_complex(x):
        return atan2(imag(x), real(x))
    if x.dtype != "float32" and x.dtype != "float64":
        x = cast(x, "float32")
    return where(x != x, x, where(x < 0, full_like(x, _PI), zeros_like(x)))


def polar(abs, angle, name=None):  # noqa: A002 (Paddle's names)
    """The complex tensor of magnitudes `abs` and arguments `angle`."""
    return complex(abs * cos(angle), abs * sin(angle))


def as_real(x, name=None):
    """A complex tensor's parts as a last axis of 2: [..., 2]."""
    if not is_complex(x):
        raise TypeError(f"as_real() takes a complex tensor, not {x.dtype}")
    return stack([real(x), imag(x)], axis=-1)


def as_complex(x, name=None):
    """The complex tensor of a float tensor whose last axis (of 2) holds the
    real and imaginary parts."""
    if x.ndim == 0 or x.shape[-1] != 2:
        raise ValueError(f"as_complex() takes a tensor whose last axis has 2 elements, not "
                         f"shape {list(x.shape)}")
    return complex(x[..., 0], x[..., 1])


COMPLEX_COMPOSITES = {fn.__name__: fn for fn in (
    is_complex, isreal, conj, angle, polar, as_real, as_complex)}
