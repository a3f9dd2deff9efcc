#include "Dy2St/Dialect/Pydy/Library.h"
#include "Dy2St/Dialect/Pydy/PydyDialect.h"
#include "Dy2St/Support/FormatSpec.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/FunctionImplementation.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace mlir::pydy;

#define GET_OP_CLASSES
#include "Dy2St/Dialect/Pydy/PydyOps.cpp.inc"

bool mlir::pydy::typesCompatible(Type a, Type b) {
  return a == b || isa<ObjectType>(a) || isa<ObjectType>(b);
}

static LogicalResult verifyTypesMatch(Operation *op, TypeRange expected,
                                      TypeRange actual, StringRef what) {
  if (expected.size() != actual.size())
    return op->emitOpError() << what << " has " << actual.size()
                             << " values but " << expected.size() << " are expected";
  for (auto [i, e, a] : llvm::enumerate(expected, actual))
    if (!typesCompatible(e, a))
      return op->emitOpError() << what << " value #" << i << " has type " << a
                               << " but " << e << " is expected";
  return success();
}

static Operation *terminatorOf(Region &region) {
  if (region.empty() || region.front().empty())
    return nullptr;
  return &region.front().back();
}

//===----------------------------------------------------------------------===//
// FuncOp
//===----------------------------------------------------------------------===//

void FuncOp::build(OpBuilder &builder, OperationState &state, StringRef name,
                   FunctionType type, ArrayRef<StringRef> argNames) {
  state.addAttribute(SymbolTable::getSymbolAttrName(), builder.getStringAttr(name));
  state.addAttribute(getFunctionTypeAttrName(state.name), TypeAttr::get(type));
  SmallVector<Attribute> argAttrs;
  for (StringRef argName : argNames)
    argAttrs.push_back(builder.getDictionaryAttr(
        builder.getNamedAttr("pydy.name", builder.getStringAttr(argName))));
  if (!argAttrs.empty())
    state.addAttribute(getArgAttrsAttrName(state.name), builder.getArrayAttr(argAttrs));
  Region *body = state.addRegion();
  Block *block = new Block();
  body->push_back(block);
  for (Type t : type.getInputs())
    block->addArgument(t, state.location);
}

ParseResult FuncOp::parse(OpAsmParser &parser, OperationState &result) {
  auto buildFuncType = [](Builder &builder, ArrayRef<Type> argTypes,
                          ArrayRef<Type> results, function_interface_impl::VariadicFlag,
                          std::string &) {
    return builder.getFunctionType(argTypes, results);
  };
  return function_interface_impl::parseFunctionOp(
      parser, result, /*allowVariadic=*/false, getFunctionTypeAttrName(result.name),
      buildFuncType, getArgAttrsAttrName(result.name), getResAttrsAttrName(result.name));
}

void FuncOp::print(OpAsmPrinter &p) {
  function_interface_impl::printFunctionOp(p, *this, /*isVariadic=*/false,
                                           getFunctionTypeAttrName(),
                                           getArgAttrsAttrName(), getResAttrsAttrName());
}

LogicalResult FuncOp::verify() {
  Operation *last = getBody().empty() || getBody().front().empty()
                        ? nullptr
                        : &getBody().front().back();
  if (!last || !isa<ReturnOp>(last))
    return emitOpError("body must end with 'pydy.return'");
  return success();
}

std::string FuncOp::getArgName(unsigned i) {
  if (auto name = getArgAttrOfType<StringAttr>(i, "pydy.name"))
    return name.str();
  return "arg" + std::to_string(i);
}

void FuncOp::getAsmBlockArgumentNames(Region &region, OpAsmSetValueNameFn setNameFn) {
  for (BlockArgument arg : region.getArguments())
    if (auto name = getArgAttrOfType<StringAttr>(arg.getArgNumber(), "pydy.name"))
      setNameFn(arg, name.getValue());
}

//===----------------------------------------------------------------------===//
// Exits
//===----------------------------------------------------------------------===//

