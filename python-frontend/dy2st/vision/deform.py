"""Deformable convolution (DCN v1, and v2 with a modulation mask), written
once over the op table for eager and compiled code, as Paddle's CPU kernel
computes it: each kernel tap reads the input bilinearly at its place moved
by the offset (zero outside (-1, size) and at neighbours past the input),
times the mask, and the taps are contracted with the filters group by
group as a product (Paddle's im2col, then a GEMM per group)."""
from __future__ import annotations

from typing import Any

import numpy as np

from .. import nn
from ..eager.functional import arange, cast, logical_and, matmul, reshape
from ..eager.tensor import Tensor
from ..nn import initializer
from ..nn.convolution import _ntuple
from ..nn.layer import ParamAttr
from ..nn.warping import interpolated


def deform_conv2d(x: Tensor, offset: Tensor, weight: Tensor, bias: Tensor | None = None,
                  stride: Any = 1, padding: Any = 0, dilation: Any = 1,
                  deformable_groups: int = 1, groups: int = 1, mask: Tensor | None = None,
                  name: str | None = None) -> Tensor:
    """x [N, C, H, W] convolved with weight [F, C / groups, KH, KW] at the
    taps moved by offset [N, 2 * deformable_groups * KH * KW, OH, OW] (per
    group and tap: the move along y, then along x), each scaled by mask
    [N, deformable_groups * KH * KW, OH, OW] where given: [N, F, OH, OW]."""
    sh, sw = _ntuple(stride, 2)
    ph, pw = _ntuple(padding, 2)
    dh, dw = _ntuple(dilation, 2)
    channels, height, width = x.shape[1], x.shape[2], x.shape[3]
    filters, kh, kw = weight.shape[0], weight.shape[2], weight.shape[3]
    taps = kh * kw
    out_h, out_w = offset.shape[2], offset.shape[3]
    if channels % deformable_groups or channels % groups or filters % groups:
        raise ValueError("deform_conv2d(): the channels must divide into deformable_groups "
                         "and groups, the filters into groups")
    if offset.shape[1] != 2 * deformable_groups * taps:
        raise ValueError(f"deform_conv2d(): offset needs {2 * deformable_groups * taps} "
                         f"channels (2 * deformable_groups * kernel taps), not {offset.shape[1]}")
    dtype = x.dtype
    moves = reshape(offset, [-1, deformable_groups, taps, 2, out_h * out_w])
    # Where each tap reads before it is moved: [taps, OH * OW].
    tap_y = reshape(cast(arange(kh), dtype) * float(dh), [kh, 1, 1, 1])
    tap_x = reshape(cast(arange(kw), dtype) * float(dw), [1, kw, 1, 1])
    row = reshape(cast(arange(out_h), dtype) * float(sh) - float(ph), [1, 1, out_h, 1])
    column = reshape(cast(arange(out_w), dtype) * float(sw) - float(pw), [1, 1, 1, out_w])
    base_y = reshape(tap_y + row + column * 0.0 + tap_x * 0.0, [1, 1, taps, out_h * out_w])
    base_x = reshape(tap_x + column + row * 0.0 + tap_y * 0.0, [1, 1, taps, out_h * out_w])
    at_y = reshape(base_y + moves[:, :, :, 0, :], [-1, taps * out_h * out_w])
    at_x = reshape(base_x + moves[:, :, :, 1, :], [-1, taps * out_h * out_w])
    inside = cast(logical_and(logical_and(at_y > -1.0, at_x > -1.0),
                              logical_and(at_y < float(height), at_x < float(width))), dtype)
    flat = reshape(x, [-1, channels // deformable_groups, height * width])
    sampled = interpolated(flat, [at_y, at_x], [height, width])
    scale = reshape(inside, [inside.shape[0], 1, -1])
    if mask is not None:
        scale = scale * reshape(mask, [-1, 1, taps * out_h * out_w])
    # cols [N, groups, C / groups * taps, OH * OW] (channel-major, taps
    # inside: the filters' layout), one product per group.
    cols = reshape(sampled * scale, [-1, groups, channels // groups * taps, out_h * out_w])
    kernels = reshape(weight, [1, groups, filters // groups, channels // groups * taps])
    out = reshape(matmul(kernels, cols), [-1, filters, out_h, out_w])
    if bias is not None:
        out = out + reshape(bias, [1, filters, 1, 1])
    return out


class DeformConv2D(nn.Layer):
    """deform_conv2d as a layer: weight [F, C / groups, KH, KW] drawn as
    Paddle's (Normal(0, sqrt(2 / (KH * KW * C)))), bias [F]."""

    def __init__(self, in_channels: int, out_channels: int, kernel_size: Any, stride: Any = 1,
                 padding: Any = 0, dilation: Any = 1, deformable_groups: int = 1,
                 groups: int = 1, weight_attr: ParamAttr | str | None = None,
                 bias_attr: Any = None) -> None:
        super().__init__()
        if in_channels % groups:
            raise ValueError("in_channels must be divisible by groups.")
        self._weight_attr, self._bias_attr = weight_attr, bias_attr
        self._deformable_groups, self._groups = deformable_groups, groups
        self._in_channels, self._out_channels = in_channels, out_channels
        self._channel_dim = 1
        self._stride, self._dilation = list(_ntuple(stride, 2)), list(_ntuple(dilation, 2))
        self._kernel_size = list(_ntuple(kernel_size, 2))
        self._padding = list(_ntuple(padding, 2))
        std = (2.0 / (float(np.prod(self._kernel_size)) * in_channels)) ** 0.5
        self.weight = self.create_parameter(
            [out_channels, in_channels // groups] + self._kernel_size, attr=weight_attr,
            default_initializer=initializer.Normal(0.0, std))
        self.bias = self.create_parameter([out_channels], attr=bias_attr, is_bias=True)

    def forward(self, x: Tensor, offset: Tensor, mask: Tensor | None = None) -> Tensor:
        return deform_conv2d(x, offset, self.weight, self.bias, self._stride, self._padding,
                             self._dilation, self._deformable_groups, self._groups, mask)
