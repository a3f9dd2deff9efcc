"""The dy2st functions (Paddle's names). Each runs eagerly on numpy; the
compiler knows the same functions by name (`LIBRARY` maps them), and the
importer turns a call of one of them into `pydy.lib_call`."""

import functools

import numpy as np

from . import dtypes, tracing
from .tensor import Tensor, binary, to_tensor


def _t(x, name="x"):
    if isinstance(x, Tensor):
        return x
    if isinstance(x, np.ndarray):
        return to_tensor(x)
    raise TypeError(f"expected a tensor for '{name}', got {type(x).__name__}")


def _float_result(v):
    return v if v.dtype.kind == "f" else v.astype(np.float32)


def _unary_math(npfn):
    def fn(x, name=None):
        v = _float_result(_t(x)._value)
        with np.errstate(all="ignore"):
            return Tensor(np.asarray(npfn(v), v.dtype))
    fn.__name__ = npfn.__name__
    return fn


exp = _unary_math(np.exp)
log = _unary_math(np.log)
sqrt = _unary_math(np.sqrt)
tanh = _unary_math(np.tanh)
sin = _unary_math(np.sin)
cos = _unary_math(np.cos)
floor = _unary_math(np.floor)
ceil = _unary_math(np.ceil)


def sigmoid(x, name=None):
    v = _float_result(_t(x)._value)
    with np.errstate(over="ignore"):
        return Tensor(np.asarray(1 / (1 + np.exp(-v)), v.dtype))


def abs(x, name=None):
    v = _t(x)._value
    return Tensor(v.copy() if v.dtype == np.bool_ else np.abs(v))


def relu(x, name=None):
    v = _t(x)._value
    return Tensor(v.copy() if v.dtype == np.bool_ else np.maximum(v, v.dtype.type(0)))


def add(x, y, name=None): return binary("add", _t(x), y)
def subtract(x, y, name=None): return binary("sub", _t(x), y)
def multiply(x, y, name=None): return binary("mul", _t(x), y)
def divide(x, y, name=None): return binary("div", _t(x), y)
def pow(x, y, name=None): return binary("pow", _t(x), y)
def equal(x, y, name=None): return binary("eq", _t(x), y)
def not_equal(x, y, name=None): return binary("ne", _t(x), y)
def less_than(x, y, name=None): return binary("lt", _t(x), y)
def less_equal(x, y, name=None): return binary("le", _t(x), y)
def greater_than(x, y, name=None): return binary("gt", _t(x), y)
def greater_equal(x, y, name=None): return binary("ge", _t(x), y)


def _extremum(npfn, fname):
    def fn(x, y, name=None):
        xv = _t(x)._value
        yv, yd, yt = (y._value, y._value.dtype, True) if isinstance(y, Tensor) else \
            (y, dtypes._python_dtype(y), False)
        compute = dtypes.arithmetic_dtype("add", (xv.dtype, True), (yd, yt))
        return Tensor(npfn(xv.astype(compute), np.asarray(yv, compute)))
    fn.__name__ = fname
    return fn


maximum = _extremum(np.maximum, "maximum")
minimum = _extremum(np.minimum, "minimum")


def logical_and(x, y, name=None):
    return Tensor(np.logical_and(_t(x)._value, np.asarray(y)))


def logical_or(x, y, name=None):
    return Tensor(np.logical_or(_t(x)._value, np.asarray(y)))


def logical_not(x, name=None):
    return Tensor(np.logical_not(_t(x)._value))


def where(condition, x, y, name=None):
    c = _t(condition, "condition")._value
    if c.dtype != np.bool_:
        raise TypeError("where(): the condition must be a bool tensor")
    xv, xd, xt = (x._value, x._value.dtype, True) if isinstance(x, Tensor) else \
        (x, dtypes._python_dtype(x), False)
    yv, yd, yt = (y._value, y._value.dtype, True) if isinstance(y, Tensor) else \
        (y, dtypes._python_dtype(y), False)
    compute = dtypes.promote((xd, xt), (yd, yt))
    return Tensor(np.where(c, np.asarray(xv, compute), np.asarray(yv, compute)))


def cast(x, dtype):
    return Tensor(_t(x)._value.astype(dtypes.as_dtype(dtype).numpy))


def matmul(x, y, transpose_x=False, transpose_y=False, name=None):
    xv, yv = _t(x)._value, _t(y, "y")._value
    if transpose_x:
        xv = xv.T
    if transpose_y:
        yv = yv.T
    return binary("matmul", Tensor(xv), Tensor(yv))


def _axes(axis, ndim, fname):
    if axis is None:
        return None
    axes = (axis,) if isinstance(axis, int) else tuple(axis)
    for a in axes:
        if not -ndim <= a < ndim:
            raise ValueError(f"{fname}(): axis {a} is out of range for a {ndim}-d tensor")
    return tuple(a % ndim for a in axes)


def sum(x, axis=None, dtype=None, keepdim=False, name=None):
    v = _t(x)._value
    out = v.dtype if v.dtype.kind == "f" or v.dtype == np.int64 else np.int64
    return Tensor(np.asarray(np.sum(v, axis=_axes(axis, v.ndim, "sum"), dtype=out,
                                    keepdims=keepdim), out))


