"""dy2st.nn.functional: activations written over the op table's primitives
(composites: eager and compiled code run the same definitions)."""
import math

from ..eager.functional import (exp, log, log_softmax, maximum, minimum, one_hot,  # noqa: F401
                                relu, sigmoid, softmax, sqrt, tanh, where, erf, abs, sum, max, cast)
from ..eager.functional import matmul as linear_matmul  # noqa: F401
from ..eager.functional import pad  # noqa: F401
from ..eager.functional import diag_embed  # noqa: F401  (Paddle's F.diag_embed)

_SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)
_SQRT_HALF = math.sqrt(0.5)


def gelu(x, approximate=False, name=None):
    """x * Phi(x), Phi the normal distribution's CDF (its tanh approximation when `approximate`)."""
    if approximate:
        return 0.5 * x * (1.0 + tanh(_SQRT_2_OVER_PI * (x + 0.044715 * x * x * x)))
    return 0.5 * x * (1.0 + erf(x * _SQRT_HALF))


def silu(x, inplace=False, name=None):
    """x * sigmoid(x)."""
    return x * sigmoid(x)


def swish(x, name=None):
    """x * sigmoid(x)."""
    return x * sigmoid(x)


def leaky_relu(x, negative_slope=0.01, name=None):
    """x where x > 0, else negative_slope * x."""
    return where(x > 0, x, x * negative_slope)


def relu6(x, name=None):
    """min(max(x, 0), 6)."""
    return minimum(maximum(x, 0.0), 6.0)


def hardtanh(x, min=-1.0, max=1.0, name=None):
    """x clipped to [min, max]."""
    return minimum(maximum(x, min), max)


def hardsigmoid(x, slope=0.1666667, offset=0.5, name=None):
    """min(max(slope * x + offset, 0), 1)."""
    return minimum(maximum(x * slope + offset, 0.0), 1.0)


def hardswish(x, name=None):
    """x * min(max(x + 3, 0), 6) / 6."""
    return x * minimum(maximum(x + 3.0, 0.0), 6.0) / 6.0


def elu(x, alpha=1.0, name=None):
    """x where x > 0, else alpha * (exp(x) - 1)."""
    return where(x > 0, x, alpha * (exp(minimum(x, 0.0)) - 1.0))


def celu(x, alpha=1.0, name=None):
    """max(x, 0) + min(alpha * (exp(x / alpha) - 1), 0)."""
    return maximum(x, 0.0) + minimum(alpha * (exp(x / alpha) - 1.0), 0.0)


def selu(x, scale=1.0507009873554805, alpha=1.6732632423543772, name=None):
    """scale * (x where x > 0, else alpha * (exp(x) - 1))."""
    return scale * where(x > 0, x, alpha * (exp(minimum(x, 0.0)) - 1.0))


def softplus(x, beta=1, threshold=20, name=None):
    """log(1 + exp(beta x)) / beta; linear where beta x > threshold."""
    bx = x * beta
    soft = log(1.0 + exp(minimum(bx, threshold))) / beta
    return where(bx > threshold, x, soft)


def softsign(x, name=None):
    """x / (1 + |x|)."""
    return x / (1.0 + abs(x))


def tanhshrink(x, name=None):
    """x - tanh(x)."""
    return x - tanh(x)


def log_sigmoid(x, name=None):
    """log(sigmoid(x)), computed stably."""
    return minimum(x, 0.0) - log(1.0 + exp(-abs(x)))


def mish(x, name=None):
    """x * tanh(softplus(x))."""
    return x * tanh(softplus(x))


def normalize(x, p=2, axis=1, epsilon=1e-12, out=None, name=None):
    """x divided by its p-norm along `axis` (at least `epsilon`); a tensor
    given as `out` takes the result (see the end of this module)."""
    if p == 2:
        norm = sqrt(sum(x * x, axis=axis, keepdim=True))
    else:
        norm = sum(abs(x) ** p, axis=axis, keepdim=True) ** (1.0 / p)
    return x / maximum(norm, epsilon)


def cosine_similarity(x1, x2, axis=1, eps=1e-8):
    """The cosine of the angle between x1 and x2 along `axis`."""
    dot = sum(x1 * x2, axis=axis)
    n1 = sqrt(sum(x1 * x1, axis=axis))
    n2 = sqrt(sum(x2 * x2, axis=axis))
    return dot / maximum(n1 * n2, eps)


