"""Run by test_layer_oracle.py with an interpreter that has real Paddle: builds
each layer of the case list, gives its parameters random values (shared
parameters one value), runs it in eval mode on random inputs and saves the
parameters, inputs and outputs."""
import json
import sys

import numpy as np
import paddle

cases = json.load(open(sys.argv[1]))
rng = np.random.RandomState(0)
results = {}


def make_input(spec):
    kind, shape = spec[0], spec[1]
    if kind == "f":
        return rng.randn(*shape).astype(np.float32)
    if kind == "i":
        return rng.randint(0, spec[2], size=shape).astype(np.int64)
    if kind == "b":
        return rng.rand(*shape) > 0.3
    if kind == "len":
        return np.asarray(spec[2], np.int64)
    raise ValueError(kind)


for case in cases:
    name = case["id"]
    layer = eval(case["layer"], {"paddle": paddle, "nn": paddle.nn})
    values = {}
    state = {}
    for key, tensor in layer.state_dict().items():
        if id(tensor) not in values:
            value = rng.randn(*tensor.shape).astype(np.float32) * 0.5
            if "variance" in key:
                value = np.abs(value) + 0.5
            values[id(tensor)] = value
        state[key] = values[id(tensor)]
        results[f"{name}/param/{key}"] = state[key]
    layer.set_state_dict({k: paddle.to_tensor(v) for k, v in state.items()})
    layer.eval()
    inputs = [make_input(spec) for spec in case["inputs"]]
    for i, v in enumerate(inputs):
        results[f"{name}/input{i}"] = v
    scope = {"layer": layer, "paddle": paddle}
    scope.update({f"x{i}": paddle.to_tensor(v) for i, v in enumerate(inputs)})
    out = eval(case["call"], scope)
    outs = paddle.utils.flatten(out)
    results[f"{name}/n"] = np.array(len(outs))
    for i, o in enumerate(outs):
        results[f"{name}/out{i}"] = o.numpy()
np.savez(sys.argv[2], **results)
