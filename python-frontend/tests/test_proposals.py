"""paddle.vision.ops's two-stage detection operations (generate_proposals,
distribute_fpn_proposals, matrix_nms, roi_pool, psroi_pool) against
loop-by-loop copies of Paddle's CPU kernels, eagerly and compiled, for sizes
known only at run time too. Real Paddle's own results are compared in
test_paddle_dy2st_cases.py (`region_proposals`, `matrix_suppressed`,
`regions_pooled`)."""
import itertools
import math

import numpy as np
import pytest

import dy2st as paddle
from dy2st.static import InputSpec
from dy2st_cases import _matrix_nms_inputs, _rpn_inputs


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


def _matrix_nms_reference(boxes, scores, score_threshold, post_threshold, nms_top_k, keep_top_k,
                          use_gaussian=False, sigma=2.0, background=0, normalized=True):
    """Paddle's MatrixNMSKernel, image by image, class by class, box by box."""
    pixel = not normalized
    rows, index, counts = [], [], []
    for i in range(scores.shape[0]):
        found = []
        for c in range(scores.shape[1]):
            if c == background:
                continue
            s = scores[i, c].astype(np.float64)
            order = [j for j in sorted(range(len(s)), key=lambda j: -s[j])
                     if s[j] > score_threshold]
            if nms_top_k > -1:
                order = order[:nms_top_k]
            most = [max([_overlap(boxes[i, a], boxes[i, b], pixel) for b in order[:k]],
                        default=0.0) for k, a in enumerate(order)]
            for k, a in enumerate(order):
                decay = 1.0
                for j, b in enumerate(order[:k]):
                    iou = _overlap(boxes[i, a], boxes[i, b], pixel)
                    d = math.exp((most[j] ** 2 - iou ** 2) * sigma) if use_gaussian else \
                        ((1 - iou) / (1 - most[j]) if most[j] != 1 else math.inf)
                    decay = min(decay, d)
                if decay * s[a] > post_threshold:
                    found.append((decay * s[a], c, a))
        found.sort(key=lambda f: -f[0])
        if keep_top_k > -1:
            found = found[:keep_top_k]
        rows += [[c, v] + list(boxes[i, a]) for v, c, a in found]
        index += [i * scores.shape[2] + a for _, _, a in found]
        counts.append(len(found))
    return np.array(rows).reshape(-1, 2 + boxes.shape[2]), np.array(index), np.array(counts)


@pytest.mark.parametrize("options", [
    {"score_threshold": 0.3, "post_threshold": 0.2, "nms_top_k": 10, "keep_top_k": 15},
    {"score_threshold": 0.1, "post_threshold": 0.05, "nms_top_k": -1, "keep_top_k": -1,
     "use_gaussian": True, "gaussian_sigma": 2.0},
    {"score_threshold": 0.5, "post_threshold": 0.4, "nms_top_k": 5, "keep_top_k": 8,
     "background_label": -1, "normalized": False},
    {"score_threshold": 0.99, "post_threshold": 0.9, "nms_top_k": 5, "keep_top_k": 8},
])
def test_matrix_nms_is_paddles_kernel(options):
    boxes, scores = _matrix_nms_inputs()
    if not options.get("normalized", True):
        boxes = boxes * 100.0
    names = {"gaussian_sigma": "sigma", "background_label": "background"}
    rows, index, counts = _matrix_nms_reference(
        boxes, scores, **{names.get(k, k): v for k, v in options.items()})

    def suppressed(b, s):
        return paddle.vision.ops.matrix_nms(b, s, return_index=True, **options)
    spec = [InputSpec([None, None, 4]), InputSpec([None, 4, None])]
    for fn in (suppressed, paddle.jit.to_static(suppressed, input_spec=spec)):
        out, num, idx = fn(paddle.to_tensor(boxes), paddle.to_tensor(scores))
        np.testing.assert_allclose(out.numpy(), rows, rtol=1e-5, atol=1e-6)
        np.testing.assert_array_equal(idx.numpy().ravel(), index)
        np.testing.assert_array_equal(num.numpy(), counts)
        assert num.dtype == paddle.int32 and idx.dtype == paddle.int32


