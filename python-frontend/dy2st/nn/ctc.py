"""paddle.nn.functional.ctc_loss (a composite): warp-ctc's forward algorithm,
as Paddle's `warpctc` kernel runs it, for the whole batch at once. The
labels with a blank before, between and after them are the states; each time
step moves every state's log probability on to itself, the next state and,
past a blank between two different labels, the one after."""
import math

from ..eager.functional import (any, arange, cast, concat, full_like, isinf, logaddexp, maximum,
                                mean, reshape, squeeze, stack, sum, take_along_axis, unsqueeze,
                                where)
from ..eager.basic_composites import log_softmax


def _shifted(states, by, fill):
    """states [B, S] moved `by` places to the right along S, `fill` coming in."""
    width = states.shape[1]
    entering = full_like(states[:, :by], fill)
    return concat([entering, states[:, :width - by]], axis=1)[:, :width]


def ctc_loss(log_probs, labels, input_lengths, label_lengths, blank=0, reduction="mean",
             norm_by_times=False, zero_infinity=False):
    """-log p(labels | log_probs) per sequence: log_probs [T, B, C] are
    unnormalized (a softmax over C is applied), labels [B, L] padded,
    input_lengths and label_lengths [B]. A sequence whose labels need more
    steps than it has (one per label and one more per repeated label) gives
    0, as warp-ctc; 'mean' divides each loss by its label length first.
    `norm_by_times` scales only the gradient, which dy2st does not compute."""
    if log_probs.ndim != 3:
        raise ValueError(f"ctc_loss(): log_probs must be 3-d ([T, B, C]), not {log_probs.ndim}-d")
    steps, classes = log_probs.shape[0], log_probs.shape[2]
    if not 0 <= blank < classes:
        raise ValueError(f"ctc_loss(): blank must be in [0, {classes}), not {blank}")
    assert reduction in ("mean", "sum", "none"), \
        f"ctc_loss(): reduction must be 'mean', 'sum' or 'none', not {reduction!r}"
    max_label = labels.shape[1]
    if any(label_lengths > max_label):
        raise ValueError(f"ctc_loss(): a label length exceeds the labels' {max_label} columns")
    if any(input_lengths > steps):
        raise ValueError(f"ctc_loss(): an input length exceeds log_probs' {steps} steps")
    within = unsqueeze(arange(max_label), 0) < unsqueeze(label_lengths, 1)
    labels = where(within, cast(labels, "int64"), blank)
    if any((labels < 0) | (labels >= classes)):
        raise ValueError(f"ctc_loss(): labels must be in [0, {classes})")

    blanks = full_like(labels, blank)
    end_blank = full_like(unsqueeze(label_lengths, 1), blank)
    states = concat([reshape(stack([blanks, labels], axis=2), [-1, 2 * max_label]), end_blank],
                    axis=1)
    can_skip = (states != blank) & (states != _shifted(states, 2, -1))
    emissions = take_along_axis(log_softmax(log_probs, axis=-1), unsqueeze(states, 0), axis=2)

    first = unsqueeze(arange(states.shape[1]), 0) < 2
    alpha = where(first, emissions[0], -math.inf)
    for t in range(1, steps):
        reached = logaddexp(alpha, _shifted(alpha, 1, -math.inf))
        reached = where(can_skip, logaddexp(reached, _shifted(alpha, 2, -math.inf)), reached)
        alpha = where(unsqueeze(input_lengths > t, 1), reached + emissions[t], alpha)

    last = unsqueeze(2 * label_lengths, 1)
    on_blank = take_along_axis(alpha, last, axis=1)
    on_label = where(last > 0, take_along_axis(alpha, maximum(last - 1, 0), axis=1), -math.inf)
    loss = -squeeze(logaddexp(on_blank, on_label), 1)

    repeated = within[:, 1:] & (labels[:, 1:] == labels[:, :-1])
    needed = label_lengths + sum(cast(repeated, "int64"), axis=1)
    loss = where(needed > input_lengths, 0.0, loss)
    if zero_infinity:
        loss = where(isinf(loss), 0.0, loss)
    if reduction == "mean":
        return mean(loss / cast(label_lengths, loss.dtype))
    if reduction == "sum":
        return sum(loss)
    return loss


FUNCTIONS = {"ctc_loss": ctc_loss}
