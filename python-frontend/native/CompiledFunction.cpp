#include "CompiledFunction.h"

#include "Values.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/JSON.h"

namespace py = pybind11;

namespace dy2st::native {
namespace {

/// The Python form of CompiledProgram::resultStructure (see jit._rebuild):
/// None for a leaf, strings as they are, tuples, lists, dicts,
/// NamedTupleStructures and TextChoiceStructures.
py::object structureOf(const llvm::json::Value &value) {
  if (std::optional<llvm::StringRef> text = value.getAsString())
    return py::str(text->str());
  const llvm::json::Object *object = value.getAsObject();
  if (!object)
    return py::none();
  if (const llvm::json::Array *entries = object->getArray("dict")) {
    py::dict dict;
    for (const llvm::json::Value &entry : *entries) {
      const llvm::json::Array &pair = *entry.getAsArray();
      if (std::optional<llvm::StringRef> key = pair[0].getAsString())
        dict[py::str(key->str())] = structureOf(pair[1]);
      else
        dict[py::int_(*pair[0].getAsInteger())] = structureOf(pair[1]);
    }
    return std::move(dict);
  }
  if (const llvm::json::Array *choices = object->getArray("text_choice")) {
    py::list texts;
    for (const llvm::json::Value &choice : *choices)
      texts.append(py::str(choice.getAsString()->str()));
    return py::cast(TextChoiceStructure{py::tuple(texts)});
  }
  if (const llvm::json::Array *named = object->getArray("named_tuple")) {
    py::list fields, items;
    for (const llvm::json::Value &field : *(*named)[1].getAsArray())
      fields.append(py::str(field.getAsString()->str()));
    for (const llvm::json::Value &item : *(*named)[2].getAsArray())
      items.append(structureOf(item));
    return py::cast(NamedTupleStructure{(*named)[0].getAsString()->str(), py::tuple(fields),
                                        py::tuple(items)});
  }
  py::list items;
  const llvm::json::Array *elements = object->getArray("list");
  for (const llvm::json::Value &element : elements ? *elements : *object->getArray("tuple"))
    items.append(structureOf(element));
  if (elements)
    return std::move(items);
  return py::tuple(items);
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
  if (!resultStructure)
    resultStructure = structureOf(llvm::cantFail(llvm::json::parse(fn->program().resultStructure)));
  return resultStructure;
}

} // namespace dy2st::native
