"""What the user marked about conversion: functions to keep in Python
(`not_to_static`, `ignore_module`) and functions already converted (the
base of `jit.StaticFunction`, so that the importer can see through them
without importing the layer above it)."""
from __future__ import annotations

import types
from typing import Any, Callable, Iterable, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

ENTRY_FILENAME = "<dy2st entry of {}>"
"""The file name of the wrapper that calls a compiled function with its
arguments rebuilt (runtime/entry.py); it passes changes made in place back
itself (entry.update_in_place)."""

NOT_TO_STATIC: set[Any] = set()
"""The code objects (or callables) of functions marked `not_to_static`."""
IGNORED_MODULES: set[str] = set()
"""The names of the modules given to `ignore_module`."""


def not_to_static(function: F) -> F:
    """Marks a function to stay Python: called directly it runs eagerly, and
    compiled code does not convert it."""
    NOT_TO_STATIC.add(getattr(function, "__code__", function))
    return function


def ignore_module(modules: Iterable[types.ModuleType]) -> None:
    """Functions of these modules are not converted (see `not_to_static`)."""
    IGNORED_MODULES.update(m.__name__ for m in modules)


def is_not_to_static(function: Any) -> bool:
    """Whether `function` runs in Python when compiled code calls it
    (`not_to_static`, or a module given to `ignore_module`)."""
    return getattr(function, "__code__", function) in NOT_TO_STATIC or \
        getattr(function, "__module__", None) in IGNORED_MODULES


class ConvertedFunction:
    """A function under `to_static`: the importer converts the Python function
    it wraps (`dygraph_function`, bound to `_instance` when not None)."""

    _instance: Any = None

    @property
    def dygraph_function(self) -> Callable[..., Any]:
        raise NotImplementedError(f"{type(self).__name__} does not define dygraph_function")


def forward_function(layer: Any) -> Callable[..., Any]:
    """The Python function of a layer's forward, under any to_static on it."""
    forward = type(layer).forward
    if isinstance(forward, ConvertedFunction):
        forward = forward.dygraph_function
    return forward
