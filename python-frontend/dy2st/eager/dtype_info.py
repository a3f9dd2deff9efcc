"""paddle.finfo and paddle.iinfo: the limits of a dtype, as Python numbers.

Functions over dtype comparisons returning named tuples, so that compiled
code converts them like any function (`paddle.finfo(x.dtype).min` in an
attention mask: x's dtype is known when compiling, the comparisons fold)."""
from __future__ import annotations

from typing import Any, NamedTuple


class FloatInfo(NamedTuple):
    """The limits of a float dtype: bits, eps, min, max, tiny and
    smallest_normal (the smallest normal number), resolution, and dtype
    (its name)."""
    bits: int
    eps: float
    min: float
    max: float
    tiny: float
    smallest_normal: float
    resolution: float
    dtype: str

    def __repr__(self) -> str:
        return (f"paddle.finfo(min={self.min:g}, max={self.max:g}, eps={self.eps:g}, "
                f"resolution={self.resolution:g}, smallest_normal={self.smallest_normal:g}, "
                f"tiny={self.tiny:g}, bits={self.bits}, dtype={self.dtype})")


class IntInfo(NamedTuple):
    """The limits of an integer dtype: bits, min, max, and dtype (its name)."""
    bits: int
    min: int
    max: int
    dtype: str

    def __repr__(self) -> str:
        return f"paddle.iinfo(min={self.min}, max={self.max}, bits={self.bits}, dtype={self.dtype})"


def finfo(dtype: Any) -> FloatInfo:
    """The limits of a float dtype (dy2st's tensors hold float32 and float64);
    of a complex one, those of its parts (Paddle's)."""
    if dtype == "complex64":
        dtype = "float32"
    elif dtype == "complex128":
        dtype = "float64"
    if dtype == "float32":
        return FloatInfo(32, 1.1920928955078125e-07, -3.4028234663852886e+38,
                         3.4028234663852886e+38, 1.1754943508222875e-38,
                         1.1754943508222875e-38, 1e-06, "float32")
    if dtype == "float64":
        return FloatInfo(64, 2.220446049250313e-16, -1.7976931348623157e+308,
                         1.7976931348623157e+308, 2.2250738585072014e-308,
                         2.2250738585072014e-308, 1e-15, "float64")
    if dtype == "float16":
        return FloatInfo(16, 0.0009765625, -65504.0, 65504.0, 6.103515625e-05, 6.103515625e-05,
                         0.001, "float16")
    if dtype == "bfloat16":
        return FloatInfo(16, 0.0078125, -3.3895313892515355e+38, 3.3895313892515355e+38,
                         1.1754943508222875e-38, 1.1754943508222875e-38, 0.01, "bfloat16")
    raise ValueError("The argument of paddle.finfo can only be a float dtype (float16, "
                     "bfloat16, float32, float64) or a complex one (complex64, complex128)")


def iinfo(dtype: Any) -> IntInfo:
    """The limits of an integer dtype (dy2st's tensors hold int32 and int64)."""
    if dtype == "int32":
        return IntInfo(32, -2147483648, 2147483647, "int32")
    if dtype == "int64":
        return IntInfo(64, -9223372036854775808, 9223372036854775807, "int64")
    if dtype == "int16":
        return IntInfo(16, -32768, 32767, "int16")
    if dtype == "int8":
        return IntInfo(8, -128, 127, "int8")
    if dtype == "uint8":
        return IntInfo(8, 0, 255, "uint8")
    raise ValueError("the argument of paddle.iinfo can only be an integer dtype (uint8, int8, "
                     "int16, int32, int64)")
