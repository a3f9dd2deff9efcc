"""Run by test_paddle_oracle.py with an interpreter that has real Paddle: calls
each case function on the saved inputs and saves Paddle's results."""
import importlib.util
import sys
import traceback

import numpy as np
import paddle

cases_path, inputs_path, out_path = sys.argv[1:4]
spec = importlib.util.spec_from_file_location("oracle_cases", cases_path)
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
inputs = np.load(inputs_path, allow_pickle=False)
results = {}
count = int(inputs["count"])
for i in range(count):
    args = [paddle.to_tensor(inputs[f"case{i}_arg{j}"]) for j in range(int(inputs[f"case{i}_n"]))]
    try:
        out = getattr(module, f"case_{i}")(*args)
    except Exception:
        results[f"case{i}_error"] = np.array(traceback.format_exc(limit=1)[-300:])
        continue
    outs = out if isinstance(out, (list, tuple)) else [out]
    results[f"case{i}_n"] = np.array(len(outs))
    for j, o in enumerate(outs):
        results[f"case{i}_out{j}"] = o.numpy() if hasattr(o, "numpy") else np.asarray(o)
np.savez(out_path, **results)
