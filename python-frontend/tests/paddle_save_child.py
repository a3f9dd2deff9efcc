"""Real Paddle's side of test_serialization.py: `write FOLDER` saves a state
dict and a nested object; `read FOLDER` loads dy2st's files and writes what
it read (npz). Run with real Paddle's interpreter."""
import os
import sys

import numpy as np
import paddle

mode, folder = sys.argv[1], sys.argv[2]
if mode == "write":
    layer = paddle.nn.Linear(3, 2)
    layer.weight.set_value(np.arange(6, dtype="float32").reshape(3, 2))
    layer.bias.set_value(np.array([0.5, -0.5], "float32"))
    paddle.save(layer.state_dict(), os.path.join(folder, "paddle.pdparams"))
    paddle.save({"epoch": 3, "t": paddle.to_tensor([1.0, 2.0]),
                 "l": [paddle.ones([2], dtype="int64"), "x"]}, os.path.join(folder, "paddle.misc"))
else:
    state = paddle.load(os.path.join(folder, "dy2st.pdparams"))
    misc = paddle.load(os.path.join(folder, "dy2st.misc"))
    np.savez(os.path.join(folder, "read.npz"), keys=np.array(sorted(state)),
             weight=state["weight"].numpy(), epoch=np.array(misc["epoch"]), t=misc["t"].numpy(),
             l0=misc["l"][0].numpy(), l1=np.array(misc["l"][1]))
