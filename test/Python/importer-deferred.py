# RUN: %python %s | FileCheck %s
# A statement inside an `if` that cannot be converted becomes
# `pydy.unsupported` at its own line: the branch may fold away once the
# signature is known.
import numpy as np

import dy2st as paddle


def checked(x, mode):
    if mode == "double":
        return x * 2.0
    else:
        import os
    return x


print(paddle.jit.to_static(checked).code)

# CHECK-LABEL: pydy.func @"checked"
# CHECK: pydy.if
# CHECK: pydy.return
# CHECK: } else {
# CHECK-NEXT: pydy.unsupported "'import' is not supported by dy2st" {syntax} loc("{{.*}}importer-deferred.py":14:9)
# The branch never goes on (it compiles only if it folds away): it exits, so
# a variable the dropped statements would bind is not missing after the `if`.
# CHECK-NEXT: %[[UNDEF:.*]] = pydy.undef "raised" : !pydy.object
# CHECK-NEXT: pydy.return %[[UNDEF]]


def bound_after_unsupported(x, n):
    if n < 0:
        import os
        y = x
    else:
        y = x * 2.0
    return y


print(paddle.jit.to_static(bound_after_unsupported).code)
print(paddle.jit.to_static(bound_after_unsupported)(paddle.to_tensor(np.ones([2], "float32")), 1))

# CHECK-LABEL: pydy.func @"bound_after_unsupported"
# CHECK: pydy.unsupported "'import' is not supported by dy2st"
# CHECK-NEXT: pydy.undef "raised"
# CHECK-NEXT: pydy.return
# CHECK: Tensor(shape=[2], dtype=float32, value=[2., 2.])


# A conditional expression's branch that cannot be converted (here a
# property that raises when read) is deferred the same way.
class Cell:
    @property
    def state_shape(self):
        raise NotImplementedError("no state_shape")


CELL = Cell()


def shaped(x, shape=None):
    dims = CELL.state_shape if shape is None else shape
    return x * len(dims)


print(paddle.jit.to_static(shaped).code)

# CHECK-LABEL: pydy.func @"shaped"
# CHECK: pydy.if
# CHECK-NEXT: pydy.unsupported "NotImplementedError: no state_shape"
# CHECK-NEXT: %[[UNDEF:.*]] = pydy.undef "raised" : !pydy.object
# CHECK-NEXT: pydy.return %[[UNDEF]]
# CHECK-NEXT: } else {
# CHECK: pydy.store "ifexp.


# A test of values known when converting (`self.act is None`, read and
# guarded) folds then: only the branch Python takes is converted, and nothing
# after its return.
class Act(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.act = None

    def forward(self, x):
        if self.act is None:
            return x
        y = getattr(paddle.nn.functional, self.act)(x)
        return y * 2.0


print(paddle.jit.to_static(Act().forward).code)

# CHECK-LABEL: pydy.func @"forward"
# CHECK-NOT: pydy.if
# CHECK: pydy.compare is
# CHECK-NEXT: %[[X:.*]] = pydy.load "x"
# CHECK-NEXT: pydy.return %[[X]]
# CHECK-NEXT: }


# After a statement that may leave at run time (`if x.sum() > 0: return x`),
# a statement that cannot be converted is deferred as in a branch: the `if`
# may fold to its return once the signature is known.
class MayLeave(Act):
    def forward(self, x):
        if x.sum() > 0:
            return x
        y = getattr(paddle.nn.functional, self.act)(x)
        return y * 2.0


print(paddle.jit.to_static(MayLeave().forward).code)

# CHECK-LABEL: pydy.func @"forward"
# CHECK: pydy.if
# CHECK: pydy.return
# CHECK: pydy.unsupported "the name getattr() reads must be a string known when compiling (or an f-string of the variable of a loop over a range known then)" {syntax} loc("{{.*}}importer-deferred.py":[[# @LINE - 9]]:
# CHECK-NOT: pydy.binary mul
