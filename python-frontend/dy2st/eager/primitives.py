"""Eager numpy kernels of the dy2st primitives (optable.PRIMITIVES).

Each kernel has exactly the signature of its table entry (checked when this
module is imported) and follows the type rule the compiler applies
(lib/Dialect/Pydy/IR/LibraryRules*.cpp). The importer turns a call of one of
these into `pydy.lib_call`; everything else in the Paddle vocabulary is a
composite over them (composites.py)."""
import builtins
import functools
import inspect
import math
import warnings

import numpy as np

from . import dtypes, optable, recording
from .place import check_place
from .tensor import Tensor, binary, to_tensor as _to_tensor

KERNELS = {}
"""{primitive name: the eager function (wrapped for tracing)}"""
NAME_OF = {}
"""{eager function: primitive name}: what the importer asks."""


COMPLEX_PRIMITIVES = optable.complex_operands()
"""The primitives that take complex tensors (the table's list, which the
compiler's type rules read too); the others raise a TypeError given one."""


def _no_complex(name, args, kwargs):
    for v in (*args, *kwargs.values()):
        items = v if isinstance(v, (list, tuple)) else (v,)
        if any(isinstance(t, Tensor) and t._value.dtype.kind == "c" for t in items):
            raise TypeError(f"{name}() does not take complex tensors")


def _recorded(fn, name):
    """`fn`, also recorded by an active TracedLayer trace (once per top-level call)."""
    @functools.wraps(fn)
    def operation(*args, **kwargs):
        if name not in COMPLEX_PRIMITIVES:
            _no_complex(name, args, kwargs)
        tracer = recording.current()
        if tracer is None:
            return fn(*args, **kwargs)
        with recording.inside_operation():
            out = fn(*args, **kwargs)
        tracer.call(name, args, kwargs, out)
        return out
    return operation


def primitive(name):
    """Registers the eager kernel of the table's primitive `name`; its Python
    signature must be the table's (names and defaults)."""
    def register(fn):
        entry = optable.PRIMITIVES[name]
        ours = [(p.name, p.default, p.kind == p.VAR_POSITIONAL)
                for p in inspect.signature(fn).parameters.values()]
        table = [(p.name, inspect.Parameter.empty if p.required or p.variadic else p.default,
                  p.variadic) for p in entry.params]
        if ours != table:
            raise AssertionError(f"the eager kernel of {name} has the signature {ours}, "
                                 f"the table says {table}")
        wrapped = _recorded(fn, name) if name != "to_tensor" else fn
        wrapped.__name__ = wrapped.__qualname__ = name
        wrapped.__doc__ = entry.doc
        KERNELS[name] = wrapped
        NAME_OF[wrapped] = name
        return wrapped
    return register


def _t(x, name="x"):
    if isinstance(x, Tensor):
        return x
    if isinstance(x, np.ndarray):
        return _to_tensor(x)
    raise TypeError(f"expected a tensor for '{name}', got {type(x).__name__}")


def _operand(v):
    """(value, dtype, is_tensor) of a tensor-or-number operand."""
    if isinstance(v, Tensor):
        return v._value, v._value.dtype, True
    return v, dtypes._python_dtype(v), False


# Elementwise math ----------------------------------------------------------
def _float_result(v):
    return v if v.dtype.kind in "fc" else v.astype(np.float32)


_erf = np.frompyfunc(math.erf, 1, 1)


def _sigmoid(v):
    with np.errstate(over="ignore"):
        return 1 / (1 + np.exp(-v))


_FLOAT_MATH = {
    "exp": np.exp, "expm1": np.expm1, "log": np.log, "log2": np.log2, "log10": np.log10,
    "log1p": np.log1p, "sqrt": np.sqrt, "rsqrt": lambda v: 1 / np.sqrt(v), "sin": np.sin,
    "cos": np.cos, "tan": np.tan, "asin": np.arcsin, "acos": np.arccos, "atan": np.arctan,
    "sinh": np.sinh, "cosh": np.cosh, "tanh": np.tanh, "asinh": np.arcsinh,
    "acosh": np.arccosh, "atanh": np.arctanh, "erf": _erf, "sigmoid": _sigmoid,
    "reciprocal": lambda v: 1 / v,
}


def _float_unary(name, npfn):
    def fn(x, name=None):
        v = _float_result(_t(x)._value)
        if v.dtype.kind == "c" and name_ in _REAL_ONLY:
            raise TypeError(f"{name_}() takes a real tensor, not {v.dtype}")
        with np.errstate(all="ignore"):
            return Tensor(np.asarray(npfn(v), v.dtype))
    name_ = name
    return primitive(name)(fn)


_REAL_ONLY = {"erf", "rsqrt"}
"""The float functions Paddle computes on real tensors only."""


for _name, _npfn in _FLOAT_MATH.items():
    _float_unary(_name, _npfn)


def _no_bool(v, name):
    if v.dtype == np.bool_:
        raise TypeError(f"{name}() is not defined on a bool tensor")


def _rounding(name, npfn):
    def fn(x, name=None):
        v = _t(x)._value
        _no_bool(v, name_)
        return Tensor(npfn(v) if v.dtype.kind == "f" else v.copy())
    name_ = name
    return primitive(name)(fn)


_rounding("floor", np.floor)
_rounding("ceil", np.ceil)


