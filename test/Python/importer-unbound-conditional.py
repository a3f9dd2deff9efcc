# RUN: %python %s | FileCheck %s
# A read of a possibly unbound variable that may not run (in a conditional
# expression, right of and/or) is checked where it runs: the test of its flag
# is inside the branch; `and`/`or` with such a read become ifs on a hidden
# variable (a pydy.logical region holds no statements).
import dy2st as paddle


def reads(x):
    if x.sum() > 0:
        y = x
    z = y if x[0] > 1 else x
    if x[1] > 0 and y[0] > 1:
        z = z + 1
    return z


print(paddle.jit.to_static(reads).code)

# CHECK-LABEL: pydy.func @"reads"
# CHECK: pydy.store "_dy2st_bound_y", %{{.*}} : i1
# CHECK: pydy.subscript
# CHECK: pydy.if %{{.*}} : !pydy.object {
# CHECK-NEXT: %[[FLAG:.*]] = pydy.load "_dy2st_bound_y"
# CHECK-NEXT: %[[UNBOUND:.*]] = pydy.unary not %[[FLAG]]
# CHECK-NEXT: pydy.if %[[UNBOUND]]
# CHECK-NEXT: pydy.raise "UnboundLocalError"
# CHECK: pydy.load "y" {checked}
# CHECK: pydy.store "ifexp.1"
# CHECK: pydy.store "boolop.2"
# CHECK: %[[B:.*]] = pydy.load "boolop.2"
# CHECK-NEXT: pydy.if %[[B]]
# CHECK-NEXT: pydy.load "_dy2st_bound_y"
# CHECK-NOT: pydy.logical
