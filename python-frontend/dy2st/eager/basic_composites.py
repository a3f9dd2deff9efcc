"""Basic composites (see composites.py): normalizations and reductions,
products, splitting and moving axes, sorting, creation and random numbers,
the TensorArray functions.

"""
import collections

from .dtypes import default_float
from .primitives import KERNELS as _P
from .tensor import Tensor

_INF = float("inf")
_INT64_MIN = -9223372036854775807 - 1
_INT64_MAX = 9223372036854775807
_BEYOND_FLOAT32 = 1e300
_ROUNDS_UP_TO = 8

abs = _P["abs"]
argmax = _P["argmax"]
argsort = _P["argsort"]
concat = _P["concat"]
take_along_axis = _P["take_along_axis"]
put_along_axis = _P["put_along_axis"]
flatten = _P["flatten"]
stack = _P["stack"]
full = _P["full"]
floor = _P["floor"]
logical_or = _P["logical_or"]
gaussian = _P["gaussian"]
uniform = _P["uniform"]
arange = _P["arange"]
broadcast_to = _P["broadcast_to"]
cast = _P["cast"]
exp = _P["exp"]
gather = _P["gather"]
log = _P["log"]
matmul = _P["matmul"]
maximum = _P["maximum"]
minimum = _P["minimum"]
ones_like = _P["ones_like"]
reshape = _P["reshape"]
sqrt = _P["sqrt"]
squeeze = _P["squeeze"]
strided_slice = _P["strided_slice"]
to_tensor = _P["to_tensor"]
transpose = _P["transpose"]
unsqueeze = _P["unsqueeze"]
where = _P["where"]
zeros_like = _P["zeros_like"]
reduce_max = _P["max"]
reduce_min = _P["min"]
reduce_any = _P["any"]
isnan = _P["isnan"]
logical_and = _P["logical_and"]
logical_not = _P["logical_not"]
reduce_sum = _P["sum"]
reduce_mean = _P["mean"]


def softmax(x, axis=-1, dtype=None, name=None):
    """exp(x - max) / sum(exp(x - max)) along `axis`."""
    if dtype is not None:
        x = cast(x, dtype)
    e = exp(x - reduce_max(x, axis=axis, keepdim=True))
    return e / reduce_sum(e, axis=axis, keepdim=True)


def log_softmax(x, axis=-1, dtype=None, name=None):
    """log(softmax(x)) along `axis`, computed stably."""
    if dtype is not None:
        x = cast(x, dtype)
    shifted = x - reduce_max(x, axis=axis, keepdim=True)
    return shifted - log(reduce_sum(exp(shifted), axis=axis, keepdim=True))


def logsumexp(x, axis=None, keepdim=False, name=None):
    """log(sum(exp(x))) over `axis`, computed stably."""
    m = reduce_max(x, axis=axis, keepdim=True)
    s = log(reduce_sum(exp(x - m), axis=axis, keepdim=keepdim))
    return s + reduce_max(x, axis=axis, keepdim=keepdim)


def var(x, axis=None, unbiased=None, keepdim=False, name=None, *, correction=1):
    """The variance: the squared deviations' sum divided by n - correction
    (Paddle 3.3's `correction`, at least 0; `unbiased` is correction 1 or 0)."""
    if unbiased is not None and correction != 1:
        raise ValueError("Only one of unbiased and correction may be given")
    if unbiased is not None:
        correction = 1 if unbiased else 0
    d = x - reduce_mean(x, axis=axis, keepdim=True)
    n = reduce_sum(ones_like(d), axis=axis, keepdim=keepdim)
    if correction == 1:
        n = n - 1
    elif correction != 0:
        n = maximum(n - correction, 0)
    return reduce_sum(d * d, axis=axis, keepdim=keepdim) / n


def std(x, axis=None, unbiased=True, keepdim=False, name=None):
    """The standard deviation over `axis` (unbiased by default)."""
    return sqrt(var(x, axis=axis, unbiased=unbiased, keepdim=keepdim))


