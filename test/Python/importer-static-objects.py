# RUN: %python %s | FileCheck %s
# Compile-time objects in the importer: a local assigned once may name a
# layer (`layer = self.blocks[0]`), enumerate() over a LayerList runs as
# Python does (one copy of the body per layer, the index a literal), a tuple
# of strings is a value, and isinstance() of a layer or with a user class is
# answered when importing.
import collections

import dy2st as paddle

Pair = collections.namedtuple("Pair", ["a", "b"])
MODES = ("sum", "max")


class Blocks(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.blocks = paddle.nn.LayerList([paddle.nn.Linear(2, 2), paddle.nn.ReLU()])

    def forward(self, x, k):
        first = self.blocks[0]
        x = first(x)
        for i, block in enumerate(self.blocks, 1):
            x = block(x) * i
        mode = MODES[k]
        return x, mode, isinstance(first, paddle.nn.Linear), isinstance(x, Pair)


print(paddle.jit.to_static(Blocks().forward).code)

# CHECK-LABEL: pydy.func @"forward"
# CHECK: pydy.call @"Linear_forward__2"
# enumerate(..., 1) is enumerate(...) with 1 added to the index.
# CHECK: %[[ZERO:.*]] = pydy.constant 0 : i64
# CHECK: pydy.store "[[INDEX:_dy2st_index_.*]]", %[[ZERO]]
# CHECK: %[[I0:.*]] = pydy.load "[[INDEX]]"
# CHECK: %[[START0:.*]] = pydy.constant 1 : i64
# CHECK: pydy.binary add %[[I0]], %[[START0]]
# CHECK: pydy.call @"Linear_forward__2"
# CHECK: %[[ONE:.*]] = pydy.constant 1 : i64
# CHECK: pydy.store "[[INDEX]]", %[[ONE]]
# CHECK: pydy.call @"ReLU_forward__3"
# CHECK: %[[SUM:.*]] = pydy.constant "sum"
# CHECK: %[[MAX:.*]] = pydy.constant "max"
# CHECK: %[[MODES:.*]] = pydy.tuple %[[SUM]], %[[MAX]] : (!pydy.str, !pydy.str)
# CHECK: pydy.subscript %[[MODES]][
# CHECK: pydy.constant true
# CHECK: %[[CLASS:.*]] = pydy.constant "~tuple"
# CHECK: pydy.call_method {{.*}}"__isinstance__"(%[[CLASS]])
