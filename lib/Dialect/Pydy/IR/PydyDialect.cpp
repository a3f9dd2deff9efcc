#include "Dy2St/Dialect/Pydy/PydyDialect.h"
#include "Dy2St/Dialect/Pydy/TypeRules.h"
#include "Dy2St/Dialect/TensorArray/TensorArrayDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::pydy;

#include "Dy2St/Dialect/Pydy/PydyOpsDialect.cpp.inc"
#include "Dy2St/Dialect/Pydy/PydyEnums.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "Dy2St/Dialect/Pydy/PydyOpsTypes.cpp.inc"

void PydyDialect::initialize() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "Dy2St/Dialect/Pydy/PydyOpsTypes.cpp.inc"
      >();
  addOperations<
#define GET_OP_LIST
#include "Dy2St/Dialect/Pydy/PydyOps.cpp.inc"
      >();
}

Operation *PydyDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                            Type type, Location loc) {
  // Folding never changes a value's type: a literal of another type is not a
  // replacement.
  if (!literalHasType(value, type))
    return nullptr;
  return ConstantOp::create(builder, loc, type, value);
}

// `!pydy.list<i64, f64>`, and `!pydy.list<>` for the empty list.
Type ListType::parse(AsmParser &parser) {
  SmallVector<Type> elements;
  if (parser.parseLess())
    return {};
  if (failed(parser.parseOptionalGreater())) {
    if (parser.parseTypeList(elements) || parser.parseGreater())
      return {};
  }
  return ListType::get(parser.getContext(), elements);
}

void ListType::print(AsmPrinter &printer) const {
  printer << "<";
  llvm::interleaveComma(getElementTypes(), printer);
  printer << ">";
}

// `!pydy.dict<"a": i64, 3: f64>`, and `!pydy.dict<>`.
Type DictType::parse(AsmParser &parser) {
  SmallVector<Attribute> keys;
  SmallVector<Type> values;
  if (parser.parseLess())
    return {};
  if (failed(parser.parseOptionalGreater())) {
    auto entry = [&]() -> ParseResult {
      std::string text;
      int64_t number;
      Type value;
      if (succeeded(parser.parseOptionalString(&text)))
        keys.push_back(StringAttr::get(parser.getContext(), text));
      else if (succeeded(parser.parseInteger(number)))
        keys.push_back(IntegerAttr::get(IntegerType::get(parser.getContext(), 64), number));
      else
        return failure();
      if (parser.parseColon() || parser.parseType(value))
        return failure();
      values.push_back(value);
      return success();
    };
    if (parser.parseCommaSeparatedList(entry) || parser.parseGreater())
      return {};
  }
  return DictType::getChecked([&] { return parser.emitError(parser.getNameLoc()); },
                              parser.getContext(), keys, values);
}

void DictType::print(AsmPrinter &printer) const {
  printer << "<";
  llvm::interleaveComma(llvm::zip(getKeys(), getValueTypes()), printer, [&](auto entry) {
    if (auto number = dyn_cast<IntegerAttr>(std::get<0>(entry)))
      printer << number.getInt();
    else
      printer << std::get<0>(entry);
    printer << ": " << std::get<1>(entry);
  });
  printer << ">";
}

LogicalResult DictType::verify(function_ref<InFlightDiagnostic()> emitError,
                               ArrayRef<Attribute> keys, ArrayRef<Type> valueTypes) {
  if (keys.size() != valueTypes.size())
    return emitError() << "a dict type needs one value type per key";
  llvm::SmallDenseSet<Attribute> seen;
  for (Attribute key : keys) {
    if (!dictKeyOf(key))
      return emitError() << "a dict key must be a string or an i64 integer, not " << key;
    if (!seen.insert(key).second)
      return emitError() << "duplicate dict key " << key;
  }
  return success();
}

LogicalResult RuntimeDictType::verify(function_ref<InFlightDiagnostic()> emitError, Type keyType,
                                      Type valueType) {
  if (!keyType.isInteger(64))
    return emitError() << "the keys of a run-time dict are Python ints (i64), not " << keyType;
  if (!isa<RankedTensorType>(valueType) && !isPythonScalar(valueType))
    return emitError() << "the values of a run-time dict are tensors or Python numbers, not "
                       << valueType;
  return success();
}

tensor_array::ArrayType RuntimeDictType::getKeysArrayType() const {
  return tensor_array::ArrayType::get(getKeyType());
}

tensor_array::ArrayType RuntimeDictType::getValuesArrayType() const {
  return tensor_array::ArrayType::get(getValueType());
}

LogicalResult RuntimeSetType::verify(function_ref<InFlightDiagnostic()> emitError, Type itemType) {
  if (!itemType.isInteger(64))
    return emitError() << "the items of a run-time set are Python ints (i64), not " << itemType;
  return success();
}

tensor_array::ArrayType RuntimeSetType::getItemsArrayType() const {
  return tensor_array::ArrayType::get(getItemType());
}