def clip(x, min=None, max=None, name=None):
    """x limited to [min, max]; the dtype of x is kept."""
    y = x
    if min is not None:
        y = maximum(y, min)
    if max is not None:
        y = minimum(y, max)
    return cast(y, x.dtype)


def scale(x, scale=1.0, bias=0.0, bias_after_scale=True, act=None, name=None):
    """scale * x + bias (or scale * (x + bias) when bias_after_scale is False)."""
    if bias_after_scale:
        return cast(x * scale + bias, x.dtype)
    return cast((x + bias) * scale, x.dtype)


def lerp(x, y, weight, name=None):
    """x + weight * (y - x), elementwise with broadcasting."""
    return x + weight * (y - x)


def expand(x, shape, name=None):
    """x broadcast to `shape` (-1 keeps a dimension)."""
    return broadcast_to(x, shape)


def expand_as(x, y, name=None):
    """x broadcast to the shape of y."""
    return broadcast_to(x, y.shape)


def t(input, name=None):
    """The transpose of a matrix; a 0-d or 1-d tensor is returned as it is."""
    if input.ndim < 2:
        return input
    return transpose(input, [1, 0])


def add_n(inputs, name=None):
    """The elementwise sum of a tensor or of a list of tensors of one shape
    and dtype, left to right (the dtype kept: int32 stays int32)."""
    if isinstance(inputs, Tensor):
        return assign(inputs)
    total = inputs[0]
    for i in range(1, len(inputs)):
        total = total + inputs[i]
    return total


def mm(input, mat2, name=None):
    """The matrix product of two tensors (matmul without transposes)."""
    return matmul(input, mat2)


def bmm(x, y, name=None):
    """The batched matrix product of two 3-d tensors."""
    return matmul(x, y)


def mv(x, vec, name=None):
    """The product of a matrix and a vector."""
    return matmul(x, vec)


def dot(x, y, name=None):
    """The inner product of two 1-d tensors (of the rows of two 2-d ones)."""
    return reduce_sum(x * y, axis=-1)


def outer(x, y, name=None):
    """The outer product of two 1-d tensors."""
    return matmul(reshape(x, [-1, 1]), reshape(y, [1, -1]))


def index_select(x, index, axis=0, name=None):
    """The slices of x at `index` along `axis`."""
    return gather(x, index, axis=axis)


def masked_fill(x, mask, value, name=None):
    """x with `value` where `mask` is true."""
    return cast(where(mask, value, x), x.dtype)


def chunk(x, chunks, axis=0, name=None):
    """`chunks` equal parts along `axis`."""
    if axis < 0:
        axis = axis + x.ndim
    size = x.shape[axis] // chunks
    parts = []
    for i in range(chunks):
        # Copies, as Paddle's parts are (slices are views).
        parts.append(clone(strided_slice(x, [axis], [i * size], [(i + 1) * size], [1])))
    return parts


def unbind(input, axis=0):
    """The slices along `axis` (of static size), without that dimension."""
    if axis < 0:
        axis = axis + input.ndim
    parts = []
    for i in range(input.shape[axis]):
        parts.append(squeeze(strided_slice(input, [axis], [i], [i + 1], [1]), axis=[axis]))
    return parts


def _band(x, diagonal, lower):
    rows = unsqueeze(arange(x.shape[-2]), -1)
    cols = unsqueeze(arange(x.shape[-1]), 0)
    if lower:
        keep = cols - rows <= diagonal
    else:
        keep = cols - rows >= diagonal
    return where(keep, x, zeros_like(x))


def tril(x, diagonal=0, name=None):
    """x with the elements above diagonal `diagonal` set to 0."""
    return _band(x, diagonal, True)


def triu(x, diagonal=0, name=None):
    """x with the elements below diagonal `diagonal` set to 0."""
    return _band(x, diagonal, False)


