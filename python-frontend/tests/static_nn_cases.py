"""paddle.static.nn.while_loop as Paddle's dygraph runs it, written once
against Paddle's API: run by real Paddle (paddle_json_child.py) and by dy2st
eagerly (test_static_nn.py). Each step's results are written into the
tensors given, which the next step reads: a tensor given twice, or read by
the body as well, sees every write."""
import numpy as np


def _plain(value):
    if hasattr(value, "numpy"):
        return value.numpy().tolist()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def run(paddle):
    out = {}
    x = paddle.to_tensor(np.ones(3, "float32"))
    given = paddle.static.nn.while_loop(lambda a, d: a.sum() < 20,
                                        lambda a, d: [a * 2, d + 1], [x, x])
    out["given_twice"] = [_plain(given), _plain(x)]
    x = paddle.to_tensor(np.ones(3, "float32"))
    i = paddle.zeros([1], "int64")
    read = paddle.static.nn.while_loop(lambda i, a: i < 3, lambda i, a: [i + 1, a + x], [i, x])
    out["read_by_body"] = [_plain(read), _plain(x), _plain(i)]
    x = paddle.to_tensor(np.ones(3, "float32"))
    i = paddle.zeros([1], "int64")
    pair = [x + 1, x * 2]
    nested = paddle.static.nn.while_loop(
        lambda i, a, p: i < 3, lambda i, a, p: [i + 1, a * 2, [p[0] + a, p[1] * 0.5]],
        (i, x, pair))
    out["nested"] = [_plain(nested), _plain(pair), _plain(x), isinstance(nested, tuple)]
    n = 0
    x = paddle.to_tensor(np.ones(3, "float32"))
    numbers = paddle.static.nn.while_loop(lambda n, a: a.sum() < 10,
                                          lambda n, a: [n + 1, a * 2], [n, x])
    out["number_kept"] = [_plain(numbers), _plain(x)]
    return out
