"""Run by bench/models.py with an interpreter that has real Paddle: times each
zoo model eagerly and under paddle.jit.to_static (static shapes), on the same
source and inputs; prints one JSON line {model: {"eager": s, "to_static": s}}
(a string where Paddle failed). Arguments: batch repeats model..."""
import json
import pathlib
import statistics
import sys
import time

import numpy as np
import paddle

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "examples" / "models"))
import zoo  # noqa: E402


def median_time(fn, args, repeats):
    fn(*args)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    batch, repeats = int(sys.argv[1]), int(sys.argv[2])
    paddle.set_device("cpu")
    results = {}
    for name in sys.argv[3:]:
        entry = zoo.MODELS[name]
        model = zoo.build(name)
        method = getattr(model, entry.method)
        args = [paddle.to_tensor(v) for v in entry.inputs(np.random.RandomState(3), batch)]
        row = {}
        for key, fn in (("eager", lambda: method),
                        ("to_static", lambda: paddle.jit.to_static(
                            method, input_spec=entry.specs(batch), full_graph=True))):
            try:
                row[key] = median_time(fn(), args, repeats)
            except Exception as e:  # reported, not fatal: the other models still run
                row[key] = f"{type(e).__name__}: {str(e).strip().splitlines()[-1][:200]}"
        results[name] = row
    print(json.dumps(results))


if __name__ == "__main__":
    main()
