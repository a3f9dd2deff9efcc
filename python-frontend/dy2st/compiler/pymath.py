"""Python's math module in compiled code (`math.sqrt(d_model)`, `math.log(1e4)`):
each function of floats runs the op table's kernel on a 0-d float64 tensor
and gives a Python float back, with math's ValueError ("math domain error")
and OverflowError ("math range error") where Python raises them. The
importer converts these like user functions; eagerly Python's math runs."""
import math

from ..eager import functional as _f


def _float(x):
    return float(x)


def _kernel(kernel, x):
    return float(kernel(_f.to_tensor(x, "float64")))


def _domain_error():
    raise ValueError("math domain error")


def _range_checked(kernel, x):
    result = _kernel(kernel, x)
    if result == math.inf or result == -math.inf:
        if x == x and x != math.inf and x != -math.inf:
            raise OverflowError("math range error")
    return result


def sqrt(x):
    x = _float(x)
    if x < 0:
        _domain_error()
    return _kernel(_f.sqrt, x)


def exp(x):
    return _range_checked(_f.exp, _float(x))


def expm1(x):
    return _range_checked(_f.expm1, _float(x))


def log(x, base=None):
    x = _float(x)
    if x <= 0:
        _domain_error()
    if base is None:
        return _kernel(_f.log, x)
    base = _float(base)
    if base <= 0 or base == 1:
        _domain_error()
    return _kernel(_f.log, x) / _kernel(_f.log, base)


def log2(x):
    x = _float(x)
    if x <= 0:
        _domain_error()
    return _kernel(_f.log2, x)


def log10(x):
    x = _float(x)
    if x <= 0:
        _domain_error()
    return _kernel(_f.log10, x)


def log1p(x):
    x = _float(x)
    if x <= -1:
        _domain_error()
    return _kernel(_f.log1p, x)


def sin(x):
    return _kernel(_f.sin, _float(x))


def cos(x):
    return _kernel(_f.cos, _float(x))


def tan(x):
    return _kernel(_f.tan, _float(x))


def asin(x):
    x = _float(x)
    if x < -1 or x > 1:
        _domain_error()
    return _kernel(_f.asin, x)


def acos(x):
    x = _float(x)
    if x < -1 or x > 1:
        _domain_error()
    return _kernel(_f.acos, x)


def atan(x):
    return _kernel(_f.atan, _float(x))


def atan2(y, x):
    return float(_f.atan2(_f.to_tensor(_float(y), "float64"), _f.to_tensor(_float(x), "float64")))


def sinh(x):
    return _range_checked(_f.sinh, _float(x))


def cosh(x):
    return _range_checked(_f.cosh, _float(x))


def tanh(x):
    return _kernel(_f.tanh, _float(x))


def erf(x):
    return _kernel(_f.erf, _float(x))


def fabs(x):
    x = _float(x)
    return -x if x < 0 else x


# floor and ceil in scalar arithmetic, not a tensor kernel: of sizes known
# when compiling (`math.ceil(h / patch)` of a static shape) they fold, so the
# shapes computed from them stay static. int() raises math's errors for NaN
# and infinities.
def floor(x):
    if isinstance(x, int):
        return x
    truncated = int(x)
    return truncated - 1 if truncated > x else truncated


def ceil(x):
    if isinstance(x, int):
        return x
    truncated = int(x)
    return truncated + 1 if truncated < x else truncated


def pow(x, y):
    return _float(x) ** _float(y)


def isnan(x):
    x = _float(x)
    return x != x


def isinf(x):
    x = _float(x)
    return x == math.inf or x == -math.inf


def isfinite(x):
    x = _float(x)
    return x == x and x != math.inf and x != -math.inf


def prod(iterable, *, start=1):
    """math.prod: the product of the items (a shape's sizes), from `start`."""
    total = start
    for item in iterable:
        total = total * item
    return total


def radians(x):
    return _float(x) * (math.pi / 180.0)


def degrees(x):
    return _float(x) * (180.0 / math.pi)


REPLACEMENTS = {getattr(math, fn.__name__): fn for fn in (
    sqrt, exp, expm1, log, log2, log10, log1p, sin, cos, tan, asin, acos, atan, atan2, sinh,
    cosh, tanh, erf, fabs, floor, ceil, pow, isnan, isinf, isfinite, prod, radians, degrees)}
"""The math functions compiled code calls as the functions above."""
