"""paddle.distribution: Distribution, Normal and Uniform, and kl_divergence of two Normals,
by Paddle's formulas (python/paddle/distribution), over the operations, so
they run eagerly and in compiled code alike (an instance made in converted
code is a plain object whose tensors it threads)."""
from __future__ import annotations

import math
from typing import Any, Sequence

from .eager.functional import broadcast_shape, cast, exp, log, rand, standard_normal, to_tensor
from .eager.tensor import Tensor


def _tensor(value: Any) -> Tensor:
    """A parameter as a float32 tensor (a number: a 0-d one)."""
    if isinstance(value, Tensor):
        return value
    return to_tensor(value, dtype="float32")


class Distribution:
    """Paddle's base of distributions: the shape of a batch of them and of
    one event."""

    def __init__(self, batch_shape: Sequence[int] = (), event_shape: Sequence[int] = ()) -> None:
        self._batch_shape = tuple(batch_shape)
        self._event_shape = tuple(event_shape)

    @property
    def batch_shape(self) -> tuple[int, ...]:
        return self._batch_shape

    @property
    def event_shape(self) -> tuple[int, ...]:
        return self._event_shape


class Normal(Distribution):
    """The normal distribution of mean `loc` and standard deviation `scale`
    (numbers or tensors, broadcast against each other)."""

    def __init__(self, loc: Any, scale: Any, name: str | None = None) -> None:
        self.loc = _tensor(loc)
        self.scale = _tensor(scale)
        self.name = name if name is not None else "Normal"
        super().__init__(broadcast_shape(self.loc.shape, self.scale.shape))

    @property
    def mean(self) -> Tensor:
        return self.loc

    @property
    def variance(self) -> Tensor:
        return self.scale * self.scale

    def sample(self, shape: Sequence[int] = (), seed: int = 0) -> Tensor:
        """Samples of shape `shape` + batch_shape."""
        size = list(shape) + list(self.batch_shape)
        return standard_normal(size, dtype=self.loc.dtype) * self.scale + self.loc

    def rsample(self, shape: Sequence[int] = ()) -> Tensor:
        return self.sample(shape)

    def entropy(self) -> Tensor:
        """0.5 + 0.5 log(2 pi) + log(scale), of batch_shape."""
        return 0.5 + 0.5 * math.log(2.0 * math.pi) + log(self.scale) + self.loc * 0.0

    def log_prob(self, value: Tensor) -> Tensor:
        value = cast(_tensor(value), self.loc.dtype)
        var = self.scale * self.scale
        return -1.0 * ((value - self.loc) * (value - self.loc)) / (2.0 * var) - \
            (log(self.scale) + math.log(math.sqrt(2.0 * math.pi)))

    def probs(self, value: Tensor) -> Tensor:
        value = cast(_tensor(value), self.loc.dtype)
        var = self.scale * self.scale
        return exp(-1.0 * ((value - self.loc) * (value - self.loc)) / (2.0 * var)) / \
            (math.sqrt(2 * math.pi) * self.scale)

    def kl_divergence(self, other: Normal) -> Tensor:
        """KL(self || other)."""
        var_ratio = self.scale / other.scale
        var_ratio = var_ratio * var_ratio
        t1 = (self.loc - other.loc) / other.scale
        t1 = t1 * t1
        return 0.5 * (var_ratio + t1 - 1.0 - log(var_ratio))


class Uniform(Distribution):
    """The uniform distribution on [low, high) (numbers or tensors)."""

    def __init__(self, low: Any, high: Any, name: str | None = None) -> None:
        self.low = _tensor(low)
        self.high = _tensor(high)
        self.name = name if name is not None else "Uniform"
        super().__init__(broadcast_shape(self.low.shape, self.high.shape))

    def sample(self, shape: Sequence[int] = (), seed: int = 0) -> Tensor:
        """Samples of shape `shape` + batch_shape."""
        size = list(shape) + list(self.batch_shape)
        return rand(size, dtype=self.low.dtype) * (self.high - self.low) + self.low

    def rsample(self, shape: Sequence[int] = ()) -> Tensor:
        return self.sample(shape)

    def _inside(self, value: Tensor) -> Tensor:
        """1 where low < value < high (Paddle's test), else 0."""
        value = cast(_tensor(value), self.low.dtype)
        return cast(self.low < value, value.dtype) * cast(value < self.high, value.dtype)

    def log_prob(self, value: Tensor) -> Tensor:
        return log(self._inside(value)) - log(self.high - self.low)

    def probs(self, value: Tensor) -> Tensor:
        return self._inside(value) / (self.high - self.low)

    def entropy(self) -> Tensor:
        return log(self.high - self.low)


def kl_divergence(p: Normal, q: Normal) -> Tensor:
    """KL(p || q) of two Normals (the pair dy2st has)."""
    if not (isinstance(p, Normal) and isinstance(q, Normal)):
        raise NotImplementedError(f"kl_divergence({type(p).__name__}, {type(q).__name__}) is "
                                  "not in dy2st (Normal and Normal is)")
    return p.kl_divergence(q)
