"""paddle.vision.ops: the layers the vision models build on, greedy
non-maximum suppression (nms), YOLO's box decoding (yolo_box), SSD's
prior boxes (prior_box), box encoding and decoding (box_coder), RoIAlign,
RoIPool and PSRoIPool (roi.py), deformable convolution (deform.py), Faster
R-CNN's proposals (proposals.py: generate_proposals,
distribute_fpn_proposals) and Matrix NMS (matrix_nms.py)."""
from __future__ import annotations

import math
from typing import Any, Callable, Sequence

from .. import nn
from ..eager.functional import (abs as absolute, arange, argsort, cast, exp, expand, gather,
                                isin, log, logical_and, logical_not, logical_or, masked_select,
                                maximum, minimum, pow, reshape, sigmoid, stack, to_tensor,
                                transpose, unsqueeze, where, zeros)
from ..eager.tensor import Tensor
from . import deform as _deform
from . import matrix_nms as _matrix_nms
from . import proposals as _proposals
from . import roi as _roi


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


def yolo_box(x: Tensor, img_size: Tensor, anchors: Sequence[int], class_num: int,
             conf_thresh: float, downsample_ratio: int, clip_bbox: bool = True,
             name: str | None = None, scale_x_y: float = 1.0, iou_aware: bool = False,
             iou_aware_factor: float = 0.5) -> tuple[Tensor, Tensor]:
    """YOLOv3's boxes and scores from a head's output x [N, A*(5+C), H, W]
    (with iou_aware, A IoU channels first): per anchor, cell and image of
    img_size [N, 2] (height, width), Paddle's kernel's corners (x1, y1, x2,
    y2), clipped to the image with clip_bbox, and scores conf * sigmoid(class
    logit); a box whose confidence is under conf_thresh is all zeros, its
    scores too. Boxes [N, A*H*W, 4] and scores [N, A*H*W, C], anchor-major."""
    h, w = x.shape[2], x.shape[3]
    count = len(anchors) // 2
    if iou_aware:
        ious = sigmoid(x[:, :count])
        x = x[:, count:]
    x = reshape(x, [-1, count, 5 + class_num, h, w])
    conf = sigmoid(x[:, :, 4])
    if iou_aware:
        conf = pow(conf, 1.0 - iou_aware_factor) * pow(ious, iou_aware_factor)
    bias = -0.5 * (scale_x_y - 1.0)
    image = cast(img_size, x.dtype)
    img_h = reshape(image[:, 0], [-1, 1, 1, 1])
    img_w = reshape(image[:, 1], [-1, 1, 1, 1])
    grid_x = reshape(arange(w, dtype=x.dtype), [1, 1, 1, w])
    grid_y = reshape(arange(h, dtype=x.dtype), [1, 1, h, 1])
    anchor_w = reshape(to_tensor(list(anchors[0::2]), dtype=x.dtype), [1, count, 1, 1])
    anchor_h = reshape(to_tensor(list(anchors[1::2]), dtype=x.dtype), [1, count, 1, 1])
    # In the kernel's order of operations (its float rounding).
    center_x = (grid_x + sigmoid(x[:, :, 0]) * scale_x_y + bias) * img_w / w
    center_y = (grid_y + sigmoid(x[:, :, 1]) * scale_x_y + bias) * img_h / h
    width = exp(x[:, :, 2]) * anchor_w * img_w / (downsample_ratio * w)
    height = exp(x[:, :, 3]) * anchor_h * img_h / (downsample_ratio * h)
    x1, y1 = center_x - width / 2, center_y - height / 2
    x2, y2 = center_x + width / 2, center_y + height / 2
    if clip_bbox:
        x1 = where(x1 > 0, x1, 0.0)
        y1 = where(y1 > 0, y1, 0.0)
        x2 = where(x2 < img_w - 1, x2, img_w - 1)
        y2 = where(y2 < img_h - 1, y2, img_h - 1)
    kept = conf >= conf_thresh
    boxes = where(kept[:, :, :, :, None], stack([x1, y1, x2, y2], axis=-1), 0.0)
    scores = conf[:, :, None] * sigmoid(x[:, :, 5:])
    scores = where(kept[:, :, None], scores, 0.0)
    scores = transpose(scores, [0, 1, 3, 4, 2])
    return (reshape(boxes, [-1, count * h * w, 4]),
            reshape(scores, [-1, count * h * w, class_num]))