@primitive("round")
def _round(x, decimals=0, name=None):
    v = _t(x)._value
    _no_bool(v, "round")
    return Tensor(np.round(v, decimals) if v.dtype.kind == "f" else v.copy())


@primitive("trunc")
def _trunc(input, name=None):
    v = _t(input, "input")._value
    _no_bool(v, "trunc")
    return Tensor(np.trunc(v) if v.dtype.kind == "f" else v.copy())


@primitive("abs")
def _abs(x, name=None):
    v = _t(x)._value
    return Tensor(v.copy() if v.dtype == np.bool_ else np.abs(v))


@primitive("relu")
def _relu(x, name=None):
    v = _t(x)._value
    if v.dtype == np.bool_:
        return Tensor(v.copy())
    # Paddle's kernel is `x > 0 ? x : 0`: NaN gives 0, unlike np.maximum.
    return Tensor(np.where(v > 0, v, v.dtype.type(0)))


def _numeric(name, npfn):
    def fn(x, name=None):
        v = _t(x)._value
        _no_bool(v, name_)
        with np.errstate(all="ignore"):
            return Tensor(np.asarray(npfn(v), v.dtype))
    name_ = name
    return primitive(name)(fn)


_numeric("neg", np.negative)
_numeric("sign", np.sign)
_numeric("square", np.square)


@primitive("bitwise_not")
def _bitwise_not(x, out=None, name=None):
    v = _t(x)._value
    if v.dtype.kind not in "bi":
        raise TypeError("bitwise_not() needs an integer or bool tensor")
    return Tensor(np.invert(v))


def _predicate(name, npfn):
    def fn(x, name=None):
        v = _t(x)._value
        return Tensor(npfn(v) if v.dtype.kind == "f" else np.full(v.shape, npfn is np.isfinite))
    return primitive(name)(fn)


_predicate("isnan", np.isnan)
_predicate("isinf", np.isinf)
_predicate("isfinite", np.isfinite)


@primitive("logical_not")
def _logical_not(x, out=None, name=None):
    return Tensor(np.logical_not(_t(x)._value))


# Elementwise binary --------------------------------------------------------
for _name, _op in (("add", "add"), ("subtract", "sub"), ("multiply", "mul"), ("divide", "div"),
                   ("floor_divide", "floordiv"), ("remainder", "mod"), ("pow", "pow"),
                   ("equal", "eq"), ("not_equal", "ne"), ("less_than", "lt"),
                   ("less_equal", "le"), ("greater_than", "gt"), ("greater_equal", "ge")):
    def _binary_kernel(op):
        def fn(x, y, name=None):
            return binary(op, _t(x), y)
        return fn
    primitive(_name)(_binary_kernel(_op))


def _extremum(name, npfn):
    def fn(x, y, name=None):
        xv, xd, _ = _operand(_t(x))
        yv, yd, yt = _operand(y)
        compute = dtypes.promote((xd, True), (yd, yt))
        return Tensor(npfn(np.asarray(xv, compute), np.asarray(yv, compute)))
    return primitive(name)(fn)


_extremum("maximum", np.maximum)
_extremum("minimum", np.minimum)


@primitive("atan2")
def _atan2(x, y, name=None):
    xv, yv = _t(x)._value, _t(y, "y")._value
    compute = dtypes.promote((xv.dtype, True), (yv.dtype, True))
    if compute.kind != "f":
        compute = np.dtype(np.float64)
    return Tensor(np.arctan2(xv.astype(compute), yv.astype(compute)))


def _logical(name, npfn):
    def fn(x, y, out=None, name=None):
        return Tensor(npfn(_t(x)._value, np.asarray(_operand(y)[0])))
    return primitive(name)(fn)


_logical("logical_and", np.logical_and)
_logical("logical_or", np.logical_or)
_logical("logical_xor", np.logical_xor)


def _bitwise(name, npfn):
    def fn(x, y, out=None, name=None):
        xv, yv = _t(x)._value, _t(y, "y")._value
        if xv.dtype.kind not in "bi" or xv.dtype != yv.dtype:
            raise TypeError(f"{name_}() needs integer or bool tensors of one dtype")
        return Tensor(npfn(xv, yv))
    name_ = name
    return primitive(name)(fn)


_bitwise("bitwise_and", np.bitwise_and)
_bitwise("bitwise_or", np.bitwise_or)
_bitwise("bitwise_xor", np.bitwise_xor)


def _shift(name, left):
    def fn(x, y, is_arithmetic=True, out=None, name=None):
        xv, yv = _t(x)._value, _t(y, "y")._value
        if xv.dtype.kind != "i" or xv.dtype != yv.dtype:
            raise TypeError(f"{name_}() needs integer tensors of one dtype")
        xv, yv = np.broadcast_arrays(xv, yv)
        bits = xv.dtype.itemsize * 8
        # A count outside [0, bits) shifts every bit out (Paddle's kernels).
        inside = (yv >= 0) & (yv < bits)
        count = np.where(inside, yv, 0)
        if left:
            within, outside = np.left_shift(xv, count), 0
        elif is_arithmetic:
            within, outside = np.right_shift(xv, count), np.right_shift(xv, bits - 1)
        else:
            unsigned = np.dtype(f"u{xv.dtype.itemsize}")
            within = np.right_shift(xv.astype(unsigned), count.astype(unsigned)).astype(xv.dtype)
            outside = 0
        return Tensor(np.where(inside, within, outside).astype(xv.dtype))
    name_ = name
    return primitive(name)(fn)


