"""paddle.autograd: PyLayer (an operation given as a forward and a
backward function), its context, and the gradient switches. dy2st records no
gradients, so a PyLayer runs its forward only, eagerly and in compiled code
alike, and backward is never called; `paddle.grad`, `backward`, `jacobian`
and `hessian` are absent (an AttributeError)."""
from __future__ import annotations

from typing import Any

from .eager.tensor import Tensor
from .marking import MarkingContext


class PyLayerContext:
    """What forward keeps for backward: the tensors saved, read back by
    saved_tensor(); the marks backward would read are accepted and unused."""

    def __init__(self) -> None:
        self._saved: tuple[Any, ...] | None = None

    def save_for_backward(self, *tensors: Any) -> None:
        self._saved = tensors

    def saved_tensor(self) -> tuple[Any, ...] | None:
        return self._saved

    def mark_not_inplace(self, *tensors: Any) -> None:
        pass

    def mark_non_differentiable(self, *tensors: Any) -> None:
        pass

    def set_materialize_grads(self, value: bool) -> None:
        pass

    def set_grad_in_dtype_consistent(self, value: bool) -> None:
        pass


class PyLayer:
    """A subclass gives static `forward(ctx, *args, **kwargs)` and
    `backward(ctx, *grads)` and is run by `apply(*args, **kwargs)`."""

    @staticmethod
    def forward(ctx: PyLayerContext, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError("You must implement the forward function for PyLayer.")

    @staticmethod
    def backward(ctx: PyLayerContext, *args: Any) -> Any:
        raise NotImplementedError("You must implement the backward function for PyLayer.")

    @classmethod
    def apply(cls, *args: Any, **kwargs: Any) -> Any:
        outputs = cls.forward(PyLayerContext(), *args, **kwargs)
        if not any(isinstance(o, Tensor) for o in
                   (outputs if isinstance(outputs, (list, tuple)) else (outputs,))):
            raise ValueError(f"{cls.__name__}: At least one output of `PyLayer.forward` is a "
                             "`Tensor`.")
        return outputs


class no_grad(MarkingContext):
    """Paddle's no_grad, as a context manager or a decorator: dy2st records no
    gradients, so it only marks code; compiled code runs the body as it is."""


class set_grad_enabled(MarkingContext):
    """Paddle's switch of gradient recording: dy2st records none (a context
    that only marks code, see marking.py)."""

    def __init__(self, mode: bool) -> None:
        self.mode = mode


def is_grad_enabled() -> bool:
    """False: dy2st computes no gradients."""
    return False


class enable_grad(MarkingContext):
    """Paddle's switch back to recording gradients: dy2st records none (a
    context that only marks code, see marking.py)."""
