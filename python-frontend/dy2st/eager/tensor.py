"""Eager tensors: numpy-backed, with Paddle's API. Eager mode is the
specification that compiled code must reproduce."""
from __future__ import annotations

import numbers
import sys
from typing import Any, Callable, Iterator, Union

import numpy as np

from . import dtypes, inplace, recording
from .place import CPUPlace

Operand = Union["Tensor", bool, int, float, np.ndarray, np.generic]
"""What a tensor operator takes on its other side."""

METHODS: dict[str, Callable[..., Any]] = {}
"""{name: function}: the tensor methods, the functions of the same name with
the tensor first (filled by `functional`, which is above this module)."""


def _is_number(value):
    return isinstance(value, (bool, int, float, complex)) and not isinstance(value, Tensor)


def _operand(value):
    """(array, dtype, is_tensor) of an operand of a tensor operator."""
    if isinstance(value, Tensor):
        return value._value, value._value.dtype, True
    if _is_number(value):
        return value, dtypes._python_dtype(value), False
    if isinstance(value, np.ndarray):
        t = to_tensor(value)
        return t._value, t._value.dtype, True
    if isinstance(value, np.generic):
        # A numpy scalar is a Python number to Paddle's operators.
        return _operand(value.item())
    raise TypeError(f"unsupported operand type for a tensor operation: {type(value).__name__}")


def _power(base, exponent):
    """Paddle's pow: float32 rounded from float64 (numpy's own float32 power
    is off by an ulp on some CPUs, x ** 2.0 included; Paddle's is correctly
    rounded, as compiled code's is)."""
    if base.dtype == np.float32:
        return np.power(base.astype(np.float64), exponent.astype(np.float64)).astype(np.float32)
    return np.power(base, exponent)


_ARITHMETIC = {
    "add": np.add, "sub": np.subtract, "mul": np.multiply, "div": np.true_divide,
    "floordiv": np.floor_divide, "mod": np.mod, "pow": _power,
}
_COMPARE = {
    "lt": np.less, "le": np.less_equal, "gt": np.greater, "ge": np.greater_equal,
    "eq": np.equal, "ne": np.not_equal,
}


def binary(op, lhs, rhs):
    result = _binary(op, lhs, rhs)
    tracer = recording.current()
    if tracer is not None:
        tracer.binary(op, lhs, rhs, result)
    return result


def _binary(op, lhs, rhs):
    la, ld, lt = _operand(lhs)
    ra, rd, rt = _operand(rhs)
    if op == "matmul":
        compute = dtypes.arithmetic_dtype(op, (ld, lt), (rd, rt))
        return Tensor(np.matmul(np.asarray(la, compute), np.asarray(ra, compute)))
    if op in _COMPARE:
        compute = dtypes.promote((ld, lt), (rd, rt))
        if compute.kind == "c" and op not in ("eq", "ne"):
            raise TypeError(f"complex numbers are not ordered ({op})")
        return Tensor(_COMPARE[op](np.asarray(la, compute), np.asarray(ra, compute)))
    compute = dtypes.arithmetic_dtype(op, (ld, lt), (rd, rt))
    if compute.kind == "c" and op in ("floordiv", "mod"):
        raise TypeError(f"{op} of complex numbers")
    with np.errstate(divide="ignore", invalid="ignore"):
        result = _ARITHMETIC[op](np.asarray(la, compute), np.asarray(ra, compute))
    return Tensor(np.asarray(result, compute))


class TensorSize(int):
    """Paddle 3's `x.size`: the element count, which called gives the shape
    (`x.size()`) or one size (`x.size(0)`), PyTorch's spelling."""

    _shape: list[int]

    def __new__(cls, count: int, shape: list[int]) -> TensorSize:
        size = int.__new__(cls, count)
        size._shape = shape
        return size

    def __call__(self, dim: int | None = None) -> Any:
        return list(self._shape) if dim is None else self._shape[dim]


