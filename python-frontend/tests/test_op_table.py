"""Every operation of the op table, eager against an independent numpy
computation and compiled against eager, with static and dynamic (InputSpec
None) shapes; and the table's own consistency."""
import functools
import itertools
import math
import pathlib
import subprocess
import sys

import numpy as np
import pytest

import dy2st as paddle
from dy2st.eager import optable
from dy2st.eager.composites import COMPOSITES
from dy2st.nn.functional import FUNCTIONS
from dy2st.linalg import FUNCTIONS as LINALG_FUNCTIONS
from dy2st.eager.primitives import KERNELS
from dy2st.static import InputSpec
import nn_references as ref

F = paddle.nn.functional
ROOT = pathlib.Path(__file__).resolve().parents[2]
rng = np.random.RandomState(7)
X = rng.randn(2, 3, 4).astype(np.float32)
P = (rng.rand(2, 3, 4) + 0.5).astype(np.float32)        # positive
U = (rng.rand(2, 3, 4) * 1.8 - 0.9).astype(np.float32)  # in (-1, 1)
I = rng.randint(-5, 6, size=(3, 4)).astype(np.int32)
# Shift counts: inside [0, 32) and past it on both sides.
COUNTS = np.array([[0, 1, 2, 31], [32, 33, -1, -2], [3, 4, 30, 5]], np.int32)
# Edge values (the fuzzer's): NaN, infinities, signed zeros, huge and tiny.
EDGE = np.array([np.nan, -np.inf, np.inf, -0.0, 0.0, 1e30, -1e30, 1e-38, -2.5, 0.5],
                np.float32)
# Distinct values per row: Paddle's topk orders equal values its own way.
D = np.argsort(rng.rand(4, 3), axis=0).astype(np.int32)


class Fixed(np.ndarray):
    """An input whose shape stays static in the dynamic-shape tests (a weight)."""


IMG = rng.randn(2, 4, 7, 6).astype(np.float32)
KER = rng.randn(6, 4, 3, 3).astype(np.float32).view(Fixed)
nn_rng = np.random.RandomState(11)
SEQ = nn_rng.randn(2, 4, 9).astype(np.float32)
KER1 = nn_rng.randn(6, 4, 3).astype(np.float32).view(Fixed)
VOL = nn_rng.randn(2, 4, 5, 6, 5).astype(np.float32)
KER3 = nn_rng.randn(6, 4, 3, 2, 3).astype(np.float32).view(Fixed)
# Transposed kernels: [in_channels, out_channels / groups, *kernel].
KERT = nn_rng.randn(4, 3, 3, 2).astype(np.float32).view(Fixed)
TREE_IDS = nn_rng.randint(0, 20, size=(5, 2, 3)).astype(np.int64)
TREE_PARENTS = nn_rng.randint(0, 3, size=(5, 2, 3)).astype(np.int64).view(Fixed)
KERT1 = nn_rng.randn(4, 2, 4).astype(np.float32).view(Fixed)
KERT3 = nn_rng.randn(4, 3, 2, 3, 2).astype(np.float32).view(Fixed)
I3 = np.full((3, 4), -3, np.int32)
# X with NaNs, and numbers near EDGE's (equal, within tolerance, or not).
XN = X.copy()
XN[0, 1, 2] = XN[1, 2, 0] = XN[1, 2, 3] = np.nan
NEAR_EDGE = np.array([np.nan, -np.inf, 1e30, -0.0, 1e-9, 1.00001e30, -1e30, 0.0, -2.50001, 0.6],
                     np.float32)
L = np.array([[1, 0, 2], [2, 2, 1]], np.int64)
QUERY = rng.randn(2, 5, 4, 8).astype(np.float32)
KEYS = rng.randn(2, 7, 4, 8).astype(np.float32)
ATTN_BIAS = rng.randn(2, 4, 5, 7).astype(np.float32)
THETA = (rng.randn(2, 2, 3) * 0.4 + [[1, 0, 0], [0, 1, 0]]).astype(np.float32)
grid_rng = np.random.RandomState(7)
THETA3 = (grid_rng.randn(2, 3, 4) * 0.4 + np.eye(3, 4)).astype(np.float32)
# Sampling positions reaching past the input on every side (the padding modes).
WIDE_GRID = (grid_rng.rand(2, 3, 4, 2) * 5 - 2.5).astype(np.float32)
WIDE_GRID3 = (grid_rng.rand(2, 2, 3, 2, 3) * 5 - 2.5).astype(np.float32)
SIGN = np.sign(U).astype(np.float32)
LABEL01 = (U > 0).astype(np.float32)
DICE_LABEL = (rng.rand(2, 3, 1) * 4).astype(np.int64)
BILINEAR_W = rng.randn(2, 3, 4).astype(np.float32).view(Fixed)
margin_rng = np.random.RandomState(17)
MARGIN_X = margin_rng.randn(4, 5).astype(np.float32)
MARGIN_LABEL = np.array([0, 3, 4, 1], np.int64)
MARGIN_W = margin_rng.rand(5).astype(np.float32).view(Fixed)
# Targets end at the first -1; a row of none; a target named twice counts twice.
MULTI_LABELS = np.array([[3, 0, -1, 1, 2], [1, 2, 4, 3, 0], [-1, 1, 1, 1, 1], [2, 2, -1, 0, 0]],
                        np.int64)
NPAIR_LABELS = np.array([1, 2, 1, 3], np.int64)
# An image of another size, whose shape a resize reads at run time.
IMG_TARGET = rng.randn(2, 1, 11, 5).astype(np.float32)
# Square matrices (made well-conditioned in the cases), right-hand sides, samples.
SQUARE = rng.randn(2, 4, 4).astype(np.float32)
RHS = rng.randn(2, 4, 3).astype(np.float32)
SAMPLES = rng.randn(3, 6).astype(np.float32).view(Fixed)
WEIGHTS = rng.rand(6).astype(np.float32).view(Fixed)
EYE4 = np.eye(4, dtype=np.float32)
UNIQUE_IDS = np.array([[3, 1, 3, 0], [5, 1, 2, 2]], np.int64)
UNIQUE_ROWS = np.array([[2, 1, 3], [3, 0, 1], [2, 1, 3], [0, 5, 5], [3, 0, 1]], np.int64)
TIES = rng.randint(0, 3, size=(2, 3, 5)).astype(np.float32)    # many equal values
SPARSE_PROBS = np.array([[0, 0, 1, 0], [3, 0, 0, 1]], np.float32)  # draws known in advance
SPD = SQUARE @ np.swapaxes(SQUARE, 1, 2) + 4 * EYE4     # symmetric positive-definite
GCD_A = np.array([[12, -18, 0, 7], [35, 0, 9, -4]], np.int64)
GCD_B = np.array([[8, 12, 5, 0], [21, 0, -6, 6]], np.int64)
EXPONENTS = rng.randint(-4, 5, size=(2, 3, 4)).astype(np.int32)
M34 = rng.randn(3, 4).astype(np.float32)
DIAG3 = rng.randn(3).astype(np.float32)
COLUMN = rng.randn(3, 2).astype(np.float32)
ROW4 = rng.randn(4).astype(np.float32).view(Fixed)
V5 = rng.randn(5).astype(np.float32)
TARGETS = np.array([[0, 1, 2, 0], [1, 1, 0, 0]], np.int64).view(Fixed)
SOURCES = rng.randn(2, 4).astype(np.float32)
RUNS = np.array([[1, 1, 2, 2], [3, 1, 1, 2]], np.int64)
LABELS = np.array([[16], [1], [10], [19]], np.int64)
ROW = rng.randn(1, 3, 4).astype(np.float32).view(Fixed)
DURATIONS = np.array([2, 0, 3], np.int64)
# A graph of 5 nodes and 6 edges (node 4 only sends), edge weights, and
# sorted segment ids that skip segment 1.
GRAPH_X = rng.randn(5, 3).astype(np.float32)
GRAPH_INTS = rng.randint(-9, 10, size=(5, 3)).astype(np.int32)
EDGE_SRC = np.array([0, 1, 2, 0, 4, 4], np.int64)
EDGE_DST = np.array([1, 2, 1, 0, 1, 3], np.int64)
EDGE_W = (rng.rand(6, 1) + 0.5).astype(np.float32)
SEGMENT_IDS = np.array([0, 0, 2, 2, 3], np.int64)
# CTC: logits [T, B, C], padded labels (the second's repeats need 5 steps), lengths.
CTC_LOGITS = rng.randn(9, 3, 5).astype(np.float32)
CTC_LABELS = np.array([[1, 2, 2, 3], [4, 4, 4, 0], [3, 1, 9, -1]], np.int32)
CTC_INPUT_LENGTHS = np.array([9, 5, 7], np.int64)
CTC_LABEL_LENGTHS = np.array([4, 3, 2], np.int64)

# Complex tensors and signals for the Fourier transforms (their own stream,
# so that the arrays above keep their values).
complex_rng = np.random.RandomState(13)
Z = (X + 1j * U).astype(np.complex64)
Z2 = (P - 1j * X).astype(np.complex64)
ZI = (X + 1j * (U > 0)).astype(np.complex64)   # some imaginary parts 0
PAIRS = complex_rng.randn(3, 4, 2).astype(np.float32)
SIG = complex_rng.randn(3, 10).astype(np.float32)
SIG64 = complex_rng.randn(4, 7)
SPEC = (complex_rng.randn(3, 6) + 1j * complex_rng.randn(3, 6)).astype(np.complex64)
SIG_INTS = complex_rng.randint(-4, 5, size=(2, 6)).astype(np.int64)
WAVES = complex_rng.randn(2, 40).astype(np.float32)
HANN = np.hanning(18)[1:-1].astype(np.float32).view(Fixed)   # 16 points, none 0
FRAMES = complex_rng.randn(2, 6, 5).astype(np.float32)

_erf = np.vectorize(math.erf)


def _erfinv(x):
    """erf's inverse by bisection on math.erf (in float64)."""
    def one(v):
        low, high = -10.0, 10.0
        for _ in range(200):
            mid = (low + high) / 2
            low, high = (mid, high) if math.erf(mid) < v else (low, mid)
        return (low + high) / 2
    return np.vectorize(one)(x.astype(np.float64)).astype(x.dtype)


def _lgamma(x):
    return np.vectorize(math.lgamma)(x.astype(np.float64)).astype(x.dtype)


def _digamma(x):
    """lgamma's derivative by central differences (in float64)."""
    h = 1e-6
    v = x.astype(np.float64)
    return ((_lgamma(v + h) - _lgamma(v - h)) / (2 * h)).astype(x.dtype)


def _i1(x):
    """I1 by its power series, the sum over k of (x/2)^(2k+1) / (k! (k+1)!)."""
    def one(v):
        return sum((v / 2) ** (2 * k + 1) / (math.factorial(k) * math.factorial(k + 1))
                   for k in range(60))
    return np.vectorize(one)(x.astype(np.float64)).astype(x.dtype)


def _polygamma(x, n):
    """(-1)^(n+1) n! ζ(n + 1, x): 1000 terms of the sum, then its
    Euler-Maclaurin tail (three terms), in float64."""
    s, v = n + 1, x.astype(np.float64)
    terms = np.arange(1000)[:, None] + v.ravel()[None, :]
    far = v.ravel() + 1000
    zeta = (terms ** -s).sum(0) + far ** (1 - s) / (s - 1) + far ** -s / 2 + s * far ** (-s - 1) / 12
    return ((-1) ** (n + 1) * math.factorial(n) * zeta).reshape(x.shape).astype(x.dtype)


def _nearest_quantile(x, q):
    """Paddle's 'nearest': the value at the rank rounded half away from zero."""
    values = np.sort(x.transpose(1, 0, 2).reshape(x.shape[1], -1), axis=1)
    rank = int(math.floor(q * (values.shape[1] - 1) + 0.5))
    return values[:, rank].reshape(1, -1, 1)


def _cumulative(x, axis, pick):
    """The running extreme along `axis` and the last position holding it."""
    best = pick.accumulate(x, axis=axis)
    moved, running = np.moveaxis(x, axis, -1), np.moveaxis(best, axis, -1)
    index = np.zeros(moved.shape, np.int64)
    for i in range(moved.shape[-1]):
        hits = moved[..., :i + 1] == running[..., i:i + 1]
        index[..., i] = i - np.argmax(hits[..., ::-1], axis=-1)
    return best, np.moveaxis(index, -1, axis)


def _mode(x, axis):
    """The most frequent value along `axis` (the smallest of equally
    frequent ones) and its last position."""
    moved = np.moveaxis(x, axis, -1)
    values = np.zeros(moved.shape[:-1], x.dtype)
    index = np.zeros(moved.shape[:-1], np.int64)
    for where in np.ndindex(*moved.shape[:-1]):
        row = list(moved[where])
        value = min(row, key=lambda v: (-row.count(v), v))
        values[where], index[where] = value, len(row) - 1 - row[::-1].index(value)
    return values, index


def _with(x, index, value):
    """x with x[index] = value (a copy)."""
    out = x.copy()
    out[index] = value
    return out


def _with_diagonal(m, d, offset):
    out = m.copy()
    for k in range(len(d)):
        if 0 <= k + offset < m.shape[1]:
            out[k, k + offset] = d[k]
    return out


def _scatter_reduce(x, index, src, reduce, include_self):
    """torch's scatter_reduce along axis 0, element by element."""
    out = x.astype(np.float64).copy()
    hits = {}
    for (i, j), target in np.ndenumerate(index):
        hits.setdefault((target, j), []).append(float(src[i, j]))
    for (t, j), values in hits.items():
        values = ([out[t, j]] if include_self else []) + values
        if reduce == "mean":
            out[t, j] = sum(values) / len(values)
        else:
            out[t, j] = functools.reduce(reduce, values)
    return out.astype(x.dtype)


def _block_diag(matrices):
    rows, cols = sum(m.shape[0] for m in matrices), sum(m.shape[1] for m in matrices)
    out = np.zeros((rows, cols), matrices[0].dtype)
    r = c = 0
    for m in matrices:
        out[r:r + m.shape[0], c:c + m.shape[1]] = m
        r, c = r + m.shape[0], c + m.shape[1]
    return out


