"""paddle.vision.ops.matrix_nms (SOLOv2's and PP-YOLO's Matrix NMS), as
Paddle's CPU kernel computes it, written once over the operations (eagerly
and compiled): per image and class, the candidates above score_threshold by
score (at most nms_top_k), each score decayed by its IoU with the
higher-scored ones (linear or Gaussian), those above post_threshold kept;
then the image's detections by decayed score, at most keep_top_k."""
from __future__ import annotations

from typing import Any

from ..eager.functional import (arange, argsort, cast, concat, exp, full, gather, isnan,
                                logical_not, logical_or, masked_select, max as largest,
                                min as smallest, minimum, reshape, unsqueeze, where, zeros)
from ..eager.tensor import Tensor
from .proposals import _overlaps


def _class_detections(boxes, scores, score_threshold, post_threshold, nms_top_k, use_gaussian,
                      sigma, pixel):
    """One class's kept boxes (their positions) and decayed scores, by score."""
    order = argsort(scores, descending=True, stable=True)
    order = masked_select(order, gather(scores, order) > score_threshold)
    if nms_top_k > -1:
        order = order[:nms_top_k]
    ranked = gather(scores, order)
    k = order.shape[0]
    if k == 0:
        return order, ranked
    earlier = unsqueeze(arange(k), 0) < unsqueeze(arange(k), 1)   # [i, j]: j before i
    candidates = gather(boxes, order)
    pairs = _overlaps(unsqueeze(candidates, 1), unsqueeze(candidates, 0), pixel)
    iou = where(earlier, pairs, 0.0)
    # Each candidate's largest IoU with a higher-scored one (0 for the first).
    most = unsqueeze(largest(iou, axis=1), 0)
    if use_gaussian:
        decay = exp((most * most - iou * iou) * sigma)
    else:
        decay = (1.0 - iou) / (1.0 - most)
    # std::min keeps its first operand against NaN (a box twice: 0 / 0).
    decay = where(logical_or(logical_not(earlier), isnan(decay)), 1.0, decay)
    decayed = minimum(smallest(decay, axis=1), 1.0) * ranked
    kept = decayed > post_threshold
    return masked_select(order, kept), masked_select(decayed, kept)


def matrix_nms(bboxes: Tensor, scores: Tensor, score_threshold: float, post_threshold: float,
               nms_top_k: int, keep_top_k: int, use_gaussian: bool = False,
               gaussian_sigma: float = 2.0, background_label: int = 0, normalized: bool = True,
               return_index: bool = False, return_rois_num: bool = True,
               name: str | None = None) -> tuple[Tensor, Any, Any]:
    """Detections [D, 2 + box size] (class, decayed score, box) of bboxes [N,
    M, box size] and scores [N, classes, M], image after image; with
    return_rois_num the detections per image [N] int32, with return_index
    each one's box as image * M + position [D, 1] int32 (else None)."""
    n, classes, m = scores.shape[0], scores.shape[1], scores.shape[2]
    width = bboxes.shape[2] + 2
    out = zeros([0, width], bboxes.dtype)
    index = zeros([0], "int64")
    counts = zeros([0], "int32")
    for i in range(n):
        picked = zeros([0], "int64")
        decayed = zeros([0], scores.dtype)
        labels = zeros([0], scores.dtype)
        for c in range(classes):
            if c == background_label:
                continue
            positions, values = _class_detections(
                bboxes[i], scores[i, c], score_threshold, post_threshold, nms_top_k,
                use_gaussian, gaussian_sigma, not normalized)
            picked = concat([picked, positions])
            decayed = concat([decayed, values])
            labels = concat([labels, full(values.shape, float(c), scores.dtype)])
        best = argsort(decayed, descending=True, stable=True)
        if keep_top_k > -1:
            best = best[:keep_top_k]
        picked = gather(picked, best)
        rows = concat([unsqueeze(gather(labels, best), 1), unsqueeze(gather(decayed, best), 1),
                       gather(bboxes[i], picked)], axis=1)
        out = concat([out, rows])
        index = concat([index, picked + i * m])
        counts = concat([counts, full([1], best.shape[0], "int32")])
    return (out, counts if return_rois_num else None,
            reshape(cast(index, "int32"), [-1, 1]) if return_index else None)
