"""paddle.vision.ops: the layers the vision models build on."""
from __future__ import annotations

from typing import Any, Callable

from .. import nn


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
