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
    def __call__(self, shape: Sequence[int], dtype: DType) -> np.ndarray:
        return np.asarray(self._draw(list(shape)), dtype.numpy)

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
