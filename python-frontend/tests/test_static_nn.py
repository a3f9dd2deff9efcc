"""paddle.static.nn's control flow (cond, while_loop, case, switch_case) and
callable(), eagerly and compiled (real Paddle's dygraph results are checked
in dy2st_cases.py's static_control_flow)."""
import numpy as np
import pytest

import dy2st as paddle
import static_nn_cases
from test_paddle_oracle import paddle_json, require_paddle

ONES = np.ones(3, "float32")


def both(fn, *arrays):
    """fn's results eagerly and compiled, each on fresh tensors (while_loop
    writes its results into the tensors it is given)."""
    eager = fn(*[paddle.to_tensor(a) for a in arrays])
    compiled = paddle.jit.to_static(fn)(*[paddle.to_tensor(a) for a in arrays])
    return eager, compiled


def assert_same(eager, compiled):
    eager, compiled = paddle.utils.flatten(eager), paddle.utils.flatten(compiled)
    assert len(eager) == len(compiled)
    for e, c in zip(eager, compiled):
        assert e.dtype == c.dtype
        np.testing.assert_array_equal(c.numpy(), e.numpy())


def doubled_until_five(x):
    i = paddle.zeros([1], "int64")

    def below_five(i, x):
        return i < 5

    def step(i, x):
        return [i + 1, paddle.concat([x, x * 2])[:3] * 2]

    j, y = paddle.static.nn.while_loop(below_five, step, [i, x])
    return j, y, i, x


def test_while_loop_runs_body_while_cond_and_writes_the_loop_vars():
    eager, compiled = both(doubled_until_five, ONES)
    assert_same(eager, compiled)
    j, y, i, x = eager
    assert int(j) == 5 and int(i) == 5     # the tensors given took the results
    np.testing.assert_array_equal(y.numpy(), ONES * 32)
    np.testing.assert_array_equal(x.numpy(), ONES * 32)


def five_lambda_loop_vars(x):
    # Lambdas of five parameters: while_loop calls them with the loop
    # variables spread (`cond(*values)`), compiled too.
    i = paddle.zeros([1], "int64")
    return paddle.static.nn.while_loop(
        lambda i, a, b, c, d: i < 4,
        lambda i, a, b, c, d: [i + 1, a + b, b * 1.5, c - d, d],
        [i, x, x + 1, x * 3, x * 0.5])


def test_while_loop_of_lambdas_with_many_loop_vars():
    eager, compiled = both(five_lambda_loop_vars, ONES)
    assert_same(eager, compiled)
    np.testing.assert_array_equal(eager[2].numpy(), ONES * 2 * 1.5 ** 4)


def nested_loop_vars(x):
    i = paddle.zeros([1], "int64")
    pair = [x + 1, x * 2]
    out = paddle.static.nn.while_loop(
        lambda i, a, p: i < 3, lambda i, a, p: [i + 1, a * 2, [p[0] + a, p[1] * 0.5]],
        (i, x, pair))
    return out, pair, x, i


def test_while_loop_writes_into_nested_loop_vars():
    eager, compiled = both(nested_loop_vars, ONES)
    assert_same(eager, compiled)
    np.testing.assert_array_equal(eager[1][1].numpy(), ONES * 2 * 0.5 ** 3)


def branches(x):
    big = paddle.sum(x) > 2
    chosen = paddle.static.nn.cond(big, lambda: x + 1, lambda: x - 1)
    nothing = paddle.static.nn.cond(big, None, lambda: x)
    first = paddle.static.nn.case([(paddle.sum(x) > 100, lambda: x * 0),
                                   (paddle.sum(x) > 1, lambda: x * 3)], default=lambda: x)
    last = paddle.static.nn.case([(paddle.sum(x) > 100, lambda: x * 0),
                                  (paddle.sum(x) > 200, lambda: x * 5)])
    index = paddle.cast(paddle.sum(x), "int64")
    keyed = paddle.static.nn.switch_case(index, [(1, lambda: x + 10), (3, lambda: x + 30)],
                                         default=lambda: x)
    positional = paddle.static.nn.switch_case(index - 2, [lambda: x * 0, lambda: x * 7])
    largest = paddle.static.nn.switch_case(index + 5, [(0, lambda: x), (4, lambda: x * 4)])
    by_dict = paddle.static.nn.switch_case(index, {3: lambda: x * 6, 1: lambda: x + 10})
    return chosen, nothing is None, first, last, keyed, positional, largest, by_dict


