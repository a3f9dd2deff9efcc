"""paddle.metric's classes over a few batches, written once against Paddle's
API: run by real Paddle (paddle_metric_child.py) and by dy2st
(test_metric.py); what each call returns, as JSON-ready values."""
import numpy as np


def _plain(value):
    if hasattr(value, "numpy"):
        return value.numpy().tolist()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, np.generic):
        return value.item()
    return value


def run(paddle):
    rng = np.random.RandomState(3)
    out = {}
    for topk in ((1,), (1, 3)):
        metric = paddle.metric.Accuracy(topk=topk)
        steps = []
        for labels_kind in ("index", "column", "one_hot"):
            pred = paddle.to_tensor(rng.rand(6, 5).astype("float32"))
            index = rng.randint(0, 5, size=6)
            label = {"index": index, "column": index[:, None],
                     "one_hot": np.eye(5, dtype="int64")[index]}[labels_kind]
            correct = metric.compute(pred, paddle.to_tensor(label.astype("int64")))
            steps.append([_plain(correct), _plain(metric.update(correct))])
        out[f"accuracy{topk}"] = [steps, _plain(metric.accumulate()), metric.name()]
        metric.reset()
        out[f"accuracy{topk}/reset"] = _plain(metric.accumulate())
    probs = np.array([0.1, 0.5, 0.7, 2.5 / 5, 0.9, 0.3, 0.5, 0.49], "float32")
    labels = np.array([0, 1, 1, 0, 1, 1, 0, 1], "int64")
    for cls in ("Precision", "Recall"):
        metric = getattr(paddle.metric, cls)()
        metric.update(probs, labels)
        metric.update(paddle.to_tensor(probs[:4]), paddle.to_tensor(labels[:4]))
        out[cls] = [_plain(metric.accumulate()), metric.name()]
    for curve, thresholds in (("ROC", 4095), ("PR", 10)):
        metric = paddle.metric.Auc(curve=curve, num_thresholds=thresholds)
        for _ in range(3):
            p = rng.rand(8).astype("float32")
            metric.update(np.stack([1 - p, p], 1), rng.randint(0, 2, size=(8, 1)))
        out[f"auc/{curve}"] = [_plain(metric.accumulate()), metric.name()]
    return out
