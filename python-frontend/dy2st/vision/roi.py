"""RoIAlign (Mask R-CNN's pooling of regions of interest), RoIPool (Fast
R-CNN's) and PSRoIPool (R-FCN's position-sensitive one), written once over
the op table for eager and compiled code, as Paddle's CPU kernels compute
them.

Each region's bin averages a grid of samples (sampling_ratio per side, or
ceil(region / bins) where it is not positive), each read bilinearly. A
sample's reading is a sum of products of a weight along y and one along x,
so the average is separable: along y a matrix of weights from each bin to
the rows (sample positions, their two neighbours and the grid folded in),
along x one to the columns, and the region's bins are these two products of
its image's features; rows of other images weigh zero."""
from __future__ import annotations

from typing import Any

from .. import nn
from ..eager.dtype_info import finfo
from ..eager.functional import (abs as absolute, arange, cast, ceil, cumsum, floor, full_like,
                                isnan, logical_and, logical_not, matmul, max as largest,
                                maximum, minimum, reshape, sum, transpose, unsqueeze, where,
                                zeros)
from ..eager.tensor import Tensor
from ..nn.convolution import _ntuple


def _axis_weights(start, bin_size, grid, most, bins, size, dtype):
    """[R, bins, size]: what each row (or column) of the features weighs in
    each bin's average along one axis (the samples' bilinear weights, the
    grid's samples summed; Paddle's rules at the borders: a sample past -1
    or the size reads zero, one past the last row reads it)."""
    step = arange(most, dtype=dtype)
    # y = start + p * bin + (g + .5) * bin / grid, in the kernel's order.
    at = reshape(start, [-1, 1, 1]) + reshape(arange(bins, dtype=dtype), [1, -1, 1]) * \
        reshape(bin_size, [-1, 1, 1]) + \
        (reshape(step, [1, 1, -1]) + 0.5) * reshape(bin_size, [-1, 1, 1]) / \
        reshape(grid, [-1, 1, 1])
    counted = logical_and(logical_and(at >= -1.0, at <= float(size)),
                          reshape(step, [1, 1, -1]) < reshape(grid, [-1, 1, 1]))
    at = where(at <= 0.0, 0.0, at)
    low = floor(at)
    last = low >= size - 1
    low = where(last, float(size - 1), low)
    high = where(last, low, low + 1.0)
    at = where(last, low, at)
    frac = at - low
    weight_low = where(counted, 1.0 - frac, 0.0)
    weight_high = where(counted, frac, 0.0)
    rows = reshape(arange(size, dtype=dtype), [1, 1, 1, -1])
    picks = unsqueeze(weight_low, -1) * cast(unsqueeze(low, -1) == rows, dtype) + \
        unsqueeze(weight_high, -1) * cast(unsqueeze(high, -1) == rows, dtype)
    return sum(picks, axis=2)


def _box_images(boxes, boxes_num):
    """Each box's image: how many images' boxes end at or before it."""
    ends = cumsum(cast(boxes_num, "int64"))
    return sum(cast(unsqueeze(arange(boxes.shape[0], dtype="int64"), 1) >=
                    unsqueeze(ends, 0), "int64"), axis=1)


def _over_images(weights, boxes, boxes_num, count):
    """[R, bins, count * size]: each box's bin weights [R, bins, size] over
    the rows of all images stacked, zero on the other images' rows."""
    own = cast(unsqueeze(_box_images(boxes, boxes_num), 1) ==
               unsqueeze(arange(count, dtype="int64"), 0), weights.dtype)
    return reshape(unsqueeze(unsqueeze(own, 1), -1) * unsqueeze(weights, 2),
                   [-1, weights.shape[1], count * weights.shape[2]])


