"""Composites (see composites.py): elementwise functions, comparisons,
reductions and products over the primitives, written once for eager and
compiled code. Formulas and dtypes follow Paddle's documentation and its CPU
kernels (checked against real Paddle by the op-table tests)."""
from .basic_composites import clip, linspace
from .dtypes import default_float
from .primitives import KERNELS as _P

abs = _P["abs"]
cast = _P["cast"]
exp = _P["exp"]
full = _P["full"]
isnan = _P["isnan"]
log = _P["log"]
log1p = _P["log1p"]
logical_and = _P["logical_and"]
logical_not = _P["logical_not"]
logical_or = _P["logical_or"]
matmul = _P["matmul"]
maximum = _P["maximum"]
minimum = _P["minimum"]
reciprocal = _P["reciprocal"]
reduce_all = _P["all"]
reduce_sum = _P["sum"]
reshape = _P["reshape"]
sign = _P["sign"]
sqrt = _P["sqrt"]
transpose = _P["transpose"]
trunc = _P["trunc"]
where = _P["where"]
zeros_like = _P["zeros_like"]

_INF = float("inf")
_LOG2 = 0.6931471805599453
_DEGREE = 3.141592653589793 / 180.0
_FLOAT32_MAX = 3.4028234663852886e38
_FLOAT64_MAX = 1.7976931348623157e308


def _is_float(x):
    return x.dtype == "float32" or x.dtype == "float64"


def _as_float(x):
    """x, or x as float32 when it holds integers (as Paddle's float functions take them)."""
    if _is_float(x):
        return x
    return cast(x, "float32")


def deg2rad(x, name=None):
    """x in degrees, in radians (float32 for integer x)."""
    return _as_float(x) * _DEGREE


def rad2deg(x, name=None):
    """x in radians, in degrees (float32 for integer x)."""
    return _as_float(x) / _DEGREE


def hypot(x, y, name=None):
    """sqrt(x² + y²)."""
    return sqrt(x * x + y * y)


def fmax(x, y, name=None):
    """The larger of x and y; a NaN loses to a number."""
    return where(isnan(x), y, where(isnan(y), x, maximum(x, y)))


def fmin(x, y, name=None):
    """The smaller of x and y; a NaN loses to a number."""
    return where(isnan(x), y, where(isnan(y), x, minimum(x, y)))


def heaviside(x, y, name=None):
    """1 where x > 0, y where x == 0, else 0 (a NaN x gives 0, as Paddle's kernel)."""
    return where(x == 0, y + zeros_like(x), cast(x > 0, x.dtype) + zeros_like(y))


def frac(x, name=None, out=None):
    """The fractional part, x - trunc(x), with x's sign."""
    return x - trunc(x)


def sgn(x, name=None):
    """The sign of a float tensor: -1, 0 or 1."""
    if not _is_float(x):
        raise TypeError(f"sgn(): the data type of input must be float32 or float64, not "
                        f"{x.dtype}")
    return sign(x)


def signbit(x, name=None):
    """Whether the sign bit is set: True for negatives and -0.0."""
    if not _is_float(x):
        return x < 0
    return logical_or(x < 0, logical_and(x == 0, reciprocal(x) < 0))


def logit(x, eps=None, name=None):
    """log(x / (1 - x)), x first clipped to [eps, 1 - eps] when eps is given
    (NaN outside [0, 1] otherwise)."""
    if eps is not None:
        x = clip(x, eps, 1.0 - eps)
    return log(x / (1.0 - x))


def logaddexp(x, y, name=None):
    """log(exp(x) + exp(y)) without overflow; equal infinities give themselves."""
    spread = log1p(exp(-abs(x - y)))
    return where(x == y, x + _LOG2, maximum(x, y) + spread)


def nan_to_num(x, nan=0.0, posinf=None, neginf=None, name=None):
    """x with NaN, +inf and -inf replaced (by default: 0 and the dtype's
    largest and smallest finite numbers)."""
    if not _is_float(x):
        return x
    big = _FLOAT32_MAX if x.dtype == "float32" else _FLOAT64_MAX
    if posinf is None:
        posinf = big
    if neginf is None:
        neginf = -big
    y = where(x == _INF, posinf, where(x == -_INF, neginf, x))
    return cast(where(isnan(x), nan, y), x.dtype)


def isclose(x, y, rtol=1e-05, atol=1e-08, equal_nan=False, name=None):
    """Whether abs(x - y) <= atol + rtol * abs(y), elementwise (equal
    infinities are close; two NaNs are when equal_nan)."""
    close = logical_or(x == y, abs(x - y) <= atol + rtol * abs(y))
    if equal_nan:
        close = logical_or(close, logical_and(isnan(x), isnan(y)))
    return close


