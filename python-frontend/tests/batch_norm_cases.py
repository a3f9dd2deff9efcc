"""Batch norm in training mode, written once against Paddle's API and run by
real Paddle (paddle_batch_norm_child.py) and by dy2st eagerly and compiled
(test_batch_norm_training.py): outputs and the running statistics after each
call, by name."""
import numpy as np

SHAPES = {"ncl": (4, 3, 5), "nc": (6, 3), "nhwc": (2, 3, 4, 3), "nchw": (2, 3, 4, 4)}


def given(seed=0):
    """The inputs: two batches of each shape."""
    rng = np.random.RandomState(seed)
    return {f"{name}{i}": (rng.randn(*shape) * 2 + 1).astype(np.float32)
            for name, shape in SHAPES.items() for i in range(2)}


def run(paddle, inputs, convert):
    """Each case's results; `convert` makes the code that runs (the identity,
    or to_static)."""
    nn, F = paddle.nn, paddle.nn.functional
    out = {}

    def record(case, layer, values):
        for key in ("_mean", "_variance"):
            out[f"{case}/{key}"] = layer.state_dict()[key].numpy()
        for i, v in enumerate(values):
            out[f"{case}/out{i}"] = v.numpy()

    layers = {"ncl": nn.BatchNorm1D(3), "nc": nn.BatchNorm1D(3, momentum=0.5),
              "nhwc": nn.BatchNorm2D(3, momentum=0.8, data_format="NHWC"),
              "nchw": nn.BatchNorm(3, act="relu")}
    for case, layer in layers.items():
        call = convert(layer)
        values = [call(paddle.to_tensor(inputs[f"{case}{i}"])) for i in range(2)]
        layer.eval()
        values.append(call(paddle.to_tensor(inputs[f"{case}0"])))
        record(case, layer, values)

    fixed = nn.BatchNorm1D(3, use_global_stats=True)
    values = [convert(fixed)(paddle.to_tensor(inputs["ncl0"]))]
    record("global_stats", fixed, values)

    class Twice(nn.Layer):
        """One batch norm applied twice in a call: its second use sees the
        statistics the first one left."""

        def __init__(self):
            super().__init__()
            self.conv = nn.Conv2D(3, 3, 1)
            self.bn = nn.BatchNorm2D(3)

        def forward(self, x):
            return self.bn(self.conv(self.bn(x)))

    twice = Twice()
    twice.conv.weight.set_value(np.eye(3, dtype=np.float32).reshape(3, 3, 1, 1) * 0.5)
    values = [convert(twice)(paddle.to_tensor(inputs["nchw1"]))]
    record("twice", twice.bn, values)

    def functional(x, mean, var):
        return F.batch_norm(x, mean, var, training=True, momentum=0.7)

    mean, var = paddle.zeros([3]), paddle.ones([3])
    values = [convert(functional)(paddle.to_tensor(inputs["ncl1"]), mean, var), mean, var]
    for i, v in enumerate(values):
        out[f"functional/out{i}"] = v.numpy()
    return out
