"""paddle.vision.models against real Paddle's: the same parameter names and
shapes for every constructor, and on the smaller models, real Paddle's
weights loaded give real Paddle's outputs, eagerly and compiled."""
import itertools
import json
import math

import numpy as np
import pytest

import dy2st as paddle
from dy2st.static import InputSpec
from test_paddle_oracle import require_paddle, run_paddle_child

# name: (constructor, keyword arguments, whether it runs), and its input.
SPECS = {
    "lenet": ("LeNet", {}, True),
    "alexnet": ("alexnet", {"num_classes": 0}, True),
    "vgg11_bn": ("vgg11", {"batch_norm": True, "num_classes": 0}, True),
    "resnet18": ("resnet18", {"num_classes": 10}, True),
    "mobilenet_v2": ("mobilenet_v2", {"scale": 0.35, "num_classes": 10}, True),
    "mobilenet_v1": ("mobilenet_v1", {"scale": 0.25, "num_classes": 10}, True),
    "mobilenet_v3_small": ("mobilenet_v3_small", {"scale": 0.5, "num_classes": 10}, True),
    "mobilenet_v3_large": ("mobilenet_v3_large", {}, False),
    "shufflenet_v2": ("shufflenet_v2_x0_25", {"num_classes": 10}, True),
    "shufflenet_v2_swish": ("shufflenet_v2_swish", {}, False),
    "squeezenet1_0": ("squeezenet1_0", {"num_classes": 10}, True),
    "squeezenet1_1": ("squeezenet1_1", {}, False),
    "densenet121": ("densenet121", {"num_classes": 10, "dropout": 0.1}, True),
    "densenet161": ("densenet161", {}, False),
    "googlenet": ("googlenet", {"num_classes": 0}, True),
    "googlenet_heads": ("googlenet", {}, False),
    "resnet50": ("resnet50", {}, False),
    "resnext50_32x4d": ("resnext50_32x4d", {}, False),
    "wide_resnet50_2": ("wide_resnet50_2", {"num_classes": 5, "with_pool": False}, False),
    "vgg16": ("vgg16", {}, False),
    "mobilenet_v2_wide": ("mobilenet_v2", {"scale": 1.4}, False),
}
_rng = np.random.RandomState(0)
INPUTS = {
    "lenet": _rng.randn(2, 1, 28, 28).astype(np.float32),
    "alexnet": _rng.randn(1, 3, 64, 64).astype(np.float32),
    "vgg11_bn": _rng.randn(1, 3, 32, 32).astype(np.float32),
    "resnet18": _rng.randn(2, 3, 32, 32).astype(np.float32),
    "mobilenet_v2": _rng.randn(2, 3, 32, 32).astype(np.float32),
    "mobilenet_v1": _rng.randn(2, 3, 32, 32).astype(np.float32),
    "mobilenet_v3_small": _rng.randn(2, 3, 32, 32).astype(np.float32),
    "shufflenet_v2": _rng.randn(2, 3, 32, 32).astype(np.float32),
    "squeezenet1_0": _rng.randn(1, 3, 64, 64).astype(np.float32),
    "densenet121": _rng.randn(1, 3, 32, 32).astype(np.float32),
    "googlenet": _rng.randn(1, 3, 128, 128).astype(np.float32),
}


@pytest.fixture(scope="module")
def paddle_models(tmp_path_factory):
    require_paddle()
    folder = tmp_path_factory.mktemp("vision")
    (folder / "specs.json").write_text(json.dumps(SPECS))
    np.savez(folder / "inputs.npz", **INPUTS)
    run_paddle_child("paddle_vision_child.py", folder / "specs.json", folder / "inputs.npz",
                     folder / "shapes.json", folder / "out.npz")
    return json.loads((folder / "shapes.json").read_text()), dict(np.load(folder / "out.npz"))


def build(name):
    factory, kwargs, _ = SPECS[name]
    model = getattr(paddle.vision.models, factory)(**kwargs)
    model.eval()
    return model


