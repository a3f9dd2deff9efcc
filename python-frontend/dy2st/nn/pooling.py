"""More pooling (composites): max_pool3d and avg_pool3d as 2-D pools along
depth and then over height and width (a box's maximum or average is the
iterated one; with padding, average counts multiply per axis); the 1-d and
3-d adaptive pools one axis at a time (their windows are products of
intervals); unfold (im2col) and fold (col2im); the power-average pools."""
from ..eager.functional import (add_n, avg_pool2d as _avg_pool2d, concat, max,
                                max_pool2d as _max_pool2d,
                                mean, pad, reshape, slice, squeeze, stack, unsqueeze)
from .convolution import _conv_padding, _ntuple, _spread, channels_first, channels_last
from .max_pooling import adaptive_max_pool_with_mask, max_pool_with_mask


def _pool2d(x, kernel, stride, padding, ceil_mode, is_max, exclusive):
    if is_max:
        return _max_pool2d(x, kernel, stride, padding, False, ceil_mode)
    return _avg_pool2d(x, kernel, stride, padding, ceil_mode, exclusive)


def _pool3d(x, kernel_size, stride, padding, ceil_mode, is_max, exclusive):
    """A 2-D pool along depth, then over height and width, of an NCDHW tensor."""
    kernel = _ntuple(kernel_size, 3)
    stride = kernel if stride is None else _ntuple(stride, 3)
    pads = _conv_padding(padding, x.shape[2:], kernel, stride, [1, 1, 1])
    # The batch as -1: the other sizes stay known when compiling (ceil_mode
    # needs them) where only the batch is not.
    c, d, h, w = x.shape[1:]
    depth = _pool2d(reshape(x, [-1, c, d, h * w]), [kernel[0], 1], [stride[0], 1],
                    [pads[0], pads[1], 0, 0], ceil_mode, is_max, exclusive)
    d2 = depth.shape[2]
    planes = _pool2d(reshape(depth, [-1, c * d2, h, w]), kernel[1:], stride[1:], pads[2:],
                     ceil_mode, is_max, exclusive)
    return reshape(planes, [-1, c, d2, planes.shape[2], planes.shape[3]])


def max_pool3d(x, kernel_size, stride=None, padding=0, return_mask=False, ceil_mode=False,
               data_format="NCDHW", name=None):
    """3-D max pooling over NCDHW (or NDHWC); with return_mask, also where
    each maximum was (NCDHW)."""
    if return_mask:
        if data_format != "NCDHW":
            raise ValueError("When setting return_mask to true, data_format must be set to "
                             "NCDHW in API:max_pool3d")
        return max_pool_with_mask(x, kernel_size, stride, padding, ceil_mode, 3)
    if data_format == "NDHWC":
        return channels_last(_pool3d(channels_first(x), kernel_size, stride, padding, ceil_mode,
                                     True, False))
    return _pool3d(x, kernel_size, stride, padding, ceil_mode, True, False)


def avg_pool3d(x, kernel_size, stride=None, padding=0, ceil_mode=False, exclusive=True,
               divisor_override=None, data_format="NCDHW", name=None):
    """3-D average pooling over NCDHW (or NDHWC); `exclusive` leaves padding
    out of the count, `divisor_override` scales the average by the kernel's
    size over it (Paddle's formula)."""
    if data_format == "NDHWC":
        out = channels_last(_pool3d(channels_first(x), kernel_size, stride, padding, ceil_mode,
                                    False, exclusive))
    else:
        out = _pool3d(x, kernel_size, stride, padding, ceil_mode, False, exclusive)
    if divisor_override is not None:
        kernel = _ntuple(kernel_size, 3)
        out = out * (kernel[0] * kernel[1] * kernel[2] / divisor_override)
    return out


