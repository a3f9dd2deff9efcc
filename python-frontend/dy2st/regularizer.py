"""paddle.regularizer: weight decay given to parameters through ParamAttr
(defined in nn.weight_decay, which layers read)."""
from .nn.weight_decay import (L1Decay, L1DecayRegularizer, L2Decay,  # noqa: F401
                              L2DecayRegularizer, WeightDecayRegularizer)
