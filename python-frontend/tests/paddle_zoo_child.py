"""Run by test_model_zoo.py with an interpreter that has real Paddle: each zoo
model built with the same weights (zoo.build) on the same inputs, eagerly;
saves the outputs."""
import pathlib
import sys

import numpy as np
import paddle

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "examples" / "models"))
import zoo  # noqa: E402

results = {}
for name in zoo.MODELS:
    entry = zoo.MODELS[name]
    model = zoo.build(name)
    inputs = entry.inputs(np.random.RandomState(3), 2)
    outputs = paddle.utils.flatten(getattr(model, entry.method)(
        *[paddle.to_tensor(v) for v in inputs]))
    results[f"{name}/n"] = np.array(len(outputs))
    for i, out in enumerate(outputs):
        results[f"{name}/out{i}"] = out.numpy()
np.savez(sys.argv[1], **results)
