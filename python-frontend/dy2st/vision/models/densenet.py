"""DenseNet (Huang et al., 2017): Paddle's vision.models layout (its
batch-norm-activation-convolution layers, dense blocks and transitions under
Paddle's sublayer names) and parameter names."""
from __future__ import annotations

import math
from typing import Any

from ... import nn
from ...eager.functional import concat, flatten
from ...eager.tensor import Tensor
from ...nn.layer import ParamAttr
from .pretrained import refuse_download


class _NormConv(nn.Layer):
    """Batch norm with its activation, then a convolution without bias."""

    def __init__(self, num_channels: int, num_filters: int, filter_size: int, stride: int = 1,
                 pad: int = 0, groups: int = 1, act: str = "relu") -> None:
        super().__init__()
        self._batch_norm = nn.BatchNorm(num_channels, act=act)
        self._conv = nn.Conv2D(num_channels, num_filters, filter_size, stride=stride,
                               padding=pad, groups=groups, bias_attr=False)

    def forward(self, input: Tensor) -> Tensor:
        return self._conv(self._batch_norm(input))


class _ConvNorm(nn.Layer):
    """A convolution without bias, then batch norm with its activation."""

    def __init__(self, num_channels: int, num_filters: int, filter_size: int, stride: int = 1,
                 pad: int = 0, groups: int = 1, act: str = "relu") -> None:
        super().__init__()
        self._conv = nn.Conv2D(num_channels, num_filters, filter_size, stride=stride,
                               padding=pad, groups=groups, bias_attr=False)
        self._batch_norm = nn.BatchNorm(num_filters, act=act)

    def forward(self, input: Tensor) -> Tensor:
        return self._batch_norm(self._conv(input))


class _DenseLayer(nn.Layer):
    def __init__(self, num_channels: int, growth_rate: int, bn_size: int,
                 dropout: float) -> None:
        super().__init__()
        self.dropout = dropout
        self.bn_ac_func1 = _NormConv(num_channels, bn_size * growth_rate, 1, pad=0, stride=1)
        self.bn_ac_func2 = _NormConv(bn_size * growth_rate, growth_rate, 3, pad=1, stride=1)
        if dropout:
            self.dropout_func = nn.Dropout(p=dropout, mode="downscale_in_infer")

    def forward(self, input: Tensor) -> Tensor:
        conv = self.bn_ac_func2(self.bn_ac_func1(input))
        if self.dropout:
            conv = self.dropout_func(conv)
        return concat([input, conv], axis=1)


class _DenseBlock(nn.Layer):
    def __init__(self, num_channels: int, num_layers: int, bn_size: int, growth_rate: int,
                 dropout: float, name: str) -> None:
        super().__init__()
        self.dropout = dropout
        self.dense_layer_func = []
        channels = num_channels
        for layer in range(num_layers):
            self.dense_layer_func.append(self.add_sublayer(
                f"{name}_{layer + 1}", _DenseLayer(channels, growth_rate, bn_size, dropout)))
            channels = channels + growth_rate

    def forward(self, input: Tensor) -> Tensor:
        conv = input
        for layer in self.dense_layer_func:
            conv = layer(conv)
        return conv


class _Transition(nn.Layer):
    def __init__(self, num_channels: int, num_output_features: int) -> None:
        super().__init__()
        self.conv_ac_func = _NormConv(num_channels, num_output_features, 1, pad=0, stride=1)
        self.pool2d_avg = nn.AvgPool2D(kernel_size=2, stride=2, padding=0)

    def forward(self, input: Tensor) -> Tensor:
        return self.pool2d_avg(self.conv_ac_func(input))


_SPECS = {121: (64, 32, [6, 12, 24, 16]), 161: (96, 48, [6, 12, 36, 24]),
          169: (64, 32, [6, 12, 32, 32]), 201: (64, 32, [6, 12, 48, 32]),
          264: (64, 32, [6, 12, 64, 48])}


class DenseNet(nn.Layer):
    def __init__(self, layers: int = 121, bn_size: int = 4, dropout: float = 0.0,
                 num_classes: int = 1000, with_pool: bool = True) -> None:
        super().__init__()
        if layers not in _SPECS:
            raise AssertionError(f"supported layers are {list(_SPECS)} but input layer is "
                                 f"{layers}")
        self.num_classes, self.with_pool = num_classes, with_pool
        num_init_features, growth_rate, block_config = _SPECS[layers]
        self.conv1_func = _ConvNorm(3, num_init_features, 7, stride=2, pad=3, act="relu")
        self.pool2d_max = nn.MaxPool2D(kernel_size=3, stride=2, padding=1)
        self.block_config = block_config
        self.dense_block_func_list = []
        self.transition_func_list = []
        features = num_init_features
        for i, num_layers in enumerate(block_config):
            self.dense_block_func_list.append(self.add_sublayer(
                f"db_conv_{i + 2}", _DenseBlock(features, num_layers, bn_size, growth_rate,
                                                dropout, f"conv{i + 2}")))
            features = features + num_layers * growth_rate
            if i != len(block_config) - 1:
                self.transition_func_list.append(self.add_sublayer(
                    f"tr_conv{i + 2}_blk", _Transition(features, features // 2)))
                features = features // 2
        self.batch_norm = nn.BatchNorm(features, act="relu")
        if with_pool:
            self.pool2d_avg = nn.AdaptiveAvgPool2D(1)
        if num_classes > 0:
            stdv = 1.0 / math.sqrt(features * 1.0)
            self.out = nn.Linear(features, num_classes, weight_attr=ParamAttr(
                initializer=nn.initializer.Uniform(-stdv, stdv)), bias_attr=ParamAttr())

    def forward(self, input: Tensor) -> Tensor:
        conv = self.pool2d_max(self.conv1_func(input))
        for i in range(len(self.block_config)):
            conv = self.dense_block_func_list[i](conv)
            if i != len(self.block_config) - 1:
                conv = self.transition_func_list[i](conv)
        conv = self.batch_norm(conv)
        # As Paddle's: without the pool there is no result (an UnboundLocalError).
        if self.with_pool:
            y = self.pool2d_avg(conv)
        if self.num_classes > 0:
            y = self.out(flatten(y, start_axis=1, stop_axis=-1))
        return y


def _densenet(layers: int, pretrained: bool, **kwargs: Any) -> DenseNet:
    refuse_download(f"densenet{layers}", pretrained)
    return DenseNet(layers=layers, **kwargs)


def densenet121(pretrained: bool = False, **kwargs: Any) -> DenseNet:
    return _densenet(121, pretrained, **kwargs)


def densenet161(pretrained: bool = False, **kwargs: Any) -> DenseNet:
    return _densenet(161, pretrained, **kwargs)


def densenet169(pretrained: bool = False, **kwargs: Any) -> DenseNet:
    return _densenet(169, pretrained, **kwargs)


def densenet201(pretrained: bool = False, **kwargs: Any) -> DenseNet:
    return _densenet(201, pretrained, **kwargs)


def densenet264(pretrained: bool = False, **kwargs: Any) -> DenseNet:
    return _densenet(264, pretrained, **kwargs)
