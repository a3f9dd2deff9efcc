"""Paddle's in-place operations: `x.add_(y)`, `x.zero_()`, `paddle.tanh_(x)`,
`F.relu_(x)`. Each is the operation of the same name without the '_' whose
result becomes x's value (x's dtype too, where Paddle promotes); for the value
operations the result must keep x's shape (Paddle's ValueError otherwise; a
comparison's makes x a bool tensor, as Paddle's `x.equal_(y)` does), the
shape operations (`reshape_`, `squeeze_`, ...) give x the new shape. The table
is data here: the eager tensor applies it, and the importer rewrites a
compiled call by it (the change then reaches every name of the object, as an
item assignment's does)."""
from __future__ import annotations

import functools
import inspect
import sys
from typing import Any, Callable

VALUE_OPERATIONS = frozenset("""
    abs acos acosh add addmm asin asinh atan atanh baddbmm ceil clip clamp cos cosh cumprod
    cumsum divide div exp expm1 erf floor floor_divide floor_mod frac hypot index_add
    index_fill lerp log log10 log1p log2 logit masked_fill masked_scatter mod multiply mul
    nan_to_num neg pow put_along_axis reciprocal remainder round rsqrt scale scatter sigmoid
    sin sinh sqrt square subtract sub tan tanh tril triu trunc logical_and logical_not
    logical_or logical_xor bitwise_and bitwise_or bitwise_xor bitwise_not bitwise_left_shift
    bitwise_right_shift cast elu hardtanh leaky_relu relu softmax thresholded_relu equal
    not_equal less_than less less_equal greater_than greater_equal copysign digamma gammaln gcd
    i0 lcm ldexp lgamma polygamma multigammaln renorm scatter_add sinc index_put erfinv
    """.split())
"""Operations whose in-place form keeps x's shape."""

SHAPE_OPERATIONS = frozenset("reshape squeeze unsqueeze flatten transpose t".split())
"""Operations whose in-place form gives x the result's shape."""

REPLACING_OPERATIONS = frozenset({"assign"})
"""Operations whose in-place form gives x the result itself, its shape and
dtype too (`paddle.assign(v, output=x)`)."""

NAMED = {"increment": None, "assign": "output", "fill_constant": "out", "logical_and": "out",
         "logical_or": "out", "logical_xor": "out", "logical_not": "out", "true_divide": "out",
         "msort": "out", "bucketize": "out"}
"""Paddle's functions that change an argument in place under their own
names: the parameter that names it, None for the first (`paddle.increment(x)`,
`paddle.assign(v, output=x)`, `paddle.logical_and(a, b, out=x)`; Paddle's
bitwise operations and frac take an `out` they leave as it was)."""


OUT_FUNCTIONS = frozenset("""
    abs acos acosh add all amax amin any arange atanh bmm cat ceil clamp clip concat concatenate
    cos cosh cumprod cumsum diff div divide dot empty eq equal exp expm1 eye floor floor_divide
    floor_mod full ge greater greater_equal greater_than gt index_add index_select le less
    less_equal less_than linspace log log10 log1p log2 logsumexp lt masked_select matmul maximum
    mean minimum mod mul multinomial multiply ne nonzero normal not_equal ones outer pow quantile
    rand randn remainder round rsqrt searchsorted sigmoid sign sin sinh softmax sqrt stack
    standard_normal sub subtract sum take_along_axis take_along_dim tanh tril triu uniform var
    where zeros""".split())
"""Paddle 3.3's functions that also write their result to a tensor given as
the keyword-only `out=` (PyTorch's convention): it takes the result's values,
shape and dtype, in its own memory where they fit (a view of another tensor
changes it), as `paddle.assign(v, output=out)` does."""
NAMED.update({name: "out" for name in OUT_FUNCTIONS})

PAIR_MESSAGE = "(InvalidArgument) The out argument must be a tuple with 2 elements."
"""Paddle's error for an `out=` of a function that returns a pair (topk,
median) that is not two tensors."""


def target_of(name: str, fn: Callable[..., Any]) -> tuple[str, int] | None:
    """The (name, position) of the parameter of `fn` (Paddle's `name`) that
    names the tensor it changes in place (see NAMED), None for the first; a
    keyword-only `out` that `fn` does not take is at no position."""
    param = NAMED[name]
    if param is None:
        return None
    params = list(inspect.signature(fn).parameters)
    return param, params.index(param) if param in params else sys.maxsize


def operation_named(name: str) -> str:
    """The in-place operation of the function `name` of NAMED: what its
    target takes (the result whole, for `out=`)."""
    return "assign" if name in OUT_FUNCTIONS else name