LogicalResult ReturnOp::verify() {
  for (Operation *p = (*this)->getParentOp(); p; p = p->getParentOp()) {
    if (isa<LambdaOp>(p))
      return emitOpError("cannot return from inside a lambda");
    if (isa<FuncOp>(p))
      return success();
  }
  return emitOpError("must be inside a 'pydy.func'");
}

/// A `break`/`continue` must be inside the body of a loop of the same function.
static LogicalResult verifyLoopExit(Operation *op, StringRef keyword) {
  for (Operation *p = op->getParentOp(); p; p = p->getParentOp()) {
    if (isa<FuncOp, LambdaOp>(p))
      break;
    if (auto loop = dyn_cast<WhileOp>(p)) {
      if (loop.getBefore().isAncestor(op->getParentRegion()))
        return op->emitOpError() << "'" << keyword << "' in a loop condition";
      return success();
    }
    if (isa<ForRangeOp, ForInOp>(p))
      return success();
  }
  return op->emitOpError() << "'" << keyword << "' outside a loop";
}

LogicalResult BreakOp::verify() { return verifyLoopExit(*this, "break"); }
LogicalResult ContinueOp::verify() { return verifyLoopExit(*this, "continue"); }

//===----------------------------------------------------------------------===//
// ConstantOp
//===----------------------------------------------------------------------===//

Type ConstantOp::typeOfLiteral(Attribute value) {
  MLIRContext *ctx = value.getContext();
  if (auto i = dyn_cast<IntegerAttr>(value))
    return i.getType().isInteger(1) || i.getType().isInteger(64) ? i.getType() : Type();
  if (auto f = dyn_cast<FloatAttr>(value))
    return f.getType().isF64() ? f.getType() : Type();
  if (isa<StringAttr>(value))
    return StrType::get(ctx);
  if (isa<UnitAttr>(value))
    return PyNoneType::get(ctx);
  if (auto array = dyn_cast<ArrayAttr>(value)) {
    SmallVector<Type> types;
    for (Attribute element : array) {
      Type t = typeOfLiteral(element);
      if (!t)
        return {};
      types.push_back(t);
    }
    return TupleType::get(ctx, types);
  }
  return {};
}

void ConstantOp::build(OpBuilder &builder, OperationState &state, Attribute value) {
  build(builder, state, typeOfLiteral(value), value);
}

ParseResult ConstantOp::parse(OpAsmParser &parser, OperationState &result) {
  Attribute value;
  if (succeeded(parser.parseOptionalKeyword("none")))
    value = parser.getBuilder().getUnitAttr();
  else if (parser.parseAttribute(value))
    return failure();
  Type type = typeOfLiteral(value);
  if (!type)
    return parser.emitError(parser.getNameLoc(),
                            "expected a Python literal: i64 or i1 integer, f64 "
                            "float, string, none or an array of these");
  result.getOrAddProperties<Properties>().value = value;
  if (parser.parseOptionalAttrDict(result.attributes))
    return failure();
  // An array literal may be a list: `pydy.constant [3, 4] : !pydy.list<i64, i64>`.
  if (isa<ArrayAttr>(value) && succeeded(parser.parseOptionalColon()) &&
      parser.parseType(type))
    return failure();
  result.addTypes(type);
  return success();
}

void ConstantOp::print(OpAsmPrinter &p) {
  p << ' ';
  if (isa<UnitAttr>(getValue()))
    p << "none";
  else
    p.printAttribute(getValue());
  p.printOptionalAttrDict((*this)->getAttrs(), {"value"});
  if (isa<ArrayAttr>(getValue()) && getType() != typeOfLiteral(getValue()))
    p << " : " << getType();
}

LogicalResult ConstantOp::verify() {
  Type type = typeOfLiteral(getValue());
  if (!type)
    return emitOpError("value is not a Python literal");
  if (!literalHasType(getValue(), getType()))
    return emitOpError("result type ") << getType() << " does not match the literal's type " << type;
  return success();
}

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

LogicalResult LogicalOp::verify() {
  auto yield = dyn_cast_or_null<YieldOp>(terminatorOf(getRhs()));
  if (!yield || yield.getValues().size() != 1)
    return emitOpError("right operand region must yield exactly one value");
  return success();
}

