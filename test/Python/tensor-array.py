# RUN: %python %s | FileCheck %s
# A list that grows in a loop with a tensor condition: the importer emits list
# methods on variables; specialization carries a tensor array through the
# loop; the lowering keeps a buffer and a length in the loop.
import numpy as np

import dy2st as paddle


def collect(x, n):
    out = []
    i = paddle.to_tensor(0)
    while i < n:
        out.append(x * i)
        i = i + 1
    return paddle.stack(out), out[i - 1]


fn = paddle.jit.to_static(collect)
print(fn.code)
fn(paddle.to_tensor(np.ones([4], "float32")), paddle.to_tensor(3))
print(fn.mlir("specialized"))
print(fn.mlir("core"))

# CHECK-LABEL: pydy.func @"collect"
# CHECK:       pydy.list : () -> !pydy.object
# CHECK:       pydy.while
# CHECK:         pydy.call_method %{{.*}}, "append"(%{{.*}}) : !pydy.object, (!pydy.object) -> (!pydy.object, !pydy.object)
# CHECK:         pydy.store "out"

# The empty list before the loop joins with the longer one after an
# iteration: the loop carries a tensor array, created from the empty list.
# CHECK-LABEL: pydy.func @collect
# CHECK:       %[[EMPTY:.*]] = tensor_array.create : !tensor_array.array<tensor<4xf32>>
# CHECK:       %[[LOOP:.*]]:2 = pydy.while(%[[EMPTY]], %{{.*}} : !tensor_array.array<tensor<4xf32>>, tensor<i64>)
# CHECK:         tensor_array.append %{{.*}}, %{{.*}} : !tensor_array.array<tensor<4xf32>>
# paddle.stack of an empty list is eager's ValueError at run time.
# CHECK:       tensor_array.stack %[[LOOP]]#0 {empty_error = "need at least one array to stack"} : !tensor_array.array<tensor<4xf32>> -> tensor<?x4xf32>
# A tensor index reads at run time.
# CHECK:       %[[I:.*]] = pydy.unary to_int %{{.*}} : (tensor<i64>) -> i64
# CHECK:       tensor_array.read %[[LOOP]]#0[%[[I]]] : !tensor_array.array<tensor<4xf32>>

# CHECK-LABEL: func.func @collect
# CHECK:       scf.while (%{{.*}} = %{{.*}}, %{{.*}} = %{{.*}}) : (!tensor_array.array<tensor<4xf32>>, tensor<i64>)