class Tensor:
    """A dy2st tensor: a numpy array of bool, int32, int64, float32 or float64."""

    __array_priority__ = 100
    # Paddle's autograd flag: kept for code that sets or reads it (dy2st
    # computes no gradients); parameters say False.
    stop_gradient = True
    # Where Paddle code asks: the CPU; a leaf of no autograd graph; saved
    # with a model only where it is a parameter.
    is_leaf = True
    persistable = False

    @property
    def place(self) -> CPUPlace:
        return CPUPlace()

    def __init__(self, value: Any) -> None:
        value = np.asarray(value)
        dtypes.as_dtype(value.dtype)
        self._value = value

    # Properties -----------------------------------------------------------
    @property
    def shape(self) -> list[int]:
        return list(self._value.shape)

    @property
    def dtype(self) -> dtypes.DType:
        return dtypes.as_dtype(self._value.dtype)

    @property
    def ndim(self) -> int:
        return self._value.ndim

    @property
    def size(self) -> TensorSize:
        return TensorSize(self._value.size, self.shape)

    @property
    def T(self) -> Tensor:
        """The tensor with its axes reversed (Paddle's, PyTorch's spelling)."""
        return METHODS["transpose"](self, list(range(self.ndim))[::-1])

    @property
    def mT(self) -> Tensor:
        """The tensor with its last two axes swapped."""
        if self.ndim < 2:
            raise ValueError(f"Tensor.ndim({self.ndim}) is required to be greater than or "
                             "equal to 2.")
        perm = list(range(self.ndim))
        perm[-2], perm[-1] = perm[-1], perm[-2]
        return METHODS["transpose"](self, perm)

    def numpy(self) -> np.ndarray:
        """A copy of the values, as Paddle's (`np.asarray(t)` shares them)."""
        _warn_traced("numpy array")
        return self._value.copy()

    def item(self, *args: int) -> Any:
        """The Python number of a one-element tensor, or the element at a
        flat index (one argument) or at one index per axis; indices are
        not wrapped (Paddle's checks and messages)."""
        _warn_traced("number")
        value = self._value
        for position, index in enumerate(args, 1):
            if isinstance(index, (bool, np.bool_)) or not isinstance(index, (int, np.integer)):
                raise TypeError(f"argument (position {position}) must be long, but got "
                                f"{type(index).__name__}")
        if not args:
            if value.size != 1:
                raise ValueError("only one element tensors can be converted to Python scalars "
                                 "when no input coordinates")
            return value.item()
        if len(args) == 1:
            if not 0 <= args[0] < value.size:
                raise ValueError(f"index {args[0]} is out of bounds for size {value.size}")
            return value.item(int(args[0]))
        if len(args) != value.ndim:
            raise ValueError("incorrect number of indices for Tensor")
        for axis, (index, size) in enumerate(zip(args, value.shape)):
            if not 0 <= index < size:
                raise ValueError(f"index {index} is out of bounds for axis {axis} with size "
                                 f"{size}")
        return value.item(tuple(int(i) for i in args))

    def tolist(self) -> Any:
        _warn_traced("list")
        return self._value.tolist()

    def __array__(self, dtype: Any = None) -> np.ndarray:
        return self._value if dtype is None else self._value.astype(dtype)

    def __len__(self) -> int:
        if self._value.ndim == 0:
            raise TypeError("len() of a 0-d tensor")
        return self._value.shape[0]

    def __repr__(self) -> str:
        return (f"Tensor(shape={self.shape}, dtype={self.dtype}, "
                f"value={np.array2string(self._value, separator=', ')})")

    def __format__(self, spec: str) -> str:
        # As Paddle's: a 0-d tensor formats as its number (f"{loss:.4f}").
        if self._value.ndim == 0:
            return format(self._value.item(), spec)
        return object.__format__(self, spec)

    # Paddle's exceptions and messages (an AssertionError) where a tensor of
    # other than one element is used as one value.
    def __bool__(self) -> bool:
        _warn_traced("bool")
        if self._value.size != 1:
            raise AssertionError("When Variable is used as the condition of if/while , "
                                 "Variable can only contain one element.")
        return bool(self._value.reshape(()))

    def __float__(self) -> float:
        _warn_traced("float")
        if self._value.size != 1:
            raise AssertionError("only one element variable can be converted to float.")
        return float(self._value.reshape(()))

    def __int__(self) -> int:
        _warn_traced("int")
        if self._value.size != 1:
            raise AssertionError("only one element variable can be converted to int.")
        return int(self._value.reshape(()))

    def __index__(self) -> int:
        _warn_traced("int")
        if self._value.size != 1 or self._value.dtype.kind not in "ib":
            raise TypeError("only an integer tensor with one element can be an index")
        return int(self._value.reshape(()))

    def __iter__(self) -> Iterator[Tensor]:
        if self._value.ndim == 0:
            raise TypeError("iteration over a 0-d tensor")
        return (self[i] for i in range(self._value.shape[0]))

    def __getitem__(self, index: Any) -> Tensor:
        raw = index
        if isinstance(index, Tensor):
            index = index._value
        elif isinstance(index, tuple):
            index = tuple(i._value if isinstance(i, Tensor) else i for i in index)
        basic = _basic_index(index)
        # Paddle's basic indexing gives a view of x's memory, advanced
        # indexing (integer arrays, masks) a copy.
        result = Tensor(self._value[basic]) if basic is not None else \
            Tensor(np.array(self._value[index]))
        tracer = recording.current()
        if tracer is not None:
            tracer.subscript(self, raw, result)
        return result

    def __setitem__(self, index: Any, value: Operand) -> None:
        if isinstance(value, Tensor):
            value = value._value
        self._value[index] = value

    # Operators -------------------------------------------------------------
    def __add__(self, o: Operand) -> Tensor: return binary("add", self, o)
    def __radd__(self, o: Operand) -> Tensor: return binary("add", o, self)
    def __sub__(self, o: Operand) -> Tensor: return binary("sub", self, o)
    def __rsub__(self, o: Operand) -> Tensor: return binary("sub", o, self)
    def __mul__(self, o: Operand) -> Tensor: return binary("mul", self, o)
    def __rmul__(self, o: Operand) -> Tensor: return binary("mul", o, self)
    def __truediv__(self, o: Operand) -> Tensor: return binary("div", self, o)
    def __rtruediv__(self, o: Operand) -> Tensor: return binary("div", o, self)
    def __floordiv__(self, o: Operand) -> Tensor: return binary("floordiv", self, o)
    def __rfloordiv__(self, o: Operand) -> Tensor: return binary("floordiv", o, self)
    def __mod__(self, o: Operand) -> Tensor: return binary("mod", self, o)
    def __rmod__(self, o: Operand) -> Tensor: return binary("mod", o, self)
    def __pow__(self, o: Operand) -> Tensor: return binary("pow", self, o)
    def __rpow__(self, o: Operand) -> Tensor: return binary("pow", o, self)
    def __matmul__(self, o: Operand) -> Tensor: return binary("matmul", self, o)
    def __rmatmul__(self, o: Operand) -> Tensor: return binary("matmul", o, self)
    def __lt__(self, o: Operand) -> Tensor: return binary("lt", self, o)
    def __le__(self, o: Operand) -> Tensor: return binary("le", self, o)
    def __gt__(self, o: Operand) -> Tensor: return binary("gt", self, o)
    def __ge__(self, o: Operand) -> Tensor: return binary("ge", self, o)
    def __eq__(self, o: Operand) -> Tensor: return binary("eq", self, o)  # type: ignore[override]
    def __ne__(self, o: Operand) -> Tensor: return binary("ne", self, o)  # type: ignore[override]
    __hash__ = object.__hash__
    # Paddle's bitwise operators (logical on bool tensors).
    def __and__(self, o: Operand) -> Tensor: return _bitwise("bitwise_and", self, o)
    def __rand__(self, o: Operand) -> Tensor: return _bitwise("bitwise_and", o, self)
    def __or__(self, o: Operand) -> Tensor: return _bitwise("bitwise_or", self, o)
    def __ror__(self, o: Operand) -> Tensor: return _bitwise("bitwise_or", o, self)
    def __xor__(self, o: Operand) -> Tensor: return _bitwise("bitwise_xor", self, o)
    def __rxor__(self, o: Operand) -> Tensor: return _bitwise("bitwise_xor", o, self)
    def __lshift__(self, o: Operand) -> Tensor: return _shift("<<", self, o)
    def __rlshift__(self, o: Operand) -> Tensor: return _shift("<<", o, self)
    def __rshift__(self, o: Operand) -> Tensor: return _shift(">>", self, o)
    def __rrshift__(self, o: Operand) -> Tensor: return _shift(">>", o, self)

    def __neg__(self) -> Tensor:
        v = self._value
        return _record_unary("neg", self, Tensor(-(v.astype(np.int64) if v.dtype == np.bool_
                                                   else v)))

    def __pos__(self) -> Tensor:
        v = self._value
        return _record_unary("pos", self, Tensor(v.astype(np.int64) if v.dtype == np.bool_
                                                 else v.copy()))

    def __invert__(self) -> Tensor:
        if self._value.dtype.kind == "f":
            raise TypeError("bad operand type for unary '~': a float tensor")
        return _record_unary("invert", self, Tensor(np.invert(self._value)))

    def __abs__(self) -> Tensor:
        return METHODS["abs"](self)

    def set_value(self, value: Any) -> None:
        """Paddle's Tensor.set_value: a new value (an array or a tensor) of
        the same shape and dtype, in place (loading weights)."""
        array = value._value if isinstance(value, Tensor) else np.asarray(value)
        if list(array.shape) != self.shape:
            raise AssertionError("Variable Shape not match: the value's shape is not the "
                                 f"tensor's ({list(array.shape)}, {self.shape})")
        if array.dtype != self._value.dtype:
            raise AssertionError("Variable dtype not match: the value's dtype is not the "
                                 f"tensor's ({array.dtype}, {self._value.dtype})")
        inplace.write(self, array.copy() if array is self._value else array)

    def copy_(self, src: Tensor, blocking: bool = True) -> Tensor:
        """Paddle's Tensor.copy_: x takes src's values and shape (its dtype
        must be x's), in place; x is returned."""
        if src.dtype != self.dtype:
            raise RuntimeError(copy_dtype_message(self.dtype, src.dtype))
        inplace.write(self, src._value.copy())
        return self

    def astype(self, dtype: Any) -> Tensor:
        """x converted to `dtype`; to its own dtype, a view of x (Paddle's)."""
        if dtypes.as_dtype(dtype) != self.dtype:
            return METHODS["cast"](self, dtype)
        return self.detach()

    def detach(self) -> Tensor:
        """A view of x (dy2st records no gradients to detach from)."""
        result = Tensor(self._value)
        recording.same_value(self, result)
        return result

    # Methods: the functions of the same name with the tensor first.
    def __getattr__(self, name: str) -> Callable[..., Any]:
        if name in METHODS:
            fn = METHODS[name]
            return lambda *args, **kwargs: fn(self, *args, **kwargs)
        operation = inplace.operation_of(name)
        if operation is not None and operation in METHODS:
            # x.add_(y), x.zero_(): the operation's result becomes x's value.
            base, named = METHODS[operation], operation
            return lambda *args, **kwargs: inplace.apply(self, named,
                                                         base(self, *args, **kwargs))
        raise AttributeError(f"'Tensor' object has no attribute '{name}'")


