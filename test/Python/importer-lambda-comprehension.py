# RUN: %python %s | FileCheck %s
# A comprehension in a lambda is a call of a nested def that returns it, with
# the lambda's parameters it reads passed; the lambda stays a value.
import dy2st as paddle


def scaled(x):
    fns = [lambda t: paddle.stack([t * k for k in range(2)])]
    return fns[0](x)


print(paddle.jit.to_static(scaled).code)

# CHECK-LABEL: pydy.func @"scaled"
# CHECK: pydy.lambda ["t"]
# CHECK: %[[T:.*]] = pydy.load "t"
# CHECK: pydy.call @"[[DEF:scaled__dy2st_in_lambda_1__[0-9]+]]"(%[[T]])
# CHECK: pydy.call_value
# CHECK: pydy.func @"[[DEF]]"
# CHECK-SAME: {pydy.name = "t"}
# CHECK: pydy.for_range
# CHECK: pydy.call_method %{{.*}}, "append"