LogicalResult UnaryOp::verify() {
  if (getKind() != UnaryKind::promote)
    return success();
  Type from = getOperand().getType(), to = getType();
  if (isa<ObjectType>(from) || isa<ObjectType>(to))
    return success();
  auto result = dyn_cast<RankedTensorType>(to);
  if (!result)
    return isPythonScalar(from) && isPythonScalar(to)
               ? success()
               : emitOpError("promotes a number to a number or to a tensor, or a tensor to "
                             "another dtype");
  if (auto tensor = dyn_cast<RankedTensorType>(from); tensor && tensor.getRank() > 0)
    return tensor.getShape() == result.getShape()
               ? success()
               : emitOpError("changes the dtype of a tensor (or fills a 0-d one into a static "
                             "shape), not its shape");
  if (!result.hasStaticShape() || !(isa<RankedTensorType>(from) || isPythonScalar(from)))
    return emitOpError("fills a number into a tensor of static shape only");
  return success();
}

LogicalResult OptionalOp::verify() {
  if (!typesCompatible(getValue().getType(), getType().getValue()))
    return emitOpError("holds ") << getType().getValue() << " but is given "
                                 << getValue().getType();
  return success();
}

LogicalResult OptionalValueOp::verify() {
  if (!typesCompatible(getType(), getOptional().getType().getValue()))
    return emitOpError("reads ") << getOptional().getType().getValue() << " as " << getType();
  return success();
}

LogicalResult RuntimeDictOp::verify() {
  RuntimeDictType type = getType();
  if (getKeys().getType() != type.getKeysArrayType() ||
      getValues().getType() != type.getValuesArrayType())
    return emitOpError("holds ") << type.getKeysArrayType() << " and "
                                 << type.getValuesArrayType() << ", not "
                                 << getKeys().getType() << " and " << getValues().getType();
  return success();
}

LogicalResult RuntimeDictKeysOp::verify() {
  if (getType() != getDict().getType().getKeysArrayType())
    return emitOpError("gives ") << getDict().getType().getKeysArrayType() << ", not "
                                 << getType();
  return success();
}

LogicalResult RuntimeDictValuesOp::verify() {
  if (getType() != getDict().getType().getValuesArrayType())
    return emitOpError("gives ") << getDict().getType().getValuesArrayType() << ", not "
                                 << getType();
  return success();
}

LogicalResult RuntimeSetOp::verify() {
  if (getItems().getType() != getType().getItemsArrayType())
    return emitOpError("holds ") << getType().getItemsArrayType() << ", not "
                                 << getItems().getType();
  return success();
}

LogicalResult RuntimeSetItemsOp::verify() {
  if (getType() != getSet().getType().getItemsArrayType())
    return emitOpError("gives ") << getSet().getType().getItemsArrayType() << ", not "
                                 << getType();
  return success();
}

/// `formats` holds nothing or, for each value, what follows it in an f-string.
static LogicalResult verifyFormats(Operation *op, ValueRange values, ArrayAttr formats) {
  if (!formats.empty() && formats.size() != values.size())
    return op->emitOpError("has ") << formats.size() << " formats for " << values.size()
                                   << " values";
  for (Attribute format : formats)
    if (!dy2st::parseFormat(cast<StringAttr>(format).getValue()))
      return op->emitOpError("has an invalid format '")
             << cast<StringAttr>(format).getValue() << "'";
  return success();
}

/// Whether `kind` can name an exception class (an identifier).
static bool namesExceptionClass(StringRef kind) {
  return !kind.empty() && llvm::all_of(kind, [](char c) { return llvm::isAlnum(c) || c == '_'; });
}

/// "Kind", or "Base/Name": a user's class Name, recorded as its builtin base.
static bool namesExceptionKind(StringRef kind) {
  auto [base, user] = kind.split('/');
  return namesExceptionClass(base) && (!kind.contains('/') || namesExceptionClass(user));
}

LogicalResult RaiseOp::verify() {
  if (!namesExceptionKind(getKind()))
    return emitOpError("kind must name an exception class, not '") << getKind() << "'";
  return verifyFormats(*this, getValues(), getFormats());
}

