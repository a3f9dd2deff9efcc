"""The signature of a compiled function: the declared shape and dtype of its
tensor arguments (Paddle's `InputSpec`) and their MLIR types."""
from ..eager import dtypes


class InputSpec:
    """The shape and dtype of a compiled function's tensor argument; None in a
    shape is a dimension of any size (compiled once for all sizes)."""

    def __init__(self, shape, dtype="float32", name=None):
        self.shape = [None if d is None or d == -1 else int(d) for d in shape]
        self.dtype = dtypes.as_dtype(dtype)
        self.name = name

    @classmethod
    def from_tensor(cls, tensor, name=None):
        return cls(tensor.shape, tensor.dtype, name)

    def mlir_type(self):
        dims = "x".join("?" if d is None else str(d) for d in self.shape)
        element = {"bool": "i1", "int32": "i32", "int64": "i64", "float32": "f32",
                   "float64": "f64"}[str(self.dtype)]
        return f"tensor<{dims + 'x' if dims else ''}{element}>"

    def __repr__(self):
        return f"InputSpec(shape={self.shape}, dtype={self.dtype!r}, name={self.name!r})"


def number_mlir_type(value):
    """The signature entry of a Python number passed at run time (not
    compiled for its value): an attribute a layer's forward assigns."""
    return "i1" if isinstance(value, bool) else "i64" if isinstance(value, int) else "f64"
