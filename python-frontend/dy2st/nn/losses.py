"""More of paddle.nn.functional's losses and distances (composites), and the
reduction every loss applies."""
import math

from ..eager.functional import (abs, all, any, arange, cast, cdist, clip, cumprod, exp, gather,
                                log, log1p, log_softmax, logical_and, logical_not, masked_select,
                                matmul, max, maximum, mean, min, minimum, one_hot, reshape, sigmoid,
                                sqrt, square, squeeze, sum, take_along_axis, transpose, unsqueeze,
                                where, zeros_like)


def reduce_loss(loss, reduction):
    """The loss reduced by `reduction`: 'mean', 'sum' or 'none' (Paddle's
    ValueError for another)."""
    if reduction == "mean":
        return mean(loss)
    if reduction == "sum":
        return sum(loss)
    if reduction == "none":
        return loss
    raise ValueError(f"The value of 'reduction' should be 'sum', 'mean' or 'none', but "
                     f"received {reduction}")


def margin_ranking_loss(input, other, label, margin=0.0, reduction="mean", name=None):
    """max(0, -label * (input - other) + margin)."""
    return reduce_loss(maximum(-label * (input - other) + margin, 0.0), reduction)


def hinge_embedding_loss(input, label, margin=1.0, reduction="mean", name=None):
    """input where label is 1, max(0, margin - input) where it is -1 (0 for
    other labels)."""
    zero = input * 0.0
    loss = where(label == 1.0, input, zero) + \
        where(label == -1.0, maximum(margin - input, 0.0), zero)
    return reduce_loss(loss, reduction)


def cosine_embedding_loss(input1, input2, label, margin=0, reduction="mean", name=None):
    """1 - cos where label is 1, max(0, cos - margin) where it is -1; cos
    along the last axis."""
    dot = sum(input1 * input2, axis=-1)
    norms = sqrt((sum(input1 * input1, axis=-1) + 1e-11) * (sum(input2 * input2, axis=-1) + 1e-11))
    cos = dot / norms
    zero = cos * 0.0
    loss = where(label == 1, 1.0 - cos, zero) + where(label == -1, maximum(cos - margin, 0.0),
                                                      zero)
    return reduce_loss(loss, reduction)


def soft_margin_loss(input, label, reduction="mean", name=None):
    """log(1 + exp(-label * input))."""
    return reduce_loss(log1p(exp(-label * input)), reduction)


def square_error_cost(input, label):
    """(input - label)^2, not reduced."""
    return (input - label) * (input - label)


def log_loss(input, label, epsilon=0.0001, name=None):
    """-label * log(input + eps) - (1 - label) * log(1 - input + eps), of
    [N, 1] probabilities (Paddle's ValueError for other ranks)."""
    if input.ndim != 2:
        raise ValueError(f"log_loss(): input must be 2-d ([N, 1]), not {input.ndim}-d")
    return -label * log(input + epsilon) - (1.0 - label) * log(1.0 - input + epsilon)


def label_smooth(label, prior_dist=None, epsilon=0.1, name=None):
    """(1 - eps) * label + eps * prior (uniform over the last axis unless given)."""
    if prior_dist is None:
        return (1.0 - epsilon) * label + epsilon / label.shape[-1]
    return (1.0 - epsilon) * label + epsilon * prior_dist


def pairwise_distance(x, y, p=2.0, epsilon=1e-06, keepdim=False, name=None):
    """The p-norm of x - y + epsilon along the last axis (inf: the largest
    |difference|, -inf the smallest, 0 the count of nonzero ones)."""
    d = abs(x - y + epsilon)
    if p == math.inf:
        return max(d, axis=-1, keepdim=keepdim)
    if p == -math.inf:
        return min(d, axis=-1, keepdim=keepdim)
    if p == 0:
        return sum(where(d != 0, d * 0.0 + 1.0, d * 0.0), axis=-1, keepdim=keepdim)
    return sum(d ** p, axis=-1, keepdim=keepdim) ** (1.0 / p)


def pdist(x, p=2.0, name=None):
    """The p-norm distances between the rows of x [N, M], each pair i < j
    once, in row-major order: [N * (N - 1) / 2]."""
    n = x.shape[0]
    rows = unsqueeze(arange(n), 1)
    return masked_select(cdist(x, x, p), unsqueeze(arange(n), 0) > rows)


def triplet_margin_loss(input, positive, negative, margin=1.0, p=2, epsilon=1e-06, swap=False,
                        reduction="mean", name=None):
    """max(d(input, positive) - d(input, negative) + margin, 0), d the p-norm
    distance (with `swap`, d(input, negative) at most d(positive, negative))."""
    to_positive = pairwise_distance(input, positive, p, epsilon)
    to_negative = pairwise_distance(input, negative, p, epsilon)
    if swap:
        to_negative = minimum(to_negative, pairwise_distance(positive, negative, p, epsilon))
    return reduce_loss(clip(margin + to_positive - to_negative, min=0.0), reduction)


