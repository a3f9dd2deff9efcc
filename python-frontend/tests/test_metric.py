"""paddle.metric's classes against real Paddle: the same batches give the same
correct marks, per-batch and accumulated values and names."""
import json

import numpy as np
import pytest

import dy2st as paddle
import metric_cases
from test_paddle_oracle import paddle_json, require_paddle


@pytest.fixture(scope="module")
def paddle_side(tmp_path_factory):
    require_paddle()
    return paddle_json("metric_cases", tmp_path_factory.mktemp("metric_cases"))


def _close(ours, theirs, key):
    if isinstance(theirs, list):
        assert isinstance(ours, list) and len(ours) == len(theirs), key
        for o, t in zip(ours, theirs):
            _close(o, t, key)
    elif isinstance(theirs, float):
        assert ours == pytest.approx(theirs, rel=1e-6), key
    else:
        assert ours == theirs, key


def test_metrics_match_paddle(paddle_side):
    ours = json.loads(json.dumps(metric_cases.run(paddle)))
    assert sorted(ours) == sorted(paddle_side)
    for key, theirs in paddle_side.items():
        _close(ours[key], theirs, key)


def test_metrics_by_numpy():
    acc = paddle.metric.Accuracy(topk=(1, 2))
    pred = paddle.to_tensor(np.array([[0.1, 0.7, 0.2], [0.5, 0.2, 0.3]], "float32"))
    correct = acc.compute(pred, paddle.to_tensor(np.array([[2], [0]], "int64")))
    np.testing.assert_array_equal(correct.numpy(), [[0, 1], [1, 0]])
    assert acc.update(correct) == [0.5, 1.0] and acc.name() == ["acc_top1", "acc_top2"]
    auc = paddle.metric.Auc(num_thresholds=4)
    auc.update(np.array([[0.9, 0.1], [0.1, 0.9], [0.4, 0.6]]), np.array([0, 1, 0]))
    assert auc.accumulate() == 1.0  # every positive scored above every negative
    with pytest.raises(ValueError, match="must be a numpy ndarray or Tensor"):
        paddle.metric.Precision().update([0.5], [1])
