"""paddle.nn.functional's normalizations over channels: batch_norm (in
training the batch's statistics, which update the running ones in place),
group_norm, instance_norm; and batch_norm_inference, the layers' eval mode,
which changes no tensor (so compiled code threads no statistics). Composites:
eager and compiled code run these definitions."""
from ..eager.functional import mean as _mean, reshape, sqrt, square
from .convolution import (CHANNELS_LAST as _CHANNELS_LAST, channels_first as _channels_first,
                          channels_last as _channels_last)


def _channel_shape(x):
    """[1, C, 1, ...]: a per-channel vector broadcast over NC... inputs."""
    shape = [1, -1]
    for _ in range(x.ndim - 2):
        shape.append(1)
    return shape


def _per_channel_affine(x, weight, bias):
    """x * weight + bias with per-channel (axis 1) vectors, either may be None."""
    return affine(x, weight, bias, _channel_shape(x))


def affine(x, weight, bias, shape):
    """x * weight + bias, each reshaped to `shape`; either may be None."""
    if weight is not None:
        x = x * reshape(weight, shape)
    if bias is not None:
        x = x + reshape(bias, shape)
    return x


def _spatial_axes(x, first):
    axes = []
    for d in range(first, x.ndim):
        axes.append(d)
    return axes


def batch_norm(x, running_mean, running_var, weight=None, bias=None, training=False,
               momentum=0.9, epsilon=1e-05, data_format="NCHW", use_global_stats=None,
               name=None):
    """(x - mean) / sqrt(var + epsilon) * weight + bias per channel (axis 1,
    or the last axis with a channels-last data_format): the running
    statistics in inference; in training the batch's, which then update the
    running ones in place as Paddle's kernel does (running = momentum *
    running + (1 - momentum) * batch, the batch's variance biased)."""
    if data_format in _CHANNELS_LAST:
        return _channels_last(_batch_norm(_channels_first(x), running_mean, running_var, weight,
                                          bias, training, momentum, epsilon, use_global_stats))
    return _batch_norm(x, running_mean, running_var, weight, bias, training, momentum, epsilon,
                       use_global_stats)


def _batch_norm(x, running_mean, running_var, weight, bias, training, momentum, epsilon,
                use_global_stats):
    if not training or use_global_stats:
        return _normalized(x, running_mean, running_var, weight, bias, epsilon)
    axes = [0] + _spatial_axes(x, 2)
    mean = _mean(x, axis=axes, keepdim=True)
    var = _mean(square(x - mean), axis=axes, keepdim=True)
    running_mean.scale_(momentum)
    running_mean.add_(reshape(mean, [-1]) * (1.0 - momentum))
    running_var.scale_(momentum)
    running_var.add_(reshape(var, [-1]) * (1.0 - momentum))
    # Paddle's kernel inverts the batch's variance before the square root.
    inverse_std = sqrt(1.0 / (reshape(var, [-1]) + epsilon))
    return _scaled_and_shifted(x, reshape(mean, [-1]), inverse_std, weight, bias)


def _normalized(x, mean, var, weight, bias, epsilon):
    return _scaled_and_shifted(x, mean, 1.0 / sqrt(var + epsilon), weight, bias)


def _scaled_and_shifted(x, mean, inverse_std, weight, bias):
    """(x - mean) * inverse_std * weight + bias as Paddle's kernel computes
    it: x * scale + shift with scale = inverse_std * weight and shift = bias
    - mean * inverse_std * weight made per channel first (one multiply-add
    per element, not a square root and a division)."""
    scale = inverse_std if weight is None else inverse_std * weight
    shift = -(mean * scale) if weight is None else -(mean * inverse_std * weight)
    if bias is not None:
        shift = bias + shift
    shape = _channel_shape(x)
    return x * reshape(scale, shape) + reshape(shift, shape)


def batch_norm_inference(x, running_mean, running_var, weight=None, bias=None,
                          epsilon=1e-05, data_format="NCHW"):
    """batch_norm in inference: the running statistics normalize, and no
    tensor changes (the layers' eval mode; compiled code then threads no
    statistics)."""
    if data_format in _CHANNELS_LAST:
        return _channels_last(_normalized(_channels_first(x), running_mean, running_var, weight,
                                          bias, epsilon))
    return _normalized(x, running_mean, running_var, weight, bias, epsilon)


def group_norm(x, num_groups, epsilon=1e-05, weight=None, bias=None, data_format="NCHW",
               name=None):
    """Normalizes each group of channels over its channels and positions."""
    if data_format in _CHANNELS_LAST:
        return _channels_last(_group_norm(_channels_first(x), num_groups, epsilon, weight, bias))
    return _group_norm(x, num_groups, epsilon, weight, bias)


def _group_norm(x, num_groups, epsilon, weight, bias):
    grouped = reshape(x, [0, num_groups, -1])
    mean = _mean(grouped, axis=2, keepdim=True)
    var = _mean(square(grouped - mean), axis=2, keepdim=True)
    out = reshape((grouped - mean) / sqrt(var + epsilon), x.shape)
    return _per_channel_affine(out, weight, bias)


def instance_norm(x, running_mean=None, running_var=None, weight=None, bias=None,
                  use_input_stats=True, momentum=0.9, eps=1e-05, data_format="NCHW", name=None):
    """Normalizes each (sample, channel) over its positions."""
    if data_format in _CHANNELS_LAST:
        return _channels_last(_instance_norm(_channels_first(x), weight, bias, eps))
    return _instance_norm(x, weight, bias, eps)


def _instance_norm(x, weight, bias, eps):
    axes = _spatial_axes(x, 2)
    mean = _mean(x, axis=axes, keepdim=True)
    out = (x - mean) / sqrt(_mean(square(x - mean), axis=axes, keepdim=True) + eps)
    return _per_channel_affine(out, weight, bias)


FUNCTIONS = {fn.__name__: fn for fn in (batch_norm, group_norm, instance_norm)}
