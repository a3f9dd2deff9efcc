"""Layers of two or three inputs: the losses (each calls its nn.functional
composite with the options it was made with), distances and Bilinear."""
from __future__ import annotations

from typing import Callable

from ..eager.tensor import Tensor
from . import functional
from .layer import Layer, ParamAttr, ParamAttrLike


class CrossEntropyLoss(Layer):
    def __init__(self, weight: Tensor | None = None, ignore_index: int = -100,
                 reduction: str = "mean", soft_label: bool = False, axis: int = -1,
                 use_softmax: bool = True, label_smoothing: float = 0.0,
                 name: str | None = None) -> None:
        super().__init__()
        self.weight = weight
        self.ignore_index, self.reduction, self.soft_label = ignore_index, reduction, soft_label
        self.axis, self.use_softmax, self.label_smoothing = axis, use_softmax, label_smoothing

    def forward(self, input: Tensor, label: Tensor) -> Tensor:
        return functional.cross_entropy(input, label, weight=self.weight,
                                        ignore_index=self.ignore_index,
                                        reduction=self.reduction, soft_label=self.soft_label,
                                        axis=self.axis, use_softmax=self.use_softmax,
                                        label_smoothing=self.label_smoothing)


class NLLLoss(Layer):
    def __init__(self, weight: Tensor | None = None, ignore_index: int = -100,
                 reduction: str = "mean", name: str | None = None) -> None:
        super().__init__()
        self._weight, self._ignore_index, self._reduction = weight, ignore_index, reduction

    def forward(self, input: Tensor, label: Tensor) -> Tensor:
        return functional.nll_loss(input, label, self._weight, self._ignore_index,
                                   self._reduction)


class MSELoss(Layer):
    def __init__(self, reduction: str = "mean") -> None:
        super().__init__()
        self.reduction = reduction

    def forward(self, input: Tensor, label: Tensor) -> Tensor:
        return functional.mse_loss(input, label, self.reduction)


class L1Loss(Layer):
    def __init__(self, reduction: str = "mean", name: str | None = None) -> None:
        super().__init__()
        self.reduction = reduction

    def forward(self, input: Tensor, label: Tensor) -> Tensor:
        return functional.l1_loss(input, label, self.reduction)


class SmoothL1Loss(Layer):
    def __init__(self, reduction: str = "mean", delta: float = 1.0, is_huber: bool = True,
                 name: str | None = None) -> None:
        super().__init__()
        self.reduction, self.delta, self.is_huber = reduction, delta, is_huber

    def forward(self, input: Tensor, label: Tensor) -> Tensor:
        return functional.smooth_l1_loss(input, label, self.reduction, self.delta, self.is_huber)


class KLDivLoss(Layer):
    def __init__(self, reduction: str = "mean", log_target: bool = False) -> None:
        super().__init__()
        self.reduction, self.log_target = reduction, log_target

    def forward(self, input: Tensor, label: Tensor) -> Tensor:
        return functional.kl_div(input, label, self.reduction, self.log_target)


class BCELoss(Layer):
    def __init__(self, weight: Tensor | None = None, reduction: str = "mean",
                 name: str | None = None) -> None:
        super().__init__()
        self.weight, self.reduction = weight, reduction

    def forward(self, input: Tensor, label: Tensor) -> Tensor:
        return functional.binary_cross_entropy(input, label, self.weight, self.reduction)


class BCEWithLogitsLoss(Layer):
    def __init__(self, weight: Tensor | None = None, reduction: str = "mean",
                 pos_weight: Tensor | None = None, name: str | None = None) -> None:
        super().__init__()
        self.weight, self.reduction, self.pos_weight = weight, reduction, pos_weight

    def forward(self, logit: Tensor, label: Tensor) -> Tensor:
        return functional.binary_cross_entropy_with_logits(logit, label, self.weight,
                                                           self.reduction, self.pos_weight)


class SoftMarginLoss(Layer):
    def __init__(self, reduction: str = "mean", name: str | None = None) -> None:
        super().__init__()
        self.reduction = reduction

    def forward(self, input: Tensor, label: Tensor) -> Tensor:
        return functional.soft_margin_loss(input, label, self.reduction)


class CTCLoss(Layer):
    def __init__(self, blank: int = 0, reduction: str = "mean",
                 zero_infinity: bool = False) -> None:
        super().__init__()
        self.blank, self.reduction, self.zero_infinity = blank, reduction, zero_infinity

    def forward(self, log_probs: Tensor, labels: Tensor, input_lengths: Tensor,
                label_lengths: Tensor, norm_by_times: bool = False) -> Tensor:
        return functional.ctc_loss(log_probs, labels, input_lengths, label_lengths, self.blank,
                                   self.reduction, norm_by_times, self.zero_infinity)


class HingeEmbeddingLoss(Layer):
    def __init__(self, margin: float = 1.0, reduction: str = "mean",
                 name: str | None = None) -> None:
        super().__init__()
        self.margin, self.reduction = margin, reduction

    def forward(self, input: Tensor, label: Tensor) -> Tensor:
        return functional.hinge_embedding_loss(input, label, self.margin, self.reduction)


class MultiLabelSoftMarginLoss(Layer):
    def __init__(self, weight: Tensor | None = None, reduction: str = "mean",
                 name: str | None = None) -> None:
        super().__init__()
        self.weight, self.reduction = weight, reduction

    def forward(self, input: Tensor, label: Tensor) -> Tensor:
        return functional.multi_label_soft_margin_loss(input, label, self.weight,
                                                       self.reduction)


