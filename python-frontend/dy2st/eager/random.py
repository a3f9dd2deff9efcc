"""Paddle's random tensors that compiled code has not yet: eagerly, numpy's
generator (seeded by `dy2st.seed`); a call in compiled code is a clear error
(EAGER_ONLY). The others (rand, randn, uniform, normal, randint, bernoulli)
are composites over the `uniform` and `gaussian` primitives."""
from __future__ import annotations

from typing import Any

import numpy as np

from . import dtypes
from .tensor import Tensor

EAGER_ONLY = ("random permutations are not compiled yet: make the tensor outside the "
              "converted function and pass it in")


def randperm(n: int, dtype: Any = "int64", name: str | None = None) -> Tensor:
    """A random permutation of 0 .. n-1."""
    if n < 0:
        raise ValueError(f"randperm(): n must be non-negative, not {n}")
    chosen = dtypes.as_dtype(dtype)
    if chosen == dtypes.bool_:
        raise TypeError("randperm(): dtype must be a number type, not bool")
    return Tensor(np.random.permutation(n).astype(chosen.numpy))


randperm.eager_only = EAGER_ONLY  # type: ignore[attr-defined]

__all__ = ["randperm", "EAGER_ONLY"]
