"""The base of layers: Layer (parameters, sublayers and buffers registered by
assignment, state dicts with Paddle's dotted keys, train/eval), Parameter and
ParamAttr."""
from __future__ import annotations

import collections
import functools
import itertools
import re
import warnings
from typing import Any, Callable, Iterator, Literal, Mapping, Sequence, TypeVar, Union, overload

import numpy as np

from ...eager import dtypes
from ...eager.tensor import Tensor
from ..initializer import Initializer, XavierUniform, global_initializer
from ..weight_decay import WeightDecayRegularizer

LayerT = TypeVar("LayerT", bound="Layer")


class ParamAttr:
    """How a layer creates a parameter: its name, initializer and whether it
    is trainable (the other arguments are accepted for Paddle's sake)."""

    def __init__(self, name: str | None = None, initializer: Initializer | None = None,
                 learning_rate: float = 1.0, regularizer: Any = None, trainable: bool = True,
                 do_model_average: bool = True, need_clip: bool = True) -> None:
        self.name = name
        self.initializer = initializer
        self.regularizer = regularizer
        self.trainable = trainable

    @staticmethod
    def _to_attr(arg: ParamAttrLike) -> ParamAttr | Literal[False] | None:
        """What a layer's `weight_attr`/`bias_attr` stands for, as Paddle
        reads it: None (the defaults), or a ParamAttr, its name, its
        initializer or its regularizer alone; True the defaults, False none."""
        if arg is None or arg is True:
            return None
        if arg is False or isinstance(arg, ParamAttr):
            return arg
        if isinstance(arg, str):
            return ParamAttr(name=arg)
        if isinstance(arg, Initializer):
            return ParamAttr(initializer=arg)
        if isinstance(arg, WeightDecayRegularizer):
            return ParamAttr(regularizer=arg)
        raise TypeError(f"{type(arg)} cast to ParamAttr")


ParamAttrLike = Union[ParamAttr, str, bool, Initializer, WeightDecayRegularizer, None]
"""What a layer takes for a parameter's attributes (False: no parameter)."""


class Parameter(Tensor):
    """A tensor that a layer owns and saves (`state_dict`)."""

    persistable = True

    def __init__(self, value: Any, name: str | None = None, trainable: bool = True) -> None:
        super().__init__(value)
        self.name = name
        self.trainable = trainable
        self.stop_gradient = not trainable

    @property
    def block(self) -> None:
        """Paddle's static-graph block of the parameter, which dygraph code
        only passes on to an initializer (`init(param, param.block)`, as
        PaddleSeg's param_init does): no block here, and initializers of a
        parameter take none."""
        return None


# How many layers each name scope has named (Paddle's unique_name.generate).
_NAMES_GIVEN: collections.Counter[str] = collections.Counter()


def _dotted(prefix, name):
    """`name` under `prefix`, as Paddle joins a structured name."""
    return f"{prefix}.{name}" if prefix else name


def _snake_case(name):
    """Paddle's name scope of a class: ConvBNLayer -> conv_bn_layer, Conv2D -> conv2d."""
    name = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub(r"([a-z])([A-Z])", r"\1_\2", name).lower()


