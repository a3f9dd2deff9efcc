"""The signature of a compiled function, as data: one entry per argument of
the entry function, which the native compiler turns into the entry's
`pydy.signature` attribute (no MLIR text on the way):

    ("tensor", dtype, dims)   a tensor; None in dims is a dimension of any size
    ("number", dtype)         a Python number passed at run time
    ("bool" | "int" | "float" | "str", value), ("none",)
                              a Python value the program is compiled for

and the declared shape and dtype of tensor arguments (Paddle's `InputSpec`)."""
from __future__ import annotations

from typing import Any, Sequence

from ..eager import dtypes
from .pydytext import escape, float_literal

_ELEMENT = {"bool": "i1", "int32": "i32", "int64": "i64", "float32": "f32", "float64": "f64",
            "complex64": "complex<f32>", "complex128": "complex<f64>"}


class InputSpec:
    """The shape and dtype of a compiled function's tensor argument; None in a
    shape is a dimension of any size (compiled once for all sizes)."""

    def __init__(self, shape: Sequence[int | None], dtype: Any = "float32",
                 name: str | None = None) -> None:
        self.shape = [None if d is None or d == -1 else int(d) for d in shape]
        self.dtype = dtypes.as_dtype(dtype)
        self.name = name

    @classmethod
    def from_tensor(cls, tensor: Any, name: str | None = None) -> InputSpec:
        return cls(tensor.shape, tensor.dtype, name)

    def signature_entry(self) -> tuple[str, str, tuple[int | None, ...]]:
        return ("tensor", str(self.dtype), tuple(self.shape))

    def accepts(self, tensor: Any) -> bool:
        """Whether `tensor` has this dtype and shape (None: any size)."""
        return tensor.dtype == self.dtype and len(tensor.shape) == len(self.shape) and \
            all(d is None or d == n for d, n in zip(self.shape, tensor.shape))

    def mlir_type(self) -> str:
        """The tensor type (the importer's declared argument type, and the
        saved model's `input_types`)."""
        return describe(self.signature_entry())

    def __repr__(self):
        return f"InputSpec(shape={self.shape}, dtype={self.dtype!r}, name={self.name!r})"


def number_entry(value):
    """The entry of a Python number passed at run time (not compiled for its
    value): an attribute a layer's forward assigns."""
    return ("number", "bool" if isinstance(value, bool) else
            "int64" if isinstance(value, int) else "float64")


def value_entry(value):
    """The entry of a Python value the program is compiled for."""
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, int):
        if not -2**63 <= value < 2**63:
            raise OverflowError(f"the integer {value} does not fit in 64 bits")
        return ("int", value)
    if isinstance(value, float):
        return ("float", value)
    if value is None:
        return ("none",)
    if isinstance(value, str):
        return ("str", value)
    raise TypeError(f"a compiled function takes tensors, Python numbers, strings, None and "
                    f"lists, tuples and dicts of them, not {type(value).__name__}")


def describe(entry):
    """The entry as pydy-specialize's `signature` option spells it: what
    `dy2st-opt` replays, and what the translator's log shows."""
    kind = entry[0]
    if kind == "tensor":
        dims = "x".join("?" if d is None else str(d) for d in entry[2])
        return f"tensor<{dims + 'x' if dims else ''}{_ELEMENT[entry[1]]}>"
    if kind == "number":
        return _ELEMENT[entry[1]]
    if kind == "bool":
        return "true" if entry[1] else "false"
    if kind == "int":
        return f"{entry[1]} : i64"
    if kind == "float":
        return float_literal(entry[1])
    if kind == "str":
        return f'"{escape(entry[1])}"'
    return "unit"
