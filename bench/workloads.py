"""The benchmark's workloads, written once against Paddle's API.

`paddle` is bound by the runner before use: dy2st (bench/run.py) or real
Paddle (bench/run_paddle.py), so both systems convert and run this very
source. `inputs(name, quick)` gives each workload's arguments as numpy arrays
and Python numbers, the same for every peer.
"""
import statistics
import time

import numpy as np

paddle = None  # bound by the runner


def _status_bytes(field):
    """A size from /proc/self/status (VmRSS, VmHWM), or None off Linux."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def _reset_peak():
    """Sets the resident set's high-water mark to its current size (Linux's
    clear_refs 5); False where that is not possible."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def measure(fn, args, repeats):
    """(result, first call's seconds, median of `repeats` later calls, peak
    memory): the peak is how far the process's resident set rose above its
    size before the first call (compiling included), in bytes, or None where
    it cannot be read."""
    before = _status_bytes("VmRSS") if _reset_peak() else None
    start = time.perf_counter()
    result = fn(*args)
    first = time.perf_counter() - start
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - start)
    peak = _status_bytes("VmHWM")
    grown = None if before is None or peak is None else max(0, peak - before)
    return result, first, statistics.median(times), grown


def per_call(fn, args, seconds=0.5):
    """Steady time of a call too short to time alone: calls in a loop."""
    fn(*args)
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for _ in range(1000):
            fn(*args)
        count += 1000
    return (time.perf_counter() - start) / count


def timed_row(fn, args, name, repeats):
    """[first, steady, peak memory] of one system on one workload (steady per
    call for call_overhead)."""
    _, first, steady, peak = measure(fn, args, repeats)
    if name == "call_overhead":
        steady = per_call(fn, args)
    return [first, steady, peak]


def scalar_while(x, limit):
    while x < limit:
        x = x + 1.0
    return x


def elementwise_chain(x):
    return paddle.tanh(x * 2.0 + 1.0) * paddle.exp(-x) + paddle.sqrt(paddle.abs(x))


def elementwise_affine(x):
    # Memory-bound: one multiply-add per element read and written.
    return x * 2.0 + 1.0


def matmul(a, b):
    return paddle.matmul(a, b)


def mixed_loop(x, n):
    i = 0
    while i < n:
        x = paddle.tanh(x) * 0.9 + 0.1
        if paddle.max(x) > 10.0:
            x = x * 0.5
        i += 1
    return x


def call_overhead(x):
    return x + 1.0


def avg_pool(x):
    # The two divisors of a 3x3/2 average pool: the window inside the input
    # (exclusive, Paddle's default) and the whole padded window.
    f = paddle.nn.functional
    return f.avg_pool2d(x, 3, 2, 1) + f.avg_pool2d(x, 3, 2, 1, exclusive=False)


def append_loop(x, n):
    out = []
    i = paddle.to_tensor(0)
    while i < n:
        out.append(x + i)
        i = i + 1
    return paddle.stack(out)


RNN_BATCH, RNN_STEPS, RNN_INPUT, RNN_HIDDEN = 32, 64, 128, 256


def recurrent_layer(kind):
    """Paddle's nn.LSTM / nn.GRU (batch-major), the same sizes for every peer."""
    paddle.seed(0)
    cls = paddle.nn.LSTM if kind == "lstm" else paddle.nn.GRU
    return cls(RNN_INPUT, RNN_HIDDEN)


def sizes(quick):
    return {"elements": 1 << (20 if quick else 24), "matmul": 256 if quick else 1024,
            "iterations": 10_000 if quick else 100_000, "loops": 100 if quick else 1000,
            "images": 2 if quick else 8}


def inputs(name, quick):
    rng = np.random.default_rng(0)
    s = sizes(quick)
    if name == "scalar_while":
        return [np.zeros(1, np.float32), float(s["iterations"])]
    if name in ("elementwise_chain", "elementwise_affine"):
        return [rng.standard_normal(s["elements"]).astype(np.float32)]
    if name == "matmul":
        n = s["matmul"]
        return [rng.standard_normal((n, n)).astype(np.float32),
                rng.standard_normal((n, n)).astype(np.float32)]
    if name == "mixed_loop":
        return [rng.standard_normal(4096).astype(np.float32), s["loops"]]
    if name == "call_overhead":
        return [np.ones(4, np.float32)]
    if name == "avg_pool":
        return [rng.standard_normal((s["images"], 64, 56, 56)).astype(np.float32)]
    if name in ("lstm", "gru"):
        return [rng.standard_normal((RNN_BATCH, RNN_STEPS, RNN_INPUT)).astype(np.float32)]
    raise KeyError(name)


def titles(quick):
    s = sizes(quick)
    return {
        "scalar_while": f"scalar_while ({s['iterations']:,} iterations on a 1-element tensor)",
        "elementwise_chain": f"elementwise_chain ({s['elements']:,} float32)",
        "elementwise_affine": f"elementwise_affine (x * 2 + 1 on {s['elements']:,} float32)",
        "matmul": f"matmul ({s['matmul']}x{s['matmul']} float32)",
        "mixed_loop": f"mixed_loop ({s['loops']} iterations of elementwise on 4096 + a branch)",
        "call_overhead": "call_overhead (x + 1.0 on 4 float32: the cost of one call)",
        "avg_pool": f"avg_pool (3x3/2 average pools, both divisors, {s['images']}x64x56x56)",
        "lstm": f"lstm inference (nn.LSTM {RNN_INPUT}->{RNN_HIDDEN}, batch {RNN_BATCH}, "
                f"{RNN_STEPS} steps)",
        "gru": f"gru inference (nn.GRU {RNN_INPUT}->{RNN_HIDDEN}, batch {RNN_BATCH}, "
               f"{RNN_STEPS} steps)",
    }


FUNCTIONS = {"scalar_while": scalar_while, "elementwise_chain": elementwise_chain,
             "elementwise_affine": elementwise_affine, "matmul": matmul, "mixed_loop": mixed_loop,
             "call_overhead": call_overhead, "avg_pool": avg_pool}
NAMES = list(FUNCTIONS) + ["lstm", "gru"]
