"""paddle.tensor.math: the math functions, and Paddle's helpers that combine
a lower-rank y with x from dimension `axis` on (the old elementwise ops'
axis, which Paddle's own models still call)."""
from ..eager.functional import *  # noqa: F401,F403
from ..eager.functional import add, divide, multiply, reshape, subtract


def _aligned(x, y, axis):
    """x and y, the one of lower rank reshaped to meet the other at `axis`."""
    if axis == -1 or x.ndim == y.ndim:
        return x, y
    if x.ndim > y.ndim:
        return x, reshape(y, [1] * axis + y.shape + [1] * (x.ndim - y.ndim - axis))
    return reshape(x, [1] * axis + x.shape + [1] * (y.ndim - x.ndim - axis)), y


def _add_with_axis(x, y, axis=-1, name=None):
    x, y = _aligned(x, y, axis)
    return add(x, y)


def _subtract_with_axis(x, y, axis=-1, name=None):
    x, y = _aligned(x, y, axis)
    return subtract(x, y)


def _multiply_with_axis(x, y, axis=-1, name=None):
    x, y = _aligned(x, y, axis)
    return multiply(x, y)


def _divide_with_axis(x, y, axis=-1, name=None):
    x, y = _aligned(x, y, axis)
    return divide(x, y)
