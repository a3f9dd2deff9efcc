"""Real Paddle's side of test_serialization.py: `write FOLDER` saves a state
dict and a nested object, and a tagger's (an LSTM under a layer: its state
dict names each LSTM parameter twice) with its output; `read FOLDER` loads
dy2st's files and writes what it read (npz). Run with real Paddle's
interpreter."""
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
    paddle.seed(5)
    tagger = paddle.nn.Sequential(paddle.nn.LSTM(4, 3, direction="bidirect"))
    x = np.random.RandomState(0).rand(2, 5, 4).astype("float32")
    paddle.save(tagger.state_dict(), os.path.join(folder, "tagger.pdparams"))
    np.save(os.path.join(folder, "tagger_out.npy"), tagger(paddle.to_tensor(x))[0].numpy())
else:
    state = paddle.load(os.path.join(folder, "dy2st.pdparams"))
    misc = paddle.load(os.path.join(folder, "dy2st.misc"))
    np.savez(os.path.join(folder, "read.npz"), keys=np.array(sorted(state)),
             weight=state["weight"].numpy(), epoch=np.array(misc["epoch"]), t=misc["t"].numpy(),
             l0=misc["l"][0].numpy(), l1=np.array(misc["l"][1]))