def _centres(boxes, extra):
    """(width, height, centre x, centre y) of corner boxes [..., 4] in the
    kernel's order (`extra` 1 for pixel boxes, whose corners both count)."""
    width = boxes[..., 2] - boxes[..., 0] + extra
    height = boxes[..., 3] - boxes[..., 1] + extra
    return width, height, boxes[..., 0] + width / 2, boxes[..., 1] + height / 2


def box_coder(prior_box: Tensor, prior_box_var: Any, target_box: Tensor,
              code_type: str = "encode_center_size", box_normalized: bool = True,
              axis: int = 0, name: str | None = None) -> Tensor:
    """Boxes as offsets from priors (SSD, Faster R-CNN) and back, as Paddle's
    kernel: encode target [N, 4] against prior [M, 4] to [N, M, 4] (centre
    offsets over the prior's size, log size ratios, over the variances);
    decode target [N, M, 4] to corners, the priors along axis 0 ([M, 4]) or
    1 ([N, 4]). prior_box_var: a tensor like the priors or 4 floats."""
    if isinstance(prior_box_var, (list, tuple)):
        if len(prior_box_var) != 4:
            raise ValueError("box_coder(): prior_box_var must hold 4 floats")
        variance = reshape(to_tensor([float(v) for v in prior_box_var], dtype=prior_box.dtype),
                           [1, 1, 4])
    elif isinstance(prior_box_var, Tensor):
        variance = prior_box_var
    else:
        raise TypeError("Input prior_box_var must be Variable or list|tuple")
    extra = 0.0 if box_normalized else 1.0
    if code_type == "encode_center_size":
        pw, ph, px, py = (reshape(v, [1, -1]) for v in _centres(prior_box, extra))
        tw, th = (target_box[:, 2] - target_box[:, 0] + extra,
                  target_box[:, 3] - target_box[:, 1] + extra)
        tx = (target_box[:, 2] + target_box[:, 0]) / 2
        ty = (target_box[:, 3] + target_box[:, 1]) / 2
        tw, th, tx, ty = (reshape(v, [-1, 1]) for v in (tw, th, tx, ty))
        codes = stack([(tx - px) / pw, (ty - py) / ph, log(absolute(tw / pw)),
                       log(absolute(th / ph))],
                      axis=-1)
        if isinstance(prior_box_var, Tensor):
            variance = unsqueeze(variance, 0)
        return codes / variance
    if code_type != "decode_center_size":
        raise ValueError(f"box_coder(): code_type must be 'encode_center_size' or "
                         f"'decode_center_size', not {code_type!r}")
    if axis not in (0, 1):
        raise ValueError(f"box_coder(): axis must be 0 or 1, not {axis}")
    spread = [1, -1] if axis == 0 else [-1, 1]
    pw, ph, px, py = (reshape(v, spread) for v in _centres(prior_box, extra))
    if isinstance(prior_box_var, Tensor):
        variance = unsqueeze(variance, axis)
    cx = variance[..., 0] * target_box[..., 0] * pw + px
    cy = variance[..., 1] * target_box[..., 1] * ph + py
    w = exp(variance[..., 2] * target_box[..., 2]) * pw
    h = exp(variance[..., 3] * target_box[..., 3]) * ph
    return stack([cx - w / 2, cy - h / 2, cx + w / 2 - extra, cy + h / 2 - extra], axis=-1)


