"""The model zoo (examples/models): each model compiled against eager with a
static batch and with a batch known only at run time, saved and reloaded,
run by dy2st-run from its files, and compiled through the GPU pipeline."""
import os
import pathlib
import subprocess
import sys

import numpy as np
import pytest

import dy2st as paddle
from conftest import assert_same, run_saved_model
from dy2st.compiler.signature import describe
from dy2st.runtime.static_function import _signature_entry
from test_paddle_oracle import require_paddle, run_paddle_child

ZOO = pathlib.Path(__file__).resolve().parents[2] / "examples" / "models"
sys.path.insert(0, str(ZOO))
import zoo  # noqa: E402

NAMES = list(zoo.MODELS)
BUILD = os.environ.get("DY2ST_BUILD_DIR", str(pathlib.Path(__file__).resolve().parents[2] /
                                              "build"))


@pytest.fixture(scope="module")
def paddle_outputs(tmp_path_factory):
    require_paddle()
    out = tmp_path_factory.mktemp("zoo") / "zoo.npz"
    run_paddle_child("paddle_zoo_child.py", out, timeout=900)
    return dict(np.load(out))


@pytest.mark.parametrize("name", NAMES)
def test_eager_matches_real_paddle(paddle_outputs, name):
    """The same model source, weights and inputs on real Paddle (beam search
    picks the same hypotheses)."""
    _, method, inputs = _run(name, 2)
    got = paddle.utils.flatten(method(*[paddle.to_tensor(v) for v in inputs]))
    assert len(got) == int(paddle_outputs[f"{name}/n"])
    for i, g in enumerate(got):
        want = paddle_outputs[f"{name}/out{i}"]
        assert g.numpy().dtype == want.dtype and list(g.shape) == list(want.shape)
        np.testing.assert_allclose(g.numpy(), want, rtol=1e-4, atol=1e-4, err_msg=f"{name}[{i}]")


def _run(name, batch, seed=3):
    entry = zoo.MODELS[name]
    model = zoo.build(name)
    inputs = entry.inputs(np.random.RandomState(seed), batch)
    return model, getattr(model, entry.method), inputs


@pytest.mark.parametrize("name", NAMES)
def test_compiled_matches_eager(name):
    model, method, inputs = _run(name, 3)
    tensors = [paddle.to_tensor(v) for v in inputs]
    eager = method(*tensors)
    static = paddle.jit.to_static(method, input_spec=zoo.MODELS[name].specs(3))
    assert_same(eager, static(*tensors))
    # A second call runs the same program: no guard of the import fails
    # (ViT's NumPy drop rates once made every call import and compile again).
    code = static._compiled
    assert_same(eager, static(*tensors))
    assert static._compiled is code
    dynamic = paddle.jit.to_static(method, input_spec=zoo.MODELS[name].specs(None))
    assert_same(eager, dynamic(*tensors))
    # Another batch size runs the same compiled program.
    _, _, other = _run(name, 2, seed=4)
    others = [paddle.to_tensor(v) for v in other]
    assert_same(method(*others), dynamic(*others))
    assert len(dynamic.compiled_signatures) == 1


@pytest.mark.parametrize("name", NAMES)
def test_a_batch_of_one_compiles_and_matches_eager(name):
    # Static sizes of 1 reach upstream's folds (a ViT's batch of one made a
    # rank-reducing slice drop the wrong dimension, and the compile crash).
    _, method, inputs = _run(name, 1)
    tensors = [paddle.to_tensor(v) for v in inputs]
    static = paddle.jit.to_static(method, input_spec=zoo.MODELS[name].specs(1))
    assert_same(method(*tensors), static(*tensors))


@pytest.mark.parametrize("name", NAMES)
def test_saved_model_loads_and_runs_with_dy2st_run(name, tmp_path):
    model, method, inputs = _run(name, 2)
    path = str(tmp_path / name)
    paddle.jit.save(method, path, input_spec=zoo.MODELS[name].specs(None))
    eager = paddle.utils.flatten(method(*[paddle.to_tensor(v) for v in inputs]))
    loaded = paddle.utils.flatten(paddle.jit.load(path)(*inputs))
    assert len(loaded) == len(eager)
    for e, got in zip(eager, loaded):
        np.testing.assert_allclose(np.asarray(got), e.numpy(), rtol=1e-5, atol=1e-5)
    ran = run_saved_model(path, inputs, tmp_path)
    assert len(ran) == len(eager)
    for e, got in zip(eager, ran):
        np.testing.assert_allclose(got, e.numpy(), rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("name", NAMES)
def test_compiles_for_gpu(name):
    """Down to kernels (cubins through ptxas when the CUDA toolkit was found at
    configure time); running them needs a GPU (test_gpu.py)."""
    _, method, inputs = _run(name, 2)
    static = paddle.jit.to_static(method)
    text, captures = static._import().text, static._import().captures
    values = [paddle.to_tensor(v) for v in inputs] + [c.read() for c in captures]
    signature = ",".join(describe(_signature_entry(v)[1]) for v in values)
    run = subprocess.run(
        [os.path.join(BUILD, "bin", "dy2st-opt"), "-",
         f"--dy2st-compile-gpu=entry={method.__name__} signature='{signature}'"],
        input=text, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "gpu.launch_func" in run.stdout and "gpu.binary" in run.stdout


def test_parameter_names_follow_paddle():
    names = list(zoo.build("resnet18").state_dict())
    assert names[:6] == ["conv1.weight", "bn1.weight", "bn1.bias", "bn1._mean", "bn1._variance",
                         "layer1.0.conv1.weight"]
    bert = zoo.build("bert").state_dict()
    assert "encoder.layers.1.self_attn.q_proj.weight" in bert
    assert "embeddings.word_embeddings.weight" in bert
