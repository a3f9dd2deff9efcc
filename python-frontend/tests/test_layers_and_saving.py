"""Layers, jit.save/jit.load, dy2st-run on saved models, TracedLayer and the
static executor; the seed's examples (000_d57fb306f49719ad.txt) verbatim."""
import io
import os
import subprocess
import sys
import tarfile
import textwrap
import warnings

import numpy as np
import pytest

import dy2st as paddle
from dy2st.static import InputSpec

BUILD = os.environ.get("DY2ST_BUILD_DIR",
                       os.path.join(os.path.dirname(__file__), "..", "..", "build"))
FRONTEND = os.path.join(os.path.dirname(__file__), "..")

# The seed's examples, with their indentation (the seed file lost it).
SEED_TO_STATIC = """
import paddle
import numpy as np
@paddle.jit.to_static
def func(input_var):
    # if判断与输入input_var的shape有关
    if input_var.shape[0] > 1:
        out = paddle.cast(input_var, "float64")
    else:
        out = paddle.cast(input_var, "int64")
    return out
in_np = np.array([-2]).astype('int')
input_var = paddle.to_tensor(in_np)
func(input_var)
"""

SEED_LAYER = """
import numpy as np
import paddle
class SimpleFcLayer(paddle.nn.Layer):
    def __init__(self, batch_size, feature_size, fc_size):
        super(SimpleFcLayer, self).__init__()
        self._linear = paddle.nn.Linear(feature_size, fc_size)
        self._offset = paddle.to_tensor(
            np.random.random((batch_size, fc_size)).astype('float32'))

    @paddle.jit.to_static
    def forward(self, x):
        fc = self._linear(x)
        return fc + self._offset
"""

SEED_SAVE = """
import paddle
fc_layer = SimpleFcLayer(3, 4, 2)
in_np = np.random.random([3, 4]).astype('float32')
input_var = paddle.to_tensor(in_np)
out = fc_layer(input_var)
paddle.jit.save(fc_layer, "./fc_layer_dy2stat", input_spec=[input_var])
"""

SEED_TRACED_LAYER = """
import numpy as np
import paddle
class SimpleFcLayer(paddle.nn.Layer):
    def __init__(self, batch_size, feature_size, fc_size):
        super(SimpleFcLayer, self).__init__()
        self._linear = paddle.nn.Linear(feature_size, fc_size)
        self._offset = paddle.to_tensor(
            np.random.random((batch_size, fc_size)).astype('float32'))

    def forward(self, x):
        fc = self._linear(x)
        return fc + self._offset
"""

SEED_TRACE = """
import paddle
from paddle.jit import TracedLayer
fc_layer = SimpleFcLayer(3, 4, 2)
in_np = np.random.random([3, 4]).astype('float32')
# 将numpy的ndarray类型的数据转换为Tensor类型
input_var = paddle.to_tensor(in_np)
# 通过 TracerLayer.trace 接口将命令式模型转换为声明式模型
out_dygraph, static_layer = TracedLayer.trace(fc_layer, inputs=[input_var])
save_dirname = './saved_infer_model'
# 将转换后的模型保存
static_layer.save_inference_model(save_dirname, feed=[0], fetch=[0])
"""

SEED_STATIC_RUN = """
paddle.enable_static()
place = paddle.CPUPlace()
exe = paddle.Executor(place)
program, feed_vars, fetch_vars = paddle.static.load_inference_model(save_dirname, exe)
fetch, = exe.run(program, feed={feed_vars[0]: in_np}, fetch_list=fetch_vars)
"""

# The last example, with the seed's one slip fixed (the colon after `def func(input_var)`).
SEED_BRANCHING_FUNC = """
import paddle
def func(input_var):
    # if判断与输入input_var的shape有关
    if input_var.shape[0] > 1:
        return paddle.cast(input_var, "float64")
    else:
        return paddle.cast(input_var, "int64")
in_np = np.array([-2]).astype('int')
input_var = paddle.to_tensor(in_np)
out = func(input_var)
"""