_shift("bitwise_left_shift", True)
_shift("bitwise_right_shift", False)


@primitive("where")
def _where(condition, x, y, name=None):
    c = _t(condition, "condition")._value
    if c.dtype != np.bool_:
        raise TypeError("where(): the condition must be a bool tensor")
    xv, xd, xt = _operand(x)
    yv, yd, yt = _operand(y)
    compute = dtypes.promote((xd, xt), (yd, yt))
    return Tensor(np.where(c, np.asarray(xv, compute), np.asarray(yv, compute)))


@primitive("cast")
def _cast(x, dtype):
    v, to = _t(x)._value, dtypes.as_dtype(dtype).numpy
    if v.dtype.kind == "c" and to.kind != "c":
        # A complex number is true where it is not 0; otherwise its real part.
        v = v != 0 if to == np.bool_ else v.real
    with np.errstate(invalid="ignore"):  # NaN and out of range: INT_MIN, as Paddle
        return Tensor(v.astype(to))


def _complex_operand(v, fname):
    if v.dtype.kind != "c":
        raise TypeError(f"{fname}() takes a complex tensor, not {v.dtype}")
    return v


@primitive("complex")
def _complex(real, imag, name=None):
    rv, iv = _t(real, "real")._value, _t(imag, "imag")._value
    if rv.dtype.kind != "f" or rv.dtype != iv.dtype:
        raise TypeError(f"complex() takes real and imag parts of one float dtype, not "
                        f"{rv.dtype} and {iv.dtype}")
    out = np.empty(np.broadcast_shapes(rv.shape, iv.shape), dtypes.complex_of(rv.dtype))
    out.real, out.imag = rv, iv
    return Tensor(out)


@primitive("fft_c2c")
def _fft_c2c(x, forward=True):
    v = _t(x)._value
    if v.dtype.kind != "c" or v.ndim == 0:
        raise TypeError(f"fft_c2c() takes a complex tensor of at least one axis, not "
                        f"{v.dtype} of shape {list(v.shape)}")
    if v.shape[-1] == 0:
        return Tensor(v.copy())
    # Unnormalized both ways: numpy's inverse with norm="forward" scales by 1.
    out = np.fft.fft(v, axis=-1) if forward else np.fft.ifft(v, axis=-1, norm="forward")
    return Tensor(out.astype(v.dtype))


@primitive("real")
def _real(x, name=None):
    return Tensor(_complex_operand(_t(x)._value, "real").real.copy())


@primitive("imag")
def _imag(x, name=None):
    return Tensor(_complex_operand(_t(x)._value, "imag").imag.copy())


@primitive("matmul")
def _matmul(x, y, transpose_x=False, transpose_y=False, name=None):
    xv, yv = _t(x)._value, _t(y, "y")._value
    # Paddle swaps the last two dimensions (a 1-d operand is left as it is).
    if transpose_x and xv.ndim >= 2:
        xv = np.swapaxes(xv, -1, -2)
    if transpose_y and yv.ndim >= 2:
        yv = np.swapaxes(yv, -1, -2)
    return binary("matmul", Tensor(xv), Tensor(yv))


# Reductions ----------------------------------------------------------------
def _axes(axis, ndim, fname):
    if axis is None:
        return None
    axes = (axis,) if isinstance(axis, int) else tuple(axis)
    if not axes:
        return None
    for a in axes:
        if not -builtins.max(ndim, 1) <= a < builtins.max(ndim, 1):
            raise ValueError(f"{fname}(): axis {a} is out of range for a {ndim}-d tensor")
    return tuple(a % ndim for a in axes) if ndim else None


@primitive("sum")
def _sum(x, axis=None, dtype=None, keepdim=False, name=None):
    v = _t(x)._value
    out = v.dtype if v.dtype.kind in "fc" or v.dtype == np.int64 else np.dtype(np.int64)
    if dtype is not None:
        out = dtypes.as_dtype(dtype).numpy
    return Tensor(np.asarray(np.sum(v, axis=_axes(axis, v.ndim, "sum"), dtype=out,
                                    keepdims=keepdim), out))


@primitive("mean")
def _mean(x, axis=None, keepdim=False, name=None):
    v = _t(x)._value
    if v.dtype.kind not in "fc":
        raise TypeError("mean() needs a float tensor; cast it first")
    return Tensor(np.asarray(np.mean(v, axis=_axes(axis, v.ndim, "mean"), keepdims=keepdim),
                             v.dtype))


def _extreme(name, npfn):
    def fn(x, axis=None, keepdim=False, name=None):
        v = _t(x)._value
        if v.dtype == np.bool_:
            raise TypeError(f"{name_}() of a bool tensor is not supported")
        return Tensor(np.asarray(npfn(v, axis=_axes(axis, v.ndim, name_), keepdims=keepdim),
                                 v.dtype))
    name_ = name
    return primitive(name)(fn)


_extreme("max", np.max)
_extreme("min", np.min)


@primitive("prod")
def _prod(x, axis=None, keepdim=False, dtype=None, name=None):
    v = _t(x)._value
    out = np.dtype(np.int64) if v.dtype == np.bool_ else v.dtype
    if dtype is not None:
        out = dtypes.as_dtype(dtype).numpy
    return Tensor(np.asarray(np.prod(v, axis=_axes(axis, v.ndim, "prod"), dtype=out,
                                     keepdims=keepdim), out))


