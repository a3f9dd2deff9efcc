"""Normalization layers: BatchNorm (1D/2D/3D, running statistics updated in
training), GroupNorm, InstanceNorm."""
from __future__ import annotations

from typing import Any

import numpy as np

from ..eager import dtypes
from ..eager.tensor import Tensor
from . import functional, initializer, normalization
from .layer import Layer, ParamAttr, Parameter, ParamAttrLike


class _BatchNorm(Layer):
    """Batch normalization over axis 1: `weight` (ones), `bias` (zeros) and
    the running statistics `_mean` (zeros) and `_variance` (ones) as Paddle
    names them. eval() uses the running statistics; training uses the batch's
    and updates the running ones (functional.batch_norm)."""

    def __init__(self, num_features: int, momentum: float = 0.9, epsilon: float = 1e-05,
                 weight_attr: ParamAttr | str | None = None,
                 bias_attr: ParamAttrLike = None, data_format: str = "NCHW",
                 use_global_stats: bool | None = None, name: str | None = None,
                 dtype: Any = None) -> None:
        super().__init__()
        self._num_features, self._momentum, self._epsilon = num_features, momentum, epsilon
        self._weight_attr, self._bias_attr = weight_attr, bias_attr
        self._use_global_stats = use_global_stats
        self._data_format = data_format
        self.weight = self.create_parameter([num_features], attr=weight_attr, dtype=dtype,
                                            default_initializer=initializer.Constant(1.0))
        self.bias = self.create_parameter([num_features], attr=bias_attr, dtype=dtype,
                                          is_bias=True)
        statistics = dtypes.as_dtype(dtype or dtypes.default_float()).numpy
        self._mean = Parameter(np.zeros(num_features, statistics), trainable=False)
        self._variance = Parameter(np.ones(num_features, statistics), trainable=False)

    def forward(self, x: Tensor) -> Tensor:
        if not self.training or self._use_global_stats:
            return normalization.batch_norm_inference(
                x, self._mean, self._variance, self.weight, self.bias, self._epsilon,
                self._data_format)
        return functional.batch_norm(x, self._mean, self._variance, self.weight, self.bias,
                                     self.training, self._momentum, self._epsilon,
                                     self._data_format, self._use_global_stats)


class BatchNorm1D(_BatchNorm):
    def __init__(self, num_features: int, momentum: float = 0.9, epsilon: float = 1e-05,
                 weight_attr: ParamAttr | str | None = None,
                 bias_attr: ParamAttrLike = None, data_format: str = "NCL",
                 use_global_stats: bool | None = None, name: str | None = None) -> None:
        super().__init__(num_features, momentum, epsilon, weight_attr, bias_attr, data_format,
                         use_global_stats, name)


class BatchNorm2D(_BatchNorm):
    pass


class BatchNorm3D(_BatchNorm):
    def __init__(self, num_features: int, momentum: float = 0.9, epsilon: float = 1e-05,
                 weight_attr: ParamAttr | str | None = None,
                 bias_attr: ParamAttrLike = None, data_format: str = "NCDHW",
                 use_global_stats: bool | None = None, name: str | None = None) -> None:
        super().__init__(num_features, momentum, epsilon, weight_attr, bias_attr, data_format,
                         use_global_stats, name)


class SyncBatchNorm(_BatchNorm):
    """Batch normalization whose statistics Paddle syncs across devices: on
    one device (dy2st's), the batch norm of any rank."""


class BatchNorm(_BatchNorm):
    """Paddle's older BatchNorm(num_channels, act=None, is_test=False, ...):
    `act` names the activation applied after it (Paddle's `_C_ops.<act>`);
    `is_test` is unused in dygraph, as in Paddle (train()/eval() decide)."""

    def __init__(self, num_channels: int, act: str | None = None, is_test: bool = False,
                 momentum: float = 0.9, epsilon: float = 1e-05,
                 param_attr: ParamAttr | str | None = None, bias_attr: ParamAttrLike = None,
                 dtype: Any = "float32", data_layout: str = "NCHW",
                 in_place: bool = False, moving_mean_name: str | None = None,
                 moving_variance_name: str | None = None,
                 do_model_average_for_mean_and_var: bool = True,
                 use_global_stats: bool | None = False,
                 trainable_statistics: bool = False) -> None:
        super().__init__(num_channels, momentum, epsilon, param_attr, bias_attr, data_layout,
                         use_global_stats=use_global_stats, dtype=dtype)
        self._act = act
        if act is not None and not callable(getattr(functional, act, None)):
            raise ValueError(f"BatchNorm(act={act!r}): no activation of that name")

    def forward(self, x: Tensor) -> Tensor:
        y = super().forward(x)
        if self._act is None:
            return y
        return getattr(functional, self._act)(y)


class GroupNorm(Layer):
    def __init__(self, num_groups: int, num_channels: int, epsilon: float = 1e-05,
                 weight_attr: ParamAttr | str | None = None,
                 bias_attr: ParamAttrLike = None, data_format: str = "NCHW",
                 name: str | None = None) -> None:
        super().__init__()
        self._num_groups, self._num_channels, self._epsilon = num_groups, num_channels, epsilon
        self._weight_attr, self._bias_attr = weight_attr, bias_attr
        self._data_format = data_format
        self.weight = self.create_parameter([num_channels], attr=weight_attr,
                                            default_initializer=initializer.Constant(1.0))
        self.bias = self.create_parameter([num_channels], attr=bias_attr, is_bias=True)

    def forward(self, x: Tensor) -> Tensor:
        return functional.group_norm(x, self._num_groups, self._epsilon, self.weight, self.bias,
                                     self._data_format)


class InstanceNorm2D(Layer):
    """Instance normalization with `scale` (ones) and `bias` (zeros), as Paddle
    names them."""

    def __init__(self, num_features: int, epsilon: float = 1e-05, momentum: float = 0.9,
                 weight_attr: ParamAttr | str | None = None,
                 bias_attr: ParamAttrLike = None, data_format: str = "NCHW",
                 name: str | None = None) -> None:
        super().__init__()
        self._num_features, self._epsilon, self._momentum = num_features, epsilon, momentum
        self._weight_attr, self._bias_attr = weight_attr, bias_attr
        self._data_format = data_format
        self.scale = self.create_parameter([num_features], attr=weight_attr,
                                           default_initializer=initializer.Constant(1.0))
        self.bias = self.create_parameter([num_features], attr=bias_attr, is_bias=True)

    def forward(self, x: Tensor) -> Tensor:
        return functional.instance_norm(x, weight=self.scale, bias=self.bias, eps=self._epsilon,
                                        data_format=self._data_format)


class InstanceNorm1D(InstanceNorm2D):
    def __init__(self, num_features: int, epsilon: float = 1e-05, momentum: float = 0.9,
                 weight_attr: ParamAttr | str | None = None,
                 bias_attr: ParamAttrLike = None, data_format: str = "NCL",
                 name: str | None = None) -> None:
        super().__init__(num_features, epsilon, momentum, weight_attr, bias_attr, data_format,
                         name)


class InstanceNorm3D(InstanceNorm2D):
    def __init__(self, num_features: int, epsilon: float = 1e-05, momentum: float = 0.9,
                 weight_attr: ParamAttr | str | None = None,
                 bias_attr: ParamAttrLike = None, data_format: str = "NCDHW",
                 name: str | None = None) -> None:
        super().__init__(num_features, epsilon, momentum, weight_attr, bias_attr, data_format,
                         name)
