"""Layers over the op table (Embedding, LayerNorm, Dropout, Flatten, Identity,
activations): Paddle's parameter names, eval semantics, compiled = eager."""
import numpy as np
import pytest

import dy2st as paddle
from conftest import assert_same
from dy2st.static import InputSpec

nn = paddle.nn
F = paddle.nn.functional


class Encoder(nn.Layer):
    def __init__(self):
        super().__init__()
        self.embedding = nn.Embedding(10, 8, padding_idx=0)
        self.norm = nn.LayerNorm(8)
        self.dropout = nn.Dropout(0.3)
        self.fc = nn.Linear(8, 4)
        self.act = nn.GELU()
        self.flatten = nn.Flatten()
        self.identity = nn.Identity()
        self.softmax = nn.Softmax(axis=-1)

    def forward(self, ids):
        h = self.dropout(self.norm(self.embedding(ids)))
        h = self.act(self.fc(h))
        return self.softmax(self.identity(self.flatten(h)))


def test_parameter_names_follow_paddle():
    assert list(Encoder().state_dict()) == ["embedding.weight", "norm.weight", "norm.bias",
                                            "fc.weight", "fc.bias"]


@pytest.mark.parametrize("dynamic", [False, True], ids=["static", "dynamic"])
def test_encoder_compiled_matches_eager(dynamic):
    model = Encoder()
    model.eval()
    ids = paddle.to_tensor(np.array([[1, 0, 3], [4, 5, 0]]))
    specs = [InputSpec([None, 3], "int64")] if dynamic else None
    assert_same(model(ids), paddle.jit.to_static(model, input_spec=specs)(ids))


def test_dropout_in_training_zeroes_and_scales_eagerly():
    drop = nn.Dropout(0.5)
    y = drop(paddle.ones([1000])).numpy()
    assert set(np.unique(y)) <= {0.0, 2.0} and 300 < (y == 0).sum() < 700
    drop.eval()
    assert np.array_equal(drop(paddle.ones([4])).numpy(), np.ones(4))


@pytest.mark.parametrize("layer, reference", [
    (nn.Tanh(), np.tanh), (nn.LeakyReLU(0.2), lambda x: np.where(x > 0, x, 0.2 * x)),
    (nn.SiLU(), lambda x: x / (1 + np.exp(-x))), (nn.ReLU6(), lambda x: np.clip(x, 0, 6)),
    (nn.Hardswish(), lambda x: x * np.clip(x + 3, 0, 6) / 6),
    (nn.ELU(0.5), lambda x: np.where(x > 0, x, 0.5 * (np.exp(x) - 1))),
    (nn.Softplus(), lambda x: np.log1p(np.exp(x))),
    (nn.LogSoftmax(), lambda x: x - np.log(np.exp(x).sum(-1, keepdims=True))),
], ids=lambda v: type(v).__name__ if isinstance(v, nn.Layer) else "")
def test_activation_layers(layer, reference):
    x = np.linspace(-4, 4, 12, dtype=np.float32).reshape(3, 4)
    eager = layer(paddle.to_tensor(x))
    assert np.allclose(eager.numpy(), reference(x), rtol=1e-5, atol=1e-6)
    assert_same(eager, paddle.jit.to_static(layer)(paddle.to_tensor(x)))


def test_encoder_saves_and_loads(tmp_path):
    model = Encoder()
    model.eval()
    ids = paddle.to_tensor(np.array([[1, 0, 3], [4, 5, 0]]))
    path = str(tmp_path / "encoder")
    paddle.jit.save(model, path, input_spec=[InputSpec([None, 3], "int64")])
    loaded = paddle.jit.load(path)
    assert_same(model(ids), loaded(ids.numpy()))


class Stack(nn.Layer):
    def __init__(self):
        super().__init__()
        self.blocks = nn.LayerList([nn.Linear(4, 4) for _ in range(3)])
        self.heads = nn.LayerDict({"a": nn.Linear(4, 2), "b": nn.Linear(4, 2)})
        self.scales = nn.ParameterList([self.create_parameter([4]) for _ in range(2)])
        self.register_buffer("offset", paddle.to_tensor(np.full(2, 0.5, np.float32)))

    def forward(self, x):
        for block in self.blocks:
            x = paddle.tanh(block(x)) * self.scales[0]
        x = self.blocks[-1](x) + self.scales[1]
        return self.heads["a"](x) - self.heads["b"](x) + self.offset


