#ifndef DY2ST_SUPPORT_RUNTIMEABI_H
#define DY2ST_SUPPORT_RUNTIMEABI_H

// What the conversions write into a compiled module for the runtime to read.

#include "llvm/ADT/StringRef.h"

namespace dy2st {

/// On the entry func.func: the strings among the Python result's leaves, in
/// order (an array of strings). They are known when compiling, so they are
/// not returned; the caller puts them back into the result's structure.
inline constexpr llvm::StringLiteral kResultTextsAttr = "dy2st.result_texts";

/// The gemm entries of the runtime (dy2st-linalg-to-blas calls them through
/// the C interface, `_mlir_ciface_<name>`): (A, B, C, transposeA, transposeB,
/// accumulate) computes C = op(A)·op(B), or C += op(A)·op(B) where
/// `accumulate` (i1, like the transposes) is true, on row-major strided
/// memrefs whose innermost stride is 1; op(X) is X or, where its flag is
/// true, X transposed. The batched ones take 3-d memrefs (batch, rows,
/// columns).
inline constexpr llvm::StringLiteral kGemmF32 = "dy2st_gemm_f32";
inline constexpr llvm::StringLiteral kGemmF64 = "dy2st_gemm_f64";
inline constexpr llvm::StringLiteral kBatchGemmF32 = "dy2st_batch_gemm_f32";
inline constexpr llvm::StringLiteral kBatchGemmF64 = "dy2st_batch_gemm_f64";

} // namespace dy2st

#endif
