#ifndef DY2ST_RUNTIME_FFT_H
#define DY2ST_RUNTIME_FFT_H

#include "Dy2St/Runtime/Program.h"

#include <complex>
#include <cstdint>

namespace dy2st {

/// Defines the Fourier transform entries (kFftC64, kFftC128) for compiled code.
void defineFftSymbols(SymbolDefiner define);

/// The unnormalized discrete Fourier transform of `count` rows of n points:
/// out[r][k] = sum_j in[r][j] exp(-+2 pi i j k / n) (- where `forward`),
/// row r of `in` at in + r * inRowStride (points inStride apart), of `out`
/// contiguous at out + r * n. Computed in double precision.
template <typename Part>
void fourierRows(const std::complex<Part> *in, int64_t inRowStride, int64_t inStride,
                 std::complex<Part> *out, int64_t count, int64_t n, bool forward);

} // namespace dy2st

#endif
