"""Composites (see composites.py): special functions (stanh, erfinv, lgamma,
digamma, polygamma, the modified Bessel functions i0, i0e, i1, i1e), written
once over the primitives for eager and compiled code by their classical
approximations, computed in float64 and returned in x's dtype: erfinv by
Giles' polynomials refined by Newton steps on erf, lgamma by Lanczos' series
(g = 7, 9 terms) with the reflection formula below 1/2, digamma by the
recurrence up to 6 and its asymptotic series, polygamma by Cephes' Hurwitz
zeta and the Bessel functions by Cephes' Chebyshev series (as Paddle's CPU
kernels)."""
import math

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
isnan = _P["isnan"]
logical_not = _P["logical_not"]
logical_or = _P["logical_or"]
pow = _P["pow"]
reduce_any = _P["any"]

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


# Cephes' Chebyshev series (as Paddle's CPU kernels use them) for
# exp(-|x|) I0(x) and exp(-|x|) I1(x) / |x| on [0, 8] (in y = |x| / 2 - 2),
# and for exp(-|x|) sqrt(|x|) I0 and I1 beyond 8 (in y = 32 / |x| - 2).
_I0E_NEAR = (
    -4.41534164647933937950E-18, 3.33079451882223809783E-17, -2.43127984654795469359E-16,
    1.71539128555513303061E-15, -1.16853328779934516808E-14, 7.67618549860493561688E-14,
    -4.85644678311192946090E-13, 2.95505266312963983461E-12, -1.72682629144155570723E-11,
    9.67580903537323691224E-11, -5.18979560163526290666E-10, 2.65982372468238665035E-9,
    -1.30002500998624804212E-8, 6.04699502254191894932E-8, -2.67079385394061173391E-7,
    1.11738753912010371815E-6, -4.41673835845875056359E-6, 1.64484480707288970893E-5,
    -5.75419501008210370398E-5, 1.88502885095841655729E-4, -5.76375574538582365885E-4,
    1.63947561694133579842E-3, -4.32430999505057594430E-3, 1.05464603945949983183E-2,
    -2.37374148058994688156E-2, 4.93052842396707084878E-2, -9.49010970480476444210E-2,
    1.71620901522208775349E-1, -3.04682672343198398683E-1, 6.76795274409476084995E-1)
_I0E_FAR = (
    -7.23318048787475395456E-18, -4.83050448594418207126E-18, 4.46562142029675999901E-17,
    3.46122286769746109310E-17, -2.82762398051658348494E-16, -3.42548561967721913462E-16,
    1.77256013305652638360E-15, 3.81168066935262242075E-15, -9.55484669882830764870E-15,
    -4.15056934728722208663E-14, 1.54008621752140982691E-14, 3.85277838274214270114E-13,
    7.18012445138366623367E-13, -1.79417853150680611778E-12, -1.32158118404477131188E-11,
    -3.14991652796324136454E-11, 1.18891471078464383424E-11, 4.94060238822496958910E-10,
    3.39623202570838634515E-9, 2.26666899049817806459E-8, 2.04891858946906374183E-7,
    2.89137052083475648297E-6, 6.88975834691682398426E-5, 3.36911647825569408990E-3,
    8.04490411014108831608E-1)
_I1E_NEAR = (
    2.77791411276104639959E-18, -2.11142121435816608115E-17, 1.55363195773620046921E-16,
    -1.10559694773538630805E-15, 7.60068429473540693410E-15, -5.04218550472791168711E-14,
    3.22379336594557470981E-13, -1.98397439776494371520E-12, 1.17361862988909016308E-11,
    -6.66348972350202774223E-11, 3.62559028155211703701E-10, -1.88724975172282928790E-9,
    9.38153738649577178388E-9, -4.44505912879632808065E-8, 2.00329475355213526229E-7,
    -8.56872026469545474066E-7, 3.47025130813767847674E-6, -1.32731636560394358279E-5,
    4.78156510755005422638E-5, -1.61760815825896745588E-4, 5.12285956168575772895E-4,
    -1.51357245063125314899E-3, 4.15642294431288815669E-3, -1.05640848946261981558E-2,
    2.47264490306265168283E-2, -5.29459812080949914269E-2, 1.02643658689847095384E-1,
    -1.76416518357834055153E-1, 2.52587186443633654823E-1)
_I1E_FAR = (
    7.51729631084210481353E-18, 4.41434832307170791151E-18, -4.65030536848935832153E-17,
    -3.20952592199342395980E-17, 2.96262899764595013876E-16, 3.30820231092092828324E-16,
    -1.88035477551078244854E-15, -3.81440307243700780478E-15, 1.04202769841288027642E-14,
    4.27244001671195135429E-14, -2.10154184277266431302E-14, -4.08355111109219731823E-13,
    -7.19855177624590851209E-13, 2.03562854414708950722E-12, 1.41258074366137813316E-11,
    3.25260358301548823856E-11, -1.89749581235054123450E-11, -5.58974346219658380687E-10,
    -3.83538038596423702205E-9, -2.63146884688951950684E-8, -2.51223623787020892529E-7,
    -3.88256480887769039346E-6, -1.10588938762623716291E-4, -9.76109749136146840777E-3,
    7.78576235018280120474E-1)


