"""paddle.incubate.nn: the fused layers and their functions."""
from . import functional
from .layers import (FusedBiasDropoutResidualLayerNorm, FusedDropout, FusedDropoutAdd,
                     FusedFeedForward, FusedLinear, FusedMultiHeadAttention,
                     FusedTransformerEncoderLayer)

__all__ = ["functional", "FusedBiasDropoutResidualLayerNorm", "FusedDropout", "FusedDropoutAdd",
           "FusedFeedForward", "FusedLinear", "FusedMultiHeadAttention",
           "FusedTransformerEncoderLayer"]