// `!pydy.named_tuple<"Cache#0"(k: tensor<2xf32>, v: i64)>`.
Type NamedTupleType::parse(AsmParser &parser) {
  std::string key;
  SmallVector<StringAttr> fields;
  SmallVector<Type> types;
  if (parser.parseLess() || parser.parseString(&key) || parser.parseLParen())
    return {};
  if (failed(parser.parseOptionalRParen())) {
    auto field = [&]() -> ParseResult {
      std::string name;
      Type type;
      if (parser.parseKeywordOrString(&name) || parser.parseColon() || parser.parseType(type))
        return failure();
      fields.push_back(StringAttr::get(parser.getContext(), name));
      types.push_back(type);
      return success();
    };
    if (parser.parseCommaSeparatedList(field) || parser.parseRParen())
      return {};
  }
  if (parser.parseGreater())
    return {};
  return NamedTupleType::getChecked([&] { return parser.emitError(parser.getNameLoc()); },
                                    parser.getContext(), key, fields, types);
}

void NamedTupleType::print(AsmPrinter &printer) const {
  printer << "<\"";
  llvm::printEscapedString(getClassKey(), printer.getStream());
  printer << "\"(";
  llvm::interleaveComma(llvm::zip(getFields(), getElementTypes()), printer, [&](auto field) {
    printer.printKeywordOrString(std::get<0>(field).getValue());
    printer << ": " << std::get<1>(field);
  });
  printer << ")>";
}

LogicalResult NamedTupleType::verify(function_ref<InFlightDiagnostic()> emitError,
                                     StringRef classKey, ArrayRef<StringAttr> fields,
                                     ArrayRef<Type> elementTypes) {
  if (classKey.empty() || classKey.starts_with("<") || classKey.ends_with("<"))
    return emitError() << "a named tuple type needs its class key";
  if (fields.size() != elementTypes.size())
    return emitError() << "a named tuple type needs one type per field";
  llvm::SmallDenseSet<StringAttr> seen;
  for (StringAttr field : fields)
    if (field.getValue().empty() || !seen.insert(field).second)
      return emitError() << "named tuple fields must be distinct names, not " << field;
  return success();
}

std::optional<size_t> NamedTupleType::fieldIndex(StringRef field) const {
  for (auto [i, f] : llvm::enumerate(getFields()))
    if (f.getValue() == field)
      return i;
  return std::nullopt;
}

bool NamedTupleType::isInstanceOf(StringRef key) const {
  SmallVector<StringRef> classes;
  getClassKey().split(classes, '<');
  return llvm::is_contained(classes, key);
}

bool NamedTupleType::isDataclass() const { return getClassKey().starts_with("@"); }

StringRef NamedTupleType::className() const {
  return getClassKey().ltrim('@').split('#').first;
}

NamedTupleType NamedTupleType::withElementTypes(ArrayRef<Type> types) const {
  return NamedTupleType::get(getContext(), getClassKey(), getFields(), types);
}

Attribute mlir::pydy::dictKeyOf(Attribute key) {
  if (auto number = dyn_cast_or_null<IntegerAttr>(key))
    return number.getType().isInteger(64) ? key : Attribute();
  return dyn_cast_or_null<StringAttr>(key);
}

std::optional<size_t> mlir::pydy::dictIndex(DictType dict, Attribute key) {
  for (auto [i, k] : llvm::enumerate(dict.getKeys()))
    if (k == key)
      return i;
  return std::nullopt;
}

std::string mlir::pydy::dictKeyRepr(Attribute key) {
  if (auto number = dyn_cast<IntegerAttr>(key))
    return std::to_string(number.getInt());
  return "'" + cast<StringAttr>(key).getValue().str() + "'";
}

bool mlir::pydy::dictKeyLess(Attribute a, Attribute b) {
  auto na = dyn_cast<IntegerAttr>(a), nb = dyn_cast<IntegerAttr>(b);
  if (na && nb)
    return na.getInt() < nb.getInt();
  if (na || nb)
    return static_cast<bool>(na);
  return cast<StringAttr>(a).getValue() < cast<StringAttr>(b).getValue();
}

std::optional<ArrayRef<Type>> mlir::pydy::sequenceElementTypes(Type type) {
  if (auto tuple = dyn_cast<TupleType>(type))
    return tuple.getTypes();
  if (auto named = dyn_cast<NamedTupleType>(type))
    return named.getElementTypes();
  if (auto dict = dyn_cast<DictType>(type))
    return dict.getValueTypes();
  if (auto list = dyn_cast<ListType>(type))
    return list.getElementTypes();
  return std::nullopt;
}

bool mlir::pydy::literalHasType(Attribute value, Type type) {
  // A literal array is a plain tuple or list, never a dict or an instance.
  if (isa<DictType, NamedTupleType>(type))
    return false;
  auto array = dyn_cast<ArrayAttr>(value);
  auto elements = sequenceElementTypes(type);
  if (!array || !elements) {
    Type own = ConstantOp::typeOfLiteral(value);
    return own && own == type;
  }
  if (array.size() != elements->size())
    return false;
  for (auto [v, t] : llvm::zip(array, *elements))
    if (!literalHasType(v, t))
      return false;
  return true;
}

