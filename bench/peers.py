"""The peers' versions of bench/workloads.py: plain numpy, numba.njit, torch
eager, torch.jit.script and torch.compile, each where it is installed.

Run by bench/run.py in an interpreter of its own (torch.compile loads
Triton, whose own LLVM and MLIR must not meet dy2st's in one process).
Prints one JSON line {"peers": [...], "missing": {...}, "rows": {workload:
[[peer, first, steady] or [peer, error]]}}. Arguments: quick(0/1) repeats
threads workload..."""
import json
import sys

import numpy as np

import workloads

try:
    import numba
except ImportError as e:
    numba, numba_missing = None, str(e)
try:
    import torch
except ImportError as e:
    torch, torch_missing = None, str(e)


def load(threads):
    """The peers that can run, and the reasons of those that cannot."""
    available, missing = ["numpy " + np.__version__], {}
    if numba is None:
        missing["numba"] = numba_missing
    else:
        numba.set_num_threads(min(threads, numba.config.NUMBA_NUM_THREADS))
        available.append("numba " + numba.__version__)
    if torch is None:
        missing["torch"] = torch_missing
    else:
        torch.set_num_threads(threads)
        available.append("torch " + torch.__version__)
    return available, missing


# numpy ---------------------------------------------------------------------------

def np_scalar_while(x, limit):
    while x[0] < limit:
        x = x + np.float32(1.0)
    return x


def np_elementwise_chain(x):
    return np.tanh(x * np.float32(2.0) + np.float32(1.0)) * np.exp(-x) + np.sqrt(np.abs(x))


def np_elementwise_affine(x):
    return x * np.float32(2.0) + np.float32(1.0)


def np_matmul(a, b):
    return a @ b


def np_mixed_loop(x, n):
    i = 0
    while i < n:
        x = np.tanh(x) * np.float32(0.9) + np.float32(0.1)
        if x.max() > 10.0:
            x = x * np.float32(0.5)
        i += 1
    return x


def np_call_overhead(x):
    return x + np.float32(1.0)


NUMPY = {"scalar_while": np_scalar_while, "elementwise_chain": np_elementwise_chain,
         "elementwise_affine": np_elementwise_affine,
         "matmul": np_matmul, "mixed_loop": np_mixed_loop, "call_overhead": np_call_overhead}


# torch ---------------------------------------------------------------------------

def torch_functions():
    def t_scalar_while(x: torch.Tensor, limit: float) -> torch.Tensor:
        while bool(x < limit):
            x = x + 1.0
        return x

    def t_elementwise_chain(x: torch.Tensor) -> torch.Tensor:
        return torch.tanh(x * 2.0 + 1.0) * torch.exp(-x) + torch.sqrt(torch.abs(x))

    def t_elementwise_affine(x: torch.Tensor) -> torch.Tensor:
        return x * 2.0 + 1.0

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

    def t_call_overhead(x: torch.Tensor) -> torch.Tensor:
        return x + 1.0

    def t_avg_pool(x: torch.Tensor) -> torch.Tensor:
        # Paddle's exclusive is torch's count_include_pad=False.
        f = torch.nn.functional
        return f.avg_pool2d(x, 3, 2, 1, count_include_pad=False) + f.avg_pool2d(x, 3, 2, 1)

    return {"scalar_while": t_scalar_while, "elementwise_chain": t_elementwise_chain,
            "elementwise_affine": t_elementwise_affine,
            "matmul": t_matmul, "mixed_loop": t_mixed_loop, "call_overhead": t_call_overhead,
            "avg_pool": t_avg_pool}


def torch_recurrent(kind):
    cls = torch.nn.LSTM if kind == "lstm" else torch.nn.GRU
    layer = cls(workloads.RNN_INPUT, workloads.RNN_HIDDEN, batch_first=True).eval()
    return layer


def rows(name, quick, repeats):
    args = workloads.inputs(name, quick)
    slow = name in ("scalar_while", "mixed_loop")
    out = []
    for peer, fn, peer_args in versions(name, args):
        try:
            out.append([peer] + workloads.timed_row(fn, peer_args, name,
                                                    1 if slow and peer == "numpy" else repeats))
        except Exception as e:  # a peer that cannot run this workload
            out.append([peer, f"{type(e).__name__}: {str(e).splitlines()[0][:60]}"])
    return out


def main():
    quick, repeats, threads = sys.argv[1] == "1", int(sys.argv[2]), int(sys.argv[3])
    available, missing = load(threads)
    result = {"peers": available, "missing": missing,
              "rows": {name: rows(name, quick, repeats) for name in sys.argv[4:]}}
    print(json.dumps(result))


def _inference(module):
    def run(x):
        with torch.no_grad():
            return module(x)
    return run


def versions(name, args):
    """(peer, function, arguments) for each peer that has this workload."""
    out = []
    if name in NUMPY:
        out.append(("numpy", NUMPY[name], args))
        if numba is not None:
            out.append(("numba.njit", numba.njit(NUMPY[name]), args))
    if torch is None:
        return out
    t_args = [torch.from_numpy(a) if isinstance(a, np.ndarray) else a for a in args]
    if name in ("lstm", "gru"):
        layer = torch_recurrent(name)
        for peer, module in (("torch eager", layer), ("torch.jit.script", torch.jit.script(layer)),
                             ("torch.compile", torch.compile(layer))):
            out.append((peer, _inference(module), t_args))
        return out
    fn = torch_functions()[name]
    out.append(("torch eager", fn, t_args))
    out.append(("torch.jit.script", torch.jit.script(fn), t_args))
    out.append(("torch.compile", torch.compile(fn), t_args))
    return out


if __name__ == "__main__":
    main()
