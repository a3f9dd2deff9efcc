"""Composites (see composites.py): elementwise and numeric functions Paddle
adds to the basic arithmetic (true_divide, positive, copysign,
gcd, lcm, sinc, ldexp, frexp, the infinity and kind tests, gammaln), sums
over samples (trapezoid, cumulative_trapezoid), Vandermonde matrices,
renorm, distances (cdist) and reduce_as, written once over the primitives
for eager and compiled code; dtypes follow Paddle's (checked against real
Paddle by the op-table tests)."""
from .basic_composites import numel
from .math_composites import _is_float, signbit
from .layout_composites import _slice
from .primitives import KERNELS as _P
from .special_composites import lgamma

abs = _P["abs"]
arange = _P["arange"]
cast = _P["cast"]
cumsum = _P["cumsum"]
divide = _P["divide"]
floor = _P["floor"]
full = _P["full"]
isinf = _P["isinf"]
log2 = _P["log2"]
logical_and = _P["logical_and"]
neg = _P["neg"]
ones_like = _P["ones_like"]
pow = _P["pow"]
reduce_max = _P["max"]
reduce_sum = _P["sum"]
remainder = _P["remainder"]
reshape = _P["reshape"]
sin = _P["sin"]
sqrt = _P["sqrt"]
unsqueeze = _P["unsqueeze"]
where = _P["where"]
reduce_any = _P["any"]

_PI = 3.141592653589793


def _float(x):
    """x as a float tensor: its own float dtype, float32 for the others."""
    return x if _is_float(x) else cast(x, "float32")


def true_divide(input, other, out=None):
    """input / other, a float result (Paddle's divide)."""
    return divide(input, other)


def positive(x, name=None):
    """x itself (+x); a bool tensor is Paddle's TypeError."""
    if x.dtype == "bool":
        raise TypeError("The `+` operator, on a bool tensor is not supported.")
    return x


def copysign(x, y, name=None):
    """The magnitude of x with the sign (bit) of y: -0.0 counts as negative."""
    magnitude = abs(x)
    if isinstance(y, (int, float)):
        y = full([], float(y), "float64")
    return where(signbit(y), neg(magnitude), magnitude)


def gcd(x, y, name=None):
    """The greatest common divisor of integers (non-negative; gcd(0, 0) is
    0), by Euclid's steps until every pair is done."""
    a, b = abs(x), abs(y)
    while reduce_any(b != 0):
        nonzero = b != 0
        divisor = where(nonzero, b, 1)
        a, b = where(nonzero, b, a), where(nonzero, remainder(a, divisor), b)
    return a


