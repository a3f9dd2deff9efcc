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
