"""Composites (see composites.py): grids, stacking and splitting, diagonals,
indexing and scattering, searching and order statistics, crosses and traces,
written once over the primitives for eager and compiled code. Layouts,
defaults and dtypes follow Paddle's (checked against real Paddle by the
op-table tests)."""
from .basic_composites import argsort, clone, diag, moveaxis, rand, randint, randn, roll, sort, unbind
from .primitives import KERNELS as _P

abs = _P["abs"]
arange = _P["arange"]
argmax = _P["argmax"]
broadcast_to = _P["broadcast_to"]
cast = _P["cast"]
concat = _P["concat"]
cumsum = _P["cumsum"]
flatten = _P["flatten"]
flip = _P["flip"]
gather = _P["gather"]
isnan = _P["isnan"]
put_along_axis = _P["put_along_axis"]
reduce_any = _P["any"]
reduce_sum = _P["sum"]
remainder = _P["remainder"]
reshape = _P["reshape"]
squeeze = _P["squeeze"]
stack = _P["stack"]
strided_slice = _P["strided_slice"]
take_along_axis = _P["take_along_axis"]
transpose = _P["transpose"]
unsqueeze = _P["unsqueeze"]
where = _P["where"]
zeros = _P["zeros"]
minimum = _P["minimum"]


def _axis(axis, ndim):
    return axis + ndim if axis < 0 else axis


def _slice(x, axis, start, stop):
    return strided_slice(x, [axis], [start], [stop], [1])


# Grids, stacking and splitting ----------------------------------------------

def meshgrid(*args, **kwargs):
    """The grids of 1-d tensors (given one by one or as one list), 'ij'
    indexing: the i-th varies along axis i."""
    if len(args) == 1 and isinstance(args[0], (list, tuple)):
        args = args[0]
    shape = [a.shape[0] for a in args]
    grids = []
    for i, a in enumerate(args):
        spread = [1] * len(args)
        spread[i] = -1
        grids.append(broadcast_to(reshape(a, spread), shape))
    return grids


def _atleast(x, ndim):
    if x.ndim >= ndim:
        return x
    if x.ndim == 0:
        return reshape(x, [1] * ndim)
    if x.ndim == 1:
        return reshape(x, [1, -1, 1] if ndim == 3 else [1, -1])
    return unsqueeze(x, -1)


def _atleast_all(inputs, ndim):
    results = [_atleast(x, ndim) for x in inputs]
    return results[0] if len(results) == 1 else results


def atleast_1d(*inputs, name=None):
    """Each input with at least one dimension (a list for several)."""
    return _atleast_all(inputs, 1)


def atleast_2d(*inputs, name=None):
    """Each input with at least two dimensions: a 1-d [n] becomes [1, n]."""
    return _atleast_all(inputs, 2)


def atleast_3d(*inputs, name=None):
    """Each input with at least three dimensions: [n] becomes [1, n, 1],
    [m, n] becomes [m, n, 1]."""
    return _atleast_all(inputs, 3)


def hstack(x, name=None):
    """Concatenated along axis 1 (axis 0 for 1-d tensors)."""
    parts = [_atleast(t, 1) for t in x]
    return concat(parts, axis=0 if parts[0].ndim == 1 else 1)


def vstack(x, name=None):
    """Concatenated along axis 0, 1-d tensors as rows."""
    return concat([_atleast(t, 2) for t in x], axis=0)


def row_stack(x, name=None):
    """vstack."""
    return vstack(x)


def dstack(x, name=None):
    """Concatenated along axis 2, after atleast_3d."""
    return concat([_atleast(t, 3) for t in x], axis=2)


def column_stack(x, name=None):
    """1-d tensors as columns, concatenated along axis 1."""
    return concat([reshape(t, [-1, 1]) if t.ndim == 1 else _atleast(t, 2) for t in x], axis=1)


def broadcast_shape(x_shape, y_shape):
    """The shape two shapes broadcast to (Paddle's ValueError where they
    cannot)."""
    x_shape, y_shape = list(x_shape), list(y_shape)
    ndim = max(len(x_shape), len(y_shape))
    x_shape = [1] * (ndim - len(x_shape)) + x_shape
    y_shape = [1] * (ndim - len(y_shape)) + y_shape
    for a, b in zip(x_shape, y_shape):
        if a != b and a != 1 and b != 1:
            raise ValueError(f"Broadcast dimension mismatch. Operands could not be broadcast "
                             f"together with the shape of X = {x_shape} and the shape of Y = "
                             f"{y_shape}.")
    return [b if a == 1 else a for a, b in zip(x_shape, y_shape)]