def sigmoid_focal_loss(logit, label, normalizer=None, alpha=0.25, gamma=2.0, reduction="sum",
                       name=None):
    """The binary cross entropy of sigmoid(logit), weighted by
    (1 - p_t)^gamma and alpha_t, divided by `normalizer`."""
    probability = sigmoid(logit)
    entropy = maximum(logit, 0.0) - logit * label + log1p(exp(-abs(logit)))
    p_t = probability * label + (1.0 - probability) * (1.0 - label)
    loss = (1.0 - p_t) ** gamma * entropy
    if alpha != 0:
        loss = (alpha * label + (1.0 - alpha) * (1.0 - label)) * loss
    if normalizer is not None:
        loss = loss / normalizer
    return reduce_loss(loss, reduction)


def dice_loss(input, label, epsilon=1e-05, name=None):
    """1 - 2 |input * onehot(label)| / (|input| + |onehot(label)|) per sample,
    averaged; input's last axis holds the classes, label's is 1."""
    target = one_hot(squeeze(label, -1), input.shape[-1])
    axes = list(range(1, input.ndim))
    overlap = sum(input * target, axis=axes)
    total = sum(input, axis=axes) + sum(target, axis=axes)
    return mean(1.0 - overlap * 2.0 / (total + epsilon))


def poisson_nll_loss(input, label, log_input=True, full=False, epsilon=1e-08,
                     reduction="mean", name=None):
    """exp(input) - label * input (input a log rate), or input - label *
    log(input + eps); with `full`, Stirling's term where label > 1."""
    if log_input:
        loss = exp(input) - label * input
    else:
        loss = input - label * log(input + epsilon)
    if full:
        stirling = label * log(label) - label + 0.5 * log(2 * math.pi * label)
        loss = loss + where(label > 1, stirling, stirling * 0.0)
    return reduce_loss(loss, reduction)


_HALF_LOG_2PI = 0.5 * math.log(2 * math.pi)


def gaussian_nll_loss(input, label, variance, full=False, epsilon=1e-06, reduction="mean",
                      name=None):
    """0.5 * (log(var) + (input - label)^2 / var), var at least epsilon; with
    `full`, plus 0.5 * log(2 pi)."""
    if variance.ndim == input.ndim - 1:
        variance = unsqueeze(variance, -1)
    variance = clip(variance, min=epsilon)
    loss = 0.5 * (log(variance) + (input - label) * (input - label) / variance)
    if full:
        loss = loss + _HALF_LOG_2PI
    return reduce_loss(loss, reduction)


def _log_sigmoid(v):
    return minimum(v, 0.0) - log1p(exp(-abs(v)))


def multi_label_soft_margin_loss(input, label, weight=None, reduction="mean", name=None):
    """The mean over classes of -(label log sigmoid(input) + (1 - label)
    log sigmoid(-input)), weighted by `weight`."""
    loss = -(label * _log_sigmoid(input) + (1.0 - label) * _log_sigmoid(-input))
    if weight is not None:
        loss = loss * weight
    return reduce_loss(mean(loss, axis=-1), reduction)


def bilinear(x1, x2, weight, bias=None, name=None):
    """out[:, k] = x1 @ weight[k] @ x2^T (+ bias[:, k]), weight of shape
    [out_features, in1_features, in2_features]."""
    out_features, in1, in2 = weight.shape
    left = matmul(x1, reshape(transpose(weight, [1, 0, 2]), [in1, out_features * in2]))
    out = sum(reshape(left, [-1, out_features, in2]) * unsqueeze(x2, 1), axis=-1)
    if bias is not None:
        out = out + bias
    return out


def _checked_reduction(name, reduction):
    if reduction not in ("sum", "mean", "none"):
        raise ValueError(f"'reduction' in '{name}' should be 'sum', 'mean' or 'none', but "
                         f"received {reduction}.")


def multi_margin_loss(input, label, p=1, margin=1.0, weight=None, reduction="mean", name=None):
    """The mean over the classes j other than the label y of weight[y] *
    max(0, margin - input[y] + input[j])^p (Paddle sums every class and
    takes y's own term, margin^p, back out)."""
    _checked_reduction("multi_margin_loss", reduction)
    if input.shape[0] != label.shape[0]:
        raise ValueError(f"The label's shape[0] should be equal to input's shape[0], but "
                         f"received input's shape[0] {input.shape[0]} and label's shape[0]:"
                         f"{label.shape[0]}. ")
    rows = reshape(label, [-1, 1])
    terms = clip(margin - take_along_axis(input, rows, 1) + input, min=0.0) ** p
    own_term = margin ** p / input.shape[1]
    if weight is None:
        return reduce_loss(mean(terms, axis=1) - own_term, reduction)
    if input.shape[1] != weight.shape[0]:
        raise ValueError(f"The weight's shape[0] should be equal to input's shape[1]but received "
                         f"weight's shape[0]: {weight.shape[0]} and input's shape[1]: "
                         f"{input.shape[1]}")
    weights = gather(weight, reshape(label, [-1]))
    loss = mean(unsqueeze(weights, 1) * terms, axis=1) - weights * own_term
    return reduce_loss(loss, reduction)


