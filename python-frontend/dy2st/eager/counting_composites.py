"""Composites (see composites.py): counting, membership and order statistics
(diff, histogram, bincount, unique, isin, the triangle indices, quantile,
logcumsumexp, running extremes, mode) and categorical draws (multinomial),
written once over the primitives for eager and compiled code.
Counts compare every element with every candidate (O(n m)): fine for the
label and index tensors models count, slow for millions of elements. Dtypes
and layouts follow Paddle's (checked against real Paddle by the op-table
tests)."""
from .basic_composites import sort, topk
from .layout_composites import _slice
from .primitives import KERNELS as _P

arange = _P["arange"]
argmax = _P["argmax"]
broadcast_to = _P["broadcast_to"]
cast = _P["cast"]
concat = _P["concat"]
cumsum = _P["cumsum"]
exp = _P["exp"]
flatten = _P["flatten"]
floor = _P["floor"]
gather = _P["gather"]
isnan = _P["isnan"]
log = _P["log"]
masked_select = _P["masked_select"]
put_along_axis = _P["put_along_axis"]
reduce_any = _P["any"]
reduce_max = _P["max"]
reduce_min = _P["min"]
reduce_sum = _P["sum"]
reshape = _P["reshape"]
stack = _P["stack"]
take_along_axis = _P["take_along_axis"]
transpose = _P["transpose"]
uniform = _P["uniform"]
minimum = _P["minimum"]
unsqueeze = _P["unsqueeze"]
where = _P["where"]
zeros = _P["zeros"]
logical_and = _P["logical_and"]
logical_not = _P["logical_not"]


def diff(x, n=1, axis=-1, prepend=None, append=None, name=None):
    """The n-th forward difference along `axis` (after prepend and append
    are joined on): x[i + 1] - x[i], repeated n times."""
    if axis < 0:
        axis = axis + x.ndim
    if prepend is not None:
        x = concat([prepend, x], axis=axis)
    if append is not None:
        x = concat([x, append], axis=axis)
    for _ in range(n):
        later = _slice(x, axis, 1, x.shape[axis])
        earlier = _slice(x, axis, 0, x.shape[axis] - 1)
        x = later != earlier if x.dtype == "bool" else later - earlier
    return x


def histogram(input, bins=100, min=0.0, max=0.0, weight=None, density=False, name=None):
    """The counts of the elements in `bins` equal-width bins over [min, max]
    (the data's range when both are 0; the last bin holds max; elements
    outside are not counted); weighted sums with `weight`, a density (its
    integral 1) with `density`. int64 counts, float with weight or density."""
    x = cast(flatten(input), "float32")
    low, high = reduce_min(x), reduce_max(x)
    if min != 0.0 or max != 0.0:
        low, high = low * 0.0 + min, high * 0.0 + max
    # A range of one value spreads to [value - 1, value + 1] (Paddle's).
    same = cast(low == high, "float32")
    low, high = low - same, high + same
    position = floor((x - low) * bins / (high - low))
    position = where(x == high, bins - 1.0, position)
    inside = logical_and(x >= low, x <= high)
    hits = logical_and(unsqueeze(inside, -1),
                       unsqueeze(position, -1) == cast(arange(bins), "float32"))
    if weight is None:
        counts = reduce_sum(cast(hits, "int64"), axis=0)
    else:
        counts = reduce_sum(cast(hits, weight.dtype) * unsqueeze(flatten(weight), -1), axis=0)
    if not density:
        return counts
    width = (high - low) / bins
    counts = cast(counts, "float32")
    return counts / (reduce_sum(counts) * width)


def bincount(x, weights=None, minlength=0, name=None):
    """How often each value 0, 1, ..., max(x) occurs in the 1-d int tensor x
    (at least minlength counts); with weights, their sums."""
    length = int(reduce_max(x)) + 1
    if length < minlength:
        length = minlength
    hits = unsqueeze(x, -1) == arange(length, dtype=x.dtype)
    if weights is None:
        return reduce_sum(cast(hits, "int64"), axis=0)
    return reduce_sum(cast(hits, weights.dtype) * unsqueeze(weights, -1), axis=0)