def broadcast_shapes(*shapes):
    """The shape all of `shapes` broadcast to."""
    out = []
    for shape in shapes:
        out = broadcast_shape(out, shape)
    return out


def broadcast_tensors(input, name=None):
    """The tensors broadcast to their common shape."""
    shape = input[0].shape
    for t in input[1:]:
        shape = broadcast_shape(shape, t.shape)
    return [broadcast_to(t, shape) for t in input]


def tensor_split(x, num_or_indices, axis=0, name=None):
    """`num` parts along `axis` (the first ones one longer where the size
    does not divide), or the parts between the given indices."""
    axis = _axis(axis, x.ndim)
    size = x.shape[axis]
    if isinstance(num_or_indices, int):
        base, longer = size // num_or_indices, size % num_or_indices
        bounds = [0]
        for k in range(num_or_indices):
            bounds.append(bounds[-1] + base + (1 if k < longer else 0))
    else:
        bounds = [0] + list(num_or_indices) + [size]
    # Copies, as Paddle's parts are (slices are views).
    return [clone(_slice(x, axis, bounds[k], bounds[k + 1])) for k in range(len(bounds) - 1)]


def hsplit(x, num_or_indices, name=None):
    """tensor_split along axis 1 (axis 0 of a 1-d tensor)."""
    return tensor_split(x, num_or_indices, axis=1 if x.ndim > 1 else 0)


def vsplit(x, num_or_indices, name=None):
    """tensor_split along axis 0 of a tensor of two or more dimensions."""
    if x.ndim < 2:
        raise ValueError(f"vsplit() needs a tensor of at least 2 dimensions, not {x.ndim}")
    return tensor_split(x, num_or_indices, axis=0)


def dsplit(x, num_or_indices, name=None):
    """tensor_split along axis 2 of a tensor of three or more dimensions."""
    if x.ndim < 3:
        raise ValueError(f"dsplit() needs a tensor of at least 3 dimensions, not {x.ndim}")
    return tensor_split(x, num_or_indices, axis=2)


def unstack(x, axis=0, num=None):
    """The slices along `axis`, without that dimension: copies (unbind's are
    views)."""
    return [clone(part) for part in unbind(x, axis)]


def unflatten(x, axis, shape, name=None):
    """x with dimension `axis` split into `shape` (one entry may be -1)."""
    axis = _axis(axis, x.ndim)
    return reshape(x, x.shape[:axis] + list(shape) + x.shape[axis + 1:])


def view(x, shape_or_dtype, name=None):
    """x reshaped (a dtype view of the bits is not supported)."""
    if not isinstance(shape_or_dtype, (list, tuple)):
        raise ValueError("view() of a tensor as another dtype is not supported by dy2st")
    return reshape(x, shape_or_dtype)


def view_as(x, other, name=None):
    """x reshaped to other's shape."""
    return reshape(x, other.shape)


def permute(input, dims):
    """input with its dimensions in the order `dims` (transpose)."""
    return transpose(input, dims)


def ravel(input):
    """input flattened to one dimension."""
    return flatten(input)


def narrow(input, dim, start, length):
    """`length` elements of dimension `dim` from `start`."""
    return _slice(input, dim, start, start + length)


def unfold(x, axis, size, step, name=None):
    """The windows of `size` elements along `axis`, `step` apart: that
    dimension becomes the number of windows and a last one of `size` is added
    (Paddle's Tensor.unfold; a copy where Paddle's is a view)."""
    axis = axis + x.ndim if axis < 0 else axis
    length = x.shape[axis]
    if step <= 0:
        raise ValueError("paddle.unfold step must be greater than 0")
    if size > length:
        raise ValueError(f"paddle.unfold size({size}) must be less than shape[axis]({length}).")
    count = (length - size) // step + 1
    index = unsqueeze(arange(count, dtype="int64") * step, 1) + \
        unsqueeze(arange(size, dtype="int64"), 0)
    windows = gather(x, reshape(index, [-1]), axis=axis)
    shape = list(x.shape[:axis]) + [count, size] + list(x.shape[axis + 1:])
    return moveaxis(reshape(windows, shape), axis + 1, -1)


def slice(input, axes, starts, ends):
    """input[starts:ends] along each of `axes` (bounds clamped, negative from the end)."""
    return strided_slice(input, axes, starts, ends, [1] * len(axes))


def crop(x, shape=None, offsets=None, name=None):
    """The block of `shape` (x's by default; -1: to the end) at `offsets` (zeros)."""
    if shape is None:
        shape = x.shape
    if offsets is None:
        offsets = [0] * x.ndim
    ends = [x.shape[d] if size == -1 else offsets[d] + size for d, size in enumerate(shape)]
    return strided_slice(x, list(range(x.ndim)), list(offsets), ends, [1] * x.ndim)


