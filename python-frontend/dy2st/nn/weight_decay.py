"""Weight decay given to parameters through ParamAttr (public as
paddle.regularizer; here, below the layers that take it). dy2st runs models
(it does not train them), so a regularizer is accepted and kept, with no
effect on what the model computes."""
from __future__ import annotations


class WeightDecayRegularizer:
    """A weight decay of `coeff`, as Paddle's optimizers would apply it."""

    def __init__(self, coeff: float = 0.0) -> None:
        self.coeff = coeff

    def __repr__(self) -> str:
        return f"{type(self).__name__}(coeff={self.coeff})"


class L1Decay(WeightDecayRegularizer):
    """coeff * sum(abs(w)), in training."""


class L2Decay(WeightDecayRegularizer):
    """coeff * sum(w * w) / 2, in training."""


L1DecayRegularizer = L1Decay
L2DecayRegularizer = L2Decay
