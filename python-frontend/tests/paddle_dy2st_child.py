"""Run by test_paddle_dy2st_cases.py with real Paddle: each case of
dy2st_cases.py in dygraph (the reference) and under Paddle's own to_static;
saves the flattened results and what Paddle's to_static did."""
import json
import pathlib
import sys

import numpy as np
import paddle

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import dy2st_cases  # noqa: E402


def run(fn, args):
    args = [paddle.to_tensor(a) if isinstance(a, np.ndarray) else a for a in args]
    out = fn(*args)
    leaves = paddle.utils.flatten(out) if out is not None else []
    return [np.asarray(v.numpy() if hasattr(v, "numpy") else v) for v in leaves]


arrays, report = {}, {}
for name, fn, args in dy2st_cases.CASES:
    dygraph = run(fn, args)
    arrays[f"{name}/n"] = np.array(len(dygraph))
    for i, v in enumerate(dygraph):
        arrays[f"{name}/{i}"] = v
    try:
        static = run(paddle.jit.to_static(fn), args)
        same = len(static) == len(dygraph) and all(
            np.allclose(s.astype("float64"), d.astype("float64"), rtol=1e-5, atol=1e-6)
            for s, d in zip(static, dygraph))
        report[name] = "agrees" if same else "differs"
    except Exception as e:  # what Paddle's own to_static does with it
        report[name] = f"fails: {type(e).__name__}"
np.savez(sys.argv[1], **arrays)
pathlib.Path(sys.argv[2]).write_text(json.dumps(report, indent=1))