def test_containers_of_layers_and_parameters():
    model = Stack()
    assert sorted(model.state_dict()) == sorted([
        "offset", "blocks.0.weight", "blocks.0.bias", "blocks.1.weight", "blocks.1.bias",
        "blocks.2.weight", "blocks.2.bias", "heads.a.weight", "heads.a.bias", "heads.b.weight",
        "heads.b.bias", "scales.0", "scales.1"])
    x = paddle.to_tensor(np.random.RandomState(0).randn(3, 4).astype(np.float32))
    assert_same(model(x), paddle.jit.to_static(model)(x))


class Heads(nn.Layer):
    """Paddle's test_loop Net: a LayerDict iterated by name, by items, values
    and enumerate; and a plain dict of layers."""

    def __init__(self):
        super().__init__()
        self.layer_dict = nn.LayerDict({"conv1": nn.Conv2D(3, 3, 1), "conv2": nn.Conv2D(3, 3, 1),
                                        "conv3": nn.Conv2D(3, 3, 1)})
        self.by_name = {"x": nn.Linear(8, 8), "y": nn.Linear(8, 8)}

    def forward(self, x):
        out = 0
        for layer_name in self.layer_dict:
            out += self.layer_dict[layer_name](x)
        for name, layer in self.layer_dict.items():
            out = out + layer(x) * len(name)
        for k, layer in enumerate(self.layer_dict.values()):
            out = out - layer(x) * k
        for i, (name, layer) in enumerate(self.by_name.items()):
            out = paddle.tanh(self.by_name[name](out) + layer(out) * i)
        return out


@pytest.mark.parametrize("dynamic", [False, True], ids=["static", "dynamic"])
def test_layer_dict_loops(dynamic):
    np.random.seed(3)
    model = Heads()
    x = paddle.to_tensor(np.random.RandomState(1).randn(2, 3, 8, 8).astype(np.float32) * 0.1)
    specs = [InputSpec([None, 3, None, 8], "float32")] if dynamic else None
    assert_same(model(x), paddle.jit.to_static(model, input_spec=specs)(x))


def test_layer_dict_loop_key_reassigned_is_pythons_key_error():
    class Renamed(nn.Layer):
        def __init__(self):
            super().__init__()
            self.heads = nn.LayerDict({"a": nn.Linear(2, 2)})

        def forward(self, x):
            for name in self.heads:
                name = name + "b"
                x = self.heads[name](x)
            return x
    # The key is chosen among the dict's at the call (test_calls.py), as eagerly.
    with pytest.raises(KeyError, match="ab"):
        Renamed()(paddle.ones([1, 2]))
    with pytest.raises(KeyError, match="ab"):
        paddle.jit.to_static(Renamed())(paddle.ones([1, 2]))


def test_param_attr_and_initializers():
    init = nn.initializer
    fc = nn.Linear(3, 2, weight_attr=paddle.ParamAttr(initializer=init.Constant(0.5)),
                   bias_attr=False)
    assert fc.bias is None and np.array_equal(fc.weight.numpy(), np.full((3, 2), 0.5))
    assert list(fc.state_dict()) == ["weight"]
    value = np.arange(6, dtype=np.float32).reshape(3, 2)
    assert np.array_equal(nn.Linear(3, 2, weight_attr=paddle.ParamAttr(
        initializer=init.Assign(value))).weight.numpy(), value)
    np.random.seed(0)
    w = paddle.create_parameter([400, 300], "float32",
                                default_initializer=init.KaimingNormal()).numpy()
    assert abs(w.std() - np.sqrt(2.0 / 400)) < 0.1 * np.sqrt(2.0 / 400)
    u = paddle.create_parameter([400, 300], "float32",
                                default_initializer=init.XavierUniform()).numpy()
    assert np.abs(u).max() <= np.sqrt(6.0 / 700) and np.abs(u).max() > 0.9 * np.sqrt(6.0 / 700)
    t = paddle.create_parameter([1000], "float32",
                                default_initializer=init.TruncatedNormal(0.0, 1.0, -1.0, 1.0))
    assert np.abs(t.numpy()).max() <= 1.0
    n = paddle.create_parameter([2000], "float64", default_initializer=init.Normal(3.0, 0.5))
    assert n.numpy().dtype == np.float64 and abs(n.numpy().mean() - 3.0) < 0.05
    k = paddle.create_parameter([8, 4, 3, 3], "float32", default_initializer=init.KaimingUniform())
    assert np.abs(k.numpy()).max() <= np.sqrt(2.0) * np.sqrt(3.0 / (4 * 9))


