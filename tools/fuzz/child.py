"""Runs fuzz programs (files named on the command line) eagerly and compiled
and prints one JSON line per program: {"path", "verdict", "detail"}.

Verdicts: "agree" (same values, or the same exception type raised),
"mismatch" (a different value, structure or exception), "rejected" (dy2st
refused to compile the program). A crash kills this process; the parent
sees the line missing."""
import importlib.util
import json
import math
import sys

import dy2st as paddle  # noqa: I001 (before numpy: it names OpenBLAS's kernels)
import numpy as np
from dy2st.static import InputSpec

RTOL, ATOL = 1e-4, 1e-5
OVERFLOW_EDGE = 1e37
FLOAT32_EXACT_INTEGERS = 2 ** 24
# The clear error of a change made in place through a name that only may share
# the object with another that is read later (dy2st's aliases.py).
SHARED_OBJECT = "may name the same object"
BEYOND_64_BITS = "a Python int beyond 64 bits"


def load(path):
    spec = importlib.util.spec_from_file_location("fuzz_program", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def outcome(call):
    try:
        return ("value", call())
    except paddle.Dy2StError as error:
        return ("rejected", str(error))
    except Exception as error:  # noqa: BLE001 (every exception is an outcome)
        return ("raise", type(error).__name__ + ": " + str(error)[:300])


def difference(eager, compiled, path="result"):
    """None when `compiled` equals `eager`, else what differs."""
    if isinstance(eager, paddle.Tensor):
        if not isinstance(compiled, paddle.Tensor):
            return f"{path}: a Tensor eagerly, {type(compiled).__name__} compiled"
        if (eager.dtype, eager.shape) != (compiled.dtype, compiled.shape):
            return (f"{path}: {eager.dtype}{eager.shape} eagerly, "
                    f"{compiled.dtype}{compiled.shape} compiled")
        e, c = eager.numpy(), compiled.numpy()
        if e.dtype.kind == "f":
            close = np.isclose(c, e, rtol=RTOL, atol=ATOL, equal_nan=True)
            # At the edge of float32's range a sum or product taken in another
            # (equally valid) order overflows where the other does not.
            with np.errstate(invalid="ignore"):
                edge = ((np.isinf(c) & (np.abs(e) > OVERFLOW_EDGE)) |
                        (np.isinf(e) & (np.abs(c) > OVERFLOW_EDGE))) & (np.sign(c) == np.sign(e))
            close = close | edge
        elif e.dtype.kind == "i":
            # Beyond 2**24 an integer tensor was most likely cast from float32,
            # whose last bits another valid rounding changes (long-run seed
            # 33652: gelu's float32 result times 9e18, cast to int64).
            with np.errstate(over="ignore"):
                large = np.abs(e.astype("float64")) > FLOAT32_EXACT_INTEGERS
                close = (c == e) | (large & np.isclose(c.astype("float64"), e.astype("float64"),
                                                       rtol=RTOL, atol=0))
        else:
            close = c == e
        if not np.all(close):
            where = np.argwhere(~np.asarray(close))[0]
            return (f"{path}: at {tuple(int(i) for i in where)} {e[tuple(where)]!r} eagerly, "
                    f"{c[tuple(where)]!r} compiled")
        return None
    if isinstance(eager, (tuple, list)):
        if type(eager) is not type(compiled) or len(eager) != len(compiled):
            return f"{path}: {eager!r} eagerly, {compiled!r} compiled"
        for i, (e, c) in enumerate(zip(eager, compiled)):
            found = difference(e, c, f"{path}[{i}]")
            if found:
                return found
        return None
    if type(eager) is not type(compiled):
        return f"{path}: {type(eager).__name__} eagerly, {type(compiled).__name__} compiled"
    if isinstance(eager, float):
        if math.isnan(eager) and math.isnan(compiled):
            return None
        if math.isclose(eager, compiled, rel_tol=RTOL, abs_tol=ATOL):
            return None
    elif eager == compiled:
        return None
    return f"{path}: {eager!r} eagerly, {compiled!r} compiled"


def judge(path):
    module = load(path)
    specs = None
    if module.SPEC is not None:
        specs = [InputSpec(shape, dtype) for shape, dtype in module.SPEC]
    compiled_f = paddle.jit.to_static(module.f, input_spec=specs)
    for number, arguments in enumerate(module.calls()):
        fresh = module.calls()[number]
        eager = outcome(lambda: module.f(*arguments))
        compiled = outcome(lambda: compiled_f(*fresh))
        where = f"call {number}: "
        if compiled[0] == "rejected" and SHARED_OBJECT in compiled[1]:
            continue  # decided: a change through a name that may share an object
        if compiled[0] == "rejected":
            return "rejected", where + compiled[1]
        if compiled[0] == "raise" and compiled[1].startswith("OverflowError") and \
                BEYOND_64_BITS in compiled[1]:
            continue  # decided: compiled Python ints are 64-bit and raise beyond
        if eager[0] != compiled[0]:
            return "mismatch", where + f"eagerly {eager}, compiled {compiled}"
        if eager[0] == "raise":
            if eager[1].split(":")[0] != compiled[1].split(":")[0]:
                return "mismatch", where + f"eagerly {eager[1]}, compiled {compiled[1]}"
            continue
        found = difference(eager[1], compiled[1])
        if found:
            return "mismatch", where + found
    return "agree", ""


def main(paths):
    np.seterr(all="ignore")
    for path in paths:
        try:
            verdict, detail = judge(path)
        except Exception as error:  # noqa: BLE001 (a program that cannot even load)
            verdict, detail = "broken", f"the harness failed: {type(error).__name__}: {error}"
        print(json.dumps({"path": path, "verdict": verdict, "detail": detail}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