def _basic_index(index: Any) -> tuple[Any, ...] | None:
    """`index` as numpy's basic index ending in `...` (so that integers alone
    still give a 0-d view), or None where it is advanced (arrays, masks). A
    one-element integer tensor is an integer here, as in Paddle's views."""
    items = index if isinstance(index, tuple) else (index,)
    basic: list[Any] = []
    for item in items:
        if isinstance(item, np.ndarray) and item.ndim == 0 and item.dtype.kind in "iu":
            item = int(item)
        if item is None or item is Ellipsis or isinstance(item, slice) or (
                isinstance(item, (int, np.integer)) and not isinstance(item, (bool, np.bool_))):
            basic.append(item)
        else:
            return None
    if not any(item is Ellipsis for item in basic):
        basic.append(Ellipsis)
    return tuple(basic)


def _bitwise(name: str, lhs: Operand, rhs: Operand) -> Tensor:
    """A bitwise primitive of two tensors, or of a Python int or bool on the
    left (`1 & x`: the number in the tensor's dtype) as Paddle's operators;
    a number on the right is Paddle's error."""
    if not isinstance(rhs, Tensor):
        raise ValueError(f"{name}(): argument 'y' (position 1) must be Tensor, but got "
                         f"{type(rhs).__name__}")
    if not isinstance(lhs, Tensor):
        lhs = _integer_like(name, lhs, rhs)
    result: Tensor = METHODS[name](lhs, rhs)
    return result


