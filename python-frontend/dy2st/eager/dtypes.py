"""The dtypes of dy2st tensors and the typing rules shared with the compiler.

The rules mirror lib/Dialect/Pydy/Transforms/TypeRules.cpp: eager mode is the
specification, and compiled code must compute in the same dtypes.
"""
from __future__ import annotations

import numpy as np


class DType(str):
    """A tensor dtype. It compares equal to its name, so `x.dtype == "float32"`
    and `x.dtype == dy2st.float32` both work, in eager and compiled code."""

    def __repr__(self):
        return f"paddle.{str(self)}"

    @property
    def numpy(self) -> np.dtype:
        return np.dtype(_NUMPY_NAMES[str(self)])


_NUMPY_NAMES = {"bool": "bool", "int32": "int32", "int64": "int64",
                "float32": "float32", "float64": "float64",
                "complex64": "complex64", "complex128": "complex128"}
# NumPy's other names of them, which Paddle takes too (x.astype("float") is
# float64); DType.cpp's dtypeFromSpelling holds the same for compiled code.
_NUMPY_SPELLINGS = {"float": "float64", "double": "float64", "int": "int64", "long": "int64"}

bool_ = DType("bool")
int32 = DType("int32")
int64 = DType("int64")
float32 = DType("float32")
float64 = DType("float64")
complex64 = DType("complex64")
complex128 = DType("complex128")
ALL = (bool_, int32, int64, float32, float64, complex64, complex128)
# Named so that code comparing or choosing dtypes (`x.dtype == paddle.float16`
# under AMP, `paddle.finfo(paddle.float16)`) runs; dy2st's tensors hold none
# of them (as_dtype: a TypeError).
float16 = DType("float16")
bfloat16 = DType("bfloat16")
int8 = DType("int8")
uint8 = DType("uint8")
int16 = DType("int16")
# The dtype of new float tensors and parameters (paddle.set_default_dtype):
# float32 or float64, the one item of a list that set_default_float changes
# (compiled code made under another one is converted again:
# StaticFunction._current).
_DEFAULT_FLOAT = [float32]


def default_float() -> DType:
    """The dtype float tensors are made in where no dtype is given."""
    return _DEFAULT_FLOAT[0]


def set_default_float(dtype) -> None:
    """Makes `dtype` (float32 or float64; Paddle's float16 and bfloat16 are
    dtypes dy2st's tensors do not hold) the default float dtype."""
    name = str(dtype).replace("paddle.", "")
    if name in ("float16", "bfloat16"):
        raise ValueError(f"set_default_dtype({dtype!r}): dy2st's tensors hold float32 and "
                         "float64, not " + name)
    try:
        chosen = as_dtype(dtype)
    except TypeError:
        chosen = None
    if chosen not in (float32, float64):
        raise TypeError("set_default_dtype only supports [float16, float32, float64], "
                        f"but received {dtype!r}")
    _DEFAULT_FLOAT[0] = float32 if chosen == float32 else float64


# Read on every call of compiled code (each tensor's dtype): a dict lookup,
# where naming a numpy dtype (str()) costs microseconds.
_BY_NUMPY = {np.dtype(str(d)): d for d in ALL}


def as_dtype(dtype):
    """A DType from a DType, a name or a numpy dtype; TypeError otherwise."""
    if isinstance(dtype, DType) and dtype in _NUMPY_NAMES:
        return dtype
    if isinstance(dtype, np.dtype) and dtype in _BY_NUMPY:
        return _BY_NUMPY[dtype]
    if dtype is bool:
        return bool_
    if dtype is int:
        return int64
    if dtype is float:
        return float64  # NumPy's (and so Paddle's) float: x.astype(float) is float64
    name = str(np.dtype(dtype)) if not isinstance(dtype, str) else dtype
    if name in _NUMPY_NAMES:
        return DType(name)
    if isinstance(dtype, str) and dtype in _NUMPY_SPELLINGS:
        return DType(_NUMPY_SPELLINGS[dtype])
    raise TypeError(f"dy2st supports the dtypes bool, int32, int64, float32, float64, "
                    f"complex64 and complex128, not {dtype!r}")


def _rank(dtype):
    """bool < ints by width < floats by width < complex by width, as in
    TypeRules.cpp."""
    d = np.dtype(dtype)
    if d == np.bool_:
        return 0
    if d.kind == "i":
        return 1 + d.itemsize
    if d.kind == "c":
        return 200 + 4 * d.itemsize
    return 100 + 8 * d.itemsize


def complex_of(dtype) -> np.dtype:
    """The complex dtype of a float dtype's precision: float64 -> complex128,
    the others (float32, ints, bool) -> complex64."""
    d = np.dtype(dtype)
    if d.kind == "c":
        return d
    return np.dtype(np.complex128 if d == np.float64 else np.complex64)


def _python_dtype(value):
    if isinstance(value, bool):
        return np.dtype(np.bool_)
    if isinstance(value, int):
        return np.dtype(np.int64)
    if isinstance(value, complex):
        return np.dtype(np.complex128)
    return np.dtype(np.float64)


def promote(lhs, rhs):
    """The dtype two operands compute in. Each is (dtype, is_tensor)."""
    (ld, lt), (rd, rt) = lhs, rhs
    if lt == rt:
        wider = ld if _rank(ld) >= _rank(rd) else rd
        # A complex with a float64 takes float64's precision (Paddle's).
        if wider.kind == "c" and np.float64 in (ld, rd):
            return np.dtype(np.complex128)
        return wider
    tensor, scalar = (ld, rd) if lt else (rd, ld)
    if scalar == np.complex128:
        return complex_of(tensor)
    if scalar == np.float64 and tensor.kind not in "fc":
        return np.dtype(np.float32)
    if scalar == np.int64 and tensor == np.bool_:
        return np.dtype(np.int64)
    return tensor


def arithmetic_dtype(op, lhs, rhs):
    """The dtype of `lhs op rhs` for an arithmetic operator name."""
    compute = promote(lhs, rhs)
    if compute == np.bool_:
        compute = np.dtype(np.int64)
    if op == "div" and compute.kind not in "fc":
        compute = np.dtype(np.float32)
    return compute
