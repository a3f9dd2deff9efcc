"""dy2st benchmarks against eager numpy, numba.njit and torch.jit.script.

Every peer runs the same workload in the same process; the table gives the
first call (compile + run) and the steady-state time (median of repeats), and
each peer's steady-state time divided by dy2st's (above 1: dy2st is faster).
Peers that are not installed (Debian's python3-numba, python3-torch) are
skipped. Usage:
    PYTHONPATH=python-frontend /usr/bin/python3 bench/run.py [--quick] [workload ...]
"""
import argparse
import statistics
import time
from typing import List

import numpy as np

import dy2st as paddle

try:
    import numba
except ImportError:
    numba = None
try:
    import torch
except ImportError:
    torch = None


# Workloads, written once against dy2st's API (eager and compiled) -------------

def scalar_while(x, limit):
    while x < limit:
        x = x + 1.0
    return x


def elementwise_chain(x):
    return paddle.tanh(x * 2.0 + 1.0) * paddle.exp(-x) + paddle.sqrt(paddle.abs(x))


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


def append_loop(x, n):
    out = []
    i = paddle.to_tensor(0)
    while i < n:
        out.append(x + i)
        i = i + 1
    return paddle.stack(out)


# The same workloads for the peers ------------------------------------------------

def numba_versions():
    if numba is None:
        return {}
    njit = numba.njit

    @njit
    def nb_scalar_while(x, limit):
        while x[0] < limit:
            x = x + np.float32(1.0)
        return x

    @njit
    def nb_elementwise_chain(x):
        return (np.tanh(x * np.float32(2.0) + np.float32(1.0)) * np.exp(-x)
                + np.sqrt(np.abs(x)))

    @njit
    def nb_matmul(a, b):
        return a @ b

    @njit
    def nb_mixed_loop(x, n):
        i = 0
        while i < n:
            x = np.tanh(x) * np.float32(0.9) + np.float32(0.1)
            if x.max() > 10.0:
                x = x * np.float32(0.5)
            i += 1
        return x

    return {"scalar_while": nb_scalar_while, "elementwise_chain": nb_elementwise_chain,
            "matmul": nb_matmul, "mixed_loop": nb_mixed_loop}


def torch_versions():
    if torch is None:
        return {}

    def t_scalar_while(x: torch.Tensor, limit: float) -> torch.Tensor:
        while bool(x < limit):
            x = x + 1.0
        return x

    def t_elementwise_chain(x: torch.Tensor) -> torch.Tensor:
        return torch.tanh(x * 2.0 + 1.0) * torch.exp(-x) + torch.sqrt(torch.abs(x))

    def t_matmul(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        return torch.matmul(a, b)

    def t_mixed_loop(x: torch.Tensor, n: int) -> torch.Tensor:
        i = 0
        while i < n:
            x = torch.tanh(x) * 0.9 + 0.1
            if bool(torch.max(x) > 10.0):
                x = x * 0.5
            i += 1
        return x

    def t_append_loop(x: torch.Tensor, n: int) -> torch.Tensor:
        out: List[torch.Tensor] = []
        i = 0
        while i < n:
            out.append(x + i)
            i += 1
        return torch.stack(out)

    return {name: torch.jit.script(fn) for name, fn in (
        ("scalar_while", t_scalar_while), ("elementwise_chain", t_elementwise_chain),
        ("matmul", t_matmul), ("mixed_loop", t_mixed_loop), ("append_loop", t_append_loop))}


def workloads(quick):
    rng = np.random.default_rng(0)
    n_elem = 1 << (20 if quick else 24)
    size = 256 if quick else 1024
    iterations = 10_000 if quick else 100_000
    loops = 100 if quick else 1000
    x16m = rng.standard_normal(n_elem).astype(np.float32)
    a = rng.standard_normal((size, size)).astype(np.float32)
    b = rng.standard_normal((size, size)).astype(np.float32)
    x4k = rng.standard_normal(4096).astype(np.float32)
    return [
        (f"scalar_while ({iterations:,} iterations on a 1-element tensor)", "scalar_while",
         scalar_while, (np.zeros(1, np.float32), float(iterations))),
        (f"elementwise_chain ({n_elem:,} float32)", "elementwise_chain",
         elementwise_chain, (x16m,)),
        (f"matmul ({size}x{size} float32)", "matmul", matmul, (a, b)),
        (f"mixed_loop ({loops} iterations of elementwise on 4096 + a branch)", "mixed_loop",
         mixed_loop, (x4k, loops)),
    ]


def measure(fn, args, repeats):
    start = time.perf_counter()
    result = fn(*args)
    first = time.perf_counter() - start
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - start)
    return result, first, statistics.median(times)