def test_initializers_called_on_parameters_and_paddles_others():
    init = nn.initializer
    fc = nn.Linear(3, 2)
    weight = fc.weight
    assert init.Constant(0.5)(fc.weight) is None  # Paddle's form: in place
    init.Constant(0.5)(fc.weight, fc.weight.block)  # PaddleSeg's param_init passes the block
    assert fc.weight is weight and np.array_equal(weight.numpy(), np.full((3, 2), 0.5))
    init.TruncatedNormal(std=0.02)(fc.bias)
    assert np.abs(fc.bias.numpy()).max() <= 2.0 and fc.bias.numpy().dtype == np.float32
    w = paddle.create_parameter([4, 6], "float32", default_initializer=init.Orthogonal(2.0))
    np.testing.assert_allclose(w.numpy() @ w.numpy().T, 4 * np.eye(4), atol=1e-5)
    tall = paddle.create_parameter([6, 2, 2], "float32", default_initializer=init.Orthogonal())
    flat = tall.numpy().reshape(6, 4)
    np.testing.assert_allclose(flat.T @ flat, np.eye(4), atol=1e-5)
    conv = nn.Conv2D(4, 4, 3, padding=1, weight_attr=paddle.ParamAttr(initializer=init.Dirac()),
                     bias_attr=False)
    x = paddle.rand([1, 4, 5, 5])
    np.testing.assert_allclose(conv(x).numpy(), x.numpy(), rtol=1e-6)
    grouped = paddle.create_parameter([4, 1, 3], "float32", default_initializer=init.Dirac(2))
    assert np.array_equal(grouped.numpy()[:, 0, 1], [1, 0, 1, 0])
    # Paddle's bilinear kernel, element by element (its row index unfloored).
    kernel = paddle.create_parameter([1, 1, 4, 4], "float32",
                                     default_initializer=init.Bilinear()).numpy()[0, 0]
    np.testing.assert_allclose(kernel[0], [0.0625, 0.28125, 0.375, 0.15625])
    np.testing.assert_allclose(kernel[3], [0.0625, 0.09375, 0.0, -0.03125])
    assert init.calculate_gain("leaky_relu", 0.1) == np.sqrt(2.0 / 1.01)
    assert init.calculate_gain("selu") == 0.75 and init.calculate_gain("conv2d") == 1
    with pytest.raises(ValueError, match="nonlinearity function gelu is not supported"):
        init.calculate_gain("gelu")
    init.set_global_initializer(init.Constant(2.0), init.Constant(3.0))
    try:
        fc = nn.Linear(2, 2)
        own = nn.Linear(2, 2, weight_attr=paddle.ParamAttr(initializer=init.Constant(5.0)))
        bn = nn.BatchNorm2D(2)
    finally:
        init.set_global_initializer(None)
    assert (fc.weight.numpy() == 2).all() and (fc.bias.numpy() == 3).all()
    assert (own.weight.numpy() == 5).all() and (own.bias.numpy() == 3).all()
    assert (bn.weight.numpy() == 2).all() and (bn._mean.numpy() == 0).all()
    assert (nn.Linear(2, 2).bias.numpy() == 0).all()


