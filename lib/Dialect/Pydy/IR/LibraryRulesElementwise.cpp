// Type rules of the elementwise, matmul, reduction and scan primitives. The
// eager kernels in python-frontend/dy2st/eager/primitives.py follow the same rules.
#include "Dy2St/Dialect/Pydy/Library.h"
#include "Dy2St/Dialect/Pydy/PydyDialect.h"
#include "Dy2St/Dialect/Pydy/TypeRules.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/SmallBitVector.h"
#include "llvm/ADT/StringExtras.h"

#include <map>

using namespace mlir;

namespace mlir::pydy {

std::optional<BinaryKind> arithmeticKind(LibOp op) {
  switch (op) {
  case LibOp::add: return BinaryKind::add;
  case LibOp::subtract: return BinaryKind::sub;
  case LibOp::multiply: return BinaryKind::mul;
  case LibOp::divide: return BinaryKind::div;
  case LibOp::floor_divide: return BinaryKind::floordiv;
  case LibOp::remainder: return BinaryKind::mod;
  case LibOp::pow: return BinaryKind::pow;
  default: return std::nullopt;
  }
}

std::optional<CompareKind> comparisonKind(LibOp op) {
  switch (op) {
  case LibOp::equal: return CompareKind::eq;
  case LibOp::not_equal: return CompareKind::ne;
  case LibOp::less_than: return CompareKind::lt;
  case LibOp::less_equal: return CompareKind::le;
  case LibOp::greater_than: return CompareKind::gt;
  case LibOp::greater_equal: return CompareKind::ge;
  default: return std::nullopt;
  }
}

static Type f32(LibTyping &t) { return Float32Type::get(t.getContext()); }
static Type i1(LibTyping &t) { return IntegerType::get(t.getContext(), 1); }
static Type i64(LibTyping &t) { return IntegerType::get(t.getContext(), 64); }

/// exp, sin, ...: integer and bool inputs compute in float32.
FailureOr<Type> inferFloatUnary(LibTyping &t) {
  auto x = t.tensor(t.fn.params[0].name);
  if (failed(x))
    return failure();
  Type elem = x->getElementType();
  if (isa<ComplexType>(elem) && (t.fn.op == LibOp::erf || t.fn.op == LibOp::rsqrt))
    return t.error() << "takes a real tensor, got " << withArticle(*x);
  return Type(x->clone(isa<FloatType, ComplexType>(elem) ? elem : f32(t)));
}

/// floor, ceil, round (half to even), trunc: the input's dtype.
FailureOr<Type> inferRounding(LibTyping &t) {
  auto x = t.tensor(t.fn.params[0].name);
  if (failed(x))
    return failure();
  if (t.fn.op == LibOp::round) {
    auto decimals = t.integer("decimals", 0);
    if (failed(decimals))
      return failure();
    if (*decimals != 0)
      return t.error() << "decimals other than 0 are not supported in compiled code";
  }
  if (x->getElementType().isInteger(1))
    return t.error() << "is not defined on a bool tensor";
  return Type(*x);
}

/// abs, neg, sign, square, relu: the input's dtype.
FailureOr<Type> inferNumericUnary(LibTyping &t) {
  auto x = t.tensor("x");
  if (failed(x))
    return failure();
  bool keepsBool = t.fn.op == LibOp::abs || t.fn.op == LibOp::relu;
  if (x->getElementType().isInteger(1) && !keepsBool)
    return t.error() << "is not defined on a bool tensor";
  // The magnitude of a complex number is real.
  if (auto complex = dyn_cast<ComplexType>(x->getElementType()); complex && t.fn.op == LibOp::abs)
    return Type(x->clone(complex.getElementType()));
  return Type(*x);
}

/// bitwise_not: integer or bool tensors.
FailureOr<Type> inferIntegerUnary(LibTyping &t) {
  auto x = t.tensor("x");
  if (failed(x))
    return failure();
  if (!isa<IntegerType>(x->getElementType()))
    return t.error() << "needs an integer or bool tensor, got " << withArticle(*x);
  return Type(*x);
}

/// isnan, isinf, isfinite, logical_not: bool results.
FailureOr<Type> inferPredicateUnary(LibTyping &t) {
  auto x = t.tensor("x");
  if (failed(x))
    return failure();
  return Type(x->clone(i1(t)));
}

static FailureOr<SmallVector<int64_t>> broadcastOperands(LibTyping &t, ArrayRef<Type> types) {
  SmallVector<int64_t> shape;
  for (Type type : types) {
    auto next = broadcastShapes(shape, shapeOf(type));
    if (failed(next))
      return t.error() << "shapes cannot be broadcast: " << withArticle(types[0]) << " and "
                       << withArticle(type);
    shape = *next;
  }
  return shape;
}

static FailureOr<Type> xAndY(LibTyping &t, Type &x, Type &y) {
  if (failed(t.tensor("x")))
    return failure();
  x = t.typeOf("x");
  y = t.typeOf("y");
  if (!isa<RankedTensorType>(y) && !isPythonScalar(y))
    return t.error() << "expects a tensor or a number for 'y', got " << withArticle(y);
  return Type();
}

/// add, subtract, ...: the Python operators' rules.
FailureOr<Type> inferArithmetic(LibTyping &t) {
  Type x, y;
  if (failed(xAndY(t, x, y)))
    return failure();
  std::string error;
  auto sig = binarySignature(*arithmeticKind(t.fn.op), x, y, error);
  if (failed(sig))
    return t.error() << error;
  return sig->result;
}

/// x and y broadcast, with the element type `elementOf(x, y)`.
static FailureOr<Type> broadcastXY(LibTyping &t, function_ref<Type(Type, Type)> elementOf) {
  Type x, y;
  if (failed(xAndY(t, x, y)))
    return failure();
  auto shape = broadcastOperands(t, {x, y});
  if (failed(shape))
    return failure();
  return Type(RankedTensorType::get(*shape, elementOf(x, y)));
}

/// maximum, minimum: the promoted dtype (bools stay bools).
FailureOr<Type> inferExtremum(LibTyping &t) {
  return broadcastXY(t, promoteOperands);
}

/// atan2: float results (float64 for integer inputs, as Paddle).
FailureOr<Type> inferFloatBinary(LibTyping &t) {
  auto x = t.tensor("x"), y = t.tensor("y");
  if (failed(x) || failed(y))
    return failure();
  auto shape = broadcastOperands(t, {*x, *y});
  if (failed(shape))
    return failure();
  Type elem = promoteOperands(*x, *y);
  return Type(RankedTensorType::get(
      *shape, isa<FloatType>(elem) ? elem : Float64Type::get(t.getContext())));
}

FailureOr<Type> inferComparison(LibTyping &t) {
  Type x, y;
  if (failed(xAndY(t, x, y)))
    return failure();
  std::string error;
  auto sig = compareSignature(*comparisonKind(t.fn.op), x, y, error);
  if (failed(sig))
    return t.error() << error;
  return sig->result;
}

/// logical_and/or/xor: bool results of any operands (non-zero is true).
FailureOr<Type> inferLogical(LibTyping &t) {
  return broadcastXY(t, [&](Type, Type) { return i1(t); });
}

/// bitwise_and/or/xor: integer or bool tensors of one dtype.
FailureOr<Type> inferBitwise(LibTyping &t) {
  auto x = t.tensor("x"), y = t.tensor("y");
  if (failed(x) || failed(y))
    return failure();
  if (!isa<IntegerType>(x->getElementType()) || x->getElementType() != y->getElementType())
    return t.error() << "needs integer or bool tensors of one dtype, got " << withArticle(*x)
                     << " and " << withArticle(*y);
  auto shape = broadcastOperands(t, {*x, *y});
  if (failed(shape))
    return failure();
  return Type(RankedTensorType::get(*shape, x->getElementType()));
}

/// bitwise_left_shift/right_shift: integer tensors of one dtype.
FailureOr<Type> inferShift(LibTyping &t) {
  auto x = t.tensor("x"), y = t.tensor("y");
  if (failed(x) || failed(y) || failed(t.flag("is_arithmetic")))
    return failure();
  Type elem = x->getElementType();
  if (!isa<IntegerType>(elem) || elem.isInteger(1) || elem != y->getElementType())
    return t.error() << "needs integer tensors of one dtype, got " << withArticle(*x) << " and "
                     << withArticle(*y);
  auto shape = broadcastOperands(t, {*x, *y});
  if (failed(shape))
    return failure();
  return Type(RankedTensorType::get(*shape, elem));
}

/// where(condition, x, y): a bool condition; x and y promote.
FailureOr<Type> inferSelect(LibTyping &t) {
  auto c = t.tensor("condition");
  if (failed(c))
    return failure();
  if (!c->getElementType().isInteger(1))
    return t.error() << "the condition must be a bool tensor";
  Type x = t.typeOf("x"), y = t.typeOf("y");
  if (!x || !y)
    return t.error() << "needs both 'x' and 'y' in compiled code";
  for (Type v : {x, y})
    if (!isa<RankedTensorType>(v) && !isPythonScalar(v))
      return t.error() << "expects tensors or numbers, got " << withArticle(v);
  auto shape = broadcastOperands(t, {*c, x, y});
  if (failed(shape))
    return failure();
  return Type(RankedTensorType::get(*shape, promoteOperands(x, y)));
}

/// complex(real, imag): float parts of one dtype, broadcast.
FailureOr<Type> inferMakeComplex(LibTyping &t) {
  auto re = t.tensor("real"), im = t.tensor("imag");
  if (failed(re) || failed(im))
    return failure();
  if (!isa<FloatType>(re->getElementType()) || re->getElementType() != im->getElementType())
    return t.error() << "takes real and imag parts of one float dtype, got " << withArticle(*re)
                     << " and " << withArticle(*im);
  auto shape = broadcastOperands(t, {*re, *im});
  if (failed(shape))
    return failure();
  return Type(RankedTensorType::get(*shape, ComplexType::get(re->getElementType())));
}

/// real(x), imag(x): the float parts of a complex tensor.
FailureOr<Type> inferComplexPart(LibTyping &t) {
  auto x = t.tensor("x");
  if (failed(x))
    return failure();
  auto complex = dyn_cast<ComplexType>(x->getElementType());
  if (!complex)
    return t.error() << "takes a complex tensor, got " << withArticle(*x);
  return Type(x->clone(complex.getElementType()));
}

/// fft_c2c(x, forward): a complex tensor of at least one axis, transformed
/// along its last.
FailureOr<Type> inferFourierTransform(LibTyping &t) {
  auto x = t.tensor("x");
  auto forward = t.flag("forward");
  if (failed(x) || failed(forward))
    return failure();
  if (!isa<ComplexType>(x->getElementType()) || x->getRank() == 0)
    return t.error() << "takes a complex tensor of at least one axis, got " << withArticle(*x);
  t.statics.set("forward", BoolAttr::get(t.getContext(), *forward));
  return Type(*x);
}

FailureOr<Type> inferCast(LibTyping &t) {
  auto x = t.tensor("x");
  auto dtype = t.dtype("dtype", Type());
  if (failed(x) || failed(dtype))
    return failure();
  if (!*dtype)
    return t.error() << "missing argument 'dtype'";
  return Type(x->clone(*dtype));
}

/// matmul: numpy's rules (batch dimensions broadcast, 1-d operands are
/// vectors); transpose_x/y swap the last two dimensions of a >= 2-d operand.
FailureOr<Type> inferMatmul(LibTyping &t) {
  auto x = t.tensor("x"), y = t.tensor("y");
  auto tx = t.flag("transpose_x"), ty = t.flag("transpose_y");
  if (failed(x) || failed(y) || failed(tx) || failed(ty))
    return failure();
  auto swapped = [](RankedTensorType v, bool flip) {
    SmallVector<int64_t> shape(v.getShape());
    if (flip && shape.size() >= 2)
      std::swap(shape[shape.size() - 1], shape[shape.size() - 2]);
    return shape;
  };
  std::string error;
  auto shape = matmulShape(swapped(*x, *tx), swapped(*y, *ty), error);
  if (failed(shape))
    return t.error() << error;
  Type elem = promoteOperands(*x, *y);
  if (elem.isInteger(1))
    elem = i64(t);
  return Type(RankedTensorType::get(*shape, elem));
}

/// The reduced axes of a reduction (all when `axis` is None), stored back
/// normalized as a list.
static FailureOr<llvm::SmallBitVector> reducedAxes(LibTyping &t, StringRef param, int64_t rank) {
  auto axes = t.integers(param);
  if (failed(axes))
    return failure();
  llvm::SmallBitVector reduced(rank, !*axes || (*axes)->empty());
  if (*axes)
    for (int64_t a : **axes) {
      if (a < -rank || a >= rank || (rank == 0 && a != 0 && a != -1))
        return t.error() << "axis " << a << " is out of range for a " << rank << "-d tensor";
      if (rank)
        reduced.set(a < 0 ? a + rank : a);
    }
  SmallVector<int64_t> normalized;
  for (int64_t d = 0; d < rank; ++d)
    if (reduced.test(d))
      normalized.push_back(d);
  t.statics.set(param, Builder(t.getContext()).getI64ArrayAttr(normalized));
  return reduced;
}

static SmallVector<int64_t> reducedShape(RankedTensorType x, const llvm::SmallBitVector &reduced,
                                         bool keepdim) {
  SmallVector<int64_t> shape;
  for (int64_t d = 0; d < x.getRank(); ++d)
    if (!reduced.test(d))
      shape.push_back(x.getDimSize(d));
    else if (keepdim)
      shape.push_back(1);
  return shape;
}

/// sum, mean, max, min, prod, all, any.
FailureOr<Type> inferReduction(LibTyping &t) {
  auto x = t.tensor("x");
  auto keepdim = t.flag("keepdim");
  if (failed(x) || failed(keepdim))
    return failure();
  auto reduced = reducedAxes(t, "axis", x->getRank());
  if (failed(reduced))
    return failure();
  t.statics.set("keepdim", BoolAttr::get(t.getContext(), *keepdim));
  Type elem = x->getElementType();
  LibOp op = t.fn.op;
  // Paddle: sum of bool/int32 is int64, prod keeps int32.
  if ((op == LibOp::sum && elem.isInteger(32)) ||
      ((op == LibOp::sum || op == LibOp::prod) && elem.isInteger(1)))
    elem = i64(t);
  if (t.fn.param("dtype")) {
    auto dtype = t.dtype("dtype", elem);
    if (failed(dtype))
      return failure();
    elem = *dtype;
  }
  if (op == LibOp::mean && !isa<FloatType, ComplexType>(elem))
    return t.error() << "needs a float tensor; cast it first";
  if ((op == LibOp::max || op == LibOp::min) && elem.isInteger(1))
    return t.error() << "of a bool tensor is not supported";
  if (op == LibOp::all || op == LibOp::any)
    elem = i1(t);
  return Type(RankedTensorType::get(reducedShape(*x, *reduced, *keepdim), elem));
}

/// argmax, argmin: one axis, or the flattened tensor when `axis` is None.
FailureOr<Type> inferArgReduction(LibTyping &t) {
  auto x = t.tensor("x");
  auto keepdim = t.flag("keepdim");
  auto dtype = t.dtype("dtype", i64(t));
  if (failed(x) || failed(keepdim) || failed(dtype))
    return failure();
  if (!(*dtype).isInteger(64) && !(*dtype).isInteger(32))
    return t.error() << "dtype must be int32 or int64";
  if (x->getElementType().isInteger(1))
    return t.error() << "of a bool tensor is not supported";
  // An empty reduced axis is eager's ValueError, raised by the lowering at run time.
  if (x->getRank() == 0)
    return t.error() << "needs a tensor of rank >= 1";
  t.statics.set("keepdim", BoolAttr::get(t.getContext(), *keepdim));
  if (!t.statics.get("axis"))
    return Type(RankedTensorType::get(
        *keepdim ? SmallVector<int64_t>(x->getRank(), 1) : SmallVector<int64_t>(), *dtype));
  auto axis = t.axis("axis", x->getRank(), 0);
  if (failed(axis))
    return failure();
  llvm::SmallBitVector reduced(x->getRank());
  reduced.set(*axis);
  return Type(RankedTensorType::get(reducedShape(*x, reduced, *keepdim), *dtype));
}

/// `text` (spaces removed) with each operand's '...' written out as the
/// last of `count` letters no operand names, and the output's as all of them
/// (an implicit output: them, then the letters used once, sorted).
static FailureOr<std::string> expandEllipsis(std::string text, ArrayRef<int64_t> ranks,
                                             std::string &letters) {
  auto [inputs, output] = StringRef(text).split("->");
  bool explicitOutput = StringRef(text).contains("->");
  SmallVector<StringRef> parts;
  inputs.split(parts, ',');
  if (parts.size() != ranks.size())
    return failure();
  int64_t count = 0;
  SmallVector<int64_t> spans;
  for (auto [part, rank] : llvm::zip(parts, ranks)) {
    bool has = part.contains("...");
    int64_t span = has ? rank - static_cast<int64_t>(part.size() - 3) : 0;
    if (span < 0)
      return failure();
    spans.push_back(span);
    count = std::max(count, span);
  }
  for (char c = 'A'; static_cast<int64_t>(letters.size()) < count && c <= 'z'; ++c)
    if (llvm::isAlpha(c) && !StringRef(text).contains(c))
      letters.push_back(c);
  if (static_cast<int64_t>(letters.size()) < count)
    return failure();
  std::string expanded;
  std::map<char, int> uses;
  for (auto [i, part] : llvm::enumerate(parts)) {
    std::string written = part.str();
    if (size_t at = written.find("..."); at != std::string::npos)
      written.replace(at, 3, letters.substr(count - spans[i]));
    for (char c : written)
      ++uses[c];
    expanded += (i ? "," : "") + written;
  }
  std::string out;
  if (explicitOutput) {
    // Dimensions of '...' an output leaves out: NumPy's and Paddle's error.
    out = output.str();
    size_t at = out.find("...");
    if (at == std::string::npos && count > 0)
      return failure();
    if (at != std::string::npos)
      out.replace(at, 3, letters);
  } else {
    out = letters;
    for (auto [c, n] : uses)
      if (n == 1 && !StringRef(letters).contains(c))
        out.push_back(c);
  }
  return expanded + "->" + out;
}

FailureOr<EinsumLetters> parseEinsum(StringRef equation, ArrayRef<int64_t> ranks) {
  std::string text;
  for (char c : equation)
    if (c != ' ')
      text.push_back(c);
  EinsumLetters parsed;
  if (StringRef(text).contains("...")) {
    FailureOr<std::string> expanded = expandEllipsis(text, ranks, parsed.broadcast);
    if (failed(expanded))
      return failure();
    text = *expanded;
  }
  auto [inputs, output] = StringRef(text).split("->");
  bool explicitOutput = StringRef(text).contains("->");
  SmallVector<StringRef> parts;
  inputs.split(parts, ',');
  std::map<char, int> uses;
  for (StringRef p : parts) {
    for (char c : p)
      if (!llvm::isAlpha(c))
        return failure();
    parsed.operands.push_back(p.str());
    for (char c : p)
      ++uses[c];
  }
  if (explicitOutput) {
    for (char c : output)
      if (!uses.count(c) || StringRef(parsed.output).contains(c))
        return failure();
    parsed.output = output.str();
  } else {
    for (auto [c, n] : uses)
      if (n == 1)
        parsed.output.push_back(c);
  }
  return parsed;
}

/// einsum: the output's sizes from the operands' (a size 1 of a letter of
/// '...' broadcasts); the promoted dtype.
FailureOr<Type> inferEinsum(LibTyping &t) {
  auto equation = dyn_cast_or_null<StringAttr>(t.statics.get("equation"));
  if (!equation)
    return t.error() << "the equation must be a string known at compile time";
  SmallVector<Value> operands = t.operands.lookup("operands");
  SmallVector<int64_t> ranks;
  for (Value v : operands) {
    auto tensor = dyn_cast<RankedTensorType>(v.getType());
    ranks.push_back(tensor ? tensor.getRank() : 0);
  }
  auto parsed = parseEinsum(equation.getValue(), ranks);
  if (failed(parsed))
    return t.error() << "cannot read the equation '" << equation.getValue()
                     << "' for its operands (letters, commas, '...' and '->')";
  if (operands.size() != parsed->operands.size())
    return t.error() << "the equation names " << parsed->operands.size() << " operands, "
                     << operands.size() << " given";
  std::map<char, int64_t> sizes;
  Type elem;
  for (auto [value, letters] : llvm::zip(operands, parsed->operands)) {
    auto tensor = dyn_cast<RankedTensorType>(value.getType());
    if (!tensor || tensor.getRank() != static_cast<int64_t>(letters.size()))
      return t.error() << "operand '" << letters << "' does not match " << withArticle(value.getType());
    elem = elem ? promoteOperands(RankedTensorType::get({}, elem), tensor) : tensor.getElementType();
    for (auto [c, size] : llvm::zip(letters, tensor.getShape())) {
      bool broadcasts = StringRef(parsed->broadcast).contains(c);
      auto it = sizes.find(c);
      if (it == sizes.end()) {
        sizes[c] = size;
      } else if (broadcasts && size == 1) {
        continue;
      } else if (ShapedType::isDynamic(it->second) || (broadcasts && it->second == 1)) {
        sizes[c] = size;
      } else if (!ShapedType::isDynamic(size) && size != it->second) {
        return t.error() << "the sizes of '" << c << "' differ: " << it->second << " and " << size;
      }
    }
  }
  if (elem.isInteger(1))
    return t.error() << "of bool tensors is not supported";
  SmallVector<int64_t> shape;
  for (char c : parsed->output)
    shape.push_back(sizes[c]);
  return Type(RankedTensorType::get(shape, elem));
}

/// cumsum, cumprod: along one axis, or over the flattened tensor (1-d result);
/// cumsum of bool/int32 is int64, cumprod keeps int32 (as Paddle).
FailureOr<Type> inferScan(LibTyping &t) {
  auto x = t.tensor("x");
  if (failed(x))
    return failure();
  StringRef axisParam = t.fn.params[1].name;
  Type elem = x->getElementType();
  if (elem.isInteger(1) || (elem.isInteger(32) && t.fn.op == LibOp::cumsum))
    elem = i64(t);
  auto dtype = t.dtype("dtype", elem);
  if (failed(dtype))
    return failure();
  if (!t.statics.get(axisParam)) {
    int64_t n = x->hasStaticShape() ? x->getNumElements() : ShapedType::kDynamic;
    return Type(RankedTensorType::get({n}, *dtype));
  }
  if (failed(t.axis(axisParam, x->getRank(), 0)))
    return failure();
  if (x->getRank() == 0)
    return Type(RankedTensorType::get({1}, *dtype));
  return Type(x->clone(*dtype));
}

/// argsort: int64 positions of x's shape; a 0-d x sorts as one element.
FailureOr<Type> inferSort(LibTyping &t) {
  auto x = t.tensor("x");
  if (failed(x) || failed(t.flag("descending")) || failed(t.flag("stable")))
    return failure();
  if (x->getElementType().isInteger(1))
    return t.error() << "of a bool tensor is not supported";
  if (failed(t.axis("axis", x->getRank(), -1)))
    return failure();
  return Type(x->clone(i64(t)));
}

} // namespace mlir::pydy
