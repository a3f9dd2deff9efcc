// Folding of pydy ops on Python literals and static tensor facts. These folds
// are what makes a Python-valued condition (`x.shape[0] > 1` on a static
// shape) disappear during specialization.
#include "Dy2St/Dialect/Pydy/PydyDialect.h"
#include "Dy2St/Dialect/Pydy/TypeRules.h"
#include "Dy2St/Support/PythonFormat.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Matchers.h"
#include <cmath>
#include <limits>

using namespace mlir;
using namespace mlir::pydy;

namespace {
/// A Python number: bools count as ints, as in Python arithmetic.
struct Number {
  bool isFloat;
  int64_t i;
  double f;
  double asDouble() const { return isFloat ? f : static_cast<double>(i); }
};
} // namespace

static std::optional<Number> asNumber(Attribute attr) {
  if (auto i = dyn_cast_or_null<IntegerAttr>(attr)) {
    if (i.getType().isInteger(1))
      return Number{false, i.getValue().isZero() ? 0 : 1, 0};
    return Number{false, i.getInt(), 0};
  }
  if (auto f = dyn_cast_or_null<FloatAttr>(attr))
    return Number{true, 0, f.getValueAsDouble()};
  return std::nullopt;
}

static Attribute intAttr(MLIRContext *ctx, int64_t v) {
  return IntegerAttr::get(IntegerType::get(ctx, 64), v);
}
static Attribute floatAttr(MLIRContext *ctx, double v) {
  return FloatAttr::get(Float64Type::get(ctx), v);
}
static Attribute boolAttr(MLIRContext *ctx, bool v) { return BoolAttr::get(ctx, v); }

/// Python's divmod of floats (CPython's float_divmod): exact where
/// floor(x / y) is not (`-2.5 // inf` is -1.0, `-2.5 % inf` is inf). Compiled
/// code computes the same in ElementwiseLowering's floatDivmod.
static std::pair<double, double> floatDivmod(double x, double y) {
  double mod = std::fmod(x, y);
  double div = (x - mod) / y;
  if (mod != 0) {
    if ((y < 0) != (mod < 0)) {
      mod += y;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, y);
  }
  double floordiv;
  if (div != 0) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5)
      floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, x / y);
  }
  return {floordiv, mod};
}

static int64_t floorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

/// Only results whose type already is the literal's type are folded, so that
/// folding never changes a value's type.
static OpFoldResult typed(Operation *op, Attribute value) {
  if (!value || !literalHasType(value, op->getResult(0).getType()))
    return {};
  return value;
}

static OpFoldResult typed(Operation *op, Value value) {
  if (!value || value.getType() != op->getResult(0).getType())
    return {};
  return value;
}

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValue(); }

/// `text * count` (or `count * text`) as Python repeats it; not folded past
/// a megabyte (compiled code would hold it as a constant).
static OpFoldResult repeatedText(MLIRContext *ctx, StringAttr text, Attribute count) {
  auto n = dyn_cast_or_null<IntegerAttr>(count);
  if (!n || !n.getType().isInteger(64))
    return {};
  int64_t times = std::max<int64_t>(n.getInt(), 0);
  if (times > 0 && text.size() > (size_t(1) << 20) / size_t(times))
    return {};
  std::string repeated;
  for (int64_t i = 0; i < times; ++i)
    repeated += text.getValue();
  return StringAttr::get(ctx, repeated);
}