def roi_align(x: Tensor, boxes: Tensor, boxes_num: Tensor, output_size: Any,
              spatial_scale: float = 1.0, sampling_ratio: int = -1, aligned: bool = True,
              name: str | None = None) -> Tensor:
    """The features x [N, C, H, W] of each box (x1, y1, x2, y2 in input
    coordinates, times spatial_scale; boxes_num [N] per image, in order)
    pooled to output_size bins: [boxes, C, bins_h, bins_w]."""
    bins_h, bins_w = _ntuple(output_size, 2)
    count, channels, height, width = x.shape
    dtype = x.dtype
    offset = 0.5 if aligned else 0.0
    scaled = boxes * spatial_scale - offset
    x1, y1, x2, y2 = scaled[:, 0], scaled[:, 1], scaled[:, 2], scaled[:, 3]
    roi_w, roi_h = x2 - x1, y2 - y1
    if not aligned:
        roi_w, roi_h = where(roi_w > 1.0, roi_w, 1.0), where(roi_h > 1.0, roi_h, 1.0)
    bin_h, bin_w = roi_h / bins_h, roi_w / bins_w
    if sampling_ratio > 0:
        grid_h = grid_w = full_like(roi_h, float(sampling_ratio))
        most_h = most_w = sampling_ratio
    else:
        grid_h, grid_w = ceil(roi_h / bins_h), ceil(roi_w / bins_w)
        most_h = int(grid_h.max()) if grid_h.shape[0] > 0 else 0
        most_w = int(grid_w.max()) if grid_w.shape[0] > 0 else 0
    along_y = _axis_weights(y1, bin_h, grid_h, most_h, bins_h, height, dtype)
    along_x = _axis_weights(x1, bin_w, grid_w, most_w, bins_w, width, dtype)
    rows = _over_images(along_y, boxes, boxes_num, count)
    features = reshape(transpose(x, [0, 2, 1, 3]), [count * height, channels * width])
    by_rows = reshape(matmul(rows, features), [-1, bins_h * channels, width])
    pooled = matmul(by_rows, along_x, transpose_y=True)
    samples = grid_h * grid_w
    samples = where(samples > 1.0, samples, 1.0)
    pooled = reshape(pooled, [-1, bins_h, channels, bins_w]) / reshape(samples, [-1, 1, 1, 1])
    return transpose(pooled, [0, 2, 1, 3])


class _RegionPool(nn.Layer):
    """A pooling of regions as a layer: output_size and spatial_scale fixed."""

    def __init__(self, output_size: Any, spatial_scale: float = 1.0) -> None:
        super().__init__()
        self._output_size = output_size
        self._spatial_scale = spatial_scale


class RoIAlign(_RegionPool):
    """roi_align as a layer (output_size and spatial_scale fixed)."""

    def forward(self, x: Tensor, boxes: Tensor, boxes_num: Tensor,
                aligned: bool = True) -> Tensor:
        return roi_align(x, boxes, boxes_num, self._output_size, self._spatial_scale,
                         aligned=aligned)


def _rounded(v):
    """std::round: halves away from zero (paddle.round rounds them to even)."""
    magnitude = absolute(v)
    whole = floor(magnitude)
    return where(v < 0.0, -1.0, 1.0) * (whole + cast(magnitude - whole >= 0.5, v.dtype))


def _bin_masks(start, end, size):
    """[R, bins, size]: whether each row (column) is in each bin's [start, end)."""
    at = reshape(arange(size, dtype="int64"), [1, 1, -1])
    return logical_and(at >= unsqueeze(start, -1), at < unsqueeze(end, -1))


def roi_pool(x: Tensor, boxes: Tensor, boxes_num: Tensor, output_size: Any,
             spatial_scale: float = 1.0, name: str | None = None) -> Tensor:
    """The largest feature of x [N, C, H, W] in each of output_size bins of
    each box (corners rounded to the feature map after spatial_scale, as
    Paddle's kernel: a bin [floor(p * size / bins), ceil((p + 1) * size /
    bins)) of the box's rows and columns; an empty bin 0): [boxes, C, bins_h,
    bins_w]."""
    bins_h, bins_w = _ntuple(output_size, 2)
    channels, height, width = x.shape[1], x.shape[2], x.shape[3]
    corners = cast(_rounded(boxes * spatial_scale), "int64")
    start_w, start_h, end_w, end_h = corners[:, 0], corners[:, 1], corners[:, 2], corners[:, 3]
    box_h = maximum(end_h - start_h + 1, 1)
    box_w = maximum(end_w - start_w + 1, 1)

    def bounds(start, box, bins, size):
        bin_size = cast(box, "float32") / float(bins)
        p = reshape(arange(bins, dtype="float32"), [1, -1])
        low = cast(floor(p * unsqueeze(bin_size, 1)), "int64") + unsqueeze(start, 1)
        high = cast(ceil((p + 1.0) * unsqueeze(bin_size, 1)), "int64") + unsqueeze(start, 1)
        return minimum(maximum(low, 0), size), minimum(maximum(high, 0), size)
    low_h, high_h = bounds(start_h, box_h, bins_h, height)
    low_w, high_w = bounds(start_w, box_w, bins_w, width)
    rows, cols = _bin_masks(low_h, high_h, height), _bin_masks(low_w, high_w, width)
    lowest = finfo(x.dtype).min
    images = _box_images(boxes, boxes_num)
    out = zeros([boxes.shape[0], channels, bins_h, bins_w], x.dtype)
    for r in range(boxes.shape[0]):
        features = x[images[r]]
        # A NaN never wins, as in the kernel's comparisons.
        features = where(isnan(features), lowest, features)
        by_rows = largest(where(reshape(rows[r], [1, bins_h, height, 1]),
                                unsqueeze(features, 1), lowest), axis=2)
        pooled = largest(where(reshape(cols[r], [1, 1, bins_w, width]),
                               unsqueeze(by_rows, 2), lowest), axis=3)
        empty = logical_not(logical_and(reshape(sum(cast(rows[r], "int64"), axis=1) > 0, [-1, 1]),
                                        reshape(sum(cast(cols[r], "int64"), axis=1) > 0, [1, -1])))
        out[r] = where(unsqueeze(empty, 0), 0.0, pooled)
    return out


