#ifndef DY2ST_RUNTIME_BLAS_H
#define DY2ST_RUNTIME_BLAS_H

#include "Dy2St/Runtime/Program.h"

namespace dy2st {

/// Defines the gemm entries of RuntimeABI.h for compiled code.
void defineBlasSymbols(SymbolDefiner define);

/// The threads OpenBLAS uses for one product.
void setBlasThreads(int threads);
int blasThreads();
/// The kernel family OpenBLAS runs ("SkylakeX", "Haswell", ...).
const char *blasCore();

} // namespace dy2st

#endif
