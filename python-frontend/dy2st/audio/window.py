"""paddle.audio.functional.get_window: SciPy's window functions as Paddle
builds them (in the given dtype, over the tensor operations, so they run
eagerly and in compiled code): a periodic window (`fftbins=True`) is the
symmetric one of one more point without its last."""
from __future__ import annotations

import functools
import math
from typing import Any, Callable

from ..eager import functional as F
from ..eager.tensor import Tensor


def _trivial(M: int) -> bool:
    if int(M) != M or M < 0:
        raise ValueError("Window length M must be a non-negative integer")
    return M <= 1


def _symmetric(formula: Callable[..., Tensor]) -> Callable[..., Tensor]:
    """The window whose symmetric form of M points `formula(M, *parameters,
    dtype=...)` computes: ones for M <= 1; periodic (`sym` false), the
    symmetric one of M + 1 points without its last."""
    @functools.wraps(formula)
    def window(M: int, *parameters: Any, sym: bool = True, dtype: str = "float64") -> Tensor:
        if _trivial(M):
            return F.ones((M,), dtype=dtype)
        w = formula(M if sym else M + 1, *parameters, dtype=dtype)
        return w if sym else w[:-1]
    return window


@_symmetric
def _general_cosine(M: int, a: list[float], dtype: str) -> Tensor:
    fac = F.linspace(-math.pi, math.pi, M, dtype=dtype)
    w = F.zeros((M,), dtype=dtype)
    for k, coefficient in enumerate(a):
        w = w + coefficient * F.cos(k * fac)
    return w


def _general_hamming(M: int, alpha: float, sym: bool = True, dtype: str = "float64") -> Tensor:
    return _general_cosine(M, [alpha, 1.0 - alpha], sym=sym, dtype=dtype)


def _hamming(M: int, sym: bool = True, dtype: str = "float64") -> Tensor:
    return _general_hamming(M, 0.54, sym=sym, dtype=dtype)


def _hann(M: int, sym: bool = True, dtype: str = "float64") -> Tensor:
    return _general_hamming(M, 0.5, sym=sym, dtype=dtype)


def _blackman(M: int, sym: bool = True, dtype: str = "float64") -> Tensor:
    return _general_cosine(M, [0.42, 0.50, 0.08], sym=sym, dtype=dtype)


def _nuttall(M: int, sym: bool = True, dtype: str = "float64") -> Tensor:
    return _general_cosine(M, [0.3635819, 0.4891775, 0.1365995, 0.0106411], sym=sym,
                           dtype=dtype)


@_symmetric
def _bartlett(M: int, dtype: str) -> Tensor:
    n = F.arange(0, M, dtype=dtype)
    return F.where(n <= (M - 1) / 2.0, 2.0 * n / (M - 1), 2.0 - 2.0 * n / (M - 1))


