"""NumPy's functions in compiled code, where an array is a tensor (see
numpy_values) and a NumPy scalar a Python number: `np.full([batch, beam],
eos, dtype="int64")`, `np.sqrt(q.shape[-1])`, `np.prod(x.shape[1:])`,
`np.triu(np.ones((n, n)), 1)` of values known only once specialized. Written
over dy2st's operations with NumPy's dtype rules (a Python float gives
float64, an int int64; sqrt of ints float64; sum of int32 int64; a reduction
of a whole array a scalar), in the Python compiled code supports; the
importer converts and inlines them as it does pybuiltins. A NumPy dtype given
as a class (np.float32) arrives as its name. A call whose arguments are all
known when converting runs NumPy itself (the importer's numpy_constant)."""
import numpy as np

from ..eager import functional as _f
from ..eager.tensor import Tensor


def _kind(value):
    if isinstance(value, bool):
        return "bool"
    return "int64" if isinstance(value, int) else "float64"


def full(shape, fill_value, dtype=None, order="C"):
    return _f.full(shape, fill_value, _kind(fill_value) if dtype is None else dtype)


def zeros(shape, dtype=None, order="C"):
    return _f.full(shape, 0, "float64" if dtype is None else dtype)


def ones(shape, dtype=None, order="C"):
    return _f.full(shape, 1, "float64" if dtype is None else dtype)


def arange(start, stop=None, step=1, dtype=None):
    if stop is None:
        start, stop = 0, start
    if dtype is None:
        dtype = "float64" if "float64" in (_kind(start), _kind(stop), _kind(step)) else "int64"
    return _f.arange(start, stop, step, dtype)


def array(object, dtype=None, copy=True):
    if dtype is None and not isinstance(object, Tensor) and \
            _f.to_tensor(object).dtype == "float32":
        dtype = "float64"  # Python floats: NumPy's float64, not Paddle's float32
    return _f.to_tensor(object, dtype)


def _is_number(x):
    return not isinstance(x, Tensor) and not isinstance(x, (list, tuple))


def _as_array(a):
    return a if isinstance(a, Tensor) else array(a)


def _scalar(t):
    # A whole array's reduction: NumPy's scalar, a Python number here.
    if t.dtype == "bool":
        return bool(t)
    if t.dtype == "int32" or t.dtype == "int64":
        return int(t)
    return float(t)


def _float_math(kernel, x):
    # NumPy's float ufuncs: ints give float64 (bool float16, which dy2st
    # tensors do not hold); a number gives a float.
    if _is_number(x):
        return float(kernel(_f.to_tensor(x, "float64")))
    x = _as_array(x)
    if x.dtype == "bool":
        raise NotImplementedError("NumPy computes this in float16, which dy2st tensors do not "
                                  "hold: cast the array first")
    if x.dtype == "int32" or x.dtype == "int64":
        x = x.astype("float64")
    return kernel(x)


def _float_ufunc(kernel):
    def ufunc(x):
        return _float_math(kernel, x)
    ufunc.__name__ = ufunc.__qualname__ = kernel.__name__  # np.sqrt is "sqrt" in the IR
    return ufunc


def abs(x):
    if _is_number(x):
        return -x if x < 0 else x
    return _f.abs(_as_array(x))


def square(x):
    if _is_number(x):
        return x * x
    x = _as_array(x)
    return x * x


def _wide(x):
    # NumPy's sum and prod of bools and int32: int64 (the platform's long).
    return x.astype("int64") if x.dtype == "bool" or x.dtype == "int32" else x


def _reduced(t, axis, keepdims):
    return _scalar(t) if axis is None and not keepdims else t


def sum(a, axis=None, dtype=None, keepdims=False):
    a = _as_array(a)
    a = _wide(a) if dtype is None else a.astype(dtype)
    return _reduced(_f.sum(a, axis, keepdim=keepdims), axis, keepdims)


def prod(a, axis=None, dtype=None, keepdims=False):
    a = _as_array(a)
    a = _wide(a) if dtype is None else a.astype(dtype)
    return _reduced(_f.prod(a, axis, keepdim=keepdims), axis, keepdims)


def mean(a, axis=None, dtype=None, keepdims=False):
    a = _as_array(a)
    if dtype is not None:
        a = a.astype(dtype)
    elif not (a.dtype == "float32" or a.dtype == "float64"):
        a = a.astype("float64")
    return _reduced(_f.mean(a, axis, keepdim=keepdims), axis, keepdims)


