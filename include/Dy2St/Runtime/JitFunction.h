#ifndef DY2ST_RUNTIME_JITFUNCTION_H
#define DY2ST_RUNTIME_JITFUNCTION_H

#include "Dy2St/Runtime/Program.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace llvm::orc {
class LLJIT;
} // namespace llvm::orc

namespace dy2st {

/// A tensor or Python number passed to or returned by compiled code.
struct RuntimeValue {
  using Kind = ValueKind;
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
};

/// A compiled program loaded into this process (LLVM's ORC JIT links its
/// object file against the runtime's entries).
class JitFunction {
public:
  static llvm::Expected<std::unique_ptr<JitFunction>> load(CompiledProgram program);
  ~JitFunction();

  /// Calls the function. Tensor arguments are passed without a copy; tensor
  /// results are owned by the caller (see RuntimeValue::allocation).
  llvm::Expected<std::vector<RuntimeValue>> call(llvm::ArrayRef<RuntimeValue> args) const;

  const CompiledProgram &program() const { return loaded; }
  /// The IR after each stage: "pydy", "specialized", "core", "llvm" (the
  /// first two only for pydy input; none for a program read from a cache).
  const std::map<std::string, std::string> &stages() const { return loaded.stages; }

private:
  JitFunction() = default;
  /// Lays the results out once, so that a call allocates nothing but them.
  void prepareCalls();

  CompiledProgram loaded;
  std::unique_ptr<llvm::orc::LLJIT> jit;
  void (*packedEntry)(void **) = nullptr;
  void (*fini)() = nullptr;
  /// Each result's offset in the C interface's result struct, its size, and
  /// whether the results come through that struct (more than one result,
  /// or one tensor) rather than as a scalar.
  std::vector<size_t> resultOffsets;
  size_t resultBytes = 0;
  bool resultInStruct = false;
  /// For GPU code: the first CUDA driver error of the last call.
  const char *(*takeCudaError)() = nullptr;
};

} // namespace dy2st

#endif
