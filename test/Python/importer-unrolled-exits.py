# RUN: %python %s | FileCheck %s
# A loop over a container of layers is imported once per layer; where its
# body has a `continue` or `break` of its own, each copy is a one-trip loop
# that `continue` leaves, and `break` sets a flag that the later copies test.
# An inner loop's `break` stays that loop's.
import dy2st as paddle


class Net(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.blocks = paddle.nn.LayerList([paddle.nn.Linear(2, 2) for _ in range(2)])

    def forward(self, x):
        for block in self.blocks:
            if x.sum() > 0:
                continue
            for i in range(3):
                break
            x = block(x)
            if x.sum() > 9:
                break
        return x


print(paddle.jit.to_static(Net().forward).code)

# CHECK-LABEL: pydy.func @"forward"
# CHECK:      %[[F:.*]] = pydy.constant false
# CHECK:      pydy.store "stopped.{{[0-9]+}}", %[[F]]
# CHECK:      pydy.for_range
# CHECK:        pydy.break
# CHECK:        pydy.for_range
# CHECK:          pydy.break
# CHECK:        %[[T:.*]] = pydy.constant true
# CHECK:        pydy.store "stopped.{{[0-9]+}}", %[[T]]
# CHECK:        pydy.break
# CHECK:      pydy.load "stopped.{{[0-9]+}}"
# CHECK:      pydy.unary not
# CHECK:      pydy.if
# CHECK:        pydy.for_range
