// A compiled specialization as Python sees it: called on a list of arrays and
// Python numbers, it returns the flat list of results.
#ifndef DY2ST_NATIVE_COMPILEDFUNCTION_H
#define DY2ST_NATIVE_COMPILEDFUNCTION_H

#include "Dy2St/Runtime/JitFunction.h"

#include <pybind11/pybind11.h>

#include <memory>

namespace dy2st::native {

/// An instance of a namedtuple class in a result structure (see jit._rebuild):
/// the class's key (the importer registered it), its fields and their structures.
struct NamedTupleStructure {
  std::string classKey;
  pybind11::tuple fields, items;
};

/// A string chosen at run time in a result structure: its leaf is an index
/// into `texts`.
struct TextChoiceStructure {
  pybind11::tuple texts;
};

class CompiledFunction {
public:
  CompiledFunction(std::unique_ptr<JitFunction> fn, bool fromDiskCache)
      : fn(std::move(fn)), loadedFromDisk(fromDiskCache) {}

  pybind11::list call(const pybind11::sequence &args) const;
  /// The call on arguments already converted (see Values.h).
  pybind11::list call(llvm::ArrayRef<RuntimeValue> values) const;
  /// The results of the call (runtime failures raised as Python exceptions).
  std::vector<RuntimeValue> run(llvm::ArrayRef<RuntimeValue> values) const;

  std::string stage(const std::string &name) const;
  pybind11::list stageNames() const;
  /// How the flat results make the Python result (see jit._rebuild); built
  /// once, it is read at every call.
  pybind11::object structure() const;
  /// How many object files the program's machine code is in (a large
  /// program is compiled in parts, on every core).
  size_t objectCount() const { return fn->program().objects.size(); }
  /// Whether the program was read from the disk cache rather than compiled.
  bool fromDiskCache() const { return loadedFromDisk; }

private:
  std::unique_ptr<JitFunction> fn;
  bool loadedFromDisk;
  mutable pybind11::object resultStructure;
};

} // namespace dy2st::native

#endif
