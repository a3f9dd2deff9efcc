"""Convolutions other than conv2d and resizing, written over the op table's
conv2d, pad, reshape and gather (composites: eager and compiled code run these
definitions). conv1d and conv3d are conv2d over a reshaped input; a transposed
convolution is a convolution of the input spread out by the stride (zeros
between its elements) with the flipped, transposed kernel."""
from ..eager.functional import avg_pool2d as _avg_pool2d, conv2d as _conv2d
from ..eager.functional import flip, pad, reshape, squeeze, transpose, unsqueeze
from ..eager.primitives import padding_name

# Channels-last layouts: computed channels first, between two transposes.
CHANNELS_LAST = ("NLC", "NWC", "NHWC", "NDHWC")


def channels_first(x):
    """[N, *spatial, C] -> [N, C, *spatial]."""
    perm = [0, x.ndim - 1]
    for d in range(1, x.ndim - 1):
        perm.append(d)
    return transpose(x, perm)


def channels_last(x):
    """[N, C, *spatial] -> [N, *spatial, C]."""
    perm = [0]
    for d in range(2, x.ndim):
        perm.append(d)
    perm.append(1)
    return transpose(x, perm)


def _first_padding(padding, n):
    """A channels-last padding of one pair per dimension ([[0, 0], [t, b],
    [l, r], [0, 0]]) as the channels-first one of the spatial pairs."""
    if isinstance(padding, (list, tuple)) and len(padding) == n + 2 and \
            isinstance(padding[0], (list, tuple)):
        spatial = []
        for d in range(1, n + 1):
            spatial.append(padding[d])
        return spatial
    return padding


def _ntuple(value, n):
    """An int or a list of ints as a new list of n ints (a slice copies a list:
    known when compiling, it stays a constant, which list() of it would not)."""
    if isinstance(value, (list, tuple)):
        if len(value) != 1:
            return list(value[:]) if isinstance(value, tuple) else value[:]
        value = value[0]
    result = []
    for _ in range(n):
        result.append(value)
    return result


