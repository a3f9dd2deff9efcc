"""Run by bench/run.py with an interpreter that has real Paddle: times the
workloads of bench/workloads.py (the same source dy2st converts) eagerly and
under Paddle's own paddle.jit.to_static. Prints one JSON line
{workload: {"eager": [first, steady], "to_static": [first, steady]}} (a
string where Paddle failed). Arguments: quick(0/1) repeats workload..."""
import json
import pathlib
import sys

import paddle

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import workloads  # noqa: E402

workloads.paddle = paddle


def main():
    quick, repeats = sys.argv[1] == "1", int(sys.argv[2])
    paddle.set_device("cpu")
    results = {}
    for name in sys.argv[3:]:
        args = [paddle.to_tensor(a) if hasattr(a, "dtype") else a
                for a in workloads.inputs(name, quick)]
        if name in ("lstm", "gru"):
            layer = workloads.recurrent_layer(name)
            layer.eval()
            versions = (("eager", lambda: layer),
                        ("to_static", lambda: paddle.jit.to_static(layer, full_graph=True)))
        else:
            fn = workloads.FUNCTIONS[name]
            versions = (("eager", lambda: fn),
                        ("to_static", lambda: paddle.jit.to_static(fn, full_graph=True)))
        row = {}
        for key, make in versions:
            slow = key == "eager" and name in ("scalar_while", "mixed_loop")
            try:
                row[key] = list(workloads.measure(make(), args, 1 if slow else repeats)[1:])
            except Exception as e:  # reported, not fatal: the other workloads still run
                row[key] = f"{type(e).__name__}: {str(e).strip().splitlines()[-1][:160]}"
        results[name] = row
    print(json.dumps(results))


if __name__ == "__main__":
    main()
