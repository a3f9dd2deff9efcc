# RUN: %python %s | FileCheck %s
# Operators, comparisons (chains become lazy `and`), boolean operators with a
# lazy right operand, subscripts and slices, displays, literals.
import dy2st as paddle


def expressions(a, b):
    c = a + b * 2 - a / b // 3 % 4 ** 2 @ b
    d = -a if not b else +a
    e = 0 < a <= b
    f = a and b or c
    g = a[1:, -1], a[0]
    h = [1, 2.5, True, None, "s"]
    c += 1
    return c, d, e, f, g, h


print(paddle.jit.to_static(expressions).code)

# CHECK-LABEL: pydy.func @"expressions"
# Python precedence: ((((a / b) // 3) % (4 ** 2)) @ b), then a + b * 2 - that.
# CHECK:     pydy.binary mul
# CHECK:     pydy.binary add
# CHECK:     pydy.binary div
# CHECK:     pydy.binary floordiv
# CHECK:     pydy.binary pow
# CHECK:     pydy.binary mod
# CHECK:     pydy.binary matmul
# CHECK:     pydy.binary sub
# CHECK:     pydy.unary not
# CHECK:     pydy.if
# CHECK:       pydy.unary neg
# CHECK:       pydy.store "ifexp.1"
# CHECK:       pydy.unary pos
# CHECK:     pydy.load "ifexp.1"
# CHECK:     %[[LT:.*]] = pydy.compare lt
# CHECK:     pydy.logical and %[[LT]] : !pydy.object -> !pydy.object {
# CHECK:       pydy.compare le
# CHECK:     pydy.logical and
# CHECK:       pydy.load "b"
# CHECK:     pydy.logical or
# CHECK:       pydy.load "c"
# CHECK:     %[[NONE:.*]] = pydy.constant none
# CHECK:     pydy.slice %{{.*}}, %[[NONE]], %{{.*}} : i64, !pydy.none, !pydy.none
# CHECK:     %[[M1:.*]] = pydy.constant -1 : i64
# CHECK:     pydy.tuple %{{.*}}, %[[M1]] : (!pydy.slice, i64) -> !pydy.object
# CHECK:     pydy.subscript
# CHECK:     pydy.constant 1 : i64
# CHECK:     pydy.constant 2.5 : f64
# CHECK:     pydy.constant true
# CHECK:     pydy.constant none
# CHECK:     pydy.constant "s"
# CHECK:     pydy.list {{.*}} : (i64, f64, i1, !pydy.none, !pydy.str) -> !pydy.object
# CHECK:     pydy.binary add
# CHECK:     pydy.store "c"


def best(x):
    d = {1: 5, 2: 3}
    return max(d, key=d.get), x


print(paddle.jit.to_static(best).code)

# `d.get` as a value (`key=d.get`): a lambda calling it.
# CHECK-LABEL: pydy.func @"best"
# CHECK:     %[[GET:.*]] = pydy.lambda ["_dy2st_key"]
# CHECK:       %[[D:.*]] = pydy.load "d"
# CHECK:       %[[K:.*]] = pydy.load "_dy2st_key"
# CHECK:       pydy.call_method %[[D]], "get"(%[[K]])
# CHECK:     pydy.call @"max___{{[0-9]+}}"(%{{.*}}, %[[GET]])
