// A product whose right operand is packed once and read many times: a
// recurrent layer's or a decoder's weights inside its loop. OpenBLAS packs
// both operands at every call; for the few rows of a step (a batch, a beam)
// packing the weights costs as much as the product. Register-blocked kernels
// on panels packed before the loop: AVX-512 (8 rows x 16 columns of C in 8
// registers) where the CPU has it, else AVX2 (6 rows in 12 registers).
// AVX-512 issues half the instructions per multiply-add: on a core shared
// with a sibling thread the AVX2 kernels ran at 84-114 GFLOP/s, these at
// 111-113.
#include "PackedGemm.h"

#include "Workers.h"

#include "Dy2St/Support/RuntimeABI.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#if defined(__x86_64__)
#include <immintrin.h>

namespace {

constexpr int64_t kPanel = dy2st::kPackedPanelWidth;
static_assert(kPanel == 16, "the kernels hold a panel's row in two 8-float registers");
/// Rows of A per block kept in cache while the panels pass over it (a
/// multiple of both kernels' rows).
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

/// The same with AVX-512: a panel's row in one register, and the columns
/// of a last, partial panel masked.
template <int R>
__attribute__((target("avx512f"))) void kernel512(const float *a, int64_t rowStride,
                                                   int64_t depthStride, const float *panel,
                                                   int64_t k, float *c, int64_t ldc,
                                                   int64_t columns, bool accumulate) {
  __m512 sum[R];
  _Pragma("GCC unroll 8") for (int r = 0; r < R; ++r) sum[r] = _mm512_setzero_ps();
  for (int64_t p = 0; p < k; ++p) {
    __m512 row = _mm512_loadu_ps(panel + p * kPanel);
    _Pragma("GCC unroll 8") for (int r = 0; r < R; ++r)
      sum[r] = _mm512_fmadd_ps(_mm512_set1_ps(a[r * rowStride + p * depthStride]), row, sum[r]);
  }
  __mmask16 mask = dy2st::firstLanes(columns);
  _Pragma("GCC unroll 8") for (int r = 0; r < R; ++r) {
    float *row = c + r * ldc;
    if (accumulate)
      sum[r] = _mm512_add_ps(sum[r], _mm512_maskz_loadu_ps(mask, row));
    _mm512_mask_storeu_ps(row, mask, sum[r]);
  }
}

/// kernel512 over two adjacent panels (32 columns, the second `k` rows of
/// a panel after the first; `columns` of them, more than 16): twice the
/// independent sums, which Intel's two FMA units need to stay busy.
template <int R>
__attribute__((target("avx512f"))) void kernel512Pair(const float *a, int64_t rowStride,
                                                       int64_t depthStride, const float *panel,
                                                       int64_t k, float *c, int64_t ldc,
                                                       int64_t columns, bool accumulate) {
  const float *second = panel + k * kPanel;
  __m512 sum[R][2];
  _Pragma("GCC unroll 8") for (int r = 0; r < R; ++r) sum[r][0] = sum[r][1] = _mm512_setzero_ps();
  for (int64_t p = 0; p < k; ++p) {
    __m512 low = _mm512_loadu_ps(panel + p * kPanel), high = _mm512_loadu_ps(second + p * kPanel);
    _Pragma("GCC unroll 8") for (int r = 0; r < R; ++r) {
      __m512 x = _mm512_set1_ps(a[r * rowStride + p * depthStride]);
      sum[r][0] = _mm512_fmadd_ps(x, low, sum[r][0]);
      sum[r][1] = _mm512_fmadd_ps(x, high, sum[r][1]);
    }
  }
  int64_t rest = columns - kPanel;
  __mmask16 mask = dy2st::firstLanes(rest);
  _Pragma("GCC unroll 8") for (int r = 0; r < R; ++r) {
    float *row = c + r * ldc;
    if (accumulate) {
      sum[r][0] = _mm512_add_ps(sum[r][0], _mm512_loadu_ps(row));
      sum[r][1] = _mm512_add_ps(sum[r][1], _mm512_maskz_loadu_ps(mask, row + kPanel));
    }
    _mm512_storeu_ps(row, sum[r][0]);
    _mm512_mask_storeu_ps(row + kPanel, mask, sum[r][1]);
  }
}

using Kernel = void (*)(const float *, int64_t, int64_t, const float *, int64_t, float *, int64_t,
                        int64_t, bool);
constexpr Kernel kAvx2Kernels[] = {nullptr, kernel<1>, kernel<2>, kernel<3>,
                                   kernel<4>, kernel<5>, kernel<6>};
constexpr Kernel kAvx512Kernels[] = {nullptr,      kernel512<1>, kernel512<2>,
                                     kernel512<3>, kernel512<4>, kernel512<5>,
                                     kernel512<6>, kernel512<7>, kernel512<8>};
static_assert(std::size(kAvx512Kernels) - 1 == dy2st::kMaxPanelRows);
constexpr Kernel kAvx512PairKernels[] = {nullptr,          kernel512Pair<1>, kernel512Pair<2>,
                                         kernel512Pair<3>, kernel512Pair<4>, kernel512Pair<5>,
                                         kernel512Pair<6>, kernel512Pair<7>, kernel512Pair<8>};

/// The kernels this CPU runs, indexed by rows (up to `rows`), or none.
/// DY2ST_PACKED_KERNELS=avx2 keeps AVX2's on a CPU with AVX-512 (to test
/// them there).
struct Kernels {
  int rows;
  const Kernel *byRows;
  const Kernel *pairsByRows; // over two panels at once, or none
};

const Kernels &kernels() {
  static const Kernels chosen = [] {
    const char *asked = std::getenv("DY2ST_PACKED_KERNELS");
    bool avx2Only = asked && std::strcmp(asked, "avx2") == 0;
    if (!avx2Only && __builtin_cpu_supports("avx512f"))
      return Kernels{8, kAvx512Kernels, kAvx512PairKernels};
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
      return Kernels{6, kAvx2Kernels, nullptr};
    return Kernels{0, nullptr, nullptr};
  }();
  return chosen;
}

} // namespace

