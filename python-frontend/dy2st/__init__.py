"""dy2st: convert Paddle-style Python functions with dynamic control flow into
static programs compiled with MLIR. `import dy2st as paddle` runs Paddle-style
code: eagerly on numpy, or compiled under `dy2st.jit.to_static`."""
from . import jit, nn, static
from .dtypes import bool_ as bool, float32, float64, int32, int64  # noqa: A001
from .errors import Dy2StError, UnsupportedSyntaxError
from .functional import (abs, add, arange, cast, ceil, clip, concat, cos, divide, equal, exp,
                         floor, full, greater_equal, greater_than, less_equal, less_than, log,
                         logical_and, logical_not, logical_or, matmul, max, maximum, mean, min,
                         minimum, multiply, not_equal, numel, ones, ones_like, pow, relu,
                         reshape, shape, sigmoid, sin, sqrt, stack, subtract, sum, tanh,
                         transpose, where, zeros, zeros_like, full_like)
from .tensor import Tensor, to_tensor

__all__ = [name for name in dir() if not name.startswith("_")]
