"""Spectral normalization (Miyato et al., 2018) as Paddle does it: a weight
divided by its largest singular value, estimated by power iteration from the
vectors u and v. `nn.SpectralNorm` is the layer of Paddle's kernel (u and v
its parameters, left as they were); `nn.utils.spectral_norm` the forward pre
hook that recomputes a layer's weight at every call (in training, its power
iteration updates the buffers u and v in place)."""
from __future__ import annotations

from typing import Any

import numpy as np

from ..eager import random
from ..eager.functional import (dot, matmul, mv, reshape, sqrt, sum as reduce_sum,
                                transpose, zeros)
from ..eager.tensor import Tensor
from . import initializer
from .functional import normalize
from .layer import Layer


def _as_matrix(weight: Tensor, dim: int) -> Tensor:
    """weight with axis `dim` first, as a [weight.shape[dim], -1] matrix."""
    if dim != 0:
        weight = transpose(weight, [dim] + [d for d in range(weight.ndim) if d != dim])
    return reshape(weight, [weight.shape[0], -1])


def _unit(x: Tensor, eps: float) -> Tensor:
    return x / (sqrt(reduce_sum(x * x)) + eps)


def spectral_normalized(weight: Tensor, u: Tensor, v: Tensor, dim: int, power_iters: int,
                        eps: float) -> Tensor:
    """Paddle's spectral_norm kernel: `power_iters` steps v = W^T u / (|W^T u|
    + eps), u = W v / (|W v| + eps) from copies of u and v, then W / (u . W v)."""
    if weight.ndim < 2:
        raise ValueError("The rank of Input(Weights) should be greater equal than 2, but "
                         f"received Weight rank({weight.ndim})")
    if weight.ndim > 5:
        raise ValueError("The rank of Input(Weights) should be less equal than 5, but "
                         f"received Weight rank({weight.ndim})")
    if dim not in (0, 1):
        raise ValueError(f"Attr(dim) can only be 0 or 1, but received {dim}")
    if power_iters < 0:
        raise ValueError("Attr(power_iters) should be greater equal then 0, but received "
                         f"{power_iters}")
    matrix = _as_matrix(weight, dim)
    if u.shape[0] != matrix.shape[0] or v.shape[0] != matrix.shape[1]:
        raise ValueError(f"Input(U) [{u.shape[0]}] and Input(V) [{v.shape[0]}] do not match "
                         f"the weight {weight.shape} as a [{matrix.shape[0]}, "
                         f"{matrix.shape[1]}] matrix about axis {dim}")
    for _ in range(power_iters):
        v = _unit(mv(transpose(matrix, [1, 0]), u), eps)
        u = _unit(mv(matrix, v), eps)
    normalized = matrix / reduce_sum(u * mv(matrix, v))
    if dim == 0:
        return reshape(normalized, weight.shape)
    moved = [weight.shape[1], weight.shape[0]] + list(weight.shape[2:])
    return transpose(reshape(normalized, moved), [1, 0] + list(range(2, weight.ndim)))


class SpectralNorm(Layer):
    """paddle.nn.SpectralNorm: forward(weight) is the weight spectrally
    normalized; `weight_u` [H] and `weight_v` [W] (H the size of axis `dim`,
    W the others') are parameters drawn from N(0, 1)."""

    def __init__(self, weight_shape: Any, dim: int = 0, power_iters: int = 1,
                 eps: float = 1e-12, dtype: Any = "float32") -> None:
        super().__init__()
        self._power_iters, self._eps, self._dim, self._dtype = power_iters, eps, dim, dtype
        self._weight_shape = list(weight_shape)
        if np.prod(self._weight_shape) <= 0:
            raise AssertionError("Any dimension of `weight_shape` cannot be equal to 0.")
        if dim >= len(self._weight_shape):
            raise AssertionError("The input `dim` should be less than the length of "
                                 f"`weight_shape`, but received dim={dim}")
        h = self._weight_shape[dim]
        w = int(np.prod(self._weight_shape)) // h
        self.weight_u = self.create_parameter([h], dtype=dtype,
                                              default_initializer=initializer.Normal(0.0, 1.0))
        self.weight_u.stop_gradient = True
        self.weight_v = self.create_parameter([w], dtype=dtype,
                                              default_initializer=initializer.Normal(0.0, 1.0))
        self.weight_v.stop_gradient = True

    def forward(self, weight: Tensor) -> Tensor:
        return spectral_normalized(weight, self.weight_u, self.weight_v, self._dim,
                                   self._power_iters, self._eps)


