"""Layer.parameters(), named_parameters(), buffers(), children(),
sublayers() and their named forms, and state_dict(), as Paddle gives them
(shared layers and weights once, Paddle's order and names), eagerly; in
compiled code answered when compiling. layer_structure_cases against real
Paddle, and compiled against eager."""
import pytest

import dy2st as paddle
import layer_structure_cases
from dy2st.compiler.errors import Dy2StError
from test_paddle_oracle import paddle_json, require_paddle


def test_structure_and_compiled_forward_agree_with_eager():
    answers = layer_structure_cases.run(paddle)
    assert answers["compiled"] == answers["eager"]
    assert answers["unpacked_sublayers_compiled"] == answers["unpacked_sublayers"]
    assert answers["unpacked_sublayers"][1] == "cbn"
    assert answers["named_parameters"] == [
        "gain", "emb.weight", "emb.bias", "blocks.0.weight", "blocks.0.bias",
        "blocks.1.0.weight", "blocks.1.0.bias", "head.weight", "head.bias"]
    assert "again.weight" in answers["with_duplicates"]
    assert answers["named_buffers"] == ["scale", "shift"]
    assert answers["state_dict"][:3] == ["gain", "shift", "emb.weight"]


def test_structure_agrees_with_real_paddle(tmp_path):
    require_paddle()
    assert layer_structure_cases.run(paddle) == paddle_json("layer_structure_cases", tmp_path)


def test_query_with_computed_arguments_is_a_clear_error():
    class Net(paddle.nn.Layer):
        def __init__(self):
            super().__init__()
            self.fc = paddle.nn.Linear(2, 2)

        def forward(self, x, deep):
            return len(self.parameters(include_sublayers=deep)) * x

    with pytest.raises(Dy2StError, match="answered when compiling: its arguments must be "
                                         "constants"):
        paddle.jit.to_static(Net())(paddle.ones([2]), True)
