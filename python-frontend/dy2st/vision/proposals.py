"""Faster R-CNN's region proposal operations, as Paddle's CPU kernels compute
them, written once over the operations (eagerly and compiled):
`generate_proposals` (per image: the best anchors by score, their boxes
decoded from the deltas, clipped, small ones dropped, greedy NMS with Paddle's
pixel IoU and adaptive threshold) and `distribute_fpn_proposals` (each box to
the FPN level of its scale)."""
from __future__ import annotations

import math
from typing import Any

from ..eager.functional import (any as any_true, arange, argsort, cast, concat, cumsum, exp,
                                flip, floor, full, gather, log2, logical_and, logical_not,
                                logical_or, masked_select, maximum, minimum, reshape, sqrt,
                                stack, sum as total, transpose, unsqueeze, where, zeros,
                                zeros_like)
from ..eager.tensor import Tensor

_DELTA_CLIP = math.log(1000.0 / 16.0)
"""The largest log size ratio a delta decodes to (Paddle's kBBoxClipDefault)."""


def _area(boxes, pixel):
    """Box areas, 0 for boxes whose corners are the wrong way round; pixel
    boxes count both corners."""
    w = boxes[..., 2] - boxes[..., 0]
    h = boxes[..., 3] - boxes[..., 1]
    area = (w + 1.0) * (h + 1.0) if pixel else w * h
    return where(logical_or(w < 0.0, h < 0.0), 0.0, area)


def _overlaps(a, b, pixel):
    """IoU of boxes a and b [..., >=4] (broadcast: one box against many, or
    every pair), as Paddle's JaccardOverlap: 0 for boxes apart, pixel boxes
    counting both corners."""
    apart = logical_or(logical_or(b[..., 0] > a[..., 2], b[..., 2] < a[..., 0]),
                       logical_or(b[..., 1] > a[..., 3], b[..., 3] < a[..., 1]))
    extra = 1.0 if pixel else 0.0
    inter_w = minimum(a[..., 2], b[..., 2]) - maximum(a[..., 0], b[..., 0]) + extra
    inter_h = minimum(a[..., 3], b[..., 3]) - maximum(a[..., 1], b[..., 1]) + extra
    inter = inter_w * inter_h
    return where(apart, 0.0, inter / (_area(a, pixel) + _area(b, pixel) - inter))


def _nms(boxes, scores, threshold, eta, pixel):
    """Positions in boxes the greedy suppression keeps, in the order it keeps
    them: by score, highest first (of equal scores the later box first, as
    Paddle's stable ascending sort read from its end), each kept where its
    IoU with every box kept before is at most the threshold, which an eta
    below 1 lowers after each box kept while it is above 0.5."""
    k = boxes.shape[0]
    order = (k - 1) - argsort(flip(scores, [0]), descending=True, stable=True)
    ordered = gather(boxes, order)
    kept = zeros([k], "bool")
    limit = full([], threshold, scores.dtype)
    for j in range(k):
        close = logical_not(_overlaps(ordered[j], ordered, pixel) <= limit)
        keep = logical_not(any_true(logical_and(kept, close)))
        kept[j] = keep
        if eta < 1.0:
            limit = where(logical_and(keep, limit > 0.5), limit * eta, limit)
    return masked_select(order, kept)


def _image_proposals(scores, deltas, image, anchors, variances, pre_nms_top_n, post_nms_top_n,
                     nms_thresh, min_size, eta, pixel):
    """One image's proposals [k, 4] and their scores [k, 1]."""
    order = argsort(scores, descending=True, stable=True)
    if pre_nms_top_n > 0:
        order = order[:pre_nms_top_n]
    scores = gather(scores, order)
    deltas, anchors, variances = (gather(t, order) for t in (deltas, anchors, variances))
    extra = 1.0 if pixel else 0.0
    anchor_w = anchors[:, 2] - anchors[:, 0] + extra
    anchor_h = anchors[:, 3] - anchors[:, 1] + extra
    centre_x = variances[:, 0] * deltas[:, 0] * anchor_w + (anchors[:, 0] + 0.5 * anchor_w)
    centre_y = variances[:, 1] * deltas[:, 1] * anchor_h + (anchors[:, 1] + 0.5 * anchor_h)
    w = exp(minimum(variances[:, 2] * deltas[:, 2], _DELTA_CLIP)) * anchor_w
    h = exp(minimum(variances[:, 3] * deltas[:, 3], _DELTA_CLIP)) * anchor_h
    height, width = image[0], image[1]
    x1 = maximum(minimum(centre_x - w / 2, width - extra), 0.0)
    y1 = maximum(minimum(centre_y - h / 2, height - extra), 0.0)
    x2 = maximum(minimum(centre_x + w / 2 - extra, width - extra), 0.0)
    y2 = maximum(minimum(centre_y + h / 2 - extra, height - extra), 0.0)
    boxes = stack([x1, y1, x2, y2], axis=1)
    least = max(min_size, 1.0)
    box_w, box_h = x2 - x1 + extra, y2 - y1 + extra
    large = logical_and(box_w >= least, box_h >= least)
    if pixel:
        inside = logical_and(x1 + box_w / 2 <= width, y1 + box_h / 2 <= height)
        large = logical_and(large, inside)
    left = masked_select(arange(boxes.shape[0], dtype="int64"), large)
    boxes, scores = gather(boxes, left), gather(scores, left)
    if boxes.shape[0] == 0:
        # Paddle's: one empty box of score 0 where no box is left.
        return zeros([1, 4], boxes.dtype), zeros([1, 1], scores.dtype)
    if nms_thresh <= 0:
        return boxes, unsqueeze(scores, 1)
    kept = _nms(boxes, scores, nms_thresh, eta, pixel)
    if post_nms_top_n > 0:
        kept = kept[:post_nms_top_n]
    return gather(boxes, kept), unsqueeze(gather(scores, kept), 1)


