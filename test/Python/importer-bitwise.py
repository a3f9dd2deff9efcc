# RUN: %python %s | FileCheck %s
# `&`, `|` and `^` are Paddle's bitwise operations (logical on bool masks):
# library calls of bitwise_and, bitwise_or and bitwise_xor.
import dy2st as paddle


def masks(x, y):
    return (x > 0) & (y > 0), (x > 1) | (y < 1), (x > 0) ^ (y > 0)


print(paddle.jit.to_static(masks).code)

# CHECK-LABEL: pydy.func @"masks"
# CHECK: pydy.lib_call "bitwise_and"(%{{.*}}, %{{.*}}) : (!pydy.object, !pydy.object) -> !pydy.object
# CHECK: pydy.lib_call "bitwise_or"(%{{.*}}, %{{.*}}) : (!pydy.object, !pydy.object) -> !pydy.object
# CHECK: pydy.lib_call "bitwise_xor"(%{{.*}}, %{{.*}}) : (!pydy.object, !pydy.object) -> !pydy.object
