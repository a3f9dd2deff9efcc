"""paddle.vision.ops: the layers the vision models build on, and greedy
non-maximum suppression (nms)."""
from __future__ import annotations

from typing import Any, Callable, Sequence

from .. import nn
from ..eager.functional import (arange, argsort, gather, isin, logical_and, logical_not,
                                logical_or, masked_select, maximum, minimum, to_tensor, zeros)
from ..eager.tensor import Tensor


class ConvNormActivation(nn.Sequential):
    """Conv2D, then a norm layer and an activation (either may be None): a
    Sequential, so its parameters are named 0.weight, 1.weight, ... as
    Paddle's. The padding keeps the size at stride 1 unless given; the
    convolution has a bias only without a norm layer (unless `bias` says)."""

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int = 3,
                 stride: int = 1, padding: Any = None, groups: int = 1,
                 norm_layer: Callable[..., nn.Layer] | None = nn.BatchNorm2D,
                 activation_layer: Callable[..., nn.Layer] | None = nn.ReLU,
                 dilation: int = 1, bias: bool | None = None) -> None:
        if padding is None:
            padding = (kernel_size - 1) // 2 * dilation
        if bias is None:
            bias = norm_layer is None
        layers: list[nn.Layer] = [nn.Conv2D(in_channels, out_channels, kernel_size, stride,
                                            padding, dilation=dilation, groups=groups,
                                            bias_attr=None if bias else False)]
        if norm_layer is not None:
            layers.append(norm_layer(out_channels))
        if activation_layer is not None:
            layers.append(activation_layer())
        super().__init__(*layers)


def _suppressed(boxes: Tensor, iou_threshold: float, same_group: Tensor | None) -> Tensor:
    """Greedy suppression over boxes [n, 4] (x1, y1, x2, y2) in their order:
    each box not suppressed itself suppresses the later ones (of its group)
    it overlaps by an IoU above the threshold."""
    x1, y1, x2, y2 = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]
    area = (x2 - x1) * (y2 - y1)
    width = minimum(x2[:, None], x2[None, :]) - maximum(x1[:, None], x1[None, :])
    height = minimum(y2[:, None], y2[None, :]) - maximum(y1[:, None], y1[None, :])
    inter = maximum(width, 0.0) * maximum(height, 0.0)
    overlaps = inter / (area[:, None] + area[None, :] - inter) > iou_threshold
    n = boxes.shape[0]
    positions = arange(n)
    overlaps = logical_and(overlaps, positions[None, :] > positions[:, None])
    if same_group is not None:
        overlaps = logical_and(overlaps, same_group)
    suppressed = zeros([n], "bool")
    for i in range(n):
        suppressed = logical_or(suppressed,
                                logical_and(overlaps[i], logical_not(suppressed[i])))
    return suppressed


def nms(boxes: Tensor, iou_threshold: float = 0.3, scores: Tensor | None = None,
        category_idxs: Tensor | None = None, categories: Sequence[int] | None = None,
        top_k: int | None = None) -> Tensor:
    """The indices (int64) of the boxes greedy non-maximum suppression keeps:
    in score order (highest first) when scores are given, else in the boxes'
    order; per category with category_idxs (only the categories listed),
    then at most top_k."""
    n = boxes.shape[0]
    order = arange(n) if scores is None else argsort(scores, descending=True)
    ordered = gather(boxes, order)
    if category_idxs is None:
        keep = logical_not(_suppressed(ordered, iou_threshold, None))
    else:
        if categories is None:
            raise AssertionError("if category_idxs is given, categories which is a list of "
                                 "unique id of all categories is necessary")
        category = gather(category_idxs, order)
        keep = logical_not(_suppressed(ordered, iou_threshold,
                                       category[:, None] == category[None, :]))
        keep = logical_and(keep, isin(category, to_tensor(list(categories), dtype="int64")))
    kept = masked_select(order, keep)
    return kept if top_k is None else kept[:top_k]