def append_scaling(quick, repeats, th):
    """Appending N items to a list in a compiled loop must cost O(N): the time
    for 2N items over the time for N should be about 2 (O(N^2) gives 4)."""
    n = 10_000 if quick else 100_000
    x = np.arange(4, dtype=np.float32)
    print(f"append_loop (append x + i to a list in a tensor-condition while, N = {n:,})")
    print(f"{'peer':44}{'N items':>12}{'2N items':>12}{'2N / N':>14}")
    compiled = paddle.jit.to_static(append_loop)
    peers = [("dy2st (compiled)", compiled, [paddle.to_tensor(x)], lambda k: paddle.to_tensor(k)),
             ("eager numpy", append_loop, [paddle.to_tensor(x)], lambda k: paddle.to_tensor(k))]
    if "append_loop" in th:
        peers.append(("torch.jit.script", th["append_loop"], [torch.from_numpy(x)], int))
    for name, fn, args, count in peers:
        times = []
        for k in (n, 2 * n):
            result, _, steady = measure(fn, args + [count(k)],
                                        1 if name == "eager numpy" else repeats)
            assert to_numpy(result).shape == (k, 4)
            times.append(steady)
        print(f"  {name:42}{times[0] * 1e3:>10.1f}ms{times[1] * 1e3:>10.1f}ms"
              f"{times[1] / times[0]:>14.2f}")
    print()


def to_numpy(value):
    if isinstance(value, paddle.Tensor):
        return value.numpy()
    if torch is not None and isinstance(value, torch.Tensor):
        return value.numpy()
    return np.asarray(value)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes (a smoke test)")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("only", nargs="*", help="workload names to run")
    options = parser.parse_args()
    nb, th = numba_versions(), torch_versions()
    print(f"numba: {'numba ' + numba.__version__ if numba else 'not installed'}; "
          f"torch: {'torch ' + torch.__version__ if torch else 'not installed'}\n")
    header = f"{'workload / peer':44}{'first call':>12}{'steady':>12}{'peer / dy2st':>14}"
    for title, key, fn, args in workloads(options.quick):
        if options.only and key not in options.only:
            continue
        print(title)
        print(header)
        rows = []
        tensors = [paddle.to_tensor(a) if isinstance(a, np.ndarray) else a for a in args]
        compiled = paddle.jit.to_static(fn)
        ours, first, steady = measure(compiled, tensors, options.repeats)
        rows.append(("dy2st (compiled)", first, steady))
        eager_repeats = 1 if key in ("scalar_while", "mixed_loop") else options.repeats
        eager, e_first, e_steady = measure(fn, tensors, eager_repeats)
        rows.append(("eager numpy", e_first, e_steady))
        np.testing.assert_allclose(to_numpy(ours), to_numpy(eager), rtol=1e-4, atol=1e-4)
        if key in nb:
            _, n_first, n_steady = measure(nb[key], args, options.repeats)
            rows.append(("numba.njit", n_first, n_steady))
        if key in th:
            t_args = [torch.from_numpy(a) if isinstance(a, np.ndarray) else a for a in args]
            _, t_first, t_steady = measure(th[key], t_args, options.repeats)
            rows.append(("torch.jit.script", t_first, t_steady))
        for name, f, s in rows:
            ratio = "" if name.startswith("dy2st") else f"{s / steady:.2f}x"
            print(f"  {name:42}{f * 1e3:>10.1f}ms{s * 1e3:>10.2f}ms{ratio:>14}")
        print()
    if not options.only or "append_loop" in options.only:
        append_scaling(options.quick, options.repeats, th)


if __name__ == "__main__":
    main()
