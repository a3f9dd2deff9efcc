"""Max pooling (the op table's max_pool2d, and composites where it also gives
where each maximum was, `return_mask=True`), and its inverse, max unpooling. The mask holds, per output
cell, the index of the maximum within its input plane (row * width +
column), as Paddle's kernels give it: the first maximum of the window in row
order wins. Unpooling scatters each value to its index in a zero plane."""
from ..eager.functional import (arange, argmax, broadcast_to, cast, concat, logical_and, pad,
                                put_along_axis, reshape, slice, squeeze, stack,
                                take_along_axis, unsqueeze, where, zeros)
from ..eager.functional import max_pool2d as _max_pool2d
from ..eager.primitives import padding_name, pool_output_size
from .convolution import _conv_padding, _ntuple, _pool1d_args, channels_first, channels_last, \
    _first_padding

_FLOAT32_LOWEST = -3.4028234663852886e38
_FLOAT64_LOWEST = -1.7976931348623157e308


def grid_offsets(sizes):
    """Every index of a box of `sizes`, the last axis fastest."""
    offsets = [[]]
    for size in sizes:
        offsets = [o + [k] for o in offsets for k in range(size)]
    return offsets


def _window(x, offset, stride, outs):
    """x[:, :, o0::s0, o1::s1(, o2::s2)], `outs` items along each axis."""
    if len(offset) == 2:
        return x[:, :, offset[0]:offset[0] + stride[0] * (outs[0] - 1) + 1:stride[0],
                 offset[1]:offset[1] + stride[1] * (outs[1] - 1) + 1:stride[1]]
    return x[:, :, offset[0]:offset[0] + stride[0] * (outs[0] - 1) + 1:stride[0],
             offset[1]:offset[1] + stride[1] * (outs[1] - 1) + 1:stride[1],
             offset[2]:offset[2] + stride[2] * (outs[2] - 1) + 1:stride[2]]


def max_pool_with_mask(x, kernel_size, stride, padding, ceil_mode, dims):
    """(maxima, int32 mask) of 2-D or 3-D max pooling over an NCHW or NCDHW
    tensor. As Paddle's, padding given as 'SAME' or 'VALID' is none (its
    pooling with index takes no padding algorithm)."""
    kernel = _ntuple(kernel_size, dims)
    stride = kernel if stride is None else _ntuple(stride, dims)
    sizes = list(x.shape[2:])
    pads = _conv_padding(0 if isinstance(padding_name(padding), str) else padding, sizes,
                         kernel, stride, [1] * dims)
    outs, widths = [], [0, 0, 0, 0]
    for d in range(dims):
        span = sizes[d] + pads[2 * d] + pads[2 * d + 1] - kernel[d]
        # Paddle keeps a last window that starts past the input.
        out = pool_output_size(span, stride[d], ceil_mode)
        outs.append(out)
        beyond = (out - 1) * stride[d] + kernel[d] - (sizes[d] + pads[2 * d] + pads[2 * d + 1])
        widths += [pads[2 * d], pads[2 * d + 1] + (beyond if beyond > 0 else 0)]
    # Paddle's kernel starts from the lowest finite float: a window entirely
    # in padding gives it, and the mask -1 there.
    lowest = _FLOAT32_LOWEST if x.dtype == "float32" else _FLOAT64_LOWEST
    padded = pad(x, widths, value=lowest)
    starts = []
    for d in range(dims):
        shape = [1] * dims
        shape[d] = outs[d]
        starts.append(reshape(arange(outs[d]) * stride[d] - pads[2 * d], shape))
    values, positions = [], []
    for offset in grid_offsets(kernel):
        values.append(_window(padded, offset, stride, outs))
        inside, flat = None, None
        for d in range(dims):
            at = starts[d] + offset[d]
            within = logical_and(at >= 0, at < sizes[d])
            inside = within if inside is None else logical_and(inside, within)
            flat = at if flat is None else flat * sizes[d] + at
        positions.append(where(inside, flat, -1))
    candidates = stack(values, axis=0)
    best = argmax(candidates, axis=0, keepdim=True)
    found = broadcast_to(reshape(stack(positions, axis=0), [len(positions), 1, 1] + outs),
                         candidates.shape)
    return (squeeze(take_along_axis(candidates, best, 0), 0),
            cast(squeeze(take_along_axis(found, best, 0), 0), "int32"))