@pytest.mark.parametrize("name", list(SPECS))
def test_parameter_names_and_shapes_are_paddles(paddle_models, name):
    shapes, _ = paddle_models
    assert [[k, list(v.shape)] for k, v in build(name).state_dict().items()] == shapes[name]


@pytest.mark.parametrize("name", list(INPUTS))
def test_paddles_weights_give_paddles_outputs(paddle_models, name):
    _, arrays = paddle_models
    model = build(name)
    prefix = f"{name}/state/"
    model.set_state_dict({k[len(prefix):]: v for k, v in arrays.items() if k.startswith(prefix)})
    x = paddle.to_tensor(INPUTS[name])
    want = [arrays[k] for k in sorted(arrays) if k.startswith(f"{name}/out")]
    for outputs in (model(x), paddle.jit.to_static(model)(x)):
        outputs = outputs if isinstance(outputs, tuple) else (outputs,)
        assert len(outputs) == len(want)
        for got, expected in zip(outputs, want):
            np.testing.assert_allclose(got.numpy(), expected, rtol=2e-4, atol=2e-4)


def test_pretrained_weights_are_not_downloaded():
    with pytest.raises(ValueError, match="does not download weights"):
        paddle.vision.models.resnet18(pretrained=True)


def _yolo_box_reference(x, img_size, anchors, class_num, conf_thresh, ratio, clip, scale,
                        iou_aware, factor):
    """Paddle's CPU kernel, loop by loop, in numpy (float64)."""
    x = x.astype(np.float64)
    n, _, h, w = x.shape
    count = len(anchors) // 2
    sig = lambda v: 1.0 / (1.0 + np.exp(-v))  # noqa: E731
    boxes = np.zeros((n, count * h * w, 4))
    scores = np.zeros((n, count * h * w, class_num))
    offset = count if iou_aware else 0
    bias = -0.5 * (scale - 1.0)
    for i in range(n):
        img_h, img_w = img_size[i]
        for j in range(count):
            base = offset + j * (5 + class_num)
            for k in range(h):
                for m in range(w):
                    conf = sig(x[i, base + 4, k, m])
                    if iou_aware:
                        conf = conf ** (1 - factor) * sig(x[i, j, k, m]) ** factor
                    if conf < conf_thresh:
                        continue
                    cx = (m + sig(x[i, base, k, m]) * scale + bias) * img_w / w
                    cy = (k + sig(x[i, base + 1, k, m]) * scale + bias) * img_h / h
                    bw = np.exp(x[i, base + 2, k, m]) * anchors[2 * j] * img_w / (ratio * w)
                    bh = np.exp(x[i, base + 3, k, m]) * anchors[2 * j + 1] * img_h / (ratio * h)
                    box = [cx - bw / 2, cy - bh / 2, cx + bw / 2, cy + bh / 2]
                    if clip:
                        box = [max(box[0], 0), max(box[1], 0), min(box[2], img_w - 1),
                               min(box[3], img_h - 1)]
                    at = j * h * w + k * w + m
                    boxes[i, at] = box
                    scores[i, at] = conf * sig(x[i, base + 5:base + 5 + class_num, k, m])
    return boxes, scores


