"""The model zoo (examples/models) timed per batch: dy2st compiled and eager,
against real Paddle (PyPI's paddlepaddle, CPU) eager and under its own
paddle.jit.to_static, on the same model source, and torch eager on the twins
of bench/models_torch.py (ResNet-18, the LSTM language model, BERT-small:
where the interpreter has torch), one thread each.

Real Paddle runs in its own interpreter (bench/models_paddle.py): give it with
--paddle-python or DY2ST_PADDLE_PYTHON (scripts/test.sh makes
build/paddle-venv); without it those columns are skipped. Usage:
    PYTHONPATH=python-frontend /usr/bin/python3 bench/models.py [--batch N] [model ...]
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys

import numpy as np

import dy2st as paddle

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "examples" / "models"))
import zoo  # noqa: E402
from workloads import measure  # noqa: E402

ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def dy2st_times(name, batch, repeats):
    entry = zoo.MODELS[name]
    model = zoo.build(name)
    method = getattr(model, entry.method)
    args = [paddle.to_tensor(v) for v in entry.inputs(np.random.RandomState(3), batch)]
    compiled = paddle.jit.to_static(method, input_spec=entry.specs(batch))
    _, first, steady, _ = measure(compiled, args, repeats)
    _, _, eager, _ = measure(method, args, max(1, repeats // 3))
    return {"compile": first - steady, "compiled": steady, "eager": eager}


def torch_time(name, batch, repeats):
    """Torch eager's median time on the model's twin, or a reason for none."""
    try:
        import torch
        import models_torch
    except ImportError as e:
        return f"no torch ({e.name})"
    torch.set_num_threads(1)
    twin = models_torch.build(name)
    if twin is None:
        return "no twin"
    run, arguments = twin
    args = arguments(*zoo.MODELS[name].inputs(np.random.RandomState(3), batch))
    return measure(run, args, repeats)[2]


def paddle_times(python, names, batch, repeats):
    if not python:
        return {}, "no interpreter with real Paddle (--paddle-python)"
    run = subprocess.run([python, str(ROOT / "bench" / "models_paddle.py"), str(batch),
                          str(repeats)] + names, capture_output=True, text=True,
                         env=dict(os.environ, PYTHONPATH="", **ONE_THREAD), timeout=3600)
    if run.returncode != 0:
        return {}, f"real Paddle failed: {run.stderr.strip().splitlines()[-1:]}"
    return json.loads(run.stdout.strip().splitlines()[-1]), None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("models", nargs="*", default=list(zoo.MODELS))
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--paddle-python", default=os.environ.get("DY2ST_PADDLE_PYTHON"))
    options = parser.parse_args()
    if any(os.environ.get(k) != v for k, v in ONE_THREAD.items()):
        # dy2st runs on one core; so do the peers (their libraries read these at start).
        os.execve(sys.executable, [sys.executable] + sys.argv, dict(os.environ, **ONE_THREAD))
    peers, why = paddle_times(options.paddle_python, options.models, options.batch,
                              options.repeats)
    print(f"batch {options.batch}, one thread; times per batch (ms); ratio = peer / dy2st "
          "compiled (above 1: dy2st is faster)")
    if why:
        print(f"real Paddle skipped: {why}")
    header = (f"{'model':18} {'compile s':>9} {'dy2st':>9} {'eager':>9} {'ratio':>6} "
              f"{'Paddle':>9} {'ratio':>6} {'to_static':>9} {'ratio':>6} "
              f"{'torch':>9} {'ratio':>6}")
    print(header)
    for name in options.models:
        ours = dy2st_times(name, options.batch, options.repeats)
        theirs = peers.get(name, {})
        cells = [f"{name:18}", f"{ours['compile']:9.2f}", f"{ours['compiled'] * 1e3:9.2f}",
                 f"{ours['eager'] * 1e3:9.2f}", f"{ours['eager'] / ours['compiled']:6.2f}"]
        theirs = dict(theirs, torch=torch_time(name, options.batch, options.repeats))
        for key in ("eager", "to_static", "torch"):
            value = theirs.get(key)
            if isinstance(value, float):
                cells += [f"{value * 1e3:9.2f}", f"{value / ours['compiled']:6.2f}"]
            else:
                cells += [f"{'-':>9}", f"{'-':>6}"]
        print(" ".join(cells))
        for key in ("eager", "to_static"):
            if isinstance(theirs.get(key), str):
                print(f"  Paddle {key}: {theirs[key]}")
        if isinstance(theirs["torch"], str) and theirs["torch"] != "no twin":
            print(f"  torch: {theirs['torch']}")


if __name__ == "__main__":
    main()