class PoissonNLLLoss(Layer):
    def __init__(self, log_input: bool = True, full: bool = False, epsilon: float = 1e-08,
                 reduction: str = "mean", name: str | None = None) -> None:
        super().__init__()
        self._log_input, self._full, self._epsilon = log_input, full, epsilon
        self._reduction = reduction

    def forward(self, input: Tensor, label: Tensor) -> Tensor:
        return functional.poisson_nll_loss(input, label, self._log_input, self._full,
                                           self._epsilon, self._reduction)


class MarginRankingLoss(Layer):
    def __init__(self, margin: float = 0.0, reduction: str = "mean",
                 name: str | None = None) -> None:
        super().__init__()
        self.margin, self.reduction = margin, reduction

    def forward(self, input: Tensor, other: Tensor, label: Tensor) -> Tensor:
        return functional.margin_ranking_loss(input, other, label, self.margin, self.reduction)


class CosineEmbeddingLoss(Layer):
    def __init__(self, margin: float = 0, reduction: str = "mean",
                 name: str | None = None) -> None:
        super().__init__()
        self.margin, self.reduction = margin, reduction

    def forward(self, input1: Tensor, input2: Tensor, label: Tensor) -> Tensor:
        return functional.cosine_embedding_loss(input1, input2, label, self.margin,
                                                self.reduction)


class TripletMarginLoss(Layer):
    def __init__(self, margin: float = 1.0, p: float = 2.0, epsilon: float = 1e-06,
                 swap: bool = False, reduction: str = "mean", name: str | None = None) -> None:
        super().__init__()
        self.margin, self.p, self.epsilon, self.swap = margin, p, epsilon, swap
        self.reduction = reduction

    def forward(self, input: Tensor, positive: Tensor, negative: Tensor) -> Tensor:
        return functional.triplet_margin_loss(input, positive, negative, self.margin, self.p,
                                              self.epsilon, self.swap, self.reduction)


class TripletMarginWithDistanceLoss(Layer):
    def __init__(self, distance_function: Callable[[Tensor, Tensor], Tensor] | None = None,
                 margin: float = 1.0, swap: bool = False, reduction: str = "mean",
                 name: str | None = None) -> None:
        super().__init__()
        self.distance_function, self.margin, self.swap = distance_function, margin, swap
        self.reduction = reduction

    def forward(self, input: Tensor, positive: Tensor, negative: Tensor) -> Tensor:
        return functional.triplet_margin_with_distance_loss(
            input, positive, negative, self.distance_function, self.margin, self.swap,
            self.reduction)


class MultiMarginLoss(Layer):
    def __init__(self, p: int = 1, margin: float = 1.0, weight: Tensor | None = None,
                 reduction: str = "mean", name: str | None = None) -> None:
        super().__init__()
        self.p, self.margin, self.weight, self.reduction = p, margin, weight, reduction

    def forward(self, input: Tensor, label: Tensor) -> Tensor:
        return functional.multi_margin_loss(input, label, self.p, self.margin, self.weight,
                                            self.reduction)


class MultiLabelMarginLoss(Layer):
    def __init__(self, reduction: str = "mean", name: str | None = None) -> None:
        super().__init__()
        self.reduction = reduction

    def forward(self, input: Tensor, label: Tensor) -> Tensor:
        return functional.multi_label_margin_loss(input, label, self.reduction)


class GaussianNLLLoss(Layer):
    def __init__(self, full: bool = False, epsilon: float = 1e-06, reduction: str = "mean",
                 name: str | None = None) -> None:
        super().__init__()
        self.full, self.epsilon, self.reduction = full, epsilon, reduction

    def forward(self, input: Tensor, label: Tensor, variance: Tensor) -> Tensor:
        return functional.gaussian_nll_loss(input, label, variance, self.full, self.epsilon,
                                            self.reduction)


class CosineSimilarity(Layer):
    def __init__(self, axis: int = 1, eps: float = 1e-08) -> None:
        super().__init__()
        self._axis, self._eps = axis, eps

    def forward(self, x1: Tensor, x2: Tensor) -> Tensor:
        return functional.cosine_similarity(x1, x2, self._axis, self._eps)


class PairwiseDistance(Layer):
    def __init__(self, p: float = 2.0, epsilon: float = 1e-06, keepdim: bool = False,
                 name: str | None = None) -> None:
        super().__init__()
        self.p, self.epsilon, self.keepdim = p, epsilon, keepdim

    def forward(self, x: Tensor, y: Tensor) -> Tensor:
        return functional.pairwise_distance(x, y, self.p, self.epsilon, self.keepdim)


class Bilinear(Layer):
    """out[:, k] = x1 @ weight[k] @ x2^T + bias[:, k]: weight of shape
    [out_features, in1_features, in2_features], bias [1, out_features]."""

    def __init__(self, in1_features: int, in2_features: int, out_features: int,
                 weight_attr: ParamAttr | str | None = None, bias_attr: ParamAttrLike = None,
                 name: str | None = None) -> None:
        super().__init__()
        self._in1_features, self._in2_features = in1_features, in2_features
        self._out_features = out_features
        self._weight_attr, self._bias_attr = weight_attr, bias_attr
        self.weight = self.create_parameter([out_features, in1_features, in2_features],
                                            attr=weight_attr)
        self.bias = self.create_parameter([1, out_features], attr=bias_attr, is_bias=True)

    def forward(self, x1: Tensor, x2: Tensor) -> Tensor:
        return functional.bilinear(x1, x2, self.weight, self.bias)