ACTIVATIONS = {fn.__name__: fn for fn in (
    gelu, silu, swish, leaky_relu, relu6, hardtanh, hardsigmoid, hardswish, elu, celu, selu,
    softplus, softsign, tanhshrink, log_sigmoid, mish, normalize, cosine_similarity)}


# Layers' functions and losses ------------------------------------------------
from ..eager.functional import (flatten, gather, log_softmax as _log_softmax,  # noqa: E402
                                mean as _mean, reshape, squeeze, take_along_axis, unsqueeze,
                                square, arange, rsqrt)
from ..eager.functional import concat, flip, matmul as _matmul, stack  # noqa: E402
from .losses import reduce_loss as _reduce  # noqa: E402


def linear(x, weight, bias=None, name=None):
    """x @ weight + bias, with weight of shape [in_features, out_features]."""
    out = _matmul(x, weight)
    if bias is not None:
        out = out + bias
    return out


def rms_norm(input, normalized_shape, weight=None, eps=1e-05, name=None):
    """(out, invvar): input divided by its root mean square over the last
    len(normalized_shape) dimensions (plus eps under the root), times
    weight; invvar the float32 inverse root per row (Paddle 3.3's)."""
    if isinstance(normalized_shape, int):
        normalized_shape = [normalized_shape]
    count = len(normalized_shape)
    if list(input.shape[input.ndim - count:]) != list(normalized_shape):
        raise ValueError(f"rms_norm(): normalized_shape {list(normalized_shape)} is not the end "
                         f"of the input's shape {input.shape}")
    axes = list(range(input.ndim - count, input.ndim))
    inverse = rsqrt(_mean(square(input), axis=axes, keepdim=True) + eps)
    return (_affine(input * inverse, weight, None, normalized_shape),
            cast(reshape(inverse, [-1]), "float32"))


def embedding(x, weight, padding_idx=None, max_norm=None, norm_type=2.0, sparse=False,
              scale_grad_by_freq=False, name=None):
    """The rows of `weight` at the indices `x`; zeros where x is `padding_idx`."""
    rows = reshape(gather(weight, flatten(x)), x.shape + [weight.shape[1]])
    if padding_idx is not None:
        if padding_idx < 0:
            padding_idx = padding_idx + weight.shape[0]
        rows = where(unsqueeze(x != padding_idx, -1), rows, 0.0)
    return rows


def layer_norm(x, normalized_shape, weight=None, bias=None, epsilon=1e-05, name=None):
    """Normalizes over the last len(normalized_shape) dimensions (biased
    variance), then scales and shifts."""
    if isinstance(normalized_shape, int):
        normalized_shape = [normalized_shape]
    axes = []
    for i in range(len(normalized_shape)):
        axes.append(x.ndim - len(normalized_shape) + i)
    centered = x - _mean(x, axis=axes, keepdim=True)
    out = centered / sqrt(_mean(square(centered), axis=axes, keepdim=True) + epsilon)
    return _affine(out, weight, bias, normalized_shape)


def mse_loss(input, label, reduction="mean", name=None):
    """The squared error (input - label)^2, reduced by `reduction`."""
    return _reduce(square(input - label), reduction)


def l1_loss(input, label, reduction="mean", name=None):
    """The absolute error |input - label|, reduced by `reduction`."""
    return _reduce(abs(input - label), reduction)


def smooth_l1_loss(input, label, reduction="mean", delta=1.0, is_huber=True, name=None):
    """Huber loss: 0.5 d^2 where |d| < delta, else delta (|d| - 0.5 delta)."""
    d = abs(input - label)
    loss = where(d < delta, 0.5 * d * d, delta * (d - 0.5 * delta))
    return _reduce(loss, reduction)


def kl_div(input, label, reduction="mean", log_target=False, name=None):
    """The Kullback-Leibler divergence of `label` from the log-probabilities `input`, reduced by `reduction`."""
    if log_target:
        loss = exp(label) * (label - input)
    else:
        loss = where(label > 0, label * (log(maximum(label, 1e-38)) - input), 0.0)
    if reduction == "batchmean":
        return sum(loss) / input.shape[0]
    return _reduce(loss, reduction)


def binary_cross_entropy(input, label, weight=None, reduction="mean", name=None):
    """-(label log(input) + (1 - label) log(1 - input)), logs clipped at -100, reduced by `reduction`."""
    loss = -(label * maximum(log(input), -100.0) + (1.0 - label) * maximum(log(1.0 - input),
                                                                          -100.0))
    if weight is not None:
        loss = loss * weight
    return _reduce(loss, reduction)


