"""ShuffleNetV2 (Ma et al., 2018) and SqueezeNet 1.0/1.1 (Iandola et al.,
2016): Paddle's vision.models layouts and parameter names."""
from __future__ import annotations

from typing import Any

from ... import nn
from ...eager.functional import concat, flatten, relu, reshape, split, squeeze, transpose
from ...eager.tensor import Tensor
from ..ops import ConvNormActivation
from .pretrained import refuse_download


def channel_shuffle(x: Tensor, groups: int) -> Tensor:
    batch_size, num_channels, height, width = x.shape[0:4]
    x = reshape(x, [batch_size, groups, num_channels // groups, height, width])
    return reshape(transpose(x, [0, 2, 1, 3, 4]), [batch_size, num_channels, height, width])


class _ShuffleUnit(nn.Layer):
    """Half of the channels through a pointwise, depthwise, pointwise chain,
    the other half kept; then the halves shuffled."""

    def __init__(self, in_channels: int, out_channels: int, stride: int,
                 activation_layer: Any = nn.ReLU) -> None:
        super().__init__()
        half = out_channels // 2
        self._conv_pw = ConvNormActivation(in_channels // 2, half, 1, 1, 0,
                                           activation_layer=activation_layer)
        self._conv_dw = ConvNormActivation(half, half, 3, stride, 1, groups=half,
                                           activation_layer=None)
        self._conv_linear = ConvNormActivation(half, half, 1, 1, 0,
                                               activation_layer=activation_layer)

    def forward(self, inputs: Tensor) -> Tensor:
        half = inputs.shape[1] // 2
        x1, x2 = split(inputs, num_or_sections=[half, half], axis=1)
        x2 = self._conv_linear(self._conv_dw(self._conv_pw(x2)))
        return channel_shuffle(concat([x1, x2], axis=1), 2)


class _ShuffleDownUnit(nn.Layer):
    """Both branches strided: a depthwise then pointwise one, and a
    pointwise, depthwise, pointwise one; then shuffled."""

    def __init__(self, in_channels: int, out_channels: int, stride: int,
                 activation_layer: Any = nn.ReLU) -> None:
        super().__init__()
        half = out_channels // 2
        self._conv_dw_1 = ConvNormActivation(in_channels, in_channels, 3, stride, 1,
                                             groups=in_channels, activation_layer=None)
        self._conv_linear_1 = ConvNormActivation(in_channels, half, 1, 1, 0,
                                                 activation_layer=activation_layer)
        self._conv_pw_2 = ConvNormActivation(in_channels, half, 1, 1, 0,
                                             activation_layer=activation_layer)
        self._conv_dw_2 = ConvNormActivation(half, half, 3, stride, 1, groups=half,
                                             activation_layer=None)
        self._conv_linear_2 = ConvNormActivation(half, half, 1, 1, 0,
                                                 activation_layer=activation_layer)

    def forward(self, inputs: Tensor) -> Tensor:
        x1 = self._conv_linear_1(self._conv_dw_1(inputs))
        x2 = self._conv_linear_2(self._conv_dw_2(self._conv_pw_2(inputs)))
        return channel_shuffle(concat([x1, x2], axis=1), 2)


_STAGE_CHANNELS = {0.25: [-1, 24, 24, 48, 96, 512], 0.33: [-1, 24, 32, 64, 128, 512],
                   0.5: [-1, 24, 48, 96, 192, 1024], 1.0: [-1, 24, 116, 232, 464, 1024],
                   1.5: [-1, 24, 176, 352, 704, 1024], 2.0: [-1, 24, 224, 488, 976, 2048]}


class ShuffleNetV2(nn.Layer):
    def __init__(self, scale: float = 1.0, act: str | None = "relu", num_classes: int = 1000,
                 with_pool: bool = True) -> None:
        super().__init__()
        self.scale, self.num_classes, self.with_pool = scale, num_classes, with_pool
        if scale not in _STAGE_CHANNELS:
            raise NotImplementedError(f"This scale size:[{scale}] is not implemented!")
        if act not in ("relu", "swish", None):
            raise RuntimeError(f"The activation function is not supported: {act}")
        activation = {"relu": nn.ReLU, "swish": nn.Swish, None: None}[act]
        channels = _STAGE_CHANNELS[scale]
        self._conv1 = ConvNormActivation(3, channels[1], 3, 2, 1,
                                         activation_layer=activation)
        self._max_pool = nn.MaxPool2D(kernel_size=3, stride=2, padding=1)
        self._block_list = []
        for stage, repeats in enumerate([4, 8, 4]):
            for i in range(repeats):
                if i == 0:
                    block: nn.Layer = _ShuffleDownUnit(channels[stage + 1], channels[stage + 2],
                                                       2, activation)
                else:
                    block = _ShuffleUnit(channels[stage + 2], channels[stage + 2], 1, activation)
                self._block_list.append(self.add_sublayer(f"{stage + 2}_{i + 1}", block))
        self._last_conv = ConvNormActivation(channels[-2], channels[-1], 1, 1, 0,
                                             activation_layer=activation)
        if with_pool:
            self._pool2d_avg = nn.AdaptiveAvgPool2D(1)
        if num_classes > 0:
            self._out_c = channels[-1]
            self._fc = nn.Linear(channels[-1], num_classes)

    def forward(self, inputs: Tensor) -> Tensor:
        x = self._max_pool(self._conv1(inputs))
        for block in self._block_list:
            x = block(x)
        x = self._last_conv(x)
        if self.with_pool:
            x = self._pool2d_avg(x)
        if self.num_classes > 0:
            x = self._fc(flatten(x, start_axis=1, stop_axis=-1))
        return x


def _shufflenet(arch: str, scale: float, pretrained: bool, **kwargs: Any) -> ShuffleNetV2:
    refuse_download(arch, pretrained)
    return ShuffleNetV2(scale=scale, **kwargs)


def shufflenet_v2_x0_25(pretrained: bool = False, **kwargs: Any) -> ShuffleNetV2:
    return _shufflenet("shufflenet_v2_x0_25", 0.25, pretrained, **kwargs)


def shufflenet_v2_x0_33(pretrained: bool = False, **kwargs: Any) -> ShuffleNetV2:
    return _shufflenet("shufflenet_v2_x0_33", 0.33, pretrained, **kwargs)


def shufflenet_v2_x0_5(pretrained: bool = False, **kwargs: Any) -> ShuffleNetV2:
    return _shufflenet("shufflenet_v2_x0_5", 0.5, pretrained, **kwargs)


def shufflenet_v2_x1_0(pretrained: bool = False, **kwargs: Any) -> ShuffleNetV2:
    return _shufflenet("shufflenet_v2_x1_0", 1.0, pretrained, **kwargs)


def shufflenet_v2_x1_5(pretrained: bool = False, **kwargs: Any) -> ShuffleNetV2:
    return _shufflenet("shufflenet_v2_x1_5", 1.5, pretrained, **kwargs)


def shufflenet_v2_x2_0(pretrained: bool = False, **kwargs: Any) -> ShuffleNetV2:
    return _shufflenet("shufflenet_v2_x2_0", 2.0, pretrained, **kwargs)


def shufflenet_v2_swish(pretrained: bool = False, **kwargs: Any) -> ShuffleNetV2:
    return _shufflenet("shufflenet_v2_swish", 1.0, pretrained, act="swish", **kwargs)


class _FireConv(nn.Layer):
    def __init__(self, input_channels: int, output_channels: int, filter_size: int,
                 padding: int = 0) -> None:
        super().__init__()
        self._conv = nn.Conv2D(input_channels, output_channels, filter_size, padding=padding)

    def forward(self, x: Tensor) -> Tensor:
        return relu(self._conv(x))


class _Fire(nn.Layer):
    def __init__(self, input_channels: int, squeeze_channels: int, expand1x1_channels: int,
                 expand3x3_channels: int) -> None:
        super().__init__()
        self._conv = _FireConv(input_channels, squeeze_channels, 1)
        self._conv_path1 = _FireConv(squeeze_channels, expand1x1_channels, 1)
        self._conv_path2 = _FireConv(squeeze_channels, expand3x3_channels, 3, padding=1)

    def forward(self, inputs: Tensor) -> Tensor:
        x = self._conv(inputs)
        return concat([self._conv_path1(x), self._conv_path2(x)], axis=1)


class SqueezeNet(nn.Layer):
    def __init__(self, version: str, num_classes: int = 1000, with_pool: bool = True) -> None:
        super().__init__()
        if version not in ("1.0", "1.1"):
            raise AssertionError(f"supported versions are ['1.0', '1.1'] but input version is "
                                 f"{version}")
        self.version, self.num_classes, self.with_pool = version, num_classes, with_pool
        if version == "1.0":
            self._conv = nn.Conv2D(3, 96, 7, stride=2)
            first = 96
        else:
            self._conv = nn.Conv2D(3, 64, 3, stride=2, padding=1)
            first = 64
        self._pool = nn.MaxPool2D(kernel_size=3, stride=2, padding=0)
        self._conv1 = _Fire(first, 16, 64, 64)
        self._conv2 = _Fire(128, 16, 64, 64)
        self._conv3 = _Fire(128, 32, 128, 128)
        self._conv4 = _Fire(256, 32, 128, 128)
        self._conv5 = _Fire(256, 48, 192, 192)
        self._conv6 = _Fire(384, 48, 192, 192)
        self._conv7 = _Fire(384, 64, 256, 256)
        self._conv8 = _Fire(512, 64, 256, 256)
        self._drop = nn.Dropout(p=0.5, mode="downscale_in_infer")
        self._conv9 = nn.Conv2D(512, num_classes, 1)
        self._avg_pool = nn.AdaptiveAvgPool2D(1)

    def forward(self, inputs: Tensor) -> Tensor:
        x = self._pool(relu(self._conv(inputs)))
        if self.version == "1.0":
            x = self._pool(self._conv3(self._conv2(self._conv1(x))))
            x = self._pool(self._conv7(self._conv6(self._conv5(self._conv4(x)))))
            x = self._conv8(x)
        else:
            x = self._pool(self._conv2(self._conv1(x)))
            x = self._pool(self._conv4(self._conv3(x)))
            x = self._conv8(self._conv7(self._conv6(self._conv5(x))))
        if self.num_classes > 0:
            x = self._conv9(self._drop(x))
        if self.with_pool:
            x = squeeze(self._avg_pool(relu(x)), axis=[2, 3])
        return x


def squeezenet1_0(pretrained: bool = False, **kwargs: Any) -> SqueezeNet:
    refuse_download("squeezenet1_0", pretrained)
    return SqueezeNet("1.0", **kwargs)


def squeezenet1_1(pretrained: bool = False, **kwargs: Any) -> SqueezeNet:
    refuse_download("squeezenet1_1", pretrained)
    return SqueezeNet("1.1", **kwargs)
