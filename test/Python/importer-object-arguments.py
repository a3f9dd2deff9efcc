# RUN: %python %s 2>/dev/null | FileCheck %s
# Objects given as arguments (a layer, a function, a config object, a list of
# layers) are compiled for, as globals of the entry wrapper: a layer's forward
# is inlined with its weights read through the argument's name, a config's
# numbers fold to constants, and a global config object's too.
import numpy as np

import dy2st as paddle


class Config:
    def __init__(self):
        self.scale = 3.0


def apply(x, head, act, cfg, blocks):
    for block in blocks:
        x = block(x)
    return act(head(x)) * cfg.scale


GLOBAL_CONFIG = Config()


def scaled(x):
    return x * GLOBAL_CONFIG.scale


paddle.jit.set_code_level(also_to_stdout=True)
x = paddle.to_tensor(np.ones((2, 4), "float32"))
paddle.jit.to_static(apply)(x, paddle.nn.Linear(4, 2), paddle.nn.functional.relu, Config(),
                            [paddle.nn.ReLU(), paddle.nn.Tanh()])

# The head's weight and bias are inputs of the program (the layer's own
# names), read through the argument at every call.
# CHECK-LABEL: apply_entry as converted:
# CHECK: pydy.func @"apply_entry"(%{{.*}}: !pydy.object {pydy.name = "x"}
# CHECK-SAME: %{{.*}}: !pydy.object {pydy.name = "self.weight"}
# CHECK-SAME: %{{.*}}: !pydy.object {pydy.name = "self.bias"}
# CHECK: pydy.func @"apply__2"
# CHECK: pydy.call @"ReLU_forward
# CHECK: pydy.call @"Tanh_forward
# CHECK: pydy.call @"Linear_forward
# CHECK: pydy.lib_call "relu"
# CHECK: pydy.constant 3.0
# CHECK: pydy.binary mul
paddle.jit.to_static(scaled)(x)

# CHECK-LABEL: dy2st: scaled as converted:
# CHECK: pydy.constant 3.0
# CHECK: pydy.binary mul


class Counter:
    calls = 0


def counted(x):
    Counter.calls += 1
    GLOBAL_CONFIG.scale = GLOBAL_CONFIG.scale + 1.0
    return x * Counter.calls


paddle.jit.to_static(counted)(x)

# An attribute of a class or of a global object that the function assigns is
# threaded like a layer's: read at the start, given back with the result
# (then written to the object).
# CHECK-LABEL: dy2st: counted as converted:
# CHECK: pydy.load "attribute.0.calls"
# CHECK: pydy.binary add
# CHECK: pydy.store "attribute.0.calls"
# CHECK: pydy.store "attribute.1.scale"
# CHECK: pydy.tuple %{{.*}}, %{{.*}}, %{{.*}} :
# CHECK-NEXT: pydy.return


class Kept:
    act = None


def kept_function(x):
    if Kept.act is None:
        Kept.act = paddle.tanh
    return Kept.act(x)


paddle.jit.to_static(kept_function)(x)

# A function assigned to an attribute: a lambda calling it, for the calls,
# and a tag (its index in the unit's functions) threaded beside it; the entry
# gives back None for the attribute and the tag, which says which function to
# write back.
# CHECK-LABEL: dy2st: kept_function as converted:
# CHECK: pydy.store "attribute.0.act"
# CHECK: pydy.constant -1 : i64
# CHECK-NEXT: pydy.store "attribute.1.act#object"
# CHECK: pydy.lambda
# CHECK: pydy.store "attribute.0.act"
# CHECK: pydy.constant 0 : i64
# CHECK-NEXT: pydy.store "attribute.1.act#object"
# CHECK: pydy.call_value
# CHECK: %[[NONE:.*]] = pydy.constant none
# CHECK-NEXT: %[[TAG:.*]] = pydy.load "attribute.1.act#object"
# CHECK-NEXT: pydy.tuple %{{.*}}, %[[NONE]], %[[TAG]]
