"""Paddle 3's PyTorch-style spellings: `dim=` for `axis=`, `input=` for `x=`,
`other=` for `y=` (and a few more, KEYWORD_ALIASES) in the operations that
accept them, a shape as separate ints (`x.reshape(2, 3)`, `x.view(2, 3)`,
`x.expand(2, 3)`, `x.permute(2, 0, 1)`, `paddle.zeros(2, 3)`), a transpose of
two axes (`x.transpose(0, 2)`), and the methods of METHODS (`x.float()`,
`x.long()`, `x.dim()`, `x.to(...)`, ...); `x.T` and `x.mT` are Tensor's
properties. The rules are data here: the eager functions apply them through
`spelled`, the importer rewrites a compiled call by the same tables."""
from __future__ import annotations

import functools
from typing import Any, Callable

from .basic_composites import cast, tile
from .dtypes import DType
from .place import check_place
from .primitives import KERNELS
from .tensor import Tensor

full, transpose = KERNELS["full"], KERNELS["transpose"]

DIM_FUNCTIONS = frozenset(
    "all amax amin any argmax argmin argsort concat cat concatenate cumsum diff logsumexp mean "
    "median norm prod roll squeeze stack sum unbind unique_consecutive unsqueeze var softmax "
    "log_softmax chunk repeat_interleave quantile topk".split())
"""The operations whose `axis` Paddle also takes as `dim`."""

INPUT_FUNCTIONS = frozenset("""
    abs acos acosh add all amax amin any argmax argmin argsort asin atanh ceil clamp clip cos cosh
    cumprod cumsum diagonal diff div divide empty_like eq equal exp expand_as expm1 flatten floor
    floor_divide floor_mod frac gcd ge greater greater_equal greater_than gt isclose isfinite isinf
    isnan lcm le less less_equal less_than log log10 log1p log2 logical_and logical_not logical_or
    logical_xor logsumexp lt masked_select matmul maximum mean median minimum mod mul multinomial
    multiply ne nonzero norm not_equal ones_like prod quantile randn_like remainder
    repeat_interleave round rsqrt sigmoid sign sin sinh sqrt squeeze sub subtract sum tanh topk
    trace tril triu unique_consecutive unsqueeze var zeros_like full_like bucketize""".split())
"""The operations whose tensor `x` Paddle 3.3 also takes as `input`."""

OTHER_FUNCTIONS = frozenset("""
    add bitwise_or div divide eq equal floor_divide floor_mod gcd ge greater greater_equal
    greater_than gt isclose lcm le less less_equal less_than logical_and logical_or logical_xor lt
    matmul maximum minimum mod mul multiply ne not_equal remainder sub subtract""".split())
"""The binary operations whose `y` Paddle 3.3 also takes as `other`."""

KEYWORD_ALIASES: dict[str, dict[str, str]] = {}
"""{operation: {Paddle's PyTorch-style keyword: the operation's own}}."""
for _names, _alias, _own in ((DIM_FUNCTIONS, "dim", "axis"), (INPUT_FUNCTIONS, "input", "x"),
                             (OTHER_FUNCTIONS, "other", "y")):
    for _name in _names:
        KEYWORD_ALIASES.setdefault(_name, {})[_alias] = _own
KEYWORD_ALIASES["bucketize"]["boundaries"] = "sorted_sequence"
KEYWORD_ALIASES["flatten"].update(start_dim="start_axis", end_dim="stop_axis")
KEYWORD_ALIASES.update(eye={"n": "num_rows", "m": "num_columns"},
                       isin={"elements": "x", "test_elements": "test_x"},
                       linspace={"end": "stop", "steps": "num"}, normal={"size": "shape"},
                       searchsorted={"input": "values"}, is_tensor={"obj": "x"},
                       pow={"input": "x", "exponent": "y"}, view_as_real={"input": "x"},
                       view_as_complex={"input": "x"})