LogicalResult CatchOp::verify() {
  if (getKinds().empty())
    return emitOpError("catches no exception class");
  for (Attribute kind : getKinds())
    if (!namesExceptionKind(cast<StringAttr>(kind).getValue()))
      return emitOpError("kinds must name exception classes, not '")
             << cast<StringAttr>(kind).getValue() << "'";
  return success();
}

LogicalResult FormatOp::verify() { return verifyFormats(*this, getValues(), getFormats()); }

LogicalResult PrintOp::verify() {
  if (getLogger().has_value() != getLevel().has_value())
    return emitOpError("logs with both a logger and a level, or prints with neither");
  if (getRecord() && !getLogger())
    return emitOpError("has the fields of a log record but does not log");
  return verifyFormats(*this, getValues(), getFormats());
}

LogicalResult PyCallbackOp::verify() {
  if (getCallback().empty())
    return emitOpError("needs the key of a registered callback");
  return success();
}

LogicalResult DictOp::verify() {
  if (getKeys().size() != getValues().size())
    return emitOpError("has ") << getKeys().size() << " keys but "
                               << getValues().size() << " values";
  return success();
}

LogicalResult UnpackOp::verify() {
  if (auto elements = sequenceElementTypes(getValue().getType()))
    if (elements->size() != getNumResults())
      return emitOpError("cannot unpack a sequence of ")
             << elements->size() << " values into " << getNumResults();
  return success();
}

LogicalResult LibCallOp::verify() {
  if (!getStaticArgsAttr()) {
    SmallVector<Value> bound;
    return bindLibArguments(*this, bound);
  }
  // Specialized: every operand is named by the parameter it belongs to.
  const LibFunction *fn = lookupLibFunction(getCallee());
  if (!fn)
    return emitOpError("unknown dy2st library function '") << getCallee() << "'";
  if (getKwnames().size() != getArgs().size())
    return emitOpError("once specialized, names the parameter of each of its ")
           << getArgs().size() << " operands";
  for (StringRef name : getKwnames().getAsValueRange<StringAttr>())
    if (!fn->param(name) || fn->param(name)->isStatic())
      return emitOpError("operand named '") << name << "' is not a runtime parameter of "
                                            << fn->name << "()";
  return success();
}

LogicalResult CallOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  if (!symbolTable.lookupNearestSymbolFrom<FuncOp>(*this, getCalleeAttr()))
    return emitOpError("'") << getCallee() << "' does not name a 'pydy.func'";
  return success();
}

LogicalResult LambdaOp::verify() {
  Block &body = getBody().front();
  if (body.getNumArguments() != getParams().size())
    return emitOpError("has ") << getParams().size() << " parameters but its body takes "
                               << body.getNumArguments() << " arguments";
  if (getDefaultParams().size() != getDefaults().size())
    return emitOpError("has ") << getDefaults().size() << " defaults for "
                               << getDefaultParams().size() << " parameters";
  auto isParam = [&](StringRef name) {
    return llvm::any_of(getParams().getAsValueRange<StringAttr>(),
                        [&](StringRef p) { return p == name; });
  };
  for (StringRef name : getDefaultParams().getAsValueRange<StringAttr>())
    if (!isParam(name) || name == getVararg())
      return emitOpError("has a default for '") << name << "', which is not a parameter";
  if (getVararg() && !isParam(*getVararg()))
    return emitOpError("'") << *getVararg() << "' (*args) is not a parameter";
  size_t count = getParams().size();
  if (getKwarg()) {
    if (count == 0 || getParams().getValue().back() != getKwargAttr())
      return emitOpError("'") << *getKwarg() << "' (**kwargs) is not the last parameter";
    if (getKwarg() == getVararg())
      return emitOpError("'") << *getKwarg() << "' is both *args and **kwargs";
    if (llvm::is_contained(getDefaultParams().getAsValueRange<StringAttr>(), *getKwarg()))
      return emitOpError("has a default for '") << *getKwarg() << "', which is **kwargs";
  }
  if (getVararg() && getKeywordOnly() != 0)
    return emitOpError("counts keyword-only parameters, which are those after *args");
  // The counts are unsigned: a negative one is too large.
  if (getKeywordOnly() + (getKwarg() ? 1 : 0) > count ||
      getPositionalOnly() > positionalCount())
    return emitOpError("has ") << getPositionalOnly() << " positional-only and "
                               << getKeywordOnly() << " keyword-only of " << count
                               << " parameters";
  auto yield = cast<YieldOp>(body.getTerminator());
  if (yield.getValues().size() != 1)
    return emitOpError("body must yield exactly one value");
  return success();
}

