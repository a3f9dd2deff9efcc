# RUN: %python %s | FileCheck %s
# Names are resolved when the function is imported: dy2st functions become
# library calls (with keywords), tensors from outside become extra inputs,
# module-level numbers and dtypes become constants, methods stay methods.
import functools

import dy2st as paddle
import dy2st.nn.functional as F
from dy2st import matmul

WEIGHT = paddle.to_tensor([[1.0, 2.0]])
SCALE = 3
KIND = paddle.float64


def calls(x):
    y = paddle.sum(x, axis=0, keepdim=True)
    z = F.relu(matmul(x, WEIGHT)) * SCALE
    w = paddle.cast(z, KIND)
    n = len(x)
    s = x.mean(axis=1)
    print(n, s, sep=", ")
    return y, w, s


print(paddle.jit.to_static(calls).code)

# CHECK-LABEL: pydy.func @"calls"(%arg0: !pydy.object {pydy.name = "x"}, %arg1: !pydy.object {pydy.name = "WEIGHT"})
# CHECK:     pydy.lib_call "sum"(%{{.*}}, %{{.*}}, %{{.*}}) {kwnames = ["axis", "keepdim"]} : (!pydy.object, i64, i1) -> !pydy.object
# CHECK:     %[[W:.*]] = pydy.load "WEIGHT"
# CHECK:     pydy.lib_call "matmul"(%{{.*}}, %[[W]])
# CHECK:     pydy.lib_call "relu"
# CHECK:     pydy.constant 3 : i64
# CHECK:     pydy.constant "float64"
# CHECK:     pydy.lib_call "cast"
# CHECK:     pydy.len %{{.*}} : !pydy.object -> !pydy.object
# CHECK:     pydy.call_method %{{.*}}, "mean"(%{{.*}}) {kwnames = ["axis"]}
# CHECK:     pydy.print %{{.*}}, %{{.*}} : !pydy.object, !pydy.object {sep = ", "}


# A not_to_static function called for its effects: a run-time callback with
# the values compiled code has (x, i); the constants ("step", None) and the
# keyword stay with the registered call.
@paddle.jit.not_to_static
def record(tag, value, index, note=None):
    pass


def reports(x):
    for i in range(3):
        record("step", x, i, note=None)
    return x


print(paddle.jit.to_static(reports).code)

# CHECK-LABEL: pydy.func @"reports"
# CHECK:     pydy.for_range
# CHECK:       %[[X:.*]] = pydy.load "x"
# CHECK:       %[[I:.*]] = pydy.load "i"
# CHECK:       pydy.py_callback "record#{{[0-9]+}}"(%[[X]], %[[I]] : !pydy.object, !pydy.object)


# A logging call prints to its logger at run time; its record's fields known
# when converting (the user's file, line and function, extra, exc_info) go
# with it as JSON.
import logging  # noqa: E402


def logs(x):
    logging.getLogger("train").warning("loss %.2f", x.sum(), extra={"run": "a"}, exc_info=True)
    return x


print(paddle.jit.to_static(logs).code)

# CHECK-LABEL: pydy.func @"logs"
# CHECK: pydy.print %{{.*}}, %{{.*}} : !pydy.str, !pydy.object {sep = "", logger = "train", level = 30 : i64, record = "{\22file\22: \22{{.*}}importer-calls.py\22, \22line\22: 71, \22function\22: \22logs\22, \22extra\22: {\22run\22: \22a\22}, \22exc_info\22: true}", formats = ["", ":.2f"]}


# Its result used: part of the program (as Paddle's to_static traces such a
# function), a call of it converted like any other.
@paddle.jit.not_to_static
def doubled(value):
    return value * 2


def uses_doubled(x):
    return doubled(x) + 1


print(paddle.jit.to_static(uses_doubled).code)

# CHECK-LABEL: pydy.func @"uses_doubled"
# CHECK-NOT:   pydy.py_callback
# CHECK:       %[[D:.*]] = pydy.call @"doubled{{.*}}"(%{{.*}})
# CHECK:       pydy.binary add %[[D]]
# CHECK-LABEL: pydy.func @"doubled{{.*}} attributes {pydy.qualname = "doubled"}