def psroi_pool(x: Tensor, boxes: Tensor, boxes_num: Tensor, output_size: Any,
               spatial_scale: float = 1.0, name: str | None = None) -> Tensor:
    """Position-sensitive average pooling (R-FCN): x [N, C * bins_h *
    bins_w, H, W]; bin (i, j) of output channel c averages input channel (c *
    bins_h + i) * bins_w + j over its region of the box (corners rounded, the
    far one + 1, times spatial_scale; bins [floor, ceil) of the box's extent,
    at least 0.1; an empty bin 0): [boxes, C, bins_h, bins_w]."""
    bins_h, bins_w = _ntuple(output_size, 2)
    count, channels, height, width = x.shape
    outputs = channels // (bins_h * bins_w)
    if outputs * bins_h * bins_w != channels:
        raise ValueError("psroi_pool(): the channels of the input must be the output "
                         "channels times the bins")
    dtype = x.dtype
    rounded_boxes = _rounded(boxes)
    start_w, start_h = rounded_boxes[:, 0] * spatial_scale, rounded_boxes[:, 1] * spatial_scale
    end_w = (rounded_boxes[:, 2] + 1.0) * spatial_scale
    end_h = (rounded_boxes[:, 3] + 1.0) * spatial_scale
    roi_h, roi_w = maximum(end_h - start_h, 0.1), maximum(end_w - start_w, 0.1)

    def bounds(start, extent, bins, size):
        bin_size = unsqueeze(extent / float(bins), 1)
        p = reshape(arange(bins, dtype=dtype), [1, -1])
        low = cast(floor(p * bin_size + unsqueeze(start, 1)), "int64")
        high = cast(ceil((p + 1.0) * bin_size + unsqueeze(start, 1)), "int64")
        return minimum(maximum(low, 0), size), minimum(maximum(high, 0), size)
    low_h, high_h = bounds(start_h, roi_h, bins_h, height)
    low_w, high_w = bounds(start_w, roi_w, bins_w, width)
    rows = cast(_bin_masks(low_h, high_h, height), dtype)          # [R, bins_h, H]
    cols = cast(_bin_masks(low_w, high_w, width), dtype)           # [R, bins_w, W]
    # Rows of other images weigh zero: [bins_h, R, N * H].
    weights = transpose(_over_images(rows, boxes, boxes_num, count), [1, 0, 2])
    # The channels of row bin i: [bins_h, N * H, C_out * bins_w * W].
    grouped = reshape(x, [count, outputs, bins_h, bins_w, height, width])
    features = reshape(transpose(grouped, [2, 0, 4, 1, 3, 5]),
                       [bins_h, count * height, outputs * bins_w * width])
    summed = reshape(matmul(weights, features), [bins_h, -1, outputs, bins_w, width])
    pooled = sum(summed * reshape(cols, [1, -1, 1, bins_w, width]), axis=-1)
    area = unsqueeze(cast(high_h - low_h, dtype), 2) * unsqueeze(cast(high_w - low_w, dtype), 1)
    pooled = transpose(pooled, [1, 2, 0, 3])                        # [R, C_out, bins_h, bins_w]
    empty = unsqueeze(area <= 0.0, 1)
    return where(empty, 0.0, pooled / unsqueeze(where(area > 0.0, area, 1.0), 1))


class RoIPool(_RegionPool):
    """roi_pool as a layer (output_size and spatial_scale fixed)."""

    def forward(self, x: Tensor, boxes: Tensor, boxes_num: Tensor) -> Tensor:
        return roi_pool(x, boxes, boxes_num, self._output_size, self._spatial_scale)


class PSRoIPool(_RegionPool):
    """psroi_pool as a layer (output_size and spatial_scale fixed)."""

    def forward(self, x: Tensor, boxes: Tensor, boxes_num: Tensor) -> Tensor:
        return psroi_pool(x, boxes, boxes_num, self._output_size, self._spatial_scale)