def _roi_pool_reference(x, boxes, counts, bins_h, bins_w, scale):
    """Paddle's RoiPoolKernel, bin by bin (std::round: halves away from zero)."""
    def round_away(v):
        return math.floor(abs(v) + 0.5) * (1 if v >= 0 else -1)
    images = np.repeat(np.arange(len(counts)), counts)
    out = np.zeros((len(boxes), x.shape[1], bins_h, bins_w), np.float32)
    height, width = x.shape[2:]
    for r, box in enumerate(boxes):
        sw, sh, ew, eh = (round_away(float(np.float32(v) * np.float32(scale))) for v in box)
        bh, bw = np.float32(max(eh - sh + 1, 1) / bins_h), np.float32(max(ew - sw + 1, 1) / bins_w)
        for i, j in itertools.product(range(bins_h), range(bins_w)):
            # The bins' bounds in float32, as the kernel computes them.
            h0 = min(max(math.floor(np.float32(i) * bh) + sh, 0), height)
            h1 = min(max(math.ceil(np.float32(i + 1) * bh) + sh, 0), height)
            w0 = min(max(math.floor(np.float32(j) * bw) + sw, 0), width)
            w1 = min(max(math.ceil(np.float32(j + 1) * bw) + sw, 0), width)
            if h1 > h0 and w1 > w0:
                out[r, :, i, j] = x[images[r], :, h0:h1, w0:w1].max(axis=(1, 2))
    return out


def _psroi_pool_reference(x, boxes, counts, bins_h, bins_w, scale):
    """Paddle's PsroiPoolKernel, bin by bin."""
    def round_away(v):
        return math.floor(abs(v) + 0.5) * (1 if v >= 0 else -1)
    images = np.repeat(np.arange(len(counts)), counts)
    outputs = x.shape[1] // (bins_h * bins_w)
    out = np.zeros((len(boxes), outputs, bins_h, bins_w), np.float64)
    height, width = x.shape[2:]
    for r, box in enumerate(boxes):
        x1, y1, x2, y2 = (round_away(float(v)) for v in box)
        sw, sh, ew, eh = x1 * scale, y1 * scale, (x2 + 1) * scale, (y2 + 1) * scale
        bh, bw = max(eh - sh, 0.1) / bins_h, max(ew - sw, 0.1) / bins_w
        for c, i, j in itertools.product(range(outputs), range(bins_h), range(bins_w)):
            h0 = min(max(math.floor(i * bh + sh), 0), height)
            h1 = min(max(math.ceil((i + 1) * bh + sh), 0), height)
            w0 = min(max(math.floor(j * bw + sw), 0), width)
            w1 = min(max(math.ceil((j + 1) * bw + sw), 0), width)
            if h1 > h0 and w1 > w0:
                out[r, c, i, j] = x[images[r], (c * bins_h + i) * bins_w + j,
                                    h0:h1, w0:w1].mean()
    return out


@pytest.mark.parametrize("output_size, scale", [(3, 1.0), ((2, 4), 0.5), (1, 0.25)])
def test_roi_pools_are_paddles_kernels(output_size, scale):
    rng = np.random.RandomState(5)
    x = rng.randn(2, 8, 12, 10).astype("float32")
    boxes = np.array([[1.2, 2.7, 8.4, 9.6], [0, 0, 3, 3], [5.5, 4.4, 5.6, 4.5],
                      [-3, -2, 30, 40], [6, 1, 19.2, 22.1]], "float32")
    counts = np.array([3, 2], "int32")
    bins_h, bins_w = (output_size, output_size) if isinstance(output_size, int) else output_size
    expected = (_roi_pool_reference(x, boxes, counts, bins_h, bins_w, scale),
                _psroi_pool_reference(x, boxes, counts, bins_h, bins_w, scale)
                if 8 % (bins_h * bins_w) == 0 else None)

    def pooled(x, boxes, counts):
        ops = paddle.vision.ops
        return (ops.RoIPool(output_size, scale)(x, boxes, counts),
                ops.psroi_pool(x, boxes, counts, output_size, scale)
                if 8 % (bins_h * bins_w) == 0 else None)
    spec = [InputSpec([None, 8, None, None]), InputSpec([None, 4]), InputSpec([None], "int32")]
    for fn in (pooled, paddle.jit.to_static(pooled, input_spec=spec)):
        got = fn(paddle.to_tensor(x), paddle.to_tensor(boxes), paddle.to_tensor(counts))
        np.testing.assert_array_equal(got[0].numpy(), expected[0])
        if expected[1] is not None:
            np.testing.assert_allclose(got[1].numpy(), expected[1], rtol=1e-5, atol=1e-6)
