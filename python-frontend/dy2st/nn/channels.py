"""Functions over channels and positions (composites): pixel_shuffle and
pixel_unshuffle (depth <-> space), channel_shuffle (ShuffleNet),
temporal_shift (TSM), zeropad2d, local_response_norm. Each works on NCHW;
a channels-last input is transposed to it and back."""
from ..eager.functional import concat, pad, reshape, transpose
from .convolution import CHANNELS_LAST, channels_first, channels_last


def _on_nchw(fn, x, data_format, *args):
    """fn(x, *args) of an NCHW tensor: a channels-last x transposed to it and back."""
    if data_format in CHANNELS_LAST:
        return channels_last(fn(channels_first(x), *args))
    return fn(x, *args)


def pixel_shuffle(x, upscale_factor, data_format="NCHW", name=None):
    """[N, C*r*r, H, W] -> [N, C, H*r, W*r]: each group of r*r channels
    becomes an r x r block of positions."""
    return _on_nchw(_pixel_shuffle, x, data_format, upscale_factor)


def _pixel_shuffle(x, r):
    n, c, h, w = x.shape
    blocks = reshape(x, [n, c // (r * r), r, r, h, w])
    return reshape(transpose(blocks, [0, 1, 4, 2, 5, 3]), [n, c // (r * r), h * r, w * r])


def pixel_unshuffle(x, downscale_factor, data_format="NCHW", name=None):
    """[N, C, H*r, W*r] -> [N, C*r*r, H, W]: pixel_shuffle undone."""
    return _on_nchw(_pixel_unshuffle, x, data_format, downscale_factor)


def _pixel_unshuffle(x, r):
    n, c, h, w = x.shape
    blocks = reshape(x, [n, c, h // r, r, w // r, r])
    return reshape(transpose(blocks, [0, 1, 3, 5, 2, 4]), [n, c * r * r, h // r, w // r])


def channel_shuffle(x, groups, data_format="NCHW", name=None):
    """The channels, seen as [groups, C / groups], transposed."""
    return _on_nchw(_channel_shuffle, x, data_format, groups)


def _channel_shuffle(x, groups):
    n, c, h, w = x.shape
    grouped = reshape(x, [n, groups, c // groups, h, w])
    return reshape(transpose(grouped, [0, 2, 1, 3, 4]), [n, c, h, w])


def temporal_shift(x, seg_num, shift_ratio=0.25, name=None, data_format="NCHW"):
    """TSM's shift over [N*T, C, H, W] (T = seg_num): the first
    C * shift_ratio channels take the previous segment's values, the next as
    many the following segment's (zeros past the ends), the rest stay."""
    if not 0 <= shift_ratio < 0.5:
        raise ValueError(f"temporal_shift(): shift_ratio must be in [0, 0.5), not {shift_ratio}")
    return _on_nchw(_temporal_shift, x, data_format, seg_num, shift_ratio)


def _temporal_shift(x, seg_num, shift_ratio):
    nt, c, h, w = x.shape
    segments = reshape(x, [-1, seg_num, c, h, w])
    c1 = int(c * shift_ratio)
    c2 = int(c * 2 * shift_ratio)
    padded = pad(segments, [0, 0, 1, 1, 0, 0, 0, 0, 0, 0])
    backward = padded[:, :seg_num, :c1]
    forward = padded[:, 2:seg_num + 2, c1:c2]
    still = segments[:, :, c2:]
    return reshape(concat([backward, forward, still], axis=2), [nt, c, h, w])


def zeropad2d(x, padding, data_format="NCHW", name=None):
    """Zeros around the spatial axes: padding [left, right, top, bottom]."""
    return pad(x, padding, mode="constant", value=0.0, data_format=data_format)


def local_response_norm(x, size, alpha=0.0001, beta=0.75, k=1.0, data_format="NCHW",
                        name=None):
    """x / (k + alpha * mean of x^2 over `size` neighbouring channels)^beta,
    the window padded with zeros (size // 2 before, (size - 1) // 2 after)."""
    return _on_nchw(_local_response_norm, x, data_format, size, alpha, beta, k)


def _local_response_norm(x, size, alpha, beta, k):
    widths = [0, 0] * x.ndim
    widths[2], widths[3] = size // 2, (size - 1) // 2
    padded = pad(x * x, widths)
    channels = x.shape[1]
    window = padded[:, 0:channels]
    for offset in range(1, size):
        window = window + padded[:, offset:offset + channels]
    return x / (k + alpha * window / size) ** beta


FUNCTIONS = {fn.__name__: fn for fn in (
    pixel_shuffle, pixel_unshuffle, channel_shuffle, temporal_shift, zeropad2d,
    local_response_norm)}