def _adaptive_along(x, axis, size, is_max):
    """Adaptive pooling along one axis: window i covers
    [floor(i n / size), ceil((i + 1) n / size))."""
    n = x.shape[axis]
    if size is None:
        size = n
    cells = []
    for i in range(size):
        window = slice(x, [axis], [(i * n) // size], [-((-(i + 1) * n) // size)])
        if is_max:
            cells.append(max(window, axis=axis, keepdim=True))
        else:
            cells.append(mean(window, axis=axis, keepdim=True))
    return concat(cells, axis=axis)


def _adaptive_pool(x, output_size, dims, is_max):
    sizes = _ntuple(output_size, dims)
    for d in range(dims):
        x = _adaptive_along(x, 2 + d, sizes[d], is_max)
    return x


def adaptive_avg_pool1d(x, output_size, name=None):
    """The mean over each of output_size windows covering an NCL input."""
    return _adaptive_pool(x, output_size, 1, False)


def adaptive_max_pool1d(x, output_size, return_mask=False, name=None):
    """The maximum over each of output_size windows covering an NCL input
    (and with return_mask where each was)."""
    if return_mask:
        return adaptive_max_pool_with_mask(x, output_size, 1)
    return _adaptive_pool(x, output_size, 1, True)


def adaptive_avg_pool3d(x, output_size, data_format="NCDHW", name=None):
    """The mean over each of output_size cells covering an NCDHW (or NDHWC) input."""
    if data_format == "NDHWC":
        return channels_last(_adaptive_pool(channels_first(x), output_size, 3, False))
    return _adaptive_pool(x, output_size, 3, False)


def adaptive_max_pool3d(x, output_size, return_mask=False, name=None):
    """The maximum over each of output_size cells covering an NCDHW input
    (and with return_mask where each was)."""
    if return_mask:
        return adaptive_max_pool_with_mask(x, output_size, 3)
    return _adaptive_pool(x, output_size, 3, True)


def unfold(x, kernel_sizes, strides=1, paddings=0, dilations=1, name=None):
    """im2col of an NCHW input: [N, C * kh * kw, L], each column the
    (dilated) kernel window at one of the L output positions, channels
    outermost, then kernel rows and columns (Paddle's order)."""
    kernel = _ntuple(kernel_sizes, 2)
    stride = _ntuple(strides, 2)
    dilation = _ntuple(dilations, 2)
    pads = _ntuple(paddings, 2)
    if len(pads) == 2:
        pads = [pads[0], pads[1], pads[0], pads[1]]
    # Paddle's order: [top, left, bottom, right].
    padded = pad(x, [0, 0, 0, 0, pads[0], pads[2], pads[1], pads[3]])
    n, c, h, w = padded.shape
    out_h = (h - (dilation[0] * (kernel[0] - 1) + 1)) // stride[0] + 1
    out_w = (w - (dilation[1] * (kernel[1] - 1) + 1)) // stride[1] + 1
    windows = []
    for i in range(kernel[0]):
        for j in range(kernel[1]):
            top, left = i * dilation[0], j * dilation[1]
            windows.append(padded[:, :, top:top + stride[0] * (out_h - 1) + 1:stride[0],
                                  left:left + stride[1] * (out_w - 1) + 1:stride[1]])
    return reshape(stack(windows, axis=2), [n, c * kernel[0] * kernel[1], out_h * out_w])




def fold(x, output_sizes, kernel_sizes, strides=1, paddings=0, dilations=1, name=None):
    """col2im, unfold's adjoint: [N, C * kh * kw, L] columns summed into
    [N, C, H, W] at the positions each (dilated) kernel window covers."""
    size = _ntuple(output_sizes, 2)
    kernel = _ntuple(kernel_sizes, 2)
    stride = _ntuple(strides, 2)
    dilation = _ntuple(dilations, 2)
    pads = _ntuple(paddings, 2)
    if len(pads) == 2:
        pads = [pads[0], pads[1], pads[0], pads[1]]
    # Paddle's order: [top, left, bottom, right].
    height, width = size[0] + pads[0] + pads[2], size[1] + pads[1] + pads[3]
    out_h = (height - (dilation[0] * (kernel[0] - 1) + 1)) // stride[0] + 1
    out_w = (width - (dilation[1] * (kernel[1] - 1) + 1)) // stride[1] + 1
    if x.shape[2] != out_h * out_w:
        raise ValueError(f"fold(): the input's {x.shape[2]} columns do not match the "
                         f"{out_h} * {out_w} = {out_h * out_w} kernel positions")
    channels = x.shape[1] // (kernel[0] * kernel[1])
    cols = reshape(x, [-1, channels, kernel[0] * kernel[1], out_h, out_w])
    # One placed window per kernel position, gathered in a list (the loops
    # unroll: each position's padding is known when compiling), then summed.
    placed = []
    for i in range(kernel[0]):
        for j in range(kernel[1]):
            window = _spread(_spread(cols[:, :, i * kernel[1] + j], 2, stride[0]), 3, stride[1])
            top, left = i * dilation[0], j * dilation[1]
            placed.append(pad(window, [0, 0, 0, 0, top, height - top - window.shape[2],
                                       left, width - left - window.shape[3]]))
    out = add_n(placed)
    return out[:, :, pads[0]:pads[0] + size[0], pads[1]:pads[1] + size[1]]


def lp_pool2d(x, norm_type, kernel_size, stride=None, padding=0, ceil_mode=False,
              data_format="NCHW", name=None):
    """(sum of x^p over each window)^(1/p) of an NCHW (or NHWC) input."""
    kernel = _ntuple(kernel_size, 2)
    powered = x ** norm_type
    if data_format == "NHWC":
        powered = channels_first(powered)
    summed = _avg_pool2d(powered, kernel, kernel if stride is None else stride, padding, ceil_mode,
                         False) * (kernel[0] * kernel[1])
    out = summed ** (1.0 / norm_type)
    return channels_last(out) if data_format == "NHWC" else out


def lp_pool1d(x, norm_type, kernel_size, stride=None, padding=0, ceil_mode=False,
              data_format="NCL", name=None):
    """(sum of x^p over each window)^(1/p) of an NCL (or NLC) input."""
    if data_format == "NLC":
        x = channels_first(x)
    kernel = _ntuple(kernel_size, 1)[0]
    step = kernel if stride is None else _ntuple(stride, 1)[0]
    pads = padding if isinstance(padding, str) else \
        [0, 0] + _conv_padding(padding, [0], [kernel], [step], [1])
    out = squeeze(lp_pool2d(unsqueeze(x, 2), norm_type, [1, kernel], [1, step], pads,
                            ceil_mode), 2)
    return channels_last(out) if data_format == "NLC" else out


FUNCTIONS = {fn.__name__: fn for fn in (
    max_pool3d, avg_pool3d, adaptive_avg_pool1d, adaptive_max_pool1d, adaptive_avg_pool3d,
    adaptive_max_pool3d, unfold, fold, lp_pool1d, lp_pool2d)}