def eye(num_rows, num_columns=None, dtype=None, name=None):
    """A 2-d tensor with ones on the diagonal and zeros elsewhere."""
    if num_columns is None:
        num_columns = num_rows
    if dtype is None:
        dtype = default_float()
    same = unsqueeze(arange(num_rows), -1) == unsqueeze(arange(num_columns), 0)
    return cast(same, dtype)


def one_hot(x, num_classes=-1, name=None):
    """The one-hot float32 encoding of the integer labels x over `num_classes`
    (-1: the largest label + 1, as Paddle 3.3 infers it)."""
    if num_classes == -1:
        num_classes = int(_P["max"](x)) + 1
    return cast(unsqueeze(x, -1) == arange(num_classes), "float32")


def linspace(start, stop, num, dtype=None, name=None):
    """`num` numbers evenly spaced from `start` to `stop`, both included."""
    if dtype is None:
        dtype = default_float()
    steps = cast(arange(num), "float64")
    if num > 1:
        steps = steps * ((stop - start) / (num - 1))
    return cast(steps + start, dtype)


def _to_last(x, axis):
    """x with `axis` moved to the end."""
    perm = []
    for d in range(x.ndim):
        if d != axis:
            perm.append(d)
    perm.append(axis)
    return transpose(x, perm)


def _from_last(x, axis):
    """The inverse of _to_last."""
    perm = []
    for d in range(x.ndim):
        if d < axis:
            perm.append(d)
        elif d == axis:
            perm.append(x.ndim - 1)
        else:
            perm.append(d - 1)
    return transpose(x, perm)


TopKRetType = collections.namedtuple("TopKRetType", ["values", "indices"])
"""topk's result, as Paddle 3.3 names it: `paddle.topk(x, 2).indices`."""


def topk(x, k, axis=None, largest=True, sorted=True, name=None):
    """The k largest (or smallest) values along `axis` and their indices
    (TopKRetType): for k up to 8, in k rounds that each take the first of the
    best values not taken yet (O(k n)), else the first k of argsort's order,
    which is the same. NaN counts as larger than every number (Paddle's
    order: first when largest, last when smallest), and -inf keeps its place."""
    if axis is None:
        axis = -1
    if axis < 0:
        axis = axis + x.ndim
    y = _to_last(x, axis)
    if not (isinstance(k, int) and k <= _ROUNDS_UP_TO):
        indices = strided_slice(argsort(y, axis=-1, descending=largest), [y.ndim - 1], [0],
                                [k], [1])
    elif y.dtype == "float64" or y.dtype == "int64":
        indices = _ranked_exactly(y, k, largest)
    else:
        indices = _ranked_in_float64(y, k, largest)
    return TopKRetType(_from_last(take_along_axis(y, indices, axis=-1), axis),
                       _from_last(indices, axis))


def _ranked_in_float64(y, k, largest):
    """The positions of y's k best values along its last axis, for dtypes
    float64 holds exactly (float32, int32): the order's key in float64,
    where +inf, NaN and -inf go beyond every float32 and the taken ones to
    -inf, so one argmax a round picks the best."""
    key = cast(y, "float64")
    if not largest:
        key = -key
    if y.dtype == "float32":
        key = where(isnan(y), -_BEYOND_FLOAT32 * 10 if not largest else _BEYOND_FLOAT32 * 10,
                    where(key == _INF, _BEYOND_FLOAT32,
                          where(key == -_INF, -_BEYOND_FLOAT32, key)))
    positions = arange(y.shape[-1])
    indices = []
    for _ in range(k):
        index = argmax(key, axis=-1, keepdim=True)
        indices.append(index)
        key = where(positions == index, -_INF, key)
    return concat(indices, axis=-1)


