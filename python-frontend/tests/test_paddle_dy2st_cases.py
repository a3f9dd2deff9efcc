"""Functions in the style of Paddle's own to_static tests (dy2st_cases.py):
dy2st's eager and compiled results against real Paddle's dygraph results (the
reference), on the same inputs. What Paddle's own to_static does with each is
written to the test log (`-s`), not asserted."""
import json

import numpy as np
import pytest

import dy2st
import dy2st_cases
from test_paddle_oracle import require_paddle, run_paddle_child


@pytest.fixture(scope="module")
def paddle_reference(tmp_path_factory):
    require_paddle()
    folder = tmp_path_factory.mktemp("dy2st_cases")
    run_paddle_child("paddle_dy2st_child.py", folder / "out.npz", folder / "report.json")
    report = json.loads((folder / "report.json").read_text())
    print("real Paddle's own to_static:", json.dumps(report, indent=1))
    return dict(np.load(folder / "out.npz")), report


def leaves(out):
    if out is None:
        return []
    return [np.asarray(v.numpy() if hasattr(v, "numpy") else v)
            for v in dy2st.utils.flatten(out)]


def run(fn, args):
    return leaves(fn(*[dy2st.to_tensor(a) if isinstance(a, np.ndarray) else a for a in args]))


@pytest.mark.parametrize("name,fn,args", dy2st_cases.CASES, ids=[c[0] for c in dy2st_cases.CASES])
@pytest.mark.parametrize("mode", ["eager", "compiled"])
def test_matches_paddle_dygraph(paddle_reference, name, fn, args, mode):
    reference, _ = paddle_reference
    got = run(fn if mode == "eager" else dy2st.jit.to_static(fn), args)
    expected = [reference[f"{name}/{i}"] for i in range(int(reference[f"{name}/n"]))]
    assert len(got) == len(expected)
    for g, e in zip(got, expected):
        assert g.shape == e.shape or g.size == e.size == 1, (g.shape, e.shape)
        assert g.dtype == e.dtype, (g.dtype, e.dtype)
        np.testing.assert_allclose(g.astype("float64").reshape(e.shape),
                                   e.astype("float64"), rtol=1e-5, atol=1e-6)
