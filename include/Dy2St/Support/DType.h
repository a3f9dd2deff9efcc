#ifndef DY2ST_SUPPORT_DTYPE_H
#define DY2ST_SUPPORT_DTYPE_H

// The dtypes of dy2st's tensors: Paddle's name, MLIR element type and size of
// each, in one table (lib/Support/DType.cpp) that the dialect, the runtime
// and the tools read.

#include "llvm/ADT/StringRef.h"

#include <cstddef>
#include <optional>

namespace mlir {
class MLIRContext;
class Type;
} // namespace mlir

namespace dy2st {

enum class DType { Bool, Int32, Int64, Float32, Float64, Complex64, Complex128 };

/// Bytes per element.
size_t dtypeSize(DType dtype);
/// Paddle's name: "bool", "int32", "int64", "float32", "float64", "complex64",
/// "complex128".
const char *dtypeName(DType dtype);
std::optional<DType> dtypeFromName(llvm::StringRef name);
/// A dtype as user code may spell it: its name or NumPy's other name of it
/// ("float", "double", "int", "long"); the saved-model format takes names only.
std::optional<DType> dtypeFromSpelling(llvm::StringRef name);
/// The dtype of an MLIR element type (i1, i32, i64, f32, f64, complex<f32>,
/// complex<f64>), if it is one.
std::optional<DType> dtypeOfElement(mlir::Type element);
mlir::Type elementOfDtype(mlir::MLIRContext *ctx, DType dtype);

} // namespace dy2st

#endif
