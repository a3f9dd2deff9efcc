"""Composites (see composites.py): writing into regions and positions
(diagonal_scatter, slice_scatter, select_scatter, index_put, scatter_add,
scatter_reduce, shard_index), building from parts (cartesian_prod,
combinations, block_diag), and order statistics that skip NaN or runs
(argwhere, msort, unique_consecutive, nanmedian, nanquantile), written once
over the primitives for eager and compiled code. Each returns a new tensor;
dtypes and orders follow Paddle's (checked against real Paddle by the
op-table tests)."""
from .basic_composites import argsort, sort
from .counting_composites import _quantile_axis
from .layout_composites import _axis, _slice, meshgrid
from .primitives import KERNELS as _P

arange = _P["arange"]
broadcast_to = _P["broadcast_to"]
cast = _P["cast"]
concat = _P["concat"]
cumsum = _P["cumsum"]
flatten = _P["flatten"]
floor = _P["floor"]
full = _P["full"]
gather = _P["gather"]
isnan = _P["isnan"]
logical_and = _P["logical_and"]
logical_not = _P["logical_not"]
masked_select = _P["masked_select"]
maximum = _P["maximum"]
minimum = _P["minimum"]
nonzero = _P["nonzero"]
pad = _P["pad"]
put_along_axis = _P["put_along_axis"]
reduce_any = _P["any"]
reduce_max = _P["max"]
reduce_min = _P["min"]
reduce_sum = _P["sum"]
reshape = _P["reshape"]
set_value = _P["set_value"]
stack = _P["stack"]
strided_slice = _P["strided_slice"]
take_along_axis = _P["take_along_axis"]
transpose = _P["transpose"]
unsqueeze = _P["unsqueeze"]
where = _P["where"]
zeros_like = _P["zeros_like"]

_NAN = float("nan")
_INF = float("inf")


def _inverse(perm):
    back = [0] * len(perm)
    for i, d in enumerate(perm):
        back[d] = i
    return back


def diagonal_scatter(x, y, offset=0, axis1=0, axis2=1, name=None):
    """x with its diagonal (`offset`, over axis1 and axis2) replaced by y,
    laid out as diagonal() gives it (the diagonal last)."""
    axis1, axis2 = _axis(axis1, x.ndim), _axis(axis2, x.ndim)
    perm = [d for d in range(x.ndim) if d != axis1 and d != axis2] + [axis1, axis2]
    moved = transpose(x, perm)
    rows, cols = x.shape[axis1], x.shape[axis2]
    i = unsqueeze(arange(rows), -1)
    j = unsqueeze(arange(cols), 0)
    on = j - i == offset
    length = y.shape[-1]
    # The k-th diagonal element sits at row k (offset >= 0) or column k.
    k = broadcast_to(i if offset >= 0 else j, [rows, cols])
    k = minimum(k, max(length - 1, 0))
    spread = reshape(gather(y, flatten(k), axis=y.ndim - 1), y.shape[:-1] + [rows, cols])
    return transpose(where(on, spread, moved), _inverse(perm))


def slice_scatter(x, value, axes, starts, ends, strides, name=None):
    """x with the strided region x[starts:ends:strides] (on `axes`) replaced
    by value."""
    return set_value(x, value, axes, starts, ends, strides)


def select_scatter(x, values, axis, index, name=None):
    """x with its slice at `index` of `axis` replaced by values (x's shape
    without that axis)."""
    axis = _axis(axis, x.ndim)
    index = index + x.shape[axis] if index < 0 else index
    return set_value(x, unsqueeze(values, axis), [axis], [index], [index + 1], [1])


def index_put(x, indices, value, accumulate=False, name=None):
    """x with the elements at the index tensors (one per leading axis,
    broadcast together; or one bool mask) set to value (added with
    `accumulate`, repeated positions adding up)."""
    if len(indices) == 1 and indices[0].dtype == "bool":
        found = nonzero(indices[0])
        indices = [found[:, d] for d in range(indices[0].ndim)]
    k = len(indices)
    linear = None
    for d in range(k):
        index = cast(indices[d], "int64")
        index = where(index < 0, index + x.shape[d], index)
        linear = index if linear is None else linear * x.shape[d] + index
    rows = reshape(x, [-1] + x.shape[k:])
    count = flatten(linear).shape[0]
    positions = reshape(flatten(linear), [count] + [1] * (rows.ndim - 1))
    positions = broadcast_to(positions, [count] + rows.shape[1:])
    values = broadcast_to(cast(value, x.dtype), linear.shape + x.shape[k:])
    values = reshape(values, [count] + rows.shape[1:])
    put = put_along_axis(rows, positions, values, 0, "add" if accumulate else "assign")
    return reshape(put, x.shape)


