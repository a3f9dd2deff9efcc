"""Paddle's places: dy2st computes on the CPU, so every tensor's `place` is
the CPUPlace (also what paddle.set_device("cpu") gives)."""
from __future__ import annotations

from typing import Any


class CPUPlace:
    """The CPU: where tensors live and `Executor` runs programs."""

    def __repr__(self) -> str:
        return "Place(cpu)"

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, CPUPlace)

    def __hash__(self) -> int:
        return hash(CPUPlace)

    def is_cpu_place(self) -> bool:
        return True

    def is_gpu_place(self) -> bool:
        return False


def check_place(place: Any, keyword: str = "place") -> None:
    """A place or device argument (`to_tensor(..., place=...)`, `device=`):
    dy2st's tensors live on the CPU, so that is the one it takes."""
    if isinstance(place, str):
        if place != "cpu":
            raise ValueError(f"dy2st's tensors live on the CPU: {keyword}={place!r} is not "
                             "supported (give 'cpu' or paddle.CPUPlace(), or none)")
    elif place is not None and not isinstance(place, CPUPlace):
        raise ValueError(f"dy2st's tensors live on the CPU: give {keyword}='cpu' or "
                         "paddle.CPUPlace(), or none")
