"""Paddle's random tensors, eagerly: numpy's generator (seeded by
`dy2st.seed`), in Paddle's dtypes and argument conventions. Compiled code
has no random numbers yet: a call there is a clear error (EAGER_ONLY)."""
from __future__ import annotations

from typing import Any, Callable, Sequence, TypeVar

import numpy as np

from . import dtypes
from .tensor import Tensor

F = TypeVar("F", bound=Callable[..., Any])

EAGER_ONLY = ("random numbers are not compiled yet: make the random tensor outside the "
              "converted function and pass it in")


def _eager_only(fn: F) -> F:
    fn.eager_only = EAGER_ONLY  # type: ignore[attr-defined]
    return fn


def _shape(shape: Sequence[int | Tensor] | Tensor | int) -> list[int]:
    if isinstance(shape, Tensor):
        return [int(v) for v in shape.numpy().reshape(-1)]
    if isinstance(shape, (int, np.integer)):
        return [int(shape)]
    return [int(v.item()) if isinstance(v, Tensor) else int(v) for v in shape]


def _float_dtype(dtype: Any, fname: str) -> dtypes.DType:
    chosen = dtypes.as_dtype(dtype or "float32")
    if chosen not in (dtypes.float32, dtypes.float64):
        raise TypeError(f"{fname}(): dtype must be float32 or float64, not {chosen}")
    return chosen


def _floats(values: np.ndarray, dtype: Any, fname: str) -> Tensor:
    return Tensor(values.astype(_float_dtype(dtype, fname).numpy))


@_eager_only
def rand(shape: Sequence[int | Tensor] | Tensor | int, dtype: Any = None,
         name: str | None = None) -> Tensor:
    """Uniform numbers in [0, 1)."""
    return _floats(np.random.random_sample(_shape(shape)), dtype, "rand")


@_eager_only
def randn(shape: Sequence[int | Tensor] | Tensor | int, dtype: Any = None,
          name: str | None = None) -> Tensor:
    """Standard normal numbers."""
    return _floats(np.random.standard_normal(_shape(shape)), dtype, "randn")


@_eager_only
def standard_normal(shape: Sequence[int | Tensor] | Tensor | int, dtype: Any = None,
                    name: str | None = None) -> Tensor:
    """Standard normal numbers: randn."""
    return randn(shape, dtype, name)


@_eager_only
def uniform(shape: Sequence[int | Tensor] | Tensor | int, dtype: Any = None,
            min: float = -1.0, max: float = 1.0, seed: int = 0,
            name: str | None = None) -> Tensor:
    """Uniform numbers in [min, max); a non-zero `seed` gives its own stream."""
    if seed:
        values = np.random.RandomState(seed).uniform(min, max, _shape(shape))
    else:
        values = np.random.uniform(min, max, _shape(shape))
    return _floats(values, dtype, "uniform")


@_eager_only
def normal(mean: float | Tensor = 0.0, std: float | Tensor = 1.0,
           shape: Sequence[int | Tensor] | Tensor | int | None = None,
           name: str | None = None) -> Tensor:
    """Normal numbers: of `shape` for number arguments, else of the shape
    (and float dtype) of the tensor `mean` and `std` broadcast."""
    tensors = [v for v in (mean, std) if isinstance(v, Tensor)]
    if not tensors:
        if shape is None:
            raise ValueError("normal(): shape is needed when mean and std are numbers")
        return _floats(np.random.normal(mean, std, _shape(shape)), None, "normal")
    m = mean.numpy() if isinstance(mean, Tensor) else np.asarray(mean)
    s = std.numpy() if isinstance(std, Tensor) else np.asarray(std)
    dtype = _float_dtype(tensors[0].dtype, "normal")
    return Tensor(np.random.normal(m, s, np.broadcast(m, s).shape).astype(dtype.numpy))


@_eager_only
def randint(low: int = 0, high: int | None = None,
            shape: Sequence[int | Tensor] | Tensor | int = (1,), dtype: Any = None,
            name: str | None = None) -> Tensor:
    """Integers in [low, high) ([0, low) without `high`), int64 by default."""
    if high is None:
        low, high = 0, low
    if low >= high:
        raise ValueError(f"randint(): low ({low}) must be less than high ({high})")
    chosen = dtypes.as_dtype(dtype or "int64")
    if chosen not in (dtypes.int32, dtypes.int64):
        raise TypeError(f"randint(): dtype must be int32 or int64, not {chosen}")
    return Tensor(np.random.randint(low, high, _shape(shape)).astype(chosen.numpy))


@_eager_only
def randperm(n: int, dtype: Any = "int64", name: str | None = None) -> Tensor:
    """A random permutation of 0 .. n-1."""
    if n < 0:
        raise ValueError(f"randperm(): n must be non-negative, not {n}")
    chosen = dtypes.as_dtype(dtype)
    if chosen == dtypes.bool_:
        raise TypeError("randperm(): dtype must be a number type, not bool")
    return Tensor(np.random.permutation(n).astype(chosen.numpy))


@_eager_only
def bernoulli(x: Tensor, name: str | None = None) -> Tensor:
    """1 with the probability in each element of `x`, else 0 (x's dtype)."""
    p = x.numpy()
    if p.dtype.kind != "f":
        raise TypeError(f"bernoulli(): x must be a float tensor, not {x.dtype}")
    if np.any((p < 0) | (p > 1)):
        raise ValueError("bernoulli(): the probabilities must be in [0, 1]")
    return Tensor((np.random.random_sample(p.shape) < p).astype(p.dtype))


__all__ = ["rand", "randn", "standard_normal", "uniform", "normal", "randint", "randperm",
           "bernoulli", "EAGER_ONLY"]