OpFoldResult BinaryOp::fold(FoldAdaptor adaptor) {
  // Strings known when compiling: `prefix + "_weight"`, `"-" * width`.
  auto lText = dyn_cast_or_null<StringAttr>(adaptor.getLhs());
  auto rText = dyn_cast_or_null<StringAttr>(adaptor.getRhs());
  if (lText && rText && getKind() == BinaryKind::add)
    return typed(*this, StringAttr::get(getContext(), lText.getValue() + rText.getValue()));
  if ((lText || rText) && getKind() == BinaryKind::mul)
    if (OpFoldResult repeated = lText ? repeatedText(getContext(), lText, adaptor.getRhs())
                                      : repeatedText(getContext(), rText, adaptor.getLhs()))
      return typed(*this, cast<Attribute>(repeated));
  auto a = asNumber(adaptor.getLhs()), b = asNumber(adaptor.getRhs());
  if (!a || !b)
    return {};
  MLIRContext *ctx = getContext();
  BinaryKind kind = getKind();
  bool isFloat = a->isFloat || b->isFloat;
  if (kind == BinaryKind::matmul)
    return {};
  // Division by zero raises ZeroDivisionError in Python: left to run time.
  if ((kind == BinaryKind::div || kind == BinaryKind::floordiv ||
       kind == BinaryKind::mod) && b->asDouble() == 0.0)
    return {};
  if (kind == BinaryKind::div)
    return typed(*this, floatAttr(ctx, a->asDouble() / b->asDouble()));
  if (kind == BinaryKind::pow && !isFloat && b->i < 0)
    return typed(*this, floatAttr(ctx, std::pow(a->asDouble(), b->asDouble())));
  if (isFloat) {
    double x = a->asDouble(), y = b->asDouble(), r = 0;
    switch (kind) {
    case BinaryKind::add: r = x + y; break;
    case BinaryKind::sub: r = x - y; break;
    case BinaryKind::mul: r = x * y; break;
    case BinaryKind::floordiv: r = floatDivmod(x, y).first; break;
    case BinaryKind::mod: r = floatDivmod(x, y).second; break;
    case BinaryKind::pow: r = std::pow(x, y); break;
    default: return {};
    }
    return typed(*this, floatAttr(ctx, r));
  }
  // Python's ints do not wrap: a result beyond 64 bits is not folded (the
  // compiled code raises OverflowError).
  int64_t x = a->i, y = b->i, r = 0;
  bool overflows = false;
  switch (kind) {
  case BinaryKind::add: overflows = __builtin_add_overflow(x, y, &r); break;
  case BinaryKind::sub: overflows = __builtin_sub_overflow(x, y, &r); break;
  case BinaryKind::mul: overflows = __builtin_mul_overflow(x, y, &r); break;
  case BinaryKind::floordiv:
  case BinaryKind::mod:
    if (x == std::numeric_limits<int64_t>::min() && y == -1) {
      overflows = kind == BinaryKind::floordiv;
      break;
    }
    r = kind == BinaryKind::floordiv ? floorDiv(x, y) : x - floorDiv(x, y) * y;
    break;
  case BinaryKind::pow: {
    // By squaring: as many steps as y has bits.
    r = 1;
    for (int64_t base = x, e = y; e > 0 && !overflows; e >>= 1) {
      if (e & 1)
        overflows = __builtin_mul_overflow(r, base, &r);
      if (e > 1 && !overflows)
        overflows = __builtin_mul_overflow(base, base, &base);
    }
    break;
  }
  case BinaryKind::BitAnd: r = x & y; break;
  case BinaryKind::BitOr: r = x | y; break;
  case BinaryKind::BitXor: r = x ^ y; break;
  case BinaryKind::lshift:
  case BinaryKind::rshift:
    // A negative count raises ValueError: left to run time.
    if (y < 0)
      return {};
    if (kind == BinaryKind::rshift) {
      r = y >= 64 ? (x < 0 ? -1 : 0) : x >> y;
      break;
    }
    r = y >= 64 ? 0 : static_cast<int64_t>(static_cast<uint64_t>(x) << y);
    overflows = y >= 64 ? x != 0 : (r >> y) != x;
    break;
  default: return {};
  }
  if (overflows)
    return {};
  if (getType().isInteger(1))
    return typed(*this, boolAttr(ctx, r != 0));
  return typed(*this, intAttr(ctx, r));
}

