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


# In a lambda inside a comprehension, the comprehension's variable the inner
# one reads is passed to its def like the lambda's parameters (renamed, as the
# outer comprehension's variables are).
def called_in_a_comprehension(x):
    return [(lambda t: paddle.stack([t * k + i for k in range(2)]))(x) for i in range(3)]


print(paddle.jit.to_static(called_in_a_comprehension).code)

# CHECK-LABEL: pydy.func @"called_in_a_comprehension"
# CHECK: pydy.for_range
# CHECK: pydy.lambda ["t"]
# CHECK: %[[I:.*]] = pydy.load "[[OUTER:_dy2st_i_[0-9]+]]"
# CHECK: %[[T:.*]] = pydy.load "t"
# CHECK: pydy.call @"[[DEF:called_in_a_comprehension__dy2st_in_lambda_[0-9]+__[0-9]+]]"(%[[I]], %[[T]])
# CHECK: pydy.func @"[[DEF]]"
# CHECK-SAME: {pydy.name = "i"}
# CHECK-SAME: {pydy.name = "t"}