@pytest.mark.parametrize("anchors, classes, thresh, ratio, clip, scale, iou_aware", [
    ([10, 13, 16, 30, 33, 23], 2, 0.3, 8, True, 1.0, False),
    ([30, 61, 62, 45], 3, 0.5, 16, False, 1.05, False),
    ([10, 13, 16, 30], 2, 0.01, 32, True, 1.2, True),
])
def test_yolo_box_is_paddles_kernel(anchors, classes, thresh, ratio, clip, scale, iou_aware):
    count = len(anchors) // 2
    channels = count * (5 + classes) + (count if iou_aware else 0)
    x = (np.random.RandomState(len(anchors)).randn(2, channels, 4, 5) * 2).astype(np.float32)
    img_size = np.array([[416, 320], [200, 100]], np.int32)

    def decode(head, sizes):
        return paddle.vision.ops.yolo_box(head, sizes, anchors, classes, thresh, ratio, clip,
                                          scale_x_y=scale, iou_aware=iou_aware,
                                          iou_aware_factor=0.4)
    boxes, scores = _yolo_box_reference(x, img_size, anchors, classes, thresh, ratio, clip,
                                        scale, iou_aware, 0.4)
    args = (paddle.to_tensor(x), paddle.to_tensor(img_size))
    for got in (decode(*args), paddle.jit.to_static(decode)(*args)):
        np.testing.assert_allclose(got[0].numpy(), boxes, rtol=1e-5, atol=1e-3)
        np.testing.assert_allclose(got[1].numpy(), scores, rtol=1e-5, atol=1e-6)


def _bilinear(f, y, x):
    """A sample of f as Paddle's roi_align kernel reads it."""
    h, w = f.shape
    if y < -1.0 or y > h or x < -1.0 or x > w:
        return 0.0
    y, x = max(y, 0.0), max(x, 0.0)
    y_low, x_low = int(y), int(x)
    if y_low >= h - 1:
        y_high = y_low = h - 1
        y = float(y_low)
    else:
        y_high = y_low + 1
    if x_low >= w - 1:
        x_high = x_low = w - 1
        x = float(x_low)
    else:
        x_high = x_low + 1
    ly, lx = y - y_low, x - x_low
    return ((1 - ly) * (1 - lx) * f[y_low, x_low] + (1 - ly) * lx * f[y_low, x_high] +
            ly * (1 - lx) * f[y_high, x_low] + ly * lx * f[y_high, x_high])


def _roi_align_reference(x, boxes, boxes_num, output_size, scale, ratio, aligned):
    """Paddle's CPU roi_align kernel, loop by loop."""
    bins_h, bins_w = (output_size, output_size) if isinstance(output_size, int) else output_size
    image = np.repeat(np.arange(len(boxes_num)), boxes_num)
    out = np.zeros((len(boxes), x.shape[1], bins_h, bins_w))
    offset = 0.5 if aligned else 0.0
    for r, box in enumerate(boxes.astype(np.float64)):
        x1, y1, x2, y2 = (v * scale - offset for v in box)
        roi_w, roi_h = x2 - x1, y2 - y1
        if not aligned:
            roi_w, roi_h = max(roi_w, 1.0), max(roi_h, 1.0)
        bin_h, bin_w = roi_h / bins_h, roi_w / bins_w
        grid_h = ratio if ratio > 0 else math.ceil(roi_h / bins_h)
        grid_w = ratio if ratio > 0 else math.ceil(roi_w / bins_w)
        for c in range(x.shape[1]):
            f = x[image[r], c].astype(np.float64)
            for i, j in itertools.product(range(bins_h), range(bins_w)):
                total = sum(_bilinear(f, y1 + i * bin_h + (iy + .5) * bin_h / grid_h,
                                      x1 + j * bin_w + (ix + .5) * bin_w / grid_w)
                            for iy in range(grid_h) for ix in range(grid_w))
                out[r, c, i, j] = total / max(grid_h * grid_w, 1)
    return out


ROI_FEATURES = np.random.RandomState(7).randn(2, 3, 10, 12).astype(np.float32)
# Boxes inside, across and past the features' borders, a tiny one; 2 and 3 per image.
ROI_BOXES = np.array([[1.0, 2.0, 9.5, 7.0], [0.0, 0.0, 23.0, 19.0], [-4.0, -3.0, 3.0, 2.5],
                      [5.0, 5.0, 5.5, 5.2], [10.0, 8.0, 30.0, 25.0]], np.float32)
ROI_COUNTS = np.array([2, 3], np.int32)


