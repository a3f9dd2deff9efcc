"""paddle.tensor: the tensor type and the tensor functions (Paddle keeps the
TensorArray functions here too)."""
from ..eager.functional import (array_length, array_read, array_write,  # noqa: F401
                               create_array, fill_constant)
from ..eager.primitives import to_tensor  # noqa: F401
from ..eager.tensor import Tensor  # noqa: F401
from . import math  # noqa: F401,E402 (paddle.tensor.math)