size_t LambdaOp::positionalCount() {
  ArrayRef<Attribute> params = getParams().getValue();
  if (getVararg())
    return llvm::find(params, getVarargAttr()) - params.begin();
  uint64_t named = getKeywordOnly() + (getKwarg() ? 1 : 0);
  return named > params.size() ? 0 : params.size() - named;
}

LogicalResult CallValueOp::verify() {
  size_t positional = getArgs().size() - std::min(getArgs().size(), getKwnames().size());
  if (getKwnames().size() > getArgs().size() || (getSpread() && positional != 1))
    return emitOpError("has ") << getArgs().size() << " arguments for " << getKwnames().size()
                               << " keywords" << (getSpread() ? " and one spread sequence" : "");
  return success();
}

FailureOr<SmallVector<Value>> LambdaOp::bindArguments(OpBuilder &b, CallValueOp call,
                                                      std::string &error) {
  if (call.getSpread()) {
    error = "the sequence of the positional arguments is spread once its length is known";
    return failure();
  }
  SmallVector<StringRef> params(getParams().getAsValueRange<StringAttr>());
  size_t positionalLimit = positionalCount();
  size_t vararg = getVararg() ? positionalLimit : params.size();
  size_t kwarg = getKwarg() ? params.size() - 1 : params.size();
  size_t positionalOnly = getPositionalOnly();
  size_t keywords = call.getKwnames().size();
  ValueRange args = call.getArgs();
  ValueRange positional = args.drop_back(keywords);
  SmallVector<Value> bound(params.size());
  if (positional.size() > positionalLimit && !getVararg()) {
    // Python's words: "takes from 1 to 2 positional arguments but 3 were given".
    size_t required = llvm::count_if(ArrayRef(params).take_front(positionalLimit),
                                     [&](StringRef p) {
      return !llvm::is_contained(getDefaultParams().getAsValueRange<StringAttr>(), p);
    });
    std::string takes = required == positionalLimit
                            ? std::to_string(positionalLimit)
                            : "from " + std::to_string(required) + " to " +
                                  std::to_string(positionalLimit);
    error = "TypeError: the lambda takes " + takes + " positional argument" +
            (positionalLimit == 1 ? "" : "s") + " but " + std::to_string(positional.size()) +
            (positional.size() == 1 ? " was" : " were") + " given";
    return failure();
  }
  for (auto [i, v] : llvm::enumerate(positional.take_front(positionalLimit)))
    bound[i] = v;
  if (getVararg()) {
    ValueRange extra = positional.drop_front(std::min(positionalLimit, positional.size()));
    bound[vararg] = TupleOp::create(b, call.getLoc(), ObjectType::get(getContext()), extra);
  }
  // **kwargs: the keywords no parameter takes (positional-only ones included).
  SmallVector<Value> extraKeys, extraValues;
  for (auto [name, v] :
       llvm::zip(call.getKwnames().getAsValueRange<StringAttr>(), args.take_back(keywords))) {
    size_t at = llvm::find(params, name) - params.begin();
    if (at == params.size() || at == vararg || at == kwarg || at < positionalOnly) {
      if (getKwarg()) {
        extraKeys.push_back(ConstantOp::create(b, call.getLoc(), b.getStringAttr(name)));
        extraValues.push_back(v);
        continue;
      }
      error = at < positionalOnly
                  ? "TypeError: the lambda got some positional-only arguments passed as "
                    "keyword arguments: '" + name.str() + "'"
                  : "TypeError: the lambda got an unexpected keyword argument '" + name.str() +
                        "'";
      return failure();
    }
    if (bound[at]) {
      error = "TypeError: the lambda got multiple values for argument '" + name.str() + "'";
      return failure();
    }
    bound[at] = v;
  }
  if (getKwarg())
    bound[kwarg] = DictOp::create(b, call.getLoc(), ObjectType::get(getContext()), extraKeys,
                                  extraValues);
  for (auto [name, v] :
       llvm::zip(getDefaultParams().getAsValueRange<StringAttr>(), getDefaults())) {
    Value &slot = bound[llvm::find(params, name) - params.begin()];
    if (!slot)
      slot = v;
  }
  for (auto [i, v] : llvm::enumerate(bound))
    if (!v) {
      error = "TypeError: the lambda is missing the argument '" + params[i].str() + "'";
      return failure();
    }
  return bound;
}