def allclose(x, y, rtol=1e-05, atol=1e-08, equal_nan=False, name=None):
    """Whether isclose holds everywhere, as a 0-d bool tensor."""
    return reduce_all(isclose(x, y, rtol, atol, equal_nan))


def equal_all(x, y, name=None):
    """Whether x and y have the same shape and elements, as a 0-d bool tensor."""
    same = x.ndim == y.ndim
    if same:
        for a, b in zip(x.shape, y.shape):
            if a != b:
                same = False
    if not same:
        return full([], False, "bool")
    return reduce_all(x == y)


def count_nonzero(x, axis=None, keepdim=False, name=None):
    """The number of nonzero elements over `axis` (int64)."""
    return reduce_sum(cast(x != 0, "int64"), axis=axis, keepdim=keepdim)


def nansum(x, axis=None, dtype=None, keepdim=False, name=None):
    """sum over `axis` with NaN counted as zero."""
    return reduce_sum(where(isnan(x), zeros_like(x), x), axis=axis, dtype=dtype,
                      keepdim=keepdim)


def nanmean(x, axis=None, keepdim=False, name=None):
    """mean over `axis` of the elements that are not NaN."""
    count = reduce_sum(cast(logical_not(isnan(x)), x.dtype), axis=axis, keepdim=keepdim)
    return nansum(x, axis=axis, keepdim=keepdim) / count


def logspace(start, stop, num, base=10.0, dtype=None, name=None):
    """base ** linspace(start, stop, num) (the default float dtype unless
    `dtype` is given)."""
    if dtype is None:
        dtype = default_float()
    exponents = linspace(start, stop, num, "float64")
    return cast(full([], base, "float64") ** exponents, dtype)


def addmm(input, x, y, beta=1.0, alpha=1.0, name=None):
    """beta * input + alpha * (x @ y)."""
    return input * beta + matmul(x, y) * alpha


def baddbmm(input, x, y, beta=1.0, alpha=1.0, name=None):
    """beta * input + alpha * (x @ y) for batches of matrices."""
    return input * beta + matmul(x, y) * alpha


def inner(x, y, name=None):
    """The sums of products over the last axis, for every pair of vectors of
    x and y: shape x.shape[:-1] + y.shape[:-1]."""
    k = x.shape[-1]
    rows = matmul(reshape(x, [-1, k]), reshape(y, [-1, k]), transpose_y=True)
    return reshape(rows, x.shape[:-1] + y.shape[:-1])


def kron(x, y, name=None):
    """The Kronecker product: each element of x times all of y."""
    ndim = x.ndim
    if y.ndim > ndim:
        ndim = y.ndim
    xs = [1] * (ndim - x.ndim) + x.shape
    ys = [1] * (ndim - y.ndim) + y.shape
    spread_x, spread_y, shape = [], [], []
    for a, b in zip(xs, ys):
        spread_x += [a, 1]
        spread_y += [1, b]
        shape.append(a * b)
    return reshape(reshape(x, spread_x) * reshape(y, spread_y), shape)


def _contracted_axes(axes, x, y):
    """tensordot's axes as (axes of x, axes of y), non-negative."""
    if isinstance(axes, int):
        first = []
        second = []
        for k in range(axes):
            first.append(x.ndim - axes + k)
            second.append(k)
        return first, second
    first, second = axes[0], axes[1]
    if isinstance(first, int):
        first = [first]
    if isinstance(second, int):
        second = [second]
    return ([a + x.ndim if a < 0 else a for a in first],
            [a + y.ndim if a < 0 else a for a in second])


def tensordot(x, y, axes=2, name=None):
    """Sums of products over the axes `axes` names: the last `axes` of x with
    the first of y, or the pairs of lists [[axes of x], [axes of y]]."""
    first, second = _contracted_axes(axes, x, y)
    free_x = [d for d in range(x.ndim) if d not in first]
    free_y = [d for d in range(y.ndim) if d not in second]
    size = 1
    for d in first:
        size = size * x.shape[d]
    left = reshape(transpose(x, free_x + first), [-1, size])
    right = reshape(transpose(y, second + free_y), [size, -1])
    shape = [x.shape[d] for d in free_x] + [y.shape[d] for d in free_y]
    return reshape(matmul(left, right), shape)


MATH_COMPOSITES = {fn.__name__: fn for fn in (
    deg2rad, rad2deg, hypot, fmax, fmin, heaviside, frac, sgn, signbit, logit, logaddexp,
    nan_to_num, isclose, allclose, equal_all, count_nonzero, nansum, nanmean, logspace, addmm,
    baddbmm, inner, kron, tensordot)}