class SpectralNormHook:
    """The forward pre hook of nn.utils.spectral_norm: the parameter `name`
    recomputed as `name_orig` / sigma (sigma = u . W v), after
    `n_power_iterations` steps updating the buffers `name_u` and `name_v`
    in training."""

    def __init__(self, name: str = "weight", n_power_iterations: int = 1, dim: int = 0,
                 eps: float = 1e-12) -> None:
        if n_power_iterations <= 0:
            raise ValueError("Expected n_power_iterations to be positive, but got "
                             f"n_power_iterations={n_power_iterations}")
        self.name, self.dim = name, dim
        self.n_power_iterations, self.eps = n_power_iterations, eps

    def compute_weight(self, layer: Layer, do_power_iteration: bool) -> Tensor:
        weight = getattr(layer, self.name + "_orig")
        u = getattr(layer, self.name + "_u")
        v = getattr(layer, self.name + "_v")
        matrix = _as_matrix(weight, self.dim)
        if do_power_iteration:
            for _ in range(self.n_power_iterations):
                v = normalize(matmul(matrix, u, transpose_x=True), axis=0, epsilon=self.eps)
                u = normalize(mv(matrix, v), axis=0, epsilon=self.eps)
            # The buffers take the new vectors (Paddle writes into them).
            setattr(layer, self.name + "_u", u)
            setattr(layer, self.name + "_v", v)
        return weight / dot(u, mv(matrix, v))

    def __call__(self, layer: Layer, inputs: Any) -> None:
        setattr(layer, self.name, self.compute_weight(layer, layer.training))


def spectral_norm(layer: Layer, name: str = "weight", n_power_iterations: int = 1,
                  eps: float = 1e-12, dim: int | None = None) -> Layer:
    """`layer` with its parameter `name` replaced by `name_orig`, buffers
    `name_u` and `name_v` (unit vectors drawn from N(0, 1)) and a forward pre
    hook that divides it by its spectral norm; `dim` is 1 for Linear and the
    transposed convolutions (their output axis), else 0."""
    from .layer_basic import Linear
    from .layer_conv import Conv1DTranspose, Conv2DTranspose, Conv3DTranspose
    if dim is None:
        transposed = (Conv1DTranspose, Conv2DTranspose, Conv3DTranspose, Linear)
        dim = 1 if isinstance(layer, transposed) else 0
    if any(isinstance(h, SpectralNormHook) and h.name == name
           for h in layer._forward_pre_hooks):
        raise RuntimeError(f"Cannot register two spectral_norm hooks on the same parameter "
                           f"{name}")
    hook = SpectralNormHook(name, n_power_iterations, dim, eps)
    weight = layer._parameters[name]
    h, w = _as_matrix(weight, dim).shape
    u = normalize(random.normal_(zeros([h], dtype=weight.dtype)), axis=0, epsilon=eps)
    v = normalize(random.normal_(zeros([w], dtype=weight.dtype)), axis=0, epsilon=eps)
    del layer._parameters[name]
    layer.add_parameter(name + "_orig", weight)
    setattr(layer, name, weight * 1.0)
    layer.register_buffer(name + "_u", u)
    layer.register_buffer(name + "_v", v)
    layer.register_forward_pre_hook(hook)
    return layer