@pytest.mark.parametrize("scale", [1.0, -1.0])
def test_cond_case_and_switch_case_call_the_chosen_function(scale):
    eager, compiled = both(branches, ONES * scale)
    assert eager[1] == compiled[1]
    assert_same([v for k, v in enumerate(eager) if k != 1],
                [v for k, v in enumerate(compiled) if k != 1])
    if scale > 0:
        chosen, _, first, last, keyed, positional, largest, by_dict = eager
        np.testing.assert_array_equal(chosen.numpy(), ONES + 1)
        np.testing.assert_array_equal(first.numpy(), ONES * 3)
        np.testing.assert_array_equal(last.numpy(), ONES * 5)       # no default: the last
        np.testing.assert_array_equal(keyed.numpy(), ONES + 30)
        np.testing.assert_array_equal(positional.numpy(), ONES * 7)
        np.testing.assert_array_equal(largest.numpy(), ONES * 4)   # no match: the largest key
        np.testing.assert_array_equal(by_dict.numpy(), ONES * 6)


def checked(fn, x):
    if callable(fn):
        return fn(x)
    return x


def tripled(v):
    return v * 3


def test_callable_tells_functions_from_values():
    x = paddle.to_tensor(ONES)
    for arg, expected in ((paddle.exp, np.exp(ONES)), (tripled, ONES * 3)):
        for run in (checked, paddle.jit.to_static(checked)):
            np.testing.assert_allclose(run(arg, x).numpy(), expected, rtol=1e-6)

    def given_lambda(x):
        return checked(lambda v: v - 1, x), checked(x, x)

    eager, compiled = both(given_lambda, ONES)
    assert_same(eager, compiled)


def bad_loop_vars(x):
    return paddle.static.nn.while_loop(lambda v: v < 1, lambda v: v, [])


def test_bad_arguments_are_paddles_errors():
    x = paddle.to_tensor(ONES)
    with pytest.raises(ValueError, match="loop_vars in while_loop should not be empty"):
        bad_loop_vars(x)
    with pytest.raises(ValueError, match="loop_vars in while_loop should not be empty"):
        paddle.jit.to_static(bad_loop_vars)(x)
    with pytest.raises(TypeError, match="must be callable"):
        paddle.static.nn.case([(x.sum() > 0, lambda: x)], default=3)
    with pytest.raises(ValueError, match="must be unique"):
        paddle.static.nn.switch_case(x.sum(), [(1, lambda: x), (1, lambda: x)])
    with pytest.raises(AssertionError, match="numel should be 1"):
        paddle.static.nn.cond(x > 0, lambda: x, lambda: x)


def test_while_loop_writes_each_step_into_the_tensors_given_as_paddle(tmp_path):
    require_paddle()
    assert static_nn_cases.run(paddle) == paddle_json("static_nn_cases", tmp_path)


def given_twice(x):
    return paddle.static.nn.while_loop(lambda a, d: a.sum() < 20,
                                       lambda a, d: [a * 2, d + 1], [x, x])


def read_by_body(x):
    i = paddle.zeros([1], "int64")
    return paddle.static.nn.while_loop(lambda i, a: i < 3, lambda i, a: [i + 1, a + x], [i, x])


def read_by_def(x):
    i = paddle.zeros([1], "int64")

    def body(i, a):
        return [i + 1, a + x]
    return paddle.static.nn.while_loop(lambda i, a: i < 3, body, [i, x])


@pytest.mark.parametrize("fn,message", [
    (given_twice, "'x' is given at two places"),
    (read_by_body, "this lambda reads 'x', which the call changes"),
    (read_by_def, "the function 'body' reads 'x', which the call changes")])
def test_a_loop_var_seen_elsewhere_is_a_clear_error(fn, message):
    # Python's object sees each step's write there; compiled values would not.
    with pytest.raises(paddle.Dy2StError, match=message):
        paddle.jit.to_static(fn)(paddle.to_tensor(ONES))