@_symmetric
def _triang(M: int, dtype: str) -> Tensor:
    n = F.arange(1, (M + 1) // 2 + 1, dtype=dtype)
    if M % 2 == 0:
        w = (2 * n - 1.0) / M
        return F.concat([w, F.flip(w, [0])])
    w = 2 * n / (M + 1.0)
    return F.concat([w, F.flip(w[:-1], [0])])


@_symmetric
def _bohman(M: int, dtype: str) -> Tensor:
    fac = F.abs(F.linspace(-1, 1, M, dtype=dtype)[1:-1])
    w = (1 - fac) * F.cos(math.pi * fac) + 1.0 / math.pi * F.sin(math.pi * fac)
    zero = F.zeros([1], dtype=dtype)
    return F.concat([zero, w, zero])


@_symmetric
def _cosine(M: int, dtype: str) -> Tensor:
    return F.sin(math.pi / M * (F.arange(0, M, dtype=dtype) + 0.5))


@_symmetric
def _tukey_taper(M: int, alpha: float, dtype: str) -> Tensor:
    n = F.arange(0, M, dtype=dtype)
    width = int(alpha * (M - 1) / 2.0)
    n1, n3 = n[0:width + 1], n[M - width - 1:]
    w1 = 0.5 * (1 + F.cos(math.pi * (-1 + 2.0 * n1 / alpha / (M - 1))))
    w2 = F.ones([M - 2 * width - 2], dtype=dtype)
    w3 = 0.5 * (1 + F.cos(math.pi * (-2.0 / alpha + 1 + 2.0 * n3 / alpha / (M - 1))))
    return F.concat([w1, w2, w3])


def _tukey(M: int, alpha: float = 0.5, sym: bool = True, dtype: str = "float64") -> Tensor:
    if _trivial(M) or alpha <= 0:
        return F.ones((M,), dtype=dtype)
    if alpha >= 1.0:
        # Paddle's: the Hann window in its default dtype, float64.
        return _hann(M, sym=sym)
    return _tukey_taper(M, alpha, sym=sym, dtype=dtype)


@_symmetric
def _gaussian(M: int, std: float, dtype: str) -> Tensor:
    n = F.arange(0, M, dtype=dtype) - (M - 1.0) / 2.0
    return F.exp(-(n ** 2) / (2 * std * std))


@_symmetric
def _general_gaussian(M: int, p: float, sig: float, dtype: str) -> Tensor:
    n = F.arange(0, M, dtype=dtype) - (M - 1.0) / 2.0
    return F.exp(-0.5 * F.abs(n / sig) ** (2 * p))


@_symmetric
def _exponential_decay(M: int, center: float | None, tau: float, dtype: str) -> Tensor:
    if center is None:
        center = (M - 1) / 2
    return F.exp(-F.abs(F.arange(0, M, dtype=dtype) - center) / tau)


def _exponential(M: int, center: float | None = None, tau: float = 1.0, sym: bool = True,
                 dtype: str = "float64") -> Tensor:
    if sym and center is not None:
        raise ValueError("If sym==True, center must be None.")
    return _exponential_decay(M, center, tau, sym=sym, dtype=dtype)


@_symmetric
def _kaiser(M: int, beta: float, dtype: str) -> Tensor:
    n = F.arange(0, M, dtype=dtype)
    alpha = (M - 1) / 2.0
    beta_t = F.full([], beta, dtype=dtype)
    return F.i0(beta_t * F.sqrt(1 - ((n - alpha) / alpha) ** 2.0)) / F.i0(beta_t)


def _taylor(M: int, nbar: int = 4, sll: float = 30, norm: bool = True, sym: bool = True,
            dtype: str = "float64") -> Tensor:
    return _taylor_window(M, nbar, sll, norm, sym=sym, dtype=dtype)


@_symmetric
def _taylor_window(M: int, nbar: int, sll: float, norm: bool, dtype: str) -> Tensor:
    B = 10 ** (sll / 20)
    A = math.log(B + math.sqrt(B ** 2 - 1)) / math.pi
    s2 = nbar ** 2 / (A ** 2 + (nbar - 0.5) ** 2)
    ma = F.arange(1, nbar, dtype=dtype)
    m2 = ma * ma
    coefficients = []
    for mi in range(nbar - 1):
        sign = 1.0 if mi % 2 == 0 else -1.0
        numerator = sign * F.prod(1 - m2[mi] / s2 / (A ** 2 + (ma - 0.5) ** 2))
        below, above = m2[:mi], m2[mi + 1:]
        denominator: Any = 2.0
        if mi > 0:
            denominator = denominator * F.prod(1 - m2[mi] / below)
        if mi < nbar - 2:
            denominator = denominator * F.prod(1 - m2[mi] / above)
        coefficients.append(F.reshape(numerator / denominator, [1]))
    Fm = F.concat(coefficients)

    def W(n):
        return 1 + 2 * F.matmul(F.unsqueeze(Fm, 0),
                                F.cos(2 * math.pi * F.unsqueeze(ma, 1) * (n - M / 2.0 + 0.5) / M))

    w = W(F.arange(0, M, dtype=dtype))
    if norm:
        w = w * (1.0 / W(F.full([], (M - 1) / 2, dtype=dtype)))
    return F.squeeze(w)


_WINDOWS: dict[str, Callable[..., Tensor]] = {
    "hamming": _hamming, "hann": _hann, "blackman": _blackman, "nuttall": _nuttall,
    "bartlett": _bartlett, "triang": _triang, "bohman": _bohman, "cosine": _cosine,
    "tukey": _tukey, "gaussian": _gaussian, "general_gaussian": _general_gaussian,
    "general_cosine": _general_cosine, "general_hamming": _general_hamming,
    "exponential": _exponential, "kaiser": _kaiser, "taylor": _taylor}


def get_window(window: Any, win_length: int, fftbins: bool = True,
               dtype: str = "float64") -> Tensor:
    """The window `window` (a name, or a tuple of a name and its parameters:
    ('kaiser', beta), ('gaussian', std), ('exponential', center, tau), ...)
    of `win_length` points; periodic (for an FFT) with `fftbins`."""
    args: tuple = ()
    if isinstance(window, tuple):
        name, args = window[0], tuple(window[1:])
    elif isinstance(window, str):
        if window in ("gaussian", "exponential", "kaiser"):
            raise ValueError(f"The '{window}' window needs one or more parameters -- pass a tuple.")
        name = window
    else:
        raise ValueError(f"{type(window)} as window type is not supported.")
    function = _WINDOWS.get(name)
    if function is None:
        raise ValueError("Unknown window type.")
    return function(win_length, *args, sym=not fftbins, dtype=dtype)
