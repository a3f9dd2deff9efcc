"""paddle.distribution's Normal and Uniform: densities, entropies, KL and
sample shapes and moments; run(paddle) gives them as JSON, on dy2st (eagerly
and compiled, test_distribution.py) and real Paddle alike. Compiled code
makes a distribution of parameters known when converting only."""
import numpy as np


def statistics(paddle, x):
    normal = paddle.distribution.Normal(paddle.to_tensor([0.0, 1.0]), x)
    other = paddle.distribution.Normal(paddle.to_tensor([1.0, -1.0]), x * 0.5 + 1.0)
    uniform = paddle.distribution.Uniform(paddle.to_tensor([0.0, 1.0]), x + 2.0)
    value = paddle.to_tensor([0.5, 2.5])
    return [normal.log_prob(value), normal.probs(value), normal.entropy(),
            normal.kl_divergence(other), paddle.distribution.kl_divergence(normal, other),
            normal.mean, normal.variance, uniform.log_prob(value), uniform.probs(value),
            uniform.entropy(),
            paddle.distribution.Normal(0.0, 2.0).entropy()]


def samples(paddle, x):
    normal = paddle.distribution.Normal(paddle.to_tensor([0.0, 1.0]), x)
    uniform = paddle.distribution.Uniform(paddle.to_tensor([0.0, 1.0]), x + 2.0)
    drawn, spread = normal.sample([20000]), uniform.sample([20000])
    return [drawn.mean(0), drawn.std(0), spread.mean(0), spread.min(0), spread.max(0),
            paddle.to_tensor(list(normal.sample([3, 4]).shape))]


def constant_parameters(paddle, x):
    # Parameters known when converting: compiled code makes the objects then.
    normal = paddle.distribution.Normal(1.0, 2.0)
    uniform = paddle.distribution.Uniform(0.0, 3.0)
    return [normal.log_prob(x), normal.probs(x), normal.entropy(), uniform.log_prob(x),
            uniform.probs(x), normal.kl_divergence(paddle.distribution.Normal(0.5, 1.5))]


def _plain(values):
    return [np.round(np.asarray(v.numpy(), np.float64), 4).tolist() for v in values]


def run(paddle, compile=None):
    x = paddle.to_tensor([1.0, 2.0])
    constant = compile(constant_parameters) if compile else constant_parameters
    answers = {"constant_parameters": _plain(constant(paddle, x))}
    if compile is None:
        answers["statistics"] = _plain(statistics(paddle, x))
        answers["samples"] = _plain(samples(paddle, x))
    return answers
