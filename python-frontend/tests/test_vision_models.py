"""paddle.vision.models against real Paddle's: the same parameter names and
shapes for every constructor, and on the smaller models, real Paddle's
weights loaded give real Paddle's outputs, eagerly and compiled."""
import json

import numpy as np
import pytest

import dy2st as paddle
from test_paddle_oracle import require_paddle, run_paddle_child

# name: (constructor, keyword arguments, whether it runs), and its input.
SPECS = {
    "lenet": ("LeNet", {}, True),
    "alexnet": ("alexnet", {"num_classes": 0}, True),
    "vgg11_bn": ("vgg11", {"batch_norm": True, "num_classes": 0}, True),
    "resnet18": ("resnet18", {"num_classes": 10}, True),
    "mobilenet_v2": ("mobilenet_v2", {"scale": 0.35, "num_classes": 10}, True),
    "mobilenet_v1": ("mobilenet_v1", {"scale": 0.25, "num_classes": 10}, True),
    "mobilenet_v3_small": ("mobilenet_v3_small", {"scale": 0.5, "num_classes": 10}, True),
    "mobilenet_v3_large": ("mobilenet_v3_large", {}, False),
    "shufflenet_v2": ("shufflenet_v2_x0_25", {"num_classes": 10}, True),
    "shufflenet_v2_swish": ("shufflenet_v2_swish", {}, False),
    "squeezenet1_0": ("squeezenet1_0", {"num_classes": 10}, True),
    "squeezenet1_1": ("squeezenet1_1", {}, False),
    "densenet121": ("densenet121", {"num_classes": 10, "dropout": 0.1}, True),
    "densenet161": ("densenet161", {}, False),
    "googlenet": ("googlenet", {"num_classes": 0}, True),
    "googlenet_heads": ("googlenet", {}, False),
    "resnet50": ("resnet50", {}, False),
    "resnext50_32x4d": ("resnext50_32x4d", {}, False),
    "wide_resnet50_2": ("wide_resnet50_2", {"num_classes": 5, "with_pool": False}, False),
    "vgg16": ("vgg16", {}, False),
    "mobilenet_v2_wide": ("mobilenet_v2", {"scale": 1.4}, False),
}
_rng = np.random.RandomState(0)
INPUTS = {
    "lenet": _rng.randn(2, 1, 28, 28).astype(np.float32),
    "alexnet": _rng.randn(1, 3, 64, 64).astype(np.float32),
    "vgg11_bn": _rng.randn(1, 3, 32, 32).astype(np.float32),
    "resnet18": _rng.randn(2, 3, 32, 32).astype(np.float32),
    "mobilenet_v2": _rng.randn(2, 3, 32, 32).astype(np.float32),
    "mobilenet_v1": _rng.randn(2, 3, 32, 32).astype(np.float32),
    "mobilenet_v3_small": _rng.randn(2, 3, 32, 32).astype(np.float32),
    "shufflenet_v2": _rng.randn(2, 3, 32, 32).astype(np.float32),
    "squeezenet1_0": _rng.randn(1, 3, 64, 64).astype(np.float32),
    "densenet121": _rng.randn(1, 3, 32, 32).astype(np.float32),
    "googlenet": _rng.randn(1, 3, 128, 128).astype(np.float32),
}


@pytest.fixture(scope="module")
def paddle_models(tmp_path_factory):
    require_paddle()
    folder = tmp_path_factory.mktemp("vision")
    (folder / "specs.json").write_text(json.dumps(SPECS))
    np.savez(folder / "inputs.npz", **INPUTS)
    run_paddle_child("paddle_vision_child.py", folder / "specs.json", folder / "inputs.npz",
                     folder / "shapes.json", folder / "out.npz")
    return json.loads((folder / "shapes.json").read_text()), dict(np.load(folder / "out.npz"))


def build(name):
    factory, kwargs, _ = SPECS[name]
    model = getattr(paddle.vision.models, factory)(**kwargs)
    model.eval()
    return model


@pytest.mark.parametrize("name", list(SPECS))
def test_parameter_names_and_shapes_are_paddles(paddle_models, name):
    shapes, _ = paddle_models
    assert [[k, list(v.shape)] for k, v in build(name).state_dict().items()] == shapes[name]


@pytest.mark.parametrize("name", list(INPUTS))
def test_paddles_weights_give_paddles_outputs(paddle_models, name):
    _, arrays = paddle_models
    model = build(name)
    prefix = f"{name}/state/"
    model.set_state_dict({k[len(prefix):]: v for k, v in arrays.items() if k.startswith(prefix)})
    x = paddle.to_tensor(INPUTS[name])
    want = [arrays[k] for k in sorted(arrays) if k.startswith(f"{name}/out")]
    for outputs in (model(x), paddle.jit.to_static(model)(x)):
        outputs = outputs if isinstance(outputs, tuple) else (outputs,)
        assert len(outputs) == len(want)
        for got, expected in zip(outputs, want):
            np.testing.assert_allclose(got.numpy(), expected, rtol=2e-4, atol=2e-4)


def test_pretrained_weights_are_not_downloaded():
    with pytest.raises(ValueError, match="does not download weights"):
        paddle.vision.models.resnet18(pretrained=True)
