#include "CompiledFunction.h"

#include "Values.h"

#include "Dy2St/Dialect/Pydy/PydyDialect.h"
#include "Dy2St/Dialect/TensorArray/TensorArrayDialect.h"

#include "llvm/ADT/SmallVector.h"

namespace py = pybind11;

namespace dy2st::native {
namespace {

/// The structure of a result of `type` (see jit._rebuild): None for a leaf,
/// "none" for None, "text:..." for a string known when compiling (`texts`
/// gives them in order), "array" for a list returned stacked, "optional" for
/// a flag and a value, a tuple, list or dict of structures.
py::object structureOf(mlir::Type type, std::vector<std::string>::const_iterator &texts) {
  if (!type)
    return py::str("none");
  if (mlir::isa<mlir::pydy::StrType>(type))
    return py::str("text:" + *texts++);
  if (mlir::isa<mlir::pydy::OptionalType>(type))
    return py::str("optional");
  if (mlir::isa<mlir::tensor_array::ArrayType>(type))
    return py::str("array");
  if (auto dict = mlir::dyn_cast<mlir::pydy::DictType>(type)) {
    py::dict entries;
    for (auto [key, value] : llvm::zip(dict.getKeys(), dict.getValueTypes()))
      entries[py::str(key.getValue().str())] = structureOf(value, texts);
    return std::move(entries);
  }
  if (auto elements = mlir::pydy::sequenceElementTypes(type)) {
    py::list items;
    for (mlir::Type t : *elements)
      items.append(structureOf(t, texts));
    if (mlir::isa<mlir::pydy::ListType>(type))
      return std::move(items);
    return py::tuple(items);
  }
  if (type.getDialect().getNamespace() == "pydy")
    return py::str("none");
  return py::none();
}

} // namespace

py::list CompiledFunction::call(const py::sequence &args) const {
  llvm::SmallVector<RuntimeValue, 8> values;
  for (size_t i = 0; i < args.size(); ++i)
    values.push_back(toRuntime(args[i], i));
  return call(values);
}

std::vector<RuntimeValue> CompiledFunction::run(llvm::ArrayRef<RuntimeValue> values) const {
  llvm::Expected<std::vector<RuntimeValue>> results = [&] {
    py::gil_scoped_release release;
    return fn->call(values);
  }();
  if (!results)
    raiseRuntimeFailure(llvm::toString(results.takeError()));
  return std::move(*results);
}

py::list CompiledFunction::call(llvm::ArrayRef<RuntimeValue> values) const {
  std::vector<RuntimeValue> results = run(values);
  py::list out(results.size());
  for (auto [i, r] : llvm::enumerate(results))
    out[i] = toPython(r);
  return out;
}

std::string CompiledFunction::stage(const std::string &name) const {
  auto it = fn->stages().find(name);
  if (it == fn->stages().end())
    throw py::key_error("no IR stage '" + name + "'");
  return it->second;
}

py::list CompiledFunction::stageNames() const {
  py::list names;
  for (const char *n : {"pydy", "specialized", "core", "llvm"})
    if (fn->stages().count(n))
      names.append(n);
  return names;
}

py::object CompiledFunction::structure() const {
  if (!resultStructure) {
    auto texts = fn->resultTexts().cbegin();
    resultStructure = structureOf(fn->specializedResult(), texts);
  }
  return resultStructure;
}

} // namespace dy2st::native