def unique(x, return_index=False, return_inverse=False, return_counts=False, axis=None,
           dtype="int64", sorted=True, name=None):
    """The distinct elements of x (flattened), ascending, or with `axis` its
    distinct slices along it in lexicographic order; as asked, the index of
    each one's first occurrence, each element's (slice's) place among them
    (inverse) and their counts, in that order."""
    if axis is None:
        flat = flatten(x)
        n = flat.shape[0]
        equal = unsqueeze(flat, -1) == unsqueeze(flat, 0)
        below = unsqueeze(flat, -1) > unsqueeze(flat, 0)
    else:
        axis = axis + x.ndim if axis < 0 else axis
        n = x.shape[axis]
        # Paddle orders the slices as its kernel sees them: the axis swapped
        # with the first, not moved to the front.
        swap = list(range(x.ndim))
        swap[0], swap[axis] = axis, 0
        rows = reshape(transpose(x, swap), [n, -1])
        differ = unsqueeze(rows, 1) != unsqueeze(rows, 0)
        equal = logical_not(reduce_any(differ, axis=-1))
        # Two slices compare as their first differing elements.
        first_difference = argmax(cast(differ, "int32"), axis=-1, keepdim=True)
        greater = unsqueeze(rows, 1) > unsqueeze(rows, 0)
        below = logical_and(reshape(take_along_axis(greater, first_difference, -1), [n, n]),
                            logical_not(equal))
    positions = arange(n)
    # The first occurrence of each value: no equal element before it.
    earlier = unsqueeze(positions, -1) > unsqueeze(positions, 0)
    first = logical_not(reduce_any(logical_and(equal, earlier), axis=1))
    # An element's rank: the distinct values below it.
    rank = reduce_sum(cast(logical_and(below, unsqueeze(first, 0)), "int64"), axis=1)
    count = int(reduce_sum(cast(first, "int64")))
    slots = masked_select(rank, first)

    def placed(values):
        return put_along_axis(zeros([count], values.dtype), slots, masked_select(values, first), 0)

    firsts = placed(positions)
    out = [placed(flat) if axis is None else gather(x, firsts, axis=axis)]
    if return_index:
        out.append(cast(firsts, dtype))
    if return_inverse:
        out.append(cast(rank, dtype))
    if return_counts:
        out.append(cast(placed(reduce_sum(cast(equal, "int64"), axis=1)), dtype))
    return out[0] if len(out) == 1 else tuple(out)


def isin(x, test_x, assume_unique=False, invert=False, name=None):
    """Whether each element of x occurs in test_x (or not, with invert)."""
    found = reduce_any(unsqueeze(x, -1) == flatten(test_x), axis=-1)
    return logical_not(found) if invert else found


def _triangle_indices(row, col, offset, lower, dtype):
    rows = broadcast_to(unsqueeze(arange(row, dtype=dtype), -1), [row, col])
    cols = broadcast_to(unsqueeze(arange(col, dtype=dtype), 0), [row, col])
    keep = cols - rows <= offset if lower else cols - rows >= offset
    return stack([masked_select(rows, keep), masked_select(cols, keep)])


def tril_indices(row, col, offset=0, dtype="int64"):
    """[2, k]: the rows and columns of a row x col matrix's lower triangle
    (to diagonal `offset`), in row-major order."""
    return _triangle_indices(row, col, offset, True, dtype)


def triu_indices(row, col=None, offset=0, dtype="int64"):
    """[2, k]: the rows and columns of the upper triangle (from diagonal
    `offset`), in row-major order."""
    return _triangle_indices(row, row if col is None else col, offset, False, dtype)


def _quantile_axis(x, axis):
    """x with the quantile's axes moved last and joined; the kept shape."""
    if axis is None:
        return flatten(x), None
    axes = [axis] if isinstance(axis, int) else list(axis)
    axes = [a + x.ndim if a < 0 else a for a in axes]
    others = [d for d in range(x.ndim) if d not in axes]
    moved = transpose(x, others + axes)
    return reshape(moved, [x.shape[d] for d in others] + [-1]), axes


def quantile(x, q, axis=None, keepdim=False, interpolation="linear", name=None):
    """The q-quantiles over `axis` (all elements when None) of the sorted
    values: between the two nearest ranks by `interpolation` ('linear',
    'lower', 'higher', 'nearest', 'midpoint'); a list of q stacks them first."""
    line, axes = _quantile_axis(x, axis)
    ordered = sort(line, axis=-1)
    n = ordered.shape[-1]
    # A NaN among the values makes the quantile NaN, as Paddle's (sorted,
    # NaNs would go last and the ranks read numbers).
    unordered = reduce_any(isnan(line), axis=-1, keepdim=True) \
        if line.dtype == "float32" or line.dtype == "float64" else None
    results = []
    for level in (q if isinstance(q, (list, tuple)) else [q]):
        position = level * (n - 1)
        low = int(position)
        high = low + 1 if low + 1 < n else low
        below = _slice(ordered, ordered.ndim - 1, low, low + 1)
        above = _slice(ordered, ordered.ndim - 1, high, high + 1)
        if interpolation == "lower":
            value = below
        elif interpolation == "higher":
            value = above
        elif interpolation == "nearest":
            # Paddle rounds the position half away from zero.
            value = above if position - low >= 0.5 else below
        elif interpolation == "midpoint":
            value = (below + above) / 2.0
        else:
            value = below + (above - below) * (position - low)
        if unordered is not None:
            value = where(unordered, float("nan"), value)
        if keepdim:
            shape = list(x.shape)
            for a in (range(x.ndim) if axes is None else axes):
                shape[a] = 1
            value = reshape(value, shape)
        else:
            value = reshape(value, value.shape[:-1])
        results.append(value)
    return stack(results) if isinstance(q, (list, tuple)) else results[0]


