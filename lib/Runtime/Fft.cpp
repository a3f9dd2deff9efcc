// The runtime's discrete Fourier transform (paddle.fft's primitive fft_c2c
// in compiled code): a mixed-radix Cooley-Tukey FFT (radix 4, 2 and the
// other primes of n), Bluestein's chirp transform for prime factors too
// large for a direct butterfly, in double precision whatever the tensors'
// (numpy's pocketfft of NumPy 1 computes in double too).
#include "Dy2St/Runtime/Fft.h"
#include "Dy2St/Runtime/Blas.h"
#include "Dy2St/Support/RuntimeABI.h"

#include "Workers.h"

#include "mlir/ExecutionEngine/CRunnerUtils.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

using namespace dy2st;

namespace {
using Complex = std::complex<double>;

/// Prime factors above this are transformed by Bluestein's method (a direct
/// butterfly costs p operations per point).
constexpr int64_t kLargestDirectPrime = 31;

/// exp(-2 pi i k / n) for k < n, the angle reduced in integers first.
std::vector<Complex> rootsOfUnity(int64_t n) {
  std::vector<Complex> roots(n);
  for (int64_t k = 0; k < n; ++k) {
    double angle = -2.0 * M_PI * static_cast<double>(k) / static_cast<double>(n);
    roots[k] = Complex(std::cos(angle), std::sin(angle));
  }
  return roots;
}

/// a * b without std::complex's handling of infinities and NaNs (a call of
/// __muldc3 per product): the butterflies' products.
inline Complex times(Complex a, Complex b) {
  return Complex(a.real() * b.real() - a.imag() * b.imag(),
                 a.real() * b.imag() + a.imag() * b.real());
}

int64_t smallestFactor(int64_t n) {
  if (n % 4 == 0)
    return 4;
  for (int64_t p = 2; p * p <= n; ++p)
    if (n % p == 0)
      return p;
  return n;
}

int64_t nextPowerOfTwo(int64_t n) {
  int64_t m = 1;
  while (m < n)
    m *= 2;
  return m;
}

/// The transforms of one length n: its roots of unity and, for each prime
/// factor too large for a butterfly, that length's Bluestein plan.
struct Plan {
  int64_t n;
  std::vector<Complex> roots;
  // Bluestein (n prime and large): chirp[k] = exp(-pi i k^2 / n), and the
  // forward transform (length m, a power of two) of the conjugate chirp.
  int64_t m = 0;
  std::vector<Complex> chirp, chirpSpectrum;
  std::shared_ptr<const Plan> inner;
};

std::shared_ptr<const Plan> planFor(int64_t n);

/// y = DFT_n(x) (forward sign) of points x[0], x[stride], ...; y contiguous.
void transform(const Plan &plan, const Complex *x, int64_t stride, Complex *y, int64_t rootStep,
               std::vector<Complex> &scratch);

void bluestein(const Plan &plan, const Complex *x, int64_t stride, Complex *y) {
  int64_t n = plan.n, m = plan.m;
  std::vector<Complex> a(m), spectrum(m), scratch;
  for (int64_t k = 0; k < n; ++k)
    a[k] = times(x[k * stride], plan.chirp[k]);
  transform(*plan.inner, a.data(), 1, spectrum.data(), 1, scratch);
  for (int64_t k = 0; k < m; ++k)
    spectrum[k] = std::conj(times(spectrum[k], plan.chirpSpectrum[k]));
  // The inverse transform as the conjugate of the forward one of the conjugate.
  transform(*plan.inner, spectrum.data(), 1, a.data(), 1, scratch);
  for (int64_t k = 0; k < n; ++k)
    y[k] = times(std::conj(a[k]), plan.chirp[k]) / static_cast<double>(m);
}

/// Decimation in time: the p sub-transforms of the points p apart, then
/// their combination with the twiddles of length `len` (roots of the plan's
/// n, taken `rootStep` apart).
void transform(const Plan &plan, const Complex *x, int64_t stride, Complex *y, int64_t rootStep,
               std::vector<Complex> &scratch) {
  int64_t len = plan.n / rootStep;
  if (len == 1) {
    y[0] = x[0];
    return;
  }
  int64_t p = smallestFactor(len);
  if (p == len && p > kLargestDirectPrime) {
    // A large prime length: n's own plan, or (a factor of n) the prime's.
    bluestein(rootStep == 1 ? plan : *planFor(p), x, stride, y);
    return;
  }
  int64_t m = len / p;
  for (int64_t q = 0; q < p; ++q) {
    if (m == 1)
      y[q] = x[q * stride];
    else
      transform(plan, x + q * stride, stride * p, y + q * m, rootStep * p, scratch);
  }
  const std::vector<Complex> &w = plan.roots;
  int64_t n = plan.n;
  if (p == 2) {
    for (int64_t k = 0; k < m; ++k) {
      Complex a = y[k], b = times(y[k + m], w[k * rootStep]);
      y[k] = a + b;
      y[k + m] = a - b;
    }
    return;
  }
  if (p == 4) {
    for (int64_t k = 0; k < m; ++k) {
      Complex a0 = y[k], a1 = times(y[k + m], w[k * rootStep]),
              a2 = times(y[k + 2 * m], w[2 * k * rootStep]),
              a3 = times(y[k + 3 * m], w[3 * k * rootStep]);
      Complex s02 = a0 + a2, d02 = a0 - a2, s13 = a1 + a3, d13 = a1 - a3;
      Complex d13i(d13.imag(), -d13.real()); // -i (a1 - a3)
      y[k] = s02 + s13;
      y[k + m] = d02 + d13i;
      y[k + 2 * m] = s02 - s13;
      y[k + 3 * m] = d02 - d13i;
    }
    return;
  }
  scratch.resize(p);
  for (int64_t k = 0; k < m; ++k) {
    for (int64_t r = 0; r < p; ++r) {
      Complex sum = 0;
      for (int64_t q = 0; q < p; ++q)
        sum += times(y[k + q * m], w[(q * (k + r * m) * rootStep) % n]);
      scratch[r] = sum;
    }
    for (int64_t r = 0; r < p; ++r)
      y[k + r * m] = scratch[r];
  }
}

std::shared_ptr<const Plan> makePlan(int64_t n) {
  auto plan = std::make_shared<Plan>();
  plan->n = n;
  plan->roots = rootsOfUnity(n);
  if (smallestFactor(n) == n && n > kLargestDirectPrime) {
    plan->m = nextPowerOfTwo(2 * n - 1);
    plan->inner = planFor(plan->m);
    plan->chirp.resize(n);
    for (int64_t k = 0; k < n; ++k) {
      // k^2 mod 2n in integers: the angle -pi k^2 / n without rounding.
      int64_t square = (k * k) % (2 * n);
      double angle = -M_PI * static_cast<double>(square) / static_cast<double>(n);
      plan->chirp[k] = Complex(std::cos(angle), std::sin(angle));
    }
    std::vector<Complex> b(plan->m);
    for (int64_t k = 0; k < n; ++k) {
      b[k] = std::conj(plan->chirp[k]);
      if (k)
        b[plan->m - k] = b[k];
    }
    plan->chirpSpectrum.resize(plan->m);
    std::vector<Complex> scratch;
    transform(*plan->inner, b.data(), 1, plan->chirpSpectrum.data(), 1, scratch);
  }
  return plan;
}

std::shared_ptr<const Plan> planFor(int64_t n) {
  static std::mutex mutex;
  static std::map<int64_t, std::shared_ptr<const Plan>> plans;
  {
    std::lock_guard<std::mutex> lock(mutex);
    auto found = plans.find(n);
    if (found != plans.end())
      return found->second;
  }
  std::shared_ptr<const Plan> plan = makePlan(n);
  std::lock_guard<std::mutex> lock(mutex);
  return plans.emplace(n, plan).first->second;
}

/// The unnormalized discrete Fourier transform of `count` rows of n points:
/// out[r][k] = sum_j in[r][j] exp(-+2 pi i j k / n) (- where `forward`),
/// row r of `in` at in + r * inRowStride (points inStride apart), of `out`
/// contiguous at out + r * n.
template <typename Part>
void fourierRows(const std::complex<Part> *in, int64_t inRowStride, int64_t inStride,
                 std::complex<Part> *out, int64_t count, int64_t n, bool forward) {
  if (n == 0 || count == 0)
    return;
  std::shared_ptr<const Plan> plan = planFor(n);
  // Rows shared among the threads where each gets some tens of microseconds
  // of work (a point costs about a nanosecond per doubling of n).
  double work = static_cast<double>(count) * static_cast<double>(n) * std::log2(n + 1.0);
  int parts = static_cast<int>(std::clamp<double>(
      std::min(work / (1 << 16), static_cast<double>(count)), 1, std::max(blasThreads(), 1)));
  runParts(parts, [&](int part) {
    std::vector<Complex> row(n), result(n), scratch;
    for (int64_t r = count * part / parts; r < count * (part + 1) / parts; ++r) {
      // The inverse transform as the conjugate of the forward one of the conjugate.
      for (int64_t j = 0; j < n; ++j) {
        Complex v(in[r * inRowStride + j * inStride]);
        row[j] = forward ? v : std::conj(v);
      }
      transform(*plan, row.data(), 1, result.data(), 1, scratch);
      for (int64_t k = 0; k < n; ++k)
        out[r * n + k] = std::complex<Part>(forward ? result[k] : std::conj(result[k]));
    }
  });
}

template <typename Part>
void fftRows(UnrankedMemRefType<std::complex<Part>> *in,
             StridedMemRefType<std::complex<Part>, 2> *out, bool forward) {
  DynamicMemRefType<std::complex<Part>> rows(*in);
  fourierRows(rows.data + rows.offset, rows.strides[0], rows.strides[1], out->data + out->offset,
              rows.sizes[0], rows.sizes[1], forward);
}

void fftC64(UnrankedMemRefType<std::complex<float>> *in,
            StridedMemRefType<std::complex<float>, 2> *out, bool forward) {
  fftRows(in, out, forward);
}
void fftC128(UnrankedMemRefType<std::complex<double>> *in,
             StridedMemRefType<std::complex<double>, 2> *out, bool forward) {
  fftRows(in, out, forward);
}
} // namespace

void dy2st::defineFftSymbols(SymbolDefiner define) {
  define((llvm::Twine("_mlir_ciface_") + kFftC64).str(), reinterpret_cast<void *>(&fftC64));
  define((llvm::Twine("_mlir_ciface_") + kFftC128).str(), reinterpret_cast<void *>(&fftC128));
}
