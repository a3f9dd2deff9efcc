"""NumPy's array constructors in compiled code, where an array is a tensor
(see numpy_values): `np.full([batch, beam], eos, dtype="int64")` of values
known only once specialized. Written over dy2st's operations with NumPy's
dtype rules (a Python float gives float64, an int int64), in the Python
compiled code supports; the importer converts and inlines them as it does
pybuiltins. A NumPy dtype given as a class (np.float32) arrives as its name."""
import numpy as np

from ..eager.functional import arange as _arange, full as _full, to_tensor as _to_tensor
from ..eager.tensor import Tensor


def _kind(value):
    if isinstance(value, bool):
        return "bool"
    return "int64" if isinstance(value, int) else "float64"


def full(shape, fill_value, dtype=None, order="C"):
    return _full(shape, fill_value, _kind(fill_value) if dtype is None else dtype)


def zeros(shape, dtype=None, order="C"):
    return _full(shape, 0, "float64" if dtype is None else dtype)


def ones(shape, dtype=None, order="C"):
    return _full(shape, 1, "float64" if dtype is None else dtype)


def arange(start, stop=None, step=1, dtype=None):
    if stop is None:
        start, stop = 0, start
    if dtype is None:
        dtype = "float64" if "float64" in (_kind(start), _kind(stop), _kind(step)) else "int64"
    return _arange(start, stop, step, dtype)


def array(object, dtype=None, copy=True):
    if dtype is None and not isinstance(object, Tensor) and \
            _to_tensor(object).dtype == "float32":
        dtype = "float64"  # Python floats: NumPy's float64, not Paddle's float32
    return _to_tensor(object, dtype)


CONSTRUCTORS = {np.full: full, np.zeros: zeros, np.ones: ones, np.arange: arange,
                np.array: array, np.asarray: array}
"""The NumPy functions compiled code calls as the functions above."""
