"""Adaptive pooling: output cells of a fixed count over inputs of any size
(composites over the op table)."""
from ..eager.functional import concat, max, mean
from .convolution import channels_first, channels_last
from .max_pooling import adaptive_max_pool_with_mask


def _adaptive_pool2d(x, output_size, is_max):
    """Window (i, j) covers rows [floor(i H / oh), ceil((i + 1) H / oh)) and the
    same for columns (Paddle's adaptive pooling; sizes known at compile time)."""
    if isinstance(output_size, int):
        output_size = [output_size, output_size]
    h = x.shape[2]
    w = x.shape[3]
    oh = output_size[0]
    ow = output_size[1]
    if oh is None:
        oh = h
    if ow is None:
        ow = w
    rows = []
    for i in range(oh):
        cells = []
        for j in range(ow):
            top = (i * h) // oh
            bottom = -((-(i + 1) * h) // oh)
            left = (j * w) // ow
            right = -((-(j + 1) * w) // ow)
            window = x[:, :, top:bottom, left:right]
            if is_max:
                cells.append(max(window, axis=[2, 3], keepdim=True))
            else:
                cells.append(mean(window, axis=[2, 3], keepdim=True))
        rows.append(concat(cells, axis=3))
    return concat(rows, axis=2)


def adaptive_avg_pool2d(x, output_size, data_format="NCHW", name=None):
    """The mean over each of output_size cells covering an NCHW (or NHWC) input."""
    if data_format == "NHWC":
        return channels_last(_adaptive_pool2d(channels_first(x), output_size, False))
    return _adaptive_pool2d(x, output_size, False)


def adaptive_max_pool2d(x, output_size, return_mask=False, name=None):
    """The maximum over each of output_size cells covering an NCHW input
    (and with return_mask where each was)."""
    if return_mask:
        return adaptive_max_pool_with_mask(x, output_size, 2)
    return _adaptive_pool2d(x, output_size, True)


FUNCTIONS = {fn.__name__: fn for fn in (adaptive_avg_pool2d, adaptive_max_pool2d)}
