"""dy2st against its peers, on the same workloads (bench/workloads.py), in one run.

Peers: plain numpy (on whatever BLAS numpy loads: OpenBLAS where
libopenblas is installed), numba.njit, torch eager, torch.jit.script,
torch.compile, and real Paddle (PyPI's paddlepaddle) eager and under its own
paddle.jit.to_static, which runs in its own interpreter (--paddle-python or
DY2ST_PADDLE_PYTHON). Every peer runs at the same thread count (--threads,
default 1). A peer that is not installed is skipped with the reason.

Each table gives the first call (compile + run), the steady-state time
(median of repeats), peer / dy2st (above 1: dy2st is faster) and the peak
memory: how far the process's resident set rose above its size before the
first call, over the first call and the repeats (compiling included; Linux
only); derived figures follow (GB/s against memcpy, GFLOP/s, µs per call).
Usage:
    PYTHONPATH=python-frontend /usr/bin/python3 bench/run.py [--quick] [--threads N] [workload ...]
Run it with an interpreter that also has numba and torch to include them
(e.g. a venv made with --system-site-packages).
"""
import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import time

import numpy as np

import dy2st

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import workloads  # noqa: E402

workloads.paddle = dy2st
measure = workloads.measure
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                    "NUMBA_NUM_THREADS")


def to_numpy(value):
    if isinstance(value, tuple):
        value = value[0]
    if isinstance(value, dy2st.Tensor):
        return value.numpy()
    if hasattr(value, "detach"):
        return value.detach().numpy()
    return np.asarray(value)


def child(python, script, arguments, threads):
    """The JSON line a runner prints in an interpreter of its own (no dy2st on
    its path), or the reason it failed."""
    env = dict(os.environ, PYTHONPATH="", **{k: str(threads) for k in THREAD_VARIABLES})
    run = subprocess.run([python, str(HERE / script)] + arguments, capture_output=True,
                         text=True, env=env, timeout=3600)
    if run.returncode != 0:
        return None, f"{script} failed: {run.stderr.strip().splitlines()[-1:]}"
    return json.loads(run.stdout.strip().splitlines()[-1]), None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes (a smoke test)")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--paddle-python", default=os.environ.get("DY2ST_PADDLE_PYTHON"))
    parser.add_argument("only", nargs="*", help="workload names to run")
    options = parser.parse_args()
    wanted = {k: str(options.threads) for k in THREAD_VARIABLES}
    if any(os.environ.get(k) != v for k, v in wanted.items()):
        # The libraries read these when they load: set before any of them.
        os.execve(sys.executable, [sys.executable] + sys.argv, dict(os.environ, **wanted))
    dy2st.set_num_threads(options.threads)
    names = options.only or workloads.NAMES + ["append_loop"]
    table_names = [n for n in names if n != "append_loop"]
    common = ["1" if options.quick else "0", str(options.repeats)]
    peers, why = child(sys.executable, "peers.py", common + [str(options.threads)] + table_names,
                       options.threads)
    peers = peers or {"peers": [], "missing": {"numpy, numba, torch": why}, "rows": {}}
    paddle, paddle_missing = {}, "no interpreter with real Paddle (--paddle-python / " \
        "DY2ST_PADDLE_PYTHON)"
    if options.paddle_python:
        paddle, paddle_missing = child(options.paddle_python, "run_paddle.py",
                                       common + table_names, options.threads)
        paddle = paddle or {}
    print(f"{options.threads} thread(s); peers: {', '.join(peers['peers']) or 'none'}")
    for peer, reason in list(peers["missing"].items()) + [("Paddle", paddle_missing)]:
        if reason:
            print(f"  skipped {peer}: {reason}")
    print(f"{'workload / peer':40}{'first call':>12}{'steady':>12}{'peer / dy2st':>14}"
          f"{'peak mem':>11}")
    titles = workloads.titles(options.quick)
    for name in table_names:
        print(titles[name])
        args = workloads.inputs(name, options.quick)
        tensors = [dy2st.to_tensor(a) if isinstance(a, np.ndarray) else a for a in args]
        if name in ("lstm", "gru"):
            # Two layers of the same weights (seeded): to_static converts a
            # layer in place.
            compiled = dy2st.jit.to_static(workloads.recurrent_layer(name))
            eager = workloads.recurrent_layer(name)
        else:
            compiled = dy2st.jit.to_static(workloads.FUNCTIONS[name])
            eager = workloads.FUNCTIONS[name]
        first, steady, peak = workloads.timed_row(compiled, tensors, name, options.repeats)
        ours = compiled(*tensors)
        rows = [("dy2st (compiled)", first, steady, peak)]
        slow = name in ("scalar_while", "mixed_loop")
        reference, e_first, e_steady, e_peak = measure(eager, tensors,
                                                       1 if slow else options.repeats)
        rows.append(("dy2st eager (numpy kernels)", e_first, e_steady, e_peak))
        np.testing.assert_allclose(to_numpy(ours), to_numpy(reference), rtol=1e-4, atol=1e-4)
        for row in peers["rows"].get(name, []):
            rows.append(tuple(row) if len(row) == 4 else (f"{row[0]}: {row[1]}", None, None, None))
        for key in ("eager", "to_static"):
            value = paddle.get(name, {}).get(key)
            if isinstance(value, list):
                rows.append((f"Paddle {key}", *value))
            elif value is not None:
                rows.append((f"Paddle {key}: {value[:60]}", None, None, None))
        for peer, f, s, peak in rows:
            if s is None:
                print(f"  {peer}")
                continue
            ratio = "" if peer.startswith("dy2st (") else f"{s / steady:.2f}x"
            unit, scale = ("us", 1e6) if name == "call_overhead" else ("ms", 1e3)
            memory = "" if peak is None else f"{peak / 2 ** 20:.0f} MB"
            print(f"  {peer:38}{f * 1e3:>10.1f}ms{s * scale:>10.2f}{unit}{ratio:>14}{memory:>11}")
        print("  " + derived(name, args, steady))
    if "append_loop" in names:
        append_scaling(options.quick, options.repeats)


