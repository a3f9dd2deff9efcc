"""paddle.set_default_dtype("float64"): the dtypes of the tensors made
without a dtype, of layers' parameters, and of what the operations between
them give. Written once against Paddle's API: run(paddle) on dy2st and on
real Paddle (test_default_dtype.py), which restores float32 after."""
import numpy as np


def made(paddle, x):
    """Tensors made without a dtype, and arithmetic that stays float32."""
    return (paddle.to_tensor(1.5), paddle.to_tensor([1.0, 2]), paddle.to_tensor(1),
            paddle.zeros([2]), paddle.ones([2]), paddle.full([2], 1), paddle.full([2], 0.5),
            paddle.arange(0, 1, 0.5), paddle.arange(3), paddle.linspace(0, 1, 3),
            paddle.logspace(0, 1, 3), paddle.eye(2), x * 1.5, x / 2, x.astype(float),
            paddle.zeros_like(x), paddle.rand([2]) * 0.0, paddle.randn([2]) * 0.0)


def network(paddle):
    """A layer made under float64: its parameters' dtypes and its output."""
    nn = paddle.nn
    paddle.seed(0)
    model = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1D(4), nn.Tanh(), nn.Linear(4, 2))
    for name, p in sorted(model.state_dict().items()):
        p.set_value(np.linspace(-1.0, 1.0, int(np.prod(p.shape))).reshape(p.shape) +
                    (1.5 if "variance" in name else 0.0))
    model.eval()
    return model


def _dtypes(values):
    return [str(v.dtype).replace("paddle.", "") for v in values]


def run(paddle):
    previous = paddle.get_default_dtype()
    paddle.set_default_dtype("float64")
    try:
        x = paddle.to_tensor(np.array([1, 2, 3], "int64"))
        eager = made(paddle, x)
        compiled = paddle.jit.to_static(lambda x: made(paddle, x))(x)
        model = network(paddle)
        data = paddle.to_tensor(np.linspace(-2.0, 2.0, 6).reshape(2, 3))
        out = model(data)
        static_out = paddle.jit.to_static(model)(data)
        answers = {
            "default": paddle.get_default_dtype(),
            "made": _dtypes(eager),
            "made_values": [np.round(np.asarray(v.numpy(), "float64"), 12).tolist()
                            for v in eager[:-2]],
            "made_compiled": _dtypes(compiled),
            "parameters": sorted(_dtypes(model.parameters())),
            "statistics": _dtypes([model[1]._mean, model[1]._variance]),
            "output": [str(out.dtype).replace("paddle.", ""),
                       np.round(out.numpy(), 12).tolist()],
            "output_compiled": [str(static_out.dtype).replace("paddle.", ""),
                                np.round(static_out.numpy(), 12).tolist()],
            "numpy_scalars": _dtypes([paddle.to_tensor(np.float64(1.0)),
                                      paddle.to_tensor(np.float32(1.0)),
                                      paddle.to_tensor(np.int32(1))]),
        }
    finally:
        paddle.set_default_dtype(previous)
    answers["restored"] = [paddle.get_default_dtype()] + _dtypes([paddle.zeros([1])])
    return answers