def _source(src, index):
    """src cut to index's shape (Paddle reads src only there)."""
    for d in range(index.ndim):
        if src.shape[d] != index.shape[d]:
            src = _slice(src, d, 0, index.shape[d])
    return src


def scatter_add(input, dim, index, src):
    """input with src added at index along `dim` (put_along_axis's 'add')."""
    return put_along_axis(input, index, _source(src, index), dim, "add")


def _extreme_into(input, dim, index, src, largest, include_self):
    """input where index sends values along `dim`: their max (min) with the
    value there when include_self; other positions unchanged."""
    dim = _axis(dim, input.ndim)
    n = input.shape[dim]
    # The block index reaches: input cut to index's extent on the other axes.
    others = [d for d in range(input.ndim) if d != dim]
    ends = [index.shape[d] for d in others]
    block = strided_slice(input, others, [0] * len(others), ends, [1] * len(others)) \
        if others else input
    # hits[..., j]: the source element goes to position j along dim.
    hits = unsqueeze(index, -1) == arange(n)
    fill = -_INF if largest else _INF
    candidates = where(hits, unsqueeze(cast(src, input.dtype), -1), fill)
    best = reduce_max(candidates, axis=dim) if largest else reduce_min(candidates, axis=dim)
    touched = reduce_any(hits, axis=dim)
    # best, touched: the axes other than dim, then dim's positions last.
    perm = list(range(dim)) + [input.ndim - 1] + list(range(dim, input.ndim - 1))
    best, touched = transpose(best, perm), transpose(touched, perm)
    if include_self:
        combined = maximum(best, block) if largest else minimum(best, block)
    else:
        combined = best
    merged = where(touched, cast(combined, input.dtype), block)
    if not others:
        return merged
    return set_value(input, merged, others, [0] * len(others), ends, [1] * len(others))


def scatter_reduce(input, dim, index, src, reduce, include_self=True):
    """input with src reduced into it at index along `dim`: 'sum', 'prod',
    'mean', 'amin' or 'amax', with the value already there too when
    include_self."""
    src = _source(src, index)
    if reduce == "amax" or reduce == "amin":
        return _extreme_into(input, dim, index, src, reduce == "amax", include_self)
    if reduce == "sum" or reduce == "mean":
        start = input if include_self else put_along_axis(input, index, 0, dim)
        total = put_along_axis(start, index, src, dim, "add")
        if reduce == "sum":
            return total
        counts = put_along_axis(zeros_like(input, dtype="int64"), index, 1, dim, "add")
        if include_self:
            counts = counts + 1
        touched = counts > 0
        mean = total / cast(where(touched, counts, 1), total.dtype)
        return where(touched, cast(mean, input.dtype), input)
    if reduce == "prod":
        start = input if include_self else put_along_axis(input, index, 1, dim)
        return put_along_axis(start, index, src, dim, "mul")
    raise ValueError(f"scatter_reduce(): reduce must be 'sum', 'prod', 'mean', 'amin' or "
                     f"'amax', got {reduce!r}")


def shard_index(input, index_num, nshards, shard_id, ignore_value=-1):
    """Each label's index within shard `shard_id` of `nshards` equal shards
    of [0, index_num); ignore_value for labels of other shards."""
    size = (index_num + nshards - 1) // nshards
    mine = logical_and(input >= shard_id * size, input < (shard_id + 1) * size)
    return where(mine, input - shard_id * size, ignore_value)


def cartesian_prod(x, name=None):
    """Every combination of one element of each 1-d tensor, [count, len(x)]
    in row-major order (a single tensor: itself)."""
    if len(x) == 1:
        return x[0]
    grids = meshgrid(list(x))
    return stack([flatten(g) for g in grids], axis=1)


def combinations(x, r=2, with_replacement=False, name=None):
    """The r-length combinations of the 1-d x's elements in lexicographic
    order of their positions ([count, r]; with_replacement repeats them)."""
    n = x.shape[0]
    grids = meshgrid([arange(n)] * r) if r > 1 else [arange(n)]
    keep = None
    for a in range(r - 1):
        ordered = grids[a] <= grids[a + 1] if with_replacement else grids[a] < grids[a + 1]
        keep = ordered if keep is None else logical_and(keep, ordered)
    if keep is None:
        keep = grids[0] >= 0
    columns = [gather(x, masked_select(g, keep)) for g in grids]
    return stack(columns, axis=1)


