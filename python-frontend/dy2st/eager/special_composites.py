"""Composites (see composites.py): special functions (stanh, erfinv, lgamma,
digamma), written once over the primitives for eager and compiled code by
their classical approximations, computed in float64 and returned in x's
dtype: erfinv by Giles' polynomials refined by Newton steps on erf, lgamma
by Lanczos' series (g = 7, 9 terms) with the reflection formula below 1/2,
digamma by the recurrence up to 6 and its asymptotic series."""
from .primitives import KERNELS as _P

abs = _P["abs"]
cast = _P["cast"]
erf = _P["erf"]
exp = _P["exp"]
floor = _P["floor"]
log = _P["log"]
sin = _P["sin"]
sqrt = _P["sqrt"]
tan = _P["tan"]
tanh = _P["tanh"]
where = _P["where"]
logical_and = _P["logical_and"]

_PI = 3.141592653589793
_NAN = float("nan")
_INF = float("inf")


def _float(x):
    """x's dtype for the result (ints give float32) and x in float64."""
    kind = x.dtype if x.dtype == "float32" or x.dtype == "float64" else "float32"
    return kind, cast(x, "float64")


def stanh(x, scale_a=0.67, scale_b=1.7159, name=None):
    """scale_b * tanh(scale_a * x)."""
    return scale_b * tanh(scale_a * x)


def _polynomial(w, coefficients):
    p = w * 0.0 + coefficients[0]
    for c in coefficients[1:]:
        p = c + p * w
    return p


_CENTRAL = [2.81022636e-08, 3.43273939e-07, -3.5233877e-06, -4.39150654e-06, 0.00021858087,
            -0.00125372503, -0.00417768164, 0.246640727, 1.50140941]
_TAIL = [-0.000200214257, 0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773,
         -0.0076224613, 0.00943887047, 1.00167406, 2.83297682]


def erfinv(x, name=None):
    """The y with erf(y) = x, for x in [-1, 1] (±inf at ±1, NaN outside)."""
    kind, v = _float(x)
    inside = abs(v) < 1.0
    safe = where(inside, v, 0.0)
    w = -log((1.0 - safe) * (1.0 + safe))
    central = _polynomial(w - 2.5, _CENTRAL)
    tail = _polynomial(sqrt(w) - 3.0, _TAIL)
    y = where(w < 5.0, central, tail) * safe
    for _ in range(2):
        y = y - (erf(y) - safe) / (1.1283791670955126 * exp(-y * y))
    edge = where(abs(v) == 1.0, v * _INF, _NAN)
    return cast(where(inside, y, edge), kind)


_LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012,
            9.9843695780195716e-6, 1.5056327351493116e-7]


def _lgamma_positive(z):
    """log Γ(z) for z >= 1/2 (Lanczos)."""
    z = z - 1.0
    total = z * 0.0 + _LANCZOS[0]
    for k, coefficient in enumerate(_LANCZOS[1:]):
        total = total + coefficient / (z + (k + 1))
    t = z + 7.5
    return 0.9189385332046727 + (z + 0.5) * log(t) - t + log(total)


def lgamma(x, name=None):
    """log |Γ(x)|: inf at the poles 0, -1, -2, ..."""
    kind, v = _float(x)
    small = v < 0.5
    reflected = _lgamma_positive(where(small, 1.0 - v, v))
    # Γ(x) Γ(1 - x) = π / sin(π x) below 1/2.
    sine = abs(sin(_PI * (v - floor(v))))
    out = where(small, log(_PI / sine) - reflected, reflected)
    pole = logical_and(v <= 0.0, v == floor(v))
    return cast(where(pole, _INF, out), kind)


def digamma(x, name=None):
    """ψ(x) = d/dx log Γ(x): NaN at the poles 0, -1, -2, ..."""
    kind, v = _float(x)
    small = v < 0.5
    z = where(small, 1.0 - v, v)
    shift = z * 0.0
    for k in range(6):
        shift = shift - 1.0 / (z + k)
    y = z + 6.0
    inverse = 1.0 / (y * y)
    series = log(y) - 0.5 / y - inverse * (1.0 / 12 - inverse * (1.0 / 120 - inverse * (
        1.0 / 252 - inverse * (1.0 / 240 - inverse / 132))))
    out = shift + series
    # ψ(1 - x) - ψ(x) = π / tan(π x) below 1/2.
    out = where(small, out - _PI / tan(_PI * (v - floor(v))), out)
    pole = logical_and(v <= 0.0, v == floor(v))
    return cast(where(pole, _NAN, out), kind)


SPECIAL_COMPOSITES = {fn.__name__: fn for fn in (stanh, erfinv, lgamma, digamma)}