OpFoldResult UnaryOp::fold(FoldAdaptor adaptor) {
  MLIRContext *ctx = getContext();
  if (getKind() == UnaryKind::Not) {
    if (auto t = literalTruthiness(adaptor.getOperand()))
      return typed(*this, boolAttr(ctx, !*t));
    return {};
  }
  if (getKind() == UnaryKind::to_bool) {
    if (auto t = literalTruthiness(adaptor.getOperand()))
      return typed(*this, boolAttr(ctx, *t));
    return {};
  }
  // float("inf"), int("12"): text known when compiling reads as Python reads it.
  if (auto text = dyn_cast_or_null<StringAttr>(adaptor.getOperand())) {
    if (getKind() == UnaryKind::to_float)
      if (auto v = dy2st::parsePythonFloat(text.getValue()))
        return typed(*this, floatAttr(ctx, *v));
    if (getKind() == UnaryKind::to_int)
      if (auto v = dy2st::parsePythonInt(text.getValue()))
        return typed(*this, intAttr(ctx, *v));
    return {};
  }
  auto a = asNumber(adaptor.getOperand());
  if (!a)
    return {};
  switch (getKind()) {
  case UnaryKind::to_int:
    if (!a->isFloat)
      return typed(*this, intAttr(ctx, a->i));
    // NaN, the infinities and floats beyond 64 bits are left to the
    // lowering, which raises Python's errors where the conversion runs.
    if (!(a->f >= -0x1p63 && a->f < 0x1p63))
      return {};
    return typed(*this, intAttr(ctx, static_cast<int64_t>(std::trunc(a->f))));
  case UnaryKind::to_float:
    return typed(*this, floatAttr(ctx, a->asDouble()));
  case UnaryKind::promote:
    if (getType().isF64())
      return typed(*this, floatAttr(ctx, a->asDouble()));
    if (getType().isInteger(64) && !a->isFloat)
      return typed(*this, intAttr(ctx, a->i));
    return {};
  case UnaryKind::neg:
    return a->isFloat ? typed(*this, floatAttr(ctx, -a->f)) : typed(*this, intAttr(ctx, -a->i));
  case UnaryKind::pos:
    return a->isFloat ? typed(*this, floatAttr(ctx, a->f)) : typed(*this, intAttr(ctx, a->i));
  case UnaryKind::invert:
    return a->isFloat ? OpFoldResult() : typed(*this, intAttr(ctx, ~a->i));
  default:
    return {};
  }
}