//===----------------------------------------------------------------------===//
// Control flow
//===----------------------------------------------------------------------===//

LogicalResult IfOp::verify() {
  if (auto names = getNames(); names && names->size() != getNumResults())
    return emitOpError("has ") << names->size() << " names for " << getNumResults()
                               << " results";
  for (Region *region : {&getThenRegion(), &getElseRegion()}) {
    auto yield = cast<YieldOp>(region->front().getTerminator());
    if (failed(verifyTypesMatch(*this, getResultTypes(), yield.getValues().getTypes(),
                                "branch yield")))
      return failure();
  }
  return success();
}

// The loops are checked along the edges values flow (into the first
// iteration, from one iteration to the next, out of the loop): before
// specialization a block argument of type !pydy.object joins an i64 that
// enters and an f64 that a later iteration yields.
LogicalResult WhileOp::verify() {
  if (auto names = getNames(); names && names->size() != getNumResults())
    return emitOpError("has ") << names->size() << " names for " << getNumResults()
                               << " results";
  Block &before = getBefore().front();
  Block &after = getAfter().front();
  if (failed(verifyTypesMatch(*this, before.getArgumentTypes(), getInits().getTypes(),
                              "loop init")))
    return failure();
  auto condition = dyn_cast<ConditionOp>(before.getTerminator());
  if (!condition)
    return emitOpError("condition region must end with 'pydy.condition'");
  if (failed(verifyTypesMatch(*this, getResultTypes(), condition.getArgs().getTypes(),
                              "'pydy.condition'")))
    return failure();
  if (failed(verifyTypesMatch(*this, getResultTypes(), after.getArgumentTypes(),
                              "body region argument")))
    return failure();
  auto yield = dyn_cast<YieldOp>(after.getTerminator());
  if (!yield)
    return emitOpError("body region must end with 'pydy.yield'");
  return verifyTypesMatch(*this, before.getArgumentTypes(), yield.getValues().getTypes(),
                          "body yield");
}

/// Shared by the `for` loops: the body takes the loop item then the carried
/// values; the results are the inits (no iteration) or the last yield.
static LogicalResult verifyForLoop(Operation *op, ValueRange inits, Region &bodyRegion,
                                   std::optional<ArrayAttr> names) {
  if (names && names->size() != op->getNumResults())
    return op->emitOpError("has ") << names->size() << " names for "
                                   << op->getNumResults() << " results";
  if (failed(verifyTypesMatch(op, op->getResultTypes(), inits.getTypes(), "loop init")))
    return failure();
  Block &body = bodyRegion.front();
  if (body.getNumArguments() != inits.size() + 1)
    return op->emitOpError("body must take the loop item and ")
           << inits.size() << " carried values";
  TypeRange carried = TypeRange(body.getArgumentTypes()).drop_front();
  if (failed(verifyTypesMatch(op, carried, inits.getTypes(), "loop init")))
    return failure();
  auto yield = cast<YieldOp>(body.getTerminator());
  if (failed(verifyTypesMatch(op, carried, yield.getValues().getTypes(), "body yield")))
    return failure();
  return verifyTypesMatch(op, op->getResultTypes(), yield.getValues().getTypes(),
                          "body yield");
}

LogicalResult ForRangeOp::verify() {
  return verifyForLoop(*this, getInits(), getBody(), getNames());
}

LogicalResult ForInOp::verify() {
  return verifyForLoop(*this, getInits(), getBody(), getNames());
}