def max(a, axis=None, keepdims=False):
    return _reduced(_f.max(_as_array(a), axis, keepdim=keepdims), axis, keepdims)


def min(a, axis=None, keepdims=False):
    return _reduced(_f.min(_as_array(a), axis, keepdim=keepdims), axis, keepdims)


def argmax(a, axis=None, keepdims=False):
    a = _as_array(a)
    if axis is None:
        return int(_f.argmax(a))
    return _f.argmax(a, axis, keepdim=keepdims)


def argmin(a, axis=None, keepdims=False):
    a = _as_array(a)
    if axis is None:
        return int(_f.argmin(a))
    return _f.argmin(a, axis, keepdim=keepdims)


def _binary(kernel, a, b):
    if _is_number(a) and _is_number(b):
        return _scalar(kernel(_f.to_tensor(a, _kind(a)), _f.to_tensor(b, _kind(b))))
    if isinstance(a, (list, tuple)):
        a = array(a)
    if isinstance(b, (list, tuple)):
        b = array(b)
    if not isinstance(a, Tensor):
        a = _f.to_tensor(a, _with_array(a, b.dtype))
    if not isinstance(b, Tensor):
        b = _f.to_tensor(b, _with_array(b, a.dtype))
    return kernel(a, b)


def _with_array(number, dtype):
    # NumPy's dtype for a Python number with an array of `dtype`: the
    # array's, unless the number is of a wider kind (a float with ints).
    if isinstance(number, bool) or (isinstance(number, int) and dtype != "bool"):
        return dtype
    if isinstance(number, int):
        return "int64"
    return dtype if dtype == "float32" or dtype == "float64" else "float64"


def maximum(x1, x2):
    return _binary(_f.maximum, x1, x2)


def minimum(x1, x2):
    return _binary(_f.minimum, x1, x2)


def power(x1, x2):
    return _binary(_f.pow, x1, x2)


def where(condition, x, y):
    return _f.where(_as_array(condition), x, y)


def clip(a, a_min, a_max):
    return _f.clip(_as_array(a), a_min, a_max)


def reshape(a, newshape, order="C"):
    return _f.reshape(_as_array(a), newshape)


def transpose(a, axes=None):
    a = _as_array(a)
    if axes is None:
        axes = list(range(len(a.shape)))[::-1]
    return _f.transpose(a, axes)


def expand_dims(a, axis):
    return _f.unsqueeze(_as_array(a), axis)


def squeeze(a, axis=None):
    return _f.squeeze(_as_array(a), axis)


def _promoted(a, b):
    # NumPy's dtype for arrays of dtypes a and b: float32 with an int is float64.
    if a == b or b == "bool":
        return a
    if a == "bool":
        return b
    if a == "float64" or b == "float64" or a == "float32" or b == "float32":
        return "float64"
    return "int64"


def _joined(arrays):
    # The arrays in NumPy's common dtype, as concatenate and stack take them.
    arrays = [_as_array(a) for a in arrays]
    dtype = arrays[0].dtype
    for a in arrays[1:]:
        dtype = _promoted(dtype, a.dtype)
    return [a.astype(dtype) for a in arrays]


def concatenate(arrays, axis=0):
    return _f.concat(_joined(arrays), axis)


def stack(arrays, axis=0):
    return _f.stack(_joined(arrays), axis)


def append(arr, values, axis=None):
    arr, values = _joined([arr, values])
    if axis is None:
        return _f.concat([_f.reshape(arr, [-1]), _f.reshape(values, [-1])])
    return _f.concat([arr, values], axis)


def triu(m, k=0):
    return _f.triu(_as_array(m), k)


def tril(m, k=0):
    return _f.tril(_as_array(m), k)


FUNCTIONS = {np.asarray: array, np.absolute: abs, np.amax: max, np.amin: min,
             **{getattr(np, fn.__name__): fn for fn in (
                 full, zeros, ones, arange, array, abs, square, sum, prod, mean, max, min, argmax,
                 argmin, maximum, minimum, power, where, clip, reshape, transpose, expand_dims,
                 squeeze, concatenate, stack, append, triu, tril)},
             **{getattr(np, kernel.__name__): _float_ufunc(kernel) for kernel in (
                 _f.sqrt, _f.exp, _f.log, _f.tanh, _f.sin, _f.cos, _f.floor, _f.ceil)}}
"""The NumPy functions compiled code calls as the functions above."""