OpFoldResult CompareOp::fold(FoldAdaptor adaptor) {
  MLIRContext *ctx = getContext();
  Type lt = getLhs().getType(), rt = getRhs().getType();
  CompareKind kind = getKind();
  // `x is None` is decided by the types alone once they are known; so is
  // `x is y` where the values tell (TypeRules' knownIdentity).
  if (kind == CompareKind::is || kind == CompareKind::is_not) {
    bool known = !isa<ObjectType>(lt) && !isa<ObjectType>(rt);
    bool lNone = isa<PyNoneType>(lt), rNone = isa<PyNoneType>(rt);
    // A lambda (or a function passed as one) is never None.
    bool lambdaAndNone = (lNone && getRhs().getDefiningOp<LambdaOp>()) ||
                         (rNone && getLhs().getDefiningOp<LambdaOp>());
    std::optional<bool> same = lambdaAndNone               ? std::optional<bool>(false)
                               : known && (lNone || rNone) ? std::optional<bool>(lNone && rNone)
                                                           : knownIdentity(getLhs(), getRhs());
    if (!same)
      return {};
    return typed(*this, boolAttr(ctx, kind == CompareKind::is ? *same : !*same));
  }
  Attribute l = adaptor.getLhs(), r = adaptor.getRhs();
  if (auto dict = dyn_cast<DictType>(rt))
    if (Attribute key = dictKeyOf(l)) {
      if (kind != CompareKind::in && kind != CompareKind::not_in)
        return {};
      bool present = dictIndex(dict, key).has_value();
      return typed(*this, boolAttr(ctx, present == (kind == CompareKind::in)));
    }
  // Values of different kinds (a str and a number, None and a tuple) are
  // never equal; strings and tuples compare by value.
  bool isNumber = asNumber(l).has_value() && asNumber(r).has_value();
  if (l && r && !isNumber) {
    if (kind == CompareKind::eq || kind == CompareKind::ne)
      return typed(*this, boolAttr(ctx, (l == r) == (kind == CompareKind::eq)));
    // Strings order by code point, which UTF-8's byte order keeps.
    auto ls = dyn_cast<StringAttr>(l), rs = dyn_cast<StringAttr>(r);
    if (!ls || !rs)
      return {};
    if ((kind == CompareKind::in || kind == CompareKind::not_in) && isa<StrType>(rt))
      return typed(
          *this, boolAttr(ctx, rs.getValue().contains(ls.getValue()) == (kind == CompareKind::in)));
    int order = ls.getValue().compare(rs.getValue());
    switch (kind) {
    case CompareKind::lt: return typed(*this, boolAttr(ctx, order < 0));
    case CompareKind::le: return typed(*this, boolAttr(ctx, order <= 0));
    case CompareKind::gt: return typed(*this, boolAttr(ctx, order > 0));
    case CompareKind::ge: return typed(*this, boolAttr(ctx, order >= 0));
    default: return {};
    }
  }
  auto a = asNumber(l), b = asNumber(r);
  if (!a || !b)
    return {};
  bool result;
  if (a->isFloat || b->isFloat) {
    double x = a->asDouble(), y = b->asDouble();
    switch (kind) {
    case CompareKind::lt: result = x < y; break;
    case CompareKind::le: result = x <= y; break;
    case CompareKind::gt: result = x > y; break;
    case CompareKind::ge: result = x >= y; break;
    case CompareKind::eq: result = x == y; break;
    case CompareKind::ne: result = x != y; break;
    default: return {};
    }
  } else {
    int64_t x = a->i, y = b->i;
    switch (kind) {
    case CompareKind::lt: result = x < y; break;
    case CompareKind::le: result = x <= y; break;
    case CompareKind::gt: result = x > y; break;
    case CompareKind::ge: result = x >= y; break;
    case CompareKind::eq: result = x == y; break;
    case CompareKind::ne: result = x != y; break;
    default: return {};
    }
  }
  return typed(*this, boolAttr(ctx, result));
}

OpFoldResult AttrOp::fold(FoldAdaptor) {
  auto tensor = dyn_cast<RankedTensorType>(getValue().getType());
  if (!tensor)
    return {};
  MLIRContext *ctx = getContext();
  StringRef name = getName();
  if (name == "shape" && tensor.hasStaticShape()) {
    SmallVector<Attribute> dims;
    for (int64_t d : tensor.getShape())
      dims.push_back(intAttr(ctx, d));
    return typed(*this, ArrayAttr::get(ctx, dims));
  }
  if (name == "ndim")
    return typed(*this, intAttr(ctx, tensor.getRank()));
  if (name == "size" && tensor.hasStaticShape())
    return typed(*this, intAttr(ctx, tensor.getNumElements()));
  if (name == "dtype") {
    StringRef dtype = elementTypeName(tensor.getElementType());
    return dtype.empty() ? OpFoldResult() : typed(*this, StringAttr::get(ctx, dtype));
  }
  return {};
}

/// Python's index normalization; nullopt when out of range.
static std::optional<size_t> normalizeIndex(int64_t index, size_t size) {
  if (index < 0)
    index += static_cast<int64_t>(size);
  if (index < 0 || index >= static_cast<int64_t>(size))
    return std::nullopt;
  return static_cast<size_t>(index);
}