ALIAS_DEFAULTS = {"median": ("mode", "min")}
"""{operation: (keyword, value)}: the keyword's default in a call that spells
an argument PyTorch's way (Paddle's `median(input=x)` is the lower middle
value, and `median(x, dim=0)` a pair)."""

TRANSPOSES = frozenset({"transpose", "swapaxes", "swapdims"})
"""The names of transpose, which also take two axes to swap."""

SHAPE_FUNCTIONS = {"zeros": 0, "ones": 0, "empty": 0, "rand": 0, "randn": 0}
"""Functions whose shape may come as separate ints, by the shape's position."""

PLACEMENT_FUNCTIONS = frozenset(
    "zeros ones full empty arange eye linspace rand randn zeros_like ones_like full_like "
    "empty_like uniform standard_normal".split())
"""Creation functions that take Paddle 3.3's keyword-only placement options
(PLACEMENT_KEYWORDS): dy2st checks them and makes the tensor as without them."""

PLACEMENT_KEYWORDS = ("device", "requires_grad", "pin_memory")

SHAPE_METHODS = frozenset({"reshape", "view", "expand", "permute"})
"""Tensor methods whose shape (or order) may come as separate ints."""


def check_placement(device: Any = None, requires_grad: bool = False,
                    pin_memory: bool = False) -> None:
    """Paddle 3.3's placement options of a creation function: dy2st's tensors
    live on the CPU, in pageable memory, and record no gradients."""
    check_place(device, "device")
    if requires_grad:
        raise ValueError("dy2st records no gradients: requires_grad=True is not supported")
    if pin_memory:
        raise ValueError("pinned memory is for copies to a GPU: dy2st's tensors live in the "
                         "CPU's memory, pin_memory=True is not supported")


def without_placement(name: str, kwargs: dict[str, Any]) -> dict[str, Any]:
    """`kwargs` of the creation function `name` without its placement
    options, once checked."""
    if name not in PLACEMENT_FUNCTIONS or not any(k in kwargs for k in PLACEMENT_KEYWORDS):
        return kwargs
    check_placement(**{k: kwargs[k] for k in PLACEMENT_KEYWORDS if k in kwargs})
    return {k: v for k, v in kwargs.items() if k not in PLACEMENT_KEYWORDS}


def renamed_keywords(name: str, kwargs: dict[str, Any]) -> dict[str, Any]:
    """`kwargs` with Paddle's PyTorch-style keywords of `name` (`dim`,
    `input`, `other`, ...: KEYWORD_ALIASES) as its own (Paddle's TypeError
    for both)."""
    aliases = KEYWORD_ALIASES.get(name)
    if not aliases or not any(k in aliases for k in kwargs):
        return kwargs
    renamed = {}
    for key, value in kwargs.items():
        own = aliases.get(key, key)
        if own in renamed or (own != key and own in kwargs):
            raise TypeError(f"{name}() got both '{own}' and its alias '{key}'")
        renamed[own] = value
    keyword, default = ALIAS_DEFAULTS.get(name, (None, None))
    if keyword is not None and keyword not in renamed:
        renamed[keyword] = default
    return renamed


def _is_size(value: Any) -> bool:
    if isinstance(value, Tensor):
        return value.size == 1 and (value.dtype == "int64" or value.dtype == "int32")
    return isinstance(value, int) and not isinstance(value, bool)


def packed_shape(args: tuple, at: int) -> tuple:
    """`args` with the sizes from position `at` on (two or more ints) as one
    list: `zeros(2, 3)` is `zeros([2, 3])`."""
    end = at
    while end < len(args) and _is_size(args[end]):
        end += 1
    if end - at < 2:
        return args
    return args[:at] + (list(args[at:end]),) + args[end:]


def swap_axes(x, first, second):
    """x with two axes swapped: `transpose(x, 0, 2)`, Paddle's PyTorch-style
    transpose of two axes."""
    perm = list(range(x.ndim))
    first, second = first % x.ndim, second % x.ndim
    perm[first], perm[second] = perm[second], perm[first]
    return transpose(x, perm)