def block_diag(inputs, name=None):
    """The tensors (0-d, 1-d as one row, or 2-d) along the diagonal of one
    matrix, zeros elsewhere."""
    matrices = []
    for t in inputs:
        if t.ndim == 0:
            t = reshape(t, [1, 1])
        elif t.ndim == 1:
            t = unsqueeze(t, 0)
        matrices.append(t)
    width = 0
    for m in matrices:
        width = width + m.shape[1]
    rows = []
    left = 0
    for m in matrices:
        right = width - left - m.shape[1]
        rows.append(pad(m, [0, 0, left, right]))
        left = left + m.shape[1]
    return concat(rows, axis=0)


def argwhere(input):
    """The positions of the nonzero elements, [count, rank] (int64)."""
    return nonzero(input)


def msort(input, out=None):
    """The values sorted along the first axis."""
    return sort(input, axis=0)


def unique_consecutive(x, return_inverse=False, return_counts=False, axis=None,
                       dtype="int64", name=None):
    """The first element of each run of equal consecutive elements (of the
    flattened x, or of the slices along `axis`), and as asked each
    element's run (inverse) and the runs' lengths (counts)."""
    if axis is None:
        values = flatten(x)
        axis = 0
    else:
        axis = _axis(axis, x.ndim)
        values = x
    n = values.shape[axis]
    changed = _slice(values, axis, 1, n) != _slice(values, axis, 0, n - 1)
    others = [d for d in range(values.ndim) if d != axis]
    if others:
        changed = reduce_any(changed, axis=others)
    starts = concat([full([1], True, "bool"), changed])
    picked = masked_select(arange(n), starts)
    out = [gather(values, picked, axis=axis)]
    if return_inverse:
        out.append(cast(cumsum(cast(starts, "int64")) - 1, dtype))
    if return_counts:
        ends = concat([_slice(picked, 0, 1, picked.shape[0]), full([1], n, "int64")])
        out.append(cast(ends - picked, dtype))
    return out[0] if len(out) == 1 else tuple(out)


def _valid_sorted(x, axis):
    """x's values over `axis` on the last axis, sorted with NaN last (as
    +inf), their count per row, and the sorting positions."""
    line, axes = _quantile_axis(x, axis)
    missing = isnan(line)
    filled = where(missing, _INF, line)
    count = reduce_sum(cast(logical_not(missing), "int64"), axis=-1, keepdim=True)
    return sort(filled, axis=-1), count, axes, filled


def _kept(value, x, axes, keepdim):
    if not keepdim:
        return reshape(value, value.shape[:-1])
    shape = list(x.shape)
    for a in (range(x.ndim) if axes is None else axes):
        shape[a] = 1
    return reshape(value, shape)


def _at(ordered, position):
    return take_along_axis(ordered, maximum(position, 0), axis=-1)


def nanmedian(x, axis=None, keepdim=False, mode="avg", name=None):
    """The median of the values that are not NaN over `axis` (all when None):
    the mean of the two middle ones ('avg'), or the lower one with its
    position ('min'); NaN where every value is NaN."""
    ordered, count, axes, filled = _valid_sorted(x, axis)
    low = _at(ordered, (count - 1) // 2)
    empty = count == 0
    if mode == "min":
        if axes is not None and len(axes) != 1:
            raise ValueError("nanmedian(): mode 'min' needs one axis")
        at = _at(argsort(filled, axis=-1, stable=True), (count - 1) // 2)
        value = where(empty, _NAN, low)
        return _kept(value, x, axes, keepdim), _kept(at, x, axes, keepdim)
    high = _at(ordered, count // 2)
    return _kept(where(empty, _NAN, (low + high) / 2.0), x, axes, keepdim)


def nanquantile(x, q, axis=None, keepdim=False, interpolation="linear"):
    """quantile() of the values that are not NaN (NaN where all are NaN)."""
    ordered, count, axes, _ = _valid_sorted(x, axis)
    last = cast(maximum(count - 1, 0), ordered.dtype)
    empty = count == 0
    results = []
    for level in (q if isinstance(q, (list, tuple)) else [q]):
        position = last * level
        low = floor(position)
        high = minimum(low + 1.0, last)
        below = _at(ordered, cast(low, "int64"))
        above = _at(ordered, cast(high, "int64"))
        if interpolation == "lower":
            value = below
        elif interpolation == "higher":
            value = above
        elif interpolation == "nearest":
            value = where(position - low >= 0.5, above, below)
        elif interpolation == "midpoint":
            value = (below + above) / 2.0
        else:
            value = below + (above - below) * (position - low)
        results.append(_kept(where(empty, _NAN, value), x, axes, keepdim))
    return stack(results) if isinstance(q, (list, tuple)) else results[0]


SCATTER_COMPOSITES = {fn.__name__: fn for fn in (
    diagonal_scatter, slice_scatter, select_scatter, index_put, scatter_add, scatter_reduce,
    shard_index, cartesian_prod, combinations, block_diag, argwhere, msort, unique_consecutive,
    nanmedian, nanquantile)}