def _boolean_reduction(name, npfn):
    def fn(x, axis=None, keepdim=False, name=None):
        v = _t(x)._value
        return Tensor(np.asarray(npfn(v, axis=_axes(axis, v.ndim, name_), keepdims=keepdim)))
    name_ = name
    return primitive(name)(fn)


_boolean_reduction("all", np.all)
_boolean_reduction("any", np.any)


def _arg_reduction(name, npfn):
    def fn(x, axis=None, keepdim=False, dtype="int64", name=None):
        v = _t(x)._value
        if v.dtype == np.bool_ or v.ndim == 0:
            raise ValueError(f"{name_}() needs a numeric tensor of rank >= 1")
        # numpy's rule: only the reduced axis (all of them when flattened) must
        # be non-empty; other empty axes give an empty result.
        if v.size == 0 and (axis is None or v.shape[axis] == 0):
            raise ValueError(f"attempt to get {name_} of an empty sequence")
        out = dtypes.as_dtype(dtype).numpy
        if axis is None:
            r = np.asarray(_first_best(v.reshape(-1), 0, npfn))
            return Tensor(r.reshape([1] * v.ndim if keepdim else []).astype(out))
        r = _first_best(v, axis, npfn)
        return Tensor(np.asarray(np.expand_dims(r, axis) if keepdim else r).astype(out))
    name_ = name
    return primitive(name)(fn)