def run_seed(tmp_path, *parts):
    """Runs seed code after `import dy2st as paddle`, in a fresh namespace."""
    namespace = {}
    source = "import dy2st as paddle\n" + "".join(textwrap.dedent(p) for p in parts)
    path = tmp_path / "seed_example.py"
    path.write_text(source)
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        exec(compile(source, str(path), "exec"), namespace)
    finally:
        os.chdir(cwd)
        paddle.disable_static()
    return namespace


def test_seed_to_static_example(tmp_path):
    ns = run_seed(tmp_path, SEED_TO_STATIC, "result = func(input_var)\n")
    assert ns["result"].dtype == paddle.int64 and ns["result"].shape == [1]
    three = ns["func"](paddle.to_tensor(np.array([1, 2, 3])))
    assert three.dtype == paddle.float64


def test_seed_save_example(tmp_path):
    ns = run_seed(tmp_path, SEED_LAYER, SEED_SAVE)
    assert (tmp_path / "fc_layer_dy2stat.pdmodel").exists()
    assert (tmp_path / "fc_layer_dy2stat.pdiparams").exists()
    loaded = paddle.jit.load(str(tmp_path / "fc_layer_dy2stat"))
    np.testing.assert_allclose(loaded(ns["input_var"]).numpy(), ns["out"].numpy(), rtol=1e-6,
                               atol=1e-6)


def test_seed_traced_layer_and_static_executor(tmp_path):
    ns = run_seed(tmp_path, SEED_TRACED_LAYER, SEED_TRACE, SEED_STATIC_RUN)
    np.testing.assert_allclose(ns["fetch"], ns["out_dygraph"].numpy(), rtol=1e-6, atol=1e-6)
    np.testing.assert_allclose(ns["static_layer"](ns["input_var"]).numpy(),
                               ns["out_dygraph"].numpy(), rtol=1e-6, atol=1e-6)


def test_seed_branching_function_traces_one_path(tmp_path):
    # The seed's last example continues the first one (it uses its numpy import).
    ns = run_seed(tmp_path, SEED_TO_STATIC, SEED_BRANCHING_FUNC,
                  "_, traced = paddle.jit.TracedLayer.trace(func, inputs=[input_var])\n")
    assert ns["out"].dtype == paddle.int64
    assert ns["traced"](ns["input_var"]).dtype == paddle.int64


# save / load ---------------------------------------------------------------------

