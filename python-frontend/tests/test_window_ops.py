"""f32 convolutions and max poolings run as the runtime's window entries
(dy2st-window-ops-to-runtime calls dy2st_conv2d_f32, an implicit product,
dy2st_grouped_conv2d_f32 and dy2st_max_pool2d_f32, the input's padding
folded into the first and the last): every shape path of the runtime — panels inside one image's output or
across images, fewer columns than a panel, blocks of depth and of columns, filters not a multiple of the
kernel's rows, strides, dilations, padding on any side, ceil_mode, inputs
that are views, NaN — against independent numpy computations and eager, with
the AVX-512 kernels and (in a child process) the AVX2 ones; 3x3 convolutions
at unit stride with enough tiles by Winograd's F(2x2, 3x3) (exact on these
small integers, as the direct product is), and (in a child) without it."""
import os
import subprocess
import sys

import numpy as np
import pytest

import dy2st as paddle
import dy2st.nn.functional as F
import nn_references as ref
from conftest import assert_same


def conv(x, w, stride, padding, dilation):
    return F.conv2d(x, w, stride=stride, padding=padding, dilation=dilation)


def conv_bias_of(stride, padding, dilation):
    def conv_bias(x, w, b):
        return F.conv2d(x, w, b, stride=stride, padding=padding, dilation=dilation)
    return conv_bias


def integers(rng, shape, dtype="float32"):
    # Small integers: every sum is exact, whatever order the kernels add in.
    return rng.integers(-3, 4, shape).astype(dtype)


def pairs(pads):
    """F.conv2d's padding as (before, after) pairs per spatial dimension."""
    if isinstance(pads, int):
        return [(pads, pads)] * 2
    if len(pads) == 2:
        return [(pads[0], pads[0]), (pads[1], pads[1])]
    return [(pads[0], pads[1]), (pads[2], pads[3])]


CASES = [
    # x shape, w shape, stride, padding, dilation
    ((2, 3, 9, 7), (5, 3, 3, 3), 1, 1, 1),              # output rows of 7: panels across rows
    ((2, 8, 20, 18), (13, 8, 3, 3), 1, 1, 1),           # 13 filters: a last run of one row
    ((1, 40, 6, 6), (7, 40, 3, 3), 1, 0, 1),            # depth 360: two depth blocks
    ((3, 4, 24, 24), (6, 4, 3, 3), 1, 1, 1),            # 1728 columns: column blocks
    ((2, 3, 23, 21), (8, 3, 7, 7), 2, 3, 1),            # a strided stem
    ((2, 5, 11, 13), (7, 5, 3, 3), 2, 2, 2),            # strided and dilated
    ((2, 6, 9, 9), (4, 6, 1, 1), 2, 0, 1),              # 1x1, strided (a downsample)
    ((2, 3, 8, 10), (4, 3, 3, 2), (1, 2), [2, 0, 1, 3], (2, 1)),  # padding on one side each
    ((1, 2, 3, 3), (3, 2, 5, 5), 1, 2, 1),              # a kernel larger than the input
    ((8, 16, 4, 4), (32, 16, 3, 3), 1, 1, 1),           # 16 columns per image
    ((8, 16, 2, 2), (20, 16, 3, 3), 1, 1, 1),           # 4 per image: panels across images
    # Fewer than 16 output columns: dot products along the depth.
    ((1, 40, 2, 2), (24, 40, 3, 3), 1, 1, 1),           # 4 columns (ResNet's last layers)
    ((2, 16, 3, 2), (9, 16, 3, 3), 1, 1, 1),            # 12 columns, 9 filters
    # Winograd's F(2x2, 3x3) (64 tiles of 2x2 outputs and more, 16 channels and filters):
    ((2, 16, 16, 16), (16, 16, 3, 3), 1, 1, 1),         # 8 tiles a row: panels across rows
    ((3, 17, 13, 11), (19, 17, 3, 3), 1, 1, 1),         # odd sizes: tiles of one row or column
    ((1, 16, 40, 37), (16, 16, 3, 3), 1, 0, 1),         # 19 tiles a row: panels within rows
    ((2, 16, 18, 17), (24, 16, 3, 3), 1, [2, 0, 1, 3], 1),  # padding on one side each
]


@pytest.mark.parametrize("xs, ws, stride, padding, dilation", CASES)
def test_convolutions_match_numpy_and_eager(xs, ws, stride, padding, dilation):
    rng = np.random.default_rng(sum(xs) + sum(ws))
    x, w, b = integers(rng, xs), integers(rng, ws), integers(rng, ws[:1])
    strides = [stride] * 2 if isinstance(stride, int) else list(stride)
    dilations = [dilation] * 2 if isinstance(dilation, int) else list(dilation)
    expected = ref.conv(x, w, strides, pairs(padding), dilations, 1) + b.reshape(1, -1, 1, 1)
    args = [paddle.to_tensor(v) for v in (x, w, b)]
    conv_bias = conv_bias_of(stride, padding, dilation)
    compiled = paddle.jit.to_static(conv_bias)
    result = compiled(*args)
    np.testing.assert_array_equal(result.numpy(), expected)
    assert_same(conv_bias(*args), result)
    assert "dy2st_conv2d_f32" in compiled.mlir("llvm")
    assert_same(conv(*args[:2], stride, padding, dilation),
                paddle.jit.to_static(conv)(*args[:2], stride, padding, dilation))


