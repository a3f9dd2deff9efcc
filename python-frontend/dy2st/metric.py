"""paddle.metric: accuracy (also paddle.static.accuracy), and the metric
classes evaluation loops accumulate over batches (Accuracy, Precision,
Recall, Auc), with Paddle's counting and rounding rules."""
from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from .eager.functional import any as _any, argmax, argsort, cast, mean, reshape, topk
from .eager.tensor import Tensor


def accuracy(input: Tensor, label: Tensor, k: int = 1, correct: Tensor | None = None,
             total: Tensor | None = None, name: str | None = None) -> Tensor:
    """The fraction of rows whose label (int, [N, 1]) is among the k highest
    scores of `input` ([N, classes]), as a 0-d float32 tensor."""
    _, best = topk(input, k)
    hit = _any(best == label, axis=-1)
    return mean(cast(hit, "float32"))


def _array(value: Any, what: str) -> np.ndarray:
    if isinstance(value, Tensor):
        return value.numpy()
    if isinstance(value, np.ndarray):
        return value
    raise ValueError(f"The '{what}' must be a numpy ndarray or Tensor.")


class Metric:
    """A metric accumulated over batches: `compute` (optional, per batch on
    the outputs), `update`, `accumulate`, `reset`, `name`."""

    def reset(self) -> None:
        raise NotImplementedError(f"function 'reset' not implemented in {type(self).__name__}.")

    def update(self, *args: Any) -> Any:
        raise NotImplementedError(f"function 'update' not implemented in {type(self).__name__}.")

    def accumulate(self) -> Any:
        raise NotImplementedError(
            f"function 'accumulate' not implemented in {type(self).__name__}.")

    def name(self) -> Any:
        raise NotImplementedError(f"function 'name' not implemented in {type(self).__name__}.")

    def compute(self, *args: Any) -> Any:
        """The batch's inputs to update (here: as given)."""
        return args


class Accuracy(Metric):
    """Top-k accuracy for each k of `topk`: compute() marks the correct
    predictions among the k best, update() counts them."""

    def __init__(self, topk: Sequence[int] = (1,), name: str | None = None, *args: Any,
                 **kwargs: Any) -> None:
        self.topk, self.maxk = topk, max(topk)
        name = name or "acc"
        self._name = [f"{name}_top{k}" for k in topk] if self.maxk != 1 else [name]
        self.reset()

    def compute(self, pred: Tensor, label: Tensor, *args: Any) -> Tensor:  # type: ignore[override]
        """[batch, ..., maxk] float32: 1 where the i-th best prediction is the
        label (an index, [batch, ..., 1] or [batch], or one-hot)."""
        order = argsort(pred, descending=True)
        best = order[..., :self.maxk]
        if label.ndim == 1 or (label.ndim == 2 and label.shape[-1] == 1):
            label = reshape(label, [-1, 1])
        elif label.shape[-1] != 1:
            label = argmax(label, axis=-1, keepdim=True)
        return cast(best == cast(label, best.dtype), "float32")

    def update(self, correct: Any, *args: Any) -> Any:  # type: ignore[override]
        """Counts a batch's correct marks; its accuracy (a list for several k)."""
        marks = _array(correct, "correct") if isinstance(correct, Tensor) else np.asarray(correct)
        samples = np.prod(np.array(marks.shape[:-1]))
        accuracies = []
        for i, k in enumerate(self.topk):
            hits = marks[..., :k].sum()
            accuracies.append(float(hits) / samples)
            self.total[i] += hits
            self.count[i] += samples
        return accuracies[0] if len(self.topk) == 1 else accuracies

    def reset(self) -> None:
        self.total = [0.0] * len(self.topk)
        self.count = [0] * len(self.topk)

    def accumulate(self) -> Any:
        """The accuracy so far (a list for several k)."""
        results = [float(t) / c if c > 0 else 0.0 for t, c in zip(self.total, self.count)]
        return results[0] if len(self.topk) == 1 else results

    def name(self) -> list[str]:
        return self._name


class Precision(Metric):
    """Binary precision: predictions (probabilities) rounded half up."""

    def __init__(self, name: str = "precision", *args: Any, **kwargs: Any) -> None:
        self.tp = self.fp = 0
        self._name = name

    def update(self, preds: Any, labels: Any) -> None:  # type: ignore[override]
        predicted = np.floor(_array(preds, "preds") + 0.5).astype("int32")
        truth = _array(labels, "labels")
        for i in range(truth.shape[0]):
            if predicted[i] == 1:
                if predicted[i] == truth[i]:
                    self.tp += 1
                else:
                    self.fp += 1

    def reset(self) -> None:
        self.tp = self.fp = 0

    def accumulate(self) -> float:
        positives = self.tp + self.fp
        return float(self.tp) / positives if positives != 0 else 0.0

    def name(self) -> str:
        return self._name


class Recall(Metric):
    """Binary recall: predictions (probabilities) rounded half to even, as
    Paddle's."""

    def __init__(self, name: str = "recall", *args: Any, **kwargs: Any) -> None:
        self.tp = self.fn = 0
        self._name = name

    def update(self, preds: Any, labels: Any) -> None:  # type: ignore[override]
        predicted = np.rint(_array(preds, "preds")).astype("int32")
        truth = _array(labels, "labels")
        for i in range(truth.shape[0]):
            if truth[i] == 1:
                if predicted[i] == truth[i]:
                    self.tp += 1
                else:
                    self.fn += 1

    def reset(self) -> None:
        self.tp = self.fn = 0

    def accumulate(self) -> float:
        relevant = self.tp + self.fn
        return float(self.tp) / relevant if relevant != 0 else 0.0

    def name(self) -> str:
        return self._name


class Auc(Metric):
    """The area under the ROC curve of binary predictions ([batch, 2]
    probabilities, the positive class's second), from counts over
    num_thresholds + 1 buckets (Paddle computes the same area for 'PR')."""

    def __init__(self, curve: str = "ROC", num_thresholds: int = 4095, name: str = "auc",
                 *args: Any, **kwargs: Any) -> None:
        self._curve, self._num_thresholds, self._name = curve, num_thresholds, name
        self.reset()

    def update(self, preds: Any, labels: Any) -> None:  # type: ignore[override]
        truth, scores = _array(labels, "labels"), _array(preds, "preds")
        for i, label in enumerate(truth):
            bucket = int(scores[i, 1] * self._num_thresholds)
            if bucket > self._num_thresholds:
                raise AssertionError(f"Auc: a prediction above 1 ({scores[i, 1]})")
            if label:
                self._stat_pos[bucket] += 1.0
            else:
                self._stat_neg[bucket] += 1.0

    def accumulate(self) -> float:
        positives = negatives = area = 0.0
        for bucket in range(self._num_thresholds, -1, -1):
            previous_pos, previous_neg = positives, negatives
            positives += self._stat_pos[bucket]
            negatives += self._stat_neg[bucket]
            area += abs(negatives - previous_neg) * (positives + previous_pos) / 2.0
        return area / positives / negatives if positives > 0.0 and negatives > 0.0 else 0.0

    def reset(self) -> None:
        self._stat_pos = np.zeros(self._num_thresholds + 1)
        self._stat_neg = np.zeros(self._num_thresholds + 1)

    def name(self) -> str:
        return self._name
