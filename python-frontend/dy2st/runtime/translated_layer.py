"""Saved programs loaded back (`jit.load`): callable like the layer they were
saved from, without its Python source."""
from __future__ import annotations

import os
from typing import Any

import numpy as np

from ..compiler import errors
from ..compiler.signature import InputSpec
from ..eager.tensor import Tensor
from . import native, saving
from .static_function import _rebuild, _runtime_number_entry, write_into


class TranslatedLayer:
    """A static program loaded by `jit.load`: call it like the layer it was
    saved from; it needs neither the original Python source nor the layer."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self._path = saving.model_stem(path)
        self._meta, self._text, self._params = saving.read_model(path)
        self._compiled: dict[Any, Any] = {}

    @property
    def input_names(self) -> list[str]:
        return list(self._meta["inputs"])

    def output_names(self, count: int | None = None) -> list[str]:
        """The fetch targets the program was saved with (or `fetch_<i>`)."""
        if "fetch" in self._meta:
            return list(self._meta["fetch"])
        return saving.fetch_names(count or 1)

    def program(self, stage: str = "pydy") -> str:
        """The saved program: the "pydy" form as imported (text of the file)."""
        return self._text

    def __call__(self, *inputs: Any) -> Any:
        if len(inputs) != len(self._meta["inputs"]):
            raise TypeError(f"the model takes {len(self._meta['inputs'])} inputs "
                            f"{self._meta['inputs']}, {len(inputs)} given")
        arrays = []
        for name, value in zip(self._meta["inputs"], inputs):
            if isinstance(value, Tensor):
                value = np.asarray(value)
            if not isinstance(value, np.ndarray):
                raise TypeError(f"input '{name}' must be a tensor or a numpy array")
            arrays.append(np.asarray(value, order="C"))
        numbers = set(self._meta.get("numbers", []))
        params = [p.item() if i in numbers else p for i, p in enumerate(self._params)]
        entries = [_runtime_number_entry(v)[1] if i - len(arrays) in numbers
                   else InputSpec.from_tensor(Tensor(v)).signature_entry()
                   for i, v in enumerate(arrays + params)]
        # Compiled for the declared input types (None dims: any size).
        key = tuple(self._meta["input_types"]) + tuple(entries[len(arrays):]) + \
            tuple(a.dtype.str for a in arrays)
        compiled = self._compiled.get(key)
        if compiled is None:
            module = native.module()
            try:
                compiled = module.compile(self._text, self._meta["entry"], entries,
                                          source_name=self._path + saving.MODEL_SUFFIX)
            except module.CompileError as e:
                raise errors.from_compiler(e) from None
            self._compiled[key] = compiled
        leaves = compiled(arrays + params)
        result = _rebuild(compiled.result_structure, iter(leaves))
        state = self._meta.get("state", [])
        changed = self._meta.get("changed_inputs", [])
        if state or changed:
            # The layer's forward assigned attributes: their new values are
            # this layer's state for the next call; then the inputs it changed
            # in place, written to the tensors given.
            result, values = result[0], result[1:]
            for i, value in zip(state, values):
                if i != saving.NOT_STATE:
                    self._params[i] = np.asarray(value)
            for i, value in zip(changed, values[len(state):]):
                write_into(inputs[i], value)
        return result

    def state_dict(self) -> dict[str, Tensor]:
        """The program's parameters and state by name, as tensors."""
        return {name: Tensor(p.copy()) for name, p in zip(self._meta["params"], self._params)}

    forward = __call__