/// The value of `key` in a dict display (the last one, as Python keeps).
static Value dictEntry(DictOp dict, Attribute key) {
  Value found;
  for (auto [k, v] : llvm::zip(dict.getKeys(), dict.getValues())) {
    Attribute attr;
    if (matchPattern(k, m_Constant(&attr)) && attr == key)
      found = v;
  }
  return found;
}

OpFoldResult SubscriptOp::fold(FoldAdaptor adaptor) {
  if (auto dict = getValue().getDefiningOp<DictOp>()) {
    Attribute key = dictKeyOf(adaptor.getIndex());
    return key ? typed(*this, dictEntry(dict, key)) : OpFoldResult();
  }
  auto index = asNumber(adaptor.getIndex());
  if (!index || index->isFloat)
    return {};
  if (auto array = dyn_cast_or_null<ArrayAttr>(adaptor.getValue()))
    if (auto i = normalizeIndex(index->i, array.size()))
      return typed(*this, array[*i]);
  Operation *def = getValue().getDefiningOp();
  if (def && isa<TupleOp, ListOp>(def))
    if (auto i = normalizeIndex(index->i, def->getNumOperands()))
      return typed(*this, def->getOperand(*i));
  // x.shape[i] of a static dimension of a tensor with dynamic ones.
  if (auto attr = dyn_cast_or_null<AttrOp>(def); attr && attr.getName() == "shape")
    if (auto tensor = dyn_cast<RankedTensorType>(attr.getValue().getType()))
      if (auto i = normalizeIndex(index->i, tensor.getRank()); i && !tensor.isDynamicDim(*i))
        return typed(*this, IntegerAttr::get(IntegerType::get(getContext(), 64),
                                             tensor.getDimSize(*i)));
  return {};
}

/// A display of literals is a literal (`[2, 3]` as a shape).
static OpFoldResult foldDisplay(Operation *op, ArrayRef<Attribute> elements) {
  if (llvm::any_of(elements, [](Attribute a) { return !a; }))
    return {};
  return typed(op, ArrayAttr::get(op->getContext(), elements));
}

OpFoldResult TupleOp::fold(FoldAdaptor adaptor) {
  return foldDisplay(*this, adaptor.getElements());
}

OpFoldResult ListOp::fold(FoldAdaptor adaptor) {
  return foldDisplay(*this, adaptor.getElements());
}

OpFoldResult LenOp::fold(FoldAdaptor adaptor) {
  MLIRContext *ctx = getContext();
  if (auto tensor = dyn_cast<RankedTensorType>(getValue().getType()))
    if (tensor.getRank() > 0 && !tensor.isDynamicDim(0))
      return typed(*this, intAttr(ctx, tensor.getDimSize(0)));
  if (auto elements = sequenceElementTypes(getValue().getType()))
    return typed(*this, intAttr(ctx, elements->size()));
  if (auto array = dyn_cast_or_null<ArrayAttr>(adaptor.getValue()))
    return typed(*this, intAttr(ctx, array.size()));
  if (auto text = dyn_cast_or_null<StringAttr>(adaptor.getValue()))
    // Python counts code points: the UTF-8 bytes that start one.
    return typed(*this, intAttr(ctx, llvm::count_if(text.getValue(), [](char c) {
                                  return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
                                })));
  return {};
}

LogicalResult UnpackOp::fold(FoldAdaptor adaptor, SmallVectorImpl<OpFoldResult> &results) {
  if (auto array = dyn_cast_or_null<ArrayAttr>(adaptor.getValue())) {
    if (array.size() != getNumResults())
      return failure();
    for (auto [attr, result] : llvm::zip(array, getResults()))
      if (!literalHasType(attr, result.getType()))
        return failure();
    results.append(array.begin(), array.end());
    return success();
  }
  Operation *def = getValue().getDefiningOp();
  if (!def || !isa<TupleOp, ListOp>(def) || def->getNumOperands() != getNumResults())
    return failure();
  if (def->getOperandTypes() != getResultTypes())
    return failure();
  results.append(def->operand_begin(), def->operand_end());
  return success();
}