bool mlir::pydy::isPythonScalar(Type type) {
  return type.isInteger(1) || type.isInteger(64) || type.isF64();
}

/// Paddle's name of an element type, or its MLIR spelling (i8, bf16).
static std::string dtypeName(Type type) {
  if (StringRef name = elementTypeName(type); !name.empty())
    return name.str();
  std::string s;
  llvm::raw_string_ostream os(s);
  os << type;
  return s;
}

std::string mlir::pydy::describeType(Type type) {
  return llvm::TypeSwitch<Type, std::string>(type)
      .Case([](ObjectType) { return std::string("object"); })
      .Case([](PyNoneType) { return std::string("None"); })
      .Case([](StrType) { return std::string("str"); })
      .Case([](ExceptionType) { return std::string("exception object (`except ... as e`)"); })
      .Case([](SliceType) { return std::string("slice"); })
      .Case([](RankedTensorType t) {
        std::string s = dtypeName(t.getElementType()) + " tensor of shape [";
        for (auto [i, d] : llvm::enumerate(t.getShape()))
          s += (i ? ", " : "") +
               (ShapedType::isDynamic(d) ? std::string("?") : std::to_string(d));
        return s + "]";
      })
      .Case([](DictType t) {
        std::string s = "dict{";
        for (auto [i, k, v] : llvm::enumerate(t.getKeys(), t.getValueTypes()))
          s += (i ? ", " : "") + dictKeyRepr(k) + ": " + describeType(v);
        return s + "}";
      })
      .Case([](ListType t) {
        std::string s = "list[";
        for (auto [i, e] : llvm::enumerate(t.getElementTypes()))
          s += (i ? ", " : "") + describeType(e);
        return s + "]";
      })
      .Case([](RuntimeSetType t) {
        return "set[" + describeType(t.getItemType()) + "] (items known at run time)";
      })
      .Case([](RuntimeDictType t) {
        return "dict[" + describeType(t.getKeyType()) + ", " + describeType(t.getValueType()) +
               "] (keys known at run time)";
      })
      .Case([](tensor_array::ArrayType t) {
        return "list of " + describeType(t.getElementType()) + " (a TensorArray)";
      })
      .Case([](NamedTupleType t) {
        std::string s = t.getClassKey().split('#').first.str() + "(";
        for (auto [i, f, e] : llvm::enumerate(t.getFields(), t.getElementTypes()))
          s += (i ? ", " : "") + f.getValue().str() + "=" + describeType(e);
        return s + ")";
      })
      .Case([](TupleType t) {
        std::string s = "tuple(";
        for (auto [i, e] : llvm::enumerate(t.getTypes()))
          s += (i ? ", " : "") + describeType(e);
        return s + ")";
      })
      .Default([](Type t) {
        if (t.isInteger(1))
          return std::string("bool");
        if (t.isInteger(64))
          return std::string("int");
        if (t.isF64())
          return std::string("float");
        return dtypeName(t);
      });
}

std::string mlir::pydy::withArticle(Type type) {
  std::string d = describeType(type);
  bool vowel = !d.empty() && llvm::StringRef("aeiou").contains(d.front());
  return (vowel ? "an " : "a ") + d;
}

/// What a hidden variable of kind `kind` holds, if `kind` is one.
static std::optional<StringRef> hiddenVariable(StringRef kind) {
  return llvm::StringSwitch<std::optional<StringRef>>(kind)
      .Case("ifexp", "the value of a conditional expression (`a if c else b`)")
      .Case("boolop", "the value of an `and`/`or` expression")
      .Case("star", "the starred value")
      .Case("comprehension", "the list a comprehension builds")
      .Case("broke", "the flag of a loop's `else`")
      .Case("index", "the index of a `for` loop")
      .Case("unpacked", "the value being unpacked")
      .Default(std::nullopt);
}

StringRef mlir::pydy::pythonName(FuncOp func) {
  // The importer writes it on the functions it imports for calls.
  if (auto name = func->getAttrOfType<StringAttr>("pydy.qualname"))
    return name.getValue();
  return func.getSymName();
}

std::string mlir::pydy::describeVariable(StringRef name) {
  if (name == "return.value")
    return "the returned value";
  // The importer's hidden variables are `kind.N`, its AST rewrites' are
  // `_dy2st_kind_N` (python-frontend/dy2st: importer, statements,
  // comprehensions, unbound).
  StringRef rest = name;
  if (rest.consume_front("_dy2st_bound_"))
    return ("variable '" + rest + "'").str();
  if (rest.consume_front("_dy2st_")) {
    StringRef kind = rest.rsplit('_').first;
    if (std::optional<StringRef> held = hiddenVariable(kind))
      return held->str();
    // A comprehension's own variable, renamed apart from the function's.
    return ("variable '" + kind + "' of a comprehension").str();
  }
  // An object's assigned attribute, threaded as `attribute.N.name`.
  if (rest.consume_front("attribute."))
    return ("attribute '" + rest.split('.').second + "'").str();
  if (name.contains('.'))
    if (std::optional<StringRef> held = hiddenVariable(name.split('.').first))
      return held->str();
  return ("variable '" + name + "'").str();
}