def test_a_view_of_the_input_and_a_dynamic_batch():
    def strided(x, w):
        return F.conv2d(x[:, :, ::2, 1:], w, padding=1), F.conv2d(x.transpose([0, 1, 3, 2]), w)

    rng = np.random.default_rng(1)
    x, w = integers(rng, (3, 4, 12, 12)), integers(rng, (6, 4, 3, 3))
    compiled = paddle.jit.to_static(strided, input_spec=[
        paddle.static.InputSpec([None, 4, 12, 12], "float32"),
        paddle.static.InputSpec([6, 4, 3, 3], "float32")])
    for batch in (3, 1):
        args = [paddle.to_tensor(x[:batch]), paddle.to_tensor(w)]
        views, transposed = compiled(*args)
        np.testing.assert_array_equal(views.numpy(), ref.conv(
            x[:batch, :, ::2, 1:], w, [1, 1], [(1, 1)] * 2, [1, 1], 1))
        np.testing.assert_array_equal(transposed.numpy(), ref.conv(
            x[:batch].transpose(0, 1, 3, 2), w, [1, 1], [(0, 0)] * 2, [1, 1], 1))


def test_two_threads_share_blocks_of_columns_and_of_filters():
    rng = np.random.default_rng(2)
    x, w = integers(rng, (8, 32, 16, 16)), integers(rng, (64, 32, 3, 3))
    narrow_x, narrow_w = integers(rng, (2, 64, 2, 2)), integers(rng, (96, 64, 3, 3))
    compiled = paddle.jit.to_static(conv)
    before = paddle.get_num_threads()
    try:
        paddle.set_num_threads(2)
        for xv, wv in ((x, w), (narrow_x, narrow_w)):  # many column blocks; one block only
            result = compiled(paddle.to_tensor(xv), paddle.to_tensor(wv), 1, 1, 1)
            expected = ref.conv(xv, wv, [1, 1], [(1, 1)] * 2, [1, 1], 1)
            np.testing.assert_array_equal(result.numpy(), expected)
    finally:
        paddle.set_num_threads(before)


def test_float64_convolutions_stay_products_of_blas():
    rng = np.random.default_rng(3)
    x, w = integers(rng, (2, 3, 8, 8), "float64"), integers(rng, (4, 3, 3, 3), "float64")
    compiled = paddle.jit.to_static(conv)
    result = compiled(paddle.to_tensor(x), paddle.to_tensor(w), 1, 1, 1)
    np.testing.assert_array_equal(result.numpy(), ref.conv(x, w, [1, 1], [(1, 1)] * 2,
                                                           [1, 1], 1).astype(np.float64))
    llvm = compiled.mlir("llvm")
    assert "dy2st_conv2d_f32" not in llvm and "dy2st_gemm_f64" in llvm


def grouped_of(stride, padding, dilation, groups):
    def grouped(x, w, b):
        return F.conv2d(x, w, b, stride=stride, padding=padding, dilation=dilation, groups=groups)
    return grouped


GROUPED = [
    # x shape, w shape, stride, padding, dilation, groups
    ((8, 32, 16, 16), (32, 1, 3, 3), 1, 1, 1, 32),      # depthwise: runs of 16 columns
    ((2, 12, 19, 21), (12, 1, 3, 3), 2, 1, 1, 12),      # strided, a last short run
    ((2, 6, 9, 40), (12, 2, 3, 3), 1, 2, 2, 3),         # 2 channels and 4 filters a group
    ((1, 4, 5, 5), (8, 1, 5, 5), 1, 2, 1, 4),           # two filters per channel
]


@pytest.mark.parametrize("xs, ws, stride, padding, dilation, groups", GROUPED)
def test_grouped_convolutions_match_numpy_and_eager(xs, ws, stride, padding, dilation, groups):
    rng = np.random.default_rng(sum(xs) + sum(ws))
    x, w, b = integers(rng, xs), integers(rng, ws), integers(rng, ws[:1])
    expected = ref.conv(x, w, [stride] * 2, [(padding, padding)] * 2, [dilation] * 2,
                        groups) + b.reshape(1, -1, 1, 1)
    grouped = grouped_of(stride, padding, dilation, groups)
    compiled = paddle.jit.to_static(grouped)
    args = [paddle.to_tensor(v) for v in (x, w, b)]
    result = compiled(*args)
    np.testing.assert_array_equal(result.numpy(), expected)
    assert_same(grouped(*args), result)
    assert "dy2st_grouped_conv2d_f32" in compiled.mlir("llvm")