def mean(x, axis=None, keepdim=False, name=None):
    v = _t(x)._value
    if v.dtype.kind != "f":
        raise TypeError("mean() needs a float tensor; cast it first")
    return Tensor(np.asarray(np.mean(v, axis=_axes(axis, v.ndim, "mean"), keepdims=keepdim),
                             v.dtype))


def _extreme_reduction(npfn, fname):
    def fn(x, axis=None, keepdim=False, name=None):
        v = _t(x)._value
        if v.dtype == np.bool_:
            raise TypeError(f"{fname}() of a bool tensor is not supported")
        return Tensor(np.asarray(npfn(v, axis=_axes(axis, v.ndim, fname), keepdims=keepdim),
                                 v.dtype))
    fn.__name__ = fname
    return fn


max = _extreme_reduction(np.max, "max")
min = _extreme_reduction(np.min, "min")


def _shape(shape):
    if isinstance(shape, Tensor):
        shape = shape._value.tolist()
    return [int(shape)] if isinstance(shape, (int, np.integer)) else [int(s) for s in shape]


def zeros(shape, dtype=None, name=None):
    return Tensor(np.zeros(_shape(shape), dtypes.as_dtype(dtype or "float32").numpy))


def ones(shape, dtype=None, name=None):
    return Tensor(np.ones(_shape(shape), dtypes.as_dtype(dtype or "float32").numpy))


def full(shape, fill_value, dtype=None, name=None):
    if isinstance(fill_value, Tensor):
        fill_value = fill_value.item()
    return Tensor(np.full(_shape(shape), fill_value, dtypes.as_dtype(dtype or "float32").numpy))


def zeros_like(x, dtype=None, name=None):
    return zeros(_t(x).shape, dtype or _t(x).dtype)


def ones_like(x, dtype=None, name=None):
    return ones(_t(x).shape, dtype or _t(x).dtype)


def full_like(x, fill_value, dtype=None, name=None):
    return full(_t(x).shape, fill_value, dtype or _t(x).dtype)


# Eager only so far: the compiler does not implement these yet.
def arange(start=0, end=None, step=1, dtype=None, name=None):
    if end is None:
        start, end = 0, start
    if dtype is None:
        dtype = "int64" if all(isinstance(v, int) for v in (start, end, step)) else "float32"
    return Tensor(np.arange(start, end, step, dtype=dtypes.as_dtype(dtype).numpy))


def reshape(x, shape, name=None):
    """Paddle's reshape: a 0 keeps the input's dimension there, one -1 is inferred."""
    v = _t(x)._value
    dims = [v.shape[i] if d == 0 else d for i, d in enumerate(_shape(shape))]
    return Tensor(v.reshape(dims).copy())


def transpose(x, perm, name=None):
    return Tensor(np.transpose(_t(x)._value, perm).copy())


def concat(x, axis=0, name=None):
    return Tensor(np.concatenate([_t(t)._value for t in x], axis=axis))


def stack(x, axis=0, name=None):
    return Tensor(np.stack([_t(t)._value for t in x], axis=axis))


def shape(input):
    return Tensor(np.array(input.shape, dtype=np.int64))


def numel(x, name=None):
    return Tensor(np.array(_t(x).size, dtype=np.int64))


def clip(x, min=None, max=None, name=None):
    v = _t(x)._value
    return Tensor(np.clip(v, min, max).astype(v.dtype))


def softmax(x, axis=-1, dtype=None, name=None):
    v = _float_result(_t(x)._value)
    e = np.exp(v - np.max(v, axis=axis, keepdims=True))
    return Tensor((e / np.sum(e, axis=axis, keepdims=True)).astype(v.dtype))


# The functions the compiler may implement, by the name the C++ library table
# uses; the importer checks a name against the native table before emitting it.
LIBRARY = {fn: fn.__name__ for fn in (
    exp, log, sqrt, tanh, sin, cos, floor, ceil, sigmoid, abs, relu,
    add, subtract, multiply, divide, pow, maximum, minimum,
    equal, not_equal, less_than, less_equal, greater_than, greater_equal,
    logical_and, logical_or, logical_not, where, cast, matmul,
    sum, mean, max, min, zeros, ones, full, zeros_like, ones_like, full_like,
    arange, reshape, transpose, concat, stack, shape, numel, clip, softmax)}

LIBRARY[to_tensor] = "to_tensor"


def _recorded(fn, library_name):
    """`fn`, also recorded by an active TracedLayer trace (once per top-level call)."""
    @functools.wraps(fn)
    def operation(*args, **kwargs):
        tracer = tracing.current()
        if tracer is None:
            return fn(*args, **kwargs)
        with tracing.inside_operation():
            out = fn(*args, **kwargs)
        tracer.call(library_name, args, kwargs, out)
        return out
    return operation


for _fn, _name in list(LIBRARY.items()):
    if _fn is not to_tensor:
        _wrapped = _recorded(_fn, _name)
        globals()[_fn.__name__] = _wrapped
        LIBRARY[_wrapped] = _name

TENSOR_METHODS = {
    "sum": sum, "mean": mean, "max": max, "min": min, "exp": exp, "log": log, "sqrt": sqrt,
    "tanh": tanh, "abs": abs, "sigmoid": sigmoid, "cast": cast, "astype": cast,
    "matmul": matmul, "reshape": reshape, "transpose": transpose, "clip": clip,
    "sin": sin, "cos": cos, "floor": floor, "ceil": ceil,
    "add": add, "subtract": subtract, "multiply": multiply, "divide": divide,
}