RENAMED = {"zero": "zeros_like", "fill": "full_like"}
"""In-place forms named otherwise than their operation (`x.fill_(v)`)."""


def operation_of(name: str) -> str | None:
    """The operation behind the in-place method or function `name` (`add_`:
    `add`), or None when `name` is not one."""
    if not name.endswith("_") or name.endswith("__"):
        return None
    base = name[:-1]
    base = RENAMED.get(base, base)
    return base if base in VALUE_OPERATIONS or base in SHAPE_OPERATIONS or \
        base in RENAMED.values() else None


def keeps_shape(operation: str) -> bool:
    return operation not in SHAPE_OPERATIONS and operation not in REPLACING_OPERATIONS


def shape_message(result_shape: Any = None, shape: Any = None) -> str:
    """Paddle's message for an in-place result of another shape (compiled
    code's names no shapes)."""
    if result_shape is None:
        return ("The shape of broadcast output is different from that of the inplace tensor "
                "in the Inplace operation.")
    return (f"The shape of broadcast output {result_shape} is different from that of inplace "
            f"tensor {shape} in the Inplace operation.")


def apply(x: Any, operation: str, result: Any) -> Any:
    """x given `result`'s value (eagerly): x itself, as Paddle returns it."""
    if keeps_shape(operation) and list(result.shape) != list(x.shape):
        raise ValueError(shape_message(list(result.shape), list(x.shape)))
    write(x, result._value)
    return x


def write(x: Any, array: Any) -> None:
    """x takes `array`'s values in its own memory, which its views share (as
    Paddle's in-place operations write), or `array` itself where the dtype or
    shape differs or x's memory is read-only (a broadcast)."""
    own = x._value
    if own.flags.writeable and own.dtype == array.dtype and own.shape == array.shape:
        own[...] = array
    else:
        x._value = array


def function(operation: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    """The in-place function form of `fn` (`paddle.tanh_`, `F.relu_`): its
    first argument changes. The importer reads `inplace_of`."""
    def inplace(x: Any, *args: Any, **kwargs: Any) -> Any:
        return apply(x, operation, fn(x, *args, **kwargs))
    inplace.__name__ = inplace.__qualname__ = f"{operation}_"
    inplace.__doc__ = f"{operation}() of x, written into x."
    setattr(inplace, "inplace_of", fn)
    setattr(inplace, "inplace_operation", operation)
    return inplace


def named(operation: str, fn: Callable[..., Any], target: tuple[str, int] | None = None
          ) -> Callable[..., Any]:
    """`fn` as Paddle's function of its own name that changes an argument in
    place (`paddle.increment(x)` adds to x): the first, or the `target`
    (name, position) where one is given (`paddle.assign(v, output=x)`: x
    takes v's value; without it, the plain result). The importer reads
    `inplace_of`, `inplace_operation` and `inplace_target`."""
    @functools.wraps(fn)
    def changes(*args: Any, **kwargs: Any) -> Any:
        if target is None:
            return apply(args[0], operation, fn(*args, **kwargs))
        name, position = target
        given = kwargs.pop(name, None)
        if len(args) > position:
            given, args = args[position], args[:position] + args[position + 1:]
        result = fn(*args, **kwargs)
        return result if given is None else apply(given, operation, result)
    setattr(changes, "inplace_of", fn)
    setattr(changes, "inplace_operation", operation)
    setattr(changes, "inplace_target", target)
    return changes


def pair_targets(out: Any) -> Any:
    """`out=` of a function that returns a pair (topk, median): the two
    tensors, or Paddle's ValueError (also compiled)."""
    if not isinstance(out, tuple) or len(out) != 2:
        raise ValueError(PAIR_MESSAGE)
    return out


def pair_named(fn: Callable[..., Any], pair_of: Callable[..., Any],
               returned: Callable[..., Any]) -> Callable[..., Any]:
    """`fn`, a function of Paddle 3.3 that also writes a pair of results to
    `out=(values, indices)` (topk, median): each tensor takes its result,
    `pair_of`'s for the same arguments, and the call returns `returned`'s
    (given also `pair` and `out`). The importer reads `inplace_pair`."""
    @functools.wraps(fn)
    def changes(*args: Any, out: Any = None, **kwargs: Any) -> Any:
        if out is None:
            return fn(*args, **kwargs)
        pair_targets(out)
        pair = pair_of(*args, **kwargs)
        for target, result in zip(out, pair):
            write(target, result._value)
        return returned(*args, pair=pair, out=out, **kwargs)
    setattr(changes, "inplace_pair", (fn, pair_of, returned))
    return changes