# An `extra` value known only at run time: an item after the message's, its
# key in the record's extra_items.
def logs_loss(x):
    logging.info("loss", extra={"loss": x.sum(), "run": "b"})
    return x


print(paddle.jit.to_static(logs_loss).code)

# CHECK-LABEL: pydy.func @"logs_loss"
# CHECK: %[[LOSS:[^:]*]]:2 = pydy.call_method %{{.*}}, "sum"
# CHECK: pydy.print %{{.*}}, %[[LOSS]]#0 : !pydy.str, !pydy.object {sep = "", logger = "", level = 20 : i64, record = "{{.*}}\22extra\22: {\22run\22: \22b\22}, \22extra_items\22: [\22loss\22]}"}


# super() of a layer: the parent's method, imported as a method of the same
# object; getattr with a name an attribute gives is that attribute.
class Doubled(paddle.nn.ReLU):
    def __init__(self):
        super().__init__()
        self.name_of_act = "tanh"

    def forward(self, x):
        return super().forward(x) + getattr(F, self.name_of_act)(x)


print(paddle.jit.to_static(Doubled().forward).code)

# CHECK-LABEL: pydy.func @"forward"
# CHECK: pydy.call @"ReLU_forward__{{[0-9]+}}"
# CHECK: pydy.lib_call "tanh"


# math's functions of numbers: pymath's, converted like user functions (a
# kernel on a 0-d float64 tensor, math's domain error where it applies).
import math  # noqa: E402


def scaled(x):
    return x / math.sqrt(x.shape[-1])


print(paddle.jit.to_static(scaled).code)

# CHECK-LABEL: pydy.func @"scaled"
# CHECK: pydy.call @"sqrt__
# CHECK-LABEL: pydy.func @"_domain_error__
# CHECK-NEXT: pydy.raise "ValueError", "math domain error"
# CHECK-LABEL: pydy.func @"_kernel__
# CHECK: pydy.lib_call "to_tensor"
# CHECK: pydy.lib_call "sqrt"
# CHECK-LABEL: pydy.func @"sqrt__
# CHECK: pydy.compare lt
# CHECK: pydy.call @"_domain_error__
# CHECK: pydy.call @"_kernel__


# Paddle's PyTorch-style spellings are the operations' own calls: dim= is
# axis=, sizes given one by one are one list, x.float() a cast.
def spelled(x):
    return x.reshape(2, -1).sum(dim=1) + paddle.zeros(2) + x.float().mean()


print(paddle.jit.to_static(spelled).code)

# CHECK-LABEL: pydy.func @"spelled"
# CHECK: %[[SHAPE:.*]] = pydy.list
# CHECK: pydy.call_method %{{.*}}, "reshape"(%[[SHAPE]])
# CHECK: pydy.call_method %{{.*}}, "sum"(%{{.*}}) {kwnames = ["axis"]}
# CHECK: pydy.lib_call "zeros"
# CHECK: pydy.call @"_float32__


# input=/other= are x=/y=; Paddle 3.3's keyword-only options that are
# compositions (alpha=, rounding_mode=) call the composite, also as methods.
def torch_keywords(x, y):
    return paddle.add(input=x, other=y), x.add(y, alpha=2), paddle.divide(x, y, rounding_mode="floor")


print(paddle.jit.to_static(torch_keywords).code)

# CHECK-LABEL: pydy.func @"torch_keywords"
# CHECK: pydy.lib_call "add"(%{{.*}}, %{{.*}}) {kwnames = ["x", "y"]}
# CHECK: pydy.call @"scaled_add__
# CHECK: pydy.call @"rounded_divide__


