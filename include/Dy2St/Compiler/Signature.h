#ifndef DY2ST_COMPILER_SIGNATURE_H
#define DY2ST_COMPILER_SIGNATURE_H

// The input signature of a compile, as data: what each argument of the entry
// is (a tensor's dtype and shape, a number passed at run time, or a Python
// value the program is compiled for). The front end builds it without any
// MLIR text; the driver turns it into the `pydy.signature` attribute of the
// entry function, which pydy-specialize reads.

#include "Dy2St/Support/DType.h"

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mlir {
class ArrayAttr;
class MLIRContext;
} // namespace mlir

namespace dy2st {

struct RuntimeValue;

struct SignatureEntry {
  enum class Kind {
    /// A tensor argument: `dtype` and `shape` (kDynamic: any size).
    Tensor,
    /// A Python number passed at run time: `dtype` (Bool, Int64 or Float64).
    Number,
    /// Python values the program is compiled for.
    Bool,
    Int,
    Float,
    None,
    String,
  };
  Kind kind = Kind::None;
  DType dtype = DType::Float32;
  std::vector<int64_t> shape;
  bool boolValue = false;
  int64_t intValue = 0;
  double floatValue = 0;
  std::string text;

  /// The entry of a value passed to the compiled code (dy2st-run's
  /// arguments): a tensor of its shape, or a number compiled for its value.
  static SignatureEntry of(const RuntimeValue &value);
  /// A number of `value`'s kind passed at run time.
  static SignatureEntry runtimeNumber(const RuntimeValue &value);
};

/// The `pydy.signature` attribute: a type for a tensor or a runtime number,
/// a literal for a compiled-in value, `unit` for None.
mlir::ArrayAttr signatureAttr(llvm::ArrayRef<SignatureEntry> entries, mlir::MLIRContext *ctx);

/// A canonical spelling of the entries (the on-disk cache's key).
std::string signatureKey(llvm::ArrayRef<SignatureEntry> entries);

} // namespace dy2st

#endif
