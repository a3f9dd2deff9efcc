"""Activation and dropout layers beyond layer_basic's: each calls its
nn.functional composite with the arguments it was made with."""
from __future__ import annotations

from ..eager.tensor import Tensor
from . import functional, initializer
from .layer import Layer, ParamAttr


class Hardsigmoid(Layer):
    def __init__(self, name: str | None = None) -> None:
        super().__init__()

    def forward(self, x: Tensor) -> Tensor:
        return functional.hardsigmoid(x)


class Hardtanh(Layer):
    def __init__(self, min: float = -1.0, max: float = 1.0, name: str | None = None) -> None:
        super().__init__()
        self._min, self._max = min, max

    def forward(self, x: Tensor) -> Tensor:
        return functional.hardtanh(x, self._min, self._max)


class Hardshrink(Layer):
    def __init__(self, threshold: float = 0.5, name: str | None = None) -> None:
        super().__init__()
        self._threshold = threshold

    def forward(self, x: Tensor) -> Tensor:
        return functional.hardshrink(x, self._threshold)


class Softshrink(Layer):
    def __init__(self, threshold: float = 0.5, name: str | None = None) -> None:
        super().__init__()
        self._threshold = threshold

    def forward(self, x: Tensor) -> Tensor:
        return functional.softshrink(x, self._threshold)


class ThresholdedReLU(Layer):
    def __init__(self, threshold: float = 1.0, value: float = 0.0,
                 name: str | None = None) -> None:
        super().__init__()
        self._threshold, self._value = threshold, value

    def forward(self, x: Tensor) -> Tensor:
        return functional.thresholded_relu(x, self._threshold, self._value)


class Softsign(Layer):
    def __init__(self, name: str | None = None) -> None:
        super().__init__()

    def forward(self, x: Tensor) -> Tensor:
        return functional.softsign(x)


class Swish(Layer):
    def __init__(self, name: str | None = None) -> None:
        super().__init__()

    def forward(self, x: Tensor) -> Tensor:
        return functional.swish(x)


class Mish(Layer):
    def __init__(self, name: str | None = None) -> None:
        super().__init__()

    def forward(self, x: Tensor) -> Tensor:
        return functional.mish(x)


class LogSigmoid(Layer):
    def __init__(self, name: str | None = None) -> None:
        super().__init__()

    def forward(self, x: Tensor) -> Tensor:
        return functional.log_sigmoid(x)


class Tanhshrink(Layer):
    def __init__(self, name: str | None = None) -> None:
        super().__init__()

    def forward(self, x: Tensor) -> Tensor:
        return functional.tanhshrink(x)


class CELU(Layer):
    def __init__(self, alpha: float = 1.0, name: str | None = None) -> None:
        super().__init__()
        self._alpha = alpha

    def forward(self, x: Tensor) -> Tensor:
        return functional.celu(x, self._alpha)


class SELU(Layer):
    def __init__(self, scale: float = 1.0507009873554805, alpha: float = 1.6732632423543772,
                 name: str | None = None) -> None:
        super().__init__()
        self._scale, self._alpha = scale, alpha

    def forward(self, x: Tensor) -> Tensor:
        return functional.selu(x, self._scale, self._alpha)


class GLU(Layer):
    def __init__(self, axis: int = -1, name: str | None = None) -> None:
        super().__init__()
        self._axis = axis

    def forward(self, x: Tensor) -> Tensor:
        return functional.glu(x, self._axis)


class Maxout(Layer):
    def __init__(self, groups: int, axis: int = 1, name: str | None = None) -> None:
        super().__init__()
        self._groups, self._axis = groups, axis

    def forward(self, x: Tensor) -> Tensor:
        return functional.maxout(x, self._groups, self._axis)


class Softmax2D(Layer):
    """Softmax over the channels (axis -3) of a CHW or NCHW tensor."""

    def __init__(self, name: str | None = None) -> None:
        super().__init__()

    def forward(self, x: Tensor) -> Tensor:
        assert x.ndim == 3 or x.ndim == 4, \
            f"Softmax2D requires a 3D or 4D tensor as input. Received: {x.ndim}D."
        return functional.softmax(x, axis=-3)


class PReLU(Layer):
    """max(0, x) + weight * min(0, x), with `num_parameters` weights (one, or
    one per channel) named `_weight` as Paddle's."""

    def __init__(self, num_parameters: int = 1, init: float = 0.25,
                 weight_attr: ParamAttr | str | None = None, data_format: str = "NCHW",
                 name: str | None = None) -> None:
        super().__init__()
        self._num_parameters, self._init, self._weight_attr = num_parameters, init, weight_attr
        self._data_format = data_format
        self._weight = self.create_parameter(
            [num_parameters], attr=weight_attr,
            default_initializer=initializer.Constant(init))

    def forward(self, x: Tensor) -> Tensor:
        return functional.prelu(x, self._weight, data_format=self._data_format)


class RReLU(Layer):
    """Randomized leaky ReLU: random slopes in training (eagerly), their mean
    in eval."""

    def __init__(self, lower: float = 0.125, upper: float = 0.3333333333333333,
                 name: str | None = None) -> None:
        super().__init__()
        self._lower, self._upper = lower, upper

    def forward(self, x: Tensor) -> Tensor:
        return functional.rrelu(x, self._lower, self._upper, self.training)


class Dropout2D(Layer):
    """Drops whole channels in training (eagerly); the identity in eval."""

    def __init__(self, p: float = 0.5, data_format: str = "NCHW", name: str | None = None) -> None:
        super().__init__()
        self.p, self.data_format = p, data_format

    def forward(self, x: Tensor) -> Tensor:
        return functional.dropout2d(x, self.p, self.training, self.data_format)


class Dropout3D(Layer):
    def __init__(self, p: float = 0.5, data_format: str = "NCDHW",
                 name: str | None = None) -> None:
        super().__init__()
        self.p, self.data_format = p, data_format

    def forward(self, x: Tensor) -> Tensor:
        return functional.dropout3d(x, self.p, self.training, self.data_format)


class AlphaDropout(Layer):
    def __init__(self, p: float = 0.5, name: str | None = None) -> None:
        super().__init__()
        self.p = p

    def forward(self, x: Tensor) -> Tensor:
        return functional.alpha_dropout(x, self.p, self.training)


class FeatureAlphaDropout(Layer):
    def __init__(self, p: float = 0.5, name: str | None = None) -> None:
        super().__init__()
        self.p = p

    def forward(self, x: Tensor) -> Tensor:
        return functional.feature_alpha_dropout(x, self.p, self.training)
