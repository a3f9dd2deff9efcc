# RUN: %python %s | FileCheck %s
# A comprehension becomes the loop Python runs for it, before its statement:
# a hidden list, a `for` (with the filter as an `if`) appending to it, and
# renamed loop variables (they do not leak, as in Python 3).
import dy2st as paddle


def doubled(x, n):
    i = 7
    ys = [x * i for i in range(n) if i != 1]
    return ys, i


print(paddle.jit.to_static(doubled).code)

# CHECK-LABEL: pydy.func @"doubled"
# CHECK: %[[EMPTY:.*]] = pydy.list  : () -> !pydy.object
# CHECK: pydy.store "_dy2st_comprehension_1", %[[EMPTY]]
# CHECK: pydy.for_range
# CHECK: pydy.store "_dy2st_i_2"
# CHECK: pydy.if
# CHECK: pydy.call_method {{.*}}"append"
# CHECK: pydy.load "_dy2st_comprehension_1"
# CHECK: pydy.store "ys"
# CHECK: pydy.load "i"