def rot90(x, k=1, axes=[0, 1], name=None):
    """x rotated by k quarter turns in the plane of `axes` (from the first
    axis towards the second)."""
    a, b = _axis(axes[0], x.ndim), _axis(axes[1], x.ndim)
    k = k % 4
    if k == 0:
        return x
    if k == 2:
        return flip(x, [a, b])
    perm = list(range(x.ndim))
    perm[a], perm[b] = b, a
    if k == 1:
        return transpose(flip(x, [b]), perm)
    return flip(transpose(x, perm), [b])


def repeat_interleave(x, repeats, axis=None, name=None, output_size=None):
    """Each element repeated `repeats` times along `axis` (of the flattened
    tensor when None); a 1-d tensor of repeats gives each element its own
    count (a speech model's durations), Paddle's ValueError for one of
    another length or a negative count."""
    if axis is None:
        x = flatten(x)
        axis = 0
    axis = _axis(axis, x.ndim)
    if not isinstance(repeats, int):
        return _repeat_each(x, repeats, axis)
    spread = unsqueeze(x, axis + 1)
    shape = x.shape[:axis + 1] + [repeats] + x.shape[axis + 1:]
    merged = x.shape[:axis] + [-1] + x.shape[axis + 1:]
    return reshape(broadcast_to(spread, shape), merged)


def _repeat_each(x, repeats, axis):
    """x's slices along `axis`, slice i repeats[i] times: output position p
    takes the slice whose cumulative count first exceeds p."""
    if repeats.ndim != 1 or repeats.shape[0] != x.shape[axis]:
        raise ValueError(f"The length of Input(RepeatsTensor) must be the same as length of "
                         f"Input(X) in axis. But received: {repeats.shape}, required: "
                         f"[{x.shape[axis]}].")
    if reduce_any(repeats < 0):
        raise ValueError("repeats must grater or equal than 0")
    ends = cumsum(cast(repeats, "int64"))
    positions = arange(int(reduce_sum(cast(repeats, "int64"))), dtype="int64")
    return gather(x, searchsorted(ends, positions, right=True), axis)


# Diagonals -------------------------------------------------------------------

def diagonal(x, offset=0, axis1=0, axis2=1, name=None):
    """The `offset` diagonal of the matrices in the plane (axis1, axis2), as
    the last dimension of the result."""
    y = moveaxis(x, [axis1, axis2], [-2, -1])
    rows, cols = y.shape[-2], y.shape[-1]
    first_row = -offset if offset < 0 else 0
    first_col = offset if offset > 0 else 0
    length = max(min(rows - first_row, cols - first_col), 0)
    # Every (cols + 1)-th element of the flattened plane from the first one:
    # eagerly a view of x, as Paddle's diagonal is, where the plane is x's
    # last two axes (reshaping a moved plane copies it).
    start = first_row * cols + first_col
    flat = reshape(y, y.shape[:-2] + [rows * cols])
    return strided_slice(flat, [len(y.shape) - 2], [start], [start + length * (cols + 1)],
                         [cols + 1])


def trace(x, offset=0, axis1=0, axis2=1, name=None):
    """The sum of the `offset` diagonal, in x's dtype."""
    return cast(reduce_sum(diagonal(x, offset, axis1, axis2), axis=-1), x.dtype)


def diag_embed(input, offset=0, dim1=-2, dim2=-1):
    """Matrices with the last dimension of input on their `offset` diagonal,
    in the plane (dim1, dim2) of the result."""
    n = input.shape[-1]
    size = n + (offset if offset > 0 else -offset)
    rows = unsqueeze(arange(size), -1)
    cols = unsqueeze(arange(size), 0)
    # Row i holds input[i] at column i + offset; below the main diagonal,
    # column j holds input[j].
    at = rows + cols * 0 if offset >= 0 else cols + rows * 0
    at = flatten(minimum(at, n - 1))
    picked = reshape(gather(input, at, axis=-1), input.shape[:-1] + [size, size])
    out = where(cols - rows == offset, picked, zeros([], input.dtype))
    ndim = input.ndim + 1
    return moveaxis(out, [ndim - 2, ndim - 1], [_axis(dim1, ndim), _axis(dim2, ndim)])


def diagflat(x, offset=0, name=None):
    """A square matrix with x, flattened, on its `offset` diagonal."""
    return diag(flatten(x), offset)


