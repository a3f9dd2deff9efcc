"""The dy2st functions under their Paddle names: the primitives of the op table
(primitives.py, eager numpy kernels the compiler lowers natively) and the
composites written over them (composites.py)."""
from . import tensor
from .composites import COMPOSITES
from .primitives import KERNELS, NAME_OF

globals().update(KERNELS)
globals().update(COMPOSITES)

# Names Paddle also accepts.
mod = KERNELS["remainder"]
floor_mod = KERNELS["remainder"]
negative = KERNELS["neg"]

__all__ = sorted(set(KERNELS) | set(COMPOSITES) | {"mod", "floor_mod", "negative"})
"""The operations, under their Paddle names (`from dy2st.eager.functional import *`)."""

LIBRARY = NAME_OF
"""{eager function: primitive name}: calls of these become `pydy.lib_call`."""

# Tensor methods: the function of the same name with the tensor first.
TENSOR_METHODS = {name: fn for name, fn in {**KERNELS, **COMPOSITES}.items()
                  if name not in ("zeros", "ones", "full", "arange", "to_tensor", "eye",
                                  "linspace", "where")}
TENSOR_METHODS["astype"] = KERNELS["cast"]
TENSOR_METHODS["mod"] = KERNELS["remainder"]
tensor.METHODS.update(TENSOR_METHODS)
