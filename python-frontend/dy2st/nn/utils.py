"""paddle.nn.utils: weight normalization (Salimans and Kingma, 2016) as
Paddle does it — the parameter `w` replaced by `w_g` (its norm over every
axis but `dim`) and `w_v` (its direction), and `w` recomputed from them by a
forward pre hook at every call, eagerly and in compiled code — and the
conversions between parameters and one vector."""
from __future__ import annotations

from typing import Any, Iterable

from ..eager.functional import concat, reshape, sqrt, square, sum as reduce_sum, transpose
from ..eager.tensor import Tensor
from .functional import normalize
from .spectral_norm import spectral_norm
from .layer import Layer


def _norm_except_dim(p: Tensor, dim: int) -> Tensor:
    """The 2-norm of p over every axis but `dim` (all of them when -1), as
    Paddle's norm op computes it: sqrt(sum of squares + 1e-12)."""
    if dim == -1:
        return sqrt(reduce_sum(square(p)) + 1e-12)
    perm = list(range(p.ndim))
    perm[0], perm[dim] = perm[dim], perm[0]
    rows = reshape(transpose(p, perm), [p.shape[dim], -1])
    return sqrt(reduce_sum(square(rows), axis=1) + 1e-12)


def _weight_norm(v: Tensor, g: Tensor, dim: int) -> Tensor:
    """g times v's direction (normalized over every axis but `dim`)."""
    if dim == -1:
        return v / (sqrt(reduce_sum(square(v))) + 1e-12) * g
    perm = list(range(v.ndim))
    perm[0], perm[dim] = perm[dim], perm[0]
    moved = transpose(v, perm)
    rows = normalize(reshape(moved, [moved.shape[0], -1]), axis=1)
    direction = transpose(reshape(rows, moved.shape), perm)
    shape = [1] * v.ndim
    shape[dim] = -1
    return direction * reshape(g, shape)


class WeightNorm:
    """The forward pre hook recomputing the parameter `name` from its norm
    and direction."""

    def __init__(self, name: str, dim: int) -> None:
        self.name, self.dim = name, dim

    def compute_weight(self, layer: Layer) -> Tensor:
        return _weight_norm(getattr(layer, self.name + "_v"), getattr(layer, self.name + "_g"),
                            self.dim)

    def __call__(self, layer: Layer, inputs: Any) -> None:
        setattr(layer, self.name, self.compute_weight(layer))


def weight_norm(layer: Layer, name: str = "weight", dim: int | None = 0) -> Layer:
    """`layer` with its parameter `name` split into `name_g` and `name_v`."""
    if any(isinstance(h, WeightNorm) and h.name == name for h in layer._forward_pre_hooks):
        raise RuntimeError(f"Cannot register two weight_norm hooks on the same parameter {name}")
    weight = layer._parameters[name]
    rank = weight.ndim
    axis = -1 if dim is None else dim
    if not -rank <= axis < rank:
        raise AssertionError("dim must set between [-R, R), R means the dimension of weight.")
    if axis != -1:
        axis = (axis + rank) % rank
    del layer._parameters[name]
    g_value = _norm_except_dim(weight, axis)
    v = layer.create_parameter(weight.shape, dtype=weight.dtype)
    layer.add_parameter(name + "_v", v)
    g = layer.create_parameter(g_value.shape, dtype=g_value.dtype)
    layer.add_parameter(name + "_g", g)
    v.set_value(weight)
    g.set_value(g_value)
    hook = WeightNorm(name, axis)
    setattr(layer, name, hook.compute_weight(layer))
    layer.register_forward_pre_hook(hook)
    return layer


def remove_weight_norm(layer: Layer, name: str = "weight") -> Layer:
    """`layer` with `name` one parameter again (its value now)."""
    for hook in layer._forward_pre_hooks:
        if isinstance(hook, WeightNorm) and hook.name == name:
            value = hook.compute_weight(layer)
            delattr(layer, name)
            del layer._parameters[name + "_g"]
            del layer._parameters[name + "_v"]
            weight = layer.create_parameter(value.shape, dtype=value.dtype)
            weight.set_value(value)
            layer.add_parameter(name, weight)
            layer._forward_pre_hooks = tuple(h for h in layer._forward_pre_hooks
                                             if h is not hook)
            return layer
    raise ValueError(f"weight_norm of '{name}' not found in {layer}")


__all__ = ["weight_norm", "remove_weight_norm", "spectral_norm", "parameters_to_vector",
           "vector_to_parameters"]


def parameters_to_vector(parameters: Iterable[Tensor], name: str | None = None) -> Tensor:
    """The parameters flattened and joined into one 1-d tensor."""
    return concat([reshape(p, [-1]) for p in parameters])


def vector_to_parameters(vec: Tensor, parameters: Iterable[Tensor],
                         name: str | None = None) -> None:
    """The parameters given their parts of `vec`, in order."""
    start = 0
    for p in parameters:
        size = p.size
        p.set_value(reshape(vec[start:start + size], p.shape))
        start += size