def cross(x, y, axis=9, name=None):
    """The cross product of 3-vectors along `axis` (by default the first
    axis of size 3)."""
    if axis == 9:
        sizes = [d for d, size in enumerate(x.shape) if size == 3]
        if not sizes:
            raise ValueError(f"cross(): no dimension of x (shape {x.shape}) has size 3")
        axis = sizes[0]
    return roll(x, -1, axis) * roll(y, -2, axis) - roll(x, -2, axis) * roll(y, -1, axis)


# Indexing and scattering -----------------------------------------------------

def take(x, index, mode="raise", name=None):
    """Elements of x flattened at `index`: negative indices count from the
    end ('raise'), or wrap around ('wrap'), or are clipped ('clip')."""
    flat = flatten(x)
    n = flat.shape[0]
    if mode == "wrap":
        index = remainder(index, n)
    elif mode == "clip":
        index = where(index < 0, 0, minimum(index, n - 1))
    else:
        index = where(index < 0, index + n, index)
    return reshape(gather(flat, flatten(index)), index.shape)


def index_sample(x, index):
    """x[i, index[i, j]] for each row i (take_along_axis on axis 1)."""
    return take_along_axis(x, index, 1)


def take_along_dim(arr, indices, axis, broadcast=True):
    """take_along_axis."""
    return take_along_axis(arr, indices, axis, broadcast)


def _along(index, axis, shape):
    """A 1-d index along `axis`, broadcast to `shape`."""
    spread = [1] * len(shape)
    spread[axis] = -1
    return broadcast_to(reshape(index, spread), shape)


def index_add(x, index, axis, value, alpha=1, name=None):
    """x with alpha * value added at positions `index` along `axis`
    (repeated indices add up)."""
    axis = _axis(axis, x.ndim)
    return put_along_axis(x, _along(index, axis, value.shape), value * alpha, axis, "add")


def index_fill(x, index, axis, value, name=None):
    """x with `value` at positions `index` along `axis`."""
    axis = _axis(axis, x.ndim)
    shape = x.shape[:axis] + [index.shape[0]] + x.shape[axis + 1:]
    return put_along_axis(x, _along(index, axis, shape), value, axis)


def masked_scatter(x, mask, value, name=None):
    """x with the elements of `value`, in order, where `mask` is true."""
    flat_mask = flatten(broadcast_to(mask, x.shape))
    position = cumsum(cast(flat_mask, "int64")) - 1
    picked = gather(flatten(value), where(position < 0, 0, position))
    return reshape(cast(where(flat_mask, picked, flatten(x)), x.dtype), x.shape)


def multiplex(inputs, index, name=None):
    """Row i of inputs[index[i]]."""
    stacked = stack(inputs, axis=0)
    rows = reshape(cast(index, "int64"), [1, -1] + [1] * (stacked.ndim - 2))
    picked = take_along_axis(stacked, broadcast_to(rows, [1] + stacked.shape[1:]), 0)
    return squeeze(picked, axis=[0])


def scatter_nd_add(x, index, updates, name=None):
    """x with `updates` added at the index vectors in the last dimension of
    `index` (repeated ones add up)."""
    k = index.shape[-1]
    linear = index[..., 0] * 0
    cells = 1
    for d, size in enumerate(x.shape[:k]):
        linear = linear * size + index[..., d]
        cells = cells * size
    rest = x.shape[k:]
    flat = reshape(x, [cells] + rest)
    values = reshape(updates, [-1] + rest)
    at = _along(flatten(linear), 0, values.shape)
    return reshape(put_along_axis(flat, at, values, 0, "add"), x.shape)


def scatter_nd(index, updates, shape, name=None):
    """Zeros of `shape` with `updates` added at `index` (scatter_nd_add)."""
    return scatter_nd_add(zeros(shape, updates.dtype), index, updates)


# Searching and order statistics ----------------------------------------------

def searchsorted(sorted_sequence, values, out_int32=False, right=False, name=None,
                 side=None):
    """For each value, the index where it would be inserted in the sorted
    last dimension of `sorted_sequence` (after equal elements when right)."""
    if side is not None:
        right = side == "right"
    sequence = unsqueeze(sorted_sequence, -2)
    spread = unsqueeze(values, -1)
    before = sequence <= spread if right else sequence < spread
    return cast(reduce_sum(cast(before, "int64"), axis=-1), "int32" if out_int32 else "int64")


def bucketize(x, sorted_sequence, out_int32=False, right=False, name=None, out=None):
    """searchsorted of x in a 1-d sorted_sequence."""
    return searchsorted(sorted_sequence, x, out_int32, right)


