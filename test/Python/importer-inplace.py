# RUN: %python %s | FileCheck %s
# Paddle's in-place operations: the operation's result is stored back into
# the receiver's variable, after a check that it kept the receiver's shape
# (Paddle's ValueError); a receiver no name holds gets a hidden variable.
import dy2st as paddle
import dy2st.nn.functional as F


def inplace(x, y):
    h = x * 1.0
    h.add_(y)
    F.relu_(h - 1.0)
    return h


print(paddle.jit.to_static(inplace).code)

# CHECK-LABEL: pydy.func @"inplace"
# CHECK:     %[[SUM:.*]]:2 = pydy.call_method %{{.*}}, "add"(%{{.*}})
# CHECK:     %[[NEW:.*]] = pydy.attr %[[SUM]]#0, "shape"
# CHECK:     %[[OLD:.*]] = pydy.attr %{{.*}}, "shape"
# CHECK:     %[[DIFFER:.*]] = pydy.compare ne %[[NEW]], %[[OLD]]
# CHECK:     pydy.if %[[DIFFER]]
# CHECK-NEXT:  pydy.raise "ValueError", "The shape of broadcast output is different from that of the inplace tensor in the Inplace operation."
# CHECK:     pydy.store "h", %[[SUM]]#0
# CHECK:     pydy.store "inplace.1", %{{.*}}
# CHECK:     %[[RELU:.*]] = pydy.lib_call "relu"
# CHECK:     pydy.store "inplace.1", %[[RELU]]


def changed_by_name(x, buf, counter):
    paddle.assign(x * 2.0, output=buf)
    paddle.increment(counter)
    buf.set_value(x)
    return paddle.assign(x)


print(paddle.jit.to_static(changed_by_name).code)

# Paddle's functions that change an argument under their own names: assign's
# `output` takes the value of a call of assign without it (no shape check: it
# takes the value's shape), increment's x its result (a shape check);
# Tensor.set_value's value comes from pybuiltins.tensor_set_value (Paddle's
# checks); assign without `output` is a copy that changes nothing.
# CHECK-LABEL: pydy.func @"changed_by_name"
# CHECK:     %[[COPY:.*]] = pydy.call @"[[ASSIGN:assign__[0-9]+]]"(%{{.*}}, %{{.*}}) : (!pydy.object, !pydy.none)
# CHECK-NOT: pydy.raise
# CHECK:     pydy.store "buf", %[[COPY]]
# CHECK:     %[[ADDED:.*]] = pydy.call @"increment__{{[0-9]+}}"
# CHECK:     pydy.raise "ValueError", "The shape of broadcast output
# CHECK:     pydy.store "counter", %[[ADDED]]
# CHECK:     %[[SET:.*]] = pydy.call @"tensor_set_value__{{[0-9]+}}"
# CHECK:     pydy.store "buf", %[[SET]]
# CHECK:     %[[RESULT:.*]] = pydy.call @"[[ASSIGN]]"
# CHECK:     pydy.return
# CHECK:     pydy.raise "AssertionError", "Variable Shape not match


def given_out(x, buf):
    paddle.tanh(x, out=buf)
    x.copy_(buf)
    x.exp(out=buf)
    return paddle.tanh(x)


print(paddle.jit.to_static(given_out).code)

# Paddle 3.3's keyword-only out=: the call without it, its result stored
# whole into the tensor (no shape check: it takes the result's shape);
# Tensor.copy_'s value comes from pybuiltins.tensor_copy (Paddle's dtype
# check); a Tensor method's out= is the function's; a call without out= is
# the plain operation. The changed arguments
# follow the result.
# CHECK-LABEL: pydy.func @"given_out"
# CHECK:     %[[TANH:.*]] = pydy.lib_call "tanh"
# CHECK-NOT: pydy.raise
# CHECK:     pydy.store "buf", %[[TANH]]
# CHECK:     %[[COPIED:.*]] = pydy.call @"tensor_copy__{{[0-9]+}}"
# CHECK:     pydy.store "x", %[[COPIED]]
# CHECK:     %[[EXP:.*]] = pydy.lib_call "exp"
# CHECK:     pydy.store "buf", %[[EXP]]
# CHECK:     %[[PLAIN:.*]] = pydy.lib_call "tanh"
# CHECK:     pydy.tuple %[[PLAIN]], %{{.*}}, %{{.*}}


def pair_given_out(x, values, indices):
    best = paddle.topk(x, 2, out=(values, indices))
    outs = (values, indices)
    paddle.median(x, axis=0, mode="min", out=outs)
    return best.indices


print(paddle.jit.to_static(pair_given_out).code)

# out=(values, indices) of topk and median: the pair computed once into a
# hidden variable, each tensor given its item whole; topk then returns the
# two tensors (topk_returned). A tuple made before is checked where it runs
# (pair_targets: Paddle's ValueError for another value) and its items written.
# CHECK-LABEL: pydy.func @"pair_given_out"
# CHECK:     %[[PAIR:.*]] = pydy.call @"topk__{{[0-9]+}}"
# CHECK:     pydy.store "[[HELD:inplace\.[0-9]+]]", %[[PAIR]]
# CHECK:     %[[P0:.*]] = pydy.load "[[HELD]]"
# CHECK:     %[[ZERO:.*]] = pydy.constant 0
# CHECK:     %[[VALUES:.*]] = pydy.subscript %[[P0]][%[[ZERO]]]
# CHECK:     pydy.store "values", %[[VALUES]]
# CHECK:     %[[P1:.*]] = pydy.load "[[HELD]]"
# CHECK:     %[[ONE:.*]] = pydy.constant 1
# CHECK:     %[[INDICES:.*]] = pydy.subscript %[[P1]][%[[ONE]]]
# CHECK:     pydy.store "indices", %[[INDICES]]
# CHECK:     pydy.call @"topk_returned__{{[0-9]+}}"
# CHECK:     pydy.call @"pair_targets__{{[0-9]+}}"
# CHECK:     pydy.call @"median_with_positions__{{[0-9]+}}"
# CHECK:     pydy.call @"median_returned__{{[0-9]+}}"
# CHECK:     pydy.return


def seen_changed_later_in_the_display(d, l):
    return d, d.pop("b"), [l, l.pop()]


print(paddle.jit.to_static(seen_changed_later_in_the_display).code)

# A variable named in a display and changed in place by a later item of it
# is one object in Python, seen changed: it is read again after the items.
# CHECK-LABEL: pydy.func @"seen_changed_later_in_the_display"
# CHECK:     %[[D0:.*]] = pydy.load "d"
# CHECK:     pydy.call_method %{{.*}}, "pop"
# CHECK:     pydy.store "d"
# CHECK:     %[[L0:.*]] = pydy.load "l"
# CHECK:     pydy.call_method %{{.*}}, "pop"
# CHECK:     pydy.store "l"
# CHECK:     %[[L1:.*]] = pydy.load "l"
# CHECK:     pydy.list %[[L1]], %{{.*}}
# CHECK:     %[[D1:.*]] = pydy.load "d"
# CHECK:     pydy.tuple %[[D1]], %{{.*}}, %{{.*}}
