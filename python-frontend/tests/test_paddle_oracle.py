"""Eager dy2st against real Paddle (PyPI's paddlepaddle, CPU build) on every
case of the op table: same dtype, shape and values. Real Paddle runs in its own
interpreter (a venv made by scripts/test.sh, or DY2ST_PADDLE_PYTHON); it is a
test oracle only, never a dependency of dy2st."""
import json
import os
import pathlib
import subprocess

import numpy as np
import pytest

import dy2st as paddle
import test_op_table
from test_op_table import CASES, EDGE, write_case_module

# Where Paddle's behaviour is deliberately not followed, and why.
DIFFERENCES = {
    "empty": "Paddle's empty is uninitialized (dy2st's is zero-filled)",
    "empty_like": "Paddle's empty_like is uninitialized (dy2st's is zero-filled)",
    "set_value": "Paddle's set_value is the internal op behind x[...] = v, not a public "
                 "function; assignments are tested against numpy in test_op_table.py",
    "rms_norm": "Paddle 3.3's CPU build has no rms_norm kernel (GPU only): tested against numpy "
                "in test_op_table.py",
    "fft_c2c": "Paddle's fft_c2c is the internal op behind paddle.fft (with axes and a "
               "normalization), not a public function; paddle.fft's cases test it against "
               "Paddle, and it is tested against numpy in test_op_table.py",
}

# The same on the edge values only (NaN, infinities, subnormals...): numpy's
# and IEEE's results are kept where Paddle's CPU kernels give others.
EDGE_DIFFERENCES = {
    "sqrt": "Paddle's sqrt gives NaN for inf and flushes subnormals to 0 (IEEE: inf, 1e-19)",
    "rsqrt": "Paddle's rsqrt flushes subnormal inputs to 0 (inf where IEEE gives 1e19)",
    "remainder": "Paddle's remainder gives a zero the dividend's sign (Python and numpy: the "
                 "divisor's, 0.0 % -2.0 is -0.0)",
}


def paddle_env(base=os.environ):
    """`base` for real Paddle's interpreter: without dy2st's path, and without
    the sanitizer runtimes scripts/test-sanitized.sh preloads (Paddle's
    process runs no dy2st code)."""
    return {k: v for k, v in dict(base, PYTHONPATH="").items() if k != "LD_PRELOAD"}


def _paddle_python():
    candidates = [os.environ.get("DY2ST_PADDLE_PYTHON")]
    build = os.environ.get("DY2ST_BUILD_DIR")
    if build:
        candidates.append(str(pathlib.Path(build) / "paddle-venv" / "bin" / "python"))
    for python in filter(None, candidates):
        if pathlib.Path(python).exists() and subprocess.run(
                [python, "-c", "import paddle"], capture_output=True,
                env=paddle_env()).returncode == 0:
            return python
    return None


PYTHON = _paddle_python()


def require_paddle():
    """Skips the test (with the reason) where real Paddle is not installed."""
    if PYTHON is None:
        pytest.skip("real Paddle is not installed: scripts/test.sh installs PyPI's "
                    "paddlepaddle into $DY2ST_BUILD_DIR/paddle-venv when PyPI is reachable")


def run_paddle_child(script, *args, timeout=600):
    """Runs `script` (beside this file) with real Paddle's interpreter."""
    child = pathlib.Path(__file__).with_name(script)
    run = subprocess.run([PYTHON, str(child)] + [str(a) for a in args], capture_output=True,
                         text=True, env=paddle_env(), timeout=timeout)
    assert run.returncode == 0, run.stderr[-3000:]


def paddle_json(module, folder):
    """What `module`'s run(paddle) gives on real Paddle (paddle_json_child.py)."""
    path = pathlib.Path(folder) / f"{module}.json"
    run_paddle_child("paddle_json_child.py", module, path)
    return json.loads(path.read_text())


def paddle_case_results(folder, cases, test_file):
    """What real Paddle gives on each of `cases` (the CASES of `test_file`):
    {case{i}_out{j}: array, case{i}_n: count} or {case{i}_error: text}."""
    cases_path, count = write_case_module(folder, "import paddle", test_file)
    arrays = {"count": np.array(count)}
    for i, case in enumerate(cases):
        arrays[f"case{i}_n"] = np.array(len(case[3]))
        for j, v in enumerate(case[3]):
            arrays[f"case{i}_arg{j}"] = np.asarray(v)
    np.savez(folder / "inputs.npz", **arrays)
    out = folder / "paddle.npz"
    run_paddle_child("paddle_oracle_child.py", cases_path, folder / "inputs.npz", out)
    return dict(np.load(out))


@pytest.fixture(scope="module")
def paddle_results(tmp_path_factory):
    require_paddle()
    return paddle_case_results(tmp_path_factory.mktemp("oracle"), CASES, test_op_table.__file__)


@pytest.mark.parametrize("index", range(len(CASES)), ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_eager_matches_paddle(paddle_results, index):
    name, fn, _, inputs = CASES[index]
    if name in DIFFERENCES:
        pytest.skip(DIFFERENCES[name])
    if name in EDGE_DIFFERENCES and any(v is EDGE for v in inputs):
        pytest.skip(EDGE_DIFFERENCES[name])
    error = paddle_results.get(f"case{index}_error")
    assert error is None, f"real Paddle failed on this case: {error}"
    got = fn(*[paddle.to_tensor(v) for v in inputs])
    got = got if isinstance(got, (list, tuple)) else [got]
    assert len(got) == int(paddle_results[f"case{index}_n"])
    for j, g in enumerate(got):
        want = paddle_results[f"case{index}_out{j}"]
        g = np.asarray(g)
        assert g.dtype == want.dtype, f"dtype {g.dtype}, Paddle gives {want.dtype}"
        assert g.shape == want.shape, f"shape {g.shape}, Paddle gives {want.shape}"
        assert np.allclose(g, want, rtol=1e-5, atol=1e-6, equal_nan=True)