def _shift(symbol: str, lhs: Operand, rhs: Operand) -> Tensor:
    """`x << y`, `x >> y` (arithmetic): a Python int or bool operand in the
    tensor's dtype, as Paddle's operators."""
    tensor = lhs if isinstance(lhs, Tensor) else rhs
    assert isinstance(tensor, Tensor)  # an operator method of one of them
    if not isinstance(lhs, Tensor):
        lhs = _integer_like(symbol, lhs, tensor)
    if not isinstance(rhs, Tensor):
        rhs = _integer_like(symbol, rhs, tensor)
    name = "bitwise_left_shift" if symbol == "<<" else "bitwise_right_shift"
    result: Tensor = METHODS[name](lhs, rhs)
    return result


def _integer_like(name: str, number: Any, tensor: Tensor) -> Tensor:
    if not isinstance(number, (int, np.integer)):
        raise TypeError(f"unsupported operand type(s) for {name}: "
                        f"'{type(number).__name__}' and 'Tensor'")
    return Tensor(np.full(tensor._value.shape, number).astype(tensor._value.dtype))


def _record_unary(kind, operand, result):
    tracer = recording.current()
    if tracer is not None:
        tracer.unary(kind, operand, result)
    return result


def _warn_traced(kind):
    # The frame that called the Tensor method that called this.
    recording.python_value(kind, sys._getframe(2))


