"""Spatial transformers (composites): affine_grid, the sampling positions of
an affine map, and grid_sample, bilinear or nearest sampling of an NCHW or
NCDHW input at them (zeros, the border or the reflection outside), written
over the op table's gather along positions."""
from ..eager.functional import (abs, arange, cast, clip, expand, floor, logical_and, matmul,
                                minimum, reshape, round, stack, take_along_axis, transpose)
from .max_pooling import volume


def _positions(size, align_corners, dtype):
    """The normalized coordinates [-1, 1] of `size` pixels: the centres of
    the corner pixels at ±1 with align_corners (NaN for one pixel, as
    Paddle's linspace of step 2 / 0), else their outer edges."""
    steps = arange(0, size, dtype=dtype)
    if align_corners:
        if size == 1:
            return steps * 0.0 + float("nan")
        return steps * (2.0 / (size - 1)) - 1.0
    return (steps * 2.0 + 1.0) / size - 1.0


def affine_grid(theta, out_shape, align_corners=True, name=None):
    """The [N, H, W, 2] (or [N, D, H, W, 3]) sampling grid of the affine maps
    `theta` [N, 2, 3] (or [N, 3, 4]): (x, y[, z]) = theta @ (x', y'[, z'], 1)
    over the output's normalized positions, x along the last axis."""
    spatial = list(out_shape[2:])
    if len(spatial) not in (2, 3) or len(theta.shape) != 3 or \
            theta.shape[1] != len(spatial) or theta.shape[2] != len(spatial) + 1:
        raise ValueError(f"affine_grid(): theta of shape [N, 2, 3] takes an out_shape of 4 "
                         f"items and [N, 3, 4] one of 5, not {theta.shape} and {out_shape}")
    components = []
    for axis in reversed(range(len(spatial))):
        size = spatial[axis]
        shape = [1] * len(spatial)
        shape[axis] = size
        components.append(expand(reshape(_positions(size, align_corners, theta.dtype), shape),
                                 spatial))
    base = stack(components + [components[0] * 0.0 + 1.0], axis=-1)
    grid = matmul(reshape(base, [1, volume(spatial), len(spatial) + 1]),
                  transpose(theta, [0, 2, 1]))
    return reshape(grid, [-1] + spatial + [len(spatial)])


def _source(coordinate, size, align_corners):
    """A normalized coordinate as a pixel position of the input."""
    if align_corners:
        return (coordinate + 1.0) * ((size - 1) / 2.0)
    return ((coordinate + 1.0) * size - 1.0) / 2.0


def _reflected(position, size, align_corners):
    """Paddle's reflection of a pixel position into [0, size - 1]: about the
    corner pixels' centres with align_corners, else about their outer edges."""
    if align_corners:
        if size == 1:
            return position * 0.0
        span = 2.0 * (size - 1)
        distance = abs(position)
        extra = distance - floor(distance / span) * span
        return minimum(extra, span - extra)
    span = 2.0 * size
    distance = abs(position + 0.5)
    extra = distance - floor(distance / span) * span
    return clip(minimum(extra, span - extra) - 0.5, 0.0, size - 1.0)


def _gathered(flat, positions, sizes):
    """flat[n, c, index of `positions`] for [N, P] integral positions along
    the spatial axes, zero where they fall outside the input."""
    inside = None
    index = None
    for position, size in zip(positions, sizes):
        within = logical_and(position >= 0, position <= size - 1)
        inside = within if inside is None else logical_and(inside, within)
        clipped = cast(clip(position, 0, size - 1), "int64")
        index = clipped if index is None else index * size + clipped
    batch, channels, points = index.shape[0], flat.shape[1], index.shape[1]
    values = take_along_axis(flat, expand(reshape(index, [batch, 1, -1]),
                                          [batch, channels, points]), 2)
    return values * reshape(cast(inside, flat.dtype), [batch, 1, -1])


def interpolated(flat, positions, sizes):
    """flat [N, C, prod(sizes)] at [N, P] positions along the spatial axes,
    linearly interpolated between the 2 ** len(sizes) neighbours (zero
    outside the input): [N, C, P]."""
    lows = [floor(p) for p in positions]
    fractions = [p - low for p, low in zip(positions, lows)]
    dims = len(sizes)
    out = None
    for corner in range(2 ** dims):
        corner_positions = []
        weight = None
        for axis in range(dims):
            upper = (corner >> (dims - 1 - axis)) & 1
            corner_positions.append(lows[axis] + 1.0 if upper else lows[axis])
            share = fractions[axis] if upper else 1.0 - fractions[axis]
            weight = share if weight is None else weight * share
        term = _gathered(flat, corner_positions, sizes) * \
            reshape(weight, [weight.shape[0], 1, weight.shape[1]])
        out = term if out is None else out + term
    return out


def grid_sample(x, grid, mode="bilinear", padding_mode="zeros", align_corners=True, name=None):
    """x [N, C, H, W] sampled at grid [N, Ho, Wo, 2] (normalized (x, y)), or
    x [N, C, D, H, W] at grid [N, Do, Ho, Wo, 3]: bilinear (the neighbours
    weighted by distance) or nearest (rounded half to even, as Paddle's
    kernel); zeros outside the input, its border values, or the values
    reflected into it."""
    if mode not in ("bilinear", "nearest"):
        raise ValueError("The mode of grid sample function should be in ['bilinear', "
                         f"'nearest'], but got: {mode}")
    if padding_mode not in ("zeros", "reflection", "border"):
        raise ValueError("The padding mode of grid sample function should be in ['zeros', "
                         f"'reflection', 'border'], but got: {padding_mode}")
    if not isinstance(align_corners, bool):
        raise TypeError(f"grid_sample(): align_corners must be bool, but got "
                        f"{type(align_corners).__name__}")
    sizes = list(x.shape[2:])
    dims = len(sizes)
    if dims not in (2, 3) or len(grid.shape) != dims + 2 or grid.shape[-1] != dims:
        raise ValueError(f"grid_sample(): x of rank 4 takes a grid [N, H, W, 2] and x of "
                         f"rank 5 a grid [N, D, H, W, 3], not {x.shape} and {grid.shape}")
    channels = x.shape[1]
    out_sizes = list(grid.shape[1:-1])
    points = volume(out_sizes)
    coordinates = reshape(grid, [-1, points, dims])
    # The grid's last axis runs x, y[, z]: the spatial axes backwards.
    positions = []
    for axis, size in enumerate(sizes):
        position = _source(coordinates[:, :, dims - 1 - axis], size, align_corners)
        if padding_mode == "border":
            position = clip(position, 0.0, size - 1.0)
        elif padding_mode == "reflection":
            position = _reflected(position, size, align_corners)
        positions.append(position)
    flat = reshape(x, [-1, channels, volume(sizes)])
    if mode == "nearest":
        out = _gathered(flat, [round(p) for p in positions], sizes)
    else:
        out = interpolated(flat, positions, sizes)
    return reshape(out, [-1, channels] + out_sizes)


FUNCTIONS = {fn.__name__: fn for fn in (affine_grid, grid_sample)}
