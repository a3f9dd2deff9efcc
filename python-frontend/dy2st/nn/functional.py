"""dy2st.nn.functional: activations written over the op table's primitives
(composites: eager and compiled code run the same definitions)."""
import math

from ..functional import (exp, log, log_softmax, maximum, minimum, one_hot, relu,  # noqa: F401
                          sigmoid, softmax, sqrt, tanh, where, erf, abs, sum, cast)
from ..functional import matmul as linear_matmul  # noqa: F401
from ..functional import pad  # noqa: F401

_SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)
_SQRT_HALF = math.sqrt(0.5)


def gelu(x, approximate=False, name=None):
    if approximate:
        return 0.5 * x * (1.0 + tanh(_SQRT_2_OVER_PI * (x + 0.044715 * x * x * x)))
    return 0.5 * x * (1.0 + erf(x * _SQRT_HALF))


def silu(x, inplace=False, name=None):
    return x * sigmoid(x)


def swish(x, name=None):
    return x * sigmoid(x)


def leaky_relu(x, negative_slope=0.01, name=None):
    return where(x > 0, x, x * negative_slope)


def relu6(x, name=None):
    return minimum(maximum(x, 0.0), 6.0)


def hardtanh(x, min=-1.0, max=1.0, name=None):
    return minimum(maximum(x, min), max)


def hardsigmoid(x, slope=0.1666667, offset=0.5, name=None):
    return minimum(maximum(x * slope + offset, 0.0), 1.0)


def hardswish(x, name=None):
    return x * minimum(maximum(x + 3.0, 0.0), 6.0) / 6.0


def elu(x, alpha=1.0, name=None):
    return where(x > 0, x, alpha * (exp(minimum(x, 0.0)) - 1.0))


def celu(x, alpha=1.0, name=None):
    return maximum(x, 0.0) + minimum(alpha * (exp(x / alpha) - 1.0), 0.0)


def selu(x, scale=1.0507009873554805, alpha=1.6732632423543772, name=None):
    return scale * where(x > 0, x, alpha * (exp(minimum(x, 0.0)) - 1.0))


def softplus(x, beta=1, threshold=20, name=None):
    """log(1 + exp(beta x)) / beta; linear where beta x > threshold."""
    bx = x * beta
    soft = log(1.0 + exp(minimum(bx, threshold))) / beta
    return where(bx > threshold, x, soft)


def softsign(x, name=None):
    return x / (1.0 + abs(x))


def tanhshrink(x, name=None):
    return x - tanh(x)


def log_sigmoid(x, name=None):
    return minimum(x, 0.0) - log(1.0 + exp(-abs(x)))


def mish(x, name=None):
    return x * tanh(softplus(x))


def normalize(x, p=2, axis=1, epsilon=1e-12, out=None, name=None):
    if p == 2:
        norm = sqrt(sum(x * x, axis=axis, keepdim=True))
    else:
        norm = sum(abs(x) ** p, axis=axis, keepdim=True) ** (1.0 / p)
    return x / maximum(norm, epsilon)


def cosine_similarity(x1, x2, axis=1, eps=1e-8):
    dot = sum(x1 * x2, axis=axis)
    n1 = sqrt(sum(x1 * x1, axis=axis))
    n2 = sqrt(sum(x2 * x2, axis=axis))
    return dot / maximum(n1 * n2, eps)


ACTIVATIONS = {fn.__name__: fn for fn in (
    gelu, silu, swish, leaky_relu, relu6, hardtanh, hardsigmoid, hardswish, elu, celu, selu,
    softplus, softsign, tanhshrink, log_sigmoid, mish, normalize, cosine_similarity)}
