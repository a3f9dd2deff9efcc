# RUN: %python %s | FileCheck %s
# A call of another Python function imports it too, binds its parameters at
# the call site (keywords, defaults); lambdas and nested defs likewise.
import dy2st as paddle


def helper(a, scale=2.0):
    return a * scale


def caller(x):
    def inner(y):
        return y + 1

    square = lambda v: v * v  # noqa: E731
    return helper(x), helper(scale=3, a=x), square(x), inner(x)


print(paddle.jit.to_static(caller).code)

# CHECK-LABEL: pydy.func @"caller"
# CHECK:      %[[L:.*]] = pydy.lambda ["v"] : !pydy.object {
# CHECK:        pydy.binary mul
# CHECK:      pydy.store "square", %[[L]]
# CHECK:      %[[D:.*]] = pydy.constant 2.0 : f64
# CHECK:      pydy.call @"helper__2"(%{{.*}}, %[[D]]) : (!pydy.object, f64) -> !pydy.object
# CHECK:      %[[K:.*]] = pydy.constant 3 : i64
# CHECK:      pydy.call @"helper__2"(%{{.*}}, %[[K]]) : (!pydy.object, i64) -> !pydy.object
# CHECK:      pydy.call_value %{{.*}}(%{{.*}}) : !pydy.object, (!pydy.object) -> !pydy.object
# CHECK:      pydy.call @"caller_inner__3"
# CHECK-LABEL: pydy.func @"helper__2"(%arg0: !pydy.object {pydy.name = "a"}, %arg1: !pydy.object {pydy.name = "scale"})
# CHECK-LABEL: pydy.func @"caller_inner__3"(%arg0: !pydy.object {pydy.name = "y"})
