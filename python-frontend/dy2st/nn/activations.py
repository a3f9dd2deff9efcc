"""More of paddle.nn.functional's activations, and the dropouts, written over
the op table (composites: eager and compiled code run these definitions)."""
from ..eager.functional import (abs, arange, argmax, cast, log, max, reshape, sigmoid, softmax,
                                split, squeeze, uniform, unsqueeze, where)
from .convolution import CHANNELS_LAST


def _random_dropout(x, p, axis, mode):
    """Training-mode dropout: a random keep mask over x (or over the axes
    `axis`, broadcast along the others)."""
    shape = x.shape
    if axis is not None:
        axes = [axis] if isinstance(axis, int) else list(axis)
        shape = [s if d in axes else 1 for d, s in enumerate(shape)]
    keep = cast(uniform(shape, "float32", 0.0, 1.0) >= p, x.dtype)
    if mode == "upscale_in_train":
        keep = keep / (1.0 - p) if p < 1 else keep * 0.0
    return x * keep


def dropout(x, p=0.5, axis=None, training=True, mode="upscale_in_train", name=None):
    """Zeroes elements with probability p in training ('upscale_in_train'
    scales the kept ones by 1 / (1 - p)); in inference the identity, or a
    scaling by 1 - p with mode 'downscale_in_infer'."""
    if mode != "upscale_in_train" and mode != "downscale_in_infer":
        raise ValueError(f"dropout(): mode must be 'upscale_in_train' or 'downscale_in_infer', "
                         f"not '{mode}'")
    if training and p > 0:
        return _random_dropout(x, p, axis, mode)
    if mode == "downscale_in_infer":
        return x * (1.0 - p)
    return x


def hardshrink(x, threshold=0.5, name=None):
    """x where |x| > threshold, else 0."""
    return where(abs(x) > threshold, x, x * 0.0)


def softshrink(x, threshold=0.5, name=None):
    """x - threshold above it, x + threshold below -threshold, else 0."""
    return where(x > threshold, x - threshold, where(x < -threshold, x + threshold, x * 0.0))


def thresholded_relu(x, threshold=1.0, value=0.0, name=None):
    """x where x > threshold, else `value`."""
    return where(x > threshold, x, x * 0.0 + value)


def prelu(x, weight, data_format="NCHW", name=None):
    """x where x > 0, else weight * x: one weight for all, one per channel
    (axis 1, or the last for channels-last formats), or one per element of
    a sample."""
    if weight.size == 1:
        slope = reshape(weight, [])
    elif weight.ndim == 1:
        shape = [1] * x.ndim
        shape[x.ndim - 1 if data_format in CHANNELS_LAST else 1] = weight.shape[0]
        slope = reshape(weight, shape)
    else:
        slope = reshape(weight, [1] + x.shape[1:])
    return where(x > 0, x, x * slope)


def glu(x, axis=-1, name=None):
    """a * sigmoid(b), a and b the halves of x along `axis`."""
    a, b = split(x, 2, axis=axis)
    return a * sigmoid(b)


def maxout(x, groups, axis=1, name=None):
    """The maximum of each `groups` consecutive channels along `axis` (1, or
    the last: -1 or 3)."""
    last = axis == -1 or axis == x.ndim - 1
    shape = x.shape
    if last:
        grouped = reshape(x, shape[:-1] + [shape[-1] // groups, groups])
        return max(grouped, axis=-1)
    grouped = reshape(x, [shape[0], shape[1] // groups, groups] + shape[2:])
    return max(grouped, axis=2)


def rrelu(x, lower=0.125, upper=0.3333333333333333, training=True, name=None):
    """x where x >= 0, else slope * x: in training a slope drawn uniformly
    from [lower, upper] per element, in eval their mean."""
    if training:
        slope = uniform(x.shape, "float32", lower, upper)
    else:
        slope = (lower + upper) / 2.0
    return where(x >= 0, x, x * slope)


def _feature_dropout(x, p, training, channel_axis):
    """Zeroes whole channels (the same for all positions) with probability p,
    scaling the kept ones by 1 / (1 - p), in training; the identity else."""
    if not training or p == 0:
        return x
    shape = [x.shape[0]] + [1] * (x.ndim - 1)
    shape[channel_axis] = x.shape[channel_axis]
    keep = cast(uniform(shape, "float32", 0.0, 1.0) >= p, x.dtype)
    return x * (keep / (1.0 - p) if p < 1 else keep * 0.0)


def dropout1d(input, p=0.5, training=True, inplace=False):
    """Dropout of whole channels of an NCL tensor (or a CL one, a batch of
    one)."""
    if input.ndim == 2:
        return squeeze(_feature_dropout(unsqueeze(input, 0), p, training, 1), [0])
    return _feature_dropout(input, p, training, 1)


def dropout2d(x, p=0.5, training=True, data_format="NCHW", name=None):
    """Dropout of whole channels of an NCHW (or NHWC) tensor."""
    return _feature_dropout(x, p, training, 3 if data_format == "NHWC" else 1)


def dropout3d(x, p=0.5, training=True, data_format="NCDHW", name=None):
    """Dropout of whole channels of an NCDHW (or NDHWC) tensor."""
    return _feature_dropout(x, p, training, 4 if data_format == "NDHWC" else 1)


# SELU's negative saturation value, -scale * alpha.
_ALPHA_PRIME = -1.7580993408473766


def _alpha_dropout(x, p, training, shape):
    """SELU-preserving dropout: dropped values become the negative saturation,
    then an affine map keeps the mean and variance; the identity in eval."""
    if not training or p == 0:
        return x
    if p == 1:
        return x * 0.0
    keep = cast(uniform(shape, "float32", 0.0, 1.0) >= p, x.dtype)
    a = ((1 - p) * (1 + p * _ALPHA_PRIME ** 2)) ** -0.5
    b = -a * _ALPHA_PRIME * p
    return a * (x * keep + _ALPHA_PRIME * (1.0 - keep)) + b


def alpha_dropout(x, p=0.5, training=True, name=None):
    """Alpha dropout of each element (for SELU networks)."""
    return _alpha_dropout(x, p, training, x.shape)


def feature_alpha_dropout(x, p=0.5, training=True, name=None):
    """Alpha dropout of whole channels (axis 1)."""
    return _alpha_dropout(x, p, training, x.shape[:2] + [1] * (x.ndim - 2))


def gumbel_softmax(x, temperature=1.0, hard=False, axis=-1, name=None):
    """softmax((x + g) / temperature) along `axis`, g Gumbel noise
    (-log(-log(u)), u uniform in [0, 1)): a sample of the categorical
    distribution of logits x, relaxed; with hard, its one-hot argmax."""
    if axis < 0:
        axis = axis + x.ndim
    noise = -log(-log(uniform(x.shape, x.dtype, 0.0, 1.0)))
    y = softmax((x + noise) / temperature, axis=axis)
    if not hard:
        return y
    shape = [1] * x.ndim
    shape[axis] = -1
    positions = reshape(arange(x.shape[axis]), shape)
    return cast(positions == argmax(y, axis=axis, keepdim=True), x.dtype)


FUNCTIONS = {fn.__name__: fn for fn in (
    dropout, hardshrink, softshrink, thresholded_relu, prelu, glu, maxout, rrelu, dropout1d,
    dropout2d,
    dropout3d, alpha_dropout, feature_alpha_dropout, gumbel_softmax)}
