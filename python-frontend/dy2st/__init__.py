"""dy2st: convert Paddle-style Python functions with dynamic control flow into
static programs compiled with MLIR. `import dy2st as paddle` runs Paddle-style
code: eagerly on numpy, or compiled under `dy2st.jit.to_static`; where real
Paddle is not installed, `import paddle` is dy2st too (the `paddle` package
next to this one)."""
__version__ = "0.5.0"

from . import native as _native
_native.choose_blas_kernels()  # before numpy loads OpenBLAS

from . import jit, nn, static, utils
from .static import CPUPlace, Executor, disable_static, enable_static, in_dynamic_mode
from .dtypes import bool_ as bool, float32, float64, int32, int64  # noqa: A001
from .errors import Dy2StError, GPUUnavailableError, UnsupportedSyntaxError
from . import functional as _functional
from . import tensor
from .tensor import Tensor
from .primitives import to_tensor
from .tracing import TraceWarning, TracedLayer

jit.TracedLayer = TracedLayer
ParamAttr = nn.ParamAttr


def create_parameter(shape, dtype, name=None, attr=None, is_bias=False, default_initializer=None):
    """A new Parameter outside a layer (Paddle's paddle.create_parameter)."""
    attr = attr if attr is not None else (nn.ParamAttr(name=name) if name else None)
    return nn.Layer(dtype=dtype).create_parameter(shape, attr=attr, dtype=dtype, is_bias=is_bias,
                                                  default_initializer=default_initializer)

class no_grad:
    """Paddle's no_grad, as a context manager or a decorator: dy2st records no
    gradients, so it only marks code; compiled code runs the body as it is."""
    transparent_in_compiled_code = True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def __call__(self, fn):
        return fn


def set_num_threads(threads):
    """The threads compiled code runs on (its dense products); the default is
    every core, or OMP_NUM_THREADS / OPENBLAS_NUM_THREADS where set."""
    from . import native
    threads = int(threads)
    if threads < 1:
        raise ValueError(f"set_num_threads() needs at least one thread, not {threads}")
    native.module().set_threads(threads)


def get_num_threads():
    """The threads compiled code runs on (see set_num_threads)."""
    from . import native
    return native.module().threads()


def seed(value):
    """Seeds the random numbers of eager code (initializers, dropout)."""
    import numpy
    numpy.random.seed(value)


globals().update({name: fn for name, fn in vars(_functional).items()
                  if callable(fn) and not name.startswith("_") and name != "to_tensor"})

# Paddle keeps the TensorArray functions under paddle.tensor (our eager tensor
# module, which does not import them itself).
for _name in ("create_array", "array_write", "array_read", "array_length", "fill_constant"):
    setattr(tensor, _name, getattr(_functional, _name))

__all__ = [name for name in dir() if not name.startswith("_")]
