"""`continue` and `break` in a loop over a container of layers (unrolled
when converting): compiled against eager, for inputs that take each exit;
dy2st_cases.Experts checks a mixture of experts' loop against real Paddle."""
import numpy as np
import pytest

import dy2st as paddle
from conftest import assert_same
from dy2st.static import InputSpec

nn = paddle.nn


class SkipAndStop(nn.Layer):
    def __init__(self):
        super().__init__()
        self.blocks = nn.LayerList([nn.Linear(3, 3) for _ in range(4)])

    def forward(self, x, skip, stop):
        visited = []
        for k, block in enumerate(self.blocks):
            if (x.sum() > skip) and k % 2 == 1:
                continue
            x = paddle.tanh(block(x)) * 3.0
            visited.append(k)
            if x.sum() > stop:
                break
        else:
            x = x - 100.0
        return x, len(visited)


@pytest.mark.parametrize("skip,stop", [(1e9, 1e9), (-1e9, 1e9), (1e9, -1e9), (0.0, 2.0)],
                         ids=["all", "skip odd", "stop at first", "mixed"])
def test_continue_and_break_in_a_loop_over_layers(skip, stop):
    layer = SkipAndStop()
    x = paddle.to_tensor(np.random.RandomState(1).randn(2, 3).astype("float32"))
    compiled = paddle.jit.to_static(layer, input_spec=[InputSpec([None, 3], "float32"),
                                                        InputSpec([], "float32"),
                                                        InputSpec([], "float32")])
    args = [x, paddle.to_tensor(skip, "float32"), paddle.to_tensor(stop, "float32")]
    assert_same(layer(*args), compiled(*args))
