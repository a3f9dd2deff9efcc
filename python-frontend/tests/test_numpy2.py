"""dy2st under numpy 2 (what `pip install numpy` gives users today): the
extension's arrays must be right there too. pybind11 2.10 (Debian 12) reads
dtype fields at numpy 1's offsets; results of every dtype and rank are
checked in a child interpreter that has numpy >= 2 (DY2ST_NUMPY2_PYTHON,
made by scripts/test.sh), skipped with the reason where there is none."""
import os
import pathlib
import subprocess
import textwrap

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent("""
    import numpy as np
    import dy2st as paddle

    assert int(np.__version__.split(".")[0]) >= 2, np.__version__

    def chain(x, y, flags):
        return x * 2.0 + 1.0, paddle.matmul(y, y), x > 0, flags.astype("int32") + 1

    f = paddle.jit.to_static(chain)
    rng = np.random.default_rng(0)
    x = rng.standard_normal((3, 5)).astype(np.float32)
    y = rng.integers(-3, 4, (4, 4)).astype(np.float64)
    flags = rng.integers(0, 2, (2, 3, 4)).astype(np.int64)
    for _ in range(2):  # the first call and the dispatcher's
        a, b, c, d = f(paddle.to_tensor(x), paddle.to_tensor(y), paddle.to_tensor(flags))
        np.testing.assert_array_equal(a.numpy(), x * np.float32(2) + np.float32(1))
        np.testing.assert_array_equal(b.numpy(), y @ y)
        np.testing.assert_array_equal(c.numpy(), x > 0)
        np.testing.assert_array_equal(d.numpy(), flags.astype(np.int32) + 1)
        assert a.numpy().strides == (20, 4) and d.numpy().strides == (48, 16, 4)

    class Scaled(paddle.nn.Layer):
        # numpy 2 spells a float64 scalar np.float64(0.5): compiled code
        # reads it as the constant 0.5 (a ViT's drop rates from np.linspace).
        def __init__(self):
            super().__init__()
            self.rate = np.linspace(0.0, 1.0, 3)[1]

        def forward(self, v):
            return v * self.rate

    np.testing.assert_array_equal(paddle.jit.to_static(Scaled())(paddle.to_tensor(x)).numpy(),
                                  x * np.float32(0.5))
    print("numpy", np.__version__, "ok")
""")


def test_results_under_numpy_2(tmp_path):
    python = os.environ.get("DY2ST_NUMPY2_PYTHON")
    if not python or not os.path.exists(python):
        pytest.skip("no interpreter with numpy >= 2 (DY2ST_NUMPY2_PYTHON; scripts/test.sh "
                    "makes one from PyPI)")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "python-frontend"))
    script = tmp_path / "child.py"  # a file: to_static reads the function's source
    script.write_text(CHILD)
    done = subprocess.run([python, str(script)], capture_output=True, text=True, env=env,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "ok" in done.stdout
