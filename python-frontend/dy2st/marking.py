"""Contexts that only mark code (no_grad, set_grad_enabled, amp.auto_cast):
dy2st records no gradients and computes in float32, so entering one changes
nothing, eagerly or in compiled code (the importer runs a `with` body of one
as it is), and as a decorator one gives the function back."""
from __future__ import annotations

from typing import Any, TypeVar

F = TypeVar("F")


class MarkingContext:
    transparent_in_compiled_code = True

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def __call__(self, fn: F) -> F:
        return fn
