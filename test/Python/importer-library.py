# RUN: %python %s | FileCheck %s
# Library calls: a primitive of the op table is a `pydy.lib_call` (a `*name`
# parameter gets the remaining arguments as one tuple); a composite is a call of
# its converted Python function, also as a tensor method; isinstance asks the
# specialization; `...` is a constant the tensor index reads.
import numpy as np

import dy2st as paddle


def library(x, y):
    a = paddle.einsum("ij,jk->ik", x, y)
    b = paddle.nn.functional.softmax(a, axis=-1)
    c = b.t()
    d = isinstance(x, (list, paddle.Tensor))
    return a, c, d, x[..., 0]


print(paddle.jit.to_static(library).code)

# CHECK-LABEL: pydy.func @"library"
# CHECK: %[[EQ:.*]] = pydy.constant "ij,jk->ik"
# CHECK: %[[OPS:.*]] = pydy.tuple %{{.*}}, %{{.*}} : (!pydy.object, !pydy.object) -> !pydy.object
# CHECK: pydy.lib_call "einsum"(%[[EQ]], %[[OPS]]) : (!pydy.str, !pydy.object) -> !pydy.object
# CHECK: pydy.call @"softmax__{{[0-9]+}}"
# CHECK: pydy.call @"t__{{[0-9]+}}"
# CHECK: %[[NAMES:.*]] = pydy.constant "list,Tensor"
# CHECK: pydy.call_method %{{.*}}, "__isinstance__"(%[[NAMES]])
# CHECK: pydy.constant "..."
# CHECK-LABEL: pydy.func @"softmax__{{[0-9]+}}"
# CHECK: pydy.lib_call "max"
# CHECK: pydy.lib_call "exp"
# CHECK: pydy.lib_call "sum"


def python_types_as_dtypes(x):
    return x.astype(float), paddle.zeros([2], dtype=int), x.astype(bool)


print(paddle.jit.to_static(python_types_as_dtypes).code)

# Python's types given as dtypes are NumPy's names of them (float is float64).
# CHECK-LABEL: pydy.func @"python_types_as_dtypes"
# CHECK: pydy.constant "float64"
# CHECK: pydy.constant "int64"
# CHECK: pydy.constant "bool"


def made_under_float64(x):
    return x + paddle.zeros([2])


paddle.set_default_dtype("float64")
print(paddle.jit.to_static(made_under_float64).code)
paddle.set_default_dtype("float32")

# Under paddle.set_default_dtype("float64") the module says so, for the
# type rules of tensors made without a dtype.
# CHECK: module attributes {pydy.default_float = "float64"}
# CHECK: pydy.func @"made_under_float64"


WIDE = np.float64(2.0)


def numpy_scalar_tensor():
    return paddle.to_tensor(WIDE)


print(paddle.jit.to_static(numpy_scalar_tensor).code)

# to_tensor of a NumPy scalar known when converting is given its dtype.
# CHECK-LABEL: pydy.func @"numpy_scalar_tensor"
# CHECK: %[[DTYPE:.*]] = pydy.constant "float64"
# CHECK: pydy.lib_call "to_tensor"(%{{.*}}, %[[DTYPE]])
