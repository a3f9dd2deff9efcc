"""Real Paddle's side of test_vision_models.py: builds paddle.vision.models
as given, with batch-norm statistics drawn too, and writes their state dicts'
names and shapes (JSON), and for the models run, their weights and outputs on
the given inputs (npz). Run with real Paddle's interpreter."""
import json
import sys

import numpy as np
import paddle

specs = json.loads(open(sys.argv[1]).read())
inputs = dict(np.load(sys.argv[2]))
shapes, arrays = {}, {}
for name, (factory, kwargs, run) in specs.items():
    paddle.seed(0)
    model = getattr(paddle.vision.models, factory)(**kwargs)
    model.eval()
    rng = np.random.RandomState(1)
    state = model.state_dict()
    shapes[name] = [[key, list(value.shape)] for key, value in state.items()]
    if not run:
        continue
    for key, value in state.items():
        if key.endswith("_variance"):
            value.set_value(rng.uniform(0.5, 1.5, value.shape).astype("float32"))
        elif key.endswith("_mean"):
            value.set_value(rng.uniform(-0.1, 0.1, value.shape).astype("float32"))
        arrays[f"{name}/state/{key}"] = value.numpy()
    outputs = model(paddle.to_tensor(inputs[name]))
    for j, output in enumerate(outputs if isinstance(outputs, tuple) else [outputs]):
        arrays[f"{name}/out{j}"] = output.numpy()
open(sys.argv[3], "w").write(json.dumps(shapes))
np.savez(sys.argv[4], **arrays)
