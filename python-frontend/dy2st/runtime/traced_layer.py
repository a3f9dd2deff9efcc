"""Trace-based conversion (Paddle's `paddle.jit.TracedLayer`):
`TracedLayer.trace(layer, inputs)` runs the layer eagerly, recording the
operations it executes (`compiler.tracer`), and compiles the recorded
program."""
from __future__ import annotations

import os
from typing import Any, Sequence

import numpy as np

from ..compiler import errors
from ..compiler.signature import InputSpec
from ..compiler.tracer import Tracer
from ..eager import recording
from ..eager.tensor import Tensor
from . import native, saving


class TracedLayer:
    """A layer converted by tracing: calling it runs the recorded program."""

    def __init__(self, tracer: Tracer, outputs: Sequence[Any], returns_tuple: bool,
                 input_specs: Sequence[InputSpec]) -> None:
        self._tracer = tracer
        self._outputs = outputs
        self._returns_tuple = returns_tuple
        self._text = tracer.program(outputs, returns_tuple)
        self._params = tracer.params
        self._input_specs = input_specs
        self._num_outputs = len(outputs)
        self._compiled: dict[Any, Any] = {}

    @staticmethod
    def trace(layer: Any, inputs: Sequence[Any]) -> tuple[Any, TracedLayer]:
        """Runs `layer(*inputs)` eagerly, recording its operations; returns the
        eager output and the TracedLayer."""
        inputs = [i if isinstance(i, Tensor) else Tensor(np.asarray(i)) for i in inputs]
        tracer = Tracer(inputs)
        with recording.recording(tracer):
            outputs = layer(*inputs)
        flat = list(outputs) if isinstance(outputs, (tuple, list)) else [outputs]
        if not all(isinstance(o, Tensor) for o in flat):
            raise errors.Dy2StError("TracedLayer: the traced layer must return a tensor or a "
                                    "tuple of tensors")
        traced = TracedLayer(tracer, flat, isinstance(outputs, (tuple, list)),
                             [InputSpec.from_tensor(i) for i in inputs])
        return outputs, traced

    def _signature(self, arrays):
        return [InputSpec.from_tensor(Tensor(a)).signature_entry()
                for a in arrays + [np.asarray(p) for p in self._params]]

    def _compile(self, text, entries):
        module = native.module()
        try:
            return module.compile(text, "traced", entries)
        except module.CompileError as e:
            raise errors.from_compiler(e) from None

    def __call__(self, *inputs: Any) -> Any:
        arrays = [np.asarray(i, order="C")
                  for i in inputs]
        if len(arrays) != len(self._input_specs):
            raise TypeError(f"the traced layer takes {len(self._input_specs)} inputs, "
                            f"{len(arrays)} given")
        entries = self._signature(arrays)
        key = tuple(entries)
        if key not in self._compiled:
            self._compiled[key] = self._compile(self._text, entries)
        compiled = self._compiled[key]
        leaves = compiled(arrays + [np.asarray(p, order="C") for p in self._params])
        outs = tuple(Tensor(v) if isinstance(v, np.ndarray) else v for v in leaves)
        return outs if self._returns_tuple else outs[0]

    @property
    def program(self) -> str:
        return self._text

    def save_inference_model(self, path: str | os.PathLike[str], feed: Sequence[int] | None = None,
                             fetch: Sequence[int] | None = None, **kwargs: Any) -> None:
        """Saves the traced program for `static.load_inference_model`: the
        inputs listed in `feed` (indices; all of them) and the outputs listed in
        `fetch` (indices). A folder `path` holds `model.pdmodel` and
        `model.pdiparams`."""
        feed = list(range(len(self._input_specs))) if feed is None else list(feed)
        fetch = list(range(self._num_outputs)) if fetch is None else list(fetch)
        if sorted(feed) != list(range(len(self._input_specs))):
            raise ValueError("the traced program needs every input: feed must list each "
                             f"index in 0..{len(self._input_specs) - 1}")
        if not fetch or any(not 0 <= i < self._num_outputs for i in fetch):
            raise ValueError(f"fetch must list output indices in 0..{self._num_outputs - 1}")
        text = self._tracer.program([self._outputs[i] for i in fetch], as_tuple=True)
        entries = [s.signature_entry() for s in self._input_specs] + \
            [InputSpec.from_tensor(p).signature_entry() for p in self._params]
        compiled = self._compile(text, entries)
        meta = {"format": "dy2st-model", "version": 1, "entry": "traced",
                "inputs": [f"input_{i}" for i in feed],
                "input_types": [self._input_specs[i].mlir_type() for i in feed],
                "params": [f"param_{k}" for k in range(len(self._params))],
                "fetch": saving.fetch_names(len(fetch))}
        prefix = os.path.join(path, "model")
        saving.write_model(prefix, meta, text, compiled.stage("specialized"),
                           [np.asarray(p) for p in self._params])
