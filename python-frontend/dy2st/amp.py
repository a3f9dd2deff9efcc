"""paddle.amp: automatic mixed precision. On a CPU, real Paddle's auto_cast
keeps float32 (it warns that AMP needs a GPU), and so does dy2st: the context
marks code and changes nothing, eagerly and in compiled code; decorate gives
the models back as they are. Gradient scaling (GradScaler) is training's and
absent."""
from __future__ import annotations

from typing import Any

from .marking import MarkingContext

_LEVELS = ("O0", "OD", "O1", "O2")


class auto_cast(MarkingContext):
    """`with paddle.amp.auto_cast(...):` (or as a decorator): float32 stays."""

    def __init__(self, enable: bool = True, custom_white_list: Any = None,
                 custom_black_list: Any = None, level: str = "O1", dtype: str = "float16",
                 use_promote: bool = True) -> None:
        if level not in _LEVELS:
            raise ValueError(f"auto_cast(): level must be one of {_LEVELS}, not {level!r}")
        if dtype not in ("float16", "bfloat16"):
            raise ValueError(f"auto_cast(): dtype must be 'float16' or 'bfloat16', not {dtype!r}")


amp_guard = autocast = auto_cast


def decorate(models: Any, optimizers: Any = None, level: str = "O1", dtype: str = "float16",
             master_weight: Any = None, save_dtype: Any = None, master_grad: bool = False,
             excluded_layers: Any = None) -> Any:
    """The models (and optimizers) as they are: their parameters stay float32."""
    if level not in _LEVELS:
        raise ValueError(f"decorate(): level must be one of {_LEVELS}, not {level!r}")
    return models if optimizers is None else (models, optimizers)


amp_decorate = decorate


def is_float16_supported(device: Any = None) -> bool:
    return False


def is_bfloat16_supported(device: Any = None) -> bool:
    return False


def is_autocast_enabled() -> bool:
    return False