class Layer:
    """Base class of layers: subclasses define `forward`; calling the layer
    calls it. Parameters and sublayers assigned as attributes are registered."""

    def __init__(self, name_scope: str | None = None, dtype: Any = "float32") -> None:
        object.__setattr__(self, "_parameters", collections.OrderedDict())
        object.__setattr__(self, "_sub_layers", collections.OrderedDict())
        scope = name_scope if name_scope is not None else _snake_case(type(self).__name__)
        self._full_name = f"{scope}_{_NAMES_GIVEN[scope]}"
        _NAMES_GIVEN[scope] += 1
        self._dtype = dtype
        self.training = True
        # Tuples, made anew at each change: compiled code converted for the
        # hooks of a layer sees a change as a new object (its guard).
        self._forward_pre_hooks: tuple[Callable[..., Any], ...] = ()
        self._forward_post_hooks: tuple[Callable[..., Any], ...] = ()

    def _registry(self, kind):
        if "_parameters" not in self.__dict__:
            raise RuntimeError(f"{type(self).__name__}.__init__ must call super().__init__() "
                               "before assigning parameters or sublayers")
        return self.__dict__[kind]

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, Parameter):
            self._registry("_parameters")[name] = value
            self.__dict__.pop(name, None)
        elif isinstance(value, Layer):
            self._registry("_sub_layers")[name] = value
            self.__dict__.pop(name, None)
        else:
            parameters = self.__dict__.get("_parameters", {})
            buffers = self.__dict__.get("_buffers", {})
            if name in parameters and value is not None:
                raise TypeError(f"assignment to parameter '{name}' should be of type Parameter or "
                                f"None, but got '{type(value).__name__}'")
            if name in buffers and value is not None and not isinstance(value, Tensor):
                raise TypeError(f"assignment to buffers '{name}' should be of type Tensor or "
                                f"None, but got '{type(value).__name__}'")
            if name in parameters:
                parameters[name] = None
                return
            if name in buffers:
                buffers[name] = (value, buffers[name][1])
            self.__dict__.get("_sub_layers", {}).pop(name, None)
            object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        """As Paddle's: a parameter, sublayer or buffer leaves its registry
        (and the state dict) too."""
        for kind in ("_parameters", "_sub_layers"):
            registry = self.__dict__.get(kind)
            if registry is not None and name in registry:
                del registry[name]
                return
        self.__dict__.get("_buffers", {}).pop(name, None)
        object.__delattr__(self, name)

    def __getattr__(self, name: str) -> Any:
        for kind in ("_parameters", "_sub_layers"):
            registry = self.__dict__.get(kind)
            if registry is not None and name in registry:
                return registry[name]
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def attribute_reader(self, name: str) -> Callable[[], Any]:
        """A function reading `self.<name>` now and later, without this
        class's Python __getattr__ where it is a registered parameter or
        sublayer (compiled code checks many such reads at every call)."""
        for kind in ("_parameters", "_sub_layers"):
            registry = self.__dict__.get(kind)
            if registry is not None and name in registry:
                # Reassigned, it leaves or changes the registry: get() gives
                # None or the new object, either of which a check sees.
                return functools.partial(registry.get, name)
        return functools.partial(getattr, self, name)

    def full_name(self) -> str:
        """The layer's name: its name scope (the class's name in snake case
        unless given) and a count, as Paddle's (`conv_bn_layer_0`)."""
        return self._full_name

    def forward(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError(f"{type(self).__name__} does not define forward()")

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self.__dict__.get("_forward_pre_hooks") or self.__dict__.get("_forward_post_hooks"):
            return self._call_with_hooks(*args, **kwargs)
        return self.forward(*args, **kwargs)

    def _call_with_hooks(self, *inputs: Any, **kwargs: Any) -> Any:
        """forward between the hooks, as Paddle runs them: a pre hook may
        replace the positional inputs, a post hook the outputs (None keeps
        them). Written to be converted too: compiled code calls a sublayer
        that has hooks through it."""
        for hook in self._forward_pre_hooks:
            replaced = hook(self, inputs)
            if replaced is not None:
                inputs = replaced if isinstance(replaced, tuple) else (replaced,)
        outputs = self.forward(*inputs, **kwargs)
        for hook in self._forward_post_hooks:
            replaced = hook(self, inputs, outputs)
            if replaced is not None:
                outputs = replaced
        return outputs

    def register_forward_pre_hook(self, hook: Callable[..., Any]) -> HookRemoveHelper:
        """`hook(layer, inputs)` before forward; a result other than None
        replaces the inputs (a tuple, or one input)."""
        self._forward_pre_hooks = self._forward_pre_hooks + (hook,)
        return HookRemoveHelper(self, "_forward_pre_hooks", hook)

    def register_forward_post_hook(self, hook: Callable[..., Any]) -> HookRemoveHelper:
        """`hook(layer, inputs, outputs)` after forward; a result other than
        None replaces the outputs."""
        self._forward_post_hooks = self._forward_post_hooks + (hook,)
        return HookRemoveHelper(self, "_forward_post_hooks", hook)

    @overload
    def create_parameter(self, shape: Sequence[int],
                         attr: ParamAttr | str | Initializer | WeightDecayRegularizer | None = None,
                         dtype: Any = None, is_bias: bool = False,
                         default_initializer: Initializer | None = None) -> Parameter: ...

    @overload
    def create_parameter(self, shape: Sequence[int], attr: ParamAttrLike = None,
                         dtype: Any = None, is_bias: bool = False,
                         default_initializer: Initializer | None = None) -> Parameter | None: ...

    def create_parameter(self, shape: Sequence[int], attr: ParamAttrLike = None,
                         dtype: Any = None, is_bias: bool = False,
                         default_initializer: Initializer | None = None) -> Parameter | None:
        """A new Parameter: `attr`'s initializer, else the global one
        (set_global_initializer), else `default_initializer`, else zeros for a
        bias and Xavier-uniform for a weight. `attr=False`
        gives None (no parameter)."""
        attr = ParamAttr._to_attr(attr)
        if attr is False:
            return None
        # Paddle's: the default float dtype, whatever the layer's `dtype` says.
        dtype = dtypes.as_dtype(dtype or dtypes.default_float())
        initializer = (attr.initializer if attr is not None else None) or \
            global_initializer(is_bias) or default_initializer
        if initializer is not None:
            value = initializer(shape, dtype)
        elif is_bias:
            value = np.zeros(shape, dtype.numpy)
        else:
            value = XavierUniform()(shape, dtype)
        return Parameter(value, name=attr.name if attr is not None else None,
                         trainable=attr.trainable if attr is not None else True)

    def add_parameter(self, name: str, parameter: Parameter | None) -> Parameter | None:
        """Registers `parameter` (a Parameter, or None) under `name`."""
        if parameter is not None and not isinstance(parameter, Parameter):
            raise TypeError(f"add_parameter() takes a Parameter, not {type(parameter).__name__}")
        self._registry("_parameters")[name] = parameter
        return parameter

    def add_sublayer(self, name: str, sublayer: LayerT) -> LayerT:
        """Registers `sublayer` under `name`."""
        if not isinstance(sublayer, Layer):
            raise TypeError(f"add_sublayer() takes a Layer, not {type(sublayer).__name__}")
        self._registry("_sub_layers")[name] = sublayer
        return sublayer

    def register_buffer(self, name: str, tensor: Tensor | None, persistable: bool = True) -> None:
        """A tensor the layer keeps (saved in state_dict when persistable)."""
        buffers = self.__dict__.setdefault("_buffers", collections.OrderedDict())
        buffers[name] = (tensor, persistable)
        object.__setattr__(self, name, tensor)

    def named_sublayers(self, prefix: str = "", include_self: bool = False,
                        layers_set: set[Layer] | None = None,
                        remove_duplicate: bool = True) -> Iterator[tuple[str, Layer]]:
        """Every layer below this one, depth first, with its dotted name (a
        layer registered twice once, under its first name, unless
        `remove_duplicate` is False)."""
        if layers_set is None:
            layers_set = set()
        if include_self and self not in layers_set:
            if remove_duplicate:
                layers_set.add(self)
            yield prefix, self
        for name, layer in self._registry("_sub_layers").items():
            if layer is not None:
                yield from layer.named_sublayers(_dotted(prefix, name), True, layers_set,
                                                 remove_duplicate)

    def sublayers(self, include_self: bool = False) -> list[Layer]:
        """Every layer below this one, depth first (this one first with include_self)."""
        return [layer for _, layer in self.named_sublayers(include_self=include_self)]

    def named_children(self) -> Iterator[tuple[str, Layer]]:
        """The layers registered directly on this one, with their names (one
        registered twice once)."""
        seen: set[int] = set()
        for name, layer in self._registry("_sub_layers").items():
            if layer is not None and id(layer) not in seen:
                seen.add(id(layer))
                yield name, layer

    def children(self) -> Iterator[Layer]:
        """The layers registered directly on this one."""
        for _, layer in self.named_children():
            yield layer

    def apply(self: LayerT, fn: Callable[[Layer], Any]) -> LayerT:
        """Calls `fn` on every sublayer, then on this layer; returns this layer."""
        for layer in self.children():
            layer.apply(fn)
        fn(self)
        return self

    def _named_tensors(self, own, prefix, include_sublayers, remove_duplicate):
        """(name, tensor) of `own(layer)` for this layer and, with
        `include_sublayers`, those below it; a tensor shared by two layers
        once unless `remove_duplicate` is False (tied weights)."""
        layers = self.named_sublayers(prefix, include_self=True,
                                      remove_duplicate=remove_duplicate) \
            if include_sublayers else iter([(prefix, self)])
        seen: set[int] = set()
        for layer_prefix, layer in layers:
            for name, tensor in own(layer):
                if tensor is None or (remove_duplicate and id(tensor) in seen):
                    continue
                seen.add(id(tensor))
                yield _dotted(layer_prefix, name), tensor

    def named_parameters(self, prefix: str = "", include_sublayers: bool = True,
                         remove_duplicate: bool = True) -> Iterator[tuple[str, Parameter]]:
        return self._named_tensors(lambda layer: layer._registry("_parameters").items(),
                                   prefix, include_sublayers, remove_duplicate)

    def parameters(self, include_sublayers: bool = True) -> list[Parameter]:
        return [p for _, p in self.named_parameters(include_sublayers=include_sublayers)]

    def _own_buffers(self, persistable_only: bool = False) -> Iterator[tuple[str, Tensor]]:
        for name, (tensor, persistable) in self.__dict__.get("_buffers", {}).items():
            if persistable or not persistable_only:
                yield name, tensor

    def named_buffers(self, prefix: str = "", include_sublayers: bool = True,
                      remove_duplicate: bool = True) -> Iterator[tuple[str, Tensor]]:
        """Every buffer, persistable or not (state_dict keeps the persistable ones)."""
        return self._named_tensors(lambda layer: layer._own_buffers(), prefix,
                                   include_sublayers, remove_duplicate)

    def buffers(self, include_sublayers: bool = True) -> list[Tensor]:
        return [t for _, t in self.named_buffers(include_sublayers=include_sublayers)]

    def state_dict(self) -> collections.OrderedDict[str, Tensor]:
        """Each layer's parameters, then its persistable buffers, depth first,
        under every name they are registered by (tied weights twice), as
        Paddle orders them."""
        state: collections.OrderedDict[str, Tensor] = collections.OrderedDict()
        for prefix, layer in self.named_sublayers(include_self=True, remove_duplicate=False):
            own = itertools.chain(layer._registry("_parameters").items(),
                                  layer._own_buffers(persistable_only=True))
            for name, tensor in own:
                if tensor is not None:
                    state[_dotted(prefix, name)] = tensor
        return state

    def set_state_dict(self, state_dict: Mapping[str, Any]) -> tuple[list[str], list[str]]:
        """Copies values into the parameters and buffers of the same names, as
        Paddle: one the dict lacks, or gives another shape, keeps its value
        with a warning ("Skip loading for ..."); the dict's other keys are
        left (Paddle's state dicts of RNNs hold each parameter under a
        second name). Returns (missing keys, unexpected keys)."""
        missing, matched = [], set()
        for name, target in self.state_dict().items():
            if name not in state_dict:
                missing.append(name)
                warnings.warn(f"Skip loading for {name}. {name} is not found in the provided dict.")
                continue
            array = np.asarray(state_dict[name])
            if list(array.shape) != target.shape:
                missing.append(name)
                warnings.warn(f"Skip loading for {name}. {name} receives a shape "
                              f"{list(array.shape)}, but the expected shape is {target.shape}.")
                continue
            matched.add(name)
            target._value[...] = array.astype(target._value.dtype)
        return missing, [k for k in state_dict if k not in matched]

    set_dict = set_state_dict
    load_dict = set_state_dict

    def eval(self: LayerT) -> LayerT:
        self.training = False
        for layer in self.sublayers():
            layer.training = False
        return self

    def train(self: LayerT) -> LayerT:
        self.training = True
        for layer in self.sublayers():
            layer.training = True
        return self

    def to(self: LayerT, device: Any = None, dtype: Any = None,
           blocking: bool | None = None) -> LayerT:
        """The layer itself: on the CPU (another device is an error) and in
        float32 (another dtype is an error: dy2st's parameters are float32)."""
        if device is not None and str(device).lower() not in ("cpu", "place(cpu)"):
            raise ValueError(f"Layer.to({device!r}): dy2st's layers live on the CPU")
        if dtype is not None and str(dtype).replace("paddle.", "") != "float32":
            raise ValueError(f"Layer.to(dtype={dtype!r}): dy2st's parameters are float32")
        return self

    def float(self: LayerT) -> LayerT:
        return self.to(dtype="float32")

    def clear_gradients(self) -> None:
        """Nothing: dy2st records no gradients."""


class HookRemoveHelper:
    """What registering a hook returns: `remove()` takes it off its layer."""

    def __init__(self, layer: Layer, kind: str, hook: Callable[..., Any]) -> None:
        self._layer, self._kind, self._hook = layer, kind, hook

    def remove(self) -> None:
        hooks = list(getattr(self._layer, self._kind))
        for i, hook in enumerate(hooks):
            if hook is self._hook:
                del hooks[i]
                setattr(self._layer, self._kind, tuple(hooks))
                return