def binary_cross_entropy_with_logits(logit, label, weight=None, reduction="mean", pos_weight=None,
                                     name=None):
    """Stable: max(x, 0) - x y + log(1 + exp(-|x|)), with pos_weight scaling
    the positive term."""
    if pos_weight is not None:
        scale = 1.0 + (pos_weight - 1.0) * label
        # (1 - y) x + scale * log(1 + exp(-x)), with log(1 + exp(-x)) = -log_sigmoid(x).
        loss = (1.0 - label) * logit + scale * (-(minimum(logit, 0.0) - log(1.0 + exp(-abs(logit)))))
    else:
        loss = maximum(logit, 0.0) - logit * label + log(1.0 + exp(-abs(logit)))
    if weight is not None:
        loss = loss * weight
    return _reduce(loss, reduction)


def nll_loss(input, label, weight=None, ignore_index=-100, reduction="mean", name=None):
    """-input[i, label[i]] over the class axis 1, ignoring `ignore_index`."""
    valid = label != ignore_index
    safe = where(valid, label, 0)
    picked = squeeze(take_along_axis(input, unsqueeze(safe, 1), 1), axis=[1])
    w = cast(valid, input.dtype)
    if weight is not None:
        w = w * gather(weight, flatten(safe)).reshape(safe.shape)
    loss = -picked * w
    if reduction == "mean":
        return sum(loss) / sum(w)
    return _reduce(loss, reduction)


def cross_entropy(input, label, weight=None, ignore_index=-100, reduction="mean",
                  soft_label=False, axis=-1, use_softmax=True, label_smoothing=0.0, name=None):
    """Softmax cross entropy with hard labels (class indices, `ignore_index`
    skipped, `weight` per class) or soft labels (distributions)."""
    if axis < 0:
        axis = axis + input.ndim
    if use_softmax:
        logp = _log_softmax(input, axis=axis)
    else:
        logp = log(input)
    if soft_label:
        loss = -sum(label * logp, axis=axis, keepdim=True)
        return _reduce(loss, reduction)
    hard = label
    if label.ndim == input.ndim:
        hard = squeeze(label, axis=[axis])
    valid = hard != ignore_index
    safe = where(valid, hard, 0)
    picked = squeeze(take_along_axis(logp, unsqueeze(safe, axis), axis), axis=[axis])
    if label_smoothing > 0:
        picked = (1.0 - label_smoothing) * picked + label_smoothing * _mean(logp, axis=axis)
    w = cast(valid, input.dtype)
    if weight is not None:
        w = w * reshape(gather(weight, flatten(safe)), safe.shape)
    loss = -picked * w
    if reduction == "mean":
        return sum(loss) / maximum(sum(w), 1e-12)
    if reduction == "sum":
        return sum(loss)
    if label.ndim == input.ndim:
        return unsqueeze(loss, axis)
    return loss


def softmax_with_cross_entropy(logits, label, soft_label=False, ignore_index=-100,
                               numeric_stable_mode=True, return_softmax=False, axis=-1):
    """The cross entropy of softmax(logits) and `label` along `axis`, unreduced (with the softmax when `return_softmax`)."""
    loss = cross_entropy(logits, label, ignore_index=ignore_index, reduction="none",
                         soft_label=soft_label, axis=axis)
    if not soft_label and label.ndim != logits.ndim:
        loss = unsqueeze(loss, axis)
    if return_softmax:
        return loss, softmax(logits, axis=axis)
    return loss


def sequence_mask(x, maxlen=None, dtype="int64", name=None):
    """mask[..., j] = j < x[...]."""
    if maxlen is None:
        maxlen = cast(max(x), "int64")
    return cast(arange(maxlen) < unsqueeze(x, -1), dtype)


def gather_tree(ids, parents):
    """Beam search's back-trace over [max_time, batch, beam] step ids and parent
    beams: the last step's ids, then at each earlier step the ids of the beams
    the later ones came from."""
    steps = ids.shape[0]
    parent = parents[steps - 1]
    traced = [ids[steps - 1]]
    for t in range(steps - 2, -1, -1):
        traced.append(take_along_axis(ids[t], parent, 1))
        parent = take_along_axis(parents[t], parent, 1)
    return flip(stack(traced), [0])


FUNCTIONS = dict(ACTIVATIONS, **{fn.__name__: fn for fn in (
    linear, embedding, layer_norm, rms_norm, mse_loss, l1_loss, smooth_l1_loss, kl_div,
    binary_cross_entropy, binary_cross_entropy_with_logits, nll_loss, cross_entropy,
    softmax_with_cross_entropy, sequence_mask, gather_tree)})




