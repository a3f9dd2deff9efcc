"""paddle.vision.ops.generate_proposals and distribute_fpn_proposals against
loop-by-loop copies of Paddle's CPU kernels (in float64), eagerly and
compiled, for sizes known only at run time too. Real Paddle's own results
are compared in test_paddle_dy2st_cases.py (`region_proposals`)."""
import math

import numpy as np
import pytest

import dy2st as paddle
from dy2st.static import InputSpec
from dy2st_cases import _rpn_inputs


def _area(box, pixel):
    if box[2] < box[0] or box[3] < box[1]:
        return 0.0
    w, h = box[2] - box[0], box[3] - box[1]
    return (w + 1) * (h + 1) if pixel else w * h


def _overlap(a, b, pixel):
    if b[0] > a[2] or b[2] < a[0] or b[1] > a[3] or b[3] < a[1]:
        return 0.0
    extra = 1.0 if pixel else 0.0
    inter = (min(a[2], b[2]) - max(a[0], b[0]) + extra) * \
        (min(a[3], b[3]) - max(a[1], b[1]) + extra)
    return inter / (_area(a, pixel) + _area(b, pixel) - inter)


def _proposals_reference(scores, deltas, sizes, anchors, variances, pre=6000, post=1000,
                         thresh=0.5, min_size=0.1, eta=1.0, pixel=False):
    """Paddle's GenerateProposalsKernel, image by image and box by box."""
    extra = 1.0 if pixel else 0.0
    rois, probs, counts = [], [], []
    anchors, variances = anchors.reshape(-1, 4), variances.reshape(-1, 4)
    for s, d, (height, width) in zip(scores, deltas, sizes):
        s = s.transpose(1, 2, 0).ravel().astype(np.float64)
        d = d.transpose(1, 2, 0).reshape(-1, 4).astype(np.float64)
        order = sorted(range(len(s)), key=lambda i: -s[i])
        if 0 < pre < len(s):
            order = order[:pre]
        boxes, kept_scores = [], []
        for i in order:
            a, v, t = anchors[i], variances[i], d[i]
            aw, ah = a[2] - a[0] + extra, a[3] - a[1] + extra
            cx, cy = v[0] * t[0] * aw + a[0] + 0.5 * aw, v[1] * t[1] * ah + a[1] + 0.5 * ah
            w = math.exp(min(v[2] * t[2], math.log(1000.0 / 16.0))) * aw
            h = math.exp(min(v[3] * t[3], math.log(1000.0 / 16.0))) * ah
            box = [cx - w / 2, cy - h / 2, cx + w / 2 - extra, cy + h / 2 - extra]
            box = [max(min(c, (width if k % 2 == 0 else height) - extra), 0.0)
                   for k, c in enumerate(box)]
            bw, bh = box[2] - box[0] + extra, box[3] - box[1] + extra
            large = bw >= max(min_size, 1.0) and bh >= max(min_size, 1.0)
            if pixel:
                large = large and box[0] + bw / 2 <= width and box[1] + bh / 2 <= height
            if large:
                boxes.append(box)
                kept_scores.append(s[i])
        if not boxes:
            boxes, kept_scores = [[0.0] * 4], [0.0]
        elif thresh > 0:
            # Highest score first; of equal scores, the later box.
            order = sorted(range(len(boxes)), key=lambda i: (-kept_scores[i], -i))
            selected, limit = [], thresh
            for i in order:
                if all(_overlap(boxes[i], boxes[j], pixel) <= limit for j in selected):
                    selected.append(i)
                    if eta < 1 and limit > 0.5:
                        limit *= eta
            if post > 0:
                selected = selected[:post]
            boxes = [boxes[i] for i in selected]
            kept_scores = [kept_scores[i] for i in selected]
        rois += boxes
        probs += kept_scores
        counts.append(len(boxes))
    return np.array(rois).reshape(-1, 4), np.array(probs).reshape(-1, 1), np.array(counts)


