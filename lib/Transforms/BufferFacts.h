#ifndef DY2ST_LIB_TRANSFORMS_BUFFERFACTS_H
#define DY2ST_LIB_TRANSFORMS_BUFFERFACTS_H

// What the passes that call the runtime on buffers (dy2st-linalg-to-blas,
// dy2st-window-ops-to-runtime) ask of bufferized IR: who writes a buffer,
// what a fill writes, whether an output starts from zero.

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace dy2st {

/// The private declaration of a runtime entry (C interface), made once.
mlir::func::FuncOp declareRuntimeEntry(mlir::ModuleOp module, llvm::StringRef name,
                                       llvm::ArrayRef<mlir::Type> arguments);

/// Whether an op inside `op` (or `op` itself) may write into `buffer` or a
/// view of it (ops whose effects are unknown count as writing their memref
/// operands; calls of the runtime's entries write only their output).
bool writtenIn(mlir::Operation *op, mlir::Value buffer);

/// The value a linalg.fill, or a linalg.map yielding one value, writes into
/// all of `buffer`; null for other ops.
mlir::Value filledValue(mlir::Operation *op, mlir::Value buffer);

/// Whether `buffer` is an allocation and every use of it is one of
/// `allowed`'s or its dealloc.
bool onlyUsedBy(mlir::Value buffer, llvm::function_ref<bool(mlir::Operation *)> allowed);

/// The op that makes `buffer` zero right before `op`, to fold into a call
/// that then writes instead of accumulating: a fill of zero, or a copy from
/// a buffer that before it only a fill of zero writes (CSE shares one
/// zero-filled tensor among products, and bufferization copies it into
/// each). Null where there is none.
mlir::Operation *zeroStartBefore(mlir::Operation *op, mlir::Value buffer);

/// Erases zeroStartBefore's op, and the zero-filled buffer it copied from
/// once nothing reads that any more.
void eraseZeroStart(mlir::Operation *start);

} // namespace dy2st

#endif