def generate_proposals(scores: Tensor, bbox_deltas: Tensor, img_size: Tensor, anchors: Tensor,
                       variances: Tensor, pre_nms_top_n: int = 6000, post_nms_top_n: int = 1000,
                       nms_thresh: float = 0.5, min_size: float = 0.1, eta: float = 1.0,
                       pixel_offset: bool = False, return_rois_num: bool = False,
                       name: str | None = None) -> tuple[Tensor, Tensor, Tensor | None]:
    """RPN proposals of a batch: scores [N, A, H, W], bbox_deltas [N, 4A, H,
    W], img_size [N, 2] (height, width), anchors and variances [H, W, A, 4].
    (rois [R, 4], their scores [R, 1], rois per image [N] int32 with
    return_rois_num, else None), the images' rois one after the other."""
    n = scores.shape[0]
    flat_scores = reshape(transpose(scores, [0, 2, 3, 1]), [n, -1])
    flat_deltas = reshape(transpose(bbox_deltas, [0, 2, 3, 1]), [n, -1, 4])
    anchors, variances = reshape(anchors, [-1, 4]), reshape(variances, [-1, 4])
    rois = zeros([0, 4], scores.dtype)
    probs = zeros([0, 1], scores.dtype)
    counts = zeros([0], "int32")
    for i in range(n):
        boxes, kept_scores = _image_proposals(
            flat_scores[i], flat_deltas[i], img_size[i], anchors, variances, pre_nms_top_n,
            post_nms_top_n, nms_thresh, min_size, eta, pixel_offset)
        rois = concat([rois, boxes])
        probs = concat([probs, kept_scores])
        counts = concat([counts, full([1], boxes.shape[0], "int32")])
    return rois, probs, (counts if return_rois_num else None)


def distribute_fpn_proposals(fpn_rois: Tensor, min_level: int, max_level: int, refer_level: int,
                             refer_scale: int, pixel_offset: bool = False,
                             rois_num: Tensor | None = None,
                             name: str | None = None) -> tuple[list[Tensor], Tensor, Any]:
    """Each roi [R, 4] to the FPN level floor(refer_level + log2(sqrt(area) /
    refer_scale + 1e-6)), within [min_level, max_level]: (the rois of each
    level in their order, each roi's place in those lists joined [R, 1]
    int32, and with rois_num the rois per image of each level, else None)."""
    scale = sqrt(_area(fpn_rois, pixel_offset))
    level = floor(log2(scale / refer_scale + 1e-6) + refer_level)
    level = cast(minimum(maximum(level, float(min_level)), float(max_level)), "int64")
    positions = arange(fpn_rois.shape[0], dtype="int64")
    multi_rois: list[Tensor] = []
    restore = zeros_like(positions)
    before: Any = 0
    per_image: list[Tensor] | None = None
    if rois_num is not None:
        # image[r, i]: roi r is one of image i's.
        ends = unsqueeze(cumsum(cast(rois_num, "int64"), axis=0), 0)
        index = unsqueeze(positions, 1)
        image = logical_and(index < ends, index >= ends - unsqueeze(cast(rois_num, "int64"), 0))
        per_image = []
    for lvl in range(min_level, max_level + 1):
        here = level == lvl
        multi_rois.append(gather(fpn_rois, masked_select(positions, here)))
        count = cast(here, "int64")
        # Its place in the levels' rois joined: after the lower levels'.
        restore = where(here, cumsum(count, axis=0) - 1 + before, restore)
        before = before + total(count)
        if per_image is not None:
            per_image.append(cast(total(cast(logical_and(image, unsqueeze(here, 1)), "int32"),
                                        axis=0), "int32"))
    return multi_rois, reshape(cast(restore, "int32"), [-1, 1]), per_image