def logcumsumexp(x, axis=None, dtype=None, name=None):
    """log(cumsum(exp(x))) along `axis` (all elements flattened when None),
    shifted by the maximum so that large values do not overflow."""
    if dtype is not None:
        x = cast(x, dtype)
    if axis is None:
        x = flatten(x)
        axis = 0
    top = reduce_max(x, axis=axis, keepdim=True)
    top = where(top == float("-inf"), 0.0, top)
    return log(cumsum(exp(x - top), axis=axis)) + top


def _last_axis(x, axis):
    """x with `axis` moved last (all elements flattened when None), and the
    function that moves a result's last axis back."""
    if axis is None:
        return flatten(x), lambda y: y
    axis = axis + x.ndim if axis < 0 else axis
    perm = [d for d in range(x.ndim) if d != axis] + [axis]
    back = [0] * x.ndim
    for i, d in enumerate(perm):
        back[d] = i
    return transpose(x, perm), lambda y: transpose(y, back)


def _cumulative_extreme(x, axis, dtype, largest):
    line, restore = _last_axis(x, axis)
    n = line.shape[-1]
    positions = arange(n)
    seen = unsqueeze(positions, 0) <= unsqueeze(positions, -1)    # [i, j]: j <= i
    fill = float("-inf") if largest else float("inf")
    candidates = where(seen, unsqueeze(line, -2), fill)
    best = reduce_max(candidates, axis=-1) if largest else reduce_min(candidates, axis=-1)
    # The last position so far holding the extreme (Paddle's choice among equals).
    at = logical_and(seen, unsqueeze(line, -2) == unsqueeze(best, -1))
    index = reduce_max(where(at, positions, -1), axis=-1)
    return restore(best), restore(cast(index, dtype))


def cummax(x, axis=None, dtype="int64", name=None):
    """The running maximum along `axis` (all elements flattened when None)
    and where it was (the last such position)."""
    return _cumulative_extreme(x, axis, dtype, True)


def cummin(x, axis=None, dtype="int64", name=None):
    """The running minimum along `axis` and where it was (the last such
    position)."""
    return _cumulative_extreme(x, axis, dtype, False)


def mode(x, axis=-1, keepdim=False, name=None):
    """The most frequent value along `axis` (the smallest of equally
    frequent ones) and its last position."""
    line, restore = _last_axis(x, axis)
    counts = reduce_sum(cast(unsqueeze(line, -1) == unsqueeze(line, -2), "int64"), axis=-1)
    frequent = counts == reduce_max(counts, axis=-1, keepdim=True)
    value = reduce_min(where(frequent, line, float("inf")), axis=-1, keepdim=True)
    index = reduce_max(where(line == value, arange(line.shape[-1]), -1), axis=-1, keepdim=True)
    value, index = restore(value), restore(index)
    if keepdim:
        return value, index
    axis = axis + x.ndim if axis < 0 else axis
    return reshape(value, x.shape[:axis] + x.shape[axis + 1:]), \
        reshape(index, x.shape[:axis] + x.shape[axis + 1:])


def multinomial(x, num_samples=1, replacement=False, name=None):
    """num_samples category indices (int64) drawn from each row of the
    (unnormalized) probabilities x [n] or [rows, n]: with replacement by the
    inverse of the cumulative sums; without, as the top of the categories'
    Gumbel-perturbed log probabilities (the same distribution as drawing one
    by one)."""
    rows = unsqueeze(x, 0) if x.ndim == 1 else x
    n = rows.shape[-1]
    weights = cast(rows, "float64")
    if replacement:
        cumulative = cumsum(weights, axis=-1)
        total = _slice(cumulative, 1, n - 1, n)
        draws = uniform([rows.shape[0], num_samples], "float64", 0.0, 1.0) * total
        below = cast(unsqueeze(draws, -1) >= unsqueeze(cumulative, 1), "int64")
        picked = minimum(reduce_sum(below, axis=-1), n - 1)
    else:
        if num_samples > n:
            raise ValueError(f"multinomial(): {num_samples} samples without replacement from "
                             f"{n} categories")
        noise = -log(-log(uniform(rows.shape, "float64", 0.0, 1.0)))
        _, picked = topk(log(weights) + noise, num_samples, axis=-1)
    return picked[0] if x.ndim == 1 else picked


COUNTING_COMPOSITES = {fn.__name__: fn for fn in (
    diff, histogram, bincount, unique, isin, tril_indices, triu_indices, quantile,
    logcumsumexp, cummax, cummin, mode, multinomial)}
