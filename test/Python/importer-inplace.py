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
