"""paddle.set_default_dtype: float64 as the dtype of tensors made without
one and of layers' parameters, eagerly and in compiled code (converted again
after a switch), against real Paddle (default_dtype_cases)."""
import numpy as np
import pytest

import dy2st as paddle
import default_dtype_cases
from conftest import run_saved_model
from test_paddle_oracle import paddle_json, require_paddle


def test_default_dtype_agrees_with_real_paddle(tmp_path):
    require_paddle()
    assert default_dtype_cases.run(paddle) == paddle_json("default_dtype_cases", tmp_path)


def test_compiled_code_follows_the_default_and_back():
    answers = default_dtype_cases.run(paddle)
    assert answers["made_compiled"] == answers["made"]
    assert answers["output_compiled"] == answers["output"]
    assert answers["restored"] == ["float32", "float32"]


def test_a_converted_function_follows_a_switch_of_the_default():
    """Converted and served under float32, the same function makes float64
    tensors after the switch, and float32 again after it is undone (its
    first program kept)."""
    made = paddle.jit.to_static(lambda x: x + paddle.zeros([2]) + paddle.to_tensor([0.5, 1.0]))
    x = paddle.to_tensor(np.array([1, 2], "int64"))
    for _ in range(2):
        assert made(x).dtype == paddle.float32
    first = made._compiled
    try:
        paddle.set_default_dtype("float64")
        assert made(x).dtype == paddle.float64
        np.testing.assert_array_equal(made(x).numpy(), [1.5, 3.0])
    finally:
        paddle.set_default_dtype("float32")
    assert made(x).dtype == paddle.float32 and made._compiled is first


@pytest.mark.parametrize("dtype, error", [("float16", ValueError), ("bfloat16", ValueError),
                                          ("int32", TypeError), ("complex64", TypeError)])
def test_other_defaults_are_clear_errors(dtype, error):
    with pytest.raises(error):
        paddle.set_default_dtype(dtype)
    assert paddle.get_default_dtype() == "float32"


def test_spellings_of_the_defaults():
    try:
        for spelling in (np.float64, paddle.float64, "float64"):
            paddle.set_default_dtype(spelling)
            assert paddle.get_default_dtype() == "float64"
            assert paddle.ones([1]).dtype == paddle.float64
    finally:
        paddle.set_default_dtype("float32")


class _Head(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.fc = paddle.nn.Linear(3, 2)

    def forward(self, x):
        return self.fc(x) + paddle.full([2], 0.5)


def test_a_program_saved_under_float64_loads_and_runs_under_float32(tmp_path):
    """The saved program keeps the default it was converted under (its
    modules' pydy.default_float), for jit.load and dy2st-run."""
    x = np.linspace(-1.0, 1.0, 12).reshape(4, 3)
    try:
        paddle.set_default_dtype("float64")
        head = _Head()
        head.eval()
        converted = paddle.jit.to_static(
            head, input_spec=[paddle.static.InputSpec([None, 3], "float64")])
        expected = converted(paddle.to_tensor(x))
        assert expected.dtype == paddle.float64 and head.fc.weight.dtype == paddle.float64
        paddle.jit.save(converted, str(tmp_path / "head"))
    finally:
        paddle.set_default_dtype("float32")
    loaded = paddle.jit.load(str(tmp_path / "head"))(paddle.to_tensor(x))
    assert loaded.dtype == paddle.float64
    np.testing.assert_array_equal(loaded.numpy(), expected.numpy())
    (ran,) = run_saved_model(str(tmp_path / "head"), [x], tmp_path)
    assert ran.dtype == np.float64
    np.testing.assert_allclose(ran, expected.numpy(), rtol=1e-12)
