// The primitives' table (LibraryOps.def) as C++ data, the binding of a
// lib_call's operands, and the typing context the rules share.
#include "Dy2St/Dialect/Pydy/Library.h"
#include "Dy2St/Dialect/Pydy/PydyDialect.h"
#include "Dy2St/Dialect/Pydy/TypeRules.h"
#include "Dy2St/Dialect/TensorArray/TensorArrayDialect.h"
#include "Dy2St/Support/DType.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace mlir::pydy;

namespace {
struct TableEntry {
  llvm::StringLiteral name;
  LibOp op;
  llvm::StringLiteral signature;
};

constexpr TableEntry kTable[] = {
#define DY2ST_PRIMITIVE(NAME, SIGNATURE, RULE, LOWERING) {#NAME, LibOp::NAME, SIGNATURE},
#include "Dy2St/Dialect/Pydy/LibraryOps.def"
#undef DY2ST_PRIMITIVE
};

/// Splits "a, b = [1, 2], c" at the commas outside brackets and quotes.
SmallVector<StringRef> splitTopLevel(StringRef text) {
  SmallVector<StringRef> parts;
  int depth = 0;
  char quote = 0;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      quote = c == quote ? 0 : quote;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '[' || c == '(') {
      ++depth;
    } else if (c == ']' || c == ')') {
      --depth;
    } else if (c == ',' && depth == 0) {
      parts.push_back(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (!text.slice(start, text.size()).trim().empty())
    parts.push_back(text.slice(start, text.size()).trim());
  return parts;
}

ParamKind parseKind(StringRef kind) {
  ParamKind result = ParamKind::Tensor;
  if (kind == "Value") result = ParamKind::Value;
  else if (kind == "Static") result = ParamKind::Static;
  else if (kind == "Tensors") result = ParamKind::Tensors;
  else if (kind == "Ints") result = ParamKind::Ints;
  else if (kind == "Data") result = ParamKind::Data;
  else if (kind != "Tensor") llvm::report_fatal_error("LibraryOps.def: unknown kind " + kind);
  return result;
}

std::vector<LibFunction> parseTable() {
  std::vector<LibFunction> functions;
  for (const TableEntry &entry : kTable) {
    StringRef sig = entry.signature;
    StringRef params = sig.drop_front(sig.find('(') + 1).drop_back();
    LibFunction fn{entry.name, entry.op, {}};
    for (StringRef p : splitTopLevel(params)) {
      auto [decl, def] = p.split('=');
      auto [name, kind] = decl.split(':');
      // `*operands`: the importer packs the remaining arguments into a tuple.
      LibParam param{name.trim().ltrim('*').str(), parseKind(kind.trim()), std::nullopt};
      if (p.contains('='))
        param.defaultText = def.trim().str();
      fn.params.push_back(std::move(param));
    }
    functions.push_back(std::move(fn));
  }
  return functions;
}

const std::vector<LibFunction> &table() {
  static const std::vector<LibFunction> functions = parseTable();
  return functions;
}
} // namespace

const LibParam *LibFunction::param(StringRef name) const {
  for (const LibParam &p : params)
    if (p.name == name)
      return &p;
  return nullptr;
}

llvm::ArrayRef<LibFunction> mlir::pydy::allLibFunctions() { return table(); }

const LibFunction *mlir::pydy::lookupLibFunction(StringRef name) {
  for (const LibFunction &fn : table())
    if (fn.name == name)
      return &fn;
  return nullptr;
}

Attribute mlir::pydy::libDefault(MLIRContext *ctx, const LibParam &param) {
  Builder b(ctx);
  StringRef text = *param.defaultText;
  if (text == "None")
    return b.getUnitAttr();
  if (text == "True" || text == "False")
    return b.getBoolAttr(text == "True");
  if (text.starts_with("'"))
    return b.getStringAttr(text.drop_front().drop_back());
  int64_t i;
  if (!text.getAsInteger(10, i))
    return b.getI64IntegerAttr(i);
  double d;
  if (!text.getAsDouble(d))
    return b.getF64FloatAttr(d);
  llvm::report_fatal_error("LibraryOps.def: unsupported default " + text);
}

LogicalResult mlir::pydy::bindLibArguments(LibCallOp op, llvm::SmallVectorImpl<Value> &bound) {
  const LibFunction *fn = lookupLibFunction(op.getCallee());
  if (!fn)
    return op.emitOpError("unknown dy2st library function '") << op.getCallee() << "'";
  bound.assign(fn->params.size(), Value());
  auto operands = op.getArgs();
  size_t numKw = op.getKwnames().size();
  if (numKw > operands.size())
    return op.emitOpError("has more keyword names than operands");
  size_t numPositional = operands.size() - numKw;
  if (numPositional > fn->params.size())
    return op.emitError() << fn->name << "() takes at most " << fn->params.size()
                          << " arguments (" << operands.size() << " given)";
  for (size_t i = 0; i < numPositional; ++i)
    bound[i] = operands[i];
  size_t k = numPositional;
  for (StringRef kw : op.getKwnames().getAsValueRange<StringAttr>()) {
    auto it = llvm::find_if(fn->params, [&](const LibParam &p) { return p.name == kw; });
    if (it == fn->params.end())
      return op.emitError() << fn->name << "() got an unexpected keyword argument '" << kw
                            << "'";
    size_t i = it - fn->params.begin();
    if (bound[i])
      return op.emitError() << fn->name << "() got multiple values for argument '" << kw
                            << "'";
    bound[i] = operands[k++];
  }
  for (auto [param, value] : llvm::zip(fn->params, bound))
    if (param.required() && !value)
      return op.emitError() << fn->name << "() missing required argument '" << param.name
                            << "'";
  return success();
}

//===----------------------------------------------------------------------===//
// LibTyping
//===----------------------------------------------------------------------===//

MLIRContext *LibTyping::getContext() { return op->getContext(); }

InFlightDiagnostic LibTyping::error() {
  InFlightDiagnostic diag = op->emitError();
  diag << fn.name << "(): ";
  return diag;
}

bool LibTyping::has(StringRef param) {
  return operands.count(param) || statics.get(param);
}

Type LibTyping::typeOf(StringRef param) {
  auto it = operands.find(param);
  return it == operands.end() || it->second.empty() ? Type() : it->second.front().getType();
}

FailureOr<RankedTensorType> LibTyping::tensor(StringRef param) {
  Type t = typeOf(param);
  if (auto tensor = dyn_cast_or_null<RankedTensorType>(t))
    return tensor;
  if (!t)
    return error() << "missing argument '" << param << "'";
  return error() << "expects a tensor for '" << param << "', got " << withArticle(t);
}

FailureOr<Type> LibTyping::dtype(StringRef param, Type fallback) {
  Attribute a = statics.get(param);
  if (!a)
    return fallback;
  auto s = dyn_cast<StringAttr>(a);
  Type t = s ? elementTypeFromSpelling(getContext(), s.getValue()) : Type();
  if (!t)
    return error() << "unsupported dtype " << a
                   << " (use bool, int32, int64, float32 or float64)";
  return t;
}

Type LibTyping::defaultFloat() {
  auto module = op->getParentOfType<ModuleOp>();
  auto name = module ? module->getAttrOfType<StringAttr>("pydy.default_float") : StringAttr();
  std::optional<dy2st::DType> dtype = name ? dy2st::dtypeFromName(name.getValue()) : std::nullopt;
  return dtype == dy2st::DType::Float64 ? Type(Float64Type::get(getContext()))
                                        : Type(Float32Type::get(getContext()));
}

FailureOr<bool> LibTyping::flag(StringRef param) {
  Attribute a = statics.get(param);
  if (!a)
    return false;
  auto i = dyn_cast<IntegerAttr>(a);
  if (!i || !i.getType().isInteger(1))
    return error() << "argument '" << param << "' must be a bool";
  return !i.getValue().isZero();
}

FailureOr<int64_t> LibTyping::integer(StringRef param, int64_t fallback) {
  Attribute a = statics.get(param);
  if (!a)
    return fallback;
  auto i = dyn_cast<IntegerAttr>(a);
  if (!i || !i.getType().isInteger(64))
    return error() << "argument '" << param << "' must be an int";
  return i.getInt();
}

FailureOr<std::optional<SmallVector<int64_t>>> LibTyping::integers(StringRef param) {
  Attribute a = statics.get(param);
  if (!a)
    return std::optional<SmallVector<int64_t>>();
  SmallVector<Attribute> items;
  if (auto array = dyn_cast<ArrayAttr>(a))
    items.assign(array.begin(), array.end());
  else
    items.push_back(a);
  SmallVector<int64_t> values;
  for (Attribute item : items) {
    auto i = dyn_cast<IntegerAttr>(item);
    if (!i || !i.getType().isInteger(64))
      return error() << "argument '" << param << "' must be an int or a list of ints";
    values.push_back(i.getInt());
  }
  return std::optional<SmallVector<int64_t>>(values);
}

FailureOr<SmallVector<int64_t>> LibTyping::requiredIntegers(StringRef param) {
  auto values = integers(param);
  if (failed(values))
    return failure();
  if (!*values)
    return error() << "missing argument '" << param << "'";
  return **values;
}

FailureOr<int64_t> LibTyping::axis(StringRef param, int64_t rank, int64_t fallback) {
  FailureOr<int64_t> a = integer(param, fallback);
  if (failed(a))
    return failure();
  int64_t bound = std::max<int64_t>(rank, 1);
  if (*a < -bound || *a >= bound)
    return error() << "axis " << *a << " is out of range for a " << rank << "-d tensor";
  int64_t normalized = *a < 0 ? *a + bound : *a;
  statics.set(param, Builder(getContext()).getI64IntegerAttr(normalized));
  return normalized;
}

FailureOr<SmallVector<int64_t>> LibTyping::ints(StringRef param) {
  if (Attribute a = statics.get(param)) {
    auto array = dyn_cast<DenseI64ArrayAttr>(a);
    if (!array)
      return error() << "argument '" << param << "' must be a list of ints";
    return SmallVector<int64_t>(array.asArrayRef());
  }
  auto t = dyn_cast_or_null<RankedTensorType>(typeOf(param));
  if (!t || t.getRank() != 1 || t.isDynamicDim(0) || !isa<IntegerType>(t.getElementType()) ||
      t.getElementType().isInteger(1))
    return error() << "'" << param
                   << "' must be a list of ints or a 1-d integer tensor of static length";
  return SmallVector<int64_t>(t.getDimSize(0), kDynamicInt);
}

std::optional<LiteralTensor> mlir::pydy::literalTensor(Value v) {
  auto call = v.getDefiningOp<LibCallOp>();
  if (!call || call.getCallee() != "to_tensor" || !call.getArgs().empty() || !call.getStaticArgs())
    return std::nullopt;
  Attribute dtype = call.getStaticArgs()->get("dtype");
  return LiteralTensor{call.getStaticArgs()->get("data"),
                       isa_and_nonnull<UnitAttr>(dtype) ? Attribute() : dtype};
}

std::optional<double> mlir::pydy::literalTensorNumber(Value v) {
  std::optional<LiteralTensor> literal = literalTensor(v);
  if (!literal)
    return std::nullopt;
  Attribute data = literal->data;
  while (auto list = dyn_cast_or_null<ArrayAttr>(data)) {
    if (list.size() != 1)
      return std::nullopt;
    data = list[0];
  }
  if (Attribute dtype = literal->dtype) {
    // A dtype may change the value (to_tensor(1.5, dtype="int64")); an
    // integer dtype keeps an integer's.
    auto name = dyn_cast<StringAttr>(dtype);
    auto number = dyn_cast_or_null<IntegerAttr>(data);
    if (!name || !number || number.getType().isInteger(1) ||
        (name.getValue() != "int64" && name.getValue() != "int32") ||
        (name.getValue() == "int32" && number.getInt() != static_cast<int32_t>(number.getInt())))
      return std::nullopt;
  }
  return literalNumber(data);
}

std::optional<double> mlir::pydy::literalNumber(Attribute value) {
  if (auto flag = dyn_cast_or_null<BoolAttr>(value))
    return flag.getValue() ? 1.0 : 0.0;
  if (auto number = dyn_cast_or_null<IntegerAttr>(value))
    return number.getType().isInteger(1) ? double(number.getValue().getBoolValue())
                                         : double(number.getInt());
  if (auto number = dyn_cast_or_null<FloatAttr>(value))
    return number.getValueAsDouble();
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// Rule dispatch
//===----------------------------------------------------------------------===//

namespace mlir::pydy {
#define DY2ST_PRIMITIVE(NAME, SIGNATURE, RULE, LOWERING) FailureOr<Type> infer##RULE(LibTyping &);
#include "Dy2St/Dialect/Pydy/LibraryOps.def"
#undef DY2ST_PRIMITIVE
} // namespace mlir::pydy

/// Whether `fn` takes complex tensors (the table's DY2ST_COMPLEX_OPERANDS).
static bool takesComplex(const LibFunction &fn) {
  static const llvm::StringSet<> names = [] {
    llvm::StringSet<> set;
    SmallVector<StringRef> words;
#define DY2ST_PRIMITIVE(NAME, SIGNATURE, RULE, LOWERING)
#define DY2ST_COMPLEX_OPERANDS(NAMES) StringRef(NAMES).split(words, ' ', -1, false);
#include "Dy2St/Dialect/Pydy/LibraryOps.def"
#undef DY2ST_COMPLEX_OPERANDS
#undef DY2ST_PRIMITIVE
    set.insert(words.begin(), words.end());
    return set;
  }();
  return names.contains(fn.name);
}

static bool isComplexValue(Type type) {
  if (auto array = dyn_cast<tensor_array::ArrayType>(type))
    type = array.getStackedType();
  return isa<ComplexType>(elementTypeOf(type));
}

FailureOr<Type> mlir::pydy::inferLibCallType(LibTyping &typing) {
  if (!takesComplex(typing.fn))
    for (const auto &entry : typing.operands)
      for (Value v : entry.getValue())
        if (isComplexValue(v.getType()))
          return typing.error() << "does not take complex tensors ('" << entry.getKey() << "' is "
                                << withArticle(v.getType()) << ")";
  using Rule = FailureOr<Type> (*)(LibTyping &);
  static constexpr Rule rules[] = {
#define DY2ST_PRIMITIVE(NAME, SIGNATURE, RULE, LOWERING) &infer##RULE,
#include "Dy2St/Dialect/Pydy/LibraryOps.def"
#undef DY2ST_PRIMITIVE
  };
  return rules[static_cast<unsigned>(typing.fn.op)](typing);
}
