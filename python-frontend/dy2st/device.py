"""paddle.device (and paddle.set_device / get_device): where dy2st's eager
tensors live, the CPU. Model scripts set it first; "cpu" is accepted, a GPU
is Paddle's error on a CPU build (compiled code reaches a GPU through
`to_static(backend="gpu")`)."""
from __future__ import annotations

import types

from .static import CPUPlace


def get_device() -> str:
    """The device of new tensors: "cpu"."""
    return "cpu"


def set_device(device: str) -> CPUPlace:
    """The place of `device`: "cpu" (any other is a ValueError)."""
    if not isinstance(device, str) or device.lower() != "cpu":
        raise ValueError(f"The device should not be '{device}', since dy2st's eager tensors "
                         "live on the CPU (use paddle.set_device('cpu'); compiled code runs "
                         "on a GPU with to_static(backend='gpu'))")
    return CPUPlace()


def _device_count() -> int:
    """No GPU holds dy2st's eager tensors."""
    return 0


def is_compiled_with_cuda() -> bool:
    """False: see paddle.base.is_compiled_with_cuda."""
    return False


def get_all_device_type() -> list[str]:
    """The device types other than the CPU this build can use: none."""
    return []


def get_all_custom_device_type() -> list[str]:
    """The plug-in device types registered (an NPU, ...): none. PaddleClas
    asks it to choose an NPU's implementation of roll."""
    return []


def get_available_device() -> list[str]:
    """The devices other than the CPU: none."""
    return []


def get_available_custom_device() -> list[str]:
    """The plug-in devices: none."""
    return []


def is_compiled_with_custom_device(device_type: str) -> bool:
    """False for every plug-in device type."""
    return False


def is_compiled_with_rocm() -> bool:
    """False: no ROCm build."""
    return False


def is_compiled_with_xpu() -> bool:
    """False: no XPU build."""
    return False


cuda = types.SimpleNamespace(device_count=_device_count)
