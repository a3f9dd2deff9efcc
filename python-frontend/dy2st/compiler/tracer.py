"""The tracer of `TracedLayer.trace(layer, inputs)`: observes the eager
operations a layer runs (through `eager.recording`) and writes them as a
pydy program. A data-dependent branch taken during the trace is frozen into
the program: converting a traced tensor to a Python value warns, naming the
line."""
import linecache
import os
import warnings

import numpy as np

from ..eager import dtypes
from ..eager.tensor import Tensor
from . import errors
from .pydytext import OBJECT, escape as _escape, float_literal as _float_literal

_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class TraceWarning(UserWarning):
    """The trace depends on a tensor's value: it recorded one path only."""


def _user_frame(frame):
    """The first frame outside dy2st from `frame` outwards."""
    while frame and os.path.abspath(frame.f_code.co_filename).startswith(_PACKAGE):
        frame = frame.f_back
    return frame


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

    def python_value(self, kind, caller):
        """A traced tensor became a Python value (bool(), float(), item()...)
        in the user's code (dy2st's own conversions do not count)."""
        if os.path.abspath(caller.f_code.co_filename).startswith(_PACKAGE):
            return
        frame = _user_frame(caller)
        where = f"{frame.f_code.co_filename}:{frame.f_lineno}" if frame else "an unknown line"
        source = linecache.getline(frame.f_code.co_filename, frame.f_lineno).strip() \
            if frame else ""
        # stacklevel: the user's line, past this, recording, tensor and the method.
        warnings.warn(f"TracedLayer: a traced tensor is converted to a Python {kind} at {where} "
                      f"({source!r}); the trace records only the path taken for this input, "
                      "use dy2st.jit.to_static for data-dependent control flow",
                      TraceWarning, stacklevel=5)

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
