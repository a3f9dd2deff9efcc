"""RoIAlign (Mask R-CNN's pooling of regions of interest), written once over
the op table for eager and compiled code, as Paddle's CPU kernel computes it.

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
from ..eager.functional import (arange, cast, ceil, cumsum, floor, full_like, logical_and, matmul,
                                reshape, sum, transpose, unsqueeze, where)
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
    # Each box's image: how many images' boxes end at or before it.
    ends = cumsum(cast(boxes_num, "int64"))
    image = sum(cast(unsqueeze(arange(boxes.shape[0], dtype="int64"), 1) >=
                     unsqueeze(ends, 0), "int64"), axis=1)
    own = cast(unsqueeze(image, 1) == unsqueeze(arange(count, dtype="int64"), 0), dtype)
    rows = reshape(unsqueeze(unsqueeze(own, 1), -1) * unsqueeze(along_y, 2),
                   [-1, bins_h, count * height])
    features = reshape(transpose(x, [0, 2, 1, 3]), [count * height, channels * width])
    by_rows = reshape(matmul(rows, features), [-1, bins_h * channels, width])
    pooled = matmul(by_rows, along_x, transpose_y=True)
    samples = grid_h * grid_w
    samples = where(samples > 1.0, samples, 1.0)
    pooled = reshape(pooled, [-1, bins_h, channels, bins_w]) / reshape(samples, [-1, 1, 1, 1])
    return transpose(pooled, [0, 2, 1, 3])


class RoIAlign(nn.Layer):
    """roi_align as a layer (output_size and spatial_scale fixed)."""

    def __init__(self, output_size: Any, spatial_scale: float = 1.0) -> None:
        super().__init__()
        self._output_size = output_size
        self._spatial_scale = spatial_scale

    def forward(self, x: Tensor, boxes: Tensor, boxes_num: Tensor,
                aligned: bool = True) -> Tensor:
        return roi_align(x, boxes, boxes_num, self._output_size, self._spatial_scale,
                         aligned=aligned)
