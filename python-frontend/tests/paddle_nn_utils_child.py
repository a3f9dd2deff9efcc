"""Real Paddle's side of test_nn_utils.py: weight norm of a Conv1D (dim 0)
and a Linear (dim None) with the given weights, their state dicts and outputs
(npz). Run with real Paddle's interpreter."""
import sys

import numpy as np
import paddle

given = dict(np.load(sys.argv[1]))
conv = paddle.nn.Conv1D(4, 5, 3, padding=1)
conv.weight.set_value(given["conv_weight"])
conv.bias.set_value(given["conv_bias"])
linear = paddle.nn.Linear(4, 3)
linear.weight.set_value(given["linear_weight"])
linear.bias.set_value(given["linear_bias"])
paddle.nn.utils.weight_norm(conv)
paddle.nn.utils.weight_norm(linear, dim=None)
out = {f"conv/{k}": v.numpy() for k, v in conv.state_dict().items()}
out.update({f"linear/{k}": v.numpy() for k, v in linear.state_dict().items()})
x = paddle.to_tensor(given["x"])
out["conv_out"] = conv(x).numpy()
out["linear_out"] = linear(paddle.transpose(x, [0, 2, 1])).numpy()
paddle.nn.utils.remove_weight_norm(conv)
out["removed_weight"] = conv.weight.numpy()
np.savez(sys.argv[2], **out)
