#ifndef DY2ST_CONVERSION_RUNTIMECALLS_H
#define DY2ST_CONVERSION_RUNTIMECALLS_H

// Calls from compiled code into the dy2st runtime (lib/Runtime/Print.cpp),
// shared by the conversions that emit them.

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"

#include <string>
#include <variant>

namespace dy2st {

/// A private declaration of a runtime function taking `args` (and returning
/// `results`). A tensor argument is only read, and is passed as an unranked
/// memref descriptor; a buffer (a memref) as its descriptor.
void declareRuntimeFunction(mlir::ModuleOp module, llvm::StringRef name, mlir::TypeRange args,
                            mlir::TypeRange results = {});
/// "file:line: " of the source line `loc` names, or "" where it names none:
/// how runtime messages begin.
std::string sourceLinePrefix(mlir::Location loc);
/// A pointer to a NUL-terminated copy of `text` in a private global.
mlir::Value stringPointer(mlir::OpBuilder &b, mlir::ModuleOp module, mlir::Location loc,
                          llvm::StringRef text);
/// Unless `ok` holds at run time, reports `kind` ("IndexError", ...) with
/// `message` and the op's source location to the caller; the compiled code
/// goes on with a safe value and the caller raises.
void checkAtRunTime(mlir::OpBuilder &b, mlir::Operation *op, mlir::Value ok, llvm::StringRef kind,
                    llvm::StringRef message);
/// A piece of a message computed at run time: text, or an i64 value
/// (written as Python writes an int).
using MessagePiece = std::variant<std::string, mlir::Value>;
/// Unless `ok` holds at run time, reports `kind` with the text of `pieces`
/// (`index 7 is out of bounds for axis 0 with size 3`) and the location.
void checkAtRunTime(mlir::OpBuilder &b, mlir::Operation *op, mlir::Value ok, llvm::StringRef kind,
                    llvm::ArrayRef<MessagePiece> pieces);
/// Reports `kind` with `message` and the op's source location unconditionally;
/// with `appendItems`, the message goes on with the text of the print items
/// pushed since the last print (a message computed at run time).
void raiseAtRunTime(mlir::OpBuilder &b, mlir::Operation *op, llvm::StringRef kind,
                    llvm::StringRef message, bool appendItems = false);
/// Whether compiled code has reported an exception during this call.
mlir::Value raisedAtRunTime(mlir::OpBuilder &b, mlir::ModuleOp module, mlir::Location loc);
/// Whether the exception reported during this call is of one of `kinds`
/// (exception class names); if so, it is handled (no longer reported).
mlir::Value caughtAtRunTime(mlir::OpBuilder &b, mlir::Operation *op, mlir::ArrayAttr kinds);
/// A call of the runtime's `callee` (kHoldRaised, kRaiseHeld, ...) given
/// `args`, of the results of `op`'s types.
mlir::ValueRange callRuntime(mlir::OpBuilder &b, mlir::Operation *op, llvm::StringRef callee,
                             mlir::ValueRange args);

} // namespace dy2st

#endif