bool dy2st::packedKernelsAvailable() { return kernels().rows > 0; }

int dy2st::panelRows() { return kernels().rows; }

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

void dy2st::panelProduct(const float *a, int64_t lda, const float *panel, int64_t k, float *c,
                         int64_t ldc, int m, int64_t columns, bool accumulate) {
  kernels().byRows[m](a, lda, 1, panel, k, c, ldc, columns, accumulate);
}

bool dy2st::panelPairsAvailable() { return kernels().pairsByRows != nullptr; }

void dy2st::panelPairProduct(const float *a, int64_t lda, const float *panels, int64_t k,
                             float *c, int64_t ldc, int m, int64_t columns, bool accumulate) {
  kernels().pairsByRows[m](a, lda, 1, panels, k, c, ldc, columns, accumulate);
}

void dy2st::packedProduct(const float *a, int64_t lda, bool transposedA, const float *packed,
                          float *c, int64_t ldc, int64_t m, int64_t n, int64_t k,
                          bool accumulate, int threads) {
  int64_t rowStride = transposedA ? 1 : lda, depthStride = transposedA ? lda : 1;
  int64_t panels = (n + kPanel - 1) / kPanel;
  const Kernels &chosen = kernels();
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
      for (int64_t first = begin; first < end;) {
        const float *panel = packed + first * k;
        bool pair = chosen.pairsByRows && end - first > kPanel;
        int64_t width = pair ? 2 * kPanel : kPanel;
        int64_t columns = std::min(width, n - first);
        const Kernel *byRows = pair ? chosen.pairsByRows : chosen.byRows;
        for (int64_t i = top; i < bottom; i += chosen.rows) {
          int64_t rows = std::min<int64_t>(chosen.rows, bottom - i);
          byRows[rows](a + i * rowStride, rowStride, depthStride, panel, k, c + i * ldc + first,
                       ldc, columns, accumulate);
        }
        first += width;
      }
    }
  });
}
#else
// Other CPUs keep OpenBLAS's products: packedKernelsAvailable() is false, so
// the entries never pack nor call packedProduct.
bool dy2st::packedKernelsAvailable() { return false; }
int dy2st::panelRows() { return 0; }
void dy2st::packPanels(const float *, int64_t, bool, int64_t, int64_t, float *) {}
void dy2st::packedProduct(const float *, int64_t, bool, const float *, float *, int64_t, int64_t,
                          int64_t, int64_t, bool, int) {}
void dy2st::panelProduct(const float *, int64_t, const float *, int64_t, float *, int64_t, int,
                         int64_t, bool) {}
bool dy2st::panelPairsAvailable() { return false; }
void dy2st::panelPairProduct(const float *, int64_t, const float *, int64_t, float *, int64_t,
                             int, int64_t, bool) {}
#endif