OpFoldResult RuntimeDictKeysOp::fold(FoldAdaptor) {
  if (auto dict = getDict().getDefiningOp<RuntimeDictOp>())
    return dict.getKeys();
  return {};
}

OpFoldResult RuntimeDictValuesOp::fold(FoldAdaptor) {
  if (auto dict = getDict().getDefiningOp<RuntimeDictOp>())
    return dict.getValues();
  return {};
}

OpFoldResult RuntimeSetItemsOp::fold(FoldAdaptor) {
  if (auto set = getSet().getDefiningOp<RuntimeSetOp>())
    return set.getItems();
  return {};
}

OpFoldResult IsPresentOp::fold(FoldAdaptor) {
  if (auto optional = getOptional().getDefiningOp<OptionalOp>())
    return optional.getPresent();
  return {};
}

//===----------------------------------------------------------------------===//
// f-strings of literals
//===----------------------------------------------------------------------===//

/// A literal number, bool or string as Python formats it.
static std::optional<dy2st::PythonValue> pythonValueOf(Attribute attr) {
  if (auto i = dyn_cast<IntegerAttr>(attr))
    return i.getType().isInteger(1) ? dy2st::PythonValue::ofBool(!i.getValue().isZero())
                                    : dy2st::PythonValue::ofInt(i.getInt());
  if (auto f = dyn_cast<FloatAttr>(attr))
    return dy2st::PythonValue::ofFloat(f.getValueAsDouble());
  if (auto text = dyn_cast<StringAttr>(attr))
    return dy2st::PythonValue::ofText(text.str());
  return std::nullopt;
}

/// str() (with `repr`, repr()) of a literal of `type`: None, a number, a
/// string, or a tuple or list of these (whose items are written by repr).
static std::optional<std::string> literalText(Attribute attr, Type type, bool repr) {
  if (isa<UnitAttr>(attr))
    return std::string("None");
  if (auto array = dyn_cast<ArrayAttr>(attr)) {
    auto types = sequenceElementTypes(type);
    if (!types || types->size() != array.size())
      return std::nullopt;
    bool isList = isa<ListType>(type);
    std::string text = isList ? "[" : "(";
    for (auto [i, e] : llvm::enumerate(array)) {
      std::optional<std::string> item = literalText(e, (*types)[i], /*repr=*/true);
      if (!item)
        return std::nullopt;
      text += (i ? ", " : "") + *item;
    }
    return text + (!isList && array.size() == 1 ? ",)" : isList ? "]" : ")");
  }
  std::optional<dy2st::PythonValue> value = pythonValueOf(attr);
  if (!value)
    return std::nullopt;
  dy2st::FormatSpec spec;
  spec.conversion = repr ? 'r' : 0;
  llvm::Expected<std::string> text = dy2st::formatPython(*value, spec);
  if (!text) {
    llvm::consumeError(text.takeError());
    return std::nullopt;
  }
  return *text;
}

OpFoldResult FormatOp::fold(FoldAdaptor adaptor) {
  std::string text;
  for (auto [i, attr] : llvm::enumerate(adaptor.getValues())) {
    if (!attr)
      return {};
    StringRef format = getFormats().empty() ? "" : cast<StringAttr>(getFormats()[i]).getValue();
    dy2st::FormatSpec spec = *dy2st::parseFormat(format);
    std::optional<dy2st::PythonValue> value = pythonValueOf(attr);
    if (!value) {
      // None and containers: their text, which takes no spec of its own.
      std::optional<std::string> piece =
          spec.hasSpec ? std::nullopt
                       : literalText(attr, getValues()[i].getType(),
                                     spec.conversion == 'r' || spec.conversion == 'a');
      if (!piece)
        return {};
      text += *piece;
      continue;
    }
    llvm::Expected<std::string> piece = dy2st::formatPython(*value, spec);
    if (!piece) {
      llvm::consumeError(piece.takeError());
      return {};
    }
    text += *piece;
  }
  return StringAttr::get(getContext(), text);
}

