"""paddle.distribution (distribution_cases.py) against real Paddle, eagerly
and compiled: the same densities, entropies and KL; samples of the same
shapes and moments (the random streams differ)."""
import numpy as np
import pytest

import dy2st as paddle
import distribution_cases
from test_paddle_oracle import paddle_json, require_paddle


def _compiled(fn):
    converted = paddle.jit.to_static(lambda x: fn(paddle, x))
    return lambda _, x: converted(x)


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    require_paddle()
    return paddle_json("distribution_cases", tmp_path_factory.mktemp("distribution"))


def _check_samples(got, want):
    mean, std, uniform_mean, low, high, shape = got
    np.testing.assert_allclose(mean, want[0], atol=0.06)
    np.testing.assert_allclose(std, want[1], atol=0.06)
    np.testing.assert_allclose(uniform_mean, want[2], atol=0.06)
    assert low >= [0.0, 1.0] and high <= [3.0, 4.0] and shape == want[5] == [3, 4, 2]


def test_distributions_match_real_paddle(real):
    got = distribution_cases.run(paddle)
    assert got["statistics"] == real["statistics"]
    assert got["constant_parameters"] == real["constant_parameters"]
    _check_samples(got["samples"], real["samples"])


def test_compiled_distributions_of_parameters_known_when_converting(real):
    got = distribution_cases.run(paddle, _compiled)
    assert got["constant_parameters"] == real["constant_parameters"]


def test_a_distribution_of_runtime_parameters_is_a_clear_error_in_compiled_code():
    with pytest.raises(paddle.Dy2StError, match="creating a Normal in compiled code takes "
                                                "arguments known when the function is "
                                                "converted"):
        _compiled(distribution_cases.statistics)(paddle, paddle.to_tensor([1.0, 2.0]))


def test_densities_follow_the_formulas():
    got = distribution_cases.run(paddle)["statistics"]
    log_prob, probs, entropy = got[0], got[1], got[2]
    expected = [-(0.5 - 0.0) ** 2 / 2 - np.log(np.sqrt(2 * np.pi)),
                -(2.5 - 1.0) ** 2 / 8 - np.log(2.0) - np.log(np.sqrt(2 * np.pi))]
    np.testing.assert_allclose(log_prob, expected, atol=1e-4)
    np.testing.assert_allclose(probs, np.exp(expected), atol=1e-4)
    np.testing.assert_allclose(entropy, 0.5 + 0.5 * np.log(2 * np.pi) + np.log([1.0, 2.0]),
                               atol=1e-4)


def test_kl_of_other_pairs_is_not_implemented():
    with pytest.raises(NotImplementedError, match="Normal and Normal"):
        paddle.distribution.kl_divergence(paddle.distribution.Uniform(0.0, 1.0),
                                          paddle.distribution.Normal(0.0, 1.0))