def _ranked_exactly(y, k, largest):
    """The positions of y's k best values along its last axis, compared in
    y's own dtype (float64, int64): each round the first not taken of the
    best (of the NaNs first when largest, last when smallest)."""
    floating = y.dtype == "float64"
    unordered = isnan(y) if floating else y != y
    if floating:
        worst = -_INF if largest else _INF
    else:
        worst = _INT64_MIN if largest else _INT64_MAX
    positions = arange(y.shape[-1])
    taken = cast(zeros_like(y), "bool")
    indices = []
    for _ in range(k):
        counted = logical_not(taken)
        open_nan = logical_and(counted, unordered)
        counted = logical_and(counted, logical_not(unordered))
        kept = where(counted, y, worst)
        best = reduce_max(kept, axis=-1, keepdim=True) if largest else \
            reduce_min(kept, axis=-1, keepdim=True)
        chosen = logical_and(counted, y == best)
        if largest:
            chosen = where(reduce_any(open_nan, axis=-1, keepdim=True), open_nan, chosen)
        else:
            chosen = where(reduce_any(chosen, axis=-1, keepdim=True), chosen, open_nan)
        index = argmax(cast(chosen, "int32"), axis=-1, keepdim=True)
        indices.append(index)
        taken = logical_or(taken, positions == index)
    return concat(indices, axis=-1)


def topk_returned(x, k, axis=None, largest=True, sorted=True, name=None, *, pair, out):
    """What topk returns given `out=(values, indices)` (Paddle 3.3): those
    tensors, which took its result."""
    return TopKRetType(out[0], out[1])


def sort(x, axis=-1, descending=False, stable=False, name=None):
    """The values sorted along `axis`: x at its argsort's positions."""
    if x.ndim == 0:
        return clone(x)
    return take_along_axis(x, argsort(x, axis=axis, descending=descending), axis=axis)


def _axis_list(axes, ndim):
    """An axis or a list of axes, as a list of non-negative axes."""
    if isinstance(axes, int):
        axes = [axes]
    result = []
    for a in axes:
        if a < 0:
            a = a + ndim
        result.append(a)
    return result


def split(x, num_or_sections, axis=0, name=None):
    """`num_or_sections` equal parts, or parts of the given sizes (one may be
    -1: what is left) along `axis`."""
    if axis < 0:
        axis = axis + x.ndim
    if isinstance(num_or_sections, int):
        return chunk(x, num_or_sections, axis)
    known = 0
    for size in num_or_sections:
        if size != -1:
            known = known + size
    parts = []
    start = 0
    for size in num_or_sections:
        if size == -1:
            size = x.shape[axis] - known
        parts.append(clone(strided_slice(x, [axis], [start], [start + size], [1])))
        start = start + size
    return parts


def moveaxis(x, source, destination, name=None):
    """x with its dimensions `source` moved to the positions `destination`."""
    src = _axis_list(source, x.ndim)
    dst = _axis_list(destination, x.ndim)
    rest = []
    for d in range(x.ndim):
        taken = False
        for s in src:
            if s == d:
                taken = True
        if not taken:
            rest.append(d)
    perm = []
    next_rest = 0
    for i in range(x.ndim):
        found = -1
        for k, d in enumerate(dst):
            if d == i:
                found = k
        if found >= 0:
            perm.append(src[found])
        else:
            perm.append(rest[next_rest])
            next_rest = next_rest + 1
    return transpose(x, perm)


def roll(x, shifts, axis=None, name=None):
    """Elements shifted along `axis` (the flattened tensor when None), wrapping
    around."""
    y = x
    if axis is None:
        y = flatten(x)
        axes = [0]
    else:
        axes = _axis_list(axis, x.ndim)
    if isinstance(shifts, int):
        shifts = [shifts]
    for k, a in enumerate(axes):
        n = y.shape[a]
        s = shifts[k] % n
        head = strided_slice(y, [a], [n - s], [n], [1])
        tail = strided_slice(y, [a], [0], [n - s], [1])
        y = concat([head, tail], axis=a)
    if axis is None:
        return reshape(y, x.shape)
    return y


