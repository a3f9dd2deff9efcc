"""The dy2st functions under their Paddle names: the primitives of the op table
(primitives.py, eager numpy kernels the compiler lowers natively) and the
composites written over them (composites.py)."""
from . import compat, inplace, random, tensor
from .composites import COMPOSITES, PAIR_OUTPUTS
from .linalg_composites import LINALG_ONLY
from .primitives import KERNELS, NAME_OF

globals().update(KERNELS)
globals().update(COMPOSITES)

# Names Paddle also accepts for the same operation.
ALIASES = {
    "mod": KERNELS["remainder"], "floor_mod": KERNELS["remainder"], "negative": KERNELS["neg"],
    "clamp": COMPOSITES["clip"], "cat": KERNELS["concat"], "concatenate": KERNELS["concat"],
    "eq": KERNELS["equal"], "ne": KERNELS["not_equal"], "gt": KERNELS["greater_than"],
    "ge": KERNELS["greater_equal"], "lt": KERNELS["less_than"], "le": KERNELS["less_equal"],
    "greater": KERNELS["greater_than"], "less": KERNELS["less_than"],
    "mul": KERNELS["multiply"], "sub": KERNELS["subtract"], "div": KERNELS["divide"],
    "amax": KERNELS["max"], "amin": KERNELS["min"], "swapaxes": KERNELS["transpose"],
    "swapdims": KERNELS["transpose"], "reverse": KERNELS["flip"],
    "bitwise_invert": KERNELS["bitwise_not"], "ger": COMPOSITES["outer"],
    "view_as_real": COMPOSITES["as_real"], "view_as_complex": COMPOSITES["as_complex"],
}
globals().update(ALIASES)

# Paddle's PyTorch-style spellings (compat.py) of the operations that take them.
SPELLED = {name: compat.spelled(name, fn) for name, fn in {**KERNELS, **COMPOSITES,
                                                             **ALIASES}.items()}
globals().update(SPELLED)

# Paddle's in-place function forms (`paddle.tanh_(x)`): the first argument changes.
INPLACE = {f"{name}_": inplace.function(name, SPELLED[name]) for name in sorted(
    inplace.VALUE_OPERATIONS | inplace.SHAPE_OPERATIONS) if name in SPELLED}
globals().update(INPLACE)

# Paddle's functions that change an argument in place under their own names.
CHANGING = {name: inplace.named(inplace.operation_named(name), SPELLED[name],
                                inplace.target_of(name, SPELLED[name]))
            for name in inplace.NAMED}
# topk(x, k, out=(values, indices)): both tensors take their results.
CHANGING.update({name: inplace.pair_named(SPELLED[name], compat.spelled(name, pair_of),
                                          compat.spelled(name, returned))
                 for name, (pair_of, returned) in PAIR_OUTPUTS.items()})
globals().update(CHANGING)

__all__ = sorted(set(KERNELS) | set(COMPOSITES) | set(ALIASES) | set(INPLACE))
"""The operations, under their Paddle names (`from dy2st.eager.functional import *`)."""

LIBRARY = NAME_OF
"""{eager function: primitive name}: calls of these become `pydy.lib_call`."""

# Tensor methods: the function of the same name with the tensor first.
TENSOR_METHODS = {name: compat.spelled(name, fn, receiver=True)
                  for name, fn in {**KERNELS, **COMPOSITES, **ALIASES}.items()
                  if name not in ("zeros", "ones", "full", "arange", "to_tensor", "eye",
                                  "linspace", "logspace", "meshgrid", "hstack", "vstack",
                                  "row_stack", "dstack", "column_stack", "broadcast_shape",
                                  "broadcast_shapes", "broadcast_tensors", "multiplex",
                                  "scatter_nd")}
TENSOR_METHODS["astype"] = KERNELS["cast"]
# x.increment(), x.logical_and(y, out=o): they change x, o as the functions do.
TENSOR_METHODS.update({name: CHANGING[name] for name in CHANGING
                       if name in TENSOR_METHODS})
tensor.METHODS.update(TENSOR_METHODS)
tensor.METHODS.update(compat.METHODS)
tensor.METHODS.update(random.FILLS)
LINALG_METHODS = {name: LINALG_ONLY[name] for name in (
    "cholesky_inverse", "cholesky_solve", "corrcoef", "cov", "matrix_power", "slogdet", "solve")}
"""paddle.linalg's functions that Paddle's tensors also have as methods."""
tensor.METHODS.update(LINALG_METHODS)
