# dy2st first: it names OpenBLAS's kernels before numpy loads OpenBLAS.
import dy2st  # noqa: I001
import dataclasses

import numpy as np
import pytest
from dy2st import Tensor


@pytest.fixture(autouse=True)
def default_dtype_restored():
    """A test that leaves paddle.set_default_dtype switched fails, and the
    default is float32 again for the tests after it (not a cascade of
    float64 results)."""
    yield
    left = dy2st.get_default_dtype()
    if left != "float32":
        dy2st.set_default_dtype("float32")
        pytest.fail(f"the test left the default dtype {left}")


def assert_same(eager, compiled, path="result"):
    """Compiled results must equal eager ones: structure, dtype, shape, values."""
    if isinstance(eager, Tensor):
        assert isinstance(compiled, Tensor), f"{path}: expected a Tensor, got {compiled!r}"
        assert compiled.dtype == eager.dtype, f"{path}: dtype {compiled.dtype} != {eager.dtype}"
        assert compiled.shape == eager.shape, f"{path}: shape {compiled.shape} != {eager.shape}"
        e, c = eager.numpy(), compiled.numpy()
        if e.dtype.kind == "f":
            np.testing.assert_allclose(c, e, rtol=1e-5, atol=1e-6, err_msg=path)
        else:
            np.testing.assert_array_equal(c, e, err_msg=path)
    elif isinstance(eager, (tuple, list)):
        assert type(compiled) is type(eager) and len(compiled) == len(eager), \
            f"{path}: expected a {type(eager).__name__} of {len(eager)}, got {compiled!r}"
        for i, (e, c) in enumerate(zip(eager, compiled)):
            assert_same(e, c, f"{path}[{i}]")
    elif isinstance(eager, dict):
        assert isinstance(compiled, dict) and list(compiled) == list(eager), \
            f"{path}: expected a dict with keys {list(eager)}, got {compiled!r}"
        for key in eager:
            assert_same(eager[key], compiled[key], f"{path}[{key!r}]")
    elif dataclasses.is_dataclass(eager):
        assert type(compiled) is type(eager), \
            f"{path}: expected a {type(eager).__name__}, got {compiled!r}"
        for field in dataclasses.fields(eager):
            assert_same(getattr(eager, field.name), getattr(compiled, field.name),
                        f"{path}.{field.name}")
    elif eager is None:
        assert compiled is None, f"{path}: expected None, got {compiled!r}"
    else:
        assert type(compiled) is type(eager), \
            f"{path}: expected {type(eager).__name__}, got {type(compiled).__name__}"
        if isinstance(eager, float):
            assert compiled == pytest.approx(eager, rel=1e-5), path
        else:
            assert compiled == eager, path


@pytest.fixture
def differential():
    """Runs a function eagerly and compiled on the same arguments and compares."""
    def run(fn, *args, **kwargs):
        eager = fn(*args, **kwargs)
        compiled = dy2st.jit.to_static(fn)(*args, **kwargs)
        assert_same(eager, compiled)
        return compiled
    return run


def run_saved_model(path, inputs, folder):
    """The outputs of `dy2st-run` on the saved model `path` given `inputs`
    (numpy arrays written to `folder`)."""
    import os
    import pathlib
    import subprocess
    build = os.environ.get("DY2ST_BUILD_DIR",
                           str(pathlib.Path(__file__).resolve().parents[2] / "build"))
    command = [os.path.join(build, "bin", "dy2st-run"), path + ".pdmodel",
               "--output", str(pathlib.Path(folder) / "out")]
    for i, v in enumerate(inputs):
        np.save(pathlib.Path(folder) / f"in{i}.npy", v)
        command += ["--arg", str(pathlib.Path(folder) / f"in{i}.npy")]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    outputs = []
    while (pathlib.Path(folder) / f"out{len(outputs)}.npy").exists():
        outputs.append(np.load(pathlib.Path(folder) / f"out{len(outputs)}.npy"))
    return outputs