class Gate(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.fc1 = paddle.nn.Linear(4, 8)
        self.fc2 = paddle.nn.Linear(8, 3)

    def forward(self, x):
        h = paddle.nn.functional.relu(self.fc1(x))
        if h.sum() > 1.0:
            h = h * 0.5
        else:
            h = h + 1.0
        return self.fc2(h)


def test_save_load_same_outputs_with_dynamic_batch(tmp_path):
    layer = Gate()
    path = str(tmp_path / "gate")
    paddle.jit.save(layer, path, input_spec=[InputSpec([None, 4], "float32", "x")])
    loaded = paddle.jit.load(path)
    for rows in (1, 3, 6):
        x = paddle.to_tensor(np.random.rand(rows, 4).astype("float32"))
        np.testing.assert_allclose(loaded(x).numpy(), layer(x).numpy(), rtol=1e-5, atol=1e-6)
    assert len(loaded._compiled) == 1


def test_load_in_a_fresh_process_without_the_source(tmp_path):
    layer = Gate()
    path = str(tmp_path / "gate")
    x = np.random.rand(2, 4).astype("float32")
    np.save(tmp_path / "x.npy", x)
    paddle.jit.save(layer, path, input_spec=[InputSpec([None, 4], "float32")])
    np.save(tmp_path / "expected.npy", layer(paddle.to_tensor(x)).numpy())
    script = (f"import numpy as np, dy2st\n"
              f"m = dy2st.jit.load({path!r})\n"
              f"y = m(np.load({str(tmp_path / 'x.npy')!r})).numpy()\n"
              f"np.testing.assert_allclose(y, np.load({str(tmp_path / 'expected.npy')!r}), "
              f"rtol=1e-5, atol=1e-6)\nprint('same')\n")
    env = dict(os.environ, PYTHONPATH=os.path.abspath(FRONTEND), DY2ST_BUILD_DIR=BUILD)
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                          text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "same" in done.stdout


def test_save_without_input_spec_uses_the_converted_program(tmp_path):
    # Paddle saves what to_static made: its declared input_spec, else the
    # inputs of the last call; a layer never called and given no spec cannot.
    called = paddle.jit.to_static(Gate())
    x = paddle.rand([5, 4])
    out = called(x)
    paddle.jit.save(called, str(tmp_path / "called"))
    np.testing.assert_allclose(paddle.jit.load(str(tmp_path / "called"))(x).numpy(),
                               out.numpy(), rtol=1e-6, atol=1e-6)
    declared = paddle.jit.to_static(Gate(), input_spec=[InputSpec([None, 4], "float32")])
    paddle.jit.save(declared, str(tmp_path / "declared"))
    loaded = paddle.jit.load(str(tmp_path / "declared"))
    np.testing.assert_allclose(loaded(x).numpy(), declared(x).numpy(), rtol=1e-6, atol=1e-6)
    with pytest.raises(ValueError, match="needs input_spec"):
        paddle.jit.save(paddle.jit.to_static(Gate()), str(tmp_path / "never_called"))
    with pytest.raises(ValueError, match="output_spec .* is not supported"):
        paddle.jit.save(called, str(tmp_path / "pruned"), output_spec=[0])


def test_dy2st_run_runs_a_saved_model(tmp_path):
    layer = Gate()
    path = str(tmp_path / "gate")
    paddle.jit.save(layer, path, input_spec=[InputSpec([None, 4], "float32")])
    x = np.random.rand(5, 4).astype("float32")
    np.save(tmp_path / "x.npy", x)
    done = subprocess.run([os.path.join(BUILD, "bin", "dy2st-run"), path + ".pdmodel",
                           "--arg", str(tmp_path / "x.npy"), "--output", str(tmp_path / "y")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    np.testing.assert_allclose(np.load(tmp_path / "y0.npy"), layer(paddle.to_tensor(x)).numpy(),
                               rtol=1e-5, atol=1e-6)


def test_saved_model_checks_inputs(tmp_path):
    path = str(tmp_path / "gate")
    paddle.jit.save(Gate(), path, input_spec=[InputSpec([None, 4], "float32")])
    loaded = paddle.jit.load(path)
    with pytest.raises(paddle.Dy2StError, match="declared as a float32 tensor of shape"):
        loaded(np.ones((2, 5), np.float32))
    with pytest.raises(paddle.Dy2StError, match="declared as a float32 tensor"):
        loaded(np.ones((2, 4), np.float64))
    with pytest.raises(TypeError, match="takes 1 inputs"):
        loaded(np.ones((2, 4), np.float32), np.ones((2, 4), np.float32))


def test_bad_model_files_are_rejected(tmp_path):
    with pytest.raises(ValueError, match="cannot read the model"):
        paddle.jit.load(str(tmp_path / "missing"))
    (tmp_path / "junk.pdmodel").write_text("hello\n")
    with pytest.raises(ValueError, match="not a dy2st model"):
        paddle.jit.load(str(tmp_path / "junk"))
    path = str(tmp_path / "gate")
    paddle.jit.save(Gate(), path, input_spec=[InputSpec([None, 4], "float32")])
    with open(path + ".pdiparams", "r+b") as f:
        f.truncate(700)
    with pytest.raises(ValueError, match="cannot read the parameters"):
        paddle.jit.load(path)


def _rewrite_parameters(path, change):
    """The model's parameter archive again, each array changed by `change`."""
    with tarfile.open(path + ".pdiparams") as tar:
        members = [(m.name, np.load(io.BytesIO(tar.extractfile(m).read())))
                   for m in tar.getmembers()]
    with tarfile.open(path + ".pdiparams", "w", format=tarfile.USTAR_FORMAT) as tar:
        for name, array in members:
            data = io.BytesIO()
            np.save(data, change(array))
            info = tarfile.TarInfo(name)
            info.size = len(data.getvalue())
            tar.addfile(info, io.BytesIO(data.getvalue()))


def test_parameters_in_another_byte_order_or_dtype(tmp_path):
    """A big-endian archive member holds the same numbers; a dtype no dy2st
    model holds is a ValueError naming the file (the call raised a TypeError)."""
    path = str(tmp_path / "gate")
    gate, x = Gate(), np.ones((2, 4), np.float32)
    paddle.jit.save(gate, path, input_spec=[InputSpec([None, 4], "float32")])
    expected = paddle.jit.load(path)(x).numpy()
    _rewrite_parameters(path, lambda a: a.astype(a.dtype.newbyteorder(">")))
    np.testing.assert_array_equal(paddle.jit.load(path)(x).numpy(), expected)
    _rewrite_parameters(path, lambda a: a.astype(np.float16))
    with pytest.raises(ValueError, match="gate.pdiparams: parameter 0 is of dtype float16"):
        paddle.jit.load(path)


def broken(x):
    return np.sort(x)


def test_failed_save_leaves_nothing_behind(tmp_path):
    with pytest.raises(paddle.Dy2StError):
        paddle.jit.save(broken, str(tmp_path / "broken"), input_spec=[InputSpec([3])])
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(ValueError, match="needs input_spec"):
        paddle.jit.save(Gate(), str(tmp_path / "nospec"))
    assert list(tmp_path.iterdir()) == []


# layers and tracing ----------------------------------------------------------------

def test_layer_parameters_and_state_dict():
    layer = Gate()
    names = list(layer.state_dict())
    assert names == ["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"]
    assert len(layer.parameters()) == 4
    w = layer.fc1.weight.numpy()
    assert w.shape == (4, 8) and np.abs(w).max() <= np.sqrt(6 / 12) + 1e-6
    assert np.all(layer.fc1.bias.numpy() == 0)
    other = Gate()
    other.set_state_dict(layer.state_dict())
    x = paddle.to_tensor(np.random.rand(2, 4).astype("float32"))
    np.testing.assert_allclose(other(x).numpy(), layer(x).numpy())
    with pytest.warns(UserWarning, match="fc1.weight receives a shape"):
        missing, _ = other.set_state_dict({"fc1.weight": np.zeros((3, 3), np.float32)})
    assert "fc1.weight" in missing
    np.testing.assert_allclose(other(x).numpy(), layer(x).numpy())


def test_changing_weights_does_not_recompile():
    layer = Gate()
    compiled = paddle.jit.to_static(layer)
    x = paddle.to_tensor(np.random.rand(2, 4).astype("float32"))
    compiled(x)
    layer.set_state_dict({name: p.numpy() * 2 for name, p in layer.state_dict().items()})
    np.testing.assert_allclose(compiled(x).numpy(), Gate.forward(layer, x).numpy(), rtol=1e-5,
                               atol=1e-6)
    assert len(compiled.forward.compiled_signatures) == 1


def test_sequential_compiled():
    seq = paddle.nn.Sequential(paddle.nn.Linear(4, 3), paddle.nn.ReLU(), paddle.nn.Linear(3, 2))
    x = paddle.to_tensor(np.random.rand(5, 4).astype("float32"))
    eager = seq(x)
    # BLAS sums in another order than numpy: float32 rounding near zero.
    np.testing.assert_allclose(paddle.jit.to_static(seq)(x).numpy(), eager.numpy(), rtol=1e-5,
                               atol=1e-6)


def test_trace_warns_on_data_dependent_branch():
    layer = Gate()
    x = paddle.to_tensor(np.random.rand(2, 4).astype("float32"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out, traced = paddle.jit.TracedLayer.trace(layer, inputs=[x])
    messages = [str(w.message) for w in caught if issubclass(w.category, paddle.TraceWarning)]
    assert messages and "if h.sum() > 1.0" in messages[0] and __file__ in messages[0]
    np.testing.assert_allclose(traced(x).numpy(), out.numpy(), rtol=1e-5, atol=1e-6)
