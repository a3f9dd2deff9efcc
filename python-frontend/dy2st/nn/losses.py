"""More of paddle.nn.functional's losses and distances (composites), and the
reduction every loss applies."""
import math

from ..eager.functional import (abs, arange, cdist, clip, exp, log, log1p, masked_select, matmul,
                                max, maximum, mean, min, minimum, one_hot, reshape, sigmoid, sqrt,
                                squeeze, sum, transpose, unsqueeze, where)


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


FUNCTIONS = {fn.__name__: fn for fn in (
    margin_ranking_loss, hinge_embedding_loss, cosine_embedding_loss, soft_margin_loss,
    square_error_cost, log_loss, label_smooth, pairwise_distance, triplet_margin_loss,
    sigmoid_focal_loss, dice_loss, poisson_nll_loss, gaussian_nll_loss,
    multi_label_soft_margin_loss, bilinear, pdist)}