def adaptive_max_pool_with_mask(x, output_size, dims):
    """(maxima, int32 mask) of adaptive max pooling over the last `dims`
    axes: cell i along an axis of n covers [floor(i n / size), ceil((i + 1) n
    / size)); the mask the index of the cell's first maximum in the input."""
    sizes = list(x.shape[2:])
    outs = _ntuple(output_size, dims)
    outs = [sizes[d] if outs[d] is None else outs[d] for d in range(dims)]
    channels = x.shape[1]
    values, masks = [], []
    for cell in grid_offsets(outs):
        lows = [(cell[d] * sizes[d]) // outs[d] for d in range(dims)]
        highs = [-((-(cell[d] + 1) * sizes[d]) // outs[d]) for d in range(dims)]
        window = reshape(slice(x, list(range(2, 2 + dims)), lows, highs),
                         [-1, channels, volume([h - l for l, h in zip(lows, highs)])])
        best = argmax(window, axis=2, keepdim=True)
        values.append(take_along_axis(window, best, 2))
        # The window's flat index as the input's: its coordinates, last axis first.
        remaining, index, scale = best, 0, 1
        for d in reversed(range(dims)):
            width = highs[d] - lows[d]
            index = index + (remaining % width + lows[d]) * scale
            remaining = remaining // width
            scale = scale * sizes[d]
        masks.append(index)
    shape = [-1, channels] + outs
    return (reshape(concat(values, axis=2), shape),
            cast(reshape(concat(masks, axis=2), shape), "int32"))


def volume(sizes):
    """The element count of a box of `sizes`."""
    volume = 1
    for size in sizes:
        volume = volume * size
    return volume


def max_pool2d(x, kernel_size, stride=None, padding=0, return_mask=False, ceil_mode=False,
               data_format="NCHW", name=None):
    """2-D max pooling over NCHW (the op table's max_pool2d) or NHWC; with
    return_mask, also where each maximum was (NCHW)."""
    if return_mask:
        if data_format != "NCHW":
            raise ValueError("max_pool2d(return_mask=True) needs data_format 'NCHW' in dy2st")
        return max_pool_with_mask(x, kernel_size, stride, padding, ceil_mode, 2)
    if data_format == "NHWC":
        return channels_last(_max_pool2d(channels_first(x), kernel_size, stride,
                                         _first_padding(padding, 2), return_mask, ceil_mode))
    return _max_pool2d(x, kernel_size, stride, padding, return_mask, ceil_mode, data_format)


def max_pool1d(x, kernel_size, stride=None, padding=0, return_mask=False, ceil_mode=False,
               name=None):
    """1-D max pooling over NCL: max_pool2d over [N, C, 1, L]."""
    kernel, stride, padding = _pool1d_args(kernel_size, stride, padding)
    if return_mask:
        out, mask = max_pool_with_mask(unsqueeze(x, 2), kernel, stride, padding, ceil_mode, 2)
        return squeeze(out, 2), squeeze(mask, 2)
    return squeeze(_max_pool2d(unsqueeze(x, 2), kernel, stride, padding, return_mask, ceil_mode),
                   2)


def _unpool(name, layout, x, indices, kernel_size, stride, padding, data_format, output_size):
    """max_unpool1d/2d/3d (`name`, of the channels-first `layout`): each value
    of x at its index of a zero [N, C, *size] tensor."""
    if data_format != layout:
        raise ValueError(f"{name}(): data_format must be '{layout}', not '{data_format}'")
    dims = len(layout) - 2
    kernel = _ntuple(kernel_size, dims)
    stride = kernel if stride is None else _ntuple(stride, dims)
    pads = _ntuple(padding, dims)
    if output_size is None:
        size = [(x.shape[2 + d] - 1) * stride[d] - 2 * pads[d] + kernel[d] for d in range(dims)]
    else:
        size = list(output_size)[-dims:]
    plane = volume(size)
    n, c = x.shape[0], x.shape[1]
    flat = put_along_axis(zeros([n, c, plane], x.dtype), cast(reshape(indices, [n, c, -1]), "int64"),
                          reshape(x, [n, c, -1]), 2)
    return reshape(flat, [n, c] + size)


def max_unpool1d(x, indices, kernel_size, stride=None, padding=0, data_format="NCL",
                 output_size=None, name=None):
    """The inverse of max_pool1d(return_mask=True) over NCL: the maxima at
    their positions, zeros elsewhere."""
    return _unpool("max_unpool1d", "NCL", x, indices, kernel_size, stride, padding,
                   data_format, output_size)


def max_unpool2d(x, indices, kernel_size, stride=None, padding=0, data_format="NCHW",
                 output_size=None, name=None):
    """The inverse of max_pool2d(return_mask=True) over NCHW: the maxima at
    their positions, zeros elsewhere."""
    return _unpool("max_unpool2d", "NCHW", x, indices, kernel_size, stride, padding,
                   data_format, output_size)


def max_unpool3d(x, indices, kernel_size, stride=None, padding=0, data_format="NCDHW",
                 output_size=None, name=None):
    """The inverse of max_pool3d(return_mask=True) over NCDHW: the maxima at
    their positions, zeros elsewhere."""
    return _unpool("max_unpool3d", "NCDHW", x, indices, kernel_size, stride, padding,
                   data_format, output_size)


FUNCTIONS = {fn.__name__: fn for fn in (max_pool1d, max_pool2d, max_unpool1d, max_unpool2d,
                                        max_unpool3d)}
