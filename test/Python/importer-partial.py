# RUN: %python %s | FileCheck %s
# A functools.partial object held by the program (FNet keeps
# `partial(paddle.fft.fftn, axes=(1, 2))` as a layer attribute) is a call of
# its function with the stored arguments first: literals as written, other
# objects as they are, a keyword given at the call replacing the stored one.
import functools

import dy2st as paddle


def scaled(x, scale, shift=0.0):
    return x * scale + shift


TWICE = functools.partial(scaled, scale=2.0, shift=1.0)
PAIR_SUM = functools.partial(paddle.sum, axis=(0, 1))


def caller(x):
    return TWICE(x), TWICE(x, shift=5.0), PAIR_SUM(x)


print(paddle.jit.to_static(caller).code)

# CHECK-LABEL: pydy.func @"caller"
# CHECK:      %[[S:.*]] = pydy.constant 2.0 : f64
# CHECK:      %[[H:.*]] = pydy.constant 1.0 : f64
# CHECK:      pydy.call @"scaled__2"(%{{.*}}, %[[S]], %[[H]])
# CHECK:      %[[F:.*]] = pydy.constant 5.0 : f64
# CHECK:      pydy.call @"scaled__2"(%{{.*}}, %{{.*}}, %[[F]])
# CHECK:      pydy.lib_call "sum"(%{{.*}}, %{{.*}}) {kwnames = ["axis"]}