# A mapping unpacked into a library call: a dict of constants a layer holds
# becomes the call's keywords (guarded: a change imports again).
class Summed(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.opts = {"axis": 1, "keepdim": True}

    def forward(self, x):
        return paddle.sum(x, **self.opts)


print(paddle.jit.to_static(Summed().forward).code)

# CHECK-LABEL: pydy.func @"forward"
# CHECK: %[[AXIS:.*]] = pydy.constant 1 : i64
# CHECK-NEXT: %[[KEEP:.*]] = pydy.constant true
# CHECK-NEXT: pydy.lib_call "sum"(%{{.*}}, %[[AXIS]], %[[KEEP]]) {kwnames = ["axis", "keepdim"]}


def shifted(x, n):
    if n <= 0:
        return x * WEIGHT
    return shifted(x + WEIGHT, n - 1)


print(paddle.jit.to_static(shifted).code)

# A recursive function reading a tensor from outside it takes it as an input
# and passes it to its recursive call (found by a first import, the second
# one knows it from the start).
# CHECK-LABEL: pydy.func @"shifted"(%arg0: !pydy.object {pydy.name = "x"}, %arg1: !pydy.object {pydy.name = "n"}, %arg2: !pydy.object {pydy.name = "WEIGHT"})
# CHECK: %[[W:.*]] = pydy.load "WEIGHT" {{.*}}:[[# @LINE - 9]]:12)
# CHECK-NEXT: pydy.call @"[[CALLEE:shifted__[0-9]+]]"(%{{.*}}, %{{.*}}, %[[W]])
# CHECK: pydy.func @"[[CALLEE]]"({{.*}}%arg2: !pydy.object {pydy.name = "WEIGHT"})
# CHECK: %[[W2:.*]] = pydy.load "WEIGHT" {{.*}}:[[# @LINE - 12]]:12)
# CHECK-NEXT: pydy.call @"[[CALLEE]]"(%{{.*}}, %{{.*}}, %[[W2]])


class NamedBlocks(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        for i in range(2):
            setattr(self, f"block_{i}", paddle.nn.ReLU())
        self.heads = paddle.nn.LayerDict({"a": paddle.nn.Tanh(), "b": paddle.nn.Sigmoid()})

    def forward(self, x, head):
        for i in range(2):
            x = getattr(self, f"block_{i}")(x)
        return self.heads[head](x)


print(paddle.jit.to_static(NamedBlocks()).forward.code)

# getattr(self, f"block_{i}")(x) in a loop over a range known when compiling:
# the call of each attribute under `i == k`, chained; `self.heads[head](x)`
# of a LayerDict: the call of each entry under `head == key`, Python's
# KeyError past the last.
# CHECK-LABEL: pydy.func @"forward"(%arg0: !pydy.object {pydy.name = "x"}, %arg1: !pydy.object {pydy.name = "head"}
# CHECK:     pydy.for_range
# CHECK:       %[[IS0:.*]] = pydy.compare eq %{{.*}}, %{{.*}} : (!pydy.object, i64)
# CHECK:       pydy.if %[[IS0]]
# CHECK:         pydy.call @"ReLU_forward__{{[0-9]+}}"
# CHECK:         pydy.call @"ReLU_forward__{{[0-9]+}}"
# CHECK:     %[[ISA:.*]] = pydy.compare eq %{{.*}}, %{{.*}} : (!pydy.object, !pydy.str)
# CHECK:     pydy.if %[[ISA]]
# CHECK:       pydy.call @"Tanh_forward__{{[0-9]+}}"
# CHECK:       pydy.call @"Sigmoid_forward__{{[0-9]+}}"
# CHECK:       pydy.call @"dict_key_error__{{[0-9]+}}"


def counted(x):
    count = 0

    def step(v):
        nonlocal count
        count += 1
        return v * 2

    y = step(x)
    return y, count


print(paddle.jit.to_static(counted).code)

# A nested def declaring `nonlocal count`: passed the variable (a free
# name), it gives back its final value after its result, which the caller
# stores.
# CHECK-LABEL: pydy.func @"counted"
# CHECK:     %[[R:.*]] = pydy.call @"counted_step__{{[0-9]+}}"(%{{.*}}, %{{.*}})
# CHECK:     %[[Y:.*]] = pydy.subscript %[[R]][%{{.*}}]
# CHECK:     %[[C:.*]] = pydy.subscript %[[R]][%{{.*}}]
# CHECK:     pydy.store "count", %[[C]]
# CHECK-LABEL: pydy.func @"counted_step__{{[0-9]+}}"
# CHECK-SAME: {pydy.name = "count"}
# CHECK:     pydy.store "count"
# CHECK:     %[[BACK:.*]] = pydy.load "count"
# CHECK:     %[[BOTH:.*]] = pydy.tuple %{{.*}}, %[[BACK]]
# CHECK:     pydy.return %[[BOTH]]


def plus_one(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs) + 1
    return wrapper


@plus_one
def scaled(x, k=2.0):
    return x * k


def decorated_callee(x):
    return scaled(x)


print(paddle.jit.to_static(decorated_callee).code)

# A function a decorator wrapped (functools.wraps): the wrapper's code is
# what runs, its parameters (*args, **kwargs), not the source its
# `__wrapped__` names; it calls the function it wraps.
# CHECK-LABEL: pydy.func @"decorated_callee"
# CHECK:     pydy.call @"scaled__{{[0-9]+}}"
# CHECK-LABEL: pydy.func @"scaled__{{[0-9]+}}"(%arg0: !pydy.object {pydy.name = "args"}, %arg1: !pydy.object {pydy.name = "kwargs"})
# CHECK:     pydy.call @"scaled__{{[0-9]+}}"
# CHECK:     pydy.binary add


def _halved(xs, by=2.0):
    return xs / by


paddle.Tensor.halved = _halved


def patched_method(x):
    return x.halved(by=4.0)


print(paddle.jit.to_static(patched_method).code)

# A method user code set on paddle.Tensor is converted as a call of its
# function, the receiver first.
# CHECK-LABEL: pydy.func @"patched_method"
# CHECK:     pydy.call @"_halved__{{[0-9]+}}"
# CHECK-LABEL: pydy.func @"_halved__{{[0-9]+}}"(%arg0: !pydy.object {pydy.name = "xs"}, %arg1: !pydy.object {pydy.name = "by"})
# CHECK:     pydy.binary div


def first_parameter(x):
    return next(iter([x, x * 2]), None)


print(paddle.jit.to_static(first_parameter).code)

# next(iter(items)[, default]): the first item, by pybuiltins.first_item_or
# (an iterator of no other use is never made).
# CHECK-LABEL: pydy.func @"first_parameter"
# CHECK:     pydy.call @"first_item_or__{{[0-9]+}}"
# CHECK-LABEL: pydy.func @"first_item_or__{{[0-9]+}}"
# CHECK:     pydy.for_in


def first_match(x):
    return next((v for v in [x, x * 2] if v.shape[0] == 3), x)


print(paddle.jit.to_static(first_match).code)

# next() of a generator expression: the first item of the list the
# comprehension fills, by pybuiltins.first_item_or.
# CHECK-LABEL: pydy.func @"first_match"
# CHECK:     pydy.store "_dy2st_comprehension_{{[0-9]+}}"
# CHECK:     pydy.for_in
# CHECK:     pydy.call @"first_item_or__{{[0-9]+}}"

import itertools  # noqa: E402 (here: the lines checked above stay put)
import operator  # noqa: E402


def mapped_and_chained(x):
    doubled = list(map(lambda v: v * 2, [x, x + 1]))
    return functools.reduce(operator.add, itertools.chain(doubled, [x]))


print(paddle.jit.to_static(mapped_and_chained).code)

# map(), itertools.chain and operator.add are pybuiltins' and pyoperator's
# functions, converted and inlined as user functions.
# CHECK-LABEL: pydy.func @"mapped_and_chained"
# CHECK:     pydy.call @"map___{{[0-9]+}}"
# CHECK:     pydy.call @"chain___{{[0-9]+}}"
# CHECK:     pydy.call @"reduce___{{[0-9]+}}"
# CHECK-LABEL: pydy.func @"map___{{[0-9]+}}"
# CHECK-LABEL: pydy.func @"chain___{{[0-9]+}}"
# CHECK-LABEL: pydy.func @"reduce___{{[0-9]+}}"
# CHECK:     pydy.call @"add__{{[0-9]+}}"