def _levels_reference(rois, counts, low, high, refer_level, refer_scale, pixel):
    """Paddle's DistributeFpnProposalsKernel, roi by roi."""
    levels = [min(high, max(low, math.floor(math.log2(math.sqrt(_area(r, pixel)) / refer_scale
                                                      + 1e-6) + refer_level)))
              for r in rois]
    multi = [rois[[k for k, lvl in enumerate(levels) if lvl == level]].reshape(-1, 4)
             for level in range(low, high + 1)]
    joined = [k for level in range(low, high + 1) for k, lvl in enumerate(levels)
              if lvl == level]
    restore = np.empty(len(rois), np.int64)
    restore[joined] = np.arange(len(rois))
    starts = np.concatenate([[0], np.cumsum(counts)])
    per_image = [np.array([sum(1 for k in range(starts[i], starts[i + 1]) if levels[k] == level)
                           for i in range(len(counts))]) for level in range(low, high + 1)]
    return multi, restore.reshape(-1, 1), per_image


OPTIONS = [{}, {"pre_nms_top_n": 40, "post_nms_top_n": 12, "nms_thresh": 0.4},
           {"pixel_offset": True, "nms_thresh": 0.6, "min_size": 4.0},
           {"eta": 0.8, "nms_thresh": 0.9}, {"nms_thresh": 0.0, "min_size": 20.0},
           {"min_size": 500.0}]
NAMES = {"pre_nms_top_n": "pre", "post_nms_top_n": "post", "nms_thresh": "thresh",
         "min_size": "min_size", "eta": "eta", "pixel_offset": "pixel"}


def rpn(scores, deltas, sizes, anchors, variances, options):
    rois, probs, num = paddle.vision.ops.generate_proposals(
        scores, deltas, sizes, anchors, variances, return_rois_num=True, **options)
    levels, restore, per_image = paddle.vision.ops.distribute_fpn_proposals(
        rois * 4.0, 2, 5, 4, 56, options.get("pixel_offset", False), num)
    return rois, probs, num, levels, restore, per_image


@pytest.mark.parametrize("options", OPTIONS)
def test_proposals_and_levels_are_paddles_kernels(options):
    inputs = _rpn_inputs()
    rois, probs, counts = _proposals_reference(
        *inputs, **{NAMES[k]: v for k, v in options.items()})
    multi, restore, per_image = _levels_reference(rois * 4.0, counts, 2, 5, 4, 56,
                                                  options.get("pixel_offset", False))

    def run(scores, deltas, sizes, anchors, variances):
        return rpn(scores, deltas, sizes, anchors, variances, options)
    for fn in (run, paddle.jit.to_static(run)):
        got = fn(*[paddle.to_tensor(v) for v in inputs])
        np.testing.assert_allclose(got[0].numpy(), rois, rtol=1e-5, atol=1e-4)
        np.testing.assert_allclose(got[1].numpy(), probs, rtol=1e-6)
        np.testing.assert_array_equal(got[2].numpy(), counts)
        assert got[2].dtype == paddle.int32 and got[4].dtype == paddle.int32
        for level, want in zip(got[3], multi):
            np.testing.assert_allclose(level.numpy().reshape(-1, 4), want, rtol=1e-5, atol=1e-3)
        np.testing.assert_array_equal(got[4].numpy(), restore)
        for level, want in zip(got[5], per_image):
            np.testing.assert_array_equal(level.numpy(), want)


def test_proposals_compile_once_for_feature_maps_of_any_size():
    spec = [InputSpec([None, 3, None, None]), InputSpec([None, 12, None, None]),
            InputSpec([None, 2]), InputSpec([None, None, 3, 4]), InputSpec([None, None, 3, 4])]

    def run(scores, deltas, sizes, anchors, variances):
        return rpn(scores, deltas, sizes, anchors, variances,
                   {"pre_nms_top_n": 100, "post_nms_top_n": 30})
    fn = paddle.jit.to_static(run, input_spec=spec)
    for n, h, w in ((2, 5, 6), (1, 7, 4)):
        inputs = _rpn_inputs(n, 3, h, w)
        rois, probs, counts = _proposals_reference(*inputs, pre=100, post=30)
        got = fn(*[paddle.to_tensor(v) for v in inputs])
        np.testing.assert_allclose(got[0].numpy(), rois, rtol=1e-5, atol=1e-4)
        np.testing.assert_array_equal(got[2].numpy(), counts)
    assert len(fn.compiled_signatures) == 1
