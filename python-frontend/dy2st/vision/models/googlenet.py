"""GoogLeNet (Szegedy et al., 2015) with its two auxiliary heads: Paddle's
vision.models layout and parameter names (forward gives the three outputs)."""
from __future__ import annotations

from typing import Any

from ... import nn
from ...eager.functional import concat, flatten, relu, squeeze
from ...eager.tensor import Tensor
from ...nn.layer import ParamAttr
from .pretrained import refuse_download


def _xavier(channels: int, filter_size: int) -> ParamAttr:
    stdv = (3.0 / (filter_size ** 2 * channels)) ** 0.5
    return ParamAttr(initializer=nn.initializer.Uniform(-stdv, stdv))


class _Conv(nn.Layer):
    def __init__(self, num_channels: int, num_filters: int, filter_size: int, stride: int = 1,
                 groups: int = 1) -> None:
        super().__init__()
        self._conv = nn.Conv2D(num_channels, num_filters, filter_size, stride=stride,
                               padding=(filter_size - 1) // 2, groups=groups, bias_attr=False)

    def forward(self, inputs: Tensor) -> Tensor:
        return self._conv(inputs)


class _Inception(nn.Layer):
    def __init__(self, input_channels: int, output_channels: int, filter1: int, filter3r: int,
                 filter3: int, filter5r: int, filter5: int, proj: int) -> None:
        super().__init__()
        self._conv1 = _Conv(input_channels, filter1, 1)
        self._conv3r = _Conv(input_channels, filter3r, 1)
        self._conv3 = _Conv(filter3r, filter3, 3)
        self._conv5r = _Conv(input_channels, filter5r, 1)
        self._conv5 = _Conv(filter5r, filter5, 5)
        self._pool = nn.MaxPool2D(kernel_size=3, stride=1, padding=1)
        self._convprj = _Conv(input_channels, proj, 1)

    def forward(self, inputs: Tensor) -> Tensor:
        branches = [self._conv1(inputs), self._conv3(self._conv3r(inputs)),
                    self._conv5(self._conv5r(inputs)), self._convprj(self._pool(inputs))]
        return relu(concat(branches, axis=1))


class GoogLeNet(nn.Layer):
    def __init__(self, num_classes: int = 1000, with_pool: bool = True) -> None:
        super().__init__()
        self.num_classes, self.with_pool = num_classes, with_pool
        self._conv = _Conv(3, 64, 7, 2)
        self._pool = nn.MaxPool2D(kernel_size=3, stride=2)
        self._conv_1 = _Conv(64, 64, 1)
        self._conv_2 = _Conv(64, 192, 3)
        self._ince3a = _Inception(192, 192, 64, 96, 128, 16, 32, 32)
        self._ince3b = _Inception(256, 256, 128, 128, 192, 32, 96, 64)
        self._ince4a = _Inception(480, 480, 192, 96, 208, 16, 48, 64)
        self._ince4b = _Inception(512, 512, 160, 112, 224, 24, 64, 64)
        self._ince4c = _Inception(512, 512, 128, 128, 256, 24, 64, 64)
        self._ince4d = _Inception(512, 512, 112, 144, 288, 32, 64, 64)
        self._ince4e = _Inception(528, 528, 256, 160, 320, 32, 128, 128)
        self._ince5a = _Inception(832, 832, 256, 160, 320, 32, 128, 128)
        self._ince5b = _Inception(832, 832, 384, 192, 384, 48, 128, 128)
        if with_pool:
            self._pool_5 = nn.AdaptiveAvgPool2D(1)
            self._pool_o1 = nn.AvgPool2D(kernel_size=5, stride=3)
            self._pool_o2 = nn.AvgPool2D(kernel_size=5, stride=3)
        if num_classes > 0:
            self._drop = nn.Dropout(p=0.4, mode="downscale_in_infer")
            self._fc_out = nn.Linear(1024, num_classes, weight_attr=_xavier(1024, 1))
            self._conv_o1 = _Conv(512, 128, 1)
            self._fc_o1 = nn.Linear(1152, 1024, weight_attr=_xavier(2048, 1))
            self._drop_o1 = nn.Dropout(p=0.7, mode="downscale_in_infer")
            self._out1 = nn.Linear(1024, num_classes, weight_attr=_xavier(1024, 1))
            self._conv_o2 = _Conv(528, 128, 1)
            self._fc_o2 = nn.Linear(1152, 1024, weight_attr=_xavier(2048, 1))
            self._drop_o2 = nn.Dropout(p=0.7, mode="downscale_in_infer")
            self._out2 = nn.Linear(1024, num_classes, weight_attr=_xavier(1024, 1))

    def forward(self, inputs: Tensor) -> tuple[Tensor, Tensor, Tensor]:
        x = self._pool(self._conv(inputs))
        x = self._pool(self._conv_2(self._conv_1(x)))
        x = self._pool(self._ince3b(self._ince3a(x)))
        ince4a = self._ince4a(x)
        ince4d = self._ince4d(self._ince4c(self._ince4b(ince4a)))
        x = self._pool(self._ince4e(ince4d))
        out, out1, out2 = self._ince5b(self._ince5a(x)), ince4a, ince4d
        if self.with_pool:
            out = self._pool_5(out)
            out1 = self._pool_o1(out1)
            out2 = self._pool_o2(out2)
        if self.num_classes > 0:
            out = self._fc_out(squeeze(self._drop(out), axis=[2, 3]))
            out1 = self._fc_o1(flatten(self._conv_o1(out1), start_axis=1, stop_axis=-1))
            out1 = self._out1(self._drop_o1(relu(out1)))
            out2 = self._fc_o2(flatten(self._conv_o2(out2), start_axis=1, stop_axis=-1))
            out2 = self._out2(self._drop_o2(out2))
        return out, out1, out2


def googlenet(pretrained: bool = False, **kwargs: Any) -> GoogLeNet:
    refuse_download("googlenet", pretrained)
    return GoogLeNet(**kwargs)
