"""paddle.save and paddle.load: objects with tensors (state dicts above all)
in Paddle's .pdparams format — a pickle (protocol 4) in which a state dict
maps names to numpy arrays (with Paddle's name table), and a tensor elsewhere
is a (name, array) tuple — so files go both ways between dy2st and real
Paddle. A file is untrusted: it is read by an unpickler that builds nothing
but numpy arrays, dtypes and Python containers (anything else is an
UnpicklingError, never code run)."""
from __future__ import annotations

import importlib.util
import os
import pickle
from typing import Any

import numpy as np

from .eager.tensor import Tensor

_NAME_TABLE = "StructuredToParameterName@@"
_ALLOWED = {("numpy.core.multiarray", "_reconstruct"), ("numpy._core.multiarray", "_reconstruct"),
            ("numpy.core.multiarray", "scalar"), ("numpy._core.multiarray", "scalar"),
            ("numpy", "ndarray"), ("numpy", "dtype"), ("collections", "OrderedDict"),
            ("builtins", "tuple"), ("builtins", "list"), ("builtins", "dict")}


class _ArraysOnly(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"paddle.load: the file names {module}.{name}, which a "
                                         "saved model's file never holds; it is not loaded")
        if module.startswith("numpy._core") and importlib.util.find_spec("numpy._core") is None:
            # A file numpy 2 pickled (real Paddle's, as users install it) read
            # under numpy 1, whose module has the older name.
            module = "numpy.core" + module[len("numpy._core"):]
        return super().find_class(module, name)


def _saved(obj: Any, counter: list[int]) -> Any:
    if isinstance(obj, Tensor):
        counter[0] += 1
        return (f"eager_tmp_{counter[0] - 1}", obj.numpy())
    if isinstance(obj, dict):
        return type(obj)((k, _saved(v, counter)) for k, v in obj.items())
    if isinstance(obj, (list, tuple)):
        return type(obj)(_saved(v, counter) for v in obj)
    return obj


def save(obj: Any, path: str | os.PathLike[str], protocol: int = 4, **configs: Any) -> None:
    """Writes `obj` (a state dict, or nested lists, tuples and dicts holding
    tensors, arrays and Python values) to `path`."""
    if not 2 <= protocol <= 4:
        raise ValueError(f"paddle.save: protocol must be 2, 3 or 4, not {protocol}")
    if isinstance(obj, dict) and obj and all(isinstance(v, Tensor) for v in obj.values()):
        data: Any = {k: v.numpy() for k, v in obj.items()}
        data[_NAME_TABLE] = {k: k for k in obj}
    else:
        data = _saved(obj, [0])
    folder = os.path.dirname(os.fspath(path))
    if folder:
        os.makedirs(folder, exist_ok=True)
    with open(path, "wb") as f:
        pickle.dump(data, f, protocol=protocol)


def _loaded(obj: Any, return_numpy: bool) -> Any:
    if isinstance(obj, np.ndarray):
        return obj if return_numpy else Tensor(obj)
    if isinstance(obj, tuple) and len(obj) == 2 and isinstance(obj[0], str) and \
            isinstance(obj[1], np.ndarray):
        return _loaded(obj[1], return_numpy)
    if isinstance(obj, dict):
        return type(obj)((k, _loaded(v, return_numpy)) for k, v in obj.items()
                         if k != _NAME_TABLE)
    if isinstance(obj, (list, tuple)):
        return type(obj)(_loaded(v, return_numpy) for v in obj)
    return obj


def load(path: str | os.PathLike[str], **configs: Any) -> Any:
    """The object saved at `path` (by paddle.save, dy2st's or real Paddle's),
    its arrays as tensors (as numpy arrays with return_numpy=True)."""
    unknown = set(configs) - {"return_numpy", "model_filename", "params_filename"}
    if unknown:
        raise TypeError(f"paddle.load() got unexpected keyword arguments {sorted(unknown)}")
    with open(path, "rb") as f:
        try:
            data = _ArraysOnly(f).load()
        except (pickle.UnpicklingError, EOFError, ValueError, TypeError, IndexError,
                KeyError, AttributeError, UnicodeDecodeError) as e:
            raise ValueError(f"paddle.load: {os.fspath(path)} is not a file paddle.save "
                             f"wrote ({e})") from None
    return _loaded(data, bool(configs.get("return_numpy", False)))


__all__ = ["save", "load"]
