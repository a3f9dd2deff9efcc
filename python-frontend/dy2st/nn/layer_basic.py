"""Basic layers: Linear, activations, Sequential and the containers
(LayerList, LayerDict, ParameterList), Embedding, LayerNorm, Dropout,
Flatten, Identity."""
from __future__ import annotations

import collections
from typing import Any, Generic, Iterable, Iterator, Mapping, Sequence, TypeVar

import numpy as np

from ..eager import functional as _functional
from ..eager.tensor import Tensor
from . import functional, initializer
from .layer import Layer, ParamAttr, Parameter, ParamAttrLike


class Linear(Layer):
    """y = x @ weight + bias, with weight of shape [in_features, out_features]."""

    def __init__(self, in_features: int, out_features: int,
                 weight_attr: ParamAttr | str | None = None, bias_attr: ParamAttrLike = None,
                 name: str | None = None) -> None:
        super().__init__()
        self._weight_attr, self._bias_attr = weight_attr, bias_attr
        self.weight = self.create_parameter([in_features, out_features], attr=weight_attr)
        self.bias = self.create_parameter([out_features], attr=bias_attr, is_bias=True)

    def forward(self, input: Tensor) -> Tensor:
        out = functional.linear_matmul(input, self.weight)
        if self.bias is not None:
            out = out + self.bias
        return out


class ReLU(Layer):
    def __init__(self, name: str | None = None) -> None:
        super().__init__()

    def forward(self, x: Tensor) -> Tensor:
        return functional.relu(x)


class Sigmoid(Layer):
    def __init__(self, name: str | None = None) -> None:
        super().__init__()

    def forward(self, x: Tensor) -> Tensor:
        return functional.sigmoid(x)


class Sequential(Layer):
    """Calls its layers in order. Made of layers (named "0", "1", ...), of
    (name, layer) pairs, or of one OrderedDict of them, as Paddle's."""

    def __init__(self, *layers: Any) -> None:
        super().__init__()
        if len(layers) == 1 and isinstance(layers[0], collections.OrderedDict):
            named = list(layers[0].items())
        elif layers and isinstance(layers[0], (list, tuple)):
            named = [(name, layer) for name, layer in layers]
        else:
            named = [(str(i), layer) for i, layer in enumerate(layers)]
        for name, layer in named:
            self.add_sublayer(name, layer)

    def __getitem__(self, name: str | slice | int) -> Any:
        if isinstance(name, slice):
            return self.__class__(*list(self.children())[name])
        if isinstance(name, str):
            return self._registry("_sub_layers")[name]
        if not -len(self) <= name < len(self):
            raise IndexError(f"index {name} is out of range")
        return list(self.children())[name]

    def __setitem__(self, name: str, layer: Layer) -> None:
        setattr(self, str(name), layer)

    def __delitem__(self, name: str) -> None:
        del self._registry("_sub_layers")[str(name)]

    def __len__(self) -> int:
        return len(self._registry("_sub_layers"))

    def __iter__(self) -> Iterator[Layer]:
        return iter(list(self.children()))

    def append(self, layer: Layer) -> Sequential:
        self.add_sublayer(str(len(self)), layer)
        return self

    def forward(self, x: Any) -> Any:
        for layer in self:
            x = layer(x)
        return x


class Embedding(Layer):
    """Rows of `weight` [num_embeddings, embedding_dim] at integer indices;
    zeros at `padding_idx`."""

    def __init__(self, num_embeddings: int, embedding_dim: int, padding_idx: int | None = None,
                 sparse: bool = False,
                 weight_attr: ParamAttr | str | None = None, name: str | None = None) -> None:
        super().__init__()
        self._num_embeddings, self._embedding_dim = num_embeddings, embedding_dim
        self._size = [num_embeddings, embedding_dim]
        self._padding_idx, self._sparse, self._weight_attr = padding_idx, sparse, weight_attr
        self.weight = self.create_parameter([num_embeddings, embedding_dim], attr=weight_attr)

    def forward(self, x: Tensor) -> Tensor:
        return functional.embedding(x, self.weight, padding_idx=self._padding_idx)


