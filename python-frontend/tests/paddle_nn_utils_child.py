"""Real Paddle's side of test_nn_utils.py: weight norm of a Conv1D (dim 0)
and a Linear (dim None) with the given weights, their state dicts and outputs;
spectral norm of a Conv2D and a Linear with the given weights and vectors,
their state dicts, outputs in eval mode and in two training calls, and the
vectors after (npz). Run with real Paddle's interpreter."""
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
spectral_conv = paddle.nn.utils.spectral_norm(paddle.nn.Conv2D(3, 4, 3))
spectral_linear = paddle.nn.utils.spectral_norm(paddle.nn.Linear(4, 5), n_power_iterations=2)
for prefix, layer in (("spectral_conv", spectral_conv), ("spectral_linear", spectral_linear)):
    for key, value in layer.state_dict().items():
        value.set_value(given[f"{prefix}/{key}"])
        out[f"{prefix}/{key}"] = value.numpy()
image = paddle.to_tensor(given["image"])


def spectral_net(x):
    return spectral_linear(paddle.mean(spectral_conv(x), axis=[2, 3]))


spectral_conv.eval()
spectral_linear.eval()
out["spectral_eval"] = spectral_net(image).numpy()
spectral_conv.train()
spectral_linear.train()
out["spectral_train1"] = spectral_net(image).numpy()
out["spectral_train2"] = spectral_net(image).numpy()
out["spectral_u"] = spectral_linear.weight_u.numpy()
out["spectral_v"] = spectral_conv.weight_v.numpy()
np.savez(sys.argv[2], **out)