def multi_label_margin_loss(input, label, reduction="mean", name=None):
    """Per row, over its target classes t (label's entries before the first
    -1) and the classes k that are no target: sum max(0, 1 - (input[t] -
    input[k])) / classes."""
    _checked_reduction("multi_label_margin_loss", reduction)
    if input.ndim != 2:
        raise ValueError(f"Expected 2D input tensor, but got {input.ndim}D")
    if label.ndim != 2:
        raise ValueError(f"Expected 2D label tensor, but got {label.ndim}D")
    classes = input.shape[1]
    if min(label) < -1:
        raise ValueError("label values should be >= -1")
    if max(label) >= classes:
        raise ValueError(f"label values should be < {classes}")
    valid = cumprod(cast(label != -1, "int32"), 1) > 0
    targets = where(valid, label, zeros_like(label))
    named = logical_and(unsqueeze(valid, 2), unsqueeze(targets, 2) == arange(classes))
    others = logical_not(any(named, axis=1))
    margins = clip(1.0 - unsqueeze(take_along_axis(input, targets, 1), 2) + unsqueeze(input, 1),
                   min=0.0)
    counted = logical_and(unsqueeze(valid, 2), unsqueeze(others, 1))
    loss = sum(where(counted, margins, zeros_like(margins)), axis=[1, 2]) / classes
    return reduce_loss(loss, reduction)


def _distance(distance_function, a, b):
    if distance_function is None:
        return pairwise_distance(a, b, 2.0)
    return distance_function(a, b)


def triplet_margin_with_distance_loss(input, positive, negative, distance_function=None,
                                      margin=1.0, swap=False, reduction="mean", name=None):
    """max(d(input, positive) - d(input, negative) + margin, 0) for the
    user's distance d (the Euclidean by default; with `swap`, d(input,
    negative) at most d(positive, negative))."""
    _checked_reduction("triplet_margin_with_distance_loss", reduction)
    if margin < 0:
        raise ValueError("The margin between positive samples and negative samples should be "
                         "greater than 0.")
    if input.shape != positive.shape or input.shape != negative.shape:
        raise ValueError("input's shape must equal to positive's shape and negative's shape")
    to_positive = _distance(distance_function, input, positive)
    to_negative = _distance(distance_function, input, negative)
    if swap:
        to_negative = minimum(to_negative, _distance(distance_function, positive, negative))
    if not all(to_positive >= 0) or not all(to_negative >= 0):
        raise ValueError("The positive distance or negative distance should be greater than 0, "
                         "The distance functions should be checked.")
    return reduce_loss(clip(to_positive - to_negative + margin, min=0.0), reduction)


def npair_loss(anchor, positive, labels, l2_reg=0.002):
    """Paddle's N-pair loss: the cross entropy of the anchors' similarities
    to the positives against the rows of equal labels (each row's share
    normalized), weighted again by those shares and summed over anchors,
    averaged; plus 0.25 * l2_reg times the mean squared norms."""
    if anchor.size == 0:
        raise ValueError("The dims of anchor should be greater than 0.")
    if positive.size == 0:
        raise ValueError("The dims of positive should be greater than 0.")
    same = cast(reshape(labels, [-1, 1]) == reshape(labels, [1, -1]), anchor.dtype)
    shares = same / sum(same, axis=1, keepdim=True)
    l2 = (mean(sum(square(anchor), 1)) + mean(sum(square(positive), 1))) * 0.25 * l2_reg
    similarity = matmul(anchor, positive, transpose_y=True)
    cross_entropy = -sum(shares * log_softmax(similarity, axis=1), axis=1, keepdim=True)
    return l2 + mean(sum(shares * cross_entropy, 0))


FUNCTIONS = {fn.__name__: fn for fn in (
    margin_ranking_loss, hinge_embedding_loss, cosine_embedding_loss, soft_margin_loss,
    square_error_cost, log_loss, label_smooth, pairwise_distance, triplet_margin_loss,
    sigmoid_focal_loss, dice_loss, poisson_nll_loss, gaussian_nll_loss,
    multi_label_soft_margin_loss, bilinear, pdist, multi_margin_loss, multi_label_margin_loss,
    triplet_margin_with_distance_loss, npair_loss)}
