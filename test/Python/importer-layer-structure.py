# RUN: %python %s | FileCheck %s
# A layer's structure asked for in compiled code is answered when importing:
# a loop over named_parameters() runs once per parameter, the name a
# constant and the parameter read along its path (an input, as where the code
# names it: self.blocks[0].weight once, whether a loop or a display reads
# it); a loop over children() runs once per layer; parameters() as a value
# is the list display of those inputs.
import dy2st as paddle


class Net(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.fc = paddle.nn.Linear(2, 2)
        self.blocks = paddle.nn.LayerList([paddle.nn.Linear(2, 2)])

    def forward(self, x):
        for name, p in self.named_parameters():
            x = x + p.sum()
        for layer in self.children():
            x = x * 2
        return x, self.parameters()


print(paddle.jit.to_static(Net().forward).code)

# CHECK-LABEL: pydy.func @"forward"
# CHECK-SAME: {pydy.name = "self.fc.weight"}, %{{.*}}: !pydy.object {pydy.name = "self.fc.bias"}, %{{.*}}: !pydy.object {pydy.name = "self.blocks[0].weight"}, %{{.*}}: !pydy.object {pydy.name = "self.blocks[0].bias"}) -> !pydy.object
# CHECK: pydy.constant "fc.weight"
# CHECK: pydy.load "self.fc.weight"
# CHECK: pydy.constant "fc.bias"
# CHECK: pydy.constant "blocks.0.weight"
# CHECK: pydy.load "self.blocks[0].weight"
# CHECK: pydy.constant "blocks.0.bias"
# CHECK: pydy.constant 2 : i64
# CHECK: pydy.constant 2 : i64
# CHECK: %[[W:.*]] = pydy.load "self.fc.weight"
# CHECK: %[[B:.*]] = pydy.load "self.fc.bias"
# CHECK: %[[W0:.*]] = pydy.load "self.blocks[0].weight"
# CHECK: %[[B0:.*]] = pydy.load "self.blocks[0].bias"
# CHECK: pydy.list %[[W]], %[[B]], %[[W0]], %[[B0]]