//===----------------------------------------------------------------------===//
// if results that are one literal
//===----------------------------------------------------------------------===//

namespace {
/// What a value is on every path: one literal, undefined (a pydy.undef), or
/// unknown (null literal and not undefined).
struct PathLiteral {
  Attribute literal;
  bool undefined = false;
};
} // namespace

static PathLiteral pathLiteral(Value v, unsigned depth = 0) {
  Attribute attr;
  if (matchPattern(v, m_Constant(&attr)))
    return {attr, false};
  if (v.getDefiningOp<UndefOp>())
    return {{}, true};
  auto ifOp = v.getDefiningOp<IfOp>();
  if (!ifOp || depth > 8)
    return {};
  unsigned i = cast<OpResult>(v).getResultNumber();
  PathLiteral result{{}, true};
  for (Region *region : {&ifOp.getThenRegion(), &ifOp.getElseRegion()}) {
    PathLiteral branch = pathLiteral(region->front().getTerminator()->getOperand(i), depth + 1);
    if (branch.undefined)
      continue;
    if (!branch.literal || (result.literal && result.literal != branch.literal))
      return {};
    result = branch;
  }
  return result;
}

namespace {
/// A result of a pydy.if that is one literal wherever it is assigned (after
/// a raise it is not): that literal, which a string must be to be lowered.
struct IfResultIsLiteral : OpRewritePattern<IfOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(IfOp op, PatternRewriter &rewriter) const override {
    bool changed = false;
    for (OpResult result : op->getResults()) {
      if (result.use_empty())
        continue;
      PathLiteral path = pathLiteral(result);
      if (!path.literal || !literalHasType(path.literal, result.getType()))
        continue;
      rewriter.setInsertionPoint(op);
      rewriter.replaceAllUsesWith(
          result, ConstantOp::create(rewriter, op.getLoc(), result.getType(), path.literal));
      changed = true;
    }
    return success(changed);
  }
};
/// Results of a pydy.if nothing uses are dropped (a string one among them
/// has no lowering).
struct IfDropUnusedResults : OpRewritePattern<IfOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(IfOp op, PatternRewriter &rewriter) const override {
    SmallVector<unsigned> kept;
    for (OpResult result : op->getResults())
      if (!result.use_empty())
        kept.push_back(result.getResultNumber());
    if (kept.size() == op->getNumResults())
      return failure();
    SmallVector<Type> types;
    SmallVector<Attribute> names;
    for (unsigned i : kept) {
      types.push_back(op.getResult(i).getType());
      if (op.getNames())
        names.push_back((*op.getNames())[i]);
    }
    rewriter.setInsertionPoint(op);
    auto newIf = IfOp::create(rewriter, op.getLoc(), types, op.getCondition(),
                              op.getNames() ? rewriter.getArrayAttr(names) : ArrayAttr(),
                              op.getThenExited(), op.getElseExited());
    for (auto [from, to] : {std::pair{&op.getThenRegion(), &newIf.getThenRegion()},
                            std::pair{&op.getElseRegion(), &newIf.getElseRegion()}}) {
      rewriter.inlineRegionBefore(*from, *to, to->end());
      Operation *yield = to->front().getTerminator();
      SmallVector<Value> values;
      for (unsigned i : kept)
        values.push_back(yield->getOperand(i));
      rewriter.modifyOpInPlace(yield, [&] { yield->setOperands(values); });
    }
    for (auto [i, k] : llvm::enumerate(kept))
      rewriter.replaceAllUsesWith(op.getResult(k), newIf.getResult(i));
    rewriter.eraseOp(op);
    return success();
  }
};
} // namespace

void IfOp::getCanonicalizationPatterns(RewritePatternSet &results, MLIRContext *context) {
  results.add<IfResultIsLiteral, IfDropUnusedResults>(context);
}
