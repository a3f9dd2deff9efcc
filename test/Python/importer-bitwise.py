# RUN: %python %s | FileCheck %s
# `&`, `|`, `^`, `<<` and `>>` (and their augmented assignments) are Python's
# operators: pydy.binary of the kinds bitand, bitor, bitxor, lshift and
# rshift, Python's on ints and Paddle's on tensors (logical on bool masks).
import dy2st as paddle


def masks(x, y):
    return (x > 0) & (y > 0), (x > 1) | (y < 1), (x > 0) ^ (y > 0)


def shifts(x, n):
    k = n << 2
    k >>= 1
    k &= 7
    return x >> k, 1 << x


print(paddle.jit.to_static(masks).code)
print(paddle.jit.to_static(shifts).code)

# CHECK-LABEL: pydy.func @"masks"
# CHECK: pydy.binary bitand %{{.*}}, %{{.*}} : (!pydy.object, !pydy.object) -> !pydy.object
# CHECK: pydy.binary bitor %{{.*}}, %{{.*}} : (!pydy.object, !pydy.object) -> !pydy.object
# CHECK: pydy.binary bitxor %{{.*}}, %{{.*}} : (!pydy.object, !pydy.object) -> !pydy.object
# CHECK-LABEL: pydy.func @"shifts"
# CHECK: pydy.binary lshift
# CHECK: pydy.binary rshift
# CHECK: pydy.binary bitand
# CHECK: pydy.binary rshift
# CHECK: pydy.binary lshift