def _expanded_ratios(aspect_ratios, flip):
    """Paddle's ExpandAspectRatios: 1 first, then each ratio not already
    there (and its inverse with flip)."""
    ratios = [1.0]
    for ratio in aspect_ratios:
        if all(abs(ratio - known) >= 1e-6 for known in ratios):
            ratios.append(ratio)
            if flip:
                ratios.append(1.0 / ratio)
    return ratios


def _floats(value):
    """A number or a list of numbers as a list of floats."""
    return [float(v) for v in (value if isinstance(value, (list, tuple)) else [value])]


def prior_box(input: Tensor, image: Tensor, min_sizes: Any, max_sizes: Any = None,
              aspect_ratios: Any = [1.0], variance: Any = [0.1, 0.1, 0.2, 0.2],
              flip: bool = False, clip: bool = False, steps: Any = [0.0, 0.0],
              offset: float = 0.5, min_max_aspect_ratios_order: bool = False,
              name: str | None = None) -> tuple[Tensor, Tensor]:
    """SSD's prior boxes of the feature map `input` [N, C, H, W] over `image`
    [N, C, IH, IW]: [H, W, priors, 4] corners (x1, y1, x2, y2) relative to
    the image, per cell and prior in Paddle's kernel's order, and the
    variances broadcast to that shape."""
    min_sizes, aspect_ratios, steps = _floats(min_sizes), _floats(aspect_ratios), _floats(steps)
    if len(steps) != 2:
        raise ValueError("steps should be (step_w, step_h)")
    if max_sizes is not None and not isinstance(max_sizes, (list, tuple)):
        max_sizes = [max_sizes]
    if max_sizes is None or len(max_sizes) == 0 or max_sizes[0] <= 0:
        max_sizes = []
    variance = _floats(variance)
    ratios = _expanded_ratios(aspect_ratios, flip)
    # Each prior's half width and height, in the kernel's order.
    halves = []
    for k, size in enumerate(min_sizes):
        shaped = [(size * math.sqrt(r) / 2.0, size / math.sqrt(r) / 2.0) for r in ratios]
        square = [(math.sqrt(size * max_sizes[k]) / 2.0,) * 2] if max_sizes else []
        if min_max_aspect_ratios_order:
            halves += [(size / 2.0, size / 2.0)] + square + \
                [half for r, half in zip(ratios, shaped) if abs(r - 1.0) >= 1e-6]
        else:
            halves += shaped + square
    h, w = input.shape[2], input.shape[3]
    img_h, img_w = image.shape[2], image.shape[3]
    step_w, step_h = steps
    if step_w == 0 or step_h == 0:
        step_w, step_h = img_w / w, img_h / h
    center_x = expand(reshape((arange(w, dtype=input.dtype) + offset) * step_w, [1, w, 1]),
                      [h, w, 1])
    center_y = expand(reshape((arange(h, dtype=input.dtype) + offset) * step_h, [h, 1, 1]),
                      [h, w, 1])
    half_w = reshape(to_tensor([p[0] for p in halves], dtype=input.dtype), [1, 1, -1])
    half_h = reshape(to_tensor([p[1] for p in halves], dtype=input.dtype), [1, 1, -1])
    boxes = stack([(center_x - half_w) / img_w, (center_y - half_h) / img_h,
                   (center_x + half_w) / img_w, (center_y + half_h) / img_h], axis=-1)
    if clip:
        boxes = minimum(maximum(boxes, 0.0), 1.0)
    variances = expand(to_tensor(variance, dtype=input.dtype),
                       [h, w, len(halves), len(variance)])
    return boxes, variances


roi_align, RoIAlign = _roi.roi_align, _roi.RoIAlign
roi_pool, RoIPool = _roi.roi_pool, _roi.RoIPool
psroi_pool, PSRoIPool = _roi.psroi_pool, _roi.PSRoIPool
deform_conv2d, DeformConv2D = _deform.deform_conv2d, _deform.DeformConv2D
matrix_nms = _matrix_nms.matrix_nms
generate_proposals = _proposals.generate_proposals
distribute_fpn_proposals = _proposals.distribute_fpn_proposals
