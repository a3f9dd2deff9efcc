"""The transposed 3-D convolution (composite): the input spread out by the
stride along each spatial axis (zeros between its elements), padded by the
kernel's reach less the padding, convolved (conv3d) with the flipped kernel
whose input and output channels are swapped per group."""
from ..eager.functional import flip, reshape, transpose
from ..eager.primitives import padding_name
from .convolution import (_check_format, _conv3d, _conv_padding, _first_padding, _narrow,
                          _ntuple, _spread, channels_first, channels_last)


def _spread_axis(x, axis, stride, before, after):
    """x spread by the stride along `axis`, less the padding beyond the
    kernel's reach (negative `before`/`after`: input removed, not padded)."""
    x = _spread(x, axis, stride)
    if before < 0:
        x = _narrow(x, axis, -before, x.shape[axis])
    if after < 0:
        x = _narrow(x, axis, 0, x.shape[axis] + after)
    return x


def conv3d_transpose(x, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1,
                     dilation=1, output_size=None, data_format="NCDHW", name=None):
    """The transposed 3-D convolution over NCDHW (or NDHWC) with weight
    [C_in, C_out / groups, kd, kh, kw]: out = (in - 1) * stride - pads +
    dilation * (k - 1) + 1 + output_padding along each spatial dimension."""
    if data_format == "NDHWC":
        return channels_last(_conv3d_transpose(channels_first(x), weight, bias, stride,
                                               _first_padding(padding, 3), output_padding,
                                               groups, dilation, output_size))
    _check_format(data_format, "NCDHW", "conv3d_transpose")
    return _conv3d_transpose(x, weight, bias, stride, padding, output_padding, groups, dilation,
                             output_size)


def _conv3d_transpose(x, weight, bias, stride, padding, output_padding, groups, dilation,
                      output_size):
    stride = _ntuple(stride, 3)
    dilation = _ntuple(dilation, 3)
    padding = padding_name(padding)
    if padding == "SAME":
        dilation = [1, 1, 1]
    kernel = weight.shape[2:]
    pads = _conv_padding(padding, x.shape[2:], kernel, stride, dilation)
    extra = _ntuple(output_padding, 3)
    if output_size is not None:
        wanted = _ntuple(output_size, 3)
        for d in range(3):
            size = ((x.shape[2 + d] - 1) * stride[d] - pads[2 * d] - pads[2 * d + 1]
                    + dilation[d] * (kernel[d] - 1) + 1)
            extra[d] = wanted[d] - size
            if extra[d] < 0 or (extra[d] >= stride[d] and extra[d] >= dilation[d]):
                raise ValueError(f"conv3d_transpose(): output_size {output_size} cannot be "
                                 "reached with this stride and padding")
    spans = [dilation[0] * (kernel[0] - 1), dilation[1] * (kernel[1] - 1),
             dilation[2] * (kernel[2] - 1)]
    befores = [spans[0] - pads[0], spans[1] - pads[2], spans[2] - pads[4]]
    afters = [spans[0] - pads[1] + extra[0], spans[1] - pads[3] + extra[1],
              spans[2] - pads[5] + extra[2]]
    x = _spread_axis(x, 2, stride[0], befores[0], afters[0])
    x = _spread_axis(x, 3, stride[1], befores[1], afters[1])
    x = _spread_axis(x, 4, stride[2], befores[2], afters[2])
    inner = [max(befores[0], 0), max(afters[0], 0), max(befores[1], 0), max(afters[1], 0),
             max(befores[2], 0), max(afters[2], 0)]
    channels, filters = weight.shape[0], weight.shape[1]
    w = reshape(weight, [groups, channels // groups, filters] + kernel)
    w = reshape(transpose(w, [0, 2, 1, 3, 4, 5]), [groups * filters, channels // groups] + kernel)
    return _conv3d(x, flip(w, [2, 3, 4]), bias, 1, inner, dilation, groups)


FUNCTIONS = {"conv3d_transpose": conv3d_transpose}