class LayerNorm(Layer):
    """Normalizes the last dimensions (`normalized_shape`), then scales by
    `weight` (ones) and shifts by `bias` (zeros)."""

    def __init__(self, normalized_shape: int | Sequence[int], epsilon: float = 1e-05,
                 weight_attr: ParamAttr | str | None = None, bias_attr: ParamAttrLike = None,
                 name: str | None = None) -> None:
        super().__init__()
        shape = [normalized_shape] if isinstance(normalized_shape, int) else list(normalized_shape)
        self._normalized_shape = shape
        self._epsilon = epsilon
        self._weight_attr, self._bias_attr = weight_attr, bias_attr
        size = int(np.prod(shape))
        self.weight = self.create_parameter([size], attr=weight_attr,
                                            default_initializer=initializer.Constant(1.0))
        self.bias = self.create_parameter([size], attr=bias_attr, is_bias=True)

    def forward(self, x: Tensor) -> Tensor:
        return functional.layer_norm(x, self._normalized_shape, self.weight, self.bias,
                                     self._epsilon)


class Dropout(Layer):
    """Zeroes elements with probability p in training (eagerly); in eval mode
    the identity ('upscale_in_train') or a scaling by 1 - p
    ('downscale_in_infer')."""

    def __init__(self, p: float = 0.5, axis: int | Sequence[int] | None = None,
                 mode: str = "upscale_in_train", name: str | None = None) -> None:
        super().__init__()
        self.p = p
        self.axis = axis
        self.mode = mode

    def forward(self, input: Tensor) -> Tensor:
        return functional.dropout(input, self.p, self.axis, self.training, self.mode)


class Flatten(Layer):
    def __init__(self, start_axis: int = 1, stop_axis: int = -1) -> None:
        super().__init__()
        self.start_axis = start_axis
        self.stop_axis = stop_axis

    def forward(self, input: Tensor) -> Tensor:
        return _functional.flatten(input, self.start_axis, self.stop_axis)


class Identity(Layer):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__()

    def forward(self, input: Tensor) -> Any:
        return input


class Softmax(Layer):
    def __init__(self, axis: int = -1, name: str | None = None) -> None:
        super().__init__()
        self._axis = axis

    def forward(self, x: Tensor) -> Tensor:
        return functional.softmax(x, self._axis)


class LogSoftmax(Layer):
    def __init__(self, axis: int = -1, name: str | None = None) -> None:
        super().__init__()
        self._axis = axis

    def forward(self, x: Tensor) -> Tensor:
        return functional.log_softmax(x, self._axis)


class Tanh(Layer):
    def __init__(self, name: str | None = None) -> None:
        super().__init__()

    def forward(self, x: Tensor) -> Tensor:
        return functional.tanh(x)


class GELU(Layer):
    def __init__(self, approximate: bool = False, name: str | None = None) -> None:
        super().__init__()
        self._approximate = approximate

    def forward(self, x: Tensor) -> Tensor:
        return functional.gelu(x, self._approximate)


class LeakyReLU(Layer):
    def __init__(self, negative_slope: float = 0.01, name: str | None = None) -> None:
        super().__init__()
        self._negative_slope = negative_slope

    def forward(self, x: Tensor) -> Tensor:
        return functional.leaky_relu(x, self._negative_slope)


class SiLU(Layer):
    def __init__(self, name: str | None = None) -> None:
        super().__init__()

    def forward(self, x: Tensor) -> Tensor:
        return functional.silu(x)


class ReLU6(Layer):
    def __init__(self, name: str | None = None) -> None:
        super().__init__()

    def forward(self, x: Tensor) -> Tensor:
        return functional.relu6(x)


class Hardswish(Layer):
    def __init__(self, name: str | None = None) -> None:
        super().__init__()

    def forward(self, x: Tensor) -> Tensor:
        return functional.hardswish(x)


class ELU(Layer):
    def __init__(self, alpha: float = 1.0, name: str | None = None) -> None:
        super().__init__()
        self._alpha = alpha

    def forward(self, x: Tensor) -> Tensor:
        return functional.elu(x, self._alpha)


