"""Spatial transformers (composites): affine_grid, the sampling positions of
an affine map, and grid_sample, bilinear or nearest sampling of an NCHW
input at them (zeros or the border outside), written over the op table's
gather along positions."""
from ..eager.functional import (arange, cast, clip, expand, floor, logical_and, matmul,
                                reshape, round, stack, take_along_axis, transpose)


def _positions(size, align_corners):
    """The normalized coordinates [-1, 1] of `size` pixels: the centres of
    the corner pixels at ±1 with align_corners, else their outer edges."""
    steps = arange(0, size, dtype="float32")
    if align_corners:
        return steps * (2.0 / max(size - 1, 1)) - 1.0
    return (steps * 2.0 + 1.0) / size - 1.0


def affine_grid(theta, out_shape, align_corners=True, name=None):
    """The [N, H, W, 2] sampling grid of the affine maps `theta` [N, 2, 3]:
    (x, y) = theta @ (x', y', 1) over the output's normalized positions."""
    h, w = out_shape[2], out_shape[3]
    xs = expand(reshape(_positions(w, align_corners), [1, w]), [h, w])
    ys = expand(reshape(_positions(h, align_corners), [h, 1]), [h, w])
    base = stack([xs, ys, xs * 0.0 + 1.0], axis=-1)
    grid = matmul(reshape(base, [1, h * w, 3]), transpose(theta, [0, 2, 1]))
    return reshape(grid, [-1, h, w, 2])


def _source(coordinate, size, align_corners):
    """A normalized coordinate as a pixel position of the input."""
    if align_corners:
        return (coordinate + 1.0) * ((size - 1) / 2.0)
    return ((coordinate + 1.0) * size - 1.0) / 2.0


def _gathered(flat, rows, columns, height, width):
    """flat[n, c, rows * width + columns] for the [N, P] positions, zero where
    they fall outside the input."""
    inside = logical_and(logical_and(rows >= 0, rows <= height - 1),
                         logical_and(columns >= 0, columns <= width - 1))
    index = cast(clip(rows, 0, height - 1) * width + clip(columns, 0, width - 1), "int64")
    channels = flat.shape[1]
    values = take_along_axis(flat, expand(reshape(index, [index.shape[0], 1, -1]),
                                          [index.shape[0], channels, index.shape[1]]), 2)
    return values * reshape(cast(inside, flat.dtype), [index.shape[0], 1, -1])


def grid_sample(x, grid, mode="bilinear", padding_mode="zeros", align_corners=True, name=None):
    """x [N, C, H, W] sampled at grid [N, Ho, Wo, 2] (normalized (x, y)):
    bilinear (the four neighbours weighted by distance) or nearest; zeros
    outside the input, or its border values (padding_mode 'border')."""
    if mode not in ("bilinear", "nearest"):
        raise ValueError(f"grid_sample(): mode must be 'bilinear' or 'nearest', not {mode!r}")
    if padding_mode not in ("zeros", "border"):
        raise ValueError(f"grid_sample(): padding_mode {padding_mode!r} is not supported by "
                         "dy2st (zeros, border)")
    c, h, w = x.shape[1:]
    out_h, out_w = grid.shape[1], grid.shape[2]
    points = reshape(grid, [-1, out_h * out_w, 2])
    ix = _source(points[:, :, 0], w, align_corners)
    iy = _source(points[:, :, 1], h, align_corners)
    if padding_mode == "border":
        ix = clip(ix, 0.0, w - 1.0)
        iy = clip(iy, 0.0, h - 1.0)
    flat = reshape(x, [-1, c, h * w])
    if mode == "nearest":
        out = _gathered(flat, round(iy), round(ix), h, w)
    else:
        x0, y0 = floor(ix), floor(iy)
        fx, fy = ix - x0, iy - y0
        out = (_weighted(flat, y0, x0, (1.0 - fx) * (1.0 - fy), h, w) +
               _weighted(flat, y0, x0 + 1.0, fx * (1.0 - fy), h, w) +
               _weighted(flat, y0 + 1.0, x0, (1.0 - fx) * fy, h, w) +
               _weighted(flat, y0 + 1.0, x0 + 1.0, fx * fy, h, w))
    return reshape(out, [-1, c, out_h, out_w])


def _weighted(flat, rows, columns, weight, height, width):
    return _gathered(flat, rows, columns, height, width) * \
        reshape(weight, [weight.shape[0], 1, weight.shape[1]])


FUNCTIONS = {fn.__name__: fn for fn in (affine_grid, grid_sample)}
