"""dy2st.jit: `to_static` converts a function (or a layer's `forward`) into a
static program, compiled once per input signature and cached."""
from __future__ import annotations

import inspect
import os
import types
from typing import Any, Callable, Sequence, TypeVar, overload

from ..compiler.marks import (forward_function, ignore_module, is_not_to_static,  # noqa: F401
                             not_to_static)
from ..compiler.errors import Dy2StError
from ..eager import functional
from ..nn import Layer
from ..runtime import entry, native, saving
from ..runtime.static_function import StaticFunction, set_cache_size  # noqa: F401 (paddle.jit's API)
from ..runtime.static_function import enable as _enable
from ..runtime.traced_layer import TracedLayer  # noqa: F401 (paddle.jit's API)
from ..runtime.translated_layer import TranslatedLayer
from ..runtime.verbosity import set_code_level, set_verbosity  # noqa: F401 (paddle.jit's API)


def _static_function_of(layer_or_fn, input_spec):
    if isinstance(layer_or_fn, Layer):
        return StaticFunction(forward_function(layer_or_fn), input_spec, "cpu", layer_or_fn)
    if isinstance(layer_or_fn, StaticFunction):
        return StaticFunction(layer_or_fn.dygraph_function, input_spec, "cpu",
                              layer_or_fn._instance)
    if inspect.ismethod(layer_or_fn):
        return StaticFunction(layer_or_fn.__func__, input_spec, "cpu", layer_or_fn.__self__)
    return StaticFunction(layer_or_fn, input_spec, "cpu")


def save(layer: Layer | Callable[..., Any], path: str | os.PathLike[str],
         input_spec: Sequence[Any] | None = None, **configs: Any) -> None:
    """Saves the static program of a layer's forward (or of a function) with
    its parameters: `<path>.pdmodel` and `<path>.pdiparams`."""
    if isinstance(layer, Layer) and (layer._forward_pre_hooks or layer._forward_post_hooks):
        raise Dy2StError(f"saving a {type(layer).__name__} with forward hooks of its own is not "
                         "supported yet (its sublayers' hooks are saved): remove them, or save "
                         "a layer that holds it")
    pruning = [k for k in ("output_spec", "input_names_after_prune") if configs.get(k)]
    if pruning:
        # Saving all outputs instead would be a different model, silently.
        raise ValueError(f"jit.save(): {pruning[0]} (pruning the saved program) is not "
                         "supported by dy2st yet: save the layer with all its inputs and "
                         "outputs, or a layer whose forward returns what is wanted")
    names = _static_function_of(layer, None)._parameters()
    if input_spec is None:
        converted = layer.forward if isinstance(layer, Layer) else layer
        if isinstance(converted, StaticFunction):
            input_spec = converted.program_specs()
    specs = saving.specs_of(input_spec, names)
    meta, text, specialized, params = saving.compile_for_save(
        _static_function_of(layer, specs), specs)
    saving.write_model(path, meta, text, specialized, params)


def load(path: str | os.PathLike[str], **configs: Any) -> TranslatedLayer:
    """A saved static program (see `save`), callable like the layer."""
    return TranslatedLayer(path)


def set_disk_cache(directory: str | os.PathLike[str] | None = None,
                   max_megabytes: float = 512) -> str:
    """Where compiled programs are kept between processes, so that a signature
    compiled once is read back rather than compiled again (by any process of
    this build of dy2st on this machine): `directory`, or none at all with
    `directory=""`. By default $DY2ST_DISK_CACHE, else
    $XDG_CACHE_HOME/dy2st or ~/.cache/dy2st. At most `max_megabytes` are
    kept, the least recently used dropped first. Programs that call
    `not_to_static` functions are not kept. Returns the previous directory.

    Example:
        >>> paddle.jit.set_disk_cache("/tmp/dy2st-cache")
    """
    previous = native.disk_cache()["directory"]
    if directory is None:
        directory = native._default_disk_cache()
    if max_megabytes <= 0:
        raise ValueError(f"set_disk_cache() needs a positive size, not {max_megabytes}")
    native.set_disk_cache(os.fspath(directory), int(max_megabytes * (1 << 20)))
    return previous


_TO_STATIC_KEYWORDS = ("full_graph", "property")


LayerT = TypeVar("LayerT", bound=Layer)


@overload
def to_static(function: LayerT, input_spec: Sequence[Any] | None = None,  # type: ignore[misc]
              build_strategy: Any = None, backend: str | None = None,
              **kwargs: Any) -> LayerT: ...


@overload
def to_static(function: Callable[..., Any], input_spec: Sequence[Any] | None = None,
              build_strategy: Any = None, backend: str | None = None,
              **kwargs: Any) -> StaticFunction: ...


@overload
def to_static(function: None = None, input_spec: Sequence[Any] | None = None,
              build_strategy: Any = None, backend: str | None = None,
              **kwargs: Any) -> Callable[[Callable[..., Any]], Any]: ...


def to_static(function: Any = None, input_spec: Sequence[Any] | None = None,
              build_strategy: Any = None, backend: str | None = None, **kwargs: Any) -> Any:
    """Converts a function, a method or a layer into a static program.

    As a decorator: `@to_static` or `@to_static(input_spec=[...])`. On a
    layer object, converts its `forward` and returns the layer.
    `backend="gpu"` runs the kernels on an NVIDIA GPU (device 0); the first
    call raises `GPUUnavailableError` where that cannot be done. Paddle's
    `build_strategy`, `backend=None`/`"CINN"` and `full_graph` are accepted
    (dy2st always builds the whole function into one program)."""
    unknown = [k for k in kwargs if k not in _TO_STATIC_KEYWORDS]
    if unknown:
        raise TypeError(f"to_static() got an unexpected keyword argument '{unknown[0]}'")
    if backend in (None, "CINN"):
        backend = "cpu"

    def convert(fn):
        if isinstance(fn, Layer):
            fn.forward = StaticFunction(forward_function(fn), input_spec, backend, fn)
            return fn
        if isinstance(fn, StaticFunction):
            return fn
        if inspect.ismethod(fn):
            return StaticFunction(fn.__func__, input_spec, backend, fn.__self__)
        if not isinstance(fn, types.FunctionType) or fn in functional.LIBRARY or \
                hasattr(fn, "compat_of") or hasattr(fn, "inplace_of"):
            fn = _python_wrapper(fn)
        return StaticFunction(fn, input_spec, backend)

    if function is None:
        return convert
    return convert(function)


def _python_wrapper(fn):
    """A library function (an eager kernel, whose source is not the Python
    compiled code converts) as a Python function of the same parameters that
    calls it (defined from generated source, see `entry.define`)."""
    name = getattr(fn, "__name__", type(fn).__name__)
    try:
        params = list(inspect.signature(fn).parameters.values())
    except (TypeError, ValueError):
        params = None
    if not callable(fn) or params is None or \
            any(p.kind not in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) for p in params):
        raise TypeError(f"to_static() cannot convert {fn!r}: it converts Python functions, "
                        "layers and library functions of positional parameters")
    names = ", ".join(p.name for p in params)
    filename = f"<dy2st wrapper of {name}>"
    source = f"def {name}({names}):\n    return _library_function({names})\n"
    wrapper = entry.define(source, filename, name, {"_library_function": fn})
    wrapper.__defaults__ = tuple(p.default for p in params
                                 if p.default is not inspect.Parameter.empty) or None
    wrapper.__doc__ = fn.__doc__
    return wrapper


def enable_to_static(enable: bool) -> None:
    """With False, every to_static function runs eagerly (as Python)."""
    _enable(enable)
