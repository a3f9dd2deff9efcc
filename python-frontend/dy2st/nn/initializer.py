"""paddle.nn.initializer: how a parameter's first value is drawn (eager,
numpy). Each initializer is called with the parameter's shape and dtype."""
from __future__ import annotations

import math
from typing import Any, Sequence

import numpy as np

from ..eager.dtypes import DType
from ..eager.tensor import Tensor


def _fans(shape):
    """Paddle's fans: [in, out] for a matrix, [out, in, *kernel] for a conv."""
    if len(shape) == 0:
        return 1, 1
    if len(shape) == 1:
        return shape[0], shape[0]
    if len(shape) == 2:
        return shape[0], shape[1]
    receptive = int(np.prod(shape[2:]))
    return shape[1] * receptive, shape[0] * receptive


class Initializer:
    """Called with a parameter (Paddle's form, `Normal(std=0.02)(layer.weight)`):
    gives it a new value in place and returns None; called with a shape and
    a dtype (by create_parameter): the value."""

    def __call__(self, param: Any, dtype: DType | None = None, block: Any = None) -> Any:
        if isinstance(param, Tensor):
            drawn = np.asarray(self._draw(list(param.shape)), param._value.dtype)
            param._value[...] = drawn
            return None
        if dtype is None:
            raise TypeError(f"{type(self).__name__}() takes a parameter, or a shape and a dtype")
        return np.asarray(self._draw(list(param)), dtype.numpy)

    def _draw(self, shape: list[int]) -> Any:
        raise NotImplementedError(f"{type(self).__name__} does not define _draw()")


class Constant(Initializer):
    def __init__(self, value: float = 0.0) -> None:
        self.value = value

    def _draw(self, shape):
        return np.full(shape, self.value)


class Normal(Initializer):
    def __init__(self, mean: float = 0.0, std: float = 1.0, name: str | None = None) -> None:
        self.mean, self.std = mean, std

    def _draw(self, shape):
        return np.random.normal(self.mean, self.std, shape)


class Uniform(Initializer):
    def __init__(self, low: float = -1.0, high: float = 1.0, name: str | None = None) -> None:
        self.low, self.high = low, high

    def _draw(self, shape):
        return np.random.uniform(self.low, self.high, shape)


class TruncatedNormal(Initializer):
    """Normal(mean, std) redrawn until within [a, b]."""

    def __init__(self, mean: float = 0.0, std: float = 1.0, a: float = -2.0, b: float = 2.0,
                 name: str | None = None) -> None:
        self.mean, self.std, self.a, self.b = mean, std, a, b

    def _draw(self, shape):
        values = np.random.normal(self.mean, self.std, shape)
        outside = (values < self.a) | (values > self.b)
        while outside.any():
            values[outside] = np.random.normal(self.mean, self.std, int(outside.sum()))
            outside = (values < self.a) | (values > self.b)
        return values


class XavierUniform(Initializer):
    def __init__(self, fan_in: float | None = None, fan_out: float | None = None,
                 gain: float = 1.0, name: str | None = None) -> None:
        self.fan_in, self.fan_out, self.gain = fan_in, fan_out, gain

    def _draw(self, shape):
        fan_in, fan_out = _fans(shape)
        fan_in = self.fan_in or fan_in
        fan_out = self.fan_out or fan_out
        limit = self.gain * math.sqrt(6.0 / (fan_in + fan_out))
        return np.random.uniform(-limit, limit, shape)


class XavierNormal(XavierUniform):
    def _draw(self, shape):
        fan_in, fan_out = _fans(shape)
        fan_in = self.fan_in or fan_in
        fan_out = self.fan_out or fan_out
        return np.random.normal(0.0, self.gain * math.sqrt(2.0 / (fan_in + fan_out)), shape)


def calculate_gain(nonlinearity: str, param: bool | float | None = None) -> float:
    """The gain Paddle recommends for an activation (leaky_relu's slope
    `param`, 0.01 by default)."""
    slope = 0.01 if param is None else float(param)
    gains = {"sigmoid": 1, "linear": 1, "conv1d": 1, "conv2d": 1, "conv3d": 1,
             "conv1d_transpose": 1, "conv_transpose1d": 1, "conv2d_transpose": 1,
             "conv_transpose2d": 1, "conv3d_transpose": 1, "conv_transpose3d": 1,
             "tanh": 5.0 / 3, "relu": math.sqrt(2.0),
             "leaky_relu": math.sqrt(2.0 / (1 + slope ** 2)), "selu": 3.0 / 4}
    if nonlinearity not in gains:
        raise ValueError(f"nonlinearity function {nonlinearity} is not supported now.")
    return gains[nonlinearity]


