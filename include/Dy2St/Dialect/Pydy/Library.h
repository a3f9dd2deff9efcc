#ifndef DY2ST_DIALECT_PYDY_LIBRARY_H
#define DY2ST_DIALECT_PYDY_LIBRARY_H

#include "mlir/IR/Value.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace mlir::pydy {
class LibCallOp;

/// One parameter of a dy2st library function. A static parameter (a dtype, an
/// axis, a shape) must be known when the function is specialized.
struct LibParam {
  llvm::StringLiteral name;
  bool required;
  bool isStatic;
  /// Once specialized, takes all remaining operands (the tensors of a list).
  bool variadic = false;
};

/// A function of the dy2st package that compiled code may call. The table is
/// the single list of what the compiler implements: the verifier, the
/// specialization and the lowering all read it.
struct LibFunction {
  llvm::StringLiteral name;
  llvm::ArrayRef<LibParam> params;
};

const LibFunction *lookupLibFunction(llvm::StringRef name);
llvm::ArrayRef<LibFunction> allLibFunctions();

/// Binds the operands of `op` (positional, then by keyword) to the parameters
/// of its library function. Unbound parameters are null. Fails with a
/// diagnostic on unknown keywords, duplicates or missing required arguments.
LogicalResult bindLibArguments(LibCallOp op, llvm::SmallVectorImpl<Value> &bound);

} // namespace mlir::pydy

#endif