def lcm(x, y, name=None):
    """The least common multiple of integers (0 where either is 0)."""
    common = gcd(x, y)
    zero = common == 0
    return where(zero, 0, abs(x * y) // where(zero, 1, common))


def sinc(x, name=None):
    """sin(pi x) / (pi x), 1 at 0."""
    scaled = x * _PI
    zero = x == 0
    return where(zero, 1.0, sin(scaled) / where(zero, 1.0, scaled))


def ldexp(x, y, name=None):
    """x * 2**y (a float result; ints give float32)."""
    mantissa = _float(x)
    return mantissa * pow(cast(y, mantissa.dtype) * 0.0 + 2.0, cast(y, mantissa.dtype))


def frexp(x, name=None):
    """The mantissa in [0.5, 1) (signed) and the exponent with x = m * 2**e,
    both in x's float dtype; (0, 0) for zero."""
    v = _float(x)
    zero = v == 0
    exponent = floor(log2(abs(where(zero, 1.0, v)))) + 1.0
    mantissa = v / pow(exponent * 0.0 + 2.0, exponent)
    # log2 may round across a power of two: one step puts m back in range.
    high = abs(mantissa) >= 1.0
    low = abs(mantissa) < 0.5
    mantissa = where(high, mantissa * 0.5, where(low, mantissa * 2.0, mantissa))
    exponent = where(high, exponent + 1.0, where(low, exponent - 1.0, exponent))
    return where(zero, v, mantissa), where(zero, 0.0, exponent)


def isneginf(x, name=None):
    """Whether each element is -inf."""
    return logical_and(isinf(x), x < 0)


def isposinf(x, name=None):
    """Whether each element is +inf."""
    return logical_and(isinf(x), x > 0)



def is_empty(x, name=None):
    """Whether x has no elements (a 0-d bool tensor)."""
    return numel(x) == 0


def is_floating_point(x):
    """Whether x's dtype is a float dtype."""
    return _is_float(x)


def is_integer(x):
    """Whether x's dtype is an integer dtype."""
    return x.dtype == "int32" or x.dtype == "int64"



def gammaln(x, name=None):
    """log |Γ(x)| (lgamma)."""
    return lgamma(x)


def _trapezoids(y, x, dx, axis):
    """The area of each interval along `axis`."""
    axis = axis + y.ndim if axis < 0 else axis
    n = y.shape[axis]
    middle = (_slice(y, axis, 1, n) + _slice(y, axis, 0, n - 1)) * 0.5
    if x is None:
        return middle * (1.0 if dx is None else dx), axis
    if x.ndim == 1:
        shape = [1] * y.ndim
        shape[axis] = n
        x = reshape(x, shape)
    return middle * (_slice(x, axis, 1, n) - _slice(x, axis, 0, n - 1)), axis


def trapezoid(y, x=None, dx=None, axis=-1, name=None):
    """The integral of y along `axis` by the trapezoidal rule, at the
    sample points x (1-d, or y's shape) or spaced dx (1 by default)."""
    areas, axis = _trapezoids(y, x, dx, axis)
    return reduce_sum(areas, axis=axis)


def cumulative_trapezoid(y, x=None, dx=None, axis=-1, name=None):
    """The running integral of y along `axis` (one fewer element)."""
    areas, axis = _trapezoids(y, x, dx, axis)
    return cumsum(areas, axis=axis)


def vander(x, n=None, increasing=False, name=None):
    """The Vandermonde matrix of the 1-d x: columns x**(n-1) ... x**0 (the
    other way round with `increasing`); n is len(x) by default."""
    count = x.shape[0] if n is None else n
    exponents = arange(count, dtype=x.dtype)
    if not increasing:
        exponents = (count - 1) - exponents
    return pow(unsqueeze(x, 1), unsqueeze(exponents, 0))


def renorm(x, p, axis, max_norm):
    """Each slice along `axis` whose p-norm (over the other axes) exceeds
    max_norm scaled down to that norm."""
    axis = axis + x.ndim if axis < 0 else axis
    others = [d for d in range(x.ndim) if d != axis]
    norm = pow(reduce_sum(pow(abs(x), p), axis=others, keepdim=True), 1.0 / p)
    return where(norm > max_norm, x * (max_norm / (norm + 1e-7)), x)


def cdist(x, y, p=2.0, compute_mode="use_mm_for_euclid_dist_if_necessary", name=None):
    """The p-norm distance between each row of x [..., P, M] and each row of
    y [..., R, M]: [..., P, R] (p = 0 counts differing coordinates, inf the
    largest difference)."""
    difference = abs(unsqueeze(x, -2) - unsqueeze(y, -3))
    if p == 0:
        return reduce_sum(cast(difference != 0, x.dtype), axis=-1)
    if p == float("inf"):
        return reduce_max(difference, axis=-1)
    if p == 2.0:
        return sqrt(reduce_sum(difference * difference, axis=-1))
    return pow(reduce_sum(pow(difference, p), axis=-1), 1.0 / p)


def reduce_as(x, target, name=None):
    """x summed to target's shape: over its extra leading axes and the axes
    where target has size 1."""
    extra = x.ndim - target.ndim
    summed = reduce_sum(x, axis=list(range(extra))) if extra > 0 else x
    ones = [d for d in range(target.ndim) if target.shape[d] == 1 and summed.shape[d] != 1]
    return reduce_sum(summed, axis=ones, keepdim=True) if ones else summed


NUMERIC_COMPOSITES = {fn.__name__: fn for fn in (
    true_divide, positive, copysign, gcd, lcm, sinc, ldexp, frexp, isneginf,
    isposinf, is_empty, is_floating_point, is_integer, gammaln, trapezoid,
    cumulative_trapezoid, vander, renorm, cdist, reduce_as)}
