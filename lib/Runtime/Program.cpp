// CompiledProgram as bytes: the on-disk form's one definition.
#include "Dy2St/Runtime/Program.h"

#include "Dy2St/Support/Nesting.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/SHA256.h"

namespace dy2st {

static constexpr llvm::StringLiteral kMagic = "dy2st-program 2\n";
static constexpr size_t kDigestBytes = 32;
static constexpr int64_t kMaxRank = 64;

static const char *kindName(ValueKind kind) {
  switch (kind) {
  case ValueKind::Tensor: return "tensor";
  case ValueKind::Int: return "int";
  case ValueKind::Float: return "float";
  case ValueKind::Bool: return "bool";
  }
  return "";
}

static std::optional<ValueKind> kindFromName(llvm::StringRef name) {
  for (ValueKind kind : {ValueKind::Tensor, ValueKind::Int, ValueKind::Float, ValueKind::Bool})
    if (name == kindName(kind))
      return kind;
  return std::nullopt;
}

static llvm::json::Array slotsToJson(const std::vector<ValueSlot> &slots) {
  llvm::json::Array out;
  for (const ValueSlot &slot : slots) {
    llvm::json::Array shape;
    for (int64_t d : slot.shape)
      shape.push_back(d == kDynamicDim ? llvm::json::Value(nullptr) : llvm::json::Value(d));
    out.push_back(llvm::json::Object{{"kind", kindName(slot.kind)},
                                     {"dtype", dtypeName(slot.dtype)},
                                     {"shape", std::move(shape)},
                                     {"description", slot.description}});
  }
  return out;
}

static std::string digestOf(llvm::StringRef bytes) {
  std::array<uint8_t, 32> digest = llvm::SHA256::hash(llvm::arrayRefFromStringRef(bytes));
  return std::string(digest.begin(), digest.end());
}

std::string serializeProgram(const CompiledProgram &program) {
  llvm::json::Object stages;
  for (const auto &[name, text] : program.stages)
    stages[name] = text;
  llvm::json::Array sizes;
  for (const std::string &object : program.objects)
    sizes.push_back(static_cast<int64_t>(object.size()));
  llvm::json::Object description{{"entry", program.entry},
                                 {"name", program.name},
                                 {"inputs", slotsToJson(program.inputs)},
                                 {"results", slotsToJson(program.results)},
                                 {"result_structure", program.resultStructure},
                                 {"gpu", program.gpu},
                                 {"object_sizes", std::move(sizes)},
                                 {"stages", std::move(stages)}};
  std::string json;
  llvm::raw_string_ostream(json) << llvm::json::Value(std::move(description));
  std::string body(8, '\0');
  llvm::support::endian::write64le(body.data(), json.size());
  body += json;
  for (const std::string &object : program.objects)
    body += object;
  return kMagic.str() + digestOf(body) + body;
}

static llvm::Error corrupt(const llvm::Twine &what) {
  return llvm::createStringError("a compiled program that is damaged (" + what.str() + ")");
}

static llvm::Expected<std::vector<ValueSlot>> slotsFromJson(const llvm::json::Array *array) {
  if (!array)
    return corrupt("no slots");
  std::vector<ValueSlot> slots;
  for (const llvm::json::Value &value : *array) {
    const llvm::json::Object *object = value.getAsObject();
    if (!object)
      return corrupt("a slot is not an object");
    std::optional<llvm::StringRef> kind = object->getString("kind");
    std::optional<llvm::StringRef> dtype = object->getString("dtype");
    std::optional<llvm::StringRef> description = object->getString("description");
    const llvm::json::Array *shape = object->getArray("shape");
    ValueSlot slot;
    std::optional<ValueKind> parsedKind = kind ? kindFromName(*kind) : std::nullopt;
    std::optional<DType> parsedDtype = dtype ? dtypeFromName(*dtype) : std::nullopt;
    if (!parsedKind || !parsedDtype || !description || !shape ||
        static_cast<int64_t>(shape->size()) > kMaxRank)
      return corrupt("a slot's fields");
    slot.kind = *parsedKind;
    slot.dtype = *parsedDtype;
    slot.description = description->str();
    for (const llvm::json::Value &d : *shape) {
      std::optional<int64_t> size = d.getAsInteger();
      if (d.getAsNull())
        slot.shape.push_back(kDynamicDim);
      else if (size && *size >= 0)
        slot.shape.push_back(*size);
      else
        return corrupt("a slot's shape");
    }
    if (slot.kind != ValueKind::Tensor && !slot.shape.empty())
      return corrupt("a number with a shape");
    slots.push_back(std::move(slot));
  }
  return slots;
}

/// Whether `value` is a structure as CompiledProgram::resultStructure says.
static bool isStructure(const llvm::json::Value &value) {
  if (value.getAsNull() || value.getAsString())
    return true;
  const llvm::json::Object *object = value.getAsObject();
  if (!object || object->size() != 1)
    return false;
  if (const llvm::json::Array *entries = object->getArray("dict"))
    return llvm::all_of(*entries, [&](const llvm::json::Value &entry) {
      const llvm::json::Array *pair = entry.getAsArray();
      return pair && pair->size() == 2 && ((*pair)[0].getAsString() || (*pair)[0].getAsInteger()) &&
             isStructure((*pair)[1]);
    });
  if (const llvm::json::Array *choices = object->getArray("text_choice"))
    return !choices->empty() &&
           llvm::all_of(*choices, [](const llvm::json::Value &c) { return c.getAsString(); });
  if (const llvm::json::Array *named = object->getArray("named_tuple")) {
    if (named->size() != 3 || !(*named)[0].getAsString())
      return false;
    const llvm::json::Array *fields = (*named)[1].getAsArray();
    const llvm::json::Array *values = (*named)[2].getAsArray();
    return fields && values && fields->size() == values->size() &&
           llvm::all_of(*fields, [](const llvm::json::Value &f) { return f.getAsString(); }) &&
           llvm::all_of(*values, [](const llvm::json::Value &v) { return isStructure(v); });
  }
  const llvm::json::Array *items = object->getArray("list");
  if (!items)
    items = object->getArray("tuple");
  return items && llvm::all_of(*items, [&](const llvm::json::Value &item) {
           return isStructure(item);
         });
}

llvm::Expected<CompiledProgram> deserializeProgram(llvm::StringRef bytes) {
  if (!bytes.consume_front(kMagic))
    return corrupt("not a dy2st program of this version");
  if (bytes.size() < kDigestBytes + 8)
    return corrupt("truncated");
  llvm::StringRef digest = bytes.take_front(kDigestBytes);
  llvm::StringRef body = bytes.drop_front(kDigestBytes);
  if (digestOf(body) != digest)
    return corrupt("its checksum does not match");
  uint64_t jsonBytes = llvm::support::endian::read64le(body.data());
  body = body.drop_front(8);
  if (jsonBytes > body.size())
    return corrupt("truncated description");
  // llvm::json's parser recurses per level: the nesting is checked first.
  if (llvm::Error deep = checkNesting(body.take_front(jsonBytes), "the description")) {
    llvm::consumeError(std::move(deep));
    return corrupt("nested too deeply");
  }
  auto parsed = llvm::json::parse(body.take_front(jsonBytes));
  if (!parsed)
    return corrupt(llvm::toString(parsed.takeError()));
  const llvm::json::Object *description = parsed->getAsObject();
  if (!description)
    return corrupt("the description is not an object");
  CompiledProgram program;
  std::optional<llvm::StringRef> entry = description->getString("entry");
  std::optional<llvm::StringRef> name = description->getString("name");
  std::optional<llvm::StringRef> structure = description->getString("result_structure");
  std::optional<bool> gpu = description->getBoolean("gpu");
  const llvm::json::Object *stages = description->getObject("stages");
  if (!entry || !name || !structure || !gpu || !stages)
    return corrupt("the description's fields");
  if (llvm::Error deep = checkNesting(*structure, "the result's structure")) {
    llvm::consumeError(std::move(deep));
    return corrupt("nested too deeply");
  }
  auto structureValue = llvm::json::parse(*structure);
  if (!structureValue || !isStructure(*structureValue)) {
    if (!structureValue)
      llvm::consumeError(structureValue.takeError());
    return corrupt("the result's structure");
  }
  auto inputs = slotsFromJson(description->getArray("inputs"));
  if (!inputs)
    return inputs.takeError();
  auto results = slotsFromJson(description->getArray("results"));
  if (!results)
    return results.takeError();
  for (const auto &[stage, text] : *stages) {
    std::optional<llvm::StringRef> value = text.getAsString();
    if (!value)
      return corrupt("a stage's text");
    program.stages[stage.str()] = value->str();
  }
  program.entry = entry->str();
  program.name = name->str();
  program.resultStructure = structure->str();
  program.gpu = *gpu;
  program.inputs = std::move(*inputs);
  program.results = std::move(*results);
  llvm::StringRef objects = body.drop_front(jsonBytes);
  const llvm::json::Array *sizes = description->getArray("object_sizes");
  if (!sizes || sizes->empty())
    return corrupt("no object sizes");
  for (const llvm::json::Value &size : *sizes) {
    std::optional<int64_t> bytes = size.getAsInteger();
    if (!bytes || *bytes < 0 || static_cast<uint64_t>(*bytes) > objects.size())
      return corrupt("an object's size");
    program.objects.push_back(objects.take_front(*bytes).str());
    objects = objects.drop_front(*bytes);
  }
  if (!objects.empty())
    return corrupt("bytes after the objects");
  return program;
}

} // namespace dy2st
