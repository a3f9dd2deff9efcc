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


def conditional(x, flag):
    return [x] if flag else [x * 2.0 for _ in range(2)]


print(paddle.jit.to_static(conditional).code)

# Under a conditional expression it runs only in its branch: the expression
# is an `if` statement filling a hidden name.
# CHECK-LABEL: pydy.func @"conditional"
# CHECK: pydy.if
# CHECK: pydy.store "[[IFEXP:_dy2st_ifexp_[0-9]+]]"
# CHECK: } else {
# CHECK: pydy.store "[[COMP:_dy2st_comprehension_[0-9]+]]"
# CHECK: pydy.for_range
# CHECK: pydy.load "[[COMP]]"
# CHECK: pydy.store "[[IFEXP]]"
# CHECK: pydy.load "[[IFEXP]]"