def derived(name, args, steady):
    if name in ("elementwise_chain", "elementwise_affine"):
        x = args[0]
        out = np.empty_like(x)
        copy = statistics.median(_timed(lambda: np.copyto(out, x)) for _ in range(5))
        moved = 2 * x.nbytes
        return (f"dy2st {moved / steady / 1e9:.1f} GB/s (read + write) = "
                f"{copy / steady * 100:.0f}% of memcpy ({moved / copy / 1e9:.1f} GB/s)")
    if name == "matmul":
        n = args[0].shape[0]
        return f"dy2st {2 * n ** 3 / steady / 1e9:.1f} GFLOP/s"
    if name == "scalar_while":
        return f"dy2st {steady / args[1] * 1e9:.2f} ns per iteration"
    if name == "call_overhead":
        return f"dy2st {steady * 1e6:.2f} us per call"
    return ""


def _timed(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def append_scaling(quick, repeats):
    """Appending N items to a list in a compiled loop must cost O(N): the time
    for 2N items over the time for N should be about 2 (O(N^2) gives 4)."""
    n = 10_000 if quick else 100_000
    x = np.arange(4, dtype=np.float32)
    print(f"append_loop (append x + i to a list in a tensor-condition while, N = {n:,})")
    compiled = dy2st.jit.to_static(workloads.append_loop)
    times = []
    for k in (n, 2 * n):
        result, _, steady, _ = measure(compiled, [dy2st.to_tensor(x), dy2st.to_tensor(k)],
                                       repeats)
        assert to_numpy(result).shape == (k, 4)
        times.append(steady)
    print(f"  dy2st (compiled): N {times[0] * 1e3:.1f}ms, 2N {times[1] * 1e3:.1f}ms, "
          f"2N / N = {times[1] / times[0]:.2f}")


if __name__ == "__main__":
    main()
