# RUN: %python %s | FileCheck %s
# A class defined in the function is made when importing (no IR); the
# attribute its instance gets assigned is a hidden variable that starts from
# the value the object was made with and is not returned by the entry (the
# object belongs to the call).
import dy2st as paddle


def local_class(x):
    class Box:
        def __init__(self):
            self.v = 2

    box = Box()
    box.v = box.v + x
    return box.v


print(paddle.jit.to_static(local_class).code)

# CHECK-LABEL: pydy.func @"local_class"
# CHECK-NOT: class
# CHECK: pydy.constant none
# CHECK: %[[START:.*]] = pydy.constant 2 : i64
# CHECK: pydy.store "[[ATTR:.*\.v]]", %[[START]]
# CHECK: %[[OLD:.*]] = pydy.load "[[ATTR]]"
# CHECK: %[[NEW:.*]] = pydy.binary add %[[OLD]]
# CHECK: pydy.store "[[ATTR]]", %[[NEW]]
# CHECK: %[[R:.*]] = pydy.load "[[ATTR]]"
# CHECK-NEXT: pydy.return %[[R]] : !pydy.object
