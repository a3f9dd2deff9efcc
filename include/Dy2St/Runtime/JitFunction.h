#ifndef DY2ST_RUNTIME_JITFUNCTION_H
#define DY2ST_RUNTIME_JITFUNCTION_H

#include "Dy2St/Support/DType.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace mlir {
class ExecutionEngine;
} // namespace mlir

namespace dy2st {

/// A tensor or Python number passed to or returned by compiled code.
struct RuntimeValue {
  enum class Kind { Tensor, Int, Float, Bool };
  Kind kind = Kind::Tensor;
  DType dtype = DType::Float32;
  llvm::SmallVector<int64_t, 4> shape;
  /// Tensors: the first element, row-major and contiguous.
  void *data = nullptr;
  /// Results: the block to release with `std::free` once `data` is unused.
  void *allocation = nullptr;
  int64_t intValue = 0;
  double floatValue = 0;
  bool boolValue = false;

  int64_t numElements() const;
  /// The argument's entry in a specialization signature: a tensor type, or a
  /// literal for a Python number (compiled for its value).
  std::string signatureEntry(mlir::MLIRContext *ctx) const;
};

/// Options of one compilation.
struct CompileRequest {
  std::string entry;
  /// Comma-separated signature for pydy input (see `pydy-specialize`).
  std::string signature;
  /// Runs kernels on the GPU (device 0) rather than on the CPU.
  bool gpu = false;
};

/// A function compiled to native code with MLIR's ExecutionEngine.
class JitFunction {
public:
  /// Compiles `module`, which holds pydy as imported (specialized to
  /// `request.signature`) or core dialects on tensors. Compile errors come
  /// back as the diagnostics' text, with their source locations.
  static llvm::Expected<std::unique_ptr<JitFunction>> compile(mlir::ModuleOp module,
                                                              const CompileRequest &request);
  ~JitFunction();

  /// Calls the function. Tensor arguments are passed without a copy; tensor
  /// results are owned by the caller (see RuntimeValue::allocation).
  llvm::Expected<std::vector<RuntimeValue>> call(llvm::ArrayRef<RuntimeValue> args) const;

  /// The IR after each stage: "pydy", "specialized", "core", "llvm" (the
  /// first two only for pydy input).
  const std::map<std::string, std::string> &stages() const { return irStages; }
  mlir::FunctionType coreSignature() const { return signature; }
  /// The result type before tuples were flattened (a `tuple<...>` for a
  /// Python tuple, null for a function that returns None); for pydy input.
  mlir::Type specializedResult() const { return pythonResult; }
  /// The strings among the result's leaves, in order: compile-time
  /// constants, rebuilt by the caller rather than returned.
  const std::vector<std::string> &resultTexts() const { return texts; }

private:
  JitFunction() = default;
  /// Resolves the entry and lays out its results once, so that a call
  /// neither looks a symbol up nor allocates more than the results.
  llvm::Error prepareCalls();

  std::unique_ptr<mlir::ExecutionEngine> engine;
  void (*packedEntry)(void **) = nullptr;
  /// Each result's offset in the C interface's result struct, its size, and
  /// whether the results come through that struct (more than one result,
  /// or one tensor) rather than as a scalar.
  std::vector<size_t> resultOffsets;
  size_t resultBytes = 0;
  bool resultInStruct = false;
  /// What each argument and result is, read off `signature` once: a tensor
  /// of a dtype and shape (kDynamic dims of any size), or a scalar kind.
  struct Slot {
    RuntimeValue::Kind kind;
    DType dtype = DType::Float32;
    llvm::SmallVector<int64_t, 4> shape;
  };
  std::vector<Slot> inputSlots, resultSlots;
  std::string name;
  mlir::FunctionType signature;
  mlir::Type pythonResult;
  std::vector<std::string> texts;
  std::map<std::string, std::string> irStages;
  /// For GPU code: the first CUDA driver error of the last call.
  const char *(*takeCudaError)() = nullptr;
};

} // namespace dy2st

#endif