@pytest.mark.parametrize("output_size, scale, ratio, aligned", [
    (3, 0.5, -1, True), ((2, 4), 0.5, -1, False), (2, 1.0, 2, True), ((3, 2), 0.25, 1, False),
])
def test_roi_align_is_paddles_kernel(output_size, scale, ratio, aligned):
    def pooled(x, boxes, counts):
        return paddle.vision.ops.roi_align(x, boxes, counts, output_size, scale, ratio, aligned)
    expected = _roi_align_reference(ROI_FEATURES, ROI_BOXES, ROI_COUNTS, output_size, scale,
                                    ratio, aligned)
    args = [paddle.to_tensor(v) for v in (ROI_FEATURES, ROI_BOXES, ROI_COUNTS)]
    any_count = [InputSpec([None, 3, None, None], "float32"), InputSpec([None, 4], "float32"),
                 InputSpec([None], "int32")]
    for fn in (pooled, paddle.jit.to_static(pooled),
               paddle.jit.to_static(pooled, input_spec=any_count)):
        np.testing.assert_allclose(fn(*args).numpy(), expected, rtol=1e-5, atol=1e-6)


def _deform_reference(x, offset, weight, bias, stride, padding, dilation, dgroups, groups, mask):
    """Paddle's CPU deformable convolution (ModulatedDeformableIm2col, then a
    product per group), loop by loop in float64."""
    n, c, h, w = x.shape
    f, _, kh, kw = weight.shape
    out_h, out_w = offset.shape[2:]
    cols = np.zeros((n, c, kh * kw, out_h, out_w))
    for b, ch, i, j, oy, ox in itertools.product(range(n), range(c), range(kh), range(kw),
                                                 range(out_h), range(out_w)):
        g, k = ch // (c // dgroups), i * kw + j
        y = oy * stride[0] - padding[0] + i * dilation[0] + offset[b, g * 2 * kh * kw + 2 * k, oy, ox]
        xx = ox * stride[1] - padding[1] + j * dilation[1] + \
            offset[b, g * 2 * kh * kw + 2 * k + 1, oy, ox]
        value = 0.0
        if -1 < y < h and -1 < xx < w:
            y0, x0 = math.floor(y), math.floor(xx)
            ly, lx = y - y0, xx - x0
            for yy, xv, wt in ((y0, x0, (1 - ly) * (1 - lx)), (y0, x0 + 1, (1 - ly) * lx),
                               (y0 + 1, x0, ly * (1 - lx)), (y0 + 1, x0 + 1, ly * lx)):
                if 0 <= yy < h and 0 <= xv < w:
                    value += wt * float(x[b, ch, yy, xv])
        if mask is not None:
            value *= mask[b, g * kh * kw + k, oy, ox]
        cols[b, ch, k, oy, ox] = value
    per = c // groups
    out = np.zeros((n, f, out_h, out_w))
    for fi in range(f):
        g = fi // (f // groups)
        out[:, fi] = np.einsum("bckyx,ck->byx", cols[:, g * per:(g + 1) * per],
                               weight[fi].reshape(per, kh * kw).astype(np.float64))
    return out + (0.0 if bias is None else bias.reshape(1, -1, 1, 1))


