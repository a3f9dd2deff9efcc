"""paddle.base: the names of Paddle's legacy framework module that model code
still imports (ParamAttr, places, `dygraph.guard`). Only these: the rest of
Paddle's framework internals have no counterpart in dy2st."""
from __future__ import annotations

import contextlib
import types
from typing import Any, Iterator

from ..nn.layer import ParamAttr  # noqa: F401 (paddle.base's API)
from ..static import CPUPlace, Executor  # noqa: F401 (paddle.base's API)


def is_compiled_with_cuda() -> bool:
    """False: Paddle code that asks chooses CPUPlace, where dy2st's Paddle API
    runs (compiled code reaches a GPU through `to_static(backend="gpu")`)."""
    return False


@contextlib.contextmanager
def _guard(place: Any = None) -> Iterator[None]:
    """Paddle's dygraph.guard: dy2st always runs dygraph (eager) code."""
    yield


dygraph = types.SimpleNamespace(guard=_guard)

from . import param_attr  # noqa: E402,F401 (paddle.base.param_attr)