def where_nonzero(condition):
    """`paddle.where(condition)`: the indices of its true elements, one 1-d
    tensor per axis (nonzero's tuple form)."""
    return KERNELS["nonzero"](condition, as_tuple=True)


def scaled_add(x, y, name=None, *, alpha=1):
    """Paddle 3.3's add(x, y, alpha=a): x + a * y."""
    return KERNELS["add"](x, y if alpha == 1 else y * alpha)


def scaled_subtract(x, y, name=None, *, alpha=1):
    """Paddle 3.3's subtract(x, y, alpha=a): x - a * y."""
    return KERNELS["subtract"](x, y if alpha == 1 else y * alpha)


def rounded_divide(x, y, name=None, *, rounding_mode=None):
    """Paddle 3.3's divide(x, y, rounding_mode=...): the true quotient (None),
    floor_divide's ('floor'), or the quotient rounded toward zero ('trunc',
    an integer quotient for integers)."""
    if rounding_mode is None:
        return KERNELS["divide"](x, y)
    if rounding_mode == "floor":
        return KERNELS["floor_divide"](x, y)
    if rounding_mode == "trunc":
        if _is_floating_point(x) or isinstance(y, float) or \
                (isinstance(y, Tensor) and _is_floating_point(y)):
            return KERNELS["trunc"](KERNELS["divide"](x, y))
        floored = KERNELS["floor_divide"](x, y)
        # Floor and truncation differ where the quotient is negative and inexact.
        inexact = KERNELS["not_equal"](KERNELS["remainder"](x, y), 0)
        negative = KERNELS["logical_xor"](KERNELS["less_than"](x, 0), KERNELS["less_than"](y, 0))
        return KERNELS["where"](KERNELS["logical_and"](inexact, negative), floored + 1, floored)
    raise ValueError(f"div expected rounding_mode to be one of None, 'trunc', or 'floor' but "
                     f"found {rounding_mode}.")


def mean_as(x, axis=None, keepdim=False, name=None, *, dtype=None):
    """Paddle 3.3's mean(x, dtype=...): the mean of x cast to `dtype` first."""
    if dtype is not None:
        x = cast(x, dtype)
    return KERNELS["mean"](x, axis, keepdim)


KEYWORD_FORMS: dict[str, tuple[Callable[..., Any], str]] = {
    "add": (scaled_add, "alpha"), "subtract": (scaled_subtract, "alpha"),
    "sub": (scaled_subtract, "alpha"), "divide": (rounded_divide, "rounding_mode"),
    "div": (rounded_divide, "rounding_mode"), "mean": (mean_as, "dtype")}
"""{operation: (its composite, the keyword-only option of Paddle 3.3 it
computes)}: a call given the option is the composite's (importer too)."""


def keyword_form(name: str, keywords: Any) -> Callable[..., Any] | None:
    """The composite of KEYWORD_FORMS that a call of `name` given `keywords`
    (their names) is, or None."""
    form = KEYWORD_FORMS.get(name)
    return form[0] if form is not None and form[1] in keywords else None


def spelled(name: str, fn: Callable[..., Any], receiver: bool = False) -> Callable[..., Any]:
    """`fn` (the operation `name`; a method where `receiver`) also taking
    Paddle's PyTorch-style spellings; `fn` itself where it has none. The
    importer reads `compat_of` to see through it."""
    at = 1 if receiver and name in SHAPE_METHODS else SHAPE_FUNCTIONS.get(name)
    if name not in KEYWORD_ALIASES and at is None and name not in TRANSPOSES and \
            name != "where" and name not in PLACEMENT_FUNCTIONS and name not in KEYWORD_FORMS:
        return fn

    @functools.wraps(fn)
    def operation(*args: Any, **kwargs: Any) -> Any:
        if name == "where" and len(args) + len(kwargs) == 1:
            return where_nonzero(*args, **kwargs)
        if name in TRANSPOSES and len(args) == 3 and not kwargs and \
                all(_is_size(a) for a in args[1:]):
            return swap_axes(*args)
        if at is not None:
            args = packed_shape(args, at)
        kwargs = renamed_keywords(name, without_placement(name, kwargs))
        return (keyword_form(name, kwargs) or fn)(*args, **kwargs)
    operation.compat_of = fn  # type: ignore[attr-defined]
    operation.compat_name = name  # type: ignore[attr-defined]
    return operation