def _nanmedian_min(x):
    """The lower middle of the values that are not NaN along the last axis,
    and its position (the first among equal values)."""
    values, positions = np.zeros(x.shape[:-1], x.dtype), np.zeros(x.shape[:-1], np.int64)
    for at in np.ndindex(*x.shape[:-1]):
        row = x[at]
        order = [i for i in np.argsort(row, kind="stable") if not np.isnan(row[i])]
        pick = order[(len(order) - 1) // 2]
        values[at], positions[at] = row[pick], pick
    return values, positions


def _pdist(m, p):
    n = m.shape[0]
    return np.array([(np.abs(m[i] - m[j]) ** p).sum() ** (1 / p)
                     for i in range(n) for j in range(i + 1, n)], np.float32)


def _max_pool_with_mask(x, kernel, stride, pads, ceil_mode):
    """Max pooling of NCHW or NCDHW by windows, and each maximum's index in
    its plane or volume (the first one in row order)."""
    spatial = x.shape[2:]
    sizes = []
    for size, k, s, p in zip(spatial, kernel, stride, pads):
        span = size + 2 * p - k
        sizes.append(-(-span // s) + 1 if ceil_mode else span // s + 1)
    out = np.zeros(x.shape[:2] + tuple(sizes), x.dtype)
    mask = np.zeros(x.shape[:2] + tuple(sizes), np.int32)
    for cell in np.ndindex(*sizes):
        firsts = [i * s - p for i, s, p in zip(cell, stride, pads)]
        ranges = [range(max(f, 0), min(f + k, n)) for f, k, n in zip(firsts, kernel, spatial)]
        points = list(itertools.product(*ranges))
        at = (slice(None), slice(None)) + cell
        if not points:
            # A window entirely in padding (Paddle's: the lowest float, mask -1).
            out[at], mask[at] = np.finfo(x.dtype).min, -1
            continue
        values = np.stack([x[(slice(None), slice(None)) + p] for p in points], -1)
        out[at] = values.max(-1)
        mask[at] = np.array([np.ravel_multi_index(p, spatial) for p in points])[values.argmax(-1)]
    return out, mask


def _adaptive_max_with_mask(x, sizes):
    """Adaptive max pooling by cells ([floor(i n / size), ceil((i + 1) n / size))
    along each axis) and each maximum's index in the input's plane or volume."""
    spatial = x.shape[2:]
    out = np.zeros(x.shape[:2] + tuple(sizes), x.dtype)
    mask = np.zeros(x.shape[:2] + tuple(sizes), np.int32)
    for cell in np.ndindex(*sizes):
        ranges = [range(i * n // o, -(-(i + 1) * n // o)) for i, n, o in zip(cell, spatial, sizes)]
        points = list(itertools.product(*ranges))
        values = np.stack([x[(slice(None), slice(None)) + p] for p in points], -1)
        at = (slice(None), slice(None)) + cell
        out[at] = values.max(-1)
        mask[at] = np.array([np.ravel_multi_index(p, spatial) for p in points])[values.argmax(-1)]
    return out, mask


def _unique_slices(x, axis, **returns):
    """np.unique over `axis` with the slices compared as Paddle's kernel reads
    them (the axis swapped with the first; NumPy moves it to the front)."""
    swapped = np.unique(np.swapaxes(x, 0, axis), axis=0, **returns)
    swapped = swapped if returns else (swapped,)
    return (np.swapaxes(swapped[0], 0, axis),) + tuple(a.astype(np.int64) for a in swapped[1:])


def _unpool(values, mask, size):
    n, c = values.shape[:2]
    out = np.zeros((n, c, int(np.prod(size))), values.dtype)
    np.put_along_axis(out, mask.reshape(n, c, -1).astype(np.int64), values.reshape(n, c, -1), 2)
    return out.reshape(n, c, *size)


def _paddle_argmax_rows(x, better):
    """Paddle's argmax/argmin of each row: the first best number, NaN never
    best unless all are NaN (index 0)."""
    out = []
    for row in x:
        numbers = [i for i, v in enumerate(row) if not math.isnan(v)]
        best = numbers[0] if numbers else 0
        for i in numbers:
            if better(row[i], row[best]):
                best = i
        out.append(best)
    return np.array(out, np.int64)

# (name, function, numpy reference, inputs); the name is the table entry or
# composite the case covers.
CASES = [
    # Random numbers differ between eager and compiled code (their streams
    # do): these cases give what does not depend on them — bounds, a zero
    # deviation, the one integer of a range, probabilities 0 and 1.
    ("uniform", lambda x: paddle.abs(paddle.uniform(x.shape, min=-2.0, max=3.0) - 0.5) <= 2.5,
     lambda x: np.ones(x.shape, bool), [X]),
    ("rand", lambda x: paddle.abs(paddle.rand(x.shape, "float64") - 0.5) <= 0.5,
     lambda x: np.ones(x.shape, bool), [X]),
    # (real Paddle has gaussian as paddle.tensor.random.gaussian: through normal)
    ("gaussian", lambda x: paddle.normal(5.0, 0.0, x.shape),
     lambda x: np.full(x.shape, 5.0, np.float32), [X]),
    ("randn", lambda x: paddle.randn(x.shape) * 0.0 + x, lambda x: x, [X]),
    ("standard_normal", lambda x: paddle.standard_normal(x.shape, "float64") * 0.0,
     lambda x: np.zeros(x.shape), [X]),
    ("normal", lambda x: paddle.normal(x, 0.0), lambda x: x, [X]),
    ("randint", lambda x: paddle.randint(2, 3, x.shape), lambda x: np.full(x.shape, 2), [X]),
    ("bernoulli", lambda x: paddle.bernoulli(paddle.cast(x > 0, "float32")),
     lambda x: (x > 0).astype(np.float32), [X]),
    ("exp", lambda x: paddle.exp(x), np.exp, [X]),
    ("expm1", lambda x: paddle.expm1(x), np.expm1, [X]),
    ("log", lambda x: paddle.log(x), np.log, [P]),
    ("log2", lambda x: paddle.log2(x), np.log2, [P]),
    ("log10", lambda x: paddle.log10(x), np.log10, [P]),
    ("log1p", lambda x: paddle.log1p(x), np.log1p, [P]),
    ("sqrt", lambda x: paddle.sqrt(x), np.sqrt, [P]),
    ("rsqrt", lambda x: paddle.rsqrt(x), lambda x: 1 / np.sqrt(x), [P]),
    ("sin", lambda x: paddle.sin(x), np.sin, [X]),
    ("cos", lambda x: paddle.cos(x), np.cos, [X]),
    ("tan", lambda x: paddle.tan(x), np.tan, [U]),
    ("asin", lambda x: paddle.asin(x), np.arcsin, [U]),
    ("acos", lambda x: paddle.acos(x), np.arccos, [U]),
    ("atan", lambda x: paddle.atan(x), np.arctan, [X]),
    ("sinh", lambda x: paddle.sinh(x), np.sinh, [X]),
    ("cosh", lambda x: paddle.cosh(x), np.cosh, [X]),
    ("tanh", lambda x: paddle.tanh(x), np.tanh, [X]),
    ("asinh", lambda x: paddle.asinh(x), np.arcsinh, [X]),
    ("acosh", lambda x: paddle.acosh(x + 1.0), lambda x: np.arccosh(x + 1), [P]),
    ("atanh", lambda x: paddle.atanh(x), np.arctanh, [U]),
    ("erf", lambda x: paddle.erf(x), lambda x: _erf(x).astype(np.float32), [X]),
    ("sigmoid", lambda x: paddle.sigmoid(x), lambda x: 1 / (1 + np.exp(-x)), [X]),
    ("reciprocal", lambda x: paddle.reciprocal(x), lambda x: 1 / x, [P]),
    ("floor", lambda x: paddle.floor(x * 3.0), lambda x: np.floor(x * 3), [X]),
    ("ceil", lambda x: paddle.ceil(x * 3.0), lambda x: np.ceil(x * 3), [X]),
    ("round", lambda x: paddle.round(x * 3.0), lambda x: np.round(x * 3), [X]),
    ("trunc", lambda x: paddle.trunc(x * 3.0), lambda x: np.trunc(x * 3), [X]),
    ("abs", lambda x: paddle.abs(x), np.abs, [I]),
    ("neg", lambda x: paddle.neg(x), np.negative, [I]),
    ("sign", lambda x: paddle.sign(x), np.sign, [X]),
    ("square", lambda x: paddle.square(x), np.square, [I]),
    ("relu", lambda x: paddle.nn.functional.relu(x), lambda x: np.maximum(x, 0), [X]),
    ("relu", lambda x: paddle.nn.functional.relu(x), lambda x: np.where(x > 0, x, 0), [EDGE]),
    ("exp", lambda x: paddle.exp(x), np.exp, [EDGE]),
    ("log", lambda x: paddle.log(x), np.log, [EDGE]),
    ("log2", lambda x: paddle.log2(x), np.log2, [EDGE]),
    ("log1p", lambda x: paddle.log1p(x), np.log1p, [EDGE]),
    ("expm1", lambda x: paddle.expm1(x), np.expm1, [EDGE]),
    ("sqrt", lambda x: paddle.sqrt(x), np.sqrt, [EDGE]),
    ("rsqrt", lambda x: paddle.rsqrt(x), lambda x: 1 / np.sqrt(x), [EDGE]),
    ("erf", lambda x: paddle.erf(x), _erf, [EDGE]),
    ("atan", lambda x: paddle.atan(x), np.arctan, [EDGE]),
    ("sinh", lambda x: paddle.sinh(x), np.sinh, [EDGE]),
    ("cosh", lambda x: paddle.cosh(x), np.cosh, [EDGE]),
    ("asinh", lambda x: paddle.asinh(x), np.arcsinh, [EDGE]),
    ("round", lambda x: paddle.round(x), np.round, [EDGE]),
    ("atan2", lambda x: paddle.atan2(x, x[::-1]), lambda x: np.arctan2(x, x[::-1]), [EDGE]),
    ("atan2", lambda x: paddle.atan2(x, x), lambda x: np.arctan2(x, x), [EDGE]),
    ("tanh", lambda x: paddle.tanh(x), np.tanh, [EDGE]),
    ("sigmoid", lambda x: paddle.nn.functional.sigmoid(x), lambda x: 1 / (1 + np.exp(-x)), [EDGE]),
    ("sign", lambda x: paddle.sign(x), np.sign, [EDGE]),
    ("floor", lambda x: paddle.floor(x), np.floor, [EDGE]),
    ("abs", lambda x: paddle.abs(x), np.abs, [EDGE]),
    ("maximum", lambda x: paddle.maximum(x, x[::-1]), lambda x: np.maximum(x, x[::-1]), [EDGE]),
    ("argmax", lambda x: paddle.argmax(paddle.reshape(x, [2, 5]), axis=1),
     lambda x: _paddle_argmax_rows(x.reshape(2, 5), lambda a, b: a > b), [EDGE]),
    ("argmin", lambda x: paddle.argmin(paddle.reshape(x, [5, 2]), axis=1),
     lambda x: _paddle_argmax_rows(x.reshape(5, 2), lambda a, b: a < b), [EDGE]),
    ("cast", lambda x: paddle.cast(x, "int64"), lambda x: x.astype(np.int64), [EDGE]),
    ("cast", lambda x: paddle.cast(x, "int32"), lambda x: x.astype(np.int32), [EDGE]),
    ("floor_divide", lambda x: paddle.floor_divide(x, x[::-1]),
     lambda x: np.floor_divide(x, x[::-1]), [EDGE]),
    ("remainder", lambda x: paddle.remainder(x, x[::-1]), lambda x: np.remainder(x, x[::-1]),
     [EDGE]),
    # A zero remainder has the divisor's sign: its reciprocal shows it.
    ("remainder", lambda x: 1.0 / paddle.remainder(x * 0.0, x[::-1]),
     lambda x: 1 / np.remainder(x * 0, x[::-1]), [EDGE]),
    ("bitwise_not", lambda x: paddle.bitwise_not(x), np.invert, [I]),
    ("isnan", lambda x: paddle.isnan(paddle.log(x)), lambda x: np.isnan(np.log(x)), [X]),
    ("isinf", lambda x: paddle.isinf(1.0 / (x * 0.0)), lambda x: np.isinf(1 / (x * 0)), [X]),
    ("isfinite", lambda x: paddle.isfinite(paddle.log(x)), lambda x: np.isfinite(np.log(x)), [X]),
    ("logical_not", lambda x: paddle.logical_not(x > 0), lambda x: ~(x > 0), [X]),
    ("add", lambda x, y: paddle.add(x, y), np.add, [X, P]),
    ("subtract", lambda x, y: paddle.subtract(x, y), np.subtract, [X, P]),
    ("multiply", lambda x, y: paddle.multiply(x, y), np.multiply, [X, P]),
    ("divide", lambda x, y: paddle.divide(x, y), np.divide, [X, P]),
    ("floor_divide", lambda x, y: paddle.floor_divide(x, y), lambda x, y: x // y, [I, I3]),
    ("remainder", lambda x, y: paddle.remainder(x, y), np.mod, [X, P]),
    ("pow", lambda x, y: paddle.pow(x, y), np.power, [P, X]),
    ("maximum", lambda x, y: paddle.maximum(x, y), np.maximum, [X, P]),
    ("minimum", lambda x, y: paddle.minimum(x, y), np.minimum, [X, P]),
    ("atan2", lambda x, y: paddle.atan2(x, y), np.arctan2, [X, U]),
    ("equal", lambda x: paddle.equal(x, 1), lambda x: x == 1, [I]),
    ("not_equal", lambda x, y: paddle.not_equal(x, y), lambda x, y: x != y, [I, I3]),
    ("less_than", lambda x, y: paddle.less_than(x, y), np.less, [X, U]),
    ("less_equal", lambda x, y: paddle.less_equal(x, y), np.less_equal, [X, U]),
    ("greater_than", lambda x, y: paddle.greater_than(x, y), np.greater, [X, U]),
    ("greater_equal", lambda x, y: paddle.greater_equal(x, y), np.greater_equal, [X, U]),
    ("logical_and", lambda x, y: paddle.logical_and(x > 0, y > 0),
     lambda x, y: (x > 0) & (y > 0), [X, U]),
    ("logical_or", lambda x, y: paddle.logical_or(x > 0, y > 0),
     lambda x, y: (x > 0) | (y > 0), [X, U]),
    ("logical_xor", lambda x, y: paddle.logical_xor(x > 0, y > 0),
     lambda x, y: (x > 0) ^ (y > 0), [X, U]),
    ("bitwise_and", lambda x: paddle.bitwise_and(x, x + 3), lambda x: x & (x + 3), [I]),
    ("bitwise_or", lambda x: paddle.bitwise_or(x, x + 3), lambda x: x | (x + 3), [I]),
    ("bitwise_xor", lambda x: paddle.bitwise_xor(x, x + 3), lambda x: x ^ (x + 3), [I]),
    ("bitwise_left_shift", lambda x, c: paddle.bitwise_left_shift(x * 1000 + 7, c),
     lambda x, c: _shifted(x * 1000 + 7, c, "left"), [I, COUNTS]),
    ("bitwise_left_shift", lambda x, c: 3 << c, lambda x, c: _shifted(x * 0 + 3, c, "left"),
     [I, COUNTS]),
    ("bitwise_right_shift", lambda x, c: paddle.bitwise_right_shift(x * 1000 + 7, c),
     lambda x, c: _shifted(x * 1000 + 7, c, "arithmetic"), [I, COUNTS]),
    ("bitwise_right_shift", lambda x, c: paddle.bitwise_right_shift(x * 1000 + 7, c, False),
     lambda x, c: _shifted(x * 1000 + 7, c, "logical"), [I, COUNTS]),
    ("bitwise_right_shift", lambda x: (x - 2) >> 1, lambda x: (x - 2) >> 1, [I]),
    ("where", lambda x, y: paddle.where(x > y, x, y), lambda x, y: np.where(x > y, x, y), [X, U]),
    ("cast", lambda x: paddle.cast(x, "int32"), lambda x: x.astype(np.int32), [X]),
    ("matmul", lambda x, y: paddle.matmul(x, y, transpose_y=True),
     lambda x, y: x @ np.swapaxes(y, -1, -2), [X, P]),
    ("matmul", lambda x: paddle.matmul(x[0], x[1, 0]), lambda x: x[0] @ x[1, 0], [X]),
    ("sum", lambda x: paddle.sum(x, axis=[0, 2], keepdim=True),
     lambda x: x.sum(axis=(0, 2), keepdims=True), [X]),
    ("mean", lambda x: paddle.mean(x, axis=-1), lambda x: x.mean(axis=-1), [X]),
    ("max", lambda x: paddle.max(x, axis=1), lambda x: x.max(axis=1), [X]),
    ("min", lambda x: paddle.min(x), lambda x: x.min(), [X]),
    ("prod", lambda x: paddle.prod(x, axis=0), lambda x: x.prod(axis=0), [P]),
    ("all", lambda x: paddle.all(x > -1, axis=1), lambda x: (x > -1).all(axis=1), [X]),
    ("any", lambda x: paddle.any(x > 1, axis=[0, 1], keepdim=True),
     lambda x: (x > 1).any(axis=(0, 1), keepdims=True), [X]),
    ("argmax", lambda x: paddle.argmax(x, axis=-1), lambda x: x.argmax(axis=-1), [X]),
    ("argmin", lambda x: paddle.argmin(x, keepdim=True),
     lambda x: x.reshape(-1).argmin().reshape(1, 1, 1), [X]),
    ("einsum", lambda x, y: paddle.einsum("bij,bkj->bik", x, y),
     lambda x, y: np.einsum("bij,bkj->bik", x, y), [X, P]),
    ("einsum", lambda x: paddle.einsum("ijk", x[0:1]) + paddle.einsum("bii->b", x[:, :, :3]).sum(),
     lambda x: x[0:1] + np.einsum("bii->b", x[:, :, :3]).sum(), [X]),
    # '...': batch dimensions of their own letters, aligned at the end; a size 1
    # of them broadcasts; an implicit output puts them first.
    # (A size 1 known only when running does not broadcast: ROW's is fixed.)
    ("einsum", lambda x, y, r: (paddle.einsum("...ij,...kj->...ik", x, y),
                                paddle.einsum("...j,kj", x, y[0]),
                                paddle.einsum("b...j,...kj->b...k", x, r),
                                paddle.einsum("...n,d->...nd", x[0], x[0, 0])),
     lambda x, y, r: (np.einsum("...ij,...kj->...ik", x, y), np.einsum("...j,kj", x, y[0]),
                      np.einsum("b...j,...kj->b...k", x, r),
                      np.einsum("...n,d->...nd", x[0], x[0, 0])), [X, P, ROW]),
    ("conv2d", lambda x, w: F.conv2d(x, w, w[:, 0, 0, 0], stride=2, padding=1),
     lambda x, w: _conv_ref(x, w, 2, 1, 1, 1) + w[:, 0, 0, 0].reshape(1, -1, 1, 1), [IMG, KER]),
    ("conv2d", lambda x, w: F.conv2d(x, w[:, :2], padding="SAME", dilation=2, groups=2),
     lambda x, w: _conv_ref(x, w[:, :2], 1, 1, 1, 2), [IMG, KER]),
    ("max_pool2d", lambda x: F.max_pool2d(x, 3, 2, padding=1, ceil_mode=True),
     lambda x: _pool_ref(x, 3, 2, 1, True, np.max), [IMG]),
    # Padding names in any case, as Paddle reads them (PaddleSeg writes 'same').
    ("conv2d", lambda x, w: (F.conv2d(x, w, padding="same"), F.conv2d(x, w, padding="valid",
                                                                      stride=2)),
     lambda x, w: (_conv_ref(x, w, 1, 1, 1, 1), _conv_ref(x, w, 2, 0, 1, 1)), [IMG, KER]),
    ("max_pool2d", lambda x: F.max_pool2d(x, 3, 1, padding="same"),
     lambda x: _pool_ref(x, 3, 1, 1, False, np.max), [IMG]),
    ("avg_pool2d", lambda x: F.avg_pool2d(x, 2), lambda x: _pool_ref(x, 2, 2, 0, False, np.mean),
     [IMG]),
    # A last window (ceil_mode) that starts past the input: Paddle keeps it.
    ("max_pool2d", lambda x: F.max_pool2d(x, 2, 2, 1, ceil_mode=True),
     lambda x: _pool_ref(x, 2, 2, 1, True, np.max), [IMG]),
    ("avg_pool2d", lambda x: (F.avg_pool2d(x, 2, 2, 1, ceil_mode=True),
                              F.avg_pool2d(x, 2, 2, 1, ceil_mode=True, exclusive=False)),
     lambda x: (_pool_ref(x, 2, 2, 1, True, np.mean), _pool_ref(x, 2, 2, 1, True, np.sum) / 4),
     [IMG]),
    ("max_pool2d", lambda x: F.max_pool2d(x, 2, 2, 1, return_mask=True, ceil_mode=True),
     lambda x: _max_pool_with_mask(x, [2, 2], [2, 2], [1, 1], True), [IMG]),
    ("avg_pool2d", lambda x: F.avg_pool2d(x, 3, 2, padding=1, exclusive=False),
     lambda x: _pool_ref(x, 3, 2, 1, False, np.sum) / 9, [IMG]),
    ("adaptive_avg_pool2d", lambda x: F.adaptive_avg_pool2d(x, [3, 2]),
     lambda x: _adaptive_ref(x, 3, 2, np.mean), [IMG]),
    ("adaptive_max_pool2d", lambda x: F.adaptive_max_pool2d(x, 4),
     lambda x: _adaptive_ref(x, 4, 4, np.max), [IMG]),
    ("conv1d", lambda x, w: F.conv1d(x, w, w[:, 0, 0], stride=2, padding=1),
     lambda x, w: ref.conv(x, w, [2], [(1, 1)], [1], 1) + w[:, 0, 0].reshape(1, -1, 1),
     [SEQ, KER1]),
    ("conv1d", lambda x, w: F.conv1d(x, w[:, :2], padding="SAME", dilation=2, groups=2),
     lambda x, w: ref.conv(x, w[:, :2], [1], [(1, 1)], [1], 2), [SEQ, KER1]),
    ("conv1d", lambda x, w: F.conv1d(x, w, padding=[2, 0], dilation=3),
     lambda x, w: ref.conv(x, w, [1], [(2, 0)], [3], 1), [SEQ, KER1]),
    ("conv3d", lambda x, w: F.conv3d(x, w, w[:, 0, 0, 0, 0], stride=[1, 2, 1], padding=1),
     lambda x, w: ref.conv(x, w, [1, 2, 1], [(1, 1)] * 3, [1, 1, 1], 1)
     + w[:, 0, 0, 0, 0].reshape(1, -1, 1, 1, 1), [VOL, KER3]),
    ("conv3d", lambda x, w: F.conv3d(x, w[:, :2], padding=[0, 1, 2], dilation=[2, 1, 1],
                                     groups=2),
     lambda x, w: ref.conv(x, w[:, :2], [1, 1, 1], [(0, 0), (1, 1), (2, 2)], [2, 1, 1], 2),
     [VOL, KER3]),
    ("conv2d_transpose", lambda x, w: F.conv2d_transpose(x, w, w[0, :, 0, 0], stride=2,
                                                         padding=1, output_padding=1),
     lambda x, w: ref.conv_transpose(x, w, [2, 2], [(1, 1)] * 2, [1, 1], 1, [1, 1])
     + w[0, :, 0, 0].reshape(1, -1, 1, 1), [IMG, KERT]),
    ("conv2d_transpose", lambda x, w: F.conv2d_transpose(x, w[:, :2], stride=[1, 3],
                                                         padding=[2, 0], dilation=2, groups=2),
     lambda x, w: ref.conv_transpose(x, w[:, :2], [1, 3], [(2, 2), (0, 0)], [2, 2], 2, [0, 0]),
     [IMG, KERT]),
    ("conv2d_transpose", lambda x, w: F.conv2d_transpose(x, w, stride=2, padding="SAME"),
     lambda x, w: ref.conv_transpose(x, w, [2, 2], [(1, 1), (0, 0)], [1, 1], 1, [0, 0]),
     [IMG, KERT]),
    ("conv2d_transpose", lambda x, w: F.conv2d_transpose(x, w, stride=3, output_size=[22, 18]),
     lambda x, w: ref.conv_transpose(x, w, [3, 3], [(0, 0)] * 2, [1, 1], 1, [1, 1]),
     [IMG, KERT]),
    ("conv1d_transpose", lambda x, w: F.conv1d_transpose(x, w, stride=3, padding=2,
                                                         output_padding=1),
     lambda x, w: ref.conv_transpose(x, w, [3], [(2, 2)], [1], 1, [1]), [SEQ, KERT1]),
    ("max_pool1d", lambda x: F.max_pool1d(x, 3, 2, padding=1),
     lambda x: np.stack([np.pad(x, [(0, 0), (0, 0), (1, 1)], constant_values=-np.inf)
                         [:, :, 2 * i:2 * i + 3].max(-1) for i in range(5)], -1), [SEQ]),
    ("avg_pool1d", lambda x: F.avg_pool1d(x, 2), lambda x: 0.5 * (x[:, :, 0:8:2] + x[:, :, 1:9:2]),
     [SEQ]),
    ("interpolate", lambda x: F.interpolate(x, scale_factor=2),
     lambda x: x.repeat(2, axis=2).repeat(2, axis=3), [IMG]),
    ("interpolate", lambda x: F.interpolate(x, size=[5, 9], mode="nearest"),
     lambda x: ref.interpolate(x, [5, 9], "nearest"), [IMG]),
    ("interpolate", lambda x: F.interpolate(x, size=[10, 4], mode="bilinear",
                                            align_corners=True),
     lambda x: ref.interpolate(x, [10, 4], "bilinear", align_corners=True), [IMG]),
    ("interpolate", lambda x: F.interpolate(x, scale_factor=[1.5, 2.5], mode="bilinear"),
     lambda x: ref.interpolate(x, [10, 15], "bilinear", scales=[1.5, 2.5]), [IMG]),
    ("interpolate", lambda x: F.interpolate(x, size=[3, 11], mode="bilinear", align_mode=1),
     lambda x: ref.interpolate(x, [3, 11], "bilinear", align_mode=1), [IMG]),
    ("interpolate", lambda x: F.interpolate(x, size=[13], mode="linear", data_format="NCW"),
     lambda x: ref.interpolate(x, [13], "linear"), [SEQ]),
    ("interpolate", lambda x: F.interpolate(x, size=[3, 7, 4], mode="trilinear"),
     lambda x: ref.interpolate(x, [3, 7, 4], "trilinear"), [VOL]),
    ("interpolate", lambda x: F.interpolate(x, size=[3, 3], mode="area"),
     lambda x: _adaptive_ref(x, 3, 3, np.mean), [IMG]),
    ("gather_tree", lambda ids, parents: F.gather_tree(ids, parents),
     lambda ids, parents: _gather_tree_ref(ids, parents), [TREE_IDS, TREE_PARENTS]),
    ("dropout", lambda x: F.dropout(x, 0.3, training=False) + F.dropout(x, 0.25, training=False,
                                                                      mode="downscale_in_infer"),
     lambda x: x + 0.75 * x, [X]),
    ("upsample", lambda x: F.upsample(x, scale_factor=3, mode="nearest"),
     lambda x: ref.interpolate(x, [21, 18], "nearest", scales=[3, 3]), [IMG]),
    ("cumsum", lambda x: paddle.cumsum(x, axis=1), lambda x: np.cumsum(x, axis=1), [X]),
    ("cumprod", lambda x: paddle.cumprod(x, dim=-1), lambda x: np.cumprod(x, axis=-1), [P]),
    ("reshape", lambda x: paddle.reshape(x, [0, -1]), lambda x: x.reshape(2, 12), [X]),
    ("transpose", lambda x: paddle.transpose(x, [2, 0, 1]), lambda x: x.transpose(2, 0, 1), [X]),
    ("unsqueeze", lambda x: paddle.unsqueeze(x, [0, 2]), lambda x: x.reshape(1, 2, 1, 3, 4), [X]),
    ("squeeze", lambda x: paddle.squeeze(x[:, :1], axis=1), lambda x: x[:, 0], [X]),
    ("flatten", lambda x: paddle.flatten(x, 1), lambda x: x.reshape(2, 12), [X]),
    ("broadcast_to", lambda x: paddle.broadcast_to(x[:, :1], [2, 3, 4]),
     lambda x: np.broadcast_to(x[:, :1], (2, 3, 4)), [X]),
    ("concat", lambda x, y: paddle.concat([x, y], axis=1), lambda x, y: np.concatenate([x, y], 1),
     [X, P]),
    ("stack", lambda x, y: paddle.stack([x, y], axis=-1), lambda x, y: np.stack([x, y], -1), [X, P]),
    ("flip", lambda x: paddle.flip(x, axis=[0, 2]), lambda x: x[::-1, :, ::-1], [X]),
    ("pad", lambda x: paddle.nn.functional.pad(x, [1, 0, 0, 2, 1, 1], value=-1.0),
     lambda x: np.pad(x, [(1, 0), (0, 2), (1, 1)], constant_values=-1), [X]),
    ("pad", lambda x: paddle.nn.functional.pad(x, [1, 2], mode="reflect"),
     lambda x: np.pad(x, [(0, 0), (0, 0), (1, 2)], mode="reflect"), [X]),
    ("pad", lambda x: paddle.nn.functional.pad(x[None], [1, 2, 2, 1], mode="replicate"),
     lambda x: np.pad(x[None], [(0, 0), (0, 0), (2, 1), (1, 2)], mode="edge"), [X]),
    ("pad", lambda x: paddle.nn.functional.pad(x, [2, 1], mode="circular", data_format="NLC"),
     lambda x: np.pad(x, [(0, 0), (2, 1), (0, 0)], mode="wrap"), [X]),
    # Constant padding given fewer amounts than dimensions (not the spatial
    # form's), or pad_from_left_axis=False: PyTorch's order, the first pair
    # for the last dimension.
    ("pad", lambda x: paddle.nn.functional.pad(x, [0, 0, 1, 0], data_format="NLC"),
     lambda x: np.pad(x, [(0, 0), (1, 0), (0, 0)]), [X]),
    ("pad", lambda x: paddle.nn.functional.pad(x[0], [2, 1], value=3.0),
     lambda x: np.pad(x[0], [(0, 0), (2, 1)], constant_values=3.0), [X]),
    ("pad", lambda x: paddle.nn.functional.pad(x, [1, 0, 0, 2, 3, 1], pad_from_left_axis=False),
     lambda x: np.pad(x, [(3, 1), (0, 2), (1, 0)]), [X]),
    # Negative amounts of the spatial form crop (Paddle's kernels read the
    # input at the index less the padding before it).
    ("pad", lambda x: paddle.nn.functional.pad(x, [-1, 2], value=0.5),
     lambda x: np.pad(x[:, :, 1:], [(0, 0), (0, 0), (0, 2)], constant_values=0.5), [X]),
    ("pad", lambda x: paddle.nn.functional.pad(x[None], [1, -2, -1, 1]),
     lambda x: np.pad(x[None][:, :, 1:, :-2], [(0, 0), (0, 0), (0, 1), (1, 0)]), [X]),
    ("pad", lambda x: paddle.nn.functional.pad(x[None], [-1, 2, 1, -1], mode="replicate"),
     lambda x: np.pad(x[None][:, :, :2, 1:], [(0, 0), (0, 0), (1, 0), (0, 2)], mode="edge"), [X]),
    ("strided_slice", lambda x: paddle.strided_slice(x, [1, 2], [-1, 3], [-4, 0], [-1, -2]),
     lambda x: x[:, -1:-4:-1, 3:0:-2], [X]),
    ("set_value", lambda x: paddle.set_value(x, 0.0, [1, 2], [0, -1], [2, 0], [1, -1]),
     lambda x: np.where(np.arange(3)[:, None] < 2, np.where(np.arange(4) > 0, 0, x), x), [X]),
    ("gather", lambda x, i: paddle.gather(x[0], i), lambda x, i: x[0][i.ravel()],
     [X, np.array([[2], [0]], np.int64)]),
    ("gather", lambda x: paddle.gather(x, paddle.to_tensor([2, 0, -1]), axis=1),
     lambda x: x[:, [2, 0, -1]], [X]),
    ("take_along_axis", lambda x, i: paddle.take_along_axis(x, i, axis=1),
     lambda x, i: np.take_along_axis(x, i, axis=1), [X[:, :, 0], L]),
    ("zeros", lambda x: paddle.zeros([x.shape[0], 3], "int32"),
     lambda x: np.zeros((x.shape[0], 3), np.int32), [X]),
    ("ones", lambda x: paddle.ones([2]), lambda x: np.ones(2, np.float32), [X]),
    ("full", lambda x: paddle.full([x.shape[1], 2], 1.5), lambda x: np.full((3, 2), 1.5, np.float32),
     [X]),
    ("zeros_like", lambda x: paddle.zeros_like(x), np.zeros_like, [X]),
    ("ones_like", lambda x: paddle.ones_like(x, dtype="int64"),
     lambda x: np.ones(x.shape, np.int64), [X]),
    ("full_like", lambda x: paddle.full_like(x, 7), lambda x: np.full_like(x, 7), [X]),
    ("arange", lambda x: paddle.arange(1, x.shape[2] * 2, 3), lambda x: np.arange(1, 8, 3), [X]),
    ("arange", lambda x: paddle.arange(0.0, 1.0, 0.25), lambda x: np.arange(0, 1, 0.25,
                                                                           dtype=np.float32), [X]),
    ("to_tensor", lambda x: paddle.to_tensor([[1, 2], [3, 4]]) + x.shape[0],
     lambda x: np.array([[3, 4], [5, 6]]), [X]),
    ("to_tensor", lambda x: paddle.to_tensor([[x.shape[0], 1], [2, x.shape[1]]]),
     lambda x: np.array([[2, 1], [2, 3]]), [X]),
    ("to_tensor", lambda x: paddle.to_tensor([x[0], x[1] * 2.0]), lambda x: np.stack([x[0], x[1] * 2]),
     [X]),
    # Integer dtype rules.
    ("sum", lambda x: paddle.sum(x), lambda x: np.array(x.sum(), np.int64), [I]),
    ("prod", lambda x: paddle.prod(x, axis=1), lambda x: x.prod(axis=1).astype(np.int32), [I]),
    ("cumsum", lambda x: paddle.cumsum(x), lambda x: np.cumsum(x).astype(np.int64), [I]),
    ("cumprod", lambda x: paddle.cumprod(x, dim=0), lambda x: np.cumprod(x, 0).astype(np.int32),
     [I]),
    ("argmax", lambda x: paddle.argmax(x, axis=0, keepdim=True),
     lambda x: x.argmax(axis=0)[None], [I]),
    ("floor", lambda x: paddle.floor(x), lambda x: x, [I]),
    ("exp", lambda x: paddle.exp(x), lambda x: np.exp(x.astype(np.float32)), [I]),
    ("maximum", lambda x, y: paddle.maximum(x, y), np.maximum, [I, I3]),
    ("remainder", lambda x, y: paddle.remainder(x, y), np.mod, [I, I3]),
    ("max", lambda x: paddle.max(x, axis=-1, keepdim=True), lambda x: x.max(-1, keepdims=True),
     [I]),
    ("matmul", lambda x: paddle.matmul(x, x, transpose_y=True), lambda x: x @ x.T, [I]),
    # Composites.
    ("softmax", lambda x: paddle.nn.functional.softmax(x, axis=1),
     lambda x: np.exp(x) / np.exp(x).sum(axis=1, keepdims=True), [X]),
    ("log_softmax", lambda x: paddle.nn.functional.log_softmax(x),
     lambda x: x - np.log(np.exp(x).sum(axis=-1, keepdims=True)), [X]),
    ("logsumexp", lambda x: paddle.logsumexp(x, axis=1), lambda x: np.log(np.exp(x).sum(axis=1)),
     [X]),
    ("var", lambda x: paddle.var(x, axis=0), lambda x: x.var(axis=0, ddof=1), [X]),
    ("std", lambda x: paddle.std(x, unbiased=False), lambda x: x.std(), [X]),
    ("norm", lambda x: paddle.norm(x, axis=-1), lambda x: np.linalg.norm(x, axis=-1), [X]),
    ("clip", lambda x: paddle.clip(x, -0.5, 0.5), lambda x: np.clip(x, -0.5, 0.5), [X]),
    ("scale", lambda x: paddle.scale(x, 2.0, 1.0), lambda x: x * 2 + 1, [X]),
    ("lerp", lambda x, y: paddle.lerp(x, y, 0.25), lambda x, y: x + 0.25 * (y - x), [X, P]),
    ("expand", lambda x: paddle.expand(x[:1], [3, 3, 4]),
     lambda x: np.broadcast_to(x[:1], (3, 3, 4)), [X]),
    ("expand_as", lambda x, y: paddle.expand_as(x[:, :1], y), lambda x, y: np.broadcast_to(
        x[:, :1], y.shape), [X, P]),
    ("t", lambda x: x[0].t(), lambda x: x[0].T, [X]),
    ("add_n", lambda x, y: paddle.add_n([x, y, x * 2]), lambda x, y: x + y + x * 2, [X, P]),
    ("mm", lambda x: paddle.mm(x[0], x[1].t()), lambda x: x[0] @ x[1].T, [X]),
    ("bmm", lambda x, y: paddle.bmm(x, paddle.transpose(y, [0, 2, 1])),
     lambda x, y: x @ y.transpose(0, 2, 1), [X, P]),
    ("mv", lambda x: paddle.mv(x[0], x[1, 0]), lambda x: x[0] @ x[1, 0], [X]),
    ("dot", lambda x, y: paddle.dot(x[0], y[0]), lambda x, y: (x[0] * y[0]).sum(-1), [X, P]),
    ("outer", lambda x: paddle.outer(x[0, 0], x[1, 1]), lambda x: np.outer(x[0, 0], x[1, 1]),
     [X]),
    ("index_select", lambda x: paddle.index_select(x, paddle.to_tensor([3, 1]), axis=2),
     lambda x: x[:, :, [3, 1]], [X]),
    ("masked_fill", lambda x: paddle.masked_fill(x, x > 0, 0.0), lambda x: np.where(x > 0, 0, x),
     [X]),
    ("chunk", lambda x: paddle.chunk(x, 2, axis=-1), lambda x: np.split(x, 2, axis=-1), [X]),
    ("unbind", lambda x: paddle.unbind(x, axis=1), lambda x: [x[:, i] for i in range(3)], [X]),
    ("tril", lambda x: paddle.tril(x[0], -1), lambda x: np.tril(x[0], -1), [X]),
    ("triu", lambda x: paddle.triu(x[0]), lambda x: np.triu(x[0]), [X]),
    ("eye", lambda x: paddle.eye(3, 4), lambda x: np.eye(3, 4, dtype=np.float32), [X]),
    ("one_hot", lambda x: paddle.nn.functional.one_hot(x, 4),
     lambda x: np.eye(4, dtype=np.float32)[x], [L]),
    ("linspace", lambda x: paddle.linspace(0.0, 1.0, 5), lambda x: np.linspace(0, 1, 5,
                                                                             dtype=np.float32),
     [X]),
    ("topk", lambda x: paddle.topk(x, 2), lambda x: (-np.sort(-x, -1)[..., :2],
                                                     np.argsort(-x, -1, kind="stable")[..., :2]),
     [X]),
    ("topk", lambda x: paddle.topk(x, 2, axis=1, largest=False),
     lambda x: (np.sort(x, 1)[:, :2], np.argsort(x, 1, kind="stable")[:, :2]), [D]),
    ("sort", lambda x: paddle.sort(x, axis=0, descending=True), lambda x: -np.sort(-x, 0), [X]),
    ("argsort", lambda x: paddle.argsort(x), lambda x: np.argsort(x, -1, kind="stable"), [I]),
    ("split", lambda x: paddle.split(x, [1, -1], axis=-1), lambda x: np.split(x, [1], axis=-1),
     [X]),
    ("split", lambda x: paddle.split(x, 3, axis=1), lambda x: np.split(x, 3, axis=1), [X]),
    ("moveaxis", lambda x: paddle.moveaxis(x, [0, 1], [2, 0]), lambda x: np.moveaxis(
        x, [0, 1], [2, 0]), [X]),
    ("roll", lambda x: paddle.roll(x, [1, -2], [1, 2]), lambda x: np.roll(x, [1, -2], [1, 2]),
     [X]),
    ("roll", lambda x: paddle.roll(x, 5), lambda x: np.roll(x, 5), [X]),
    ("tile", lambda x: paddle.tile(x[0], [2, 1, 3]), lambda x: np.tile(x[0], [2, 1, 3]), [X]),
    ("gather_nd", lambda x, i: paddle.gather_nd(x, i), lambda x, i: x[i[..., 0], i[..., 1]],
     [X, np.array([[1, 0], [0, 2]], np.int64)]),
    ("put_along_axis", lambda x, i: paddle.put_along_axis(x, i, 9.0, 1),
     lambda x, i: _put(x, i, 9.0, 1), [X[:, :, 0], L]),
    ("put_along_axis", lambda x, i: paddle.put_along_axis(x, i, x[:, :3] * 0.0 + 1.0, 1, "add"),
     lambda x, i: _put_add(x, i, 1.0, 1), [X[:, :, 0], L]),
    # Paddle's `v > old ? v : old`: a NaN put is passed over, one there stays.
    ("put_along_axis", lambda x, i: (paddle.put_along_axis(x, i, x[:, :3] * 2.0 - 1.0, 1, "amax"),
                                     paddle.put_along_axis(x, i, x[:, :3] - 0.5, 1, "amin")),
     lambda x, i: (_put_extreme(x, i, x[:, :3] * 2.0 - 1.0, 1, max),
                   _put_extreme(x, i, x[:, :3] - 0.5, 1, min)), [XN[:, :, 0], L]),
    ("put_along_axis", lambda x, i: paddle.put_along_axis(x * 3, i, x[:, :3], 1, "amin"),
     lambda x, i: _put_extreme(x * 3, i, x[:, :3], 1, min), [I[:2], L]),
    ("scatter", lambda x, i: paddle.cumsum(paddle.scatter(x, i, x[:2] * 0.0 + 1.0), axis=0),
     lambda x, i: np.cumsum(_scatter(x, [3, 1], 1.0), 0), [X[0, :, :3].repeat(2, 0)[:4],
                                                          np.array([3, 1], np.int64)]),
    ("scatter", lambda x: paddle.scatter(x[0], paddle.to_tensor([2, 0]), x[1, :2]),
     lambda x: _scatter(x[0], [2, 0], x[1, :2]), [X]),
    ("create_array", lambda x: paddle.tensor.array_read(paddle.tensor.create_array(
        "float32", [x, x * 2.0]), paddle.full([1], 1, "int64")), lambda x: x * 2, [X]),
    ("array_write", lambda x: paddle.tensor.array_write(x, paddle.full([1], 0, "int64")),
     lambda x: [x], [X]),
    ("array_read", lambda x: paddle.tensor.array_read([x, -x], paddle.full([1], 1, "int64")),
     lambda x: -x, [X]),
    ("array_length", lambda x: paddle.tensor.array_length([x, x]), lambda x: np.array(2), [X]),
    ("empty", lambda x: paddle.empty([2, 3], "int32") * 0, lambda x: np.zeros((2, 3), np.int32),
     [X]),
    ("empty_like", lambda x: paddle.empty_like(x) * 0.0, np.zeros_like, [X]),
    ("fill_constant", lambda x: paddle.tensor.fill_constant([2], "int64", 3),
     lambda x: np.full(2, 3, np.int64), [X]),
    ("assign", lambda x: paddle.assign(x), lambda x: x, [X]),
    ("clone", lambda x: x.clone(), lambda x: x, [X]),
    ("detach", lambda x: x.detach(), lambda x: x, [X]),
    ("is_tensor", lambda x: x + float(paddle.is_tensor(x)) + float(paddle.is_tensor(2.0)),
     lambda x: x + 1.0, [X]),
    ("rank", lambda x: paddle.rank(x), lambda x: np.array(x.ndim, np.int32), [X]),
    ("increment", lambda x: paddle.increment(paddle.sum(x), 2.0),
     lambda x: np.array(np.sum(x) + 2.0, np.float32), [X]),
    ("diag", lambda x: paddle.diag(x[0, 0], offset=-1), lambda x: np.diag(x[0, 0], -1), [X]),
    ("diag", lambda x: paddle.diag(x[0], 1), lambda x: np.diag(x[0], 1), [X]),
    ("numel", lambda x: paddle.numel(x), lambda x: np.array(x.size), [X]),
    ("shape", lambda x: paddle.shape(x), lambda x: np.array(x.shape), [X]),
    ("masked_select", lambda x: paddle.masked_select(x, x > 0), lambda x: x[x > 0], [X]),
    ("nonzero", lambda x: paddle.nonzero(x > 0), lambda x: np.stack(np.nonzero(x > 0), 1), [X]),
    ("nonzero", lambda x: paddle.nonzero(x > 0, as_tuple=True), lambda x: np.nonzero(x > 0), [X]),
    # math_composites.py
    ("deg2rad", lambda x: paddle.deg2rad(x), lambda x: x * np.float32(np.pi / 180), [X]),
    ("deg2rad", lambda i: paddle.deg2rad(i),
     lambda i: i.astype(np.float32) * np.float32(np.pi / 180), [I]),
    ("rad2deg", lambda x: paddle.rad2deg(x), lambda x: x / np.float32(np.pi / 180), [X]),
    ("hypot", lambda x, y: paddle.hypot(x, y), np.hypot, [X, P]),
    ("fmax", lambda x, y: paddle.fmax(x, y), np.fmax, [EDGE, EDGE[::-1].copy()]),
    ("fmin", lambda x, y: paddle.fmin(x, y), np.fmin, [EDGE, EDGE[::-1].copy()]),
    ("heaviside", lambda x, y: paddle.heaviside(x, y),
     lambda x, y: np.where(x == 0, y, (x > 0).astype(np.float32)), [EDGE, EDGE[::-1].copy()]),
    ("frac", lambda x: paddle.frac(x * 3.0), lambda x: x * 3 - np.trunc(x * 3), [X]),
    ("sgn", lambda x: paddle.sgn(x), np.sign, [X]),
    ("signbit", lambda x: paddle.signbit(x), np.signbit, [EDGE]),
    ("signbit", lambda i: paddle.signbit(i), np.signbit, [I]),
    ("logit", lambda x: paddle.logit(x, eps=0.1),
     lambda x: np.log(np.clip(x, 0.1, 0.9) / (1 - np.clip(x, 0.1, 0.9))), [U]),
    ("logit", lambda x: paddle.logit(x * 0.5 + 0.5), lambda x: np.log((x * 0.5 + 0.5) / (
        0.5 - x * 0.5)), [U]),
    ("logaddexp", lambda x, y: paddle.logaddexp(x, y), np.logaddexp, [X, P]),
    ("nan_to_num", lambda x: paddle.nan_to_num(x), np.nan_to_num, [EDGE]),
    ("nan_to_num", lambda x: paddle.nan_to_num(x, 1.0, 2.0, -2.0),
     lambda x: np.nan_to_num(x, nan=1.0, posinf=2.0, neginf=-2.0), [EDGE]),
    ("isclose", lambda x, y: paddle.isclose(x, y, equal_nan=True),
     lambda x, y: np.isclose(x, y, equal_nan=True), [EDGE, NEAR_EDGE]),
    ("isclose", lambda x, y: paddle.isclose(x, y, rtol=0.5, atol=0.1), lambda x, y: np.isclose(
        x, y, rtol=0.5, atol=0.1), [X, P]),
    ("allclose", lambda x: paddle.allclose(x, x + 1e-3, atol=1e-2), lambda x: np.array(True),
     [X]),
    ("allclose", lambda x: paddle.allclose(x, x * 1.01), lambda x: np.array(False), [X]),
    ("equal_all", lambda x: paddle.equal_all(x, x * 1.0), lambda x: np.array(True), [X]),
    ("equal_all", lambda x: paddle.equal_all(x, x[0]), lambda x: np.array(False), [X]),
    ("count_nonzero", lambda i: paddle.count_nonzero(i, axis=1),
     lambda i: np.count_nonzero(i, axis=1).astype(np.int64), [I]),
    ("count_nonzero", lambda x: paddle.count_nonzero(x > 0),
     lambda x: np.array(np.count_nonzero(x > 0), np.int64), [X]),
    ("nansum", lambda x: paddle.nansum(x, axis=0), lambda x: np.nansum(x, 0), [XN]),
    ("nanmean", lambda x: paddle.nanmean(x, axis=-1, keepdim=True),
     lambda x: np.nanmean(x, -1, keepdims=True), [XN]),
    ("logspace", lambda x: paddle.logspace(0, 2, 3), lambda x: np.logspace(
        0, 2, 3, dtype=np.float32), [X]),
    ("logspace", lambda x: paddle.logspace(0, 3, 4, base=2.0, dtype="int32"),
     lambda x: np.array([1, 2, 4, 8], np.int32), [X]),
    ("addmm", lambda x, y: paddle.addmm(x[0], y[0, :, :3], y[1, :3, :], beta=0.5, alpha=2.0),
     lambda x, y: 0.5 * x[0] + 2.0 * (y[0, :, :3] @ y[1, :3, :]), [X, P]),
    ("baddbmm", lambda x, y: paddle.baddbmm(x[:, :, :3], x, paddle.transpose(y, [0, 2, 1]),
                                            beta=2.0, alpha=0.5),
     lambda x, y: 2.0 * x[:, :, :3] + 0.5 * (x @ y.transpose(0, 2, 1)), [X, P]),
    ("inner", lambda x, y: paddle.inner(x, y[0]), lambda x, y: np.inner(x, y[0]), [X, P]),
    ("kron", lambda x, y: paddle.kron(x[0], y[1, :2]), lambda x, y: np.kron(x[0], y[1, :2]),
     [X, P]),
    ("kron", lambda i: paddle.kron(i[0], i), lambda i: np.kron(i[0], i), [I]),
    ("tensordot", lambda x, y: paddle.tensordot(x, paddle.transpose(y, [1, 2, 0])),
     lambda x, y: np.tensordot(x, y.transpose(1, 2, 0)), [X, P]),
    ("tensordot", lambda x, y: paddle.tensordot(x, y, [[0, 2], [0, 2]]),
     lambda x, y: np.tensordot(x, y, ([0, 2], [0, 2])), [X, P]),
    # layout_composites.py
    ("meshgrid", lambda x: paddle.meshgrid(x[0, 0], x[1, :, 0]),
     lambda x: np.meshgrid(x[0, 0], x[1, :, 0], indexing="ij"), [X]),
    ("meshgrid", lambda x: paddle.meshgrid([x[0, 0], x[1, :, 0], x[0, :2, 1]]),
     lambda x: np.meshgrid(x[0, 0], x[1, :, 0], x[0, :2, 1], indexing="ij"), [X]),
    ("atleast_1d", lambda x: paddle.atleast_1d(x[0, 0, 0]), lambda x: np.atleast_1d(
        x[0, 0, 0]), [X]),
    ("atleast_2d", lambda x: paddle.atleast_2d(x[0, 0], x[0, 0, 0]),
     lambda x: np.atleast_2d(x[0, 0], x[0, 0, 0]), [X]),
    ("atleast_3d", lambda x: paddle.atleast_3d(x[0], x[0, 0], x),
     lambda x: np.atleast_3d(x[0], x[0, 0], x), [X]),
    ("hstack", lambda x: paddle.hstack([x[0], x[1]]), lambda x: np.hstack([x[0], x[1]]), [X]),
    ("hstack", lambda x: paddle.hstack([x[0, 0], x[1, 1]]), lambda x: np.hstack(
        [x[0, 0], x[1, 1]]), [X]),
    ("vstack", lambda x: paddle.vstack([x[0, 0], x[1]]), lambda x: np.vstack([x[0, 0], x[1]]),
     [X]),
    ("row_stack", lambda x: paddle.row_stack([x[0], x[1]]), lambda x: np.vstack([x[0], x[1]]),
     [X]),
    ("dstack", lambda x: paddle.dstack([x[0], x[1]]), lambda x: np.dstack([x[0], x[1]]), [X]),
    ("column_stack", lambda x: paddle.column_stack([x[0, 0], x[1, 0]]),
     lambda x: np.column_stack([x[0, 0], x[1, 0]]), [X]),
    ("broadcast_shape", lambda x: paddle.to_tensor(paddle.broadcast_shape([2, 1, 4], [3, 1])),
     lambda x: np.array([2, 3, 4]), [X]),
    ("broadcast_shapes", lambda x: paddle.to_tensor(paddle.broadcast_shapes([2, 1, 4], [3, 1],
                                                                             [1])),
     lambda x: np.array([2, 3, 4]), [X]),
    ("broadcast_tensors", lambda x, y: paddle.broadcast_tensors([x[:, :1], y[0]]),
     lambda x, y: np.broadcast_arrays(x[:, :1], y[0]), [X, P]),
    ("tensor_split", lambda x: paddle.tensor_split(x, 3, axis=2),
     lambda x: np.array_split(x, 3, axis=2), [X]),
    ("tensor_split", lambda x: paddle.tensor_split(x, [1, 3], axis=-1),
     lambda x: np.split(x, [1, 3], axis=-1), [X]),
    ("hsplit", lambda x: paddle.hsplit(x, [1]), lambda x: np.hsplit(x, [1]), [X]),
    ("vsplit", lambda x: paddle.vsplit(x, 2), lambda x: np.vsplit(x, 2), [X]),
    ("dsplit", lambda x: paddle.dsplit(x, 2), lambda x: np.dsplit(x, 2), [X]),
    ("unstack", lambda x: paddle.unstack(x, axis=1), lambda x: [x[:, i] for i in range(3)],
     [X]),
    ("unflatten", lambda x: paddle.unflatten(x, 2, [2, -1]), lambda x: x.reshape(2, 3, 2, 2),
     [X]),
    ("view", lambda x: paddle.view(x, [6, 4]), lambda x: x.reshape(6, 4), [X]),
    ("view_as", lambda x, y: paddle.view_as(x[0], y[0].t()), lambda x, y: x[0].reshape(4, 3),
     [X, P]),
    ("permute", lambda x: paddle.permute(x, [2, 0, 1]), lambda x: x.transpose(2, 0, 1), [X]),
    ("ravel", lambda x: paddle.ravel(x), lambda x: x.ravel(), [X]),
    ("narrow", lambda x: paddle.narrow(x, 2, 1, 2), lambda x: x[:, :, 1:3], [X]),
    ("unfold", lambda x: paddle.unfold(x, 2, 2, 1),
     lambda x: np.lib.stride_tricks.sliding_window_view(x, 2, axis=2), [X]),
    ("unfold", lambda x: x.unfold(-2, 2, 2),
     lambda x: np.lib.stride_tricks.sliding_window_view(x, 2, axis=1)[:, ::2], [X]),
    ("slice", lambda x: paddle.slice(x, [0, 2], [1, -3], [2, 100]), lambda x: x[1:2, :, -3:],
     [X]),
    ("crop", lambda x: paddle.crop(x, [1, 2, -1], [1, 1, 2]), lambda x: x[1:2, 1:3, 2:], [X]),
    ("rot90", lambda x: paddle.rot90(x, 1, [1, 2]), lambda x: np.rot90(x, 1, (1, 2)), [X]),
    ("rot90", lambda x: paddle.rot90(x, 2), lambda x: np.rot90(x, 2), [X]),
    ("rot90", lambda x: paddle.rot90(x, -1, [2, 0]), lambda x: np.rot90(x, -1, (2, 0)), [X]),
    ("repeat_interleave", lambda x: paddle.repeat_interleave(x, 2, axis=1),
     lambda x: np.repeat(x, 2, axis=1), [X]),
    ("repeat_interleave", lambda i: paddle.repeat_interleave(i, 3), lambda i: np.repeat(i, 3),
     [I]),
    # Counts per element (a speech model's durations), a zero among them.
    ("repeat_interleave", lambda x, r: (paddle.repeat_interleave(x, r, axis=1),
                                        paddle.repeat_interleave(x[0, 0, :3], r)),
     lambda x, r: (np.repeat(x, r, axis=1), np.repeat(x[0, 0, :3], r)), [X, DURATIONS]),
    ("diagonal", lambda x: paddle.diagonal(x, 1, 1, 2), lambda x: np.diagonal(x, 1, 1, 2), [X]),
    ("diagonal", lambda x: paddle.diagonal(x, -1, 2, 1), lambda x: np.diagonal(x, -1, 2, 1),
     [X]),
    ("trace", lambda x: paddle.trace(x[0], 1), lambda x: np.array(np.trace(x[0], 1)), [X]),
    ("trace", lambda i: paddle.trace(i, -1), lambda i: np.array(np.trace(i, -1), np.int32),
     [I]),
    ("diag_embed", lambda x: paddle.diag_embed(x[0], 1), lambda x: _diag_embed(x[0], 1), [X]),
    ("diag_embed", lambda x: paddle.diag_embed(x, -2, 0, 2),
     lambda x: np.moveaxis(_diag_embed(x, -2), [-2, -1], [0, 2]), [X]),
    ("diagflat", lambda x: paddle.diagflat(x[0, :2, :2], -1),
     lambda x: np.diagflat(x[0, :2, :2], -1), [X]),
    ("cross", lambda x, y: paddle.cross(x, y, axis=1), lambda x, y: np.cross(x, y, axis=1),
     [X, P]),
    ("cross", lambda x, y: paddle.cross(x[0], y[1]), lambda x, y: np.cross(x[0], y[1], axis=0),
     [X, P]),
    ("inverse", lambda x: paddle.inverse(x[:, :, :3] + paddle.eye(3) * 4.0),
     lambda x: np.linalg.inv(x[:, :, :3] + np.eye(3, dtype=np.float32) * 4), [X]),
    ("take", lambda x: paddle.take(x, paddle.to_tensor([[0, -1], [5, 23]])),
     lambda x: x.ravel()[[[0, -1], [5, 23]]], [X]),
    ("take", lambda x: paddle.take(x, paddle.to_tensor([-30, 25]), mode="wrap"),
     lambda x: x.ravel()[[-30 % 24, 25 % 24]], [X]),
    ("take", lambda x: paddle.take(x, paddle.to_tensor([-30, 25]), mode="clip"),
     lambda x: x.ravel()[[0, 23]], [X]),
    ("index_sample", lambda x, i: paddle.index_sample(x[0], i),
     lambda x, i: np.take_along_axis(x[0], i, 1), [X, L.T.copy()]),
    ("take_along_dim", lambda x, i: paddle.take_along_dim(x[0], i, 1),
     lambda x, i: np.take_along_axis(x[0], i, 1), [X, L.T.copy()]),
    ("index_add", lambda x: paddle.index_add(x, paddle.to_tensor([0, 2, 0]), 1, x * 0 + 1.0,
                                             alpha=2),
     lambda x: _index_add(x, [0, 2, 0], 1, 2.0), [X]),
    ("index_fill", lambda x: paddle.index_fill(x, paddle.to_tensor([0, 3]), 2, 7.0),
     lambda x: _index_fill(x, [0, 3], 7.0), [X]),
    ("masked_scatter", lambda x: paddle.masked_scatter(x, x > 0, -x),
     lambda x: _masked_scatter(x, x > 0, -x), [X]),
    ("multiplex", lambda x, y: paddle.multiplex(
        [x[0], y[0]], paddle.to_tensor([[1], [0], [1]], dtype="int32")),
     lambda x, y: np.where(np.array([[1], [0], [1]]) == 1, y[0], x[0]), [X, P]),
    ("scatter_nd_add", lambda x: paddle.scatter_nd_add(
        x, paddle.to_tensor([[1, 2], [0, 0], [1, 2]]), x[0] * 0 + 1.0),
     lambda x: _scatter_nd_add(x, [[1, 2], [0, 0], [1, 2]], np.ones((3, 4), np.float32)), [X]),
    ("scatter_nd", lambda x: paddle.scatter_nd(paddle.to_tensor([[1], [1], [3]]), x[0, 0, :3],
                                               [5]),
     lambda x: _scatter_nd_add(np.zeros(5, np.float32), [[1], [1], [3]], x[0, 0, :3]), [X]),
    ("searchsorted", lambda x: paddle.searchsorted(paddle.sort(x[0, 0]), x[1]),
     lambda x: np.searchsorted(np.sort(x[0, 0]), x[1]), [X]),
    ("searchsorted", lambda i: paddle.searchsorted(paddle.to_tensor([-3, 0, 0, 2]), i,
                                                   out_int32=True, right=True),
     lambda i: np.searchsorted([-3, 0, 0, 2], i, side="right").astype(np.int32), [I]),
    ("searchsorted", lambda x, y: paddle.searchsorted(paddle.sort(x, -1), y),
     lambda x, y: _batched_searchsorted(np.sort(x, -1), y), [X, P]),
    ("bucketize", lambda i: paddle.bucketize(i, paddle.to_tensor([-3, 0, 2])),
     lambda i: np.searchsorted([-3, 0, 2], i), [I]),
    ("kthvalue", lambda x: paddle.kthvalue(x, 2, axis=1),
     lambda x: (np.sort(x, 1)[:, 1], np.argsort(x, 1, kind="stable")[:, 1]), [X]),
    ("kthvalue", lambda x: paddle.kthvalue(x, 3, keepdim=True),
     lambda x: (np.sort(x, -1)[..., 2:3], np.argsort(x, -1, kind="stable")[..., 2:3]), [X]),
    ("median", lambda x: paddle.median(x, axis=2), lambda x: np.median(x, 2), [X]),
    ("median", lambda x: paddle.median(x, axis=1, keepdim=True),
     lambda x: np.median(x, 1, keepdims=True), [X]),
    ("median", lambda i: paddle.median(i), lambda i: np.median(i).astype(np.float32), [I]),
    ("median", lambda x: paddle.median(x, axis=-1, mode="min"),
     lambda x: (np.sort(x, -1)[..., 1], np.argsort(x, -1, kind="stable")[..., 1]), [X]),
    ("rand_like", lambda x: paddle.abs(paddle.rand_like(x) - 0.5) <= 0.5,
     lambda x: np.ones(x.shape, bool), [X]),
    ("randn_like", lambda x: paddle.randn_like(x) * 0.0, np.zeros_like, [X]),
    ("randint_like", lambda i: paddle.randint_like(i, 0, 1), np.zeros_like, [I]),
    # nn.functional composites.
    ("gelu", lambda x: paddle.nn.functional.gelu(x),
     lambda x: 0.5 * x * (1 + _erf(x / np.sqrt(2))).astype(np.float32), [X]),
    ("gelu", lambda x: paddle.nn.functional.gelu(x, approximate=True),
     lambda x: 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x ** 3))), [X]),
    ("silu", lambda x: paddle.nn.functional.silu(x), lambda x: x / (1 + np.exp(-x)), [X]),
    ("swish", lambda x: paddle.nn.functional.swish(x), lambda x: x / (1 + np.exp(-x)), [X]),
    ("leaky_relu", lambda x: paddle.nn.functional.leaky_relu(x, 0.1),
     lambda x: np.where(x > 0, x, 0.1 * x), [X]),
    ("relu6", lambda x: paddle.nn.functional.relu6(x * 5.0), lambda x: np.clip(x * 5, 0, 6), [X]),
    ("hardtanh", lambda x: paddle.nn.functional.hardtanh(x), lambda x: np.clip(x, -1, 1), [X]),
    ("hardsigmoid", lambda x: paddle.nn.functional.hardsigmoid(x),
     lambda x: np.clip(x * 0.1666667 + 0.5, 0, 1), [X]),
    ("hardswish", lambda x: paddle.nn.functional.hardswish(x * 3.0),
     lambda x: 3 * x * np.clip(3 * x + 3, 0, 6) / 6, [X]),
    ("elu", lambda x: paddle.nn.functional.elu(x, 0.5), lambda x: np.where(x > 0, x, 0.5 * (
        np.exp(x) - 1)), [X]),
    ("celu", lambda x: paddle.nn.functional.celu(x, 2.0),
     lambda x: np.maximum(x, 0) + np.minimum(2 * (np.exp(x / 2) - 1), 0), [X]),
    ("selu", lambda x: paddle.nn.functional.selu(x), lambda x: 1.0507009873554805 * np.where(
        x > 0, x, 1.6732632423543772 * (np.exp(x) - 1)), [X]),
    ("softplus", lambda x: paddle.nn.functional.softplus(x * 10.0, 1, 15),
     lambda x: np.where(x * 10 > 15, x * 10, np.log1p(np.exp(x * 10))), [X]),
    ("softsign", lambda x: paddle.nn.functional.softsign(x), lambda x: x / (1 + np.abs(x)), [X]),
    ("tanhshrink", lambda x: paddle.nn.functional.tanhshrink(x), lambda x: x - np.tanh(x), [X]),
    ("log_sigmoid", lambda x: paddle.nn.functional.log_sigmoid(x),
     lambda x: -np.log1p(np.exp(-x)), [X]),
    ("mish", lambda x: paddle.nn.functional.mish(x), lambda x: x * np.tanh(np.log1p(np.exp(x))),
     [X]),
    ("normalize", lambda x: paddle.nn.functional.normalize(x),
     lambda x: x / np.linalg.norm(x, axis=1, keepdims=True), [X]),
    ("cosine_similarity", lambda x, y: paddle.nn.functional.cosine_similarity(x, y),
     lambda x, y: (x * y).sum(1) / (np.linalg.norm(x, axis=1) * np.linalg.norm(y, axis=1)),
     [X, P]),
    ("linear", lambda x, w: F.linear(x, w, w[0] * 0.5), lambda x, w: x @ w + w[0] * 0.5,
     [X, P[0].T.copy()]),
    ("embedding", lambda i, w: F.embedding(i, w, padding_idx=1),
     lambda i, w: np.where((i != 1)[..., None], w[i], 0), [L, P[0]]),
    ("layer_norm", lambda x, w, b: F.layer_norm(x, 4, w, b),
     lambda x, w, b: (x - x.mean(-1, keepdims=True)) / np.sqrt(x.var(-1, keepdims=True) + 1e-5)
     * w + b, [X, P[0, 0], U[0, 0]]),
    ("layer_norm", lambda x: F.layer_norm(x, [3, 4]),
     lambda x: (x - x.mean((1, 2), keepdims=True)) / np.sqrt(x.var((1, 2), keepdims=True) + 1e-5),
     [X]),
    ("rms_norm", lambda x, w: F.rms_norm(x, [3, 4], w),
     lambda x, w: (x / np.sqrt((x ** 2).mean((1, 2), keepdims=True) + 1e-5) * w,
                   1 / np.sqrt((x ** 2).mean((1, 2)) + 1e-5)), [X, P[0]]),
    ("rms_norm", lambda x: F.rms_norm(x, 4, eps=1e-3),
     lambda x: (x / np.sqrt((x ** 2).mean(-1, keepdims=True) + 1e-3),
                (1 / np.sqrt((x ** 2).mean(-1) + 1e-3)).ravel()), [X]),
    ("batch_norm", lambda x, m, v, w, b: F.batch_norm(x, m, v, w, b),
     lambda x, m, v, w, b: (x - m[:, None, None]) / np.sqrt(v[:, None, None] + 1e-5)
     * w[:, None, None] + b[:, None, None], [IMG, P[0, 0], P[0, 1], P[1, 0], U[0, 0]]),
    # (Running statistics of their own: training changes them in place, and a
    # slice of x would be x's view in Paddle, a copy in dy2st's eager code.)
    ("batch_norm", lambda x: F.batch_norm(x, x[0, :, 0, 0] * 0.0, x[0, :, 0, 0] * 0.0 + 1.0,
                                          training=True),
     lambda x: (x - x.mean((0, 2, 3), keepdims=True)) / np.sqrt(x.var((0, 2, 3), keepdims=True)
                                                              + 1e-5), [IMG]),
    ("group_norm", lambda x, w, b: F.group_norm(x, 2, weight=w, bias=b),
     lambda x, w, b: ((x.reshape(2, 2, -1) - x.reshape(2, 2, -1).mean(-1, keepdims=True)) /
                      np.sqrt(x.reshape(2, 2, -1).var(-1, keepdims=True) + 1e-5)).reshape(x.shape)
     * w[:, None, None] + b[:, None, None], [IMG, P[0, 0], U[0, 0]]),
    ("instance_norm", lambda x: F.instance_norm(x),
     lambda x: (x - x.mean((2, 3), keepdims=True)) / np.sqrt(x.var((2, 3), keepdims=True) + 1e-5),
     [IMG]),
    ("mse_loss", lambda x, y: F.mse_loss(x, y), lambda x, y: ((x - y) ** 2).mean(), [X, U]),
    ("l1_loss", lambda x, y: F.l1_loss(x, y, reduction="sum"), lambda x, y: np.abs(x - y).sum(),
     [X, U]),
    ("smooth_l1_loss", lambda x, y: F.smooth_l1_loss(x, y, reduction="none"),
     lambda x, y: np.where(np.abs(x - y) < 1, 0.5 * (x - y) ** 2, np.abs(x - y) - 0.5), [X, U]),
    ("kl_div", lambda x, y: F.kl_div(x, y, reduction="sum"),
     lambda x, y: (y * (np.log(y) - x)).sum(), [U, P]),
    ("binary_cross_entropy", lambda x, y: F.binary_cross_entropy(F.sigmoid(x), y),
     lambda x, y: -(y * np.log(1 / (1 + np.exp(-x))) + (1 - y) * np.log(1 - 1 / (1 + np.exp(-x))))
     .mean(), [X, P * 0.5]),
    ("binary_cross_entropy_with_logits",
     lambda x, y: F.binary_cross_entropy_with_logits(x, y, reduction="none"),
     lambda x, y: np.maximum(x, 0) - x * y + np.log1p(np.exp(-np.abs(x))), [X, P * 0.5]),
    ("binary_cross_entropy_with_logits",
     lambda x, y: F.binary_cross_entropy_with_logits(x, y, pos_weight=y[0, 0] * 0.0 + 2.0),
     lambda x, y: (-(2 * y * np.log(1 / (1 + np.exp(-x))) + (1 - y) * np.log(1 - 1 / (1 + np.exp(
         -x))))).mean(), [X, P * 0.5]),
    ("nll_loss", lambda x, i: F.nll_loss(F.log_softmax(x), i[:, 0]),
     lambda x, i: -(x - np.log(np.exp(x).sum(-1, keepdims=True)))[[0, 1], i[:, 0]].mean(),
     [X[:, 0, :3], L]),
    ("cross_entropy", lambda x, i: F.cross_entropy(x, i[:, 0]),
     lambda x, i: -(x - np.log(np.exp(x).sum(-1, keepdims=True)))[[0, 1], i[:, 0]].mean(),
     [X[:, 0, :3], L]),
    ("cross_entropy", lambda x, i: F.cross_entropy(x, i[:, :1], reduction="none",
                                                    ignore_index=2),
     lambda x, i: np.where(i[:, :1] == 2, 0, -(x - np.log(np.exp(x).sum(-1, keepdims=True)))[
         [0, 1], i[:, 0]][:, None]), [X[:, 0, :3], L]),
    ("cross_entropy", lambda x, y: F.cross_entropy(x, F.softmax(y), soft_label=True),
     lambda x, y: (-(np.exp(y) / np.exp(y).sum(-1, keepdims=True)) * (x - np.log(np.exp(x).sum(
         -1, keepdims=True)))).sum(-1, keepdims=True).mean(), [X, U]),
    ("softmax_with_cross_entropy", lambda x, i: F.softmax_with_cross_entropy(x, i[:, :1]),
     lambda x, i: -(x - np.log(np.exp(x).sum(-1, keepdims=True)))[[0, 1], i[:, 0]][:, None],
     [X[:, 0, :3], L]),
    ("hardshrink", lambda x: F.hardshrink(x, 0.7), lambda x: np.where(np.abs(x) > 0.7, x, 0), [X]),
    ("softshrink", lambda x: F.softshrink(x),
     lambda x: np.where(x > 0.5, x - 0.5, np.where(x < -0.5, x + 0.5, 0)), [X]),
    ("thresholded_relu", lambda x: F.thresholded_relu(x, 0.3, -1.0),
     lambda x: np.where(x > 0.3, x, -1.0).astype(np.float32), [X]),
    ("prelu", lambda x, w: F.prelu(x, w), lambda x, w: np.where(x > 0, x, x * w[:, None]),
     [X, np.array([0.1, 0.2, 0.3], np.float32).view(Fixed)]),
    ("prelu", lambda x, w: F.prelu(x, w, data_format="NHWC"),
     lambda x, w: np.where(x > 0, x, x * w), [X, np.array([0.1, 0.2, 0.3, 0.4], np.float32)
                                              .view(Fixed)]),
    ("prelu", lambda x: F.prelu(x, paddle.to_tensor([0.25])),
     lambda x: np.where(x > 0, x, 0.25 * x), [X]),
    ("glu", lambda x: F.glu(x), lambda x: x[..., :2] / (1 + np.exp(-x[..., 2:])), [X]),
    ("glu", lambda x: F.glu(x, axis=0), lambda x: x[:1] / (1 + np.exp(-x[1:])), [X]),
    ("maxout", lambda x: F.maxout(x, 2), lambda x: x.reshape(2, 2, 2, 7, 6).max(2), [IMG]),
    ("maxout", lambda x: F.maxout(x, 3, axis=-1), lambda x: x.reshape(2, 4, 7, 2, 3).max(-1),
     [IMG]),
    ("logsigmoid", lambda x: F.logsigmoid(x), lambda x: -np.log1p(np.exp(-x)), [X]),
    ("dropout2d", lambda x: F.dropout2d(x, 0.4, training=False), lambda x: x, [IMG]),
    ("dropout2d", lambda x: F.dropout2d(x, 1.0), lambda x: x * 0, [IMG]),
    ("dropout3d", lambda x: F.dropout3d(x, 0.3, training=False), lambda x: x, [VOL]),
    ("alpha_dropout", lambda x: F.alpha_dropout(x, 0.2, training=False), lambda x: x, [X]),
    ("feature_alpha_dropout", lambda x: F.feature_alpha_dropout(x, 0.2, training=False),
     lambda x: x, [IMG]),
    ("pixel_shuffle", lambda x: F.pixel_shuffle(x, 2), lambda x: _pixel_shuffle(x, 2), [IMG]),
    ("pixel_shuffle", lambda x: F.pixel_shuffle(x, 2, data_format="NHWC"),
     lambda x: _pixel_shuffle(x.transpose(0, 3, 1, 2), 2).transpose(0, 2, 3, 1),
     [IMG.transpose(0, 2, 3, 1).copy()]),
    ("pixel_unshuffle", lambda x: F.pixel_unshuffle(x[:, :, :6], 3),
     lambda x: x[:, :, :6].reshape(2, 4, 2, 3, 2, 3).transpose(0, 1, 3, 5, 2, 4).reshape(
         2, 36, 2, 2), [IMG]),
    ("channel_shuffle", lambda x: F.channel_shuffle(x, 2),
     lambda x: x.reshape(2, 2, 2, 7, 6).transpose(0, 2, 1, 3, 4).reshape(2, 4, 7, 6), [IMG]),
    ("temporal_shift", lambda x: F.temporal_shift(x, 2, 0.25), lambda x: _temporal_shift(x, 2, 1, 2),
     [IMG]),
    ("temporal_shift", lambda x: F.temporal_shift(x, 1, 0.4), lambda x: _temporal_shift(x, 1, 1, 3),
     [IMG]),
    ("zeropad2d", lambda x: F.zeropad2d(x, [1, 0, 2, 3]),
     lambda x: np.pad(x, [(0, 0), (0, 0), (2, 3), (1, 0)]), [IMG]),
    ("local_response_norm", lambda x: F.local_response_norm(x, 3),
     lambda x: x / (1 + 1e-4 * _channel_window_sum(x * x, 1, 1) / 3) ** 0.75, [IMG]),
    ("local_response_norm", lambda x: F.local_response_norm(x, 2, 0.5, 0.5, 2.0, "NHWC"),
     lambda x: x / (2 + 0.5 * _channel_window_sum(x.transpose(0, 3, 1, 2) ** 2, 1, 0)
                    .transpose(0, 2, 3, 1) / 2) ** 0.5, [IMG.transpose(0, 2, 3, 1).copy()]),
    ("margin_ranking_loss", lambda x, y, s: F.margin_ranking_loss(x, y, s, 0.2),
     lambda x, y, s: np.maximum(-s * (x - y) + 0.2, 0).mean(), [X, P, SIGN]),
    ("hinge_embedding_loss", lambda x, s: F.hinge_embedding_loss(x, s, reduction="none"),
     lambda x, s: np.where(s == 1, x, np.maximum(1 - x, 0)), [X, SIGN]),
    ("cosine_embedding_loss", lambda x, y, s: F.cosine_embedding_loss(x, y, s, 0.1, "sum"),
     lambda x, y, s: _cosine_embedding(x, y, s, 0.1).sum(), [X[:, 0], P[:, 0], SIGN[:, 0, 0]]),
    ("soft_margin_loss", lambda x, s: F.soft_margin_loss(x, s),
     lambda x, s: np.log1p(np.exp(-s * x)).mean(), [X, SIGN]),
    ("square_error_cost", lambda x, y: F.square_error_cost(x, y), lambda x, y: (x - y) ** 2,
     [X, U]),
    ("log_loss", lambda x, y: F.log_loss(F.sigmoid(x[:, 0, :1]), y[:, 0, :1]),
     lambda x, y: _log_loss(1 / (1 + np.exp(-x[:, 0, :1])), y[:, 0, :1]), [X, LABEL01]),
    ("label_smooth", lambda y: F.label_smooth(y), lambda y: 0.9 * y + 0.1 / 4, [LABEL01]),
    ("label_smooth", lambda y: F.label_smooth(y, paddle.to_tensor([0.1, 0.2, 0.3, 0.4]), 0.2),
     lambda y: 0.8 * y + 0.2 * np.array([0.1, 0.2, 0.3, 0.4], np.float32), [LABEL01]),
    ("pairwise_distance", lambda x, y: F.pairwise_distance(x, y),
     lambda x, y: np.sqrt(((x - y + 1e-6) ** 2).sum(-1)), [X, P]),
    ("pairwise_distance", lambda x, y: (F.pairwise_distance(x, y, 1.0, keepdim=True),
                                        F.pairwise_distance(x, y, float("inf")),
                                        F.pairwise_distance(x, y, 0.0)),
     lambda x, y: (np.abs(x - y + 1e-6).sum(-1, keepdims=True), np.abs(x - y + 1e-6).max(-1),
                   (x - y + 1e-6 != 0).sum(-1).astype(np.float32)), [X, P]),
    ("triplet_margin_loss", lambda a, p, n: F.triplet_margin_loss(a, p, n, swap=True),
     lambda a, p, n: _triplet(a, p, n), [X, P, U]),
    ("triplet_margin_with_distance_loss", lambda a, p, n: (
        F.triplet_margin_with_distance_loss(a, p, n),
        F.triplet_margin_with_distance_loss(
            a, p, n, lambda u, v: 1.0 - F.cosine_similarity(u, v, axis=-1), 0.3, True, "none")),
     lambda a, p, n: (_triplet(a, p, n, swap=False), _triplet_cosine(a, p, n, 0.3)), [X, P, U]),
    ("multi_margin_loss", lambda x, y, w: (
        F.multi_margin_loss(x, y), F.multi_margin_loss(x, y, 2, 0.5, w, "none")),
     lambda x, y, w: (_multi_margin(x, y, 1, 1.0).mean(), _multi_margin(x, y, 2, 0.5, w)),
     [MARGIN_X, MARGIN_LABEL, MARGIN_W]),
    ("multi_label_margin_loss", lambda x, y: (F.multi_label_margin_loss(x, y, "none"),
                                              F.multi_label_margin_loss(x, y, "sum")),
     lambda x, y: (_multi_label_margin(x, y), _multi_label_margin(x, y).sum()),
     [MARGIN_X, MULTI_LABELS]),
    ("npair_loss", lambda a, p, y: (F.npair_loss(a, p, y), F.npair_loss(a, p, y, 0.01)),
     lambda a, p, y: (_npair(a, p, y, 0.002), _npair(a, p, y, 0.01)),
     [MARGIN_X, MARGIN_X[::-1].copy(), NPAIR_LABELS]),
    ("sigmoid_focal_loss", lambda x, y: F.sigmoid_focal_loss(x, y, paddle.to_tensor(2.0)),
     lambda x, y: _focal(x, y).sum() / 2, [X, LABEL01]),
    ("dice_loss", lambda x, i: F.dice_loss(F.softmax(x), i),
     lambda x, i: _dice(np.exp(x) / np.exp(x).sum(-1, keepdims=True), i), [X, DICE_LABEL]),
    ("poisson_nll_loss", lambda x, y: F.poisson_nll_loss(x, y, reduction="none"),
     lambda x, y: np.exp(x) - y * x, [X, P]),
    ("poisson_nll_loss", lambda x, y: F.poisson_nll_loss(x, y * 2, log_input=False, full=True),
     lambda x, y: _poisson_full(x, y * 2).mean(), [P, P]),
    ("gaussian_nll_loss", lambda x, y, v: F.gaussian_nll_loss(x, y, v, full=True),
     lambda x, y, v: (0.5 * (np.log(v) + (x - y) ** 2 / v) + 0.5 * np.log(2 * np.pi)).mean(),
     [X, U, P]),
    ("gaussian_nll_loss", lambda x, y, v: F.gaussian_nll_loss(x, y, v[..., 0], reduction="sum"),
     lambda x, y, v: (0.5 * (np.log(v[..., :1]) + (x - y) ** 2 / v[..., :1])).sum(), [X, U, P]),
    ("multi_label_soft_margin_loss",
     lambda x, y: F.multi_label_soft_margin_loss(x, y, paddle.to_tensor([1.0, 2.0, 0.5, 1.0])),
     lambda x, y: (-(y * -np.log1p(np.exp(-x)) + (1 - y) * -np.log1p(np.exp(x)))
                   * [1.0, 2.0, 0.5, 1.0]).mean(-1).mean(), [X, LABEL01]),
    ("ctc_loss", lambda x, l, il, ll: F.ctc_loss(x, l, il, ll, reduction="none"),
     lambda x, l, il, ll: ref.ctc(x, l, il, ll, 0), [CTC_LOGITS, CTC_LABELS, CTC_INPUT_LENGTHS,
                                                 CTC_LABEL_LENGTHS]),
    # One input step fewer: the second labels no longer fit (0); the third's empty.
    ("ctc_loss", lambda x, l, il, ll: (F.ctc_loss(x, l, il - 1, ll),
                                       F.ctc_loss(x, l, il - 1, ll - 2, reduction="sum")),
     lambda x, l, il, ll: (np.mean(ref.ctc(x, l, il - 1, ll, 0) / ll),
                           ref.ctc(x, l, il - 1, ll - 2, 0).sum()),
     [CTC_LOGITS, CTC_LABELS, CTC_INPUT_LENGTHS, CTC_LABEL_LENGTHS]),
    # Blank 2, four steps fewer: the first labels hold the blank twice and need
    # more steps than the 5 left (inf, or 0 with zero_infinity); the second's 1 is too few (0).
    ("ctc_loss", lambda x, l, il, ll: (F.ctc_loss(x, l, il - 4, ll, blank=2, reduction="none"),
                                       F.ctc_loss(x, l, il - 4, ll, 2, "none",
                                                  zero_infinity=True)),
     lambda x, l, il, ll: (ref.ctc(x, l, il - 4, ll, 2),
                           np.nan_to_num(ref.ctc(x, l, il - 4, ll, 2), posinf=0.0)),
     [CTC_LOGITS, CTC_LABELS, CTC_INPUT_LENGTHS, CTC_LABEL_LENGTHS]),
    # paddle.geometric: node 4 sends but receives nothing; 7 rows past the nodes.
    ("send_u_recv", lambda x, s, d: (
        [paddle.geometric.send_u_recv(x, s, d, op) for op in ("sum", "mean", "max", "min")] +
        [paddle.geometric.send_u_recv(x, s, d, "max", out_size=7)]),
     lambda x, s, d: ([_sent(x[s], d, 5, op) for op in ("sum", "mean", "max", "min")] +
                      [_sent(x[s], d, 7, "max")]), [GRAPH_X, EDGE_SRC, EDGE_DST]),
    ("send_u_recv", lambda x, s, d: (paddle.geometric.send_u_recv(x, s, d, "mean"),
                                     paddle.geometric.send_u_recv(x, s, d, "min")),
     lambda x, s, d: (_sent(x[s], d, 5, "mean"), _sent(x[s], d, 5, "min")),
     [GRAPH_INTS, EDGE_SRC, EDGE_DST]),
    ("send_ue_recv", lambda x, w, s, d: (
        paddle.geometric.send_ue_recv(x, w, s, d, "mul", "sum"),
        paddle.geometric.send_ue_recv(x, w, s, d, "div", "max"),
        paddle.geometric.send_ue_recv(x, w, s, d, "sub", "mean", out_size=6)),
     lambda x, w, s, d: (_sent(x[s] * w, d, 5, "sum"), _sent(x[s] * (1 / w), d, 5, "max"),
                         _sent(x[s] - w, d, 6, "mean")), [GRAPH_X, EDGE_W, EDGE_SRC, EDGE_DST]),
    ("send_uv", lambda x, s, d: (paddle.geometric.send_uv(x, x * 2.0, s, d),
                                 paddle.geometric.send_uv(x, x + 3.0, s, d, "div")),
     lambda x, s, d: (x[s] + 2 * x[d], x[s] * (1 / (x[d] + 3))), [GRAPH_X, EDGE_SRC, EDGE_DST]),
    ("segment_sum", lambda x, g: (paddle.geometric.segment_sum(x, g),
                                  paddle.geometric.segment_mean(x, g),
                                  paddle.geometric.segment_max(x, g),
                                  paddle.geometric.segment_min(x, g)),
     lambda x, g: tuple(_sent(x, g, 4, op) for op in ("sum", "mean", "max", "min")),
     [GRAPH_X, SEGMENT_IDS]),
    ("bilinear", lambda x, y, w, b: F.bilinear(x[:, 0], y[:, 0], w, b),
     lambda x, y, w, b: np.einsum("bi,kij,bj->bk", x[:, 0, :3], w, y[:, 0]) + b,
     [X[:, :, :3].copy(), P, BILINEAR_W, np.array([[0.5, -1.0]], np.float32).view(Fixed)]),
    # Random: what every draw shares (a distribution along the axis; one-hot).
    ("gumbel_softmax", lambda x: (F.gumbel_softmax(x).sum(-1),
                                  F.gumbel_softmax(x, 0.5, hard=True, axis=1).sum(1),
                                  F.gumbel_softmax(x, hard=True).max(-1),
                                  (F.gumbel_softmax(x, 2.0) > 0).all()),
     lambda x: (np.ones((2, 3), np.float32), np.ones((2, 4), np.float32),
                np.ones((2, 3), np.float32), np.array(True)), [X]),
    ("multinomial", lambda p: (paddle.multinomial(p[:1], 5, replacement=True),
                               paddle.sort(paddle.multinomial(p[1:], 2), axis=-1),
                               paddle.multinomial(p[0])),
     lambda p: (np.full((1, 5), 2, np.int64), np.array([[0, 3]], np.int64),
                np.array([2], np.int64)), [SPARSE_PROBS]),
    ("rrelu", lambda x: F.rrelu(x, 0.1, 0.3, training=False), lambda x: np.where(x >= 0, x, 0.2 * x),
     [X]),
    ("max_pool3d", lambda x: F.max_pool3d(x, 2, 2, 1), lambda x: _pool3d(x, 2, 2, 1, np.max),
     [VOL]),
    ("max_pool3d", lambda x: F.max_pool3d(x, 3, 1, padding="SAME"),
     lambda x: _pool3d(x, 3, 1, 1, np.max), [VOL]),
    ("max_pool3d", lambda x: F.max_pool3d(x, [2, 3, 2], [1, 2, 2], ceil_mode=True),
     lambda x: _pool3d(x, [2, 3, 2], [1, 2, 2], 0, np.max, ceil=True), [VOL]),
    ("avg_pool3d", lambda x: F.avg_pool3d(x, 3, 2, 1), lambda x: _pool3d(x, 3, 2, 1, np.mean),
     [VOL]),
    ("avg_pool3d", lambda x: F.avg_pool3d(x, 2, padding=1, exclusive=False),
     lambda x: _pool3d(x, 2, 2, 1, np.sum) / 8, [VOL]),
    ("avg_pool3d", lambda x: F.avg_pool3d(x, [2, 2, 1], divisor_override=3),
     lambda x: _pool3d(x, [2, 2, 1], [2, 2, 1], 0, np.sum) / 3, [VOL]),
    ("adaptive_avg_pool1d", lambda x: F.adaptive_avg_pool1d(x, 4),
     lambda x: _adaptive(x, [4], np.mean), [SEQ]),
    ("adaptive_max_pool1d", lambda x: F.adaptive_max_pool1d(x, 5),
     lambda x: _adaptive(x, [5], np.max), [SEQ]),
    ("adaptive_avg_pool3d", lambda x: F.adaptive_avg_pool3d(x, [2, 4, 3]),
     lambda x: _adaptive(x, [2, 4, 3], np.mean), [VOL]),
    ("adaptive_max_pool3d", lambda x: F.adaptive_max_pool3d(x, 2),
     lambda x: _adaptive(x, [2, 2, 2], np.max), [VOL]),
    ("unfold", lambda x: F.unfold(x, [2, 3]), lambda x: _unfold(x, [2, 3], [1, 1], [0] * 4, [1, 1]),
     [IMG]),
    ("unfold", lambda x: F.unfold(x, 3, strides=2, paddings=[1, 0, 2, 1], dilations=[1, 2]),
     lambda x: _unfold(x, [3, 3], [2, 2], [1, 0, 2, 1], [1, 2]), [IMG]),
    ("scaled_dot_product_attention",
     lambda q, k, v: F.scaled_dot_product_attention(q, k, v, training=False),
     lambda q, k, v: _attention(q, k, v), [QUERY, KEYS, KEYS * 0.5]),
    ("scaled_dot_product_attention",
     lambda q, k: F.scaled_dot_product_attention(q, k[:, :5, :2], k[:, :5, 2:], is_causal=True,
                                                 training=False),
     lambda q, k: _attention(q, k[:, :5, :2], k[:, :5, 2:], causal=True), [QUERY, KEYS]),
    ("scaled_dot_product_attention",
     lambda q, k, m: F.scaled_dot_product_attention(q, k, k, m, scale=0.3, training=False),
     lambda q, k, m: _attention(q, k, k, mask=m, scale=0.3), [QUERY, KEYS, ATTN_BIAS]),
    ("scaled_dot_product_attention",
     lambda q, k, m: F.scaled_dot_product_attention(q[0], k[0], k[0], m[0, 0] > 0,
                                                    training=False),
     lambda q, k, m: _attention(q[:1], k[:1], k[:1], mask=np.where(m[0, 0] > 0, 0, -np.inf))[0],
     [QUERY, KEYS, ATTN_BIAS]),
    ("swiglu", lambda x: F.swiglu(x), lambda x: x[..., :2] / (1 + np.exp(-x[..., :2])) * x[..., 2:],
     [X]),
    ("swiglu", lambda x, y: F.swiglu(x, y), lambda x, y: x / (1 + np.exp(-x)) * y, [X, U]),
    ("affine_grid", lambda t: F.affine_grid(t, [2, 3, 4, 7]),
     lambda t: _affine_grid(t, [4, 7], True), [THETA]),
    ("affine_grid", lambda t: F.affine_grid(t, [2, 1, 5, 3], align_corners=False),
     lambda t: _affine_grid(t, [5, 3], False), [THETA]),
    ("affine_grid", lambda t: F.affine_grid(t, [2, 1, 3, 4, 2]),
     lambda t: _affine_grid(t, [3, 4, 2], True), [THETA3]),
    ("affine_grid", lambda t: F.affine_grid(t, [2, 1, 3, 1, 2], align_corners=False),
     lambda t: _affine_grid(t, [3, 1, 2], False), [THETA3]),
    ("grid_sample", lambda x, t: F.grid_sample(x, F.affine_grid(t, [2, 4, 3, 5])),
     lambda x, t: _grid_sample(x, _affine_grid(t, [3, 5], True), True, "bilinear", "zeros"),
     [IMG, THETA]),
    ("grid_sample", lambda x, t: F.grid_sample(x, F.affine_grid(t, [2, 4, 3, 5], False),
                                               padding_mode="border", align_corners=False),
     lambda x, t: _grid_sample(x, _affine_grid(t, [3, 5], False), False, "bilinear", "border"),
     [IMG, THETA]),
    ("grid_sample", lambda x, t: F.grid_sample(x, F.affine_grid(t, [2, 4, 6, 2]), mode="nearest"),
     lambda x, t: _grid_sample(x, _affine_grid(t, [6, 2], True), True, "nearest", "zeros"),
     [IMG, THETA]),
    ("grid_sample", lambda x, g: F.grid_sample(x, g, padding_mode="reflection"),
     lambda x, g: _grid_sample(x, g, True, "bilinear", "reflection"), [IMG, WIDE_GRID]),
    ("grid_sample", lambda x, g: F.grid_sample(x, g, "nearest", "reflection", False),
     lambda x, g: _grid_sample(x, g, False, "nearest", "reflection"), [IMG, WIDE_GRID]),
    ("grid_sample", lambda x, g: F.grid_sample(x, g, padding_mode="reflection",
                                               align_corners=False),
     lambda x, g: _grid_sample(x, g, False, "bilinear", "reflection"), [VOL, WIDE_GRID3]),
    ("grid_sample", lambda x, g: F.grid_sample(x, g), lambda x, g: _grid_sample(
        x, g, True, "bilinear", "zeros"), [VOL, WIDE_GRID3]),
    ("grid_sample", lambda x, g: F.grid_sample(x, g, "nearest", "border"),
     lambda x, g: _grid_sample(x, g, True, "nearest", "border"), [VOL, WIDE_GRID3]),
    ("interpolate", lambda x: F.interpolate(x, size=[9, 4], mode="bicubic"),
     lambda x: _bicubic(x, [9, 4], False), [IMG]),
    ("interpolate", lambda x: F.interpolate(x, scale_factor=[0.5, 1.5], mode="bicubic",
                                            align_corners=True),
     lambda x: _bicubic(x, [3, 9], True), [IMG]),
    ("interpolate", lambda x, y: F.interpolate(x, paddle.shape(y)[2:], mode="bilinear"),
     lambda x, y: ref.interpolate(x, [11, 5], "bilinear"), [IMG, IMG_TARGET]),
    ("interpolate", lambda x, y: F.interpolate(x, size=[paddle.shape(y)[3], 8],
                                               mode="bicubic", align_corners=True),
     lambda x, y: _bicubic(x, [5, 8], True), [IMG, IMG_TARGET]),
    ("interpolate", lambda x, y: F.interpolate(x, paddle.shape(y)[2:]),
     lambda x, y: ref.interpolate(x, [11, 5], "nearest"), [IMG, IMG_TARGET]),
    ("conv3d_transpose", lambda x, w: F.conv3d_transpose(x, w, stride=[1, 2, 2], padding=1),
     lambda x, w: _conv_transpose3d(x, w, [1, 2, 2], 1), [VOL, KERT3]),
    ("fold", lambda x: F.fold(F.unfold(x, [2, 3]), [7, 6], [2, 3]),
     lambda x: _fold(_unfold(x, [2, 3], [1, 1], [0] * 4, [1, 1]), [7, 6], [2, 3], [1, 1],
                     [0] * 4, [1, 1]), [IMG]),
    ("fold", lambda x: F.fold(F.unfold(x, 3, strides=2, paddings=1), [7, 6], 3, strides=2,
                              paddings=1),
     lambda x: _fold(_unfold(x, [3, 3], [2, 2], [1] * 4, [1, 1]), [7, 6], [3, 3], [2, 2],
                     [1] * 4, [1, 1]), [IMG]),
    ("lp_pool2d", lambda x: F.lp_pool2d(x, 2.0, 2),
     lambda x: np.sqrt(_pool3d(x[:, :, None] ** 2, [1, 2, 2], [1, 2, 2], 0, np.sum)[:, :, 0]),
     [np.abs(IMG) + 0.1]),
    ("lp_pool1d", lambda x: F.lp_pool1d(x, 3.0, 3, stride=2),
     lambda x: np.cbrt(_pool3d(x[:, :, None, None] ** 3, [1, 1, 3], [1, 1, 2], 0,
                               np.sum)[:, :, 0, 0]), [np.abs(SEQ) + 0.1]),
    ("max_pool2d", lambda x: F.max_pool2d(x, 3, 2, 1, return_mask=True, ceil_mode=True),
     lambda x: _max_pool_with_mask(x, [3, 3], [2, 2], [1, 1], True), [IMG]),
    ("max_unpool2d", lambda x: F.max_unpool2d(*F.max_pool2d(x, [2, 3], [2, 1], return_mask=True),
                                              [2, 3], [2, 1], output_size=[7, 6]),
     lambda x: _unpool(*_max_pool_with_mask(x, [2, 3], [2, 1], [0, 0], False), [7, 6]), [IMG]),
    ("max_pool3d", lambda x: F.max_pool3d(x, [2, 3, 2], [2, 1, 2], 1, return_mask=True),
     lambda x: _max_pool_with_mask(x, [2, 3, 2], [2, 1, 2], [1, 1, 1], False), [VOL]),
    ("max_pool3d", lambda x: F.max_pool3d(x, 2, 2, return_mask=True, ceil_mode=True),
     lambda x: _max_pool_with_mask(x, [2, 2, 2], [2, 2, 2], [0, 0, 0], True), [VOL]),
    # Given as a string, the padding of pooling with a mask is none (as Paddle's).
    ("max_pool2d", lambda x: F.max_pool2d(x, 2, 2, padding="SAME", return_mask=True),
     lambda x: _max_pool_with_mask(x, [2, 2], [2, 2], [0, 0], False), [IMG]),
    ("max_unpool3d", lambda x: F.max_unpool3d(*F.max_pool3d(x, 2, return_mask=True), 2,
                                              output_size=[5, 6, 5]),
     lambda x: _unpool(*_max_pool_with_mask(x, [2, 2, 2], [2, 2, 2], [0, 0, 0], False),
                       [5, 6, 5]), [VOL]),
    ("adaptive_max_pool1d", lambda x: F.adaptive_max_pool1d(x, 3, return_mask=True),
     lambda x: _adaptive_max_with_mask(x, [3]), [SEQ]),
    ("adaptive_max_pool2d", lambda x: F.adaptive_max_pool2d(x, [3, None], return_mask=True),
     lambda x: _adaptive_max_with_mask(x, [3, x.shape[3]]), [IMG]),
    ("adaptive_max_pool3d", lambda x: F.adaptive_max_pool3d(x, [2, 4, 3], return_mask=True),
     lambda x: _adaptive_max_with_mask(x, [2, 4, 3]), [VOL]),
    ("max_pool1d", lambda x: F.max_pool1d(x, 3, 2, return_mask=True),
     lambda x: [a[:, :, 0] for a in _max_pool_with_mask(x[:, :, None], [1, 3], [1, 2], [0, 0],
                                                         False)], [SEQ]),
    ("max_unpool1d", lambda x: F.max_unpool1d(*F.max_pool1d(x, 2, return_mask=True), 2),
     lambda x: _unpool(*[a[:, :, 0] for a in _max_pool_with_mask(x[:, :, None], [1, 2], [1, 2],
                                                                  [0, 0], False)], [8]), [SEQ]),
    ("sequence_mask", lambda i: F.sequence_mask(i[0], 4), lambda i: (np.arange(4) < i[0][:, None])
     .astype(np.int64), [L]),
    # Indexing.
    ("indexing", lambda x: (x[:, 1], x[..., -1], x[None, ::-1, 1:-1], x[1:, :, ::2], x[0, -1]),
     lambda x: (x[:, 1], x[..., -1], x[None, ::-1, 1:-1], x[1:, :, ::2], x[0, -1]), [X]),
    ("indexing", lambda x, i: (x[x > 0], x[i], x[:, i[0]]),
     lambda x, i: (x[x > 0], x[i], x[:, i[0]]), [X, np.array([1, 0, 1], np.int64)]),
    ("indexing", lambda x, i: x[i], lambda x, i: x[i], [X, np.array([[1, 0], [1, 1]], np.int64)]),
    ("indexing", lambda x: x[x[:, :, 0] > 0], lambda x: x[x[:, :, 0] > 0], [X]),
    # Counting and order statistics.
    ("diff", lambda x: (paddle.diff(x, axis=1), paddle.diff(x, n=2, prepend=x[:, :, :1])),
     lambda x: (np.diff(x, axis=1), np.diff(np.concatenate([x[:, :, :1], x], 2), n=2)), [X]),
    ("histogram", lambda x: (paddle.histogram(x, bins=5, min=-1, max=1), paddle.histogram(x, 4)),
     lambda x: (np.histogram(x, 5, (-1, 1))[0].astype(np.int64),
                np.histogram(x, 4, (x.min(), x.max()))[0].astype(np.int64)), [X]),
    ("bincount", lambda i: (paddle.bincount(i[0]), paddle.bincount(i[1], minlength=9),
                            paddle.bincount(i[0], weights=paddle.to_tensor([0.5, 1.0, 2.0]))),
     lambda i: (np.bincount(i[0]), np.bincount(i[1], minlength=9),
                np.bincount(i[0], np.array([0.5, 1.0, 2.0], np.float32)).astype(np.float32)),
     [L]),
    ("unique", lambda i: paddle.unique(i), lambda i: np.unique(i), [UNIQUE_IDS]),
    ("unique", lambda i: paddle.unique(i, return_index=True, return_inverse=True,
                                       return_counts=True),
     lambda i: tuple(a.astype(np.int64) for a in np.unique(
         i, return_index=True, return_inverse=True, return_counts=True)), [UNIQUE_IDS]),
    ("unique", lambda i: paddle.unique(i, return_index=True, return_inverse=True,
                                       return_counts=True, axis=0),
     lambda i: tuple(a.astype(np.int64) for a in np.unique(
         i, return_index=True, return_inverse=True, return_counts=True, axis=0)), [UNIQUE_ROWS]),
    ("unique", lambda x: (paddle.unique(x, axis=-1),
                          *paddle.unique(x, return_inverse=True, return_counts=True, axis=1)),
     lambda x: (_unique_slices(x, 2)[0], *_unique_slices(x, 1, return_inverse=True,
                                                        return_counts=True)),
     [TIES]),
    ("isin", lambda i: (paddle.isin(i, paddle.to_tensor([2, 5])),
                        paddle.isin(i, paddle.to_tensor([2, 5]), invert=True)),
     lambda i: (np.isin(i, [2, 5]), np.isin(i, [2, 5], invert=True)), [UNIQUE_IDS]),
    ("tril_indices", lambda x: paddle.tril_indices(4, 3, -1) + x.shape[0] * 0,
     lambda x: np.stack(np.tril_indices(4, -1, 3)), [X]),
    ("triu_indices", lambda x: (paddle.triu_indices(3, 5, 1), paddle.triu_indices(3)),
     lambda x: (np.stack(np.triu_indices(3, 1, 5)), np.stack(np.triu_indices(3))), [X]),
    ("quantile", lambda x: (paddle.quantile(x, 0.3, axis=1), paddle.quantile(x, [0.25, 0.5]),
                            paddle.quantile(x, 0.6, axis=[0, 2], keepdim=True,
                                            interpolation="nearest"),
                            paddle.quantile(x, 0.4, axis=-1, interpolation="midpoint")),
     lambda x: (np.quantile(x, 0.3, axis=1).astype(np.float32),
                np.quantile(x, [0.25, 0.5]).astype(np.float32),
                _nearest_quantile(x, 0.6), np.quantile(x, 0.4, axis=-1, method="midpoint")
                .astype(np.float32)), [X]),
    ("cummax", lambda x: paddle.cummax(x, axis=1), lambda x: _cumulative(x, 1, np.maximum),
     [TIES]),
    ("cummax", lambda x: paddle.cummax(x, dtype="int32"),
     lambda x: (_cumulative(x.ravel(), 0, np.maximum)[0],
                _cumulative(x.ravel(), 0, np.maximum)[1].astype(np.int32)), [TIES]),
    ("cummin", lambda x: paddle.cummin(x, axis=-1), lambda x: _cumulative(x, 2, np.minimum),
     [TIES]),
    ("mode", lambda x: paddle.mode(x), lambda x: _mode(x, 2), [TIES]),
    ("mode", lambda x: paddle.mode(x, axis=1, keepdim=True),
     lambda x: tuple(np.expand_dims(a, 1) for a in _mode(x, 1)), [TIES]),
    ("logcumsumexp", lambda x: (paddle.logcumsumexp(x, axis=1), paddle.logcumsumexp(x)),
     lambda x: (np.logaddexp.accumulate(x, axis=1), np.logaddexp.accumulate(x.ravel())), [X]),
    # Special functions.
    ("stanh", lambda x: paddle.stanh(x, 0.5, 2.0), lambda x: 2.0 * np.tanh(0.5 * x), [X]),
    ("erfinv", lambda x: paddle.erfinv(x), lambda x: _erfinv(x), [U]),
    # Both sides of 8, where the Chebyshev series change.
    ("i0", lambda x: paddle.i0(x * 6.0), lambda x: np.i0(x * 6.0).astype(np.float32), [X]),
    ("i0e", lambda x: paddle.i0e(x * 12.0),
     lambda x: (np.exp(-np.abs(x * 12.0)) * np.i0(x * 12.0)).astype(np.float32), [X]),
    ("i1", lambda x: paddle.i1(x * 6.0), lambda x: _i1(x * 6.0), [X]),
    ("polygamma", lambda x: (paddle.polygamma(x * 3.0 + 0.1, 1), paddle.polygamma(x - 2.7, 2),
                             paddle.polygamma(x, 0)),
     lambda x: (_polygamma(x * np.float32(3.0) + np.float32(0.1), 1),
                _polygamma(x - np.float32(2.7), 2), _digamma(x)), [X]),
    ("i1e", lambda x: paddle.i1e(x * 12.0),
     lambda x: (np.exp(-np.abs(x * 12.0)) * _i1(x * 12.0)).astype(np.float32), [X]),
    ("lgamma", lambda x: (paddle.lgamma(x * 3.0), paddle.lgamma(x - 2.7)),
     lambda x: (_lgamma(x * 3.0), _lgamma(x - np.float32(2.7))), [P]),
    ("multigammaln", lambda x: (paddle.multigammaln(x * 3.0 + 1.0, 3),
                                paddle.multigammaln(x - 2.7, 1)),
     lambda x: (sum(_lgamma(np.float64(x * 3.0 + 1.0) - i / 2) for i in range(3)) +
                1.5 * math.log(math.pi), _lgamma(x - np.float32(2.7))), [P]),
    ("digamma", lambda x: (paddle.digamma(x * 3.0), paddle.digamma(x - 2.7)),
     lambda x: (_digamma(x * 3.0), _digamma(x - np.float32(2.7))), [P]),
    # Numeric functions (numeric_composites.py).
    ("true_divide", lambda x, p: paddle.true_divide(x, p), lambda x, p: x / p, [X, P]),
    ("negative", lambda x, i: (paddle.negative(x), paddle.negative(i)), lambda x, i: (-x, -i),
     [X, I]),
    ("positive", lambda x: paddle.positive(x), lambda x: x, [X]),
    ("copysign", lambda x, u: (paddle.copysign(x, u), paddle.copysign(x, -0.0)),
     lambda x, u: (np.copysign(x, u), np.copysign(x, np.float32(-0.0))), [X, U]),
    ("gcd", lambda a, b: paddle.gcd(a, b), lambda a, b: np.gcd(a, b), [GCD_A, GCD_B]),
    ("lcm", lambda a, b: paddle.lcm(a, b), lambda a, b: np.lcm(a, b), [GCD_A, GCD_B]),
    ("sinc", lambda x: (paddle.sinc(x), paddle.sinc(x * 0.0)),
     lambda x: (np.sinc(x), np.ones_like(x)), [X]),
    ("ldexp", lambda x, e: paddle.ldexp(x, e), lambda x, e: np.ldexp(x, e), [X, EXPONENTS]),
    ("frexp", lambda x: paddle.frexp(x),
     lambda x: (np.frexp(x)[0], np.frexp(x)[1].astype(np.float32)), [X]),
    ("isneginf", lambda x: paddle.isneginf(x), lambda x: np.isneginf(x), [EDGE]),
    ("isposinf", lambda x: paddle.isposinf(x), lambda x: np.isposinf(x), [EDGE]),
    ("isreal", lambda x: paddle.isreal(x), lambda x: np.isreal(x), [X]),
    ("is_empty", lambda x: paddle.is_empty(x), lambda x: np.array(x.size == 0), [X]),
    ("is_floating_point", lambda x, i: (paddle.is_floating_point(x), paddle.is_floating_point(i)),
     lambda x, i: (np.array(True), np.array(False)), [X, I]),
    ("is_integer", lambda x, i: (paddle.is_integer(x), paddle.is_integer(i)),
     lambda x, i: (np.array(False), np.array(True)), [X, I]),
    ("is_complex", lambda x, z: (paddle.is_complex(x), paddle.is_complex(z)),
     lambda x, z: (np.array(False), np.array(True)), [X, Z]),
    ("gammaln", lambda x: paddle.gammaln(x * 3.0), lambda x: _lgamma(x * 3.0), [P]),
    ("trapezoid", lambda x, r: (paddle.trapezoid(x), paddle.trapezoid(x, dx=0.5, axis=1),
                                paddle.trapezoid(x, x=r)),
     lambda x, r: (((x[..., 1:] + x[..., :-1]) / 2).sum(-1),
                   ((x[:, 1:] + x[:, :-1]) / 4).sum(1),
                   ((x[..., 1:] + x[..., :-1]) / 2 * np.diff(r)).sum(-1)), [X, ROW4]),
    ("cumulative_trapezoid", lambda x: paddle.cumulative_trapezoid(x, axis=1),
     lambda x: np.cumsum((x[:, 1:] + x[:, :-1]) / 2, axis=1), [X]),
    ("vander", lambda v: (paddle.vander(v, 4), paddle.vander(v, increasing=True)),
     lambda v: (np.vander(v, 4), np.vander(v, increasing=True)), [V5]),
    ("renorm", lambda x: paddle.renorm(x, 2.0, 1, 1.5),
     lambda x: x * np.minimum(1.0, 1.5 / (np.sqrt((x * x).sum((0, 2), keepdims=True)) + 1e-7)),
     [X]),
    ("cdist", lambda x, y: (paddle.cdist(x, y), paddle.cdist(x, y, p=1.0),
                            paddle.cdist(x, y, p=float("inf"))),
     lambda x, y: (np.sqrt(((x[:, :, None] - y[:, None]) ** 2).sum(-1)),
                   np.abs(x[:, :, None] - y[:, None]).sum(-1),
                   np.abs(x[:, :, None] - y[:, None]).max(-1)), [X, P]),
    ("reduce_as", lambda x, t: paddle.reduce_as(x, t),
     lambda x, t: x.sum(0).sum(-1, keepdims=True), [X, np.ones((3, 1), np.float32).view(Fixed)]),
    # Writing into regions and building from parts (scatter_composites.py).
    ("diagonal_scatter", lambda m, d: (paddle.diagonal_scatter(m, d, offset=1),
                                       paddle.diagonal_scatter(m, d, axis1=0, axis2=1)),
     lambda m, d: (_with_diagonal(m, d, 1), _with_diagonal(m, d, 0)), [M34, DIAG3]),
    ("slice_scatter", lambda m, c: paddle.slice_scatter(m, c, axes=[1], starts=[0], ends=[4],
                                                        strides=[2]),
     lambda m, c: _with(m, (slice(None), slice(0, 4, 2)), c), [M34, COLUMN]),
    ("select_scatter", lambda m, r: paddle.select_scatter(m, r, axis=1, index=-2),
     lambda m, r: _with(m, (slice(None), 2), r), [M34, DIAG3]),
    ("index_put", lambda m: (paddle.index_put(m, (paddle.to_tensor([0, 2, 0]),
                                                  paddle.to_tensor([1, 1, 1])),
                                              paddle.to_tensor(5.0), accumulate=True),
                             paddle.index_put(m, (paddle.to_tensor([0, -1]),),
                                              paddle.to_tensor([9.0, 8.0, 7.0, 6.0])),
                             paddle.index_put(m, (m > 0.5,), paddle.to_tensor(0.0))),
     lambda m: (_with(m, (np.array([0, 2]), np.array([1, 1])), m[[0, 2], [1, 1]] + [10, 5]),
                _with(m, np.array([0, 2]), np.array([9, 8, 7, 6], np.float32)),
                np.where(m > 0.5, 0, m)), [M34]),
    ("scatter_add", lambda m, t, s: paddle.scatter_add(m, 0, t, s),
     lambda m, t, s: _scatter_reduce(m, t, s, np.add, True), [M34, TARGETS, SOURCES]),
    ("scatter_reduce",
     lambda m, t, s: tuple(paddle.scatter_reduce(m, 0, t, s, r, include_self=b)
                           for r in ("sum", "prod", "mean", "amin", "amax")
                           for b in (True, False)),
     lambda m, t, s: tuple(_scatter_reduce(m, t, s, r, b)
                           for r in (np.add, np.multiply, "mean", np.minimum, np.maximum)
                           for b in (True, False)), [M34, TARGETS, SOURCES]),
    ("shard_index", lambda i: (paddle.shard_index(i, 20, 2, 0), paddle.shard_index(i, 20, 2, 1)),
     lambda i: (np.where(i < 10, i, -1), np.where(i >= 10, i - 10, -1)), [LABELS]),
    ("cartesian_prod", lambda v, r: paddle.cartesian_prod([v, r]),
     lambda v, r: np.stack([np.repeat(v, 4), np.tile(r, 5)], 1), [V5, ROW4]),
    ("combinations", lambda v: (paddle.combinations(v, 3),
                                paddle.combinations(v, 2, with_replacement=True)),
     lambda v: (v[np.array(list(itertools.combinations(range(5), 3)))],
                v[np.array(list(itertools.combinations_with_replacement(range(5), 2)))]), [V5]),
    ("block_diag", lambda m, c: paddle.block_diag([m, c, paddle.to_tensor(2.0)]),
     lambda m, c: _block_diag([m, c, np.array([[2.0]], np.float32)]), [M34, COLUMN]),
    ("argwhere", lambda x: paddle.argwhere(x > 0), lambda x: np.argwhere(x > 0), [X]),
    ("msort", lambda x: paddle.msort(x), lambda x: np.sort(x, axis=0), [X]),
    ("unique_consecutive",
     lambda r: (paddle.unique_consecutive(r),
                *paddle.unique_consecutive(r, return_inverse=True, return_counts=True),
                *paddle.unique_consecutive(r, return_counts=True, axis=1)),
     lambda r: (np.array([1, 2, 3, 1, 2]), np.array([1, 2, 3, 1, 2]),
                np.array([0, 0, 1, 1, 2, 3, 3, 4]), np.array([2, 2, 1, 2, 1]),
                r, np.array([1, 1, 1, 1])), [RUNS]),
    ("nanmedian", lambda x: (paddle.nanmedian(x, axis=2), paddle.nanmedian(x),
                             paddle.nanmedian(x, axis=1, keepdim=True),
                             *paddle.nanmedian(x, axis=2, mode="min")),
     lambda x: (np.nanmedian(x, axis=2), np.nanmedian(x), np.nanmedian(x, axis=1, keepdims=True),
                *_nanmedian_min(x)), [XN]),
    ("nanquantile", lambda x: (paddle.nanquantile(x, 0.3, axis=2),
                               paddle.nanquantile(x, [0.25, 0.5]),
                               paddle.nanquantile(x, 0.6, axis=1, interpolation="lower")),
     lambda x: (np.nanquantile(x, 0.3, axis=2).astype(np.float32),
                np.nanquantile(x, [0.25, 0.5]).astype(np.float32),
                np.nanquantile(x, 0.6, axis=1, method="lower")), [XN]),
    ("pdist", lambda m: (F.pdist(m), F.pdist(m, p=1.0)),
     lambda m: (_pdist(m, 2), _pdist(m, 1)), [M34]),
    ("dropout1d", lambda s: (F.dropout1d(s, 0.5, training=False), F.dropout1d(s, 1.0),
                             F.dropout1d(s[0], 0.0)),
     lambda s: (s, np.zeros_like(s), s[0]), [SEQ]),
    # Linear algebra (paddle.linalg).
    ("norm", lambda x: (paddle.linalg.norm(x, "fro", axis=[1, 2]), paddle.norm(x),
                        paddle.linalg.norm(x, float("inf"), axis=[1, 2], keepdim=True),
                        paddle.linalg.norm(x, -float("inf"), axis=1), paddle.norm(x, 0, axis=2)),
     lambda x: (np.linalg.norm(x, "fro", axis=(1, 2)), np.linalg.norm(x.ravel()),
                np.linalg.norm(x, np.inf, axis=(1, 2), keepdims=True), np.abs(x).min(1),
                np.count_nonzero(x, axis=2).astype(np.float32)), [SQUARE]),
    ("vector_norm", lambda x: (paddle.linalg.vector_norm(x, 3.0, axis=[0, 2]),
                               paddle.linalg.vector_norm(x, 1, keepdim=True)),
     lambda x: ((np.abs(x) ** 3).sum((0, 2)) ** (1 / 3), np.abs(x).sum().reshape(1, 1, 1)),
     [SQUARE]),
    ("matrix_norm", lambda x: (paddle.linalg.matrix_norm(x, 1), paddle.linalg.matrix_norm(x),
                               paddle.linalg.matrix_norm(x, -1, axis=[0, 2], keepdim=True)),
     lambda x: (np.linalg.norm(x, 1, axis=(1, 2)), np.linalg.norm(x, "fro", axis=(1, 2)),
                np.linalg.norm(x, -1, axis=(0, 2), keepdims=True)), [SQUARE]),
    ("inverse", lambda s: paddle.linalg.inv(s), lambda s: np.linalg.inv(s), [SPD]),
    ("det", lambda x: (paddle.linalg.det(x), paddle.linalg.det(x[:, :2, :2] * 0.0 + 1.0)),
     lambda x: (np.linalg.det(x), np.zeros(2, np.float32)), [SQUARE]),
    ("slogdet", lambda x: paddle.linalg.slogdet(x),
     lambda x: np.stack(np.linalg.slogdet(x)).astype(np.float32), [SQUARE]),
    ("solve", lambda x, y: (paddle.linalg.solve(x, y), paddle.linalg.solve(x[0], y[0, :, 0]),
                            paddle.linalg.solve(x, paddle.transpose(y, [0, 2, 1]), left=False)),
     lambda x, y: (np.linalg.solve(x, y), np.linalg.solve(x[0], y[0, :, 0]),
                   np.swapaxes(np.linalg.solve(np.swapaxes(x, 1, 2), y), 1, 2)), [SQUARE, RHS]),
    ("cholesky", lambda s: (paddle.linalg.cholesky(s), paddle.cholesky(s, upper=True)),
     lambda s: (np.linalg.cholesky(s), np.swapaxes(np.linalg.cholesky(s), 1, 2)), [SPD]),
    ("cholesky_solve", lambda s, y: (
        paddle.linalg.cholesky_solve(y, paddle.linalg.cholesky(s)),
        paddle.linalg.cholesky_solve(y, paddle.linalg.cholesky(s, upper=True), upper=True)),
     lambda s, y: (np.linalg.solve(s, y), np.linalg.solve(s, y)), [SPD, RHS]),
    ("cholesky_inverse", lambda s: (paddle.linalg.cholesky_inverse(paddle.linalg.cholesky(s[0])),
                                    paddle.linalg.cholesky_inverse(
                                        paddle.linalg.cholesky(s[1], upper=True), upper=True)),
     lambda s: (np.linalg.inv(s[0]), np.linalg.inv(s[1])), [SPD]),
    ("triangular_solve", lambda x, y: (
        paddle.linalg.triangular_solve(x + paddle.eye(4) * 4.0, y),
        paddle.linalg.triangular_solve(x, y, upper=False, transpose=True, unitriangular=True)),
     lambda x, y: (np.linalg.solve(np.triu(x + 4 * EYE4), y),
                   np.linalg.solve(np.swapaxes(np.tril(x, -1) + EYE4, 1, 2), y)), [SQUARE, RHS]),
    ("multi_dot", lambda x, y: paddle.linalg.multi_dot([x[0], x[1], y[0], y[1, 0]]),
     lambda x, y: x[0] @ x[1] @ y[0] @ y[1, 0], [SQUARE, RHS]),
    ("matrix_power", lambda x: (paddle.linalg.matrix_power(x, 3),
                                paddle.linalg.matrix_power(x, 0),
                                paddle.linalg.matrix_power(x + paddle.eye(4) * 4.0, -2)),
     lambda x: (np.linalg.matrix_power(x, 3), np.broadcast_to(EYE4, x.shape),
                np.linalg.matrix_power(x + 4 * EYE4, -2)), [SQUARE]),
    ("matrix_transpose", lambda x: paddle.linalg.matrix_transpose(x),
     lambda x: np.swapaxes(x, 1, 2), [SQUARE]),
    ("vecdot", lambda x, y: paddle.linalg.vecdot(x[:, :, :3], y),
     lambda x, y: (x[:, :, :3] * y).sum(-1), [SQUARE, RHS]),
    ("cov", lambda x, w: (paddle.linalg.cov(x), paddle.linalg.cov(x, rowvar=False, ddof=False),
                          paddle.linalg.cov(x, fweights=paddle.to_tensor([1, 2, 1, 3, 1, 1]),
                                            aweights=w), paddle.linalg.cov(x[0])),
     lambda x, w: (np.cov(x), np.cov(x, rowvar=False, ddof=0).astype(np.float32),
                   np.cov(x, fweights=[1, 2, 1, 3, 1, 1], aweights=w).astype(np.float32),
                   np.cov(x[0]).astype(np.float32)), [SAMPLES, WEIGHTS]),
    ("corrcoef", lambda x: (paddle.linalg.corrcoef(x), paddle.linalg.corrcoef(x, rowvar=False)),
     lambda x: (np.corrcoef(x), np.corrcoef(x, rowvar=False)), [SAMPLES]),
    # paddle.linalg's functions that tensors also have as methods.
    ("solve", lambda x, y: (x.solve(y), x.slogdet(), x.matrix_power(2)),
     lambda x, y: (np.linalg.solve(x, y), np.stack(np.linalg.slogdet(x)).astype(np.float32),
                   x @ x), [SQUARE, RHS]),
    ("cholesky_solve", lambda s, y: (y.cholesky_solve(paddle.linalg.cholesky(s)),
                                     paddle.linalg.cholesky(s[0]).cholesky_inverse()),
     lambda s, y: (np.linalg.solve(s, y), np.linalg.inv(s[0])), [SPD, RHS]),
    ("cov", lambda x: (x.cov(), x.corrcoef()),
     lambda x: (np.cov(x).astype(np.float32), np.corrcoef(x).astype(np.float32)), [SAMPLES]),
    # Complex numbers: made from parts, taken apart, and computed with.
    ("complex", lambda x, y: paddle.complex(x, y), lambda x, y: x + 1j * y, [X, U]),
    ("complex", lambda x, r: paddle.complex(x, r[0]), lambda x, r: x + 1j * r[0], [X, ROW]),
    ("real", lambda z: (paddle.real(z), z.real()), lambda z: (z.real, z.real), [Z]),
    ("imag", lambda z: (paddle.imag(z), z.imag()), lambda z: (z.imag, z.imag), [Z]),
    ("conj", lambda z, x: (paddle.conj(z), paddle.conj(x), z.conj()),
     lambda z, x: (np.conj(z), x, np.conj(z)), [Z, X]),
    ("angle", lambda z, e: (paddle.angle(z), paddle.angle(e)),
     lambda z, e: (np.angle(z), np.where(np.isnan(e), e, np.where(e < 0, np.pi, 0))),
     [Z, EDGE]),
    ("polar", lambda a, t: paddle.polar(a, t), lambda a, t: a * np.exp(1j * t), [P, U]),
    ("as_real", lambda z: paddle.as_real(z), lambda z: np.stack([z.real, z.imag], -1), [Z]),
    ("as_complex", lambda p: paddle.as_complex(p), lambda p: p[..., 0] + 1j * p[..., 1],
     [PAIRS]),
    ("isreal", lambda z: paddle.isreal(z), np.isreal, [ZI]),
    ("multiply", lambda z, w: (z * w, z / w, z - w * 2.5, 1.5 * z + 1),
     lambda z, w: (z * w, z / w, z - w * 2.5, 1.5 * z + 1), [Z, Z2]),
    ("add", lambda z, x: (z + x, x - z, z * x, z / (x + 3.0)),
     lambda z, x: (z + x, x - z, z * x, z / (x + 3)), [Z, X]),
    ("pow", lambda z: (z ** 2, paddle.square(z), paddle.reciprocal(z)),
     lambda z: (z * z, z * z, 1 / z), [Z]),
    ("exp", lambda z: (paddle.exp(z), paddle.log(z), paddle.sqrt(z), paddle.expm1(z),
                       paddle.log1p(z), paddle.log2(z), paddle.log10(z)),
     lambda z: (np.exp(z), np.log(z), np.sqrt(z), np.expm1(z), np.log1p(z), np.log2(z),
                np.log10(z)), [Z]),
    ("tanh", lambda z: (paddle.tanh(z), paddle.sin(z), paddle.cos(z), paddle.tan(z),
                        paddle.sinh(z), paddle.cosh(z), paddle.sigmoid(z)),
     lambda z: (np.tanh(z), np.sin(z), np.cos(z), np.tan(z), np.sinh(z), np.cosh(z),
                1 / (1 + np.exp(-z))), [Z]),
    ("abs", lambda z: (paddle.abs(z), -z), lambda z: (np.abs(z), -z), [Z]),
    ("equal", lambda z, w: (z == w, z != w, z == z), lambda z, w: (z == w, z != w, z == z),
     [Z, Z2]),
    ("sum", lambda z: (paddle.sum(z), paddle.sum(z, axis=1), paddle.mean(z, axis=-1),
                       paddle.mean(z)),
     lambda z: (z.sum(), z.sum(1), z.mean(-1), z.mean()), [Z]),
    ("cumsum", lambda z: (paddle.cumsum(z, axis=1), paddle.cumsum(z)),
     lambda z: (np.cumsum(z, 1), np.cumsum(z)), [Z]),
    ("matmul", lambda z, w: (paddle.matmul(z, w, transpose_y=True), z[0] @ w[0, 0]),
     lambda z, w: (z @ np.swapaxes(w, -1, -2), z[0] @ w[0, 0]), [Z, Z2]),
    ("einsum", lambda z, w: paddle.einsum("bij,bkj->bik", z, w),
     lambda z, w: np.einsum("bij,bkj->bik", z, w), [Z, Z2]),
    ("cast", lambda x, z: (paddle.cast(x, "complex64"), paddle.cast(z, "float32"),
                           paddle.cast(z, "complex128"), paddle.cast(z, "bool"),
                           z.astype("int32")),
     lambda x, z: (x.astype(np.complex64), z.real, z.astype(np.complex128), z != 0,
                   z.real.astype(np.int32)), [X, Z]),
    ("where", lambda z, x: (paddle.where(x > 0, z, paddle.zeros_like(z)),
                            paddle.full_like(z, 2.0), paddle.ones([2], "complex64")),
     lambda z, x: (np.where(x > 0, z, 0), np.full_like(z, 2), np.ones(2, np.complex64)),
     [Z, X]),
    ("transpose", lambda z: (paddle.transpose(z, [2, 0, 1]).reshape([4, -1])[1:3],
                             paddle.concat([z, z[:, :1]], axis=1), paddle.stack([z[0], z[1]]),
                             paddle.flip(z, [2]), z.unsqueeze(0).squeeze(0).flatten(),
                             paddle.broadcast_to(z[:1], [3, 3, 4])),
     lambda z: (np.transpose(z, [2, 0, 1]).reshape(4, -1)[1:3],
                np.concatenate([z, z[:, :1]], 1), np.stack([z[0], z[1]]), z[:, :, ::-1],
                z.reshape(-1), np.broadcast_to(z[:1], [3, 3, 4])), [Z]),
    ("gather", lambda z: (paddle.gather(z, paddle.to_tensor([2, 0]), axis=2),
                          F.pad(z, [0, 0, 1, 0, 0, 1])),
     lambda z: (z[:, :, [2, 0]], np.pad(z, [(0, 0), (1, 0), (0, 1)])), [Z]),
    ("fft_c2c", lambda z: (paddle.fft_c2c(z), paddle.fft_c2c(z, False), paddle.fft_c2c(z[..., :1])),
     lambda z: (np.fft.fft(z), np.fft.ifft(z) * z.shape[-1], z[..., :1]), [Z]),
    ("fft_c2c", lambda z: paddle.fft_c2c(z[:, :, None] * 1.0 + z[0, 0, :]),
     lambda z: np.fft.fft(z[:, :, None] + z[0, 0, :]), [Z]),
    # paddle.fft: against numpy's FFTs (float32 signals give complex64 spectra).
    ("fft.fft", lambda s, z: (paddle.fft.fft(s), paddle.fft.fft(z, n=6, axis=1),
                              paddle.fft.fft(s, norm="ortho"), paddle.fft.fft(z, axis=0)),
     lambda s, z: (np.fft.fft(s), np.fft.fft(z, n=6, axis=1), np.fft.fft(s, norm="ortho"),
                   np.fft.fft(z, axis=0)), [SIG, Z]),
    ("fft.ifft", lambda z, s: (paddle.fft.ifft(z), paddle.fft.ifft(s, n=12, norm="forward"),
                               paddle.fft.ifft(z, axis=0, norm="ortho")),
     lambda z, s: (np.fft.ifft(z), np.fft.ifft(s, n=12, norm="forward"),
                   np.fft.ifft(z, axis=0, norm="ortho")), [SPEC, SIG]),
    ("fft.rfft", lambda s, i: (paddle.fft.rfft(s), paddle.fft.rfft(s, n=7, axis=-1),
                               paddle.fft.rfft(s, axis=0), paddle.fft.rfft(i)),
     lambda s, i: (np.fft.rfft(s), np.fft.rfft(s, n=7), np.fft.rfft(s, axis=0),
                   np.fft.rfft(i)), [SIG, SIG_INTS]),
    ("fft.irfft", lambda z: (paddle.fft.irfft(z), paddle.fft.irfft(z, n=7),
                             paddle.fft.irfft(z, n=4, norm="ortho"), paddle.fft.irfft(z, axis=0)),
     lambda z: (np.fft.irfft(z), np.fft.irfft(z, n=7), np.fft.irfft(z, n=4, norm="ortho"),
                np.fft.irfft(z, axis=0)), [SPEC]),
    ("fft.hfft", lambda z: (paddle.fft.hfft(z), paddle.fft.hfft(z, n=9, norm="forward")),
     lambda z: (np.fft.hfft(z), np.fft.hfft(z, n=9, norm="forward")), [SPEC]),
    ("fft.ihfft", lambda s: (paddle.fft.ihfft(s), paddle.fft.ihfft(s, n=5, norm="ortho")),
     lambda s: (np.fft.ihfft(s), np.fft.ihfft(s, n=5, norm="ortho")), [SIG]),
    ("fft.fft2", lambda z: (paddle.fft.fft2(z), paddle.fft.fft2(z, s=[2, 5], axes=[0, 2])),
     lambda z: (np.fft.fft2(z), np.fft.fft2(z, s=[2, 5], axes=[0, 2])), [Z]),
    ("fft.ifft2", lambda x: paddle.fft.ifft2(x, norm="ortho"),
     lambda x: np.fft.ifft2(x, norm="ortho"), [X]),
    ("fft.rfft2", lambda x: (paddle.fft.rfft2(x), paddle.fft.rfft2(x, s=[4, 6])),
     lambda x: (np.fft.rfft2(x), np.fft.rfft2(x, s=[4, 6])), [X]),
    ("fft.irfft2", lambda z: (paddle.fft.irfft2(z), paddle.fft.irfft2(z, s=[3, 10])),
     lambda z: (np.fft.irfft2(z), np.fft.irfft2(z, s=[3, 10])), [SPEC]),
    ("fft.hfft2", lambda z: paddle.fft.hfft2(z), lambda z: _hfftn(z, 2), [SPEC]),
    ("fft.ihfft2", lambda s: paddle.fft.ihfft2(s), lambda s: _ihfftn(s, 2), [SIG]),
    ("fft.fftn", lambda x, z: (paddle.fft.fftn(x), paddle.fft.fftn(z, axes=[2, 0])),
     lambda x, z: (np.fft.fftn(x), np.fft.fftn(z, axes=[2, 0])), [X, Z]),
    ("fft.ifftn", lambda z: (paddle.fft.ifftn(z), paddle.fft.ifftn(z, s=[5])),
     lambda z: (np.fft.ifftn(z), np.fft.ifftn(z, s=[5], axes=[2])), [Z]),
    ("fft.rfftn", lambda x: (paddle.fft.rfftn(x), paddle.fft.rfftn(x, axes=[2, 0])),
     lambda x: (np.fft.rfftn(x), np.fft.rfftn(x, axes=[2, 0])), [X]),
    ("fft.irfftn", lambda z: (paddle.fft.irfftn(z), paddle.fft.irfftn(z, s=[2, 5])),
     lambda z: (np.fft.irfftn(z), np.fft.irfftn(z, s=[2, 5])), [Z]),
    ("fft.hfftn", lambda z: paddle.fft.hfftn(z), lambda z: _hfftn(z, 3), [Z]),
    ("fft.ihfftn", lambda x: paddle.fft.ihfftn(x), lambda x: _ihfftn(x, 3), [X]),
    ("fft.fft", lambda s: paddle.fft.fft(s), lambda s: np.fft.fft(s), [SIG64]),
    ("fft.fftfreq", lambda s: (paddle.fft.fftfreq(7, 0.5), paddle.fft.fftfreq(8, dtype="float64")),
     lambda s: (np.fft.fftfreq(7, 0.5), np.fft.fftfreq(8)), [SIG]),
    ("fft.rfftfreq", lambda s: paddle.fft.rfftfreq(9, 0.1), lambda s: np.fft.rfftfreq(9, 0.1),
     [SIG]),
    ("fft.fftshift", lambda z: (paddle.fft.fftshift(z), paddle.fft.fftshift(z, axes=1),
                                paddle.fft.fftshift(z, axes=[0, 2])),
     lambda z: (np.fft.fftshift(z), np.fft.fftshift(z, axes=1),
                np.fft.fftshift(z, axes=[0, 2])), [Z]),
    ("fft.ifftshift", lambda x: (paddle.fft.ifftshift(x), paddle.fft.ifftshift(x, axes=[2])),
     lambda x: (np.fft.ifftshift(x), np.fft.ifftshift(x, axes=[2])), [X]),
    # paddle.signal: against numpy's FFTs of frames cut, windowed and summed by hand.
    ("signal.stft", lambda x, w: (paddle.signal.stft(x, 16, window=w),
                                  paddle.signal.stft(x[0], 16, hop_length=5, win_length=12,
                                                     window=w[2:14], pad_mode="constant",
                                                     normalized=True),
                                  paddle.signal.stft(x, 16, window=w, center=False,
                                                     onesided=False)),
     lambda x, w: (_stft(x, 16, 4, w), _stft(x[:1], 16, 5, np.pad(w[2:14], 2), mode="constant",
                                             normalized=True)[0],
                   _stft(x, 16, 4, w, center=False, onesided=False)), [WAVES, HANN]),
    ("signal.istft", lambda x, w: (paddle.signal.istft(paddle.signal.stft(x, 16, window=w), 16,
                                                       window=w),
                                   paddle.signal.istft(paddle.signal.stft(x, 16, window=w), 16,
                                                       window=w, length=30)),
     lambda x, w: (x, x[:, :30]), [WAVES, HANN]),
    ("signal.overlap_add", lambda f: (paddle.signal.overlap_add(f, 2),
                                      paddle.signal.overlap_add(paddle.transpose(f, [2, 1, 0]),
                                                                3, axis=0)),
     lambda f: (_overlap_add(f, 2), _overlap_add(np.transpose(f, [2, 1, 0]).T, 3).T), [FRAMES]),
    ("signal.frame", lambda x: paddle.signal.frame(x, 8, 3),
     lambda x: np.stack([x[:, i * 3:i * 3 + 8] for i in range(11)], -1), [WAVES]),
]
def write_case_module(folder, header, test_file=__file__):
    """The case functions as `def`s (to_static converts source it can read),
    written from the lambdas of `test_file`'s CASES into `folder`/op_cases.py
    after `header`."""
    import ast
    source = pathlib.Path(test_file).read_text()
    tree = ast.parse(source)
    cases = next(n.value for n in tree.body
                 if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "CASES")
    lines = [header, "F = paddle.nn.functional", ""]
    for i, entry in enumerate(cases.elts):
        fn = entry.elts[1]
        params = ", ".join(a.arg for a in fn.args.args)
        lines += [f"def case_{i}({params}):",
                  f"    return ({ast.get_source_segment(source, fn.body)})", ""]
    path = pathlib.Path(folder) / "op_cases.py"
    path.write_text("\n".join(lines))
    return path, len(cases.elts)


def compiled_cases(test_file=__file__):
    """The functions of `test_file`'s CASES, as `def`s to_static can read."""
    import importlib.util
    import tempfile
    path, count = write_case_module(tempfile.mkdtemp(prefix="dy2st-op-cases-"),
                                    "import dy2st as paddle", test_file)
    spec = importlib.util.spec_from_file_location("op_cases", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [getattr(module, f"case_{i}") for i in range(count)]


COMPILED = compiled_cases()


def _gather_tree_ref(ids, parents):
    """Paddle's gather_tree kernel: each (batch, beam) traced back by parents."""
    out = np.zeros_like(ids)
    steps, batch, beam = ids.shape
    for b in range(batch):
        for k in range(beam):
            out[-1, b, k] = ids[-1, b, k]
            parent = parents[-1, b, k]
            for t in range(steps - 2, -1, -1):
                out[t, b, k] = ids[t, b, parent]
                parent = parents[t, b, parent]
    return out


def _conv_ref(x, w, stride, padding, dilation, groups):
    """Direct convolution by the definition (independent of the kernel)."""
    x = np.pad(x, [(0, 0), (0, 0), (padding, padding), (padding, padding)]).astype(np.float64)
    n, c, h, wd = x.shape
    f, cg, kh, kw = w.shape
    oh = (h - dilation * (kh - 1) - 1) // stride + 1
    ow = (wd - dilation * (kw - 1) - 1) // stride + 1
    out = np.zeros((n, f, oh, ow))
    for o in range(f):
        g = o // (f // groups)
        for i in range(oh):
            for j in range(ow):
                patch = x[:, g * cg:(g + 1) * cg, i * stride:i * stride + dilation * (kh - 1) + 1:dilation,
                          j * stride:j * stride + dilation * (kw - 1) + 1:dilation]
                out[:, o, i, j] = (patch * w[o]).sum(axis=(1, 2, 3))
    return out.astype(np.float32)


def _pool_ref(x, k, s, p, ceil, reduce):
    """Pooling by the definition: windows clipped to the input (padding
    holds the lowest float for max, as Paddle's kernel starts from it, and 0
    for sums); with ceil, a last window may start past the input (Paddle's:
    the lowest float for max, NaN for a mean of nothing)."""
    n, c, h, w = x.shape
    size = [(d + 2 * p - k + ((s - 1) if ceil else 0)) // s + 1 for d in (h, w)]
    fill = np.finfo(np.float32).min if reduce is np.max else 0.0
    padded = np.pad(x, [(0, 0), (0, 0), (p, p + k), (p, p + k)], constant_values=fill)
    out = np.zeros((n, c, size[0], size[1]), np.float32)
    for i in range(size[0]):
        for j in range(size[1]):
            window = padded[:, :, i * s:i * s + k, j * s:j * s + k]
            if reduce is np.mean:
                window = x[:, :, max(i * s - p, 0):min(i * s - p + k, h),
                           max(j * s - p, 0):min(j * s - p + k, w)]
                if window.size == 0:
                    out[:, :, i, j] = np.nan
                    continue
            out[:, :, i, j] = reduce(window, axis=(2, 3))
    return out


def _adaptive_ref(x, oh, ow, reduce):
    h, w = x.shape[2:]
    out = np.zeros(x.shape[:2] + (oh, ow), np.float32)
    for i in range(oh):
        for j in range(ow):
            window = x[:, :, (i * h) // oh:-(-(i + 1) * h // oh), (j * w) // ow:-(-(j + 1) * w // ow)]
            out[:, :, i, j] = reduce(window, axis=(2, 3))
    return out


def _put(x, i, v, axis):
    y = x.copy()
    np.put_along_axis(y, i, v, axis)
    return y


def _put_add(x, i, v, axis):
    y = x.copy()
    for at in np.ndindex(*i.shape):
        position = list(at)
        position[axis] = i[at]
        y[tuple(position)] += v
    return y


def _put_extreme(x, i, v, axis, better):
    """put_along_axis's amax/amin element by element: v replaces the value
    there where better(v, old) is v and v > old (or <) holds."""
    y = x.copy()
    for at in np.ndindex(*i.shape):
        position = list(at)
        position[axis] = i[at]
        old = y[tuple(position)]
        if (v[at] > old) if better is max else (v[at] < old):
            y[tuple(position)] = v[at]
    return y


def _sent(messages, index, rows, reduce):
    """Paddle's message passing by the definition: each row the messages
    sent to it, summed, averaged (ints toward zero), or their max or min;
    0 where none arrives."""
    out = np.zeros((rows,) + messages.shape[1:], messages.dtype)
    for r in range(rows):
        arrived = messages[index == r]
        if not len(arrived):
            continue
        if reduce == "sum":
            out[r] = arrived.sum(0)
        elif reduce == "mean":
            total = arrived.sum(0)
            out[r] = total / len(arrived) if messages.dtype.kind == "f" else \
                np.trunc(total / len(arrived))
        else:
            out[r] = arrived.max(0) if reduce == "max" else arrived.min(0)
    return out


def _diag_embed(x, offset):
    n = x.shape[-1] + abs(offset)
    out = np.zeros(x.shape[:-1] + (n, n), x.dtype)
    for k in range(x.shape[-1]):
        row, col = (k, k + offset) if offset >= 0 else (k - offset, k)
        out[..., row, col] = x[..., k]
    return out


def _pixel_shuffle(x, r):
    """out[n, c, h*r + i, w*r + j] = x[n, c*r*r + i*r + j, h, w]."""
    n, c, h, w = x.shape
    out = np.empty((n, c // (r * r), h * r, w * r), x.dtype)
    for k in range(c):
        i, j = (k % (r * r)) // r, k % r
        out[:, k // (r * r), i::r, j::r] = x[:, k]
    return out


def _attention(q, k, v, causal=False, mask=None, scale=None):
    """softmax(q k^T * scale + mask) v in [batch, seq, heads, dim], key and
    value heads repeated to the query's."""
    repeat = q.shape[2] // k.shape[2]
    k, v = np.repeat(k, repeat, axis=2), np.repeat(v, repeat, axis=2)
    scale = 1 / np.sqrt(q.shape[-1]) if scale is None else scale
    scores = np.einsum("bqhd,bkhd->bhqk", q, k) * scale
    if causal:
        scores = np.where(np.tril(np.ones(scores.shape[-2:], bool)), scores, -np.inf)
    if mask is not None:
        scores = scores + mask
    weights = np.exp(scores - scores.max(-1, keepdims=True))
    weights /= weights.sum(-1, keepdims=True)
    return np.einsum("bhqk,bkhd->bqhd", weights, v).astype(np.float32)


def _conv_transpose3d(x, w, stride, padding):
    """Each input element scatters its kernel-weighted values into the output
    (then the padding is cut off)."""
    n, c, *sizes = x.shape
    k = w.shape[2:]
    full = [(s - 1) * st + kk for s, st, kk in zip(sizes, stride, k)]
    out = np.zeros((n, w.shape[1], *full), np.float32)
    for i in range(sizes[0]):
        for j in range(sizes[1]):
            for m in range(sizes[2]):
                a, b, e = i * stride[0], j * stride[1], m * stride[2]
                out[:, :, a:a + k[0], b:b + k[1], e:e + k[2]] += np.einsum(
                    "nc,cokij->nokij", x[:, :, i, j, m], w)
    return out[:, :, padding:full[0] - padding, padding:full[1] - padding,
               padding:full[2] - padding]


def _fold(cols, size, kernel, stride, pads, dilation):
    """col2im: each column's values added at its window's positions (pads:
    [top, left, bottom, right], cut off at the end)."""
    n, ckk, length = cols.shape
    c = ckk // (kernel[0] * kernel[1])
    height, width = size[0] + pads[0] + pads[2], size[1] + pads[1] + pads[3]
    oh = (height - dilation[0] * (kernel[0] - 1) - 1) // stride[0] + 1
    ow = (width - dilation[1] * (kernel[1] - 1) - 1) // stride[1] + 1
    blocks = cols.reshape(n, c, kernel[0], kernel[1], oh, ow)
    out = np.zeros((n, c, height, width), np.float32)
    for i in range(kernel[0]):
        for j in range(kernel[1]):
            for a in range(oh):
                for b in range(ow):
                    out[:, :, a * stride[0] + i * dilation[0],
                        b * stride[1] + j * dilation[1]] += blocks[:, :, i, j, a, b]
    return out[:, :, pads[0]:pads[0] + size[0], pads[1]:pads[1] + size[1]]


def _bicubic(x, sizes, align_corners, a=-0.75):
    """Keys' cubic convolution along each spatial axis, the edges repeated."""
    def kernel(d):
        d = abs(d)
        if d <= 1:
            return ((a + 2) * d - (a + 3)) * d * d + 1
        return ((a * d - 5 * a) * d + 8 * a) * d - 4 * a if d < 2 else 0.0
    for axis, size in ((2, sizes[0]), (3, sizes[1])):
        n = x.shape[axis]
        ratio = (n - 1) / (size - 1) if align_corners else n / size
        out = np.zeros(x.shape[:axis] + (size,) + x.shape[axis + 1:], np.float64)
        for i in range(size):
            src = ratio * i if align_corners else ratio * (i + 0.5) - 0.5
            low = int(np.floor(src))
            for k in range(-1, 3):
                weight = kernel(src - (low + k))
                item = np.take(x, [min(max(low + k, 0), n - 1)], axis=axis)
                np.moveaxis(out, axis, 0)[i] += np.moveaxis(item, axis, 0)[0] * weight
        x = out
    return x.astype(np.float32)


def _shifted(x, counts, kind, bits=32):
    """Shifts of Python ints, wrapped to `bits`: a count outside [0, bits)
    gives 0 (the sign of an arithmetic right shift)."""
    def one(a, c):
        a, c = int(a), int(c)
        if kind == "left":
            value = (a << c) % (1 << bits) if 0 <= c < bits else 0
        elif kind == "arithmetic":
            value = a >> c if 0 <= c < bits else (-1 if a < 0 else 0)
        else:
            value = (a % (1 << bits)) >> c if 0 <= c < bits else 0
        return value - (1 << bits) if value >= 1 << (bits - 1) else value
    return np.vectorize(one, otypes=[np.int32])(x, counts)


def _affine_grid(theta, sizes, align_corners):
    """The grid [N, *sizes, k] of theta [N, k, k + 1]: positions (x fastest,
    then y[, z]) with a 1 appended, times theta."""
    def positions(n):
        if align_corners:
            return np.linspace(-1, 1, n) if n > 1 else np.array([np.nan])
        return (np.arange(n) * 2 + 1) / n - 1
    axes = np.meshgrid(*[positions(n) for n in sizes], indexing="ij")
    base = np.stack(axes[::-1] + [np.ones(sizes)], -1)
    return np.einsum("...k,nik->n...i", base, theta).astype(theta.dtype)


def _grid_sample(x, grid, align_corners, mode, padding):
    """Sampling by loops: each output point from its 2^k neighbours (or the
    nearest, half to even), zero outside the input, or the border's, or the
    position reflected into the input (Paddle's reflection rule)."""
    sizes = x.shape[2:]
    out = np.zeros(x.shape[:2] + grid.shape[1:-1], np.float32)

    def source(g, n):
        p = (g + 1) / 2 * (n - 1) if align_corners else ((g + 1) * n - 1) / 2
        if padding == "border":
            return min(max(p, 0), n - 1)
        if padding == "reflection":
            if align_corners:
                if n == 1:
                    return 0.0
                span = 2 * (n - 1)
                extra = abs(p) % span
                return min(extra, span - extra)
            span = 2 * n
            extra = abs(p + 0.5) % span
            return min(max(min(extra, span - extra) - 0.5, 0), n - 1)
        return p

    for b in range(x.shape[0]):
        for point in np.ndindex(*grid.shape[1:-1]):
            coords = grid[(b,) + point][::-1]  # the spatial axes' order
            p = [source(float(g), n) for g, n in zip(coords, sizes)]

            def at(index):
                inside = all(0 <= i < n for i, n in zip(index, sizes))
                return x[(b, slice(None)) + tuple(index)] if inside else np.zeros(x.shape[1])
            if mode == "nearest":
                out[(b, slice(None)) + point] = at([int(np.round(v)) for v in p])
                continue
            low = [int(np.floor(v)) for v in p]
            total = np.zeros(x.shape[1])
            for corner in np.ndindex(*([2] * len(p))):
                weight = np.prod([f - lo if c else 1 - (f - lo) for f, lo, c in zip(p, low, corner)])
                total = total + at([lo + c for lo, c in zip(low, corner)]) * weight
            out[(b, slice(None)) + point] = total
    return out


def _pool3d(x, kernel, stride, padding, reduce, ceil=False):
    """Pooling by windows (padding left out of each window: max ignores it,
    mean counts the cells inside)."""
    kernel, stride = np.broadcast_to(kernel, 3), np.broadcast_to(stride, 3)
    sizes = x.shape[2:]
    outs = [((s + 2 * padding - k + (st - 1 if ceil else 0)) // st) + 1
            for s, k, st in zip(sizes, kernel, stride)]
    out = np.zeros(x.shape[:2] + tuple(outs), np.float32)
    for i in range(outs[0]):
        for j in range(outs[1]):
            for k in range(outs[2]):
                lo = [max(o * st - padding, 0) for o, st in zip((i, j, k), stride)]
                hi = [min(o * st - padding + kk, s) for o, st, kk, s
                      in zip((i, j, k), stride, kernel, sizes)]
                window = x[:, :, lo[0]:hi[0], lo[1]:hi[1], lo[2]:hi[2]]
                out[:, :, i, j, k] = reduce(window.reshape(x.shape[:2] + (-1,)), axis=-1)
    return out


def _adaptive(x, sizes, reduce):
    """Adaptive pooling over the trailing axes: window i covers
    [floor(i n / size), ceil((i + 1) n / size))."""
    for d, size in enumerate(sizes):
        axis = 2 + d
        n = x.shape[axis]
        cells = [reduce(np.take(x, range(i * n // size, -(-(i + 1) * n // size)), axis=axis),
                        axis=axis, keepdims=True) for i in range(size)]
        x = np.concatenate(cells, axis=axis)
    return x


def _unfold(x, kernel, stride, pads, dilation):
    """im2col: pads are [top, left, bottom, right]."""
    x = np.pad(x, [(0, 0), (0, 0), (pads[0], pads[2]), (pads[1], pads[3])])
    n, c, h, w = x.shape
    oh = (h - dilation[0] * (kernel[0] - 1) - 1) // stride[0] + 1
    ow = (w - dilation[1] * (kernel[1] - 1) - 1) // stride[1] + 1
    cols = np.zeros((n, c, kernel[0], kernel[1], oh, ow), np.float32)
    for i in range(kernel[0]):
        for j in range(kernel[1]):
            for a in range(oh):
                for b in range(ow):
                    cols[:, :, i, j, a, b] = x[:, :, a * stride[0] + i * dilation[0],
                                               b * stride[1] + j * dilation[1]]
    return cols.reshape(n, c * kernel[0] * kernel[1], oh * ow)


def _temporal_shift(x, seg_num, c1, c2):
    """TSM: channels [0, c1) from the previous segment, [c1, c2) from the
    next, zeros past the ends."""
    n, c, h, w = x.shape
    v = x.reshape(n // seg_num, seg_num, c, h, w)
    out = v.copy()
    out[:, :, :c1] = 0
    out[:, 1:, :c1] = v[:, :-1, :c1]
    out[:, :, c1:c2] = 0
    out[:, :-1, c1:c2] = v[:, 1:, c1:c2]
    return out.reshape(n, c, h, w)


def _channel_window_sum(x, before, after):
    """The sum over channels c - before .. c + after (of an NC... array)."""
    out = np.zeros_like(x)
    for c in range(x.shape[1]):
        out[:, c] = x[:, max(c - before, 0):c + after + 1].sum(1)
    return out


def _cosine_embedding(x, y, s, margin):
    cos = (x * y).sum(-1) / np.sqrt(((x * x).sum(-1) + 1e-11) * ((y * y).sum(-1) + 1e-11))
    return np.where(s == 1, 1 - cos, np.where(s == -1, np.maximum(cos - margin, 0), 0))


def _log_loss(p, y, eps=1e-4):
    return -y * np.log(p + eps) - (1 - y) * np.log(1 - p + eps)


def _triplet(a, p, n, margin=1.0, swap=True):
    def distance(u, v):
        return np.sqrt(((u - v + 1e-6) ** 2).sum(-1))
    negative = np.minimum(distance(a, n), distance(p, n)) if swap else distance(a, n)
    return np.maximum(distance(a, p) - negative + margin, 0).mean()


def _triplet_cosine(a, p, n, margin):
    """Per row, with the cosine distance and the swap: max(d(a, p) - min(d(a, n), d(p, n)) + margin, 0)."""
    def distance(u, v):
        return 1 - (u * v).sum(-1) / np.maximum(np.linalg.norm(u, axis=-1) *
                                                np.linalg.norm(v, axis=-1), 1e-8)
    return np.maximum(distance(a, p) - np.minimum(distance(a, n), distance(p, n)) + margin, 0)


def _multi_margin(x, y, p, margin, w=None):
    """Per row: sum over classes j != y of w[y] * max(0, margin - x[y] + x[j])^p, / classes."""
    out = np.zeros(len(x))
    for i, row in enumerate(np.float64(x)):
        for j in range(row.size):
            if j != y[i]:
                out[i] += (1.0 if w is None else w[y[i]]) * max(0.0, margin - row[y[i]] + row[j]) ** p
    return out / x.shape[1]


def _multi_label_margin(x, labels):
    """Per row: over its targets t (before the first -1) and the other classes k,
    sum max(0, 1 - (x[t] - x[k])), / classes."""
    out = np.zeros(len(x))
    for i, row in enumerate(np.float64(x)):
        targets = []
        for t in labels[i]:
            if t == -1:
                break
            targets.append(t)
        for t in targets:
            out[i] += sum(max(0.0, 1 - (row[t] - row[k])) for k in range(row.size)
                          if k not in targets)
    return out / x.shape[1]


def _npair(a, p, y, reg):
    same = (y[:, None] == y[None, :]).astype(np.float64)
    shares = same / same.sum(1, keepdims=True)
    logits = np.float64(a) @ np.float64(p).T
    log_softmax = logits - logits.max(1, keepdims=True)
    log_softmax -= np.log(np.exp(log_softmax).sum(1, keepdims=True))
    cross_entropy = -(shares * log_softmax).sum(1, keepdims=True)
    l2 = ((a ** 2).sum(1).mean() + (p ** 2).sum(1).mean()) * 0.25 * reg
    return l2 + (shares * cross_entropy).sum(0).mean()


def _focal(x, y, alpha=0.25, gamma=2.0):
    p = 1 / (1 + np.exp(-x))
    entropy = -(y * np.log(p) + (1 - y) * np.log(1 - p))
    p_t = p * y + (1 - p) * (1 - y)
    return (alpha * y + (1 - alpha) * (1 - y)) * (1 - p_t) ** gamma * entropy


def _dice(p, label, eps=1e-5):
    target = np.eye(p.shape[-1], dtype=np.float32)[label[..., 0]]
    axes = tuple(range(1, p.ndim))
    overlap = (p * target).sum(axes)
    return (1 - 2 * overlap / (p.sum(axes) + target.sum(axes) + eps)).mean()


def _poisson_full(x, y, eps=1e-8):
    stirling = y * np.log(y) - y + 0.5 * np.log(2 * np.pi * y)
    return x - y * np.log(x + eps) + np.where(y > 1, stirling, 0)


def _index_add(x, index, axis, alpha):
    y = x.copy()
    for k in index:
        y[(slice(None),) * axis + (k,)] += alpha
    return y


def _index_fill(x, index, value):
    y = x.copy()
    y[:, :, index] = value
    return y


def _masked_scatter(x, mask, value):
    y = x.copy()
    y[mask] = value.ravel()[:mask.sum()]
    return y


def _scatter_nd_add(x, index, updates):
    y = x.copy()
    for k, at in enumerate(index):
        y[tuple(at)] += updates[k]
    return y


def _batched_searchsorted(sequences, values):
    flat_s = sequences.reshape(-1, sequences.shape[-1])
    flat_v = values.reshape(-1, values.shape[-1])
    rows = [np.searchsorted(s, v) for s, v in zip(flat_s, flat_v)]
    return np.array(rows).reshape(values.shape)


def _hfftn(z, count):
    """Paddle's hfftn over the last `count` axes: the inverse c2c of all but
    the last, then the Hermitian c2r (irfft of the conjugate, scaled by n)."""
    axes = list(range(z.ndim - count, z.ndim))
    inner = np.fft.ifftn(np.conj(z), axes=axes[:-1]) * np.prod([z.shape[a] for a in axes[:-1]])
    n = 2 * (z.shape[-1] - 1)
    return np.fft.irfft(inner, n=n, axis=-1) * n


def _ihfftn(x, count):
    """Paddle's ihfftn: the conjugate of rfftn, scaled by 1/n over the axes."""
    axes = list(range(x.ndim - count, x.ndim))
    return np.conj(np.fft.rfftn(x, axes=axes)) / np.prod([x.shape[a] for a in axes])


def _stft(x, n_fft, hop, window, center=True, mode="reflect", normalized=False, onesided=True):
    """The STFT by its definition: frames of the (padded) signals times the
    window, each transformed by numpy's FFT; [N, bins, frames]."""
    if center:
        x = np.pad(x, [(0, 0), (n_fft // 2, n_fft // 2)], mode=mode)
    count = 1 + (x.shape[-1] - n_fft) // hop
    frames = np.stack([x[:, i * hop:i * hop + n_fft] for i in range(count)], 1) * window
    transform = np.fft.rfft if onesided else np.fft.fft
    return np.swapaxes(transform(frames, axis=-1, norm="ortho" if normalized else None), 1, 2)


def _overlap_add(frames, hop):
    """[..., frame_length, count] summed at `hop` apart, one frame at a time."""
    length, count = frames.shape[-2:]
    out = np.zeros(frames.shape[:-2] + ((count - 1) * hop + length,), frames.dtype)
    for i in range(count):
        out[..., i * hop:i * hop + length] += frames[..., i]
    return out


def _scatter(x, index, updates):
    y = x.copy()
    y[index] = updates
    return y


def _results(value):
    if isinstance(value, (list, tuple)):
        return [np.asarray(v) for v in value]
    return [np.asarray(value)]


def _close(a, b):
    return np.allclose(a, b, rtol=2e-5, atol=2e-6, equal_nan=True)


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_eager_matches_numpy(case):
    _, fn, reference, inputs = case
    got = _results(fn(*[paddle.to_tensor(v) for v in inputs]))
    want = _results(reference(*inputs))
    assert len(got) == len(want)
    for g, w in zip(got, want):
        assert g.shape == w.shape
        assert _close(g, w.astype(g.dtype) if g.dtype != np.bool_ else w)


@pytest.mark.parametrize("dynamic", [False, True], ids=["static", "dynamic"])
@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_compiled_matches_eager(case, dynamic):
    _, _, _, inputs = case
    fn = COMPILED[CASES.index(case)]
    tensors = [paddle.to_tensor(v) for v in inputs]
    specs = None
    if dynamic:
        # The leading dimension of each input is known only at run time.
        specs = [InputSpec(list(v.shape) if isinstance(v, Fixed) else [None] + list(v.shape[1:]),
                           str(v.dtype)) for v in inputs]
    compiled = paddle.jit.to_static(fn, input_spec=specs)
    eager = _results(fn(*tensors))
    got = _results(compiled(*tensors))
    for t, v in zip(tensors, inputs):
        assert np.array_equal(t.numpy(), v, equal_nan=v.dtype.kind == "f"), \
            "compiled code changed its input"
    assert len(got) == len(eager)
    for g, e in zip(got, eager):
        assert g.dtype == e.dtype and g.shape == e.shape
        assert _close(g, e)


def test_every_primitive_and_composite_has_a_case():
    covered = {c[0] for c in CASES}
    missing = (set(optable.PRIMITIVES) | set(COMPOSITES) | set(FUNCTIONS) |
               set(LINALG_FUNCTIONS) | {f"fft.{n}" for n in paddle.fft.__all__} |
               {f"signal.{n}" for n in paddle.signal.__all__}) - covered
    assert not missing, f"operations without a test case: {sorted(missing)}"


def test_every_primitive_has_an_eager_kernel():
    assert set(KERNELS) == set(optable.PRIMITIVES)


def test_compiler_and_package_read_the_same_table():
    """The C++ parser of LibraryOps.def and dy2st.optable agree on every
    parameter's name, kind and default."""
    from dy2st.runtime import native
    compiled = native.module().library_functions()
    assert list(compiled) == list(optable.PRIMITIVES)
    for name, params in compiled.items():
        ours = [(p.name, p.kind, None if p.required or p.variadic else repr(p.default))
                for p in optable.PRIMITIVES[name].params]
        theirs = [(n, k, None if d is None else repr(eval(d, {"None": None, "True": True,
                                                                 "False": False})))
                  for n, k, d in params]
        assert ours == theirs, name


def test_readme_lists_the_table():
    generated = subprocess.run([sys.executable, str(ROOT / "scripts" / "op_table.py")],
                               capture_output=True, text=True, check=True).stdout
    readme = (ROOT / "README.md").read_text()
    assert generated.strip() in readme, "README is stale: run scripts/op_table.py --readme"


def test_eager_matmul_transpose_swaps_last_two_axes():
    x = rng.randn(2, 3, 4).astype(np.float32)
    y = rng.randn(2, 5, 4).astype(np.float32)
    got = paddle.matmul(paddle.to_tensor(x), paddle.to_tensor(y), transpose_y=True).numpy()
    assert np.allclose(got, x @ y.transpose(0, 2, 1), rtol=1e-5)


def test_index_out_of_range_names_the_line():
    def pick(x, i):
        return x[:, i]
    compiled = paddle.jit.to_static(pick)
    with pytest.raises(IndexError, match=r"test_op_table.py:\d+: index 7 is out of bounds for "
                                         "axis 1 with size 3"):
        compiled(paddle.to_tensor(X), paddle.to_tensor(7))
    assert np.array_equal(compiled(paddle.to_tensor(X), paddle.to_tensor(-1)).numpy(), X[:, -1])


def test_static_only_arguments_are_named():
    def bad(x, axis):
        return paddle.sum(x, axis=axis + x.sum().astype("int64"))
    with pytest.raises(paddle.Dy2StError, match="must be known at compile time"):
        paddle.jit.to_static(bad)(paddle.to_tensor(X), 1)


def assign_items(x, t):
    y = x * 1.0
    y[0] = 5.0
    y[:, 1:3] = paddle.ones([2, 2, 4])
    y[1, -1, ::-2] = paddle.to_tensor([7.0, 8.0])
    y[y > 6] = 0.0
    y[t] += 1.0
    y[..., 0] = x[:, :, 1]
    return y


def assign_items_numpy(x, t):
    y = x.copy()
    y[0] = 5.0
    y[:, 1:3] = 1.0
    y[1, -1, ::-2] = [7.0, 8.0]
    y[y > 6] = 0.0
    y[t] += 1.0
    y[..., 0] = x[:, :, 1]
    return y


@pytest.mark.parametrize("dynamic", [False, True], ids=["static", "dynamic"])
def test_item_assignment(dynamic):
    x = paddle.to_tensor(X)
    eager = assign_items(x, 1)
    assert np.allclose(eager.numpy(), assign_items_numpy(X, 1))
    specs = [InputSpec([None, 3, 4], "float32"), None] if dynamic else None
    compiled = paddle.jit.to_static(assign_items, input_spec=specs)
    got = compiled(x, 1)
    assert got.dtype == eager.numpy().dtype and np.allclose(got, eager.numpy())
    assert np.array_equal(x.numpy(), X), "the input is left as it was"
    with pytest.raises(IndexError, match="test_op_table.py"):
        compiled(x, 5)


def reshape_to(x, a, b):
    return paddle.reshape(x, [a, b])


def test_runtime_reshape_entries():
    """Entries known only at run time follow Paddle's rules (-1, 0) or raise."""
    x = paddle.to_tensor(np.arange(24, dtype=np.float32))
    compiled = paddle.jit.to_static(reshape_to)
    for a, b in [(4, -1), (-1, 3), (2, 12)]:
        got = compiled(x, paddle.to_tensor(a), paddle.to_tensor(b))
        assert got.shape == reshape_to(x, a, b).shape
    for a, b in [(5, -1), (-1, -1), (-3, -8)]:
        with pytest.raises(ValueError, match="reshape"):
            compiled(x, paddle.to_tensor(a), paddle.to_tensor(b))


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_compiles_for_gpu(case):
    """Every operation's lowering goes through the GPU pipeline down to LLVM and
    PTX (work without a parallel loop, like the scan over a flattened tensor,
    stays on the host; running kernels needs a GPU: test_gpu.py)."""
    import os
    from dy2st.compiler.signature import describe
    from dy2st.runtime.static_function import _signature_entry
    _, _, _, inputs = case
    fn = COMPILED[CASES.index(case)]
    text = paddle.jit.to_static(fn)._import().text
    signature = ",".join(describe(_signature_entry(paddle.to_tensor(v))[1]) for v in inputs)
    tool = os.path.join(os.environ["DY2ST_BUILD_DIR"], "bin", "dy2st-opt")
    run = subprocess.run(
        [tool, "-", f"--dy2st-compile-gpu=entry={fn.__name__} format=isa signature='{signature}'"],
        input=text, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "llvm.func" in run.stdout


def assign_rows(x, rows):
    y = x * 1.0
    y[rows] = 0.0
    z = x * 1.0
    z[rows] = x[:2] + 10.0
    return y, z


@pytest.mark.parametrize("dynamic", [False, True], ids=["static", "dynamic"])
def test_row_assignment(dynamic):
    x = np.arange(12, dtype=np.float32).reshape(4, 3)
    rows = np.array([3, 1])
    y, z = x.copy(), x.copy()
    y[rows] = 0.0
    z[rows] = x[:2] + 10.0
    specs = [InputSpec([None, 3], "float32"), InputSpec([None], "int64")] if dynamic else None
    got = paddle.jit.to_static(assign_rows, input_spec=specs)(paddle.to_tensor(x),
                                                             paddle.to_tensor(rows))
    assert np.array_equal(got[0], y) and np.array_equal(got[1], z)
