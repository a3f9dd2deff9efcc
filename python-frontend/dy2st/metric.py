"""paddle.metric's accuracy (also paddle.static.accuracy)."""
from __future__ import annotations

from .eager.functional import any as _any, cast, mean, topk, unsqueeze
from .eager.tensor import Tensor


def accuracy(input: Tensor, label: Tensor, k: int = 1, correct: Tensor | None = None,
             total: Tensor | None = None, name: str | None = None) -> Tensor:
    """The fraction of rows whose label (int, [N, 1]) is among the k highest
    scores of `input` ([N, classes]), as a 0-d float32 tensor."""
    _, best = topk(input, k)
    hit = _any(best == label, axis=-1)
    return mean(cast(hit, "float32"))
