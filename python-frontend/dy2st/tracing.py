"""Trace-based conversion: `TracedLayer.trace(layer, inputs)` runs the layer
eagerly and records the dy2st operations it executes into a static program.
A data-dependent branch taken during the trace is frozen into the program:
converting a traced tensor to a Python value warns, naming the line."""
import contextlib
import linecache
import os
import sys
import warnings

import numpy as np

from . import dtypes, errors, native
from .pydytext import OBJECT, escape as _escape, float_literal as _float_literal
from .static import InputSpec
from .tensor import Tensor

_PACKAGE = os.path.dirname(os.path.abspath(__file__))
_active = None


class TraceWarning(UserWarning):
    """The trace depends on a tensor's value: it recorded one path only."""


def current():
    """The tracer recording now, unless it is inside a recorded operation."""
    if _active is None or _active.depth:
        return None
    return _active


@contextlib.contextmanager
def inside_operation():
    """Operations called by a recorded operation are not recorded again."""
    if _active is None:
        yield
        return
    _active.depth += 1
    try:
        yield
    finally:
        _active.depth -= 1


def _user_frame():
    frame = sys._getframe(1)
    while frame and os.path.abspath(frame.f_code.co_filename).startswith(_PACKAGE):
        frame = frame.f_back
    return frame


def warn_python_value(kind):
    """A traced tensor became a Python value (bool(), float(), item()...) in
    the user's code (dy2st's own conversions do not count)."""
    if _active is None:
        return
    caller = sys._getframe(3)  # past _warn_traced and the Tensor method
    if os.path.abspath(caller.f_code.co_filename).startswith(_PACKAGE):
        return
    frame = _user_frame()
    where = f"{frame.f_code.co_filename}:{frame.f_lineno}" if frame else "an unknown line"
    source = linecache.getline(frame.f_code.co_filename, frame.f_lineno).strip() if frame else ""
    warnings.warn(f"TracedLayer: a traced tensor is converted to a Python {kind} at {where} "
                  f"({source!r}); the trace records only the path taken for this input, "
                  "use dy2st.jit.to_static for data-dependent control flow",
                  TraceWarning, stacklevel=2)


class Tracer:
    def __init__(self, inputs):
        self.depth = 0
        self.lines = []
        self.counter = 0
        self.names = {}
        self.keep = list(inputs)
        self.params = []
        for i, t in enumerate(inputs):
            self.names[id(t)] = (f"%arg{i}", OBJECT)
        self.num_inputs = len(inputs)

    def fresh(self):
        self.counter += 1
        return f"%t{self.counter}"

    def emit(self, text, type=OBJECT):
        name = self.fresh()
        self.lines.append(f"  {name} = {text}")
        return name, type

    def value(self, x):
        """(SSA name, type) of an operand, emitting constants as needed."""
        if isinstance(x, Tensor):
            if id(x) not in self.names:
                # A tensor from outside the trace: a parameter of the program.
                self.names[id(x)] = (f"%arg{self.num_inputs + len(self.params)}", OBJECT)
                self.params.append(x)
                self.keep.append(x)
            return self.names[id(x)]
        if isinstance(x, dtypes.DType):
            return self.emit(f'pydy.constant "{x}"', "!pydy.str")
        if isinstance(x, bool):
            return self.emit(f"pydy.constant {'true' if x else 'false'}", "i1")
        if isinstance(x, (int, np.integer)):
            return self.emit(f"pydy.constant {int(x)} : i64", "i64")
        if isinstance(x, (float, np.floating)):
            return self.emit(f"pydy.constant {_float_literal(float(x))}", "f64")
        if isinstance(x, str):
            return self.emit(f'pydy.constant "{_escape(x)}"', "!pydy.str")
        if x is None:
            return self.emit("pydy.constant none", "!pydy.none")
        if isinstance(x, (list, tuple)):
            parts = [self.value(v) for v in x]
            kind = "list" if isinstance(x, list) else "tuple"
            return self.emit(f"pydy.{kind} {', '.join(p[0] for p in parts)} : "
                             f"({', '.join(p[1] for p in parts)}) -> {OBJECT}")
        if isinstance(x, slice):
            parts = [self.value(v) for v in (x.start, x.stop, x.step)]
            return self.emit(f"pydy.slice {', '.join(p[0] for p in parts)} : "
                             f"{', '.join(p[1] for p in parts)}", "!pydy.slice")
        raise errors.Dy2StError(f"TracedLayer cannot record an operand of type "
                                f"{type(x).__name__}")

    def result(self, tensor, name):
        if isinstance(tensor, Tensor):
            self.names[id(tensor)] = (name, OBJECT)
            self.keep.append(tensor)

    def binary(self, kind, lhs, rhs, out):
        (a, at), (b, bt) = self.value(lhs), self.value(rhs)
        op = "compare" if kind in ("lt", "le", "gt", "ge", "eq", "ne") else "binary"
        name, _ = self.emit(f"pydy.{op} {kind} {a}, {b} : ({at}, {bt}) -> {OBJECT}")
        self.result(out, name)

    def unary(self, kind, x, out):
        a, at = self.value(x)
        name, _ = self.emit(f"pydy.unary {kind} {a} : ({at}) -> {OBJECT}")
        self.result(out, name)

    def subscript(self, x, index, out):
        (a, at), (i, it) = self.value(x), self.value(index)
        name, _ = self.emit(f"pydy.subscript {a}[{i}] : ({at}, {it}) -> {OBJECT}")
        self.result(out, name)

    def call(self, library_name, args, kwargs, out):
        values = [self.value(a) for a in args] + [self.value(v) for v in kwargs.values()]
        kw = ""
        if kwargs:
            kw = " {kwnames = [" + ", ".join(f'"{k}"' for k in kwargs) + "]}"
        name, _ = self.emit(f'pydy.lib_call "{library_name}"({", ".join(v[0] for v in values)})'
                            f"{kw} : ({', '.join(v[1] for v in values)}) -> {OBJECT}")
        self.result(out, name)

    def program(self, outputs, as_tuple):
        """The pydy text of the trace returning `outputs`, alone or as a tuple."""
        parts = [self.value(o) for o in outputs]
        body = list(self.lines)
        if as_tuple:
            ret, ret_type = "%outputs", OBJECT
            body.append(f"  %outputs = pydy.tuple {', '.join(p[0] for p in parts)} : "
                        f"({', '.join(p[1] for p in parts)}) -> {OBJECT}")
        else:
            ret, ret_type = parts[0]
        args = [f'%arg{i}: {OBJECT} {{pydy.name = "input_{i}"}}' for i in range(self.num_inputs)]
        args += [f'%arg{self.num_inputs + k}: {OBJECT} {{pydy.name = "param_{k}"}}'
                 for k in range(len(self.params))]
        return "\n".join([f'pydy.func @"traced"({", ".join(args)}) -> {OBJECT} {{']
                         + body + [f"  pydy.return {ret} : {ret_type}", "}"]) + "\n"