def _conv_padding(padding, sizes, kernel, stride, dilation):
    """Paddle's padding forms ('SAME', 'VALID', an int, one int per spatial
    dimension, one pair per dimension, or one pair per dimension of the whole
    input) as [before0, after0, before1, after1, ...]."""
    n = len(kernel)
    pads = []
    padding = padding_name(padding)
    if isinstance(padding, str):
        if padding == "VALID":
            for _ in range(2 * n):
                pads.append(0)
            return pads
        if padding != "SAME":
            raise ValueError(f"padding must be 'SAME', 'VALID' or ints, not '{padding}'")
        for d in range(n):
            out = -(-sizes[d] // stride[d])
            total = (out - 1) * stride[d] + (kernel[d] - 1) * dilation[d] + 1 - sizes[d]
            if total < 0:
                total = 0
            pads.append(total // 2)
            pads.append(total - total // 2)
        return pads
    if not isinstance(padding, (list, tuple)):
        for _ in range(2 * n):
            pads.append(padding)
        return pads
    flat = []
    for p in padding:
        if isinstance(p, (list, tuple)):
            for q in p:
                flat.append(q)
        else:
            flat.append(p)
    if len(flat) == 2 * n + 4:
        flat = flat[4:]
    if len(flat) == 1:
        return _ntuple(flat[0], 2 * n)
    if len(flat) == n:
        for p in flat:
            pads.append(p)
            pads.append(p)
        return pads
    if len(flat) != 2 * n:
        raise ValueError(f"padding {padding} does not fit a {n}-d convolution")
    return flat


def _check_format(data_format, expected, fname):
    if data_format != expected:
        raise ValueError(f"{fname}(): data_format '{data_format}' is not supported "
                         f"(use {expected})")


def conv1d(x, weight, bias=None, stride=1, padding=0, dilation=1, groups=1, data_format="NCL",
           name=None):
    """1-D convolution over NCL (or NLC): conv2d over [N, C, 1, L]."""
    if data_format == "NLC":
        return channels_last(_conv1d(channels_first(x), weight, bias, stride,
                                     _first_padding(padding, 1), dilation, groups))
    _check_format(data_format, "NCL", "conv1d")
    return _conv1d(x, weight, bias, stride, padding, dilation, groups)


def _conv1d(x, weight, bias, stride, padding, dilation, groups):
    stride = _ntuple(stride, 1)
    dilation = _ntuple(dilation, 1)
    padding = padding_name(padding)
    if padding == "SAME":
        dilation = [1]
    pads = _conv_padding(padding, [x.shape[2]], [weight.shape[2]], stride, dilation)
    out = _conv2d(unsqueeze(x, 2), unsqueeze(weight, 2), bias, [1, stride[0]],
                 [0, 0, pads[0], pads[1]], [1, dilation[0]], groups)
    return squeeze(out, 2)


def conv3d(x, weight, bias=None, stride=1, padding=0, dilation=1, groups=1, data_format="NCDHW",
           name=None):
    """3-D convolution over NCDHW (or NDHWC): for each depth tap of the kernel,
    a conv2d over the input's depth slices stacked into the batch, summed."""
    if data_format == "NDHWC":
        return channels_last(_conv3d(channels_first(x), weight, bias, stride,
                                     _first_padding(padding, 3), dilation, groups))
    _check_format(data_format, "NCDHW", "conv3d")
    return _conv3d(x, weight, bias, stride, padding, dilation, groups)


def _conv3d(x, weight, bias, stride, padding, dilation, groups):
    stride = _ntuple(stride, 3)
    dilation = _ntuple(dilation, 3)
    padding = padding_name(padding)
    if padding == "SAME":
        dilation = [1, 1, 1]
    kernel = weight.shape[2:]
    pads = _conv_padding(padding, x.shape[2:], kernel, stride, dilation)
    x = pad(x, [0, 0, 0, 0, pads[0], pads[1], 0, 0, 0, 0])
    channels = x.shape[1]
    depth = (x.shape[2] - dilation[0] * (kernel[0] - 1) - 1) // stride[0] + 1
    out = None
    for k in range(kernel[0]):
        start = k * dilation[0]
        planes = x[:, :, start:start + stride[0] * (depth - 1) + 1:stride[0]]
        planes = reshape(transpose(planes, [0, 2, 1, 3, 4]),
                         [-1, channels, planes.shape[3], planes.shape[4]])
        y = _conv2d(planes, weight[:, :, k], None, stride[1:], pads[2:], dilation[1:], groups)
        if out is None:
            out = y
        else:
            out = out + y
    out = transpose(reshape(out, [-1, depth, out.shape[1], out.shape[2], out.shape[3]]),
                    [0, 2, 1, 3, 4])
    if bias is not None:
        out = out + reshape(bias, [1, -1, 1, 1, 1])
    return out


def _spread(x, axis, stride):
    """x with stride - 1 zeros between neighbours along `axis`."""
    if stride == 1:
        return x
    n = x.shape[axis]
    x = unsqueeze(x, axis + 1)
    widths = []
    for d in range(x.ndim):
        widths.append(0)
        widths.append(stride - 1 if d == axis + 1 else 0)
    x = pad(x, widths)
    shape = [0]
    for d in range(1, x.ndim):
        if d == axis:
            shape.append(n * stride)
        elif d != axis + 1:
            shape.append(x.shape[d])
    x = reshape(x, shape)
    return _narrow(x, axis, 0, (n - 1) * stride + 1)


def _narrow(x, axis, start, stop):
    if axis == 2:
        return x[:, :, start:stop]
    if axis == 3:
        return x[:, :, :, start:stop]
    return x[:, :, :, :, start:stop]


def conv2d_transpose(x, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1,
                     dilation=1, data_format="NCHW", output_size=None, name=None):
    """The transposed 2-D convolution over NCHW with weight [C_in, C_out /
    groups, kh, kw]: out = (in - 1) * stride - pads + dilation * (k - 1) + 1
    + output_padding along each spatial dimension (NCHW or NHWC)."""
    if data_format == "NHWC":
        return channels_last(_conv2d_transpose(channels_first(x), weight, bias, stride,
                                               _first_padding(padding, 2), output_padding,
                                               groups, dilation, output_size))
    _check_format(data_format, "NCHW", "conv2d_transpose")
    return _conv2d_transpose(x, weight, bias, stride, padding, output_padding, groups, dilation,
                             output_size)


def _conv2d_transpose(x, weight, bias, stride, padding, output_padding, groups, dilation,
                      output_size):
    stride = _ntuple(stride, 2)
    dilation = _ntuple(dilation, 2)
    padding = padding_name(padding)
    if padding == "SAME":
        dilation = [1, 1]
    kernel = weight.shape[2:]
    pads = _conv_padding(padding, x.shape[2:], kernel, stride, dilation)
    extra = _ntuple(output_padding, 2)
    if output_size is not None:
        wanted = _ntuple(output_size, 2)
        for d in range(2):
            size = ((x.shape[2 + d] - 1) * stride[d] - pads[2 * d] - pads[2 * d + 1]
                    + dilation[d] * (kernel[d] - 1) + 1)
            extra[d] = wanted[d] - size
            if extra[d] < 0 or (extra[d] >= stride[d] and extra[d] >= dilation[d]):
                raise ValueError(f"conv2d_transpose(): output_size {output_size} cannot be "
                                 "reached with this stride and padding")
    for d in range(2):
        x = _spread(x, 2 + d, stride[d])
    inner = []
    for d in range(2):
        span = dilation[d] * (kernel[d] - 1)
        before = span - pads[2 * d]
        after = span - pads[2 * d + 1] + extra[d]
        # Padding beyond the kernel's reach removes input instead.
        if before < 0:
            x = _narrow(x, 2 + d, -before, x.shape[2 + d])
            before = 0
        if after < 0:
            x = _narrow(x, 2 + d, 0, x.shape[2 + d] + after)
            after = 0
        inner.append(before)
        inner.append(after)
    channels = weight.shape[0]
    filters = weight.shape[1]
    w = reshape(weight, [groups, channels // groups, filters, kernel[0], kernel[1]])
    w = reshape(transpose(w, [0, 2, 1, 3, 4]),
                [groups * filters, channels // groups, kernel[0], kernel[1]])
    return _conv2d(x, flip(w, [2, 3]), bias, 1, inner, dilation, groups)


def conv1d_transpose(x, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1,
                     dilation=1, output_size=None, data_format="NCL", name=None):
    """The transposed 1-D convolution over NCL (or NLC): conv2d_transpose over
    [N, C, 1, L]."""
    if data_format == "NLC":
        return channels_last(_conv1d_transpose(channels_first(x), weight, bias, stride,
                                               _first_padding(padding, 1), output_padding,
                                               groups, dilation, output_size))
    _check_format(data_format, "NCL", "conv1d_transpose")
    return _conv1d_transpose(x, weight, bias, stride, padding, output_padding, groups, dilation,
                             output_size)


def _conv1d_transpose(x, weight, bias, stride, padding, output_padding, groups, dilation,
                      output_size):
    stride = _ntuple(stride, 1)
    dilation = _ntuple(dilation, 1)
    padding = padding_name(padding)
    if padding == "SAME":
        dilation = [1]
    pads = _conv_padding(padding, [x.shape[2]], [weight.shape[2]], stride, dilation)
    size = None
    if output_size is not None:
        size = [1, _ntuple(output_size, 1)[0]]
    out = _conv2d_transpose(unsqueeze(x, 2), unsqueeze(weight, 2), bias, [1, stride[0]],
                            [0, 0, pads[0], pads[1]], [0, _ntuple(output_padding, 1)[0]], groups,
                            [1, dilation[0]], size)
    return squeeze(out, 2)


def conv2d(x, weight, bias=None, stride=1, padding=0, dilation=1, groups=1, data_format="NCHW",
           name=None):
    """2-D convolution over NCHW (the op table's conv2d) or NHWC."""
    if data_format == "NHWC":
        return channels_last(_conv2d(channels_first(x), weight, bias, stride,
                                     _first_padding(padding, 2), dilation, groups))
    return _conv2d(x, weight, bias, stride, padding, dilation, groups, data_format)


def avg_pool2d(x, kernel_size, stride=None, padding=0, ceil_mode=False, exclusive=True,
               divisor_override=None, data_format="NCHW", name=None):
    """2-D average pooling over NCHW (the op table's avg_pool2d) or NHWC."""
    if data_format == "NHWC":
        return channels_last(_avg_pool2d(channels_first(x), kernel_size, stride,
                                         _first_padding(padding, 2), ceil_mode, exclusive,
                                         divisor_override))
    return _avg_pool2d(x, kernel_size, stride, padding, ceil_mode, exclusive, divisor_override,
                       data_format)


def _pool1d_args(kernel_size, stride, padding):
    kernel = _ntuple(kernel_size, 1)[0]
    stride = kernel if stride is None else _ntuple(stride, 1)[0]
    if not isinstance(padding, str):
        pads = _conv_padding(padding, [0], [kernel], [stride], [1])
        padding = [0, 0, pads[0], pads[1]]
    return [1, kernel], [1, stride], padding


def avg_pool1d(x, kernel_size, stride=None, padding=0, exclusive=True, ceil_mode=False,
               name=None):
    """1-D average pooling over NCL: avg_pool2d over [N, C, 1, L]."""
    kernel, stride, padding = _pool1d_args(kernel_size, stride, padding)
    return squeeze(_avg_pool2d(unsqueeze(x, 2), kernel, stride, padding, ceil_mode, exclusive),
                   2)


FUNCTIONS = {fn.__name__: fn for fn in (conv1d, conv2d, conv3d, conv2d_transpose,
                                        conv1d_transpose, avg_pool1d, avg_pool2d)}