def tile(x, repeat_times, name=None):
    """x repeated `repeat_times[d]` times along each dimension d."""
    y = x
    if len(repeat_times) > x.ndim:
        shape = []
        for _ in range(len(repeat_times) - x.ndim):
            shape.append(1)
        for size in x.shape:
            shape.append(size)
        y = reshape(x, shape)
    offset = y.ndim - len(repeat_times)
    for d, times in enumerate(repeat_times):
        if times != 1:
            copies = []
            for _ in range(times):
                copies.append(y)
            y = concat(copies, axis=d + offset)
    # A copy where nothing repeats too (Paddle's; a reshape is a view).
    return y if any(t != 1 for t in repeat_times) else clone(y)


def gather_nd(x, index, name=None):
    """x at the index vectors in the last dimension of `index`."""
    k = index.shape[-1]
    sizes = []
    for d in range(k):
        sizes.append(x.shape[d])
    linear = zeros_like(index[..., 0])
    for d, size in enumerate(sizes):
        linear = linear * size + index[..., d]
    rows = reshape(x, [-1] + x.shape[k:])
    picked = gather(rows, flatten(linear))
    return reshape(picked, index.shape[:-1] + x.shape[k:])


def scatter(x, index, updates, overwrite=True, name=None):
    """x with its rows `index[i]` replaced by `updates[i]` (summed when not
    `overwrite`, starting from zero)."""
    shape = [index.shape[0]]
    for d in range(1, x.ndim):
        shape.append(1)
    rows = broadcast_to(reshape(index, shape), updates.shape)
    if overwrite:
        return put_along_axis(x, rows, updates, 0)
    cleared = put_along_axis(x, rows, 0, 0)
    return put_along_axis(cleared, rows, updates, 0, "add")


def create_array(dtype="float32", initialized_list=None):
    """A TensorArray: in compiled code, a list of tensors (a tensor array when
    its length is known only at run time)."""
    array = []
    if initialized_list is not None:
        for item in initialized_list:
            array.append(item)
    return array


def array_write(x, i, array=None):
    """array[i] = x, appending when i == len(array); returns the array."""
    if array is None:
        array = []
    if len(array) == 0:
        array.append(x)
    elif i == len(array):
        array.append(x)
    else:
        array[i] = x
    return array


array_write.updates_argument = "array"  # type: ignore[attr-defined]


def array_read(array, i):
    """The item `i` of a list or tensor array (Paddle's static-graph array_read)."""
    return array[i]


def array_length(array):
    """The length as a 0-d int64 tensor, as Paddle gives it."""
    return full([], len(array), "int64")


def empty(shape, dtype=None, name=None):
    """A new tensor (zero-filled: Paddle leaves it uninitialized)."""
    return full(shape, 0, dtype)


def empty_like(x, dtype=None, name=None):
    """A tensor of x's shape (and dtype, or `dtype`); dy2st fills it with 0."""
    return zeros_like(x, dtype=dtype)


def fill_constant(shape, dtype, value, force_cpu=False, out=None, name=None):
    """A tensor of `shape` and `dtype` filled with `value`."""
    return full(shape, value, dtype)


def assign(x, output=None):
    """A copy of x (a tensor, or numbers as to_tensor takes them)."""
    if isinstance(x, Tensor):
        return cast(x, x.dtype)
    return to_tensor(x)


def clone(x, name=None):
    """A copy of x."""
    return cast(x, x.dtype)


def detach(x):
    """A copy of x (dy2st records no gradients to detach from)."""
    return cast(x, x.dtype)


def is_tensor(x):
    """Whether x is a Tensor."""
    return isinstance(x, Tensor)


def rank(input):
    """The number of dimensions, as a 0-d int32 tensor."""
    return to_tensor(input.ndim, dtype="int32")


def increment(x, value=1.0, name=None):
    """x + value in x's dtype (Paddle's one-element counter update; the
    function paddle.increment writes it into x)."""
    if x.size != 1:
        raise ValueError(f"The number of elements in Input(X) should be 1.Now the number is "
                         f"{x.size}.")
    return x + full([], value, x.dtype)