def _as(x, dtype):
    """x in `dtype`: x itself where it has it, as Paddle's `x.float()` of a
    float32 tensor (the same object, whose changes in place x sees)."""
    return x if x.dtype == dtype else cast(x, dtype)


def _float32(x):
    return _as(x, "float32")


def _float64(x):
    return _as(x, "float64")


def _int32(x):
    return _as(x, "int32")


def _int64(x):
    return _as(x, "int64")


def _bool(x):
    return _as(x, "bool")


def _type_as(x, other):
    return cast(x, other.dtype)


def _dim(x):
    return x.ndim


def _contiguous(x):
    return x


def _get_device(x):
    """x.get_device(): Paddle's -1, the CPU (dy2st's one device)."""
    return -1


def _is_floating_point(x):
    return x.dtype == "float32" or x.dtype == "float64"


def _element_size(x):
    """x.element_size(): the bytes of one element."""
    if x.dtype == "bool":
        return 1
    return 8 if x.dtype == "int64" or x.dtype == "float64" else 4


def _is_contiguous(x):
    """x.is_contiguous(): dy2st's tensors are (a view reads its elements in place)."""
    return True


def _clear_gradient(x, set_to_zero=True):
    """x.clear_gradient() / x.clear_grad(): dy2st records no gradients."""
    return None


_DTYPE_NAMES = ("bool", "int8", "uint8", "int16", "int32", "int64", "float16", "bfloat16",
                "float32", "float64")


def _to(x, *args, dtype=None, **kwargs):
    """x.to(...): a cast where a dtype is given (devices and flags do nothing
    on dy2st's one device)."""
    for arg in args:
        if isinstance(arg, DType) or (isinstance(arg, str) and arg in _DTYPE_NAMES):
            dtype = arg
    return x if dtype is None else cast(x, dtype)


def _sizes(size):
    """A shape given as one list (or tuple) or as separate ints."""
    if len(size) == 1 and isinstance(size[0], (list, tuple)):
        return list(size[0])
    return list(size)


def _new_zeros(x, *size, dtype=None):
    return full(_sizes(size), 0, x.dtype if dtype is None else dtype)


def _new_ones(x, *size, dtype=None):
    return full(_sizes(size), 1, x.dtype if dtype is None else dtype)


def _new_full(x, size, fill_value, dtype=None):
    return full(size, fill_value, x.dtype if dtype is None else dtype)


def _repeat(x, *sizes):
    return tile(x, _sizes(sizes))


def _cpu(x):
    """x.cpu(): x itself (Paddle's of a tensor on the CPU)."""
    return x


METHODS = {"to": _to, "new_zeros": _new_zeros, "new_ones": _new_ones, "new_empty": _new_zeros,
           "new_full": _new_full, "repeat": _repeat, "float": _float32, "double": _float64,
           "int": _int32, "long": _int64, "bool": _bool, "float32": _float32,
           "float64": _float64, "int32": _int32, "int64": _int64, "type_as": _type_as, "dim": _dim,
           "ndimension": _dim, "contiguous": _contiguous, "is_floating_point": _is_floating_point,
           "cpu": _cpu, "get_device": _get_device, "element_size": _element_size,
           "is_contiguous": _is_contiguous, "clear_gradient": _clear_gradient,
           "clear_grad": _clear_gradient}
"""Tensor methods of the PyTorch spelling, written over the op table (the
importer converts them like composites)."""
