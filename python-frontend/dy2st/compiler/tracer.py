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
from . import pydytext
from .pydytext import OBJECT, Value

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
            self.names[id(t)] = Value(f"%arg{i}")
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

    def emit(self, text_and_type):
        """The op a `pydytext` writer spelled; its result."""
        text, type_ = text_and_type
        name = self.fresh()
        self.lines.append(f"  {name} = {text}")
        return Value(name, type_)

    def value(self, x):
        """The Value of an operand, emitting constants as needed."""
        if isinstance(x, Tensor):
            if id(x) not in self.names:
                # A tensor from outside the trace: a parameter of the program.
                self.names[id(x)] = Value(f"%arg{self.num_inputs + len(self.params)}")
                self.params.append(x)
                self.keep.append(x)
            return self.names[id(x)]
        if isinstance(x, dtypes.DType):
            return self.emit(pydytext.constant(str(x)))
        if isinstance(x, (np.integer, np.floating)):
            x = x.item()
        if x is None or isinstance(x, (bool, int, float, str)):
            return self.emit(pydytext.constant(x))
        if isinstance(x, (list, tuple)):
            parts = [self.value(v) for v in x]
            return self.emit(pydytext.sequence("list" if isinstance(x, list) else "tuple", parts))
        if isinstance(x, slice):
            return self.emit(pydytext.slice_(*[self.value(v) for v in (x.start, x.stop, x.step)]))
        raise errors.Dy2StError(f"TracedLayer cannot record an operand of type "
                                f"{type(x).__name__}")

    def result(self, tensor, value):
        if isinstance(tensor, Tensor):
            self.names[id(tensor)] = value
            self.keep.append(tensor)

    def binary(self, kind, lhs, rhs, out):
        writer = pydytext.compare if kind in ("lt", "le", "gt", "ge", "eq", "ne") else \
            pydytext.binary
        self.result(out, self.emit(writer(kind, self.value(lhs), self.value(rhs))))

    def unary(self, kind, x, out):
        self.result(out, self.emit(pydytext.unary(kind, self.value(x))))

    def subscript(self, x, index, out):
        self.result(out, self.emit(pydytext.subscript(self.value(x), self.value(index))))

    def call(self, library_name, args, kwargs, out):
        values = [self.value(a) for a in args] + [self.value(v) for v in kwargs.values()]
        self.result(out, self.emit(pydytext.lib_call(library_name, values, list(kwargs))))

    def program(self, outputs, as_tuple):
        """The pydy text of the trace returning `outputs`, alone or as a tuple."""
        lines = self.lines
        self.lines = list(lines)
        try:
            parts = [self.value(o) for o in outputs]
            returned = self.emit(pydytext.sequence("tuple", parts)) if as_tuple else parts[0]
            body = self.lines
        finally:
            self.lines = lines
        params = [(f"input_{i}", OBJECT) for i in range(self.num_inputs)]
        params += [(f"param_{k}", OBJECT) for k in range(len(self.params))]
        return "\n".join([pydytext.func_header("traced", params)] + body +
                         [f"  {pydytext.return_(returned)}", "}"]) + "\n"