def diag(x, offset=0, padding_value=0, name=None):
    """A 1-d x on the `offset` diagonal of a square matrix (`padding_value`
    elsewhere); the `offset` diagonal of a 2-d x."""
    if x.ndim == 1:
        n = x.shape[0]
        k = offset
        if k < 0:
            k = -k
        rows = unsqueeze(arange(n + k), -1)
        cols = unsqueeze(arange(n + k), 0)
        on = cols - rows == offset
        if offset >= 0:
            at = rows + cols * 0
        else:
            at = cols + rows * 0
        picked = reshape(gather(x, flatten(clip(at, 0, n - 1))), [n + k, n + k])
        return where(on, picked, padding_value)
    if offset >= 0:
        length = minimum(to_tensor(x.shape[0]), to_tensor(x.shape[1] - offset))
        first_row = 0
        first_col = offset
    else:
        length = minimum(to_tensor(x.shape[0] + offset), to_tensor(x.shape[1]))
        first_row = -offset
        first_col = 0
    i = arange(maximum(length, 0))
    return gather_nd(x, stack([i + first_row, i + first_col], axis=-1))


def numel(x, name=None):
    """The number of elements, as a 0-d int64 tensor."""
    return reduce_sum(ones_like(x, dtype="int64"))


def shape(input):
    """The shape as a 1-d int64 tensor (static shapes in compiled code)."""
    return to_tensor(input.shape, dtype="int64")


def rand(shape, dtype=None, name=None):
    """Uniform random numbers in [0, 1)."""
    return uniform(shape, dtype, 0.0, 1.0)


def randn(shape, dtype=None, name=None):
    """Standard normal random numbers."""
    return gaussian(shape, 0.0, 1.0, dtype=dtype)


def standard_normal(shape, dtype=None, name=None):
    """Standard normal random numbers: randn."""
    return gaussian(shape, 0.0, 1.0, dtype=dtype)


def normal(mean=0.0, std=1.0, shape=None, name=None):
    """Normal random numbers: of `shape` for number arguments, else of the
    shape (and float dtype) of the tensors `mean` and `std` broadcast."""
    if isinstance(mean, Tensor) or isinstance(std, Tensor):
        base = mean * 0.0 + std * 0.0
        dtype = "float64" if base.dtype == "float64" else "float32"
        return mean + std * gaussian(base.shape, 0.0, 1.0, dtype=dtype)
    if shape is None:
        raise ValueError("normal(): shape is needed when mean and std are numbers")
    return gaussian(shape, mean, std)


def randint(low=0, high=None, shape=[1], dtype=None, name=None):
    """Random integers in [low, high) ([0, low) without `high`), int64 by
    default."""
    if high is None:
        high = low
        low = 0
    if low >= high:
        raise ValueError("randint(): low must be less than high")
    if dtype is not None and dtype != "int32" and dtype != "int64":
        raise TypeError("randint(): dtype must be int32 or int64")
    numbers = floor(uniform(shape, "float64", low, high))
    return cast(numbers, "int64" if dtype is None else dtype)


def bernoulli(x, name=None):
    """1 with the probability in each element of `x`, else 0 (x's dtype)."""
    if x.dtype != "float32" and x.dtype != "float64":
        raise TypeError("bernoulli(): x must be a float tensor")
    if logical_or(x < 0.0, x > 1.0).any():
        raise ValueError("bernoulli(): the probabilities must be in [0, 1]")
    return cast(uniform(x.shape, "float64", 0.0, 1.0) < x, x.dtype)


BASIC_COMPOSITES = {fn.__name__: fn for fn in (
    empty, empty_like, fill_constant, assign, clone, detach, is_tensor, rank, increment, diag,
    split, moveaxis, roll, tile, gather_nd, scatter, create_array, array_write, array_read,
    array_length, topk, sort, numel, shape,
    softmax, log_softmax, logsumexp, var, std, clip, scale, lerp, expand, expand_as,
    t, add_n, mm, bmm, mv, dot, outer, index_select, masked_fill, chunk, unbind, tril, triu, eye,
    one_hot, linspace, rand, randn, standard_normal, normal, randint, bernoulli)}
