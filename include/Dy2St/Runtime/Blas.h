#ifndef DY2ST_RUNTIME_BLAS_H
#define DY2ST_RUNTIME_BLAS_H

namespace mlir {
class ExecutionEngine;
} // namespace mlir

namespace dy2st {

/// Makes the gemm entries of RuntimeABI.h callable by the engine's code.
void registerBlasSymbols(mlir::ExecutionEngine &engine);

/// The threads OpenBLAS uses for one product.
void setBlasThreads(int threads);
int blasThreads();
/// The kernel family OpenBLAS runs ("SkylakeX", "Haswell", ...).
const char *blasCore();

} // namespace dy2st

#endif