class TracedLayer:
    """A layer converted by tracing: calling it runs the recorded program."""

    def __init__(self, tracer, outputs, returns_tuple, input_specs):
        self._tracer = tracer
        self._outputs = outputs
        self._returns_tuple = returns_tuple
        self._text = tracer.program(outputs, returns_tuple)
        self._params = tracer.params
        self._input_specs = input_specs
        self._num_outputs = len(outputs)
        self._compiled = {}

    @staticmethod
    def trace(layer, inputs):
        """Runs `layer(*inputs)` eagerly, recording its operations; returns the
        eager output and the TracedLayer."""
        global _active
        inputs = [i if isinstance(i, Tensor) else Tensor(np.asarray(i)) for i in inputs]
        if _active is not None:
            raise RuntimeError("TracedLayer.trace cannot be nested")
        tracer = Tracer(inputs)
        _active = tracer
        try:
            outputs = layer(*inputs)
        finally:
            _active = None
        flat = list(outputs) if isinstance(outputs, (tuple, list)) else [outputs]
        if not all(isinstance(o, Tensor) for o in flat):
            raise errors.Dy2StError("TracedLayer: the traced layer must return a tensor or a "
                                    "tuple of tensors")
        traced = TracedLayer(tracer, flat, isinstance(outputs, (tuple, list)),
                             [InputSpec.from_tensor(i) for i in inputs])
        return outputs, traced

    def _signature(self, arrays):
        return [InputSpec.from_tensor(Tensor(a)).mlir_type()
                for a in arrays + [p.numpy() for p in self._params]]

    def _compile(self, text, entries):
        module = native.module()
        try:
            return module.compile(text, "traced", ",".join(entries))
        except module.CompileError as e:
            raise errors.from_compiler(e) from None

    def __call__(self, *inputs):
        arrays = [np.asarray(i.numpy() if isinstance(i, Tensor) else i, order="C")
                  for i in inputs]
        if len(arrays) != len(self._input_specs):
            raise TypeError(f"the traced layer takes {len(self._input_specs)} inputs, "
                            f"{len(arrays)} given")
        entries = self._signature(arrays)
        key = tuple(entries)
        if key not in self._compiled:
            self._compiled[key] = self._compile(self._text, entries)
        compiled = self._compiled[key]
        leaves = compiled(arrays + [np.asarray(p.numpy(), order="C") for p in self._params])
        outs = tuple(Tensor(v) if isinstance(v, np.ndarray) else v for v in leaves)
        return outs if self._returns_tuple else outs[0]

    @property
    def program(self):
        return self._text

    def save_inference_model(self, path, feed=None, fetch=None, **kwargs):
        """Saves the traced program for `static.load_inference_model`: the
        inputs listed in `feed` (indices; all of them) and the outputs listed in
        `fetch` (indices). A folder `path` holds `model.pdmodel` and
        `model.pdiparams`."""
        from . import saving
        feed = list(range(len(self._input_specs))) if feed is None else list(feed)
        fetch = list(range(self._num_outputs)) if fetch is None else list(fetch)
        if sorted(feed) != list(range(len(self._input_specs))):
            raise ValueError("the traced program needs every input: feed must list each "
                             f"index in 0..{len(self._input_specs) - 1}")
        if not fetch or any(not 0 <= i < self._num_outputs for i in fetch):
            raise ValueError(f"fetch must list output indices in 0..{self._num_outputs - 1}")
        text = self._tracer.program([self._outputs[i] for i in fetch], as_tuple=True)
        entries = [s.mlir_type() for s in self._input_specs] + \
            [InputSpec.from_tensor(p).mlir_type() for p in self._params]
        compiled = self._compile(text, entries)
        meta = {"format": "dy2st-model", "version": 1, "entry": "traced",
                "inputs": [f"input_{i}" for i in feed],
                "input_types": [self._input_specs[i].mlir_type() for i in feed],
                "params": [f"param_{k}" for k in range(len(self._params))],
                "fetch": [f"fetch_{j}" for j in range(len(fetch))]}
        prefix = os.path.join(path, "model")
        saving.write_model(prefix, meta, text, compiled.stage("specialized"),
                           [p.numpy() for p in self._params])