class LeNet(nn.Layer):
    """A LeNet-style CNN: the layers' parameter names and layouts are Paddle's."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2D(1, 6, 5, padding=2)
        self.pool1 = nn.MaxPool2D(2, 2)
        self.conv2 = nn.Conv2D(6, 16, 5)
        self.pool2 = nn.AvgPool2D(2, 2)
        self.conv3 = nn.Conv2D(16, 16, 3, padding=1, groups=4)
        self.gap = nn.AdaptiveAvgPool2D(1)
        self.flatten = nn.Flatten()
        self.fc = nn.Linear(16, 10)

    def forward(self, x):
        x = self.pool1(paddle.nn.functional.relu(self.conv1(x)))
        x = self.pool2(paddle.nn.functional.relu(self.conv2(x)))
        x = self.gap(self.conv3(x))
        return self.fc(self.flatten(x))


def test_lenet_compiled_matches_eager_and_saves(tmp_path):
    model = LeNet()
    model.eval()
    assert model.conv3.weight.shape == [16, 4, 3, 3]
    images = paddle.to_tensor(np.random.RandomState(0).randn(3, 1, 28, 28).astype(np.float32))
    specs = [InputSpec([None, 1, 28, 28], "float32")]
    assert_same(model(images), paddle.jit.to_static(model, input_spec=specs)(images))
    path = str(tmp_path / "lenet")
    paddle.jit.save(model, path, input_spec=specs)
    assert_same(model(images), paddle.jit.load(path)(images.numpy()))


class NormNet(nn.Layer):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2D(3, 4, 3, padding=1, bias_attr=False)
        self.bn = nn.BatchNorm2D(4)
        self.gn = nn.GroupNorm(2, 4)
        self.inorm = nn.InstanceNorm2D(4)

    def forward(self, x):
        return self.inorm(self.gn(paddle.nn.functional.relu(self.bn(self.conv(x)))))


def test_norm_layers():
    model = NormNet()
    assert sorted(model.state_dict()) == sorted([
        "conv.weight", "bn.weight", "bn.bias", "bn._mean", "bn._variance", "gn.weight",
        "gn.bias", "inorm.scale", "inorm.bias"])
    x = paddle.to_tensor(np.random.RandomState(1).randn(2, 3, 5, 5).astype(np.float32))
    model.train()
    model(x)  # training updates the running statistics eagerly
    assert not np.allclose(model.bn._mean.numpy(), 0.0)
    model.eval()
    specs = [InputSpec([None, 3, 5, 5], "float32")]
    assert_same(model(x), paddle.jit.to_static(model, input_spec=specs)(x))


def test_stop_gradient_is_accepted_in_compiled_code():
    def detached(x):
        y = x * 2.0
        y.stop_gradient = True
        return y
    x = paddle.to_tensor(np.ones(2, np.float32))
    assert_same(detached(x), paddle.jit.to_static(detached)(x))
    assert x.stop_gradient and not nn.Linear(2, 2).weight.stop_gradient


@pytest.mark.parametrize("make, functional", [
    (lambda: paddle.nn.AdaptiveMaxPool2D(2, return_mask=True),
     lambda x: paddle.nn.functional.adaptive_max_pool2d(x, 2, return_mask=True)),
    (lambda: paddle.nn.MaxPool3D(2, return_mask=True),
     lambda x: paddle.nn.functional.max_pool3d(x, 2, return_mask=True))],
    ids=["adaptive_max_pool2d", "max_pool3d"])
def test_pooling_layers_with_return_mask_give_the_mask(make, functional):
    """Paddle returns (out, mask), eagerly and compiled (the masks against
    Paddle's: test_op_table)."""
    layer = make()
    x = paddle.to_tensor(np.random.RandomState(0).rand(
        *((1, 2, 4, 4) if not isinstance(layer, paddle.nn.MaxPool3D) else (1, 2, 4, 4, 4)))
        .astype(np.float32))
    eager = layer(x)
    assert isinstance(eager, tuple) and len(eager) == 2 and eager[1].dtype == paddle.int32
    assert_same(eager, functional(x))
    assert_same(eager, paddle.jit.to_static(make())(x))


def test_layer_children_sublayers_and_apply():
    # Paddle's Layer API that model code walks layers with.
    net = paddle.nn.Sequential(paddle.nn.Linear(2, 3), paddle.nn.Sequential(paddle.nn.ReLU()))
    assert [type(c).__name__ for c in net.children()] == ["Linear", "Sequential"]
    assert [name for name, _ in net.named_children()] == ["0", "1"]
    assert net.sublayers(include_self=True)[0] is net and len(net.sublayers()) == 3
    seen = []
    assert net.apply(lambda layer: seen.append(type(layer).__name__)) is net
    assert seen == ["Linear", "ReLU", "Sequential", "Sequential"]


def test_paddle_base_names_and_default_dtype():
    from paddle import base
    assert base.ParamAttr is paddle.ParamAttr and not base.is_compiled_with_cuda()
    with base.dygraph.guard(base.CPUPlace()):
        assert paddle.get_default_dtype() == "float32"
    paddle.set_default_dtype("float32")
    with pytest.raises(ValueError, match="float32 and float64, not float16"):
        paddle.set_default_dtype("float16")
    assert paddle.get_default_dtype() == "float32"
    # Paddle's darknet (test_yolov3) imports these; a regularizer is kept, with no effect.
    from paddle.base.param_attr import ParamAttr
    from paddle.regularizer import L2Decay
    attr = ParamAttr(initializer=paddle.nn.initializer.Constant(0.5), regularizer=L2Decay(1e-4))
    assert float(paddle.nn.Linear(2, 2, weight_attr=attr).weight.sum()) == 2.0


def test_full_name_is_paddles_unique_name():
    """Paddle's full_name(): the class in snake case (or the name scope given)
    and a count per name (model code names parameters after it)."""
    class FullNameProbeBNLayer(nn.Layer):
        pass

    class Scoped(nn.Layer):
        def __init__(self):
            super().__init__("full_name_probe_scope")
    first, second = FullNameProbeBNLayer(), FullNameProbeBNLayer()
    assert (first.full_name(), second.full_name()) == ("full_name_probe_bn_layer_0",
                                                       "full_name_probe_bn_layer_1")
    assert Scoped().full_name() == "full_name_probe_scope_0"
    assert nn.Conv2D(1, 1, 1).full_name().startswith("conv2d_")


class PadsInForward(nn.Layer):
    """Layers without parameters made in forward (Paddle's test_cycle_gan:
    `pad = nn.Pad2D(...)` then `pad(x)`), from literals and attributes."""

    def __init__(self):
        super().__init__()
        self.outpadding = [0, 1, 0, 1]

    def forward(self, x):
        pad = nn.Pad2D([1, 1, 2, 0], mode="reflect")
        y = nn.Pad2D(padding=self.outpadding, mode="constant", value=0.5)(pad(x))
        return nn.ReLU()(y) + nn.Softmax(axis=1)(y)


def test_layers_without_parameters_made_in_forward():
    model = PadsInForward()
    x = paddle.to_tensor(np.random.RandomState(2).randn(2, 3, 4, 5).astype(np.float32))
    assert_same(model(x), paddle.jit.to_static(model)(x))


def made_layers(x, y, img):
    """Paddle's test_basic_api_transformation: layers with parameters made in
    the function, their initializers constants."""
    fc = nn.Linear(in_features=4, out_features=5,
                   weight_attr=paddle.ParamAttr(initializer=nn.initializer.Constant(0.99)),
                   bias_attr=paddle.ParamAttr(initializer=nn.initializer.Constant(0.5)))
    bilinear = nn.Bilinear(4, 3, 6, weight_attr=nn.initializer.Constant(0.2),
                           bias_attr=paddle.ParamAttr(initializer=nn.initializer.Constant(0.5)))
    conv = nn.Conv2D(3, 2, 3, weight_attr=nn.initializer.Constant(value=0.99), bias_attr=False)
    prelu = nn.PReLU(weight_attr=paddle.ParamAttr(initializer=nn.initializer.Constant(0.25)))
    project = nn.Linear(6, 6, weight_attr=nn.initializer.Assign(np.eye(6) * -0.5 + 0.25),
                        bias_attr=nn.initializer.Constant(-1.5))
    out = nn.ReLU()(fc(x)).sum() + project(bilinear(x, y))
    if out.mean() > 0:
        out = out * 2
    return out, prelu(conv(img) - 20)


def test_layers_with_parameters_made_in_the_function():
    """Made once, when converting (as Paddle's own to_static makes them);
    eager makes them at each call, the same where no initializer draws random
    numbers. Converting leaves numpy's generator where it was."""
    rs = np.random.RandomState(3)
    args = [paddle.to_tensor(rs.rand(*shape).astype(np.float32))
            for shape in [(2, 4), (2, 3), (1, 3, 5, 5)]]
    compiled = paddle.jit.to_static(made_layers)
    state = np.random.get_state()[1].copy()
    assert_same(made_layers(*args), compiled(*args))
    assert_same(made_layers(*args), compiled(*args))
    assert (np.random.get_state()[1] == state).all()


def test_a_layer_with_random_parameters_made_in_forward_is_a_clear_error():
    class Fresh(nn.Layer):
        def forward(self, x):
            return nn.Linear(2, 2)(x)
    with pytest.raises(paddle.jit.Dy2StError, match="Linear inside a compiled function with "
                                                     "parameters initialized at random"):
        paddle.jit.to_static(Fresh())(paddle.ones([1, 2]))


def test_sync_batch_norm_is_batch_norm_on_one_device():
    """Real Paddle's CPU build has no sync_batch_norm kernel: checked against
    BatchNorm2D with the same state."""
    sync, plain = nn.SyncBatchNorm(3), nn.BatchNorm2D(3)
    sync.set_state_dict({k: v * 0.5 + 0.3 for k, v in plain.state_dict().items()})
    plain.set_state_dict(sync.state_dict())
    sync.eval()
    plain.eval()
    x = paddle.to_tensor(np.random.RandomState(4).randn(2, 3, 4, 4).astype(np.float32))
    assert_same(plain(x), sync(x))
    assert_same(plain(x), paddle.jit.to_static(sync)(x))


class ScaledByName(nn.Layer):
    def __init__(self):
        super().__init__()
        self.scales = nn.ParameterDict({"a": self.create_parameter([3]),
                                        "b": self.create_parameter([3])})

    def forward(self, x):
        for name, scale in self.scales.items():
            x = x * scale + self.scales[name]
        return x * self.scales["a"]


def test_parameter_dict():
    model = ScaledByName()
    assert sorted(model.state_dict()) == ["scales.a", "scales.b"]
    x = paddle.to_tensor(np.random.RandomState(5).randn(2, 3).astype(np.float32))
    assert_same(model(x), paddle.jit.to_static(model)(x))


def test_set_value_loads_weights_in_place():
    """Paddle's Tensor.set_value (loading weights): same shape and dtype, or
    Paddle's AssertionError."""
    layer = paddle.nn.Linear(2, 3)
    weight = layer.weight
    weight.set_value(np.full((2, 3), 0.5, np.float32))
    assert layer.weight is weight and (layer.weight.numpy() == 0.5).all()
    for bad in (np.zeros(3, np.float32), np.zeros((2, 3), np.float64)):
        with pytest.raises(AssertionError, match="not match"):
            weight.set_value(bad)
    compiled = paddle.jit.to_static(layer)
    x = paddle.ones([1, 2])
    np.testing.assert_allclose(compiled(x).numpy(), layer(x).numpy())


def test_device_and_gradient_switches_of_model_scripts():
    """The calls a training or inference script makes first: the CPU and
    float32 are accepted, another device or dtype is a clear error."""
    assert paddle.get_device() == "cpu" and repr(paddle.set_device("cpu")) == "Place(cpu)"
    assert paddle.device.cuda.device_count() == 0 and not paddle.is_grad_enabled()
    # As real Paddle's CPU build answers (PaddleClas asks for an NPU).
    assert paddle.device.get_all_custom_device_type() == paddle.device.get_all_device_type() == []
    assert not paddle.device.is_compiled_with_custom_device("npu")
    assert paddle.autograd.no_grad is paddle.no_grad and not paddle.autograd.is_grad_enabled()
    with paddle.autograd.enable_grad():
        assert not paddle.is_grad_enabled()
    with pytest.raises(ValueError, match="should not be 'gpu:0'"):
        paddle.set_device("gpu:0")
    layer = paddle.nn.Linear(2, 2)
    assert layer.to("cpu") is layer and layer.float() is layer and layer.to(dtype="float32") is layer
    with pytest.raises(ValueError, match="float32"):
        layer.to(dtype="float16")
    layer.clear_gradients()

    def forward(x):
        with paddle.set_grad_enabled(False):
            y = layer(x)
        return y
    x = paddle.ones([1, 2])
    np.testing.assert_allclose(paddle.jit.to_static(forward)(x).numpy(), layer(x).numpy())


def test_tensor_place_and_autograd_flags_are_paddles():
    # Real Paddle's CPU build: Place(cpu), leaves, only parameters persistable.
    x = paddle.to_tensor([1.0, 2.0])
    assert repr(x.place) == "Place(cpu)" and x.place == paddle.CPUPlace()
    assert x.place.is_cpu_place() and not x.place.is_gpu_place()
    assert paddle.to_tensor([3.0], place=x.place).place == paddle.set_device("cpu")
    assert x.is_leaf and not x.persistable and x.stop_gradient
    weight = nn.Linear(2, 2).weight
    assert weight.persistable and weight.is_leaf and not weight.stop_gradient

    def reads_place(t):
        return t.place
    with pytest.raises(paddle.Dy2StError, match="has no attribute 'place' in compiled code"):
        paddle.jit.to_static(reads_place)(x)


@pytest.mark.parametrize("cls,shape,fmt", [
    (paddle.nn.BatchNorm1D, [2, 3, 4], "NCL"), (paddle.nn.BatchNorm3D, [2, 3, 2, 2, 2], "NCDHW"),
    (paddle.nn.InstanceNorm1D, [2, 3, 4], "NCL"),
    (paddle.nn.InstanceNorm3D, [2, 3, 2, 2, 2], "NCDHW")])
def test_norm_layers_of_one_and_three_dimensions_are_their_own_classes(cls, shape, fmt):
    """As in Paddle 3.3: their data_format defaults to 'NCL' / 'NCDHW'."""
    layer = cls(3)
    assert type(layer) is cls and layer._data_format == fmt
    assert layer(paddle.rand(shape)).shape == shape


class NamedActivation(nn.Layer):
    """PaddleSeg's Activation: the class looked up by its lowercase name in
    Paddle's module of activation layers."""

    def __init__(self, act):
        super().__init__()
        names = {name.lower(): name for name in nn.layer.activation.__dict__}
        self.act_func = getattr(nn.layer.activation, names[act])()

    def forward(self, x):
        return self.act_func(x)


class UpSampling(nn.Layer):
    """PaddleSeg's UNet step: resized to the skip connection's size, read
    from `paddle.shape` (a tensor), then a 'same'-padded convolution, which
    needs that size known when compiling."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2D(6, 2, 3, padding="same")
        self.act = NamedActivation("hardswish")

    def forward(self, x, short_cut):
        x = F.interpolate(x, paddle.shape(short_cut)[2:], mode="bilinear", align_corners=False)
        return self.act(self.conv(paddle.concat([x, short_cut], axis=1)))


def test_sizes_read_from_paddle_shape_stay_known():
    rs = np.random.RandomState(4)
    x = paddle.to_tensor(rs.rand(1, 3, 4, 3).astype(np.float32))
    skip = paddle.to_tensor(rs.rand(1, 3, 8, 6).astype(np.float32))
    layer = UpSampling()
    assert_same(layer(x, skip), paddle.jit.to_static(layer)(x, skip))
    assert nn.layer.activation.ReLU is nn.ReLU and nn.layer.activation.Silu is nn.SiLU


def test_deleting_a_registered_attribute_as_paddle():
    """PaddleDetection's RepVGG convert_to_deploy: `self.__delattr__('conv1')`
    takes the sublayer out of the layer and its state dict."""
    class Block(nn.Layer):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Linear(2, 2)
            self.scale = self.create_parameter([2])
            self.register_buffer("count", paddle.ones([1]))
            self.note = "kept"

    block = Block()
    block.__delattr__("conv1")
    del block.scale
    del block.count
    assert list(block.state_dict()) == [] and block.sublayers() == []
    for name in ("conv1", "scale", "count"):
        assert not hasattr(block, name)
    del block.note
    with pytest.raises(AttributeError):
        del block.note
