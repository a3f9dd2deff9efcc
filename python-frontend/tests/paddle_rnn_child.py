"""Run by test_rnn.py with an interpreter that has real Paddle: LSTM, GRU and
SimpleRNN (1 layer forward, 2 layers bidirectional) on random weights; saves
the weights, inputs and outputs."""
import sys

import numpy as np
import paddle
rng = np.random.RandomState(0)
x = rng.randn(2, 5, 3).astype(np.float32)
results = {}
for kind in ["LSTM", "GRU", "SimpleRNN"]:
    for direction, layers in (("forward", 1), ("bidirect", 2)):
        net = getattr(paddle.nn, kind)(3, 4, num_layers=layers, direction=direction)
        state = {k: rng.randn(*v.shape).astype(np.float32) * 0.5 for k, v in net.state_dict().items() if "." not in k}
        net.set_state_dict({k: paddle.to_tensor(v) for k, v in state.items()})
        out, final = net(paddle.to_tensor(x))
        key = f"{kind}_{direction}"
        for k, v in state.items(): results[f"{key}/param/{k}"] = v
        results[f"{key}/out"] = out.numpy()
        finals = final if isinstance(final, tuple) else (final,)
        for i, f in enumerate(finals): results[f"{key}/final{i}"] = f.numpy()
results["x"] = x
np.savez(sys.argv[1], **results)
