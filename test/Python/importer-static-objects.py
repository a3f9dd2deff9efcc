# RUN: %python %s | FileCheck %s
# Compile-time objects in the importer: a local assigned once may name a
# layer (`layer = self.blocks[0]`), enumerate() over a LayerList runs as
# Python does (one copy of the body per layer, the index a literal), a tuple
# of strings is a value, and isinstance() of a layer or with a user class is
# answered when importing.
import numpy as np

import dy2st as paddle


class Pair(tuple):
    """A tuple subclass (not a namedtuple): compiled tuples cannot be told from it."""

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


# An instance made in compiled code takes a module's constant and a number a
# layer holds as compile-time arguments: its attributes fold.
class Config:
    def __init__(self, size, scale):
        self.size = size
        self.scale = scale


SIZE = 4


class Holder(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.scale = 0.5

    def forward(self, x):
        config = Config(SIZE, scale=self.scale)
        return x * config.scale + config.size


print(paddle.jit.to_static(Holder().forward).code)

# CHECK-LABEL: pydy.func @"forward"
# CHECK: %[[SCALE:.*]] = pydy.constant 0.5 : f64
# CHECK: pydy.binary mul %{{.*}}, %[[SCALE]]
# CHECK: %[[SIZE:.*]] = pydy.constant 4 : i64
# CHECK: pydy.binary add %{{.*}}, %[[SIZE]]


# A Sequential of (name, layer) pairs iterates its layers as Python does; a
# literal slice of it is a Sequential made when importing, its len() a
# constant; a NumPy call of an attribute computes a constant tensor.
class Stack(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.width = 3
        self.body = paddle.nn.Sequential(("fc", paddle.nn.Linear(3, 3)),
                                         ("act", paddle.nn.ReLU()))

    def forward(self, x):
        y = self.body[1:](x) * len(self.body)
        return self.body(y) + paddle.to_tensor(np.ones([self.width], "float32"))


print(paddle.jit.to_static(Stack().forward).code)

# CHECK-LABEL: pydy.func @"forward"
# CHECK: pydy.call @"Sequential_forward__[[TAIL:[0-9]+]]"
# CHECK: %[[LEN:.*]] = pydy.constant 2 : i64
# CHECK: pydy.binary mul %{{.*}}, %[[LEN]]
# CHECK: pydy.call @"Sequential_forward__
# CHECK-NOT: pydy.call @"Sequential_forward__[[TAIL]]"
# CHECK: %[[ONES:.*]] = pydy.load "self.value"
# CHECK: pydy.lib_call "to_tensor"(%[[ONES]])
# CHECK: pydy.func @"Sequential_forward__[[TAIL]]"
# CHECK-NEXT: pydy.load "x"
# CHECK-NEXT: pydy.call @"ReLU_forward
# CHECK-NEXT: pydy.store "x"
# CHECK-NEXT: pydy.load "x"
# CHECK-NEXT: pydy.return


# A layer of a Python list called by an index known only when running: the
# call of each layer under `i == k` (or `i == k - len`); under a loop over a
# range known when converting and within the list, the last needs no test and
# nothing raises; otherwise the chain ends in IndexError.
class Cells(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.n = 2
        self.cells = [self.add_sublayer(f"c{i}", paddle.nn.ReLU()) for i in range(2)]

    def forward(self, x, k):
        for i in range(self.n):
            x = self.cells[i](x)
        return self.cells[k](x)


print(paddle.jit.to_static(Cells().forward).code)

# CHECK-LABEL: pydy.func @"forward"
# CHECK: pydy.for_range
# CHECK: pydy.store "[[I:star\.[0-9]+]]"
# CHECK: %[[AT:.*]] = pydy.load "[[I]]"
# CHECK: pydy.compare eq %[[AT]], %{{.*}}
# CHECK: pydy.if
# CHECK: pydy.call @"ReLU_forward
# CHECK: } else {
# CHECK-NOT: list_index_error
# CHECK: pydy.call @"ReLU_forward
# CHECK: pydy.store "[[K:star\.[0-9]+]]"
# CHECK: pydy.call @"list_index_error


# Tensors a layer keeps in a Python list, read at a loop's index: the list as
# a value of its items (each an input), subscripted where the index is known.
class Weights(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.ws = [self.add_parameter(f"w{i}", self.create_parameter([2, 2])) for i in range(2)]

    def forward(self, x):
        for k in range(len(self.ws)):
            x = x @ self.ws[k]
        return x


print(paddle.jit.to_static(Weights().forward).code)

# (len() of it is the list's, known once specialized.)
# CHECK-LABEL: pydy.func @"forward"
# CHECK: %[[N:.*]] = pydy.len
# CHECK: pydy.for_range %{{.*}}, %[[N]]
# CHECK: %[[W0:.*]] = pydy.load "self.ws[0]"
# CHECK: %[[W1:.*]] = pydy.load "self.ws[1]"
# CHECK: %[[WS:.*]] = pydy.list %[[W0]], %[[W1]]
# CHECK: pydy.subscript %[[WS]][


# A loop over a LayerDict (its names, items or values) runs as Python does:
# one copy of the body per layer, the name a literal that indexes the dict.
class Heads(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.heads = paddle.nn.LayerDict({"relu": paddle.nn.ReLU(), "tanh": paddle.nn.Tanh()})

    def forward(self, x):
        for name in self.heads:
            x = self.heads[name](x)
        for name, head in self.heads.items():
            x = head(x) * len(name)
        return x


print(paddle.jit.to_static(Heads().forward).code)

# CHECK-LABEL: pydy.func @"forward"
# CHECK: pydy.constant "relu"
# CHECK: pydy.call @"ReLU_forward
# CHECK: pydy.constant "tanh"
# CHECK: pydy.call @"Tanh_forward
# CHECK: pydy.constant "relu"
# CHECK: pydy.call @"ReLU_forward
# CHECK: pydy.len
# CHECK: pydy.constant "tanh"
# CHECK: pydy.call @"Tanh_forward
# CHECK: pydy.len


# A comprehension over a container of layers a local name holds unrolls as a
# loop over it does: one call per layer.
class Branches(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.branches = paddle.nn.LayerList([paddle.nn.ReLU(), paddle.nn.Tanh()])

    def forward(self, x):
        branches = self.branches
        return [branch(x) for branch in branches]


print(paddle.jit.to_static(Branches().forward).code)

# CHECK-LABEL: pydy.func @"forward"
# CHECK-NOT: pydy.for_in
# CHECK: pydy.call @"ReLU_forward
# CHECK: pydy.call_method {{.*}}"append"
# CHECK: pydy.call @"Tanh_forward
# CHECK: pydy.call_method {{.*}}"append"


# A layer without parameters made in forward (`nn.Pad2D([...])(x)`) is made
# when importing, from literals and attributes (guarded): a call of its
# forward, its padding folded in.
class PadInForward(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.padding = [1, 0, 2, 1]

    def forward(self, x):
        return paddle.nn.Pad2D(self.padding, mode="reflect")(x)


print(paddle.jit.to_static(PadInForward().forward).code)

# CHECK-LABEL: pydy.func @"forward"
# CHECK: pydy.call @"_Pad_forward__{{[0-9]+}}"
# CHECK-LABEL: pydy.func @"_Pad_forward
# CHECK: %[[PADS:.*]] = pydy.list
# CHECK: %[[MODE:.*]] = pydy.constant "reflect"
# CHECK: pydy.lib_call "pad"(%{{.*}}, %[[PADS]], %[[MODE]]


# An attribute assigned only to the layers of one class (under isinstance(),
# Paddle's test_isinstance) is threaded through every call; where the layer
# lacks it, its variable starts as None (not written back while still None).
class Plain(paddle.nn.Layer):
    def forward(self, x):
        return x


class WithAttr(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.attr = None

    def forward(self, x):
        return x + self.attr


class Mixed(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.layers = paddle.nn.LayerList([Plain(), WithAttr()])

    def forward(self, x):
        for layer in self.layers:
            if isinstance(layer, WithAttr):
                layer.attr = x
            x = layer(x)
        return x


print(paddle.jit.to_static(Mixed().forward).code)

# (The plain layer's attribute is the first assigned, with the flag of one
# the layer lacks, False; the other's third, which starts as its None.)
# CHECK-LABEL: pydy.func @"forward"
# CHECK-NEXT: %[[NONE:.*]] = pydy.constant none
# CHECK-NEXT: pydy.store "attribute.0.attr", %[[NONE]]
# CHECK-NEXT: %[[LACKS:.*]] = pydy.constant false
# CHECK-NEXT: pydy.store "attribute.1.attr#bound", %[[LACKS]]
# CHECK-NEXT: %[[HELD:.*]] = pydy.constant none
# CHECK-NEXT: pydy.store "attribute.2.attr", %[[HELD]]


class Optional(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.down = paddle.nn.ReLU()

    def forward(self, x):
        if self.down:
            x = self.down(x)
        return x * 2.0 if not self.down else x


print(paddle.jit.to_static(Optional().forward).code)

# A test that is a compile-time object (a sublayer, true; None, false) picks
# its branch when importing: no pydy.if, the other branch not converted.
# CHECK-LABEL: pydy.func @"forward"
# CHECK-NOT: pydy.if
# CHECK: pydy.call @"ReLU_forward
# CHECK-NOT: pydy.binary mul
# CHECK: pydy.return
