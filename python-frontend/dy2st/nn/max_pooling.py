"""Max pooling (the op table's max_pool2d, and composites where it also gives
where each maximum was, `return_mask=True`), and its inverse, max unpooling. The mask holds, per output
cell, the index of the maximum within its input plane (row * width +
column), as Paddle's kernels give it: the first maximum of the window in row
order wins. Unpooling scatters each value to its index in a zero plane."""
from ..eager.functional import (arange, argmax, broadcast_to, cast, logical_and, pad,
                                put_along_axis, reshape, squeeze, stack, take_along_axis,
                                unsqueeze, where, zeros)
from ..eager.functional import max_pool2d as _max_pool2d
from ..eager.primitives import pool_output_size
from .convolution import _conv_padding, _ntuple, _pool1d_args, channels_first, channels_last, \
    _first_padding

_FLOAT32_LOWEST = -3.4028234663852886e38
_FLOAT64_LOWEST = -1.7976931348623157e308


def max_pool2d_with_mask(x, kernel_size, stride, padding, ceil_mode):
    """(maxima, int32 mask) of 2-D max pooling over an NCHW tensor."""
    kernel = _ntuple(kernel_size, 2)
    stride = kernel if stride is None else _ntuple(stride, 2)
    sizes = [x.shape[2], x.shape[3]]
    pads = _conv_padding(padding, sizes, kernel, stride, [1, 1])
    outs, extra = [], []
    for d in range(2):
        span = sizes[d] + pads[2 * d] + pads[2 * d + 1] - kernel[d]
        # Paddle keeps a last window that starts past the input.
        out = pool_output_size(span, stride[d], ceil_mode)
        outs.append(out)
        beyond = (out - 1) * stride[d] + kernel[d] - (sizes[d] + pads[2 * d] + pads[2 * d + 1])
        extra.append(beyond if beyond > 0 else 0)
    # Paddle's kernel starts from the lowest finite float: a window entirely
    # in padding gives it, and the mask -1 there.
    lowest = _FLOAT32_LOWEST if x.dtype == "float32" else _FLOAT64_LOWEST
    padded = pad(x, [0, 0, 0, 0, pads[0], pads[1] + extra[0], pads[2], pads[3] + extra[1]],
                 value=lowest)
    rows = unsqueeze(arange(outs[0]) * stride[0] - pads[0], -1)
    columns = arange(outs[1]) * stride[1] - pads[2]
    values, positions = [], []
    for i in range(kernel[0]):
        for j in range(kernel[1]):
            values.append(padded[:, :, i:i + stride[0] * (outs[0] - 1) + 1:stride[0],
                                 j:j + stride[1] * (outs[1] - 1) + 1:stride[1]])
            inside = logical_and(logical_and(rows + i >= 0, rows + i < sizes[0]),
                                 logical_and(columns + j >= 0, columns + j < sizes[1]))
            positions.append(where(inside, (rows + i) * sizes[1] + (columns + j), -1))
    candidates = stack(values, axis=0)
    best = argmax(candidates, axis=0, keepdim=True)
    found = broadcast_to(reshape(stack(positions, axis=0), [len(positions), 1, 1] + outs),
                         candidates.shape)
    return (squeeze(take_along_axis(candidates, best, 0), 0),
            cast(squeeze(take_along_axis(found, best, 0), 0), "int32"))


def max_pool2d(x, kernel_size, stride=None, padding=0, return_mask=False, ceil_mode=False,
               data_format="NCHW", name=None):
    """2-D max pooling over NCHW (the op table's max_pool2d) or NHWC; with
    return_mask, also where each maximum was (NCHW)."""
    if return_mask:
        if data_format != "NCHW":
            raise ValueError("max_pool2d(return_mask=True) needs data_format 'NCHW' in dy2st")
        return max_pool2d_with_mask(x, kernel_size, stride, padding, ceil_mode)
    if data_format == "NHWC":
        return channels_last(_max_pool2d(channels_first(x), kernel_size, stride,
                                         _first_padding(padding, 2), return_mask, ceil_mode))
    return _max_pool2d(x, kernel_size, stride, padding, return_mask, ceil_mode, data_format)


def max_pool1d(x, kernel_size, stride=None, padding=0, return_mask=False, ceil_mode=False,
               name=None):
    """1-D max pooling over NCL: max_pool2d over [N, C, 1, L]."""
    kernel, stride, padding = _pool1d_args(kernel_size, stride, padding)
    if return_mask:
        out, mask = max_pool2d_with_mask(unsqueeze(x, 2), kernel, stride, padding, ceil_mode)
        return squeeze(out, 2), squeeze(mask, 2)
    return squeeze(_max_pool2d(unsqueeze(x, 2), kernel, stride, padding, return_mask, ceil_mode),
                   2)


def _unpool(x, indices, kernel, stride, padding, output_size, dims):
    """Each value of x at its index of a zero [N, C, *size] tensor."""
    stride = kernel if stride is None else _ntuple(stride, dims)
    pads = _ntuple(padding, dims)
    if output_size is None:
        size = [(x.shape[2 + d] - 1) * stride[d] - 2 * pads[d] + kernel[d] for d in range(dims)]
    else:
        size = list(output_size)[-dims:]
    plane = 1
    for s in size:
        plane = plane * s
    n, c = x.shape[0], x.shape[1]
    flat = put_along_axis(zeros([n, c, plane], x.dtype), cast(reshape(indices, [n, c, -1]), "int64"),
                          reshape(x, [n, c, -1]), 2)
    return reshape(flat, [n, c] + size)


def max_unpool1d(x, indices, kernel_size, stride=None, padding=0, data_format="NCL",
                 output_size=None, name=None):
    """The inverse of max_pool1d(return_mask=True) over NCL: the maxima at
    their positions, zeros elsewhere."""
    if data_format != "NCL":
        raise ValueError(f"max_unpool1d(): data_format must be 'NCL', not '{data_format}'")
    return _unpool(x, indices, _ntuple(kernel_size, 1), stride, padding, output_size, 1)


def max_unpool2d(x, indices, kernel_size, stride=None, padding=0, data_format="NCHW",
                 output_size=None, name=None):
    """The inverse of max_pool2d(return_mask=True) over NCHW: the maxima at
    their positions, zeros elsewhere."""
    if data_format != "NCHW":
        raise ValueError(f"max_unpool2d(): data_format must be 'NCHW', not '{data_format}'")
    return _unpool(x, indices, _ntuple(kernel_size, 2), stride, padding, output_size, 2)


FUNCTIONS = {fn.__name__: fn for fn in (max_pool1d, max_pool2d, max_unpool1d, max_unpool2d)}