def max_pool_of(kernel, stride, padding, ceil_mode):
    def max_pool(x):
        return F.max_pool2d(x, kernel, stride=stride, padding=padding, ceil_mode=ceil_mode)
    return max_pool


def numpy_max_pool(x, kernel, stride, padding, ceil_mode):
    """Paddle's kernel: each window's max starting from the lowest finite
    float (a window of -inf gives that), the padding skipped (ceil_mode:
    windows that start inside the input or its leading padding may run past
    the end)."""
    kernel = [kernel] * 2 if isinstance(kernel, int) else list(kernel)
    stride = kernel if stride is None else [stride] * 2 if isinstance(stride, int) else list(stride)
    padding = [padding] * 2 if isinstance(padding, int) else list(padding)
    sizes = []
    for d in range(2):
        span = x.shape[2 + d] + 2 * padding[d] - kernel[d]
        size = (span + (stride[d] - 1 if ceil_mode else 0)) // stride[d] + 1
        if ceil_mode and (size - 1) * stride[d] >= x.shape[2 + d] + padding[d]:
            size -= 1
        sizes.append(size)
    padded = np.full(x.shape[:2] + tuple(x.shape[2 + d] + 2 * padding[d] + kernel[d] + stride[d]
                                          for d in range(2)), -np.inf, np.float32)
    padded[:, :, padding[0]:padding[0] + x.shape[2], padding[1]:padding[1] + x.shape[3]] = x
    out = np.empty(x.shape[:2] + tuple(sizes), np.float32)
    for oy in range(sizes[0]):
        for ox in range(sizes[1]):
            y, z = oy * stride[0], ox * stride[1]
            out[:, :, oy, ox] = padded[:, :, y:y + kernel[0], z:z + kernel[1]].max(axis=(2, 3))
    return np.maximum(out, np.finfo(np.float32).min)


POOLS = [
    # x shape, kernel, stride, padding, ceil_mode
    ((8, 4, 32, 32), 3, 2, 1, False),        # ResNet's stem pool
    ((2, 3, 8, 9), 2, None, 0, False),       # stride = kernel
    ((2, 3, 10, 10), 3, 2, 1, True),         # ceil_mode: a last window past the end
    ((1, 2, 7, 10), (2, 3), (1, 2), (1, 0), False),
    ((2, 2, 5, 5), 3, 1, 1, False),          # the same size
]


@pytest.mark.parametrize("xs, kernel, stride, padding, ceil_mode", POOLS)
def test_max_poolings_match_numpy_and_eager(xs, kernel, stride, padding, ceil_mode):
    x = np.random.default_rng(sum(xs)).standard_normal(xs).astype(np.float32)
    x.flat[::7] = -np.inf
    max_pool = max_pool_of(kernel, stride, padding, ceil_mode)
    compiled = paddle.jit.to_static(max_pool)
    result = compiled(paddle.to_tensor(x))
    np.testing.assert_array_equal(result.numpy(),
                                  numpy_max_pool(x, kernel, stride, padding, ceil_mode))
    assert_same(max_pool(paddle.to_tensor(x)), result)
    assert "dy2st_max_pool2d_f32" in compiled.mlir("llvm")


def test_max_pooling_propagates_nan_and_reads_views():
    def pools(x):
        return F.max_pool2d(x, 3, 2, 1), F.max_pool2d(x.transpose([0, 1, 3, 2]), 2)

    x = np.random.default_rng(5).standard_normal((2, 3, 8, 8)).astype(np.float32)
    x[0, 1, 3, 4] = np.nan
    compiled = paddle.jit.to_static(pools)
    padded, transposed = compiled(paddle.to_tensor(x))
    expected = numpy_max_pool(x, 3, 2, 1, False)
    np.testing.assert_array_equal(padded.numpy(), expected)
    assert np.isnan(padded.numpy()[0, 1, 1:3, 2:3]).all()
    np.testing.assert_array_equal(transposed.numpy(),
                                  numpy_max_pool(x.transpose(0, 1, 3, 2), 2, None, 0, False))
    assert_same(pools(paddle.to_tensor(x)), (padded, transposed))


def test_the_avx2_kernels_where_the_cpu_has_avx512():
    """DY2ST_PACKED_KERNELS=avx2 runs this file's cases on the AVX2 kernels
    (6 rows of C per call, partial panels through a spill) in a child."""
    env = dict(os.environ, DY2ST_PACKED_KERNELS="avx2")
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-W",
                          "ignore", __file__, "-k", "not avx2_kernels and not direct_product"],
                         capture_output=True, text=True, env=env, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]


def test_the_direct_product_where_winograd_would_run():
    """DY2ST_WINOGRAD=0 runs the convolution cases by the implicit product
    only, in a child (the runtime reads the setting once)."""
    env = dict(os.environ, DY2ST_WINOGRAD="0")
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-W",
                          "ignore", __file__, "-k", "convolutions_match"],
                         capture_output=True, text=True, env=env, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
