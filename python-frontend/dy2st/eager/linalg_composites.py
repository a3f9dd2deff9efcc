"""Composites (see composites.py): paddle.linalg's norms, determinants and
solvers, written once over the primitives for eager and compiled code. The
matrices' sizes are static: elimination and substitution unroll over the rows
(fine for the small systems models solve; a loop over thousands of rows would
compile slowly). Formulas follow Paddle's documentation, dtypes and layouts its
CPU kernels (checked against real Paddle by the op-table tests)."""
from .layout_composites import _slice, diagonal
from .primitives import KERNELS as _P

abs = _P["abs"]
arange = _P["arange"]
argmax = _P["argmax"]
broadcast_to = _P["broadcast_to"]
cast = _P["cast"]
concat = _P["concat"]
log = _P["log"]
matmul = _P["matmul"]
reduce_max = _P["max"]
reduce_min = _P["min"]
reduce_sum = _P["sum"]
reduce_prod = _P["prod"]
reshape = _P["reshape"]
sign = _P["sign"]
sqrt = _P["sqrt"]
squeeze = _P["squeeze"]
stack = _P["stack"]
take_along_axis = _P["take_along_axis"]
transpose = _P["transpose"]
unsqueeze = _P["unsqueeze"]
where = _P["where"]
zeros_like = _P["zeros_like"]

_INF = float("inf")


def matrix_transpose(x, name=None):
    """x with its last two axes swapped."""
    perm = list(range(x.ndim))
    perm[-2], perm[-1] = perm[-1], perm[-2]
    return transpose(x, perm)


def vecdot(x, y, axis=-1, name=None):
    """The dot products of x and y along `axis` (broadcast)."""
    return reduce_sum(x * y, axis=axis)


# Norms -----------------------------------------------------------------------

def vector_norm(x, p=2.0, axis=None, keepdim=False, name=None, dtype=None):
    """The p-norm of the elements over `axis` (all when None): p = 0 counts
    nonzeros, ±inf is the largest / smallest magnitude."""
    if dtype is not None:
        x = cast(x, dtype)
    if isinstance(axis, tuple):
        axis = list(axis)
    a = abs(x)
    if p == _INF:
        return reduce_max(a, axis=axis, keepdim=keepdim)
    if p == -_INF:
        return reduce_min(a, axis=axis, keepdim=keepdim)
    if p == 0:
        return reduce_sum(cast(x != 0, x.dtype), axis=axis, keepdim=keepdim)
    if p == 1:
        return reduce_sum(a, axis=axis, keepdim=keepdim)
    if p == 2:
        return sqrt(reduce_sum(a * a, axis=axis, keepdim=keepdim))
    return reduce_sum(a ** p, axis=axis, keepdim=keepdim) ** (1.0 / p)


def matrix_norm(x, p="fro", axis=[-2, -1], keepdim=False, name=None):
    """The matrix norm over the two axes `axis`: 'fro', or ±1 (largest /
    smallest column sum of magnitudes), ±inf (row sums). 'nuc' and ±2 need
    singular values, which dy2st does not compute."""
    if not isinstance(axis, (list, tuple)) or len(axis) != 2:
        raise ValueError(f"matrix_norm(): axis must be two axes, not {axis}")
    rows = axis[0] + x.ndim if axis[0] < 0 else axis[0]
    cols = axis[1] + x.ndim if axis[1] < 0 else axis[1]
    if p == "fro":
        return sqrt(reduce_sum(x * x, axis=[rows, cols], keepdim=keepdim))
    if p == "nuc" or p == 2 or p == -2:
        raise ValueError(f"matrix_norm(): p={p!r} needs singular values, which dy2st does not "
                         "compute (use 'fro', 1, -1, inf or -inf)")
    if p == 1 or p == -1:
        summed, picked = rows, cols
    elif p == _INF or p == -_INF:
        summed, picked = cols, rows
    else:
        raise ValueError(f"matrix_norm(): p must be 'fro', 'nuc', ±1, ±2 or ±inf, not {p!r}")
    sums = reduce_sum(abs(x), axis=summed, keepdim=True)
    if p > 0:
        out = reduce_max(sums, axis=picked, keepdim=True)
    else:
        out = reduce_min(sums, axis=picked, keepdim=True)
    return out if keepdim else squeeze(out, axis=[rows, cols])


def norm(x, p=None, axis=None, keepdim=False, name=None):
    """Paddle's norm: a vector norm over one axis or all elements, a matrix
    norm over two axes (or with p a string: 'fro' over all elements when no
    axis or one is given is the vector 2-norm)."""
    if isinstance(axis, tuple):
        axis = list(axis)
    if isinstance(axis, list) and len(axis) == 1:
        axis = axis[0]
    if isinstance(p, str):
        if p == "fro" and (axis is None or isinstance(axis, int)):
            return vector_norm(x, 2.0, axis, keepdim)
        if axis is None:
            axis = list(range(x.ndim))
        return matrix_norm(x, p, axis, keepdim)
    if p is None:
        p = 2.0
    if isinstance(axis, list) and len(axis) == 2:
        return matrix_norm(x, p, axis, keepdim)
    return vector_norm(x, p, axis, keepdim)


