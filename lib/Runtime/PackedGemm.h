#ifndef DY2ST_LIB_RUNTIME_PACKEDGEMM_H
#define DY2ST_LIB_RUNTIME_PACKEDGEMM_H

#include <cstdint>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace dy2st {

#if defined(__x86_64__)
/// The AVX-512 lane mask of the first n of 16 lanes (n clamped to [0, 16]):
/// the masked loads and stores of a partial panel row.
inline __mmask16 firstLanes(int64_t n) {
  return n >= 16 ? __mmask16(0xFFFF) : n <= 0 ? __mmask16(0) : __mmask16((1u << n) - 1);
}
#endif

/// Whether this CPU runs the packed kernels (AVX-512, or AVX2 and FMA).
bool packedKernelsAvailable();

/// Rows of C one kernel call computes: 8 with AVX-512, 6 with AVX2.
int panelRows();
inline constexpr int kMaxPanelRows = 8;

/// Writes op(B) ([k, n]: B as stored, or B stored [n, k] transposed) as
/// panels of kPackedPanelWidth columns, each k rows of that many floats
/// (the last panel padded with zeros): what packedProduct reads.
void packPanels(const float *b, int64_t ldb, bool transposed, int64_t k, int64_t n, float *packed);

/// C (+)= op(A)·op(B) with op(B) packed by packPanels: A is [m, k] as
/// stored or [k, m] read transposed (unit stride along its rows), C [m, n];
/// on up to `threads` threads (runs of panels), where the work is large
/// enough.
void packedProduct(const float *a, int64_t lda, bool transposedA, const float *packed, float *c,
                   int64_t ldc, int64_t m, int64_t n, int64_t k, bool accumulate, int threads);

/// C[0:m, 0:columns] (+)= A[0:m, 0:k] · panel, one packed panel (k rows of
/// kPackedPanelWidth floats), m <= panelRows(), columns <= the panel's width;
/// A's rows at stride `lda` with unit stride along them.
void panelProduct(const float *a, int64_t lda, const float *panel, int64_t k, float *c,
                  int64_t ldc, int m, int64_t columns, bool accumulate);

/// Whether panelPairProduct runs (the AVX-512 kernels).
bool panelPairsAvailable();

/// panelProduct over two adjacent packed panels at once (the second k rows
/// of kPackedPanelWidth floats after the first): C[0:m, 0:columns] with
/// columns in (16, 32]; only where panelPairsAvailable().
void panelPairProduct(const float *a, int64_t lda, const float *panels, int64_t k, float *c,
                      int64_t ldc, int m, int64_t columns, bool accumulate);

} // namespace dy2st

#endif