class Softplus(Layer):
    def __init__(self, beta: float = 1, threshold: float = 20, name: str | None = None) -> None:
        super().__init__()
        self._beta = beta
        self._threshold = threshold

    def forward(self, x: Tensor) -> Tensor:
        return functional.softplus(x, self._beta, self._threshold)


class LayerList(Layer):
    """A list of sublayers, registered as "0", "1", ... (`self.layers[i]` and
    `for layer in self.layers` work in compiled code with literal indices)."""

    def __init__(self, sublayers: Any = None) -> None:
        super().__init__()
        for layer in sublayers or []:
            self.append(layer)

    def append(self, sublayer: Layer) -> LayerList:
        self.add_sublayer(str(len(self)), sublayer)
        return self

    def extend(self, sublayers: Any) -> LayerList:
        for layer in sublayers:
            self.append(layer)
        return self

    def insert(self, index: int, sublayer: Layer) -> None:
        items = list(self.children())
        items.insert(index, sublayer)
        self._registry("_sub_layers").clear()
        self.extend(items)

    def __getitem__(self, index: int) -> Any:
        items = list(self.children())
        return LayerList(items[index]) if isinstance(index, slice) else items[index]

    def __len__(self) -> int:
        return len(self._registry("_sub_layers"))

    def __iter__(self) -> Iterator[Layer]:
        return iter(list(self.children()))


ItemT = TypeVar("ItemT")


class _ByName(Layer, Generic[ItemT]):
    """Items by name, in insertion order: what the layer registers under
    `_kind` (its sublayers or its parameters)."""

    _kind = "_sub_layers"

    def _add(self, name: str, item: ItemT) -> None:
        raise NotImplementedError

    def __getitem__(self, name: str) -> ItemT:
        return self._registry(self._kind)[name]

    def __setitem__(self, name: str, item: ItemT) -> None:
        self._add(name, item)

    def __len__(self) -> int:
        return len(self._registry(self._kind))

    def __iter__(self) -> Iterator[str]:
        return iter(self._registry(self._kind))

    def __contains__(self, name: str | None) -> bool:
        return name in self._registry(self._kind)

    def keys(self) -> list[str]:
        return list(self._registry(self._kind).keys())

    def values(self) -> list[ItemT]:
        return list(self._registry(self._kind).values())

    def items(self) -> list[tuple[str, ItemT]]:
        return list(self._registry(self._kind).items())


class LayerDict(_ByName[Layer]):
    """Sublayers by name (`self.blocks["a"]` with a literal key in compiled
    code, and loops over its names, keys(), values() or items())."""

    def __init__(self, sublayers: Any = None) -> None:
        super().__init__()
        for name, layer in dict(sublayers or {}).items():
            self.add_sublayer(name, layer)

    def _add(self, name: str, item: Layer) -> None:
        self.add_sublayer(name, item)


class ParameterList(Layer):
    """A list of parameters, registered as "0", "1", ..."""

    def __init__(self, parameters: Iterable[Parameter] | None = None) -> None:
        super().__init__()
        for p in parameters or []:
            self.append(p)

    def append(self, parameter: Parameter) -> ParameterList:
        self.add_parameter(str(len(self)), parameter)
        return self

    def __getitem__(self, index: int) -> Parameter:
        return list(self._registry("_parameters").values())[index]

    def __len__(self) -> int:
        return len(self._registry("_parameters"))

    def __iter__(self) -> Iterator[Parameter]:
        return iter(self._registry("_parameters").values())


class ParameterDict(_ByName[Parameter]):
    """Parameters by name (`self.params["w"]` and loops over its names,
    keys(), values() or items() in compiled code)."""

    _kind = "_parameters"

    def __init__(self, parameters: Mapping[str, Parameter] | Iterable[tuple[str, Parameter]]
                 | None = None) -> None:
        super().__init__()
        for name, parameter in dict(parameters or {}).items():
            self.add_parameter(name, parameter)

    def _add(self, name: str, item: Parameter) -> None:
        self.add_parameter(name, item)
