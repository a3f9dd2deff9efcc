"""Resizing (paddle.nn.functional.interpolate / upsample), written over the op
table's gather and elementwise primitives: each spatial axis is resampled in
turn, with the source positions Paddle's interpolation kernels compute in
float32 (nearest: truncated, or rounded with align_corners; linear: the two
neighbours weighted by distance). Linear modes are separable, so bilinear and
trilinear are linear along each axis, the last axis first as Paddle sums."""
from ..eager.functional import arange, cast, floor, gather, maximum, minimum, reshape
from .convolution import CHANNELS_LAST, channels_first, channels_last
from .adaptive_pooling import adaptive_avg_pool2d
from ..eager.tensor import Tensor

_LINEAR = ("linear", "bilinear", "trilinear")
_FORMATS = ("NCW", "NCHW", "NCDHW")


def _as_list(value, n):
    if isinstance(value, Tensor):
        # Paddle's size tensor (`paddle.shape(y)[2:]`): one size per element.
        return [value[d] for d in range(n)]
    if isinstance(value, (list, tuple)):
        return list(value)
    result = []
    for _ in range(n):
        result.append(value)
    return result


def _along(weights, axis, ndim):
    """A 1-d tensor reshaped to broadcast along `axis` of an ndim-d tensor."""
    shape = []
    for d in range(ndim):
        shape.append(-1 if d == axis else 1)
    return reshape(weights, shape)


def _nearest(x, axis, size, ratio, align_corners):
    source = arange(0, size, dtype="float32") * ratio
    if align_corners:
        source = source + 0.5
    index = minimum(cast(source, "int64"), x.shape[axis] - 1)
    return gather(x, index, axis=axis)


def _linear(x, axis, size, ratio, align_corners, align_mode):
    steps = arange(0, size, dtype="float32")
    centered = align_mode == 0 and not align_corners
    if centered:
        source = maximum(ratio * (steps + 0.5) - 0.5, 0.0)
    else:
        source = ratio * steps
    low = cast(source, "int64")
    high = minimum(low + 1, x.shape[axis] - 1)
    far = _along(source - cast(low, "float32"), axis, x.ndim)
    near = 1.0 - far
    return gather(x, low, axis=axis) * near + gather(x, high, axis=axis) * far


# Paddle's bicubic kernel: Keys' cubic convolution with A = -0.75.
_A = -0.75


def _near(v):
    return ((_A + 2.0) * v - (_A + 3.0)) * v * v + 1.0


def _far(v):
    return ((_A * v - 5.0 * _A) * v + 8.0 * _A) * v - 4.0 * _A


def _cubic(x, axis, size, ratio, align_corners):
    """Cubic convolution along `axis`: the four neighbours of each source
    position (clamped to the edges), weighted by Keys' kernel."""
    steps = arange(0, size, dtype="float32")
    source = ratio * steps if align_corners else ratio * (steps + 0.5) - 0.5
    low = floor(source)
    t = _along(source - low, axis, x.ndim)
    base = cast(low, "int64")
    last = x.shape[axis] - 1
    weights = [_far(t + 1.0), _near(t), _near(1.0 - t), _far(2.0 - t)]
    out = None
    for k in range(4):
        index = minimum(maximum(base + (k - 1), 0), last)
        term = gather(x, index, axis=axis) * weights[k]
        out = term if out is None else out + term
    return out


def interpolate(x, size=None, scale_factor=None, mode="nearest", align_corners=False,
                align_mode=0, data_format=None, recompute_scale_factor=None, name=None):
    """Resizes the spatial axes of an NCW, NCHW or NCDHW tensor (or NWC, NHWC,
    NDHWC) to `size`, or by `scale_factor` (the output size truncated); modes
    'nearest', 'linear', 'bilinear', 'trilinear', 'bicubic' and 'area'
    (adaptive average pooling)."""
    if data_format in CHANNELS_LAST:
        return channels_last(_resize(channels_first(x), size, scale_factor, mode, align_corners,
                                     align_mode, None))
    return _resize(x, size, scale_factor, mode, align_corners, align_mode, data_format)


def _resize(x, size, scale_factor, mode, align_corners, align_mode, data_format):
    spatial = x.ndim - 2
    if spatial < 1 or spatial > 3:
        raise ValueError(f"interpolate(): needs a 3-, 4- or 5-d input, not {x.ndim}-d")
    if data_format is None:
        data_format = _FORMATS[spatial - 1]
    if data_format != _FORMATS[spatial - 1]:
        raise ValueError(f"interpolate(): data_format '{data_format}' is not supported for a "
                         f"{x.ndim}-d input (use channels-first)")
    if mode not in ("nearest", "area", "bicubic") + _LINEAR:
        raise ValueError(f"interpolate(): mode '{mode}' is not supported by dy2st")
    if (mode in _LINEAR and mode != _LINEAR[spatial - 1]) or (mode == "bicubic" and spatial != 2):
        raise ValueError(f"interpolate(): mode '{mode}' does not fit a {x.ndim}-d input")
    if mode == "nearest" and align_corners:
        raise ValueError("interpolate(): align_corners is only for linear modes")
    if (size is None) == (scale_factor is None):
        raise ValueError("interpolate(): give exactly one of size and scale_factor")
    scales = None
    if size is None:
        scales = _as_list(scale_factor, spatial)
        sizes = []
        for d in range(spatial):
            sizes.append(int(x.shape[2 + d] * scales[d]))
    else:
        sizes = _as_list(size, spatial)
    if mode == "area":
        return adaptive_avg_pool2d(x, sizes)
    for d in range(spatial - 1, -1, -1):
        axis = 2 + d
        before = x.shape[axis]
        ratio = 0.0
        if sizes[d] > 1:
            if align_corners:
                ratio = (before - 1) / (sizes[d] - 1)
            elif scales is not None and scales[d] > 0:
                ratio = 1.0 / scales[d]
            else:
                ratio = before / sizes[d]
        if mode == "nearest":
            x = _nearest(x, axis, sizes[d], ratio, align_corners)
        elif mode == "bicubic":
            x = _cubic(x, axis, sizes[d], ratio, align_corners)
        else:
            x = _linear(x, axis, sizes[d], ratio, align_corners, align_mode)
    return x


def upsample(x, size=None, scale_factor=None, mode="nearest", align_corners=False, align_mode=0,
             data_format=None, name=None):
    """interpolate(), under its older name."""
    return interpolate(x, size, scale_factor, mode, align_corners, align_mode, data_format)


FUNCTIONS = {fn.__name__: fn for fn in (interpolate, upsample)}
