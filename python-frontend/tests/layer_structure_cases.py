"""A layer's structure (parameters, buffers, children, sublayers, named or
not, state_dict) as Paddle gives it: a weight registered under two names, a
layer registered twice, a LayerList, buffers persistable or not; and a
forward that asks for it in compiled code. run(paddle) gives the answers as
JSON, eagerly and through paddle.jit.to_static, on dy2st and real Paddle
alike (test_layer_structure.py)."""
import numpy as np


def make(paddle):
    nn = paddle.nn

    class Tied(nn.Layer):
        def __init__(self):
            super().__init__()
            self.emb = nn.Linear(3, 3)
            self.again = self.emb
            self.blocks = nn.LayerList([nn.Linear(3, 3), nn.Sequential(nn.Linear(3, 3))])
            self.head = nn.Linear(3, 2)
            self.head.weight = self.blocks[0].weight if False else self.head.weight
            self.register_buffer("scale", paddle.ones([3]) * 2.0, persistable=False)
            self.register_buffer("shift", paddle.ones([3]) * 0.5)
            self.gain = self.create_parameter([3])

        def forward(self, x):
            squares = 0.0
            for p in self.parameters():
                squares = squares + (p * p).sum()
            weights = 0
            for name, p in self.named_parameters(prefix="net"):
                if "weight" in name and "head" not in name:
                    weights += p.shape[0]
            for layer in self.children():
                if isinstance(layer, nn.Linear) and layer is not self.head:
                    x = layer(x)
            for name, layer in self.named_sublayers():
                if name.startswith("blocks.") and "." not in name[7:]:
                    x = layer(x)
            for b in self.buffers():
                x = x * b
            own = len(self.parameters(include_sublayers=False))
            state = self.state_dict()
            stated = state["shift"].sum()
            for name, t in state.items():
                if name.endswith("weight"):
                    stated = stated + t.mean()
            return (self.head(x) * self.gain[:2], squares, weights, own, stated, len(state),
                    len(self.sublayers()), len(list(self.named_children())),
                    paddle.cast(x, self.parameters()[0].dtype))

    layer = Tied()
    for i, (name, p) in enumerate(layer.state_dict().items()):
        p.set_value(np.linspace(-1, 1, int(np.prod(p.shape))).reshape(p.shape)
                    .astype("float32") * (0.5 + 0.1 * i))
    return layer


def make_linear_bn(paddle):
    """PaddleClas's LeViT: a Sequential whose forward unpacks its sublayers."""
    nn = paddle.nn

    class LinearBN(nn.Sequential):
        def __init__(self, a, b):
            super().__init__()
            self.add_sublayer("c", nn.Linear(a, b, bias_attr=False))
            self.add_sublayer("bn", nn.BatchNorm1D(b))

        def forward(self, x):
            fc, bn = self._sub_layers.values()
            first, second = self._sub_layers.keys()
            y = fc(x)
            return paddle.reshape(bn(y.flatten(0, 1)), y.shape), first + second

    layer = LinearBN(3, 4)
    layer.eval()
    for i, p in enumerate(layer.state_dict().values()):
        p.set_value(np.linspace(0.5, 1.5, int(np.prod(p.shape))).reshape(p.shape)
                    .astype("float32") * (1 + i))
    return layer


def _names(pairs):
    return [name for name, _ in pairs]


def _plain(value):
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "numpy"):
        return np.round(np.asarray(value.numpy(), np.float64), 4).tolist()
    return value


def run(paddle):
    layer = make(paddle)
    x = paddle.to_tensor(np.linspace(-2, 2, 6).reshape(2, 3).astype("float32"))
    linear_bn = make_linear_bn(paddle)
    tokens = paddle.to_tensor(np.linspace(-2, 2, 12).reshape(2, 2, 3).astype("float32"))
    return {
        "unpacked_sublayers": _plain(linear_bn(tokens)),
        "unpacked_sublayers_compiled": _plain(paddle.jit.to_static(linear_bn)(tokens)),
        "named_parameters": _names(layer.named_parameters()),
        "prefixed_own": _names(layer.named_parameters("p", include_sublayers=False)),
        "with_duplicates": _names(layer.named_parameters(remove_duplicate=False)),
        "parameters": [len(layer.parameters()), len(layer.parameters(include_sublayers=False))],
        "named_children": _names(layer.named_children()),
        "children": len(list(layer.children())),
        "named_sublayers": _names(layer.named_sublayers()),
        "sublayers_with_self": _names(layer.named_sublayers("m", include_self=True)),
        "sublayers": [len(layer.sublayers()), len(layer.sublayers(include_self=True))],
        "named_buffers": _names(layer.named_buffers()),
        "buffers": [len(layer.buffers()), len(layer.buffers(include_sublayers=False))],
        "state_dict": list(layer.state_dict()),
        "eager": _plain(layer(x)),
        "compiled": _plain(paddle.jit.to_static(layer)(x)),
    }