# Elimination -----------------------------------------------------------------

def _row_index(n):
    return unsqueeze(arange(n), -1)


def _pivot(work, rows, k):
    """work with row k swapped for the row at or below k of the largest
    magnitude in column k; and whether a swap happened."""
    column = abs(_slice(work, work.ndim - 1, k, k + 1))
    candidates = where(rows >= k, column, -1.0)
    pivot = argmax(candidates, axis=-2, keepdim=True)
    swapped = where(rows == k, pivot, where(rows == pivot, k, rows))
    return take_along_axis(work, broadcast_to(swapped, work.shape), axis=-2), pivot != k


def _gauss_jordan(a, b):
    """a⁻¹ b for square a [..., n, n] and b [..., n, k] of the same batch,
    by Gauss-Jordan elimination with partial pivoting."""
    n = a.shape[-1]
    work = concat([a, b], axis=-1)
    rows = _row_index(n)
    for k in range(n):
        work, _ = _pivot(work, rows, k)
        pivot_row = _slice(work, work.ndim - 2, k, k + 1)
        pivot_row = pivot_row / _slice(pivot_row, work.ndim - 1, k, k + 1)
        factors = _slice(work, work.ndim - 1, k, k + 1)
        work = where(rows == k, pivot_row, work - factors * pivot_row)
    return _slice(work, work.ndim - 1, n, work.shape[-1])


def _identity_like(x):
    n = x.shape[-1]
    return broadcast_to(cast(_row_index(n) == arange(n), x.dtype), x.shape)


def inverse(x, name=None):
    """The inverses of square matrices (the last two dimensions)."""
    return _gauss_jordan(x, _identity_like(x))


def _pivots(x):
    """The pivots of x's LU factorization with partial pivoting, [..., n],
    and the sign of its row permutation, [...]."""
    n = x.shape[-1]
    work = x
    rows = _row_index(n)
    pivots = []
    swaps = None
    for k in range(n):
        work, moved = _pivot(work, rows, k)
        flip = cast(squeeze(_slice(moved, moved.ndim - 2, 0, 1), [-2, -1]), x.dtype)
        swaps = flip if swaps is None else swaps + flip
        pivot_row = _slice(work, work.ndim - 2, k, k + 1)
        pivot = _slice(pivot_row, work.ndim - 1, k, k + 1)
        pivots.append(squeeze(pivot, [-2, -1]))
        divisor = where(pivot == 0.0, 1.0, pivot)
        factors = _slice(work, work.ndim - 1, k, k + 1) / divisor
        work = where(rows > k, work - factors * pivot_row, work)
    # (-1) ** swaps without a power: 1 - 2 * (swaps mod 2).
    parity = swaps - 2.0 * cast(cast(swaps / 2.0, "int64"), x.dtype)
    return stack(pivots, axis=-1), 1.0 - 2.0 * parity


def det(x, name=None):
    """The determinants of square matrices [..., n, n]."""
    pivots, permutation_sign = _pivots(x)
    return reduce_prod(pivots, axis=-1) * permutation_sign


def slogdet(x, name=None):
    """[sign, log |det|] of square matrices, stacked on a new first axis
    (Paddle's layout): sign 0 and -inf for a singular matrix."""
    pivots, permutation_sign = _pivots(x)
    signs = reduce_prod(sign(pivots), axis=-1) * permutation_sign
    return stack([signs, reduce_sum(log(abs(pivots)), axis=-1)], axis=0)


def _batched(a, b):
    """a [..., n, n] and b [..., n, k] broadcast to one batch shape: each plus
    zeros of the other's batch (elementwise broadcasting, also for batch
    sizes known only at run time)."""
    if a.ndim == 2 and b.ndim == 2:
        return a, b
    a_corner = _slice(_slice(a, a.ndim - 2, 0, 1), a.ndim - 1, 0, 1)
    b_corner = _slice(_slice(b, b.ndim - 2, 0, 1), b.ndim - 1, 0, 1)
    return a + zeros_like(b_corner), b + zeros_like(a_corner)


def solve(x, y, left=True, name=None):
    """X with x X = y (left) or X x = y, for square x [..., n, n] and y
    [..., n, k] (or a vector [n])."""
    if y.ndim == 1:
        a, b = _batched(x, unsqueeze(y, -1))
        return squeeze(_gauss_jordan(a, b), -1)
    if left:
        a, b = _batched(x, y)
        return _gauss_jordan(a, b)
    a, b = _batched(matrix_transpose(x), matrix_transpose(y))
    return matrix_transpose(_gauss_jordan(a, b))