from .normalization import (FUNCTIONS as _NORMALIZATION, affine as _affine,  # noqa: E402,F401
                            batch_norm, group_norm, instance_norm)
FUNCTIONS.update(_NORMALIZATION)


from .convolution import (FUNCTIONS as _CONVOLUTIONS, avg_pool1d, avg_pool2d,  # noqa: E402,F401
                          conv1d, conv1d_transpose, conv2d, conv2d_transpose, conv3d)
from .max_pooling import (FUNCTIONS as _MAX_POOLING, max_pool1d, max_pool2d,  # noqa: E402,F401
                          max_unpool1d, max_unpool2d, max_unpool3d)
from .adaptive_pooling import (FUNCTIONS as _ADAPTIVE_POOLING,  # noqa: E402,F401
                               adaptive_avg_pool2d, adaptive_max_pool2d)
from .sampling import FUNCTIONS as _SAMPLING, interpolate, upsample  # noqa: E402,F401

from .activations import (FUNCTIONS as _ACTIVATIONS_MORE, alpha_dropout,  # noqa: E402,F401
                          dropout, dropout1d, dropout2d, dropout3d, feature_alpha_dropout, glu,
                          gumbel_softmax, hardshrink, maxout, prelu, rrelu, softshrink,
                          thresholded_relu)
from .channels import (FUNCTIONS as _CHANNELS, channel_shuffle, local_response_norm,  # noqa: E402,F401
                       pixel_shuffle, pixel_unshuffle, temporal_shift, zeropad2d)
from .pooling import (FUNCTIONS as _POOLING, adaptive_avg_pool1d,  # noqa: E402,F401
                      adaptive_avg_pool3d, adaptive_max_pool1d, adaptive_max_pool3d, avg_pool3d,
                      fold, lp_pool1d, lp_pool2d, max_pool3d, unfold)
from .attention import (FUNCTIONS as _ATTENTION, scaled_dot_product_attention,  # noqa: E402,F401
                        swiglu)
from .warping import FUNCTIONS as _WARPING, affine_grid, grid_sample  # noqa: E402,F401
from .transpose3d import FUNCTIONS as _TRANSPOSE3D, conv3d_transpose  # noqa: E402,F401
from .losses import (FUNCTIONS as _LOSSES, bilinear, cosine_embedding_loss,  # noqa: E402,F401
                     dice_loss, gaussian_nll_loss, hinge_embedding_loss, label_smooth, log_loss,
                     margin_ranking_loss, multi_label_margin_loss,
                     multi_label_soft_margin_loss, multi_margin_loss, npair_loss,
                     pairwise_distance, pdist, poisson_nll_loss, sigmoid_focal_loss,
                     soft_margin_loss, square_error_cost, triplet_margin_loss,
                     triplet_margin_with_distance_loss)
from .ctc import FUNCTIONS as _CTC, ctc_loss  # noqa: E402,F401

# Paddle's other name for log_sigmoid.
logsigmoid = log_sigmoid

FUNCTIONS.update(_CONVOLUTIONS)
FUNCTIONS.update(_MAX_POOLING)
FUNCTIONS.update(_ADAPTIVE_POOLING)
FUNCTIONS.update(_SAMPLING)
FUNCTIONS.update(_ACTIVATIONS_MORE)
FUNCTIONS.update(_CHANNELS)
FUNCTIONS.update(_LOSSES)
FUNCTIONS.update(_CTC)
FUNCTIONS.update(_POOLING)
FUNCTIONS.update(_ATTENTION)
FUNCTIONS.update(_WARPING)
FUNCTIONS.update(_TRANSPOSE3D)

# Paddle's in-place activations (`F.relu_(x)`): x changes (eager/inplace.py).
from ..eager import inplace as _inplace  # noqa: E402
elu_ = _inplace.function("elu", elu)
hardtanh_ = _inplace.function("hardtanh", hardtanh)
leaky_relu_ = _inplace.function("leaky_relu", leaky_relu)
relu_ = _inplace.function("relu", relu)
softmax_ = _inplace.function("softmax", softmax)
tanh_ = _inplace.function("tanh", tanh)
thresholded_relu_ = _inplace.function("thresholded_relu", thresholded_relu)
# F.normalize(x, out=o): o takes the result, as Paddle's paddle.assign(ret, out) does.
normalize = _inplace.named("assign", normalize, ("out", 4))