def _chebyshev(y, coefficients):
    """Clenshaw's sum of the series at y (Cephes' chbevl)."""
    b0, b1, b2 = y * 0.0 + coefficients[0], y * 0.0, y * 0.0
    for c in coefficients[1:]:
        b2, b1 = b1, b0
        b0 = y * b1 - b2 + c
    return 0.5 * (b0 - b2)


def _bessel(x, odd, scaled):
    """I0(x) or (`odd`) I1(x), times exp(-|x|) when `scaled`, by the series
    near zero (I1's times |x|, with x's sign) or beyond 8."""
    kind, v = _float(x)
    near, far = (_I1E_NEAR, _I1E_FAR) if odd else (_I0E_NEAR, _I0E_FAR)
    a = abs(v)
    inside = a <= 8.0
    # Each series at an argument inside its range, the other branch's unused.
    y_near = where(inside, a / 2.0 - 2.0, 0.0)
    y_far = where(inside, 2.0, 32.0 / a - 2.0)
    value = where(inside, _chebyshev(y_near, near) * (a if odd else 1.0),
                  _chebyshev(y_far, far) / sqrt(where(inside, 1.0, a)))
    if odd:
        value = where(v < 0.0, -value, value)
    return cast(value if scaled else exp(a) * value, kind)


def i0(x, name=None):
    """I0(x), the modified Bessel function of the first kind of order 0."""
    return _bessel(x, False, False)


def i0e(x, name=None):
    """exp(-|x|) I0(x), the scaled modified Bessel function of order 0."""
    return _bessel(x, False, True)


def i1(x, name=None):
    """I1(x), the modified Bessel function of the first kind of order 1."""
    return _bessel(x, True, False)


def i1e(x, name=None):
    """exp(-|x|) I1(x), the scaled modified Bessel function of order 1."""
    return _bessel(x, True, True)


# Cephes' zeta.c (as Paddle's polygamma kernel): the Euler-Maclaurin tail's
# denominators, (2j)! / B_2j.
_ZETA_TAIL = (12.0, -720.0, 30240.0, -1209600.0, 47900160.0, -1.8924375803183791606e9,
              7.47242496e10, -2.950130727918164224e12, 1.1646782814350067249e14,
              -4.5979787224074726105e15, 1.8152105401943546773e17, -7.1661652561756670113e18)
_MACHEP = 1.11022302462515654042e-16


def _hurwitz_zeta(order, q):
    """ζ(order, q) = Σ_k (q + k)^-order for an integer order ≥ 2, as Cephes
    sums it: the terms until q + k passes 9 (nine at least), then the
    Euler-Maclaurin tail; each element stops where its next term is below
    the machine epsilon of its sum. Infinite at the poles q = 0, -1, ..."""
    total = pow(q, -order)
    a, last = q, q * 0.0
    done = isnan(q)  # a NaN stays one
    i = 0
    while i < 9 or bool(reduce_any(logical_and(logical_not(done), a <= 9.0))):
        active = logical_not(done) if i < 9 else logical_and(logical_not(done), a <= 9.0)
        a = where(active, a + 1.0, a)
        term = pow(a, -order)
        last = where(active, term, last)
        total = where(active, total + term, total)
        small = logical_and(-_MACHEP * total < term, term < _MACHEP * total)
        done = logical_or(done, logical_and(active, small))
        i += 1
    width = a
    total = where(done, total, total + last * width / (order - 1.0) - 0.5 * last)
    factor, k = 1.0, 0.0
    for denominator in _ZETA_TAIL:
        factor *= order + k
        last = last / width
        t = factor * last / denominator
        total = where(done, total, total + t)
        done = logical_or(done, abs(t / total) < _MACHEP)
        k += 1.0
        factor *= order + k
        last = last / width
        k += 1.0
    return where(logical_and(q <= 0.0, q == floor(q)), _INF, total)


def polygamma(x, n, name=None):
    """ψ⁽ⁿ⁾(x), the n-th derivative of digamma: (-1)^(n+1) n! ζ(n + 1, x)
    (digamma for n = 0)."""
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError(f"The input of n must be int type, but received: {type(n)} ")
    if n < 0:
        raise ValueError("The input of n must be greater than or equal to 0. But received "
                         f"n = {n}")
    if n == 0:
        return digamma(x)
    kind, v = _float(x)
    scale = 1.0 if n % 2 else -1.0
    for k in range(2, n + 1):
        scale *= k
    return cast(scale * _hurwitz_zeta(float(n + 1), v), kind)


def multigammaln(x, p, name=None):
    """The log of the multivariate gamma function: sum over i < p of
    lgamma(x - i / 2), plus p (p - 1) / 4 log(pi) (no domain check, as
    Paddle's)."""
    if p < 1:
        raise ValueError(f"The p must be a positive integer. But received p = {p}")
    out = lgamma(x)
    for i in range(1, p):
        out = out + lgamma(x - i / 2.0)
    return out + p * (p - 1) / 4.0 * math.log(math.pi)


SPECIAL_COMPOSITES = {fn.__name__: fn for fn in (stanh, erfinv, lgamma, digamma, i0, i0e, i1,
                                                    i1e, polygamma, multigammaln)}