def triangular_solve(x, y, upper=True, transpose=False, unitriangular=False, name=None):
    """X with x X = y (or xᵀ X = y) for triangular x [..., n, n] (its other
    triangle ignored; a unit diagonal assumed when unitriangular) and y
    [..., n, k], by substitution."""
    n = x.shape[-1]
    rows = _row_index(n)
    columns = arange(n)
    keep = rows <= columns if upper else rows >= columns
    if unitriangular:
        a = where(rows == columns, 1.0, where(keep, x, 0.0))
    else:
        a = where(keep, x, 0.0)
    if transpose:
        a = matrix_transpose(a)
        upper = not upper
    a, b = _batched(a, y)
    out = zeros_like(b)
    for step in range(n):
        i = n - 1 - step if upper else step
        a_row = _slice(a, a.ndim - 2, i, i + 1)
        rest = _slice(b, b.ndim - 2, i, i + 1) - matmul(a_row, out)
        out = where(rows == i, rest / _slice(a_row, a.ndim - 1, i, i + 1), out)
    return out


def cholesky(x, upper=False, name=None):
    """The Cholesky factor of symmetric positive-definite matrices: lower L
    with x = L Lᵀ (or upper U = Lᵀ); only x's lower triangle is read."""
    n = x.shape[-1]
    rows = _row_index(n)
    columns = arange(n)
    factor = zeros_like(x)
    for j in range(n):
        row_j = _slice(factor, factor.ndim - 2, j, j + 1)
        column = _slice(x, x.ndim - 1, j, j + 1) - matmul(factor, row_j, transpose_y=True)
        diagonal_j = sqrt(_slice(column, column.ndim - 2, j, j + 1))
        column = where(rows == j, diagonal_j, where(rows > j, column / diagonal_j, 0.0))
        factor = where(columns == j, column, factor)
    return matrix_transpose(factor) if upper else factor


def cholesky_solve(x, y, upper=False, name=None):
    """X with A X = x, where y is A's Cholesky factor (lower L, A = L Lᵀ, or
    upper U, A = Uᵀ U)."""
    first = triangular_solve(y, x, upper=upper, transpose=upper)
    return triangular_solve(y, first, upper=upper, transpose=not upper)


def cholesky_inverse(x, upper=False, name=None):
    """The inverse of A from its Cholesky factor x (lower, or upper), a
    matrix (Paddle's rule)."""
    if x.ndim != 2:
        raise ValueError("The input tensor must be 2-dimensional")
    return cholesky_solve(_identity_like(x), x, upper)


def multi_dot(x, name=None):
    """The product of a list of matrices, left to right (a 1-d first or last
    one is a row or column vector)."""
    out = x[0]
    for i in range(1, len(x)):
        out = matmul(out, x[i])
    return out


def matrix_power(x, n, name=None):
    """x to the integer power n (n < 0: of x's inverse; n = 0: identity), by
    repeated squaring."""
    if n == 0:
        return _identity_like(x)
    base = inverse(x) if n < 0 else x
    remaining = -n if n < 0 else n
    out = None
    while remaining > 0:
        if remaining % 2 == 1:
            out = base if out is None else matmul(out, base)
        remaining = remaining // 2
        if remaining > 0:
            base = matmul(base, base)
    return out


# Statistics ------------------------------------------------------------------

def cov(x, rowvar=True, ddof=True, fweights=None, aweights=None, name=None):
    """The covariance matrix of the variables (rows, or columns when rowvar
    is False) of a 1-d or 2-d x, weighted by fweights and aweights."""
    if x.ndim == 1:
        x = unsqueeze(x, 0)
    elif not rowvar:
        x = matrix_transpose(x)
    if fweights is None and aweights is None:
        centered = x - reduce_sum(x, axis=1, keepdim=True) / x.shape[1]
        factor = x.shape[1] - 1 if ddof else x.shape[1]
        out = matmul(centered, centered, transpose_y=True) / factor
    else:
        weights = fweights if aweights is None else (
            aweights if fweights is None else fweights * aweights)
        weights = cast(weights, x.dtype)
        total = reduce_sum(weights)
        average = reduce_sum(x * weights, axis=1, keepdim=True) / total
        if not ddof:
            factor = total
        elif aweights is None:
            factor = total - 1.0
        else:
            factor = total - reduce_sum(weights * cast(aweights, x.dtype)) / total
        centered = x - average
        out = matmul(centered * weights, centered, transpose_y=True) / factor
    return squeeze(out, [0, 1]) if out.shape[0] == 1 else out


def corrcoef(x, rowvar=True, name=None):
    """Pearson's correlation coefficients of the variables of x (cov divided
    by the standard deviations), limited to [-1, 1]."""
    c = cov(x, rowvar)
    if c.ndim == 0:
        return c / c
    spread = sqrt(diagonal(c))
    c = c / unsqueeze(spread, -1) / unsqueeze(spread, 0)
    return where(c > 1.0, 1.0, where(c < -1.0, -1.0, c))


# Top-level names (paddle.norm, paddle.inverse, ...); the others are only
# paddle.linalg's (dy2st/linalg.py).
LINALG_COMPOSITES = {fn.__name__: fn for fn in (
    matrix_transpose, vecdot, norm, inverse, cholesky)}
LINALG_ONLY = {fn.__name__: fn for fn in (
    vector_norm, matrix_norm, det, slogdet, solve, triangular_solve, cholesky_solve,
    cholesky_inverse, multi_dot, matrix_power, cov, corrcoef)}