def _first_best(v, axis, npfn):
    """numpy's argmax/argmin, but with Paddle's rule for NaN: it never wins
    unless all are NaN (index 0); numpy takes the first NaN."""
    if v.dtype.kind != "f":
        return npfn(v, axis=axis)
    nan = np.isnan(v)
    extreme = np.nanmax if npfn is np.argmax else np.nanmin
    with np.errstate(invalid="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # rows of only NaN
        best = extreme(v, axis=axis, keepdims=True)
    return np.argmax(~nan & (v == best), axis=axis)


_arg_reduction("argmax", np.argmax)
_arg_reduction("argmin", np.argmin)


def _scan_dtype(v, dtype, widen_int32):
    if dtype is not None:
        return dtypes.as_dtype(dtype).numpy
    if v.dtype == np.bool_ or (widen_int32 and v.dtype == np.int32):
        return np.dtype(np.int64)
    return v.dtype


@primitive("einsum")
def _einsum(equation, *operands):
    values = [_t(o, "operands")._value for o in operands]
    compute = values[0].dtype
    for v in values[1:]:
        compute = dtypes.promote((compute, True), (v.dtype, True))
    return Tensor(np.asarray(np.einsum(equation.replace(" ", ""),
                                       *[v.astype(compute) for v in values]), compute))


def _pair(v):
    if isinstance(v, (list, tuple)):
        return (int(v[0]), int(v[-1])) if len(v) in (1, 2) else None
    return (int(v), int(v))


def padding_name(padding):
    """A padding given by name in Paddle's spelling ('same' is 'SAME'), else
    the padding itself."""
    if not isinstance(padding, str):
        return padding
    if padding.upper() not in ("SAME", "VALID"):
        raise ValueError(f"padding must be 'SAME', 'VALID' or ints, not '{padding}'")
    return padding.upper()


def _padding(padding, size, kernel, stride, dilation):
    """Paddle's padding forms as (top, bottom, left, right)."""
    padding = padding_name(padding)
    if isinstance(padding, str):
        if padding == "VALID":
            return (0, 0, 0, 0)
        pads = []
        for d in range(2):
            out = -(-size[d] // stride[d])
            total = builtins.max((out - 1) * stride[d] + (kernel[d] - 1) * dilation[d] + 1
                                 - size[d], 0)
            pads += [total // 2, total - total // 2]
        return tuple(pads)
    flat = np.asarray(padding).reshape(-1).tolist()
    if len(flat) == 8:
        flat = flat[4:]
    if len(flat) == 1:
        return (flat[0],) * 4
    if len(flat) == 2:
        return (flat[0], flat[0], flat[1], flat[1])
    return tuple(flat)


def _nchw(data_format, fname):
    if data_format != "NCHW":
        raise ValueError(f"{fname}(): data_format '{data_format}' is not supported (use NCHW)")


@primitive("conv2d")
def _conv2d(x, weight, bias=None, stride=1, padding=0, dilation=1, groups=1,
            data_format="NCHW", name=None):
    _nchw(data_format, "conv2d")
    v, w = _t(x)._value, _t(weight, "weight")._value
    stride, dilation = _pair(stride), _pair(dilation)
    if padding_name(padding) == "SAME":
        dilation = (1, 1)  # as Paddle does
    kernel = w.shape[2:]
    top, bottom, left, right = _padding(padding, v.shape[2:], kernel, stride, dilation)
    v = np.pad(v, [(0, 0), (0, 0), (top, bottom), (left, right)])
    n, c, h, wd = v.shape
    f = w.shape[0]
    oh = (h - dilation[0] * (kernel[0] - 1) - 1) // stride[0] + 1
    ow = (wd - dilation[1] * (kernel[1] - 1) - 1) // stride[1] + 1
    out = np.zeros((n, f, oh, ow), np.float64)
    cg, fg = c // groups, f // groups
    for g in range(groups):
        xs = v[:, g * cg:(g + 1) * cg].astype(np.float64)
        ws = w[g * fg:(g + 1) * fg].astype(np.float64)
        for i in range(kernel[0]):
            for j in range(kernel[1]):
                patch = xs[:, :, i * dilation[0]:i * dilation[0] + stride[0] * (oh - 1) + 1:stride[0],
                           j * dilation[1]:j * dilation[1] + stride[1] * (ow - 1) + 1:stride[1]]
                out[:, g * fg:(g + 1) * fg] += np.einsum("nchw,fc->nfhw", patch, ws[:, :, i, j])
    if bias is not None:
        out += _t(bias, "bias")._value.reshape(1, -1, 1, 1)
    return Tensor(out.astype(v.dtype))


def pool_output_size(span, stride, ceil_mode):
    """Windows of a pool along an axis whose padded size exceeds the kernel
    by `span`: Paddle's, whose C++ divides toward zero, so a kernel a little
    larger than the padded input still has one window (GoogLeNet's auxiliary
    heads on small images); fewer than none is Paddle's error."""
    total = span + stride - 1 if ceil_mode else span
    out = (-(-total // stride) if total < 0 else total // stride) + 1
    if out < 0:
        raise ValueError("(InvalidArgument) the output size must be greater than or equal "
                         f"to 0. But received: output_size = {out}")
    return out


def _pool2d(v, kernel, stride, padding, ceil_mode, fill):
    kernel = _pair(kernel)
    stride = kernel if stride is None else _pair(stride)
    top, bottom, left, right = _padding(padding, v.shape[2:], kernel, stride, (1, 1))
    sizes, extra = [], []
    for d, (before, after) in enumerate(((top, bottom), (left, right))):
        size = v.shape[2 + d]
        span = size + before + after - kernel[d]
        # Paddle keeps a last window that starts past the input.
        out = pool_output_size(span, stride[d], ceil_mode)
        sizes.append(out)
        extra.append(builtins.max((out - 1) * stride[d] + kernel[d] - (size + before + after), 0))
    return kernel, stride, (top, bottom + extra[0], left, right + extra[1]), sizes, \
        (top, bottom, left, right)


def _windows(v, kernel, stride, sizes):
    for i in range(kernel[0]):
        for j in range(kernel[1]):
            yield v[:, :, i:i + stride[0] * (sizes[0] - 1) + 1:stride[0],
                    j:j + stride[1] * (sizes[1] - 1) + 1:stride[1]]


@primitive("max_pool2d")
def _max_pool2d(x, kernel_size, stride=None, padding=0, return_mask=False, ceil_mode=False,
                data_format="NCHW", name=None):
    _nchw(data_format, "max_pool2d")
    if return_mask:
        raise ValueError("max_pool2d(return_mask=True) is not supported by dy2st")
    v = _t(x)._value
    kernel, stride, pads, sizes, _ = _pool2d(v, kernel_size, stride, padding, ceil_mode, None)
    # Paddle's kernel starts from the lowest finite float (what a window
    # entirely in padding gives), not -inf.
    v = np.pad(v, [(0, 0), (0, 0), pads[:2], pads[2:]], constant_values=np.finfo(v.dtype).min)
    return Tensor(np.maximum.reduce(list(_windows(v, kernel, stride, sizes))).astype(v.dtype))


def _window_counts(size, out, kernel, stride, before, exclusive):
    """What Paddle's kernel divides each window's sum by, along one axis: a
    window from o * stride - before ends at min(start + kernel, size +
    before) (the padding before stands for the padding after); exclusive, it
    is clipped to the input, and one past it counts zero or less."""
    start = np.arange(out) * stride - before
    end = np.minimum(start + kernel, size + before)
    if exclusive:
        end, start = np.minimum(end, size), np.maximum(start, 0)
    return (end - start).astype(np.float64)


@primitive("avg_pool2d")
def _avg_pool2d(x, kernel_size, stride=None, padding=0, ceil_mode=False, exclusive=True,
                divisor_override=None, data_format="NCHW", name=None):
    _nchw(data_format, "avg_pool2d")
    v = _t(x)._value
    kernel, stride, pads, sizes, explicit = _pool2d(v, kernel_size, stride, padding, ceil_mode,
                                                    None)
    total = builtins.sum(_windows(np.pad(v.astype(np.float64), [(0, 0), (0, 0), pads[:2],
                                                                 pads[2:]]), kernel, stride, sizes))
    counts = np.multiply.outer(*[_window_counts(v.shape[2 + d], sizes[d], kernel[d], stride[d],
                                                 explicit[2 * d], exclusive) for d in (0, 1)])
    if divisor_override:
        # Paddle's: the average scaled by the kernel's size over the divisor
        # (a window in the padding or past the input averages its own count).
        counts = counts * (divisor_override / (kernel[0] * kernel[1]))
    return Tensor((total / counts).astype(v.dtype))


@primitive("cumsum")
def _cumsum(x, axis=None, dtype=None, name=None):
    v = _t(x)._value
    out = _scan_dtype(v, dtype, True)
    if axis is None or v.ndim == 0:
        v, axis = v.reshape(-1), 0
    return Tensor(np.cumsum(v.astype(out), axis=axis, dtype=out))


@primitive("argsort")
def _argsort(x, axis=-1, descending=False, stable=False, name=None):
    v = _t(x)._value
    if v.dtype == np.bool_:
        raise ValueError("argsort() of a bool tensor is not supported")
    bound = builtins.max(v.ndim, 1)
    if not -bound <= axis < bound:
        raise ValueError(f"argsort(): axis {axis} is out of range for a {v.ndim}-d tensor")
    if v.ndim == 0:
        return Tensor(np.zeros((), np.int64))
    keys = np.moveaxis(v, axis, -1)
    if not descending:
        order = np.argsort(keys, axis=-1, kind="stable")  # NaN last, as Paddle's
    elif v.dtype.kind == "f":
        # NaN first, then the largest; -keys keeps equal keys in order.
        nan = np.isnan(keys)
        order = np.lexsort((np.where(nan, 0, -keys), ~nan), axis=-1)
    else:
        order = np.argsort(~keys, axis=-1, kind="stable")  # ~k: -k - 1, without overflow
    return Tensor(np.moveaxis(order, -1, axis).astype(np.int64))


@primitive("cumprod")
def _cumprod(x, dim=None, dtype=None, name=None):
    v = _t(x)._value
    out = _scan_dtype(v, dtype, False)
    if dim is None or v.ndim == 0:
        v, dim = v.reshape(-1), 0
    return Tensor(np.cumprod(v.astype(out), axis=dim, dtype=out))


# Layout ----------------------------------------------------------------------
def _ints(values):
    if isinstance(values, Tensor):
        return [int(v) for v in values._value.reshape(-1)]
    if isinstance(values, (int, np.integer)):
        return [int(values)]
    return [int(v) for v in values]


# reshape, transpose, (un)squeeze, flatten and strided_slice give views of x's
# memory where numpy can, as Paddle 3.3's do: an in-place change of the
# result changes x (and one of x the result).
@primitive("reshape")
def _reshape(x, shape, name=None):
    """Paddle's reshape: a 0 keeps the input's dimension there, one -1 is inferred."""
    v = _t(x)._value
    dims = [v.shape[i] if d == 0 else d for i, d in enumerate(_ints(shape))]
    return Tensor(v.reshape(dims))


@primitive("transpose")
def _transpose(x, perm, name=None):
    v = _t(x)._value
    if sorted(a % builtins.max(v.ndim, 1) for a in perm) != list(range(v.ndim)):
        raise ValueError(f"transpose(): perm must be a permutation of the {v.ndim} axes")
    return Tensor(np.transpose(v, perm))


@primitive("broadcast_to")
def _broadcast_to(x, shape, name=None):
    v = _t(x)._value
    shape = _ints(shape)
    offset = len(shape) - v.ndim
    shape = [v.shape[d - offset] if s == -1 else s for d, s in enumerate(shape)]
    return Tensor(np.broadcast_to(v, shape).copy())


def _axis_list(axis, ndim, fname):
    axes = [axis] if isinstance(axis, int) else list(axis)
    for a in axes:
        if not -ndim <= a < ndim:
            raise ValueError(f"{fname}(): axis {a} is out of range for a {ndim}-d tensor")
    return [a % ndim for a in axes]


@primitive("unsqueeze")
def _unsqueeze(x, axis, name=None):
    v = _t(x)._value
    axes = [axis] if isinstance(axis, int) else list(axis)
    shape = list(v.shape)
    for a in axes:
        a = a + len(shape) + 1 if a < 0 else a
        if not 0 <= a <= len(shape):
            raise ValueError(f"unsqueeze(): axis {a} is out of range")
        shape.insert(a, 1)
    return Tensor(v.reshape(shape))


@primitive("squeeze")
def _squeeze(x, axis=None, name=None):
    v = _t(x)._value
    if axis is None:
        return Tensor(v.reshape([s for s in v.shape if s != 1]))
    axes = _axis_list(axis, builtins.max(v.ndim, 1), "squeeze") if v.ndim else []
    return Tensor(v.reshape([s for d, s in enumerate(v.shape)
                             if not (d in axes and s == 1)]))


@primitive("flatten")
def _flatten(x, start_axis=0, stop_axis=-1, name=None):
    v = _t(x)._value
    if v.ndim == 0:
        return Tensor(v.reshape([1]))
    start, stop = _axis_list([start_axis, stop_axis], v.ndim, "flatten")
    if start > stop:
        raise ValueError("flatten(): start_axis must not be after stop_axis")
    shape = list(v.shape[:start]) + [-1 if 0 not in v.shape[start:stop + 1] else 0] + \
        list(v.shape[stop + 1:])
    return Tensor(v.reshape(shape))


@primitive("concat")
def _concat(x, axis=0, name=None):
    return Tensor(np.concatenate([_t(t)._value for t in x], axis=axis))


@primitive("stack")
def _stack(x, axis=0, name=None):
    return Tensor(np.stack([_t(t)._value for t in x], axis=axis))


@primitive("flip")
def _flip(x, axis, name=None):
    v = _t(x)._value
    return Tensor(np.flip(v, axis=tuple(_ints(axis))).copy())


@primitive("pad")
def _pad(x, pad, mode="constant", value=0.0, data_format=None, pad_from_left_axis=True,
         name=None):
    v = _t(x)._value
    rank = v.ndim
    pad = _ints(pad)
    widths = [(0, 0)] * rank
    if mode == "constant" and len(pad) != 2 * (rank - 2) and len(pad) <= 2 * rank:
        # Paddle's order for every dimension (the first one first), or, of
        # fewer amounts or pad_from_left_axis=False, PyTorch's: the first
        # pair for the last dimension, the ones not given 0.
        negative = [p for p in pad if p < 0]
        if negative:
            raise ValueError("pad(): the element of 'paddings' should be >= 0, but received "
                             f"{negative[0]}")
        given = pad + [0] * (2 * rank - len(pad))
        for d in range(rank):
            source = d if len(pad) == 2 * rank and pad_from_left_axis else rank - 1 - d
            widths[d] = (given[2 * source], given[2 * source + 1])
    else:
        if not 3 <= rank <= 5 or len(pad) != 2 * (rank - 2):
            raise ValueError(f"pad(): pad needs at most {2 * rank} entries (constant mode) or "
                             f"{2 * (rank - 2)} for the spatial dimensions of a 3-, 4- or 5-d "
                             "input")
        first = 1 if data_format is not None and data_format.endswith("C") else 2
        for k in range(rank - 2):
            widths[first + (rank - 3) - k] = (pad[2 * k], pad[2 * k + 1])
    # Negative amounts (of the spatial form) crop, as Paddle's kernels read
    # the input at the index less the padding before it.
    crop = []
    for d, (before, after) in enumerate(widths):
        if v.shape[d] + before + after < 0:
            raise ValueError("pad(): the padding crops more than the input holds")
        crop.append(builtins.slice(max(-before, 0), v.shape[d] - max(-after, 0)))
    v = v[tuple(crop)]
    widths = [(max(before, 0), max(after, 0)) for before, after in widths]
    if mode == "constant":
        return Tensor(np.pad(v, widths, constant_values=np.asarray(value).astype(v.dtype)))
    numpy_mode = {"reflect": "reflect", "replicate": "edge", "circular": "wrap"}.get(mode)
    if numpy_mode is None:
        raise ValueError("pad(): mode must be 'constant', 'reflect', 'replicate' or 'circular'")
    return Tensor(np.pad(v, widths, mode=numpy_mode))


@primitive("strided_slice")
def _strided_slice(x, axes, starts, ends, strides, name=None):
    v = _t(x)._value
    index = [builtins.slice(None)] * v.ndim
    for a, s, e, st in zip(axes, _ints(starts), _ints(ends), _ints(strides)):
        index[a] = builtins.slice(s, e, st)
    return Tensor(v[tuple(index)])


@primitive("set_value")
def _set_value(x, value, axes, starts, ends, strides, decrease_axes=None):
    """x with the region x[slices] (each of `decrease_axes` one index) set to
    value, broadcast; x itself is not changed."""
    v = _t(x)._value.copy()
    index = [builtins.slice(None)] * v.ndim
    for a, s, e, st in zip(axes, _ints(starts), _ints(ends), _ints(strides)):
        if decrease_axes is not None and a in decrease_axes:
            if not -v.shape[a] <= s < v.shape[a]:
                raise IndexError(f"index {s} is out of bounds for axis {a} with size {v.shape[a]}")
            index[a] = s
        else:
            index[a] = builtins.slice(s, e, st)
    v[tuple(index)] = value._value if isinstance(value, Tensor) else value
    return Tensor(v)


def _check_indices(index, size, axis):
    """numpy's IndexError, naming the first index out of range."""
    if index.size and (index.min() < -size or index.max() >= size):
        bad = index[(index < -size) | (index >= size)].reshape(-1)[0]
        raise IndexError(f"index {bad} is out of bounds for axis {axis} with size {size}")


@primitive("gather")
def _gather(x, index, axis=None, name=None):
    v, i = _t(x)._value, _t(index, "index")._value
    if i.ndim == 2 and i.shape[1] == 1:
        i = i.reshape(-1)  # Paddle's [N, 1] form of a 1-d index
    if i.ndim > 1:
        raise ValueError(f"gather(): the index must be 0-d, 1-d or of shape [N, 1], got "
                         f"shape {list(i.shape)}")
    axis = 0 if axis is None else axis
    _check_indices(i, v.shape[axis], axis % v.ndim)
    return Tensor(np.take(v, i, axis=axis))


@primitive("take_along_axis")
def _take_along_axis(arr, indices, axis, broadcast=True):
    v, i = _t(arr, "arr")._value, _t(indices, "indices")._value
    _check_indices(i, v.shape[axis], axis % v.ndim)
    if broadcast:
        shape = list(np.broadcast_shapes(tuple(1 if d == axis % v.ndim else s
                                               for d, s in enumerate(v.shape)), i.shape))
        ishape = list(shape)
        shape[axis] = v.shape[axis]
        v = np.broadcast_to(v, shape)
        i = np.broadcast_to(i, ishape)
    return Tensor(np.take_along_axis(v, i, axis=axis).copy())


@primitive("masked_select")
def _masked_select(x, mask, name=None):
    v, m = _t(x)._value, _t(mask, "mask")._value
    if m.dtype != np.bool_:
        raise TypeError("masked_select(): the mask must be a bool tensor")
    return Tensor(v[np.broadcast_to(m, v.shape)].copy())


@primitive("nonzero")
def _nonzero(x, as_tuple=False):
    v = _t(x)._value
    found = np.nonzero(v)
    if as_tuple:
        return tuple(Tensor(f.astype(np.int64)) for f in found)
    return Tensor(np.stack(found, axis=1).astype(np.int64) if v.ndim else
                  np.zeros((int(bool(v)), 0), np.int64))


_PUT_REDUCTIONS = {"add": np.add, "mul": np.multiply, "multiply": np.multiply,
                   "amax": np.maximum, "amin": np.minimum}


@primitive("put_along_axis")
def _put_along_axis(arr, indices, values, axis, reduce="assign", include_self=True,
                    broadcast=True):
    v = _t(arr, "arr")._value.copy()
    i = _t(indices, "indices")._value
    axis = axis % v.ndim
    _check_indices(i, v.shape[axis], axis)
    vals = np.broadcast_to(np.asarray(_operand(values)[0], v.dtype), i.shape)
    # Every element of indices names one position: its own on the other axes.
    position = list(np.indices(i.shape, sparse=True))
    position[axis] = np.where(i < 0, i + v.shape[axis], i)
    position = tuple(position)
    if reduce == "assign":
        v[position] = vals
    elif reduce in ("amax", "amin") and v.dtype.kind == "f":
        # Paddle's `v > old ? v : old`: a NaN put is passed over, one there stays.
        was_nan = np.isnan(v)
        (np.fmax if reduce == "amax" else np.fmin).at(v, position, vals)
        v[was_nan] = np.nan
    elif reduce in _PUT_REDUCTIONS:
        _PUT_REDUCTIONS[reduce].at(v, position, vals)
    else:
        raise ValueError("put_along_axis(): reduce must be 'assign', 'add', 'mul', 'amax' or "
                         "'amin'")
    return Tensor(v)


# Creation ------------------------------------------------------------------
def _fill(shape, value, dtype):
    """A tensor of `value`: of the default float dtype where none is given,
    complex128 for a complex value (Paddle's); a complex value in a real
    dtype gives its real part."""
    if dtype is None and isinstance(value, complex):
        dtype = dtypes.complex128
    chosen = dtypes.as_dtype(dtype or dtypes.default_float())
    if isinstance(value, complex) and chosen.numpy.kind != "c":
        value = value.real
    return Tensor(np.full(_ints(shape), value, chosen.numpy))


@primitive("zeros")
def _zeros(shape, dtype=None, name=None):
    return _fill(shape, 0, dtype)


@primitive("ones")
def _ones(shape, dtype=None, name=None):
    return _fill(shape, 1, dtype)


@primitive("full")
def _full(shape, fill_value, dtype=None, name=None):
    if isinstance(fill_value, Tensor):
        fill_value = fill_value.item()
    return _fill(shape, fill_value, dtype)


def _random_dtype(dtype, fname):
    chosen = dtypes.as_dtype(dtype or dtypes.default_float())
    if chosen not in (dtypes.float32, dtypes.float64):
        raise TypeError(f"{fname}(): dtype must be float32 or float64, not {chosen}")
    return chosen


def _number(v):
    return v.item() if isinstance(v, Tensor) else v


@primitive("uniform")
def _uniform(shape, dtype=None, min=0.0, max=1.0, seed=0, name=None):
    chosen = _random_dtype(dtype, "uniform")
    generator = np.random.RandomState(seed) if seed else np.random
    return Tensor(generator.uniform(_number(min), _number(max), _ints(shape)).astype(chosen.numpy))


@primitive("gaussian")
def _gaussian(shape, mean=0.0, std=1.0, seed=0, dtype=None, name=None):
    chosen = _random_dtype(dtype, "gaussian")
    generator = np.random.RandomState(seed) if seed else np.random
    return Tensor(generator.normal(_number(mean), _number(std), _ints(shape)).astype(chosen.numpy))


@primitive("zeros_like")
def _zeros_like(x, dtype=None, name=None):
    return _fill(_t(x).shape, 0, dtype or _t(x).dtype)


@primitive("ones_like")
def _ones_like(x, dtype=None, name=None):
    return _fill(_t(x).shape, 1, dtype or _t(x).dtype)


@primitive("full_like")
def _full_like(x, fill_value, dtype=None, name=None):
    if isinstance(fill_value, Tensor):
        fill_value = fill_value.item()
    return _fill(_t(x).shape, fill_value, dtype or _t(x).dtype)


@primitive("arange")
def _arange(start=0, end=None, step=1, dtype=None, name=None):
    bounds = [b.item() if isinstance(b, Tensor) else b for b in (start, end, step)]
    start, end, step = bounds
    if end is None:
        start, end = 0, start
    if dtype is None:
        dtype = "int64" if all(isinstance(v, (int, np.integer)) for v in (start, end, step)) \
            else dtypes.default_float()
    if step == 0:
        raise ValueError("arange: step must not be 0")
    n = builtins.max(0, math.ceil((end - start) / step))
    values = start + np.arange(n, dtype=np.float64) * step
    return Tensor(values.astype(dtypes.as_dtype(dtype).numpy))


@primitive("to_tensor")
def to_tensor(data, dtype=None, place=None, stop_gradient=True):
    """A new tensor holding `data` (copied). Python floats give the default
    float dtype, Python ints int64; a NumPy array or scalar keeps its dtype
    unless `dtype` is given."""
    check_place(place)
    return _to_tensor(data, dtype, place, stop_gradient)
