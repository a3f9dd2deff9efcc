#ifndef DY2ST_RUNTIME_BLAS_H
#define DY2ST_RUNTIME_BLAS_H

#include "Dy2St/Runtime/Program.h"

namespace dy2st {

/// Defines the gemm entries of RuntimeABI.h for compiled code.
void defineBlasSymbols(SymbolDefiner define);

/// The threads compiled code runs on: its products, window ops and parallel
/// loops share their work among them (OpenBLAS is held at one thread while
/// compiled code's products run; eager numpy's use this count).
void setBlasThreads(int threads);
int blasThreads();
/// The threads OpenBLAS itself runs a product on now.
int blasOwnThreads();
/// The kernel family OpenBLAS runs ("SkylakeX", "Haswell", ...).
const char *blasCore();

} // namespace dy2st

#endif
