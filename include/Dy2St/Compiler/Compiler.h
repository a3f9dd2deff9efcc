#ifndef DY2ST_COMPILER_COMPILER_H
#define DY2ST_COMPILER_COMPILER_H

// The compiler driver: pydy as imported (or core dialects on tensors) and an
// input signature in, a CompiledProgram (an object file and how to call it)
// out, for the runtime to load.

#include "Dy2St/Runtime/JitFunction.h"
#include "Dy2St/Runtime/Program.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/Error.h"

#include <string>

namespace llvm {
class Module;
} // namespace llvm

namespace dy2st {

/// Options of one compilation.
struct CompileRequest {
  std::string entry;
  /// Comma-separated signature for pydy input (see `pydy-specialize`).
  std::string signature;
  /// Runs kernels on the GPU (device 0) rather than on the CPU.
  bool gpu = false;
};

/// Compiles `module` (a saved model's `module @pydy` included) for this
/// machine. Compile errors come back as the diagnostics' text, with their
/// source locations.
llvm::Expected<CompiledProgram> compileProgram(mlir::ModuleOp module, const CompileRequest &request);

/// The argument's entry in a specialization signature: a tensor type, or a
/// literal for a Python number (compiled for its value).
std::string signatureEntry(const RuntimeValue &value, mlir::MLIRContext *ctx);

/// The LLVM half (ObjectFile.cpp): `module`, in the LLVM dialect, optimized
/// for this machine's CPU and emitted as an object file that defines the
/// packed entry of `entry` and the program's init and fini functions.
llvm::Expected<std::string> emitObjectFile(mlir::ModuleOp module, llvm::StringRef entry);

} // namespace dy2st

#endif
