"""dy2st: convert Paddle-style Python functions with dynamic control flow into
static programs compiled with MLIR. `import dy2st as paddle` runs Paddle-style
code: eagerly on numpy, or compiled under `dy2st.jit.to_static`; where real
Paddle is not installed, `import paddle` is dy2st too (the `paddle` package
next to this one)."""
from __future__ import annotations

import builtins  # `bool` below is the dtype
from typing import Any, Callable, Sequence, TypeVar

__version__ = "0.5.0"

from .runtime import native as _native
_native.choose_blas_kernels()  # before numpy loads OpenBLAS

from . import amp, audio, autograd, base, device, distribution, fft, geometric, incubate, \
    inference, io, jit, linalg, metric, nn, regularizer, signal, static, tensor, text, utils, vision
from .device import get_device, set_device
from .base import is_compiled_with_cuda
from .static import CPUPlace, Executor, disable_static, enable_static, in_dynamic_mode
from .eager.dtypes import bool_ as bool, float32, float64, int32, int64  # noqa: A001
from .eager.dtypes import DType as dtype, bfloat16, complex64, complex128, float16, int8, int16, \
    uint8
from .eager.dtype_info import finfo, iinfo
from .eager import dtypes as _dtypes
from .runtime import static_function as _static_function
from .compiler.errors import Dy2StError, GPUUnavailableError, UnsupportedSyntaxError
from .compiler.tracer import TraceWarning
from .eager.functional import *  # noqa: F401,F403 (the operations; see eager/functional.pyi)
from .eager.tensor import Tensor
from .eager.primitives import to_tensor
from .eager.random import bernoulli_, cauchy_, geometric_, log_normal_, normal_, randperm
from .runtime.traced_layer import TracedLayer
from .serialization import load, save
from .model_summary import flops, summary
from .autograd import enable_grad, is_grad_enabled, no_grad, set_grad_enabled

ParamAttr = nn.ParamAttr
F = TypeVar("F", bound=Callable[..., Any])


def create_parameter(shape: Sequence[int], dtype: Any, name: str | None = None,
                     attr: nn.ParamAttr | None = None, is_bias: builtins.bool = False,
                     default_initializer: nn.initializer.Initializer | None = None
                     ) -> nn.Parameter | None:
    """A new Parameter outside a layer (Paddle's paddle.create_parameter)."""
    attr = attr if attr is not None else (nn.ParamAttr(name=name) if name else None)
    return nn.Layer(dtype=dtype).create_parameter(shape, attr=attr, dtype=dtype, is_bias=is_bias,
                                                  default_initializer=default_initializer)

def get_default_dtype() -> str:
    """The dtype of new float tensors and parameters: float32 unless
    set_default_dtype chose float64."""
    return str(_dtypes.default_float())


def set_default_dtype(d: Any) -> None:
    """Paddle's switch of the default float dtype (float32 or float64): the
    dtype of float tensors made without one (to_tensor of Python floats,
    zeros, full, rand, arange of floats, linspace, eye, ...) and of layers'
    parameters, eagerly and in code compiled after the switch."""
    _dtypes.set_default_float(d)
    _static_function.default_float_changed()


def set_num_threads(threads: int) -> None:
    """The threads compiled code runs on (its dense products and the loops of
    elementwise ops and reductions with enough work); the default is every
    core, or OMP_NUM_THREADS / OPENBLAS_NUM_THREADS where set."""
    threads = int(threads)
    if threads < 1:
        raise ValueError(f"set_num_threads() needs at least one thread, not {threads}")
    _native.module().set_threads(threads)


def get_num_threads() -> int:
    """The threads compiled code runs on (see set_num_threads)."""
    return _native.module().threads()


def seed(value: int) -> None:
    """Seeds the random numbers of eager code (numpy's generator: initializers,
    dropout) and of compiled code (the runtime's stream, see Random.cpp)."""
    import numpy
    numpy.random.seed(value)
    _native.module().seed_random(int(value) & (2**64 - 1))


manual_seed = seed  # Paddle 3.3's PyTorch-style name



# Paddle's constants and its PyTorch-style dtype names.
pi = 3.141592653589793
e = 2.718281828459045
inf = builtins.float("inf")
nan = builtins.float("nan")
newaxis = None
double, half, long = float64, float16, int64
_BUILTIN_NAMED_DTYPES = {"float": float32, "int": int32}


def __getattr__(name: str) -> Any:
    # paddle.float and paddle.int: not globals, which would hide the builtins
    # from this module's own code.
    if name in _BUILTIN_NAMED_DTYPES:
        return _BUILTIN_NAMED_DTYPES[name]
    raise AttributeError(f"module 'paddle' has no attribute '{name}'")