@pytest.mark.parametrize("kernel, stride, padding, dilation, dgroups, groups, masked", [
    ((3, 3), (1, 1), (1, 1), (1, 1), 1, 1, True), ((3, 2), (2, 1), (1, 0), (1, 2), 2, 2, False),
    ((1, 1), (1, 1), (0, 0), (1, 1), 2, 1, True), ((3, 3), (2, 2), (2, 2), (2, 2), 1, 2, True),
])
def test_deform_conv2d_is_paddles_kernel(kernel, stride, padding, dilation, dgroups, groups,
                                         masked):
    rng = np.random.RandomState(11)
    kh, kw = kernel
    x = rng.randn(2, 4, 6, 7).astype(np.float32)
    out_h = (6 + 2 * padding[0] - dilation[0] * (kh - 1) - 1) // stride[0] + 1
    out_w = (7 + 2 * padding[1] - dilation[1] * (kw - 1) - 1) // stride[1] + 1
    # Offsets past every border, and one exactly at -1 (read as zero).
    offset = (rng.randn(2, 2 * dgroups * kh * kw, out_h, out_w) * 2.5).astype(np.float32)
    offset[0, 0, 0, 0] = -1.0 - (0 * stride[0] - padding[0])
    mask = rng.uniform(0, 1, (2, dgroups * kh * kw, out_h, out_w)).astype(np.float32)
    weight = rng.randn(6, 4 // groups, kh, kw).astype(np.float32)
    bias = rng.randn(6).astype(np.float32)
    expected = _deform_reference(x, offset, weight, bias, stride, padding, dilation, dgroups,
                                 groups, mask if masked else None)

    def convolved(x, offset, weight, bias, mask):
        return paddle.vision.ops.deform_conv2d(x, offset, weight, bias, stride, padding,
                                               dilation, dgroups, groups, mask if masked else None)
    args = [paddle.to_tensor(v) for v in (x, offset, weight, bias, mask)]
    any_batch = [InputSpec([None, 4, 6, 7], "float32"),
                 InputSpec([None] + list(offset.shape[1:]), "float32"),
                 InputSpec(list(weight.shape), "float32"), InputSpec([6], "float32"),
                 InputSpec([None] + list(mask.shape[1:]), "float32")]
    for fn in (convolved, paddle.jit.to_static(convolved),
               paddle.jit.to_static(convolved, input_spec=any_batch)):
        np.testing.assert_allclose(fn(*args).numpy(), expected, rtol=1e-4, atol=1e-4)


def _box_coder_reference(prior, variance, target, code_type, normalized, axis):
    """Paddle's CPU box_coder kernel, box by box in float64."""
    extra = 0.0 if normalized else 1.0

    def centre(b):
        w, h = b[2] - b[0] + extra, b[3] - b[1] + extra
        return w, h, b[0] + w / 2, b[1] + h / 2

    def var(j):
        return np.asarray(variance[j] if np.ndim(variance) == 2 else variance, np.float64)
    if code_type == "encode_center_size":
        out = np.zeros((len(target), len(prior), 4))
        for i, j in itertools.product(range(len(target)), range(len(prior))):
            pw, ph, px, py = centre(prior[j].astype(np.float64))
            t = target[i].astype(np.float64)
            tw, th = t[2] - t[0] + extra, t[3] - t[1] + extra
            out[i, j] = np.array([((t[2] + t[0]) / 2 - px) / pw, ((t[3] + t[1]) / 2 - py) / ph,
                                  np.log(abs(tw / pw)), np.log(abs(th / ph))]) / var(j)
        return out
    out = np.zeros(target.shape)
    for i, j in itertools.product(range(target.shape[0]), range(target.shape[1])):
        k = j if axis == 0 else i
        pw, ph, px, py = centre(prior[k].astype(np.float64))
        v, t = var(k), target[i, j].astype(np.float64)
        cx, cy = v[0] * t[0] * pw + px, v[1] * t[1] * ph + py
        w, h = np.exp(v[2] * t[2]) * pw, np.exp(v[3] * t[3]) * ph
        out[i, j] = [cx - w / 2, cy - h / 2, cx + w / 2 - extra, cy + h / 2 - extra]
    return out


def _corner_boxes(rng, n):
    corner = rng.uniform(0, 50, (n, 2))
    return np.concatenate([corner, corner + rng.uniform(1, 30, (n, 2))], 1).astype(np.float32)


@pytest.mark.parametrize("code_type, normalized, axis, tensor_variance", [
    ("encode_center_size", False, 0, True), ("encode_center_size", True, 0, False),
    ("decode_center_size", False, 0, True), ("decode_center_size", True, 0, False),
    ("decode_center_size", True, 1, True), ("decode_center_size", False, 1, False),
])
def test_box_coder_is_paddles_kernel(code_type, normalized, axis, tensor_variance):
    rng = np.random.RandomState(12)
    encode = code_type == "encode_center_size"
    priors = _corner_boxes(rng, 5 if encode or axis == 0 else 3)
    target = _corner_boxes(rng, 3) if encode else rng.randn(3, 5, 4).astype(np.float32)
    variance = rng.uniform(0.1, 0.3, priors.shape).astype(np.float32) if tensor_variance \
        else [0.1, 0.1, 0.2, 0.2]
    expected = _box_coder_reference(priors, variance, target, code_type, normalized, axis)

    def coded(priors, variance, target):
        return paddle.vision.ops.box_coder(priors, variance, target, code_type, normalized,
                                           axis)
    variance_arg = paddle.to_tensor(variance) if tensor_variance else variance
    for fn in (coded, paddle.jit.to_static(coded)):
        np.testing.assert_allclose(fn(paddle.to_tensor(priors), variance_arg,
                                      paddle.to_tensor(target)).numpy(),
                                   expected, rtol=1e-5, atol=1e-5)


def _prior_box_reference(fh, fw, ih, iw, min_sizes, max_sizes, ratios, flip, clip, steps,
                         offset, order):
    """Paddle's CPU kernel (and its ExpandAspectRatios), loop by loop."""
    expanded = [1.0]
    for r in ratios:
        if all(abs(r - e) >= 1e-6 for e in expanded):
            expanded += [r] + ([1.0 / r] if flip else [])
    step_w, step_h = steps if steps[0] and steps[1] else (iw / fw, ih / fh)
    cells = []
    for h in range(fh):
        for w in range(fw):
            cx, cy = (w + offset) * step_w, (h + offset) * step_h
            priors = []
            for s, size in enumerate(min_sizes):
                square = [(np.sqrt(size * max_sizes[s]) / 2,) * 2] if max_sizes else []
                shaped = [(size * np.sqrt(r) / 2, size / np.sqrt(r) / 2) for r in expanded]
                if order:
                    priors += [(size / 2, size / 2)] + square + \
                        [p for r, p in zip(expanded, shaped) if abs(r - 1) >= 1e-6]
                else:
                    priors += shaped + square
            cells.append([[(cx - bw) / iw, (cy - bh) / ih, (cx + bw) / iw, (cy + bh) / ih]
                          for bw, bh in priors])
    boxes = np.array(cells).reshape(fh, fw, -1, 4)
    return np.clip(boxes, 0, 1) if clip else boxes


@pytest.mark.parametrize("min_sizes, max_sizes, ratios, flip, clip, steps, offset, order", [
    ([8.0, 16.0], [12.0, 24.0], [2.0, 3.0], True, True, [0.0, 0.0], 0.5, False),
    ([10.0], None, [1.0, 2.0], False, False, [8.0, 9.0], 0.25, False),
    ([4.0, 9.0], [6.0, 12.0], [2.0, 0.5], True, False, [0.0, 0.0], 0.5, True),
])
def test_prior_box_is_paddles_kernel(min_sizes, max_sizes, ratios, flip, clip, steps, offset,
                                     order):
    feature, image = paddle.rand([1, 3, 4, 5]), paddle.rand([1, 3, 32, 40])

    def priors(f, i):
        return paddle.vision.ops.prior_box(f, i, min_sizes, max_sizes, ratios,
                                           [0.1, 0.1, 0.2, 0.2], flip, clip, steps, offset,
                                           order)
    expected = _prior_box_reference(4, 5, 32, 40, min_sizes, max_sizes, ratios, flip, clip,
                                    steps, offset, order)
    for boxes, variances in (priors(feature, image),
                             paddle.jit.to_static(priors)(feature, image)):
        np.testing.assert_allclose(boxes.numpy(), expected, rtol=1e-6, atol=1e-7)
        np.testing.assert_array_equal(variances.numpy(),
                                      np.broadcast_to(np.float32([0.1, 0.1, 0.2, 0.2]),
                                                      expected.shape))
