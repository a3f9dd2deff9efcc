"""backend="gpu": the differential programs again, compiled for an NVIDIA GPU
and compared with eager runs. They need a build with the CUDA toolkit, an
NVIDIA driver and a GPU, and are skipped (with the reason) without them; run
them on a GPU machine with `bash scripts/test-gpu.sh`."""
import os
import subprocess

import numpy as np
import pytest

import dy2st as paddle
from conftest import assert_same
import test_calls as calls
import test_differential as d
import test_tensor_array as ta


def _double(x):
    return x * 2.0


def _gpu_unavailable():
    """Why backend="gpu" cannot run here, or None when it can."""
    try:
        paddle.jit.to_static(_double, backend="gpu")(paddle.to_tensor(np.ones(2, "float32")))
    except paddle.GPUUnavailableError as e:
        return str(e)
    return None


UNAVAILABLE = _gpu_unavailable()
if UNAVAILABLE is not None and os.environ.get("DY2ST_REQUIRE_GPU"):
    pytest.fail(f"DY2ST_REQUIRE_GPU is set but {UNAVAILABLE}", pytrace=False)
needs_gpu = pytest.mark.skipif(UNAVAILABLE is not None, reason=f"no GPU: {UNAVAILABLE}")


def chain(x, y):
    return paddle.tanh(x * 2.0 + y) * paddle.exp(-x) + paddle.sqrt(paddle.abs(y))


def matmul_relu(a, b):
    return paddle.nn.functional.relu(paddle.matmul(a, b))


def reductions(x):
    return paddle.sum(x), paddle.max(x, axis=1), paddle.mean(x, axis=0)


def power_iteration(a, v, steps):
    i = paddle.to_tensor(0)
    while i < steps:
        w = paddle.matmul(a, v)
        norm = paddle.sqrt(paddle.sum(w * w))
        if norm > 0:
            v = w / norm
        i = i + 1
    return v


rng = np.random.default_rng(0)
CASES = [
    (chain, lambda: (paddle.to_tensor(rng.standard_normal(1000).astype("float32")),
                     paddle.to_tensor(rng.standard_normal(1000).astype("float32")))),
    (matmul_relu, lambda: (paddle.to_tensor(rng.standard_normal((33, 70)).astype("float32")),
                           paddle.to_tensor(rng.standard_normal((70, 17)).astype("float32")))),
    (reductions, lambda: (paddle.to_tensor(rng.standard_normal((64, 300)).astype("float32")),)),
    (power_iteration, lambda: (paddle.to_tensor(np.diag([3.0, 1.0, 0.5]).astype("float32")),
                               paddle.to_tensor(np.ones((3, 1), "float32")),
                               paddle.to_tensor(20))),
    (d.grow, lambda: (paddle.to_tensor([1.0, 2.0, 3.0, 4.0]),)),
    (d.classify, lambda: (paddle.to_tensor([5.0, 6.0]),)),
    (d.accumulate, lambda: (paddle.to_tensor([1.0, 2.0]), 5)),
    (ta.collect_while, lambda: (paddle.to_tensor([1.0, 2.0, 3.0]), paddle.to_tensor(5))),
    (ta.pop_until_empty, lambda: (paddle.to_tensor([0.5, 1.5]), paddle.to_tensor(6))),
    (calls.fib, lambda: (paddle.to_tensor([10]),)),
    (calls.halve_until_small, lambda: (paddle.to_tensor([40.0, 8.0]),)),
]


@needs_gpu
@pytest.mark.parametrize("fn, args", CASES, ids=[fn.__name__ for fn, _ in CASES])
def test_gpu_matches_eager(fn, args):
    values = args()
    eager = fn(*values)
    compiled = paddle.jit.to_static(fn, backend="gpu")(*values)
    assert_same(eager, compiled)


@needs_gpu
def test_gpu_runtime_errors_raise_and_the_process_goes_on():
    fn = paddle.jit.to_static(ta.read_at, backend="gpu")
    x = paddle.to_tensor([1.0])
    with pytest.raises(IndexError, match="list index out of range"):
        fn(x, paddle.to_tensor(5))
    assert float(fn(x, paddle.to_tensor(1))) == 2.0


@pytest.mark.skipif(UNAVAILABLE is None, reason="a GPU is present")
def test_without_a_gpu_the_gpu_backend_is_a_clear_error():
    fn = paddle.jit.to_static(_double, backend="gpu")
    with pytest.raises(paddle.GPUUnavailableError, match="backend='gpu'"):
        fn(paddle.to_tensor([1.0]))
    # The CPU backend is unaffected.
    assert float(paddle.jit.to_static(_double)(paddle.to_tensor([1.0]))) == 2.0


@pytest.mark.parametrize("fn, args", CASES, ids=[fn.__name__ for fn, _ in CASES])
def test_gpu_programs_compile_to_kernels(fn, args):
    """Without a GPU too: each program goes through dy2st-compile-gpu, to
    cubins through ptxas when the toolkit was found at configure time."""
    from dy2st.compiler.signature import describe
    from dy2st.runtime.static_function import _signature_entry
    text = paddle.jit.to_static(fn)._import().text
    signature = ",".join(describe(_signature_entry(v)[1]) for v in args())
    tool = os.path.join(os.environ["DY2ST_BUILD_DIR"], "bin", "dy2st-opt")
    run = subprocess.run(
        [tool, "-", f"--dy2st-compile-gpu=entry={fn.__name__} signature='{signature}'"],
        input=text, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "gpu.launch_func" in run.stdout and "gpu.binary" in run.stdout