def kthvalue(x, k, axis=None, keepdim=False, name=None):
    """The k-th smallest value along `axis` (the last by default) and its index."""
    axis = -1 if axis is None else axis
    axis = _axis(axis, x.ndim)
    values = _slice(sort(x, axis=axis), axis, k - 1, k)
    indices = _slice(argsort(x, axis=axis, stable=True), axis, k - 1, k)
    if keepdim:
        return values, indices
    return squeeze(values, axis=[axis]), squeeze(indices, axis=[axis])


def median(x, axis=None, keepdim=False, mode="avg", name=None):
    """The median along `axis` (of all elements when None): the mean of the
    two middle values for an even count ('avg', float), or the lower one
    ('min', with its index where an axis is given); NaN where the values
    hold one, as Paddle's."""
    value, positions = median_with_positions(x, axis, keepdim, mode)
    if mode == "min" and axis is not None:
        return value, positions
    return value


def median_returned(x, axis=None, keepdim=False, mode="avg", name=None, *, pair, out):
    """What median returns given `out=(values, indices)` (Paddle 3.3): its
    own result, as new tensors."""
    return pair if mode == "min" and axis is not None else pair[0]


def median_with_positions(x, axis=None, keepdim=False, mode="avg", name=None):
    """median's value and the positions Paddle 3.3's `out=(values, indices)`
    receives: along `axis` (flat when None), the lower middle value's ('min')
    or the lower and upper middle values' ('avg': a last axis of 2); the
    first NaN's where the values hold one (Paddle leaves avg's second
    position unset there)."""
    if mode != "avg" and mode != "min":
        raise ValueError(f"Mode {mode} is not supported. Must be avg or min.")
    whole = axis is None
    values = flatten(x) if whole else x
    axis = 0 if whole else _axis(axis, x.ndim)
    n = values.shape[axis]
    order = argsort(values, axis=axis, stable=True)
    position = _slice(order, axis, (n - 1) // 2, (n - 1) // 2 + 1)
    value = take_along_axis(values, position, axis=axis)
    if mode == "avg":
        if not (values.dtype == "float32" or values.dtype == "float64"):
            values = cast(values, "float32")
            value = cast(value, "float32")
        upper = _slice(order, axis, n // 2, n // 2 + 1)
        value = (value + take_along_axis(values, upper, axis=axis)) / 2
        position = stack([position, upper], axis=-1)
    if values.dtype == "float32" or values.dtype == "float64":
        missing = isnan(values)
        has_nan = reduce_any(missing, axis=axis, keepdim=True)
        first_nan = argmax(cast(missing, "int32"), axis=axis, keepdim=True)
        value = where(has_nan, float("nan"), value)
        if mode == "avg":
            has_nan = unsqueeze(has_nan, -1)
            first_nan = unsqueeze(first_nan, -1)
        position = where(has_nan, first_nan, position)
    if whole and keepdim:
        pair = [2] if mode == "avg" else []
        return reshape(value, [1] * x.ndim), reshape(position, [1] * x.ndim + pair)
    if keepdim:
        return value, position
    return squeeze(value, axis=[axis]), squeeze(position, axis=[axis])


# Random tensors shaped like another -------------------------------------------

def rand_like(input, name=None, dtype=None):
    """Uniform numbers in [0, 1) of input's shape (and dtype by default)."""
    return rand(input.shape, input.dtype if dtype is None else dtype)


def randn_like(x, dtype=None, name=None):
    """Standard normal numbers of x's shape (and dtype by default)."""
    return randn(x.shape, x.dtype if dtype is None else dtype)


def randint_like(x, low=0, high=None, dtype=None, name=None):
    """Integers in [low, high) (in [0, low) without high) of x's shape, in
    x's dtype by default."""
    if high is None:
        low, high = 0, low
    numbers = randint(low, high, x.shape)
    return cast(numbers, x.dtype if dtype is None else dtype)


LAYOUT_COMPOSITES = {fn.__name__: fn for fn in (
    meshgrid, atleast_1d, atleast_2d, atleast_3d, hstack, vstack, row_stack, dstack,
    column_stack, broadcast_shape, broadcast_shapes, broadcast_tensors, tensor_split, hsplit, vsplit, dsplit,
    unstack, unflatten, view, view_as, permute, ravel, narrow, unfold, slice, crop, rot90,
    repeat_interleave, diagonal, trace, diag_embed, diagflat, cross, take,
    index_sample, take_along_dim, index_add, index_fill, masked_scatter, multiplex,
    scatter_nd_add, scatter_nd, searchsorted, bucketize, kthvalue, median, rand_like,
    randn_like, randint_like)}