def _gain(nonlinearity, negative_slope):
    if nonlinearity == "relu":
        return math.sqrt(2.0)
    if nonlinearity == "leaky_relu":
        return math.sqrt(2.0 / (1 + negative_slope ** 2))
    if nonlinearity == "tanh":
        return 5.0 / 3
    return 1.0


class KaimingNormal(Initializer):
    def __init__(self, fan_in: float | None = None, negative_slope: float = 0.0,
                 nonlinearity: str = "relu", mode: str = "fan_in") -> None:
        self.fan_in, self.negative_slope = fan_in, negative_slope
        self.nonlinearity, self.mode = nonlinearity, mode

    def _fan(self, shape):
        fan_in, fan_out = _fans(shape)
        return self.fan_in or (fan_in if self.mode == "fan_in" else fan_out)

    def _draw(self, shape):
        std = _gain(self.nonlinearity, self.negative_slope) / math.sqrt(self._fan(shape))
        return np.random.normal(0.0, std, shape)


class KaimingUniform(KaimingNormal):
    def _draw(self, shape):
        limit = _gain(self.nonlinearity, self.negative_slope) * math.sqrt(3.0 / self._fan(shape))
        return np.random.uniform(-limit, limit, shape)


class Assign(Initializer):
    """The given value (of the parameter's shape)."""

    def __init__(self, value: Any, name: str | None = None) -> None:
        self.value = value.numpy() if isinstance(value, Tensor) else np.asarray(value)

    def _draw(self, shape):
        if list(self.value.shape) != shape:
            raise ValueError(f"Assign: a value of shape {list(self.value.shape)} for a "
                             f"parameter of shape {shape}")
        return self.value


class Orthogonal(Initializer):
    """A (semi-)orthogonal matrix over axis 0 and the others flattened (rows
    orthogonal when fewer than the columns, else columns), times `gain`:
    the Q of a Gaussian matrix's QR, its columns signed by R's diagonal."""

    def __init__(self, gain: float = 1.0, name: str | None = None) -> None:
        self.gain = gain

    def _draw(self, shape):
        rows = shape[0]
        cols = int(np.prod(shape[1:]))
        q, r = np.linalg.qr(np.random.normal(0.0, 1.0, (max(rows, cols), min(rows, cols))))
        q = q * np.sign(np.diag(r))
        if rows < cols:
            q = q.T
        return (q * self.gain).reshape(shape)


class Dirac(Initializer):
    """A convolution kernel that passes its input through: 1 at the kernel's
    center for output channel j + i * (out / groups) and input channel j of
    each group i, 0 elsewhere."""

    def __init__(self, groups: int = 1, name: str | None = None) -> None:
        if not isinstance(groups, int) or groups <= 0:
            raise ValueError(" 'groups' must be a positive integer. ")
        self.groups = groups

    def _draw(self, shape):
        if len(shape) not in (3, 4, 5):
            raise ValueError("Only Tensor with 3/4/5 dimensions can be initialized by Dirac")
        if shape[0] % self.groups:
            raise ValueError("Tensor 0-dimension must be divisible by groups")
        value = np.zeros(shape)
        per_group = shape[0] // self.groups
        center = tuple(d // 2 for d in shape[2:])
        for i in range(self.groups):
            for j in range(min(per_group, shape[1])):
                value[(j + i * per_group, j) + center] = 1.0
        return value


class Bilinear(Initializer):
    """Paddle's bilinear upsampling kernel for a transposed convolution
    [C_out, C_in, K, K], computed element by element as Paddle does (its row
    index is not floored)."""

    def _draw(self, shape):
        if len(shape) != 4:
            raise ValueError("the length of shape must be 4.")
        if shape[2] != shape[3]:
            raise ValueError("shape[2] must be equal to shape[3].")
        size = shape[3]
        f = np.ceil(size / 2.0)
        c = (2 * f - 1 - f % 2) / (2.0 * f)
        i = np.arange(int(np.prod(shape)), dtype=np.float64)
        x, y = i % size, (i / size) % size
        return ((1 - np.abs(x / f - c)) * (1 - np.abs(y / f - c))).astype(np.float32).reshape(
            shape)


_GLOBAL: list = [None, None]


def set_global_initializer(weight_init: Initializer | None,
                           bias_init: Initializer | None = None) -> None:
    """The initializers of the weights and biases layers create from now on,
    over their own defaults (not over a ParamAttr's initializer); None
    restores the defaults."""
    _GLOBAL[:] = [weight_init, bias_init]


def global_initializer(is_bias: bool) -> Initializer | None:
    """The initializer set_global_initializer chose for a weight or a bias."""
    return _GLOBAL[1] if is_bias else _GLOBAL[0]
