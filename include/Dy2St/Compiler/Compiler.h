#ifndef DY2ST_COMPILER_COMPILER_H
#define DY2ST_COMPILER_COMPILER_H

// The compiler driver: pydy as imported (or core dialects on tensors) and an
// input signature in, a CompiledProgram (an object file and how to call it)
// out, for the runtime to load.

#include "Dy2St/Compiler/Signature.h"
#include "Dy2St/Runtime/JitFunction.h"
#include "Dy2St/Runtime/Program.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace llvm {
class Module;
} // namespace llvm

namespace dy2st {

/// One diagnostic of a failed compile: the user's file, line and column
/// where MLIR had a location for it (file empty otherwise).
struct CompileDiagnostic {
  /// "error", "warning", "note" or "remark".
  std::string kind;
  std::string message;
  std::string file;
  unsigned line = 0, column = 0;
};

/// A compile that failed with diagnostics, as records (the frontend shows
/// them as Python shows a SyntaxError, without reading them back from text);
/// as text, one "file:line:col: kind: message" line each.
class DiagnosticError : public llvm::ErrorInfo<DiagnosticError> {
public:
  static char ID;
  explicit DiagnosticError(std::vector<CompileDiagnostic> diagnostics)
      : diagnostics(std::move(diagnostics)) {}
  void log(llvm::raw_ostream &os) const override;
  std::error_code convertToErrorCode() const override { return llvm::inconvertibleErrorCode(); }

  std::vector<CompileDiagnostic> diagnostics;
};

/// Options of one compilation.
struct CompileRequest {
  std::string entry;
  /// What each argument of the entry is, for pydy input (the entry's
  /// `pydy.signature`, see `pydy-specialize`).
  std::vector<SignatureEntry> signature;
  /// Runs kernels on the GPU (device 0) rather than on the CPU.
  bool gpu = false;
};

/// Compiles `module` (a saved model's `module @pydy` included) for this
/// machine. Compile errors come back as the diagnostics' text, with their
/// source locations.
llvm::Expected<CompiledProgram> compileProgram(mlir::ModuleOp module, const CompileRequest &request);

/// The LLVM half (ObjectFile.cpp): `module`, in the LLVM dialect, optimized
/// for this machine's CPU and emitted as object files (one per part compiled
/// in parallel) that together define the packed entry of `entry` and the
/// program's init and fini functions.
llvm::Expected<std::vector<std::string>> emitObjectFiles(mlir::ModuleOp module,
                                                         llvm::StringRef entry);

} // namespace dy2st

#endif
