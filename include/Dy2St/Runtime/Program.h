#ifndef DY2ST_RUNTIME_PROGRAM_H
#define DY2ST_RUNTIME_PROGRAM_H

// What the compiler (lib/Compiler) hands the runtime: machine code and a
// description of how to call it, as plain data (no MLIR type), so that the
// runtime loads and calls programs without knowing how they were made.

#include "Dy2St/Support/DType.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <climits>
#include <cstdint>

#include <map>
#include <string>
#include <vector>

namespace dy2st {

enum class ValueKind { Tensor, Int, Float, Bool };

/// One argument or result of an entry: a tensor of a dtype and shape
/// (kDynamicDim for a dimension of any size) or a Python number.
struct ValueSlot {
  ValueKind kind = ValueKind::Float;
  DType dtype = DType::Float32;
  llvm::SmallVector<int64_t, 4> shape;
  /// How errors name what the entry was compiled for ("a float32 tensor of
  /// shape [2, 3]").
  std::string description;
};

inline constexpr int64_t kDynamicDim = INT64_MIN;

struct CompiledProgram {
  /// The packed entry's symbol in `object`: `void entry(void **arguments)`,
  /// the pointers to the C interface's arguments followed, where the entry
  /// returns through a struct or a scalar, by the pointer to the results.
  std::string entry;
  /// The function's name, for messages.
  std::string name;
  std::vector<ValueSlot> inputs, results;
  /// How the flat results make the Python result (JSON; see jit._rebuild):
  /// null for a leaf, "none", "text:<text>", "optional", "array",
  /// {"tuple": [...]}, {"list": [...]}, {"dict": [[key, structure], ...]},
  /// {"named_tuple": [class key, [field, ...], [structure, ...]]},
  /// {"text_choice": [text, ...]} for an index into those strings.
  std::string resultStructure = "\"none\"";
  /// Relocatable object files for this machine, linked together when loaded
  /// (parts compiled in parallel; see kProgramInit).
  std::vector<std::string> objects;
  /// Runs on the GPU (the CUDA runtime library resolves its mgpu* calls).
  bool gpu = false;
  /// The IR after each stage ("pydy", "specialized", "core", "llvm"), for
  /// users who look; empty for a program read from a cache.
  std::map<std::string, std::string> stages;
};

/// A program as bytes (for an on-disk cache): a magic line, the SHA-256 of
/// the rest, the description as JSON and the object file.
std::string serializeProgram(const CompiledProgram &program);
/// The program of `bytes`, each field checked: bytes that were truncated,
/// damaged or written by another version of the format are an error.
llvm::Expected<CompiledProgram> deserializeProgram(llvm::StringRef bytes);

/// Defines a runtime entry that compiled code calls, by its symbol name.
using SymbolDefiner = llvm::function_ref<void(llvm::StringRef name, void *address)>;

} // namespace dy2st

#endif
