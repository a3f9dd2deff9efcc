"""Paddle's random tensors that compiled code has not yet: eagerly, numpy's
generator (seeded by `dy2st.seed`); a call in compiled code is a clear error
(EAGER_ONLY): randperm, and the in-place fills models' weight initializations
call (`x.normal_()`, `x.uniform_(-a, a)`, ...). The others (rand, randn,
uniform, normal, randint, bernoulli) are composites over the `uniform` and
`gaussian` primitives."""
from __future__ import annotations

from typing import Any

import numpy as np

from . import dtypes
from .compat import check_placement
from .tensor import Tensor

EAGER_ONLY = ("random permutations are not compiled yet: make the tensor outside the "
              "converted function and pass it in")


def randperm(n: int, dtype: Any = "int64", name: str | None = None, *, device: Any = None,
             requires_grad: bool = False, pin_memory: bool = False) -> Tensor:
    """A random permutation of 0 .. n-1."""
    check_placement(device, requires_grad, pin_memory)
    if n < 0:
        raise ValueError(f"randperm(): n must be non-negative, not {n}")
    chosen = dtypes.as_dtype(dtype)
    if chosen == dtypes.bool_:
        raise TypeError("randperm(): dtype must be a number type, not bool")
    return Tensor(np.random.permutation(n).astype(chosen.numpy))


randperm.eager_only = EAGER_ONLY  # type: ignore[attr-defined]

FILLS_EAGER_ONLY = ("the in-place random fills are not compiled yet: fill the tensor outside "
                    "the converted function (as weight initialization does)")


def _filled(x: Tensor, values: np.ndarray, name: str) -> Tensor:
    """x given `values` in place (its dtype kept); x, as Paddle returns it."""
    if x._value.dtype.kind != "f":
        raise TypeError(f"{name}(): the tensor must be float32 or float64, not {x.dtype}")
    x._value[...] = values
    return x


def _uniform(x: Tensor) -> np.ndarray:
    return np.random.uniform(0.0, 1.0, x._value.shape)


def uniform_(x: Tensor, min: float = 0, max: float = 1.0, seed: int = 0,
             name: str | None = None) -> Tensor:
    """x filled with uniform numbers in [min, max)."""
    return _filled(x, np.random.uniform(min, max, x._value.shape), "uniform_")


def normal_(x: Tensor, mean: float = 0.0, std: float = 1.0, name: str | None = None) -> Tensor:
    """x filled with normal numbers of `mean` and `std`."""
    return _filled(x, np.random.normal(mean, std, x._value.shape), "normal_")


def log_normal_(x: Tensor, mean: float = 1.0, std: float = 2.0,
                name: str | None = None) -> Tensor:
    """x filled with exp of normal numbers of `mean` and `std`."""
    return _filled(x, np.exp(np.random.normal(mean, std, x._value.shape)), "log_normal_")


def exponential_(x: Tensor, lam: float = 1.0, name: str | None = None) -> Tensor:
    """x filled with exponential numbers of rate `lam`."""
    return _filled(x, -np.log1p(-_uniform(x)) / lam, "exponential_")


def bernoulli_(x: Tensor, p: Any = 0.5, name: str | None = None) -> Tensor:
    """x filled with 1.0 with probability p (a number or a tensor), else 0.0."""
    probability = p._value if isinstance(p, Tensor) else p
    return _filled(x, (_uniform(x) < probability).astype(np.float64), "bernoulli_")


def cauchy_(x: Tensor, loc: float = 0, scale: float = 1, name: str | None = None) -> Tensor:
    """x filled with Cauchy numbers of `loc` and `scale`."""
    return _filled(x, loc + scale * np.tan(np.pi * (_uniform(x) - 0.5)), "cauchy_")


def geometric_(x: Tensor, probs: Any, name: str | None = None) -> Tensor:
    """x filled as Paddle's geometric_: log(u) / log(1 - probs), u uniform
    in (0, 1) (not rounded to whole trials)."""
    p = probs._value if isinstance(probs, Tensor) else probs
    return _filled(x, np.log(_uniform(x)) / np.log1p(-p), "geometric_")


FILLS = {fn.__name__: fn for fn in (uniform_, normal_, log_normal_, exponential_, bernoulli_,
                                    cauchy_, geometric_)}
for _fill in FILLS.values():
    _fill.eager_only = FILLS_EAGER_ONLY  # type: ignore[attr-defined]

__all__ = ["randperm", "EAGER_ONLY", "normal_", "log_normal_", "bernoulli_", "cauchy_",
           "geometric_"]
