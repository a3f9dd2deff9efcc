"""paddle.summary and paddle.flops on a few networks, written once against
Paddle's API: run in a fresh interpreter (layer names count per process)
with real Paddle or with dy2st (`--dy2st`) by test_model_summary.py, which
compares what they print. Class paths in flops' notes are cut to the class
name (the packages differ)."""
import contextlib
import io
import re
import sys

if "--dy2st" in sys.argv:
    import dy2st as paddle
else:
    import paddle


class Two(paddle.nn.Layer):
    """Two inputs, a batch norm (non-trainable statistics), a shared layer."""

    def __init__(self):
        super().__init__()
        self.a = paddle.nn.Linear(4, 3)
        self.b = paddle.nn.Linear(3, 2, bias_attr=False)
        self.bn = paddle.nn.BatchNorm1D(2)

    def forward(self, x, y):
        return self.bn(self.b(self.a(x))) + y


class Keyed(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.conv = paddle.nn.Conv2D(3, 4, 3, padding=1, groups=1)
        self.pool = paddle.nn.AdaptiveAvgPool2D(2)
        self.fc = paddle.nn.Linear(16, 5)

    def forward(self, inputs):
        x = self.pool(paddle.nn.functional.relu(self.conv(inputs["image"])))
        return self.fc(paddle.flatten(x, 1)) + inputs["bias"]


def main():
    paddle.seed(0)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        print(paddle.summary(paddle.vision.models.LeNet(), (1, 1, 28, 28)))
        print(paddle.summary(Two(), [(2, 4), (2, 2)]))
        print(paddle.summary(Two(), [(-1, 4), (None, 2)], dtypes=["float32", "float32"]))
        print(paddle.summary(Keyed(), input={"image": paddle.rand([2, 3, 8, 8]),
                                             "bias": paddle.rand([2, 5])}))
        print(paddle.summary(paddle.vision.models.resnet18(num_classes=10), (1, 3, 32, 32)))
        print(paddle.flops(paddle.vision.models.LeNet(), [1, 1, 28, 28], print_detail=True))
        print(paddle.flops(Keyed().conv, [1, 3, 8, 8]))
        print(paddle.flops(paddle.vision.models.mobilenet_v2(scale=0.5, num_classes=10),
                           [1, 3, 32, 32], print_detail=True))
    printed = re.sub(r"<class '[\w.]+\.(\w+)'>", r"<class '\1'>", out.getvalue())
    # numpy 2 writes its scalars' reprs as np.int64(7), numpy 1 as 7.
    sys.stdout.write(re.sub(r"np\.(?:int|float)\d+\(([^()]*)\)", r"\1", printed))


main()
