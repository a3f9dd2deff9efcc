// A product whose right operand is packed once and read many times: a
// recurrent layer's or a decoder's weights inside its loop. OpenBLAS packs
// both operands at every call; for the few rows of a step (a batch, a beam)
// packing the weights costs as much as the product. Register-blocked AVX2
// kernels (6 rows x 16 columns of C in 12 registers) on panels packed before
// the loop.
#include "PackedGemm.h"

#include "Workers.h"

#include "Dy2St/Support/RuntimeABI.h"

#include <algorithm>

#if defined(__x86_64__)
#include <immintrin.h>

namespace {

constexpr int64_t kPanel = dy2st::kPackedPanelWidth;
static_assert(kPanel == 16, "the kernels hold a panel's row in two 8-float registers");
/// Rows of C per kernel call, and per block of A kept in cache while the
/// panels pass over it.
constexpr int kRows = 6;
constexpr int64_t kRowBlock = 96;

/// C[0:R, 0:columns] (+)= A[0:R, :] · panel. Element (r, p) of A is at
/// a[r * rowStride + p * depthStride].
template <int R>
__attribute__((target("avx2,fma"))) void kernel(const float *a, int64_t rowStride,
                                                 int64_t depthStride, const float *panel,
                                                 int64_t k, float *c, int64_t ldc,
                                                 int64_t columns, bool accumulate) {
  __m256 sum[R][2];
  _Pragma("GCC unroll 8") for (int r = 0; r < R; ++r) sum[r][0] = sum[r][1] = _mm256_setzero_ps();
  for (int64_t p = 0; p < k; ++p) {
    __m256 low = _mm256_loadu_ps(panel + p * kPanel), high = _mm256_loadu_ps(panel + p * kPanel + 8);
    _Pragma("GCC unroll 8") for (int r = 0; r < R; ++r) {
      __m256 x = _mm256_broadcast_ss(a + r * rowStride + p * depthStride);
      sum[r][0] = _mm256_fmadd_ps(x, low, sum[r][0]);
      sum[r][1] = _mm256_fmadd_ps(x, high, sum[r][1]);
    }
  }
  _Pragma("GCC unroll 8") for (int r = 0; r < R; ++r) {
    float *row = c + r * ldc;
    if (columns == kPanel) {
      if (accumulate) {
        sum[r][0] = _mm256_add_ps(sum[r][0], _mm256_loadu_ps(row));
        sum[r][1] = _mm256_add_ps(sum[r][1], _mm256_loadu_ps(row + 8));
      }
      _mm256_storeu_ps(row, sum[r][0]);
      _mm256_storeu_ps(row + 8, sum[r][1]);
      continue;
    }
    alignas(32) float last[kPanel];
    _mm256_store_ps(last, sum[r][0]);
    _mm256_store_ps(last + 8, sum[r][1]);
    for (int64_t j = 0; j < columns; ++j)
      row[j] = accumulate ? row[j] + last[j] : last[j];
  }
}

using Kernel = void (*)(const float *, int64_t, int64_t, const float *, int64_t, float *, int64_t,
                        int64_t, bool);
constexpr Kernel kKernels[kRows + 1] = {nullptr,   kernel<1>, kernel<2>, kernel<3>,
                                        kernel<4>, kernel<5>, kernel<6>};

} // namespace

bool dy2st::packedKernelsAvailable() {
  static const bool available = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  return available;
}

void dy2st::packPanels(const float *b, int64_t ldb, bool transposed, int64_t k, int64_t n,
                       float *packed) {
  for (int64_t first = 0; first < n; first += kPanel) {
    int64_t columns = std::min(kPanel, n - first);
    for (int64_t p = 0; p < k; ++p, packed += kPanel) {
      for (int64_t j = 0; j < columns; ++j)
        packed[j] = transposed ? b[(first + j) * ldb + p] : b[p * ldb + first + j];
      std::fill(packed + columns, packed + kPanel, 0.0f);
    }
  }
}

void dy2st::packedProduct(const float *a, int64_t lda, bool transposedA, const float *packed,
                          float *c, int64_t ldc, int64_t m, int64_t n, int64_t k,
                          bool accumulate, int threads) {
  int64_t rowStride = transposedA ? 1 : lda, depthStride = transposedA ? lda : 1;
  int64_t panels = (n + kPanel - 1) / kPanel;
  // A thread per run of panels, where each has enough work to pay for
  // waking it (tens of microseconds).
  int64_t work = 2 * m * n * k;
  int parts = static_cast<int>(std::clamp<int64_t>(std::min<int64_t>(work >> 22, panels), 1,
                                                   std::max(threads, 1)));
  runParts(parts, [&](int part) {
    int64_t begin = panels * part / parts * kPanel;
    int64_t end = std::min(n, panels * (part + 1) / parts * kPanel);
    for (int64_t top = 0; top < m; top += kRowBlock) {
      int64_t bottom = std::min(m, top + kRowBlock);
      for (int64_t first = begin; first < end; first += kPanel) {
        const float *panel = packed + first * k;
        int64_t columns = std::min(kPanel, n - first);
        for (int64_t i = top; i < bottom; i += kRows) {
          int64_t rows = std::min<int64_t>(kRows, bottom - i);
          kKernels[rows](a + i * rowStride, rowStride, depthStride, panel, k,
                         c + i * ldc + first, ldc, columns, accumulate);
        }
      }
    }
  });
}
#else
// Other CPUs keep OpenBLAS's products: packedKernelsAvailable() is false, so
// the entries never pack nor call packedProduct.
bool dy2st::packedKernelsAvailable() { return false; }
void dy2st::packPanels(const float *, int64_t, bool, int64_t, int64_t, float *) {}
void dy2st::packedProduct(const float *, int64_t, bool, const float *, float *, int64_t, int64_t,
                          int64_t, int64_t, bool, int) {}
#endif