def _infer_dtype(data):
    """to_tensor's dtype for Python data: floats give the default float dtype,
    ints int64."""
    flat = np.asarray(data)
    if flat.dtype == np.bool_:
        return dtypes.bool_
    if flat.dtype.kind in "iu":
        return dtypes.int64
    if flat.dtype.kind == "f":
        return dtypes.default_float()
    if flat.dtype.kind == "c":
        return dtypes.as_dtype(dtypes.complex_of(dtypes.default_float().numpy))
    raise TypeError(f"to_tensor cannot make a tensor of {type(data).__name__} data")


def copy_dtype_message(dtype: Any, src_dtype: Any) -> str:
    """Paddle's message for Tensor.copy_ of another dtype."""
    return (f"(PreconditionNotMet) Tensor has different data type with the source tensor, "
            f"Tensor Copy cannot be performed! ({dtype} and {src_dtype})")


_ALIGNMENT = 64
"""Bytes: where a large tensor's data starts. Compiled loops read and write
64-byte vectors on AVX-512 machines, and each one that crosses a cache line
costs more: the elementwise chain of bench/run.py took 50 ms on numpy's
16-byte-aligned memory and 32 ms on aligned memory (a Rocket Lake Xeon)."""


def _aligned_copy(array: np.ndarray) -> np.ndarray:
    """A C-contiguous copy of `array`, its data on an _ALIGNMENT boundary
    where it is over a page (numpy's own large arrays start 16 bytes past one)."""
    if array.nbytes < 4096:
        return np.array(array, order="C")
    raw = np.empty(array.nbytes + _ALIGNMENT, np.uint8)
    start = -raw.ctypes.data % _ALIGNMENT
    copy = raw[start:start + array.nbytes].view(array.dtype).reshape(array.shape)
    np.copyto(copy, array)
    return copy


def to_tensor(data: Any, dtype: Any = None, place: Any = None,
              stop_gradient: bool = True) -> Tensor:
    """A new tensor holding `data` (copied). Python floats give the default
    float dtype, Python ints int64; a NumPy array or scalar keeps its dtype
    unless `dtype` is given."""
    if isinstance(data, Tensor):
        value = _aligned_copy(data._value)
    elif isinstance(data, np.generic):
        value = np.array(data)
    elif isinstance(data, np.ndarray):
        # Another byte order (a big-endian .npy) holds the same numbers.
        value = _aligned_copy(data) if data.dtype.isnative else \
            data.astype(data.dtype.newbyteorder("="))
    elif isinstance(data, (numbers.Number, list, tuple)):
        if isinstance(data, (list, tuple)):
            data = [d._value if isinstance(d, Tensor) else d for d in data]
        inferred = _infer_dtype(data)
        # Given a dtype, the numbers go to it at once, as Paddle's: Python
        # floats through float32 would lose digits float64 keeps.
        value = np.array(data, dtype=(inferred if dtype is None else dtypes.as_dtype(dtype)).numpy)
    else:
        raise TypeError(f"to_tensor cannot make a tensor from {type(data).__name__}")
    if dtype is not None:
        value = value.astype(dtypes.as_dtype(dtype).numpy)
    else:
        dtypes.as_dtype(value.dtype)
    return Tensor(value)
