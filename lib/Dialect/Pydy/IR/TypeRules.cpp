#include "Dy2St/Dialect/Pydy/TypeRules.h"
#include "Dy2St/Dialect/TensorArray/TensorArrayDialect.h"
#include "Dy2St/Support/DType.h"

using namespace mlir;
using namespace mlir::pydy;

Type mlir::pydy::elementTypeFromSpelling(MLIRContext *ctx, StringRef name) {
  std::optional<dy2st::DType> dtype = dy2st::dtypeFromSpelling(name);
  return dtype ? dy2st::elementOfDtype(ctx, *dtype) : Type();
}

StringRef mlir::pydy::elementTypeName(Type t) {
  std::optional<dy2st::DType> dtype = dy2st::dtypeOfElement(t);
  return dtype ? dy2st::dtypeName(*dtype) : "";
}

std::optional<bool> mlir::pydy::literalTruthiness(Attribute attr) {
  if (auto i = dyn_cast_or_null<IntegerAttr>(attr))
    return !i.getValue().isZero();
  if (auto f = dyn_cast_or_null<FloatAttr>(attr))
    return !f.getValue().isZero();
  if (isa_and_nonnull<UnitAttr>(attr))
    return false;
  if (auto s = dyn_cast_or_null<StringAttr>(attr))
    return !s.getValue().empty();
  if (auto a = dyn_cast_or_null<ArrayAttr>(attr))
    return !a.empty();
  return std::nullopt;
}

Type mlir::pydy::elementTypeOf(Type type) {
  if (auto tensor = dyn_cast<RankedTensorType>(type))
    return tensor.getElementType();
  return type;
}

ArrayRef<int64_t> mlir::pydy::shapeOf(Type type) {
  if (auto tensor = dyn_cast<RankedTensorType>(type))
    return tensor.getShape();
  return {};
}

FailureOr<SmallVector<int64_t>> mlir::pydy::broadcastShapes(ArrayRef<int64_t> a,
                                                           ArrayRef<int64_t> b) {
  size_t rank = std::max(a.size(), b.size());
  SmallVector<int64_t> result(rank);
  for (size_t i = 0; i < rank; ++i) {
    int64_t x = i < rank - a.size() ? 1 : a[i - (rank - a.size())];
    int64_t y = i < rank - b.size() ? 1 : b[i - (rank - b.size())];
    if (x == 1)
      result[i] = y;
    else if (y == 1)
      result[i] = x;
    else if (ShapedType::isDynamic(x))
      result[i] = y;
    else if (ShapedType::isDynamic(y) || x == y)
      result[i] = x;
    else
      return failure();
  }
  return result;
}

/// Rank of tensor element types in promotion: bool < ints by width < floats
/// by width < complex by width.
static int promotionRank(Type t) {
  if (t.isInteger(1))
    return 0;
  if (auto i = dyn_cast<IntegerType>(t))
    return 1 + i.getWidth() / 8;
  if (auto f = dyn_cast<FloatType>(t))
    return 100 + f.getWidth();
  if (auto c = dyn_cast<ComplexType>(t))
    return 200 + 2 * c.getElementType().getIntOrFloatBitWidth();
  return -1;
}

/// The wider of two tensors' element types; a complex one with float64
/// takes float64's precision (Paddle's complex64 + float64 is complex128).
static Type widerElement(Type le, Type re) {
  Type wider = promotionRank(le) >= promotionRank(re) ? le : re;
  if (isa<ComplexType>(wider) && (le.isF64() || re.isF64()))
    return ComplexType::get(Float64Type::get(le.getContext()));
  return wider;
}

Type mlir::pydy::promoteOperands(Type lhs, Type rhs) {
  MLIRContext *ctx = lhs.getContext();
  Builder b(ctx);
  bool lt = isa<RankedTensorType>(lhs), rt = isa<RankedTensorType>(rhs);
  Type le = elementTypeOf(lhs), re = elementTypeOf(rhs);
  if (!lt && !rt)
    return promotionRank(le) >= promotionRank(re) ? le : re;
  if (lt && rt)
    return widerElement(le, re);
  Type tensorElem = lt ? le : re, scalar = lt ? re : le;
  if (scalar.isF64() && !isa<FloatType, ComplexType>(tensorElem))
    return b.getF32Type();
  if (scalar.isInteger(64) && tensorElem.isInteger(1))
    return b.getI64Type();
  return tensorElem;
}

static bool isOperand(Type t) {
  if (auto tensor = dyn_cast<RankedTensorType>(t))
    return promotionRank(tensor.getElementType()) >= 0;
  return isPythonScalar(t);
}

static Type withShape(Type lhs, Type rhs, ArrayRef<int64_t> shape, Type elem) {
  if (!isa<RankedTensorType>(lhs) && !isa<RankedTensorType>(rhs))
    return elem;
  return RankedTensorType::get(shape, elem);
}

static std::string describePair(StringRef op, Type lhs, Type rhs) {
  return "unsupported operand types for " + op.str() + ": " + describeType(lhs) +
         " and " + describeType(rhs);
}

static StringRef binarySymbol(BinaryKind kind) {
  switch (kind) {
  case BinaryKind::add: return "'+'";
  case BinaryKind::sub: return "'-'";
  case BinaryKind::mul: return "'*'";
  case BinaryKind::div: return "'/'";
  case BinaryKind::floordiv: return "'//'";
  case BinaryKind::mod: return "'%'";
  case BinaryKind::pow: return "'**'";
  case BinaryKind::matmul: return "'@'";
  case BinaryKind::BitAnd: return "'&'";
  case BinaryKind::BitOr: return "'|'";
  case BinaryKind::BitXor: return "'^'";
  case BinaryKind::lshift: return "'<<'";
  case BinaryKind::rshift: return "'>>'";
  }
  return "?";
}

static StringRef compareSymbol(CompareKind kind) {
  switch (kind) {
  case CompareKind::lt: return "'<'";
  case CompareKind::le: return "'<='";
  case CompareKind::gt: return "'>'";
  case CompareKind::ge: return "'>='";
  case CompareKind::eq: return "'=='";
  case CompareKind::ne: return "'!='";
  case CompareKind::is: return "'is'";
  case CompareKind::is_not: return "'is not'";
  case CompareKind::in: return "'in'";
  case CompareKind::not_in: return "'not in'";
  }
  return "?";
}

FailureOr<SmallVector<int64_t>> mlir::pydy::matmulShape(ArrayRef<int64_t> x,
                                                       ArrayRef<int64_t> y,
                                                       std::string &error) {
  auto describe = [](ArrayRef<int64_t> s) {
    std::string text = "[";
    for (auto [i, d] : llvm::enumerate(s))
      text += (i ? ", " : "") + (ShapedType::isDynamic(d) ? std::string("?") : std::to_string(d));
    return text + "]";
  };
  if (x.empty() || y.empty()) {
    error = "matmul of a 0-d tensor";
    return failure();
  }
  int64_t k1 = x.back(), k2 = y.size() == 1 ? y[0] : y[y.size() - 2];
  if (!ShapedType::isDynamic(k1) && !ShapedType::isDynamic(k2) && k1 != k2) {
    error = "matmul of shapes " + describe(x) + " and " + describe(y) +
            ": the inner dimensions differ";
    return failure();
  }
  ArrayRef<int64_t> xb = x.size() > 2 ? x.drop_back(2) : ArrayRef<int64_t>();
  ArrayRef<int64_t> yb = y.size() > 2 ? y.drop_back(2) : ArrayRef<int64_t>();
  auto batch = broadcastShapes(xb, yb);
  if (failed(batch)) {
    error = "matmul of shapes " + describe(x) + " and " + describe(y) +
            ": the batch dimensions cannot be broadcast";
    return failure();
  }
  SmallVector<int64_t> shape(*batch);
  if (x.size() >= 2)
    shape.push_back(x[x.size() - 2]);
  if (y.size() >= 2)
    shape.push_back(y.back());
  return shape;
}

bool mlir::pydy::isBitwise(BinaryKind kind) {
  return kind == BinaryKind::BitAnd || kind == BinaryKind::BitOr || kind == BinaryKind::BitXor ||
         kind == BinaryKind::lshift || kind == BinaryKind::rshift;
}

/// The element type &, |, ^, <<, >> compute in: integers (and, for the first
/// three, bools) only. Of a tensor and a number, Paddle's operators convert
/// the number to the tensor's dtype, and take it on the left only for the
/// first three (`1 & x`; `x & 1` is its error), on either side for the
/// shifts; shifts of Python bools are Python's of ints.
static FailureOr<Type> bitwiseCompute(BinaryKind kind, Type lhs, Type rhs, Type compute,
                                      std::string &error) {
  Builder b(lhs.getContext());
  bool shift = kind == BinaryKind::lshift || kind == BinaryKind::rshift;
  auto lt = dyn_cast<RankedTensorType>(lhs), rt = dyn_cast<RankedTensorType>(rhs);
  if (!isa<IntegerType>(compute) || isa<FloatType>(elementTypeOf(lhs)) ||
      isa<FloatType>(elementTypeOf(rhs))) {
    error = describePair(binarySymbol(kind), lhs, rhs);
    return failure();
  }
  if (!shift && lt && !rt) {
    error = describePair(binarySymbol(kind), lhs, rhs) +
            " (Paddle's bitwise operators take a Python number on the left only)";
    return failure();
  }
  if (lt && !rt)
    compute = lt.getElementType();
  if (rt && !lt)
    compute = rt.getElementType();
  if (shift && compute.isInteger(1)) {
    if (lt || rt) {
      error = describePair(binarySymbol(kind), lhs, rhs) + " (shifts of bool tensors)";
      return failure();
    }
    return Type(b.getI64Type());
  }
  return compute;
}

FailureOr<ElementwiseSignature> mlir::pydy::binarySignature(BinaryKind kind, Type lhs,
                                                            Type rhs, std::string &error) {
  Builder b(lhs.getContext());
  if (!isOperand(lhs) || !isOperand(rhs)) {
    error = describePair(binarySymbol(kind), lhs, rhs);
    return failure();
  }
  Type compute = promoteOperands(lhs, rhs);
  bool anyTensor = isa<RankedTensorType>(lhs) || isa<RankedTensorType>(rhs);
  if (isBitwise(kind)) {
    auto bits = bitwiseCompute(kind, lhs, rhs, compute, error);
    if (failed(bits))
      return failure();
    compute = *bits;
  }
  // Arithmetic on bools is arithmetic on ints, as in Python.
  if (compute.isInteger(1) && !isBitwise(kind))
    compute = b.getI64Type();
  if (kind == BinaryKind::div && !isa<FloatType, ComplexType>(compute))
    compute = anyTensor ? Type(b.getF32Type()) : Type(b.getF64Type());
  if (isa<ComplexType>(compute) && (kind == BinaryKind::floordiv || kind == BinaryKind::mod)) {
    error = describePair(binarySymbol(kind), lhs, rhs) + " (complex numbers)";
    return failure();
  }
  if (kind == BinaryKind::matmul) {
    auto l = dyn_cast<RankedTensorType>(lhs), r = dyn_cast<RankedTensorType>(rhs);
    if (!l || !r) {
      error = "'@' (matmul) needs two tensors; got " + describeType(lhs) + " and " +
              describeType(rhs);
      return failure();
    }
    auto shape = matmulShape(l.getShape(), r.getShape(), error);
    if (failed(shape))
      return failure();
    return ElementwiseSignature{compute, RankedTensorType::get(*shape, compute)};
  }
  auto shape = broadcastShapes(shapeOf(lhs), shapeOf(rhs));
  if (failed(shape)) {
    error = "operands of " + binarySymbol(kind).str() + " cannot be broadcast: " +
            describeType(lhs) + " and " + describeType(rhs);
    return failure();
  }
  return ElementwiseSignature{compute, withShape(lhs, rhs, *shape, compute)};
}

FailureOr<ElementwiseSignature> mlir::pydy::compareSignature(CompareKind kind, Type lhs,
                                                             Type rhs, std::string &error) {
  Builder b(lhs.getContext());
  if (!isOperand(lhs) || !isOperand(rhs) || kind == CompareKind::in ||
      kind == CompareKind::not_in) {
    error = describePair(compareSymbol(kind), lhs, rhs);
    return failure();
  }
  if (isa<ComplexType>(promoteOperands(lhs, rhs)) && kind != CompareKind::eq &&
      kind != CompareKind::ne) {
    error = describePair(compareSymbol(kind), lhs, rhs) + " (complex numbers are not ordered)";
    return failure();
  }
  auto shape = broadcastShapes(shapeOf(lhs), shapeOf(rhs));
  if (failed(shape)) {
    error = "operands of a comparison cannot be broadcast: " + describeType(lhs) +
            " and " + describeType(rhs);
    return failure();
  }
  return ElementwiseSignature{promoteOperands(lhs, rhs),
                              withShape(lhs, rhs, *shape, b.getI1Type())};
}

static Type joinTensors(Type a, Type b) {
  if (a == b)
    return a;
  auto ta = dyn_cast<RankedTensorType>(a), tb = dyn_cast<RankedTensorType>(b);
  if (!ta || !tb || ta.getElementType() != tb.getElementType() ||
      ta.getRank() != tb.getRank())
    return {};
  SmallVector<int64_t> shape;
  for (auto [x, y] : llvm::zip(ta.getShape(), tb.getShape()))
    shape.push_back(x == y ? x : ShapedType::kDynamic);
  return RankedTensorType::get(shape, ta.getElementType());
}

bool mlir::pydy::isTupleOfValues(Type type) {
  auto tuple = dyn_cast<TupleType>(type);
  return tuple && llvm::all_of(tuple.getTypes(), [](Type t) {
           return isa<RankedTensorType>(t) || isPythonScalar(t);
         });
}

bool mlir::pydy::isNestedValues(Type type) {
  if (!isa<TupleType, ListType>(type))
    return false;
  return llvm::all_of(*sequenceElementTypes(type), [](Type t) {
    return isa<RankedTensorType>(t) || isPythonScalar(t) || isNestedValues(t);
  });
}

/// Items of one tensor array: tensors of one dtype and rank, or Python
/// numbers of one kind (an int read back as a float would print otherwise).
static Type joinItems(Type a, Type b) {
  if (isPythonScalar(a) || isPythonScalar(b))
    return a == b ? a : Type();
  return joinTensors(a, b);
}

Type mlir::pydy::arrayItemType(Type type) {
  if (auto array = dyn_cast<tensor_array::ArrayType>(type))
    return array.getElementType();
  auto list = dyn_cast<ListType>(type);
  if (!list || list.getElementTypes().empty())
    return {};
  Type item = list.getElementTypes().front();
  for (Type t : list.getElementTypes().drop_front())
    if (!(item = joinItems(item, t)))
      return {};
  return isa<RankedTensorType>(item) || isPythonScalar(item) ? item : Type();
}

Type mlir::pydy::widenedArrayItem(Type item, Type added) {
  if (isPythonScalar(item) || isPythonScalar(added))
    return item == added ? item : Type();
  Type joined = joinTypes(item, added);
  return isa_and_nonnull<RankedTensorType>(joined) ? joined : Type();
}

/// Whether `t` is a tensor of one element (of static shape).
static bool isOneElement(RankedTensorType t) {
  return t && t.hasStaticShape() && t.getNumElements() == 1;
}

/// Python numbers of different kinds join to the wider (bool < int < float);
/// tensors of one rank and different dtypes to the promoted dtype; a number
/// (or a 0-d tensor) and a tensor of one element to that tensor (its dtype
/// promoted as `tensor + number` would be): the value a loop variable holds
/// after an iteration that makes it a tensor. Only one element: filling a
/// number into a larger shape would change what a reduction of it gives.
static Type joinNumbers(Type a, Type b) {
  if (isPythonScalar(a) && isPythonScalar(b))
    return promoteOperands(a, b);
  auto ta = dyn_cast<RankedTensorType>(a), tb = dyn_cast<RankedTensorType>(b);
  if (ta && tb && ta.getRank() != tb.getRank()) {
    RankedTensorType scalar = ta.getRank() == 0 ? ta : tb, shaped = ta.getRank() == 0 ? tb : ta;
    if (scalar.getRank() != 0 || !isOneElement(shaped))
      return {};
    return shaped.clone(promoteOperands(a, b));
  }
  if (ta && tb) {
    Type elem = promoteOperands(a, b);
    return joinTensors(ta.clone(elem), tb.clone(elem));
  }
  RankedTensorType tensor = ta ? ta : tb;
  Type number = ta ? b : a;
  if (!isOneElement(tensor) || !isPythonScalar(number))
    return {};
  return tensor.clone(promoteOperands(tensor, number));
}

bool mlir::pydy::isEmptyDict(Type type) {
  auto dict = dyn_cast<DictType>(type);
  return dict && dict.getKeys().empty();
}

RuntimeDictType mlir::pydy::runtimeDictHolding(Type dict, Type added) {
  MLIRContext *ctx = dict.getContext();
  Type item = added;
  auto join = [&](Type t) {
    item = item ? widenedArrayItem(item, t) : t;
    return item != nullptr;
  };
  if (auto runtime = dyn_cast<RuntimeDictType>(dict)) {
    if (!join(runtime.getValueType()))
      return {};
  } else if (auto known = dyn_cast<DictType>(dict)) {
    if (!llvm::all_of(known.getKeys(), llvm::IsaPred<IntegerAttr>))
      return {};
    for (Type t : known.getValueTypes())
      if (!join(t))
        return {};
  } else {
    return {};
  }
  if (!item || (!isa<RankedTensorType>(item) && !isPythonScalar(item)))
    return {};
  return RuntimeDictType::get(ctx, IntegerType::get(ctx, 64), item);
}

Type mlir::pydy::joinTypes(Type a, Type b) {
  if (a == b)
    return a;
  if (isa<ObjectType>(a))
    return b;
  if (isa<ObjectType>(b))
    return a;
  // None and a tensor or number: an optional value, decided at run time.
  auto oa = dyn_cast<OptionalType>(a), ob = dyn_cast<OptionalType>(b);
  if (oa || ob || isa<PyNoneType>(a) || isa<PyNoneType>(b)) {
    Type va = oa ? oa.getValue() : a, vb = ob ? ob.getValue() : b;
    Type value = isa<PyNoneType>(va) ? vb : isa<PyNoneType>(vb) ? va : joinTypes(va, vb);
    if (!value || !(isa<RankedTensorType>(value) || isPythonScalar(value)))
      return {};
    return OptionalType::get(a.getContext(), value);
  }
  // Containers of one shape join element by element.
  auto joinAll = [](ArrayRef<Type> xs, ArrayRef<Type> ys) -> std::optional<SmallVector<Type>> {
    if (xs.size() != ys.size())
      return std::nullopt;
    SmallVector<Type> joined;
    for (auto [x, y] : llvm::zip(xs, ys)) {
      joined.push_back(joinTypes(x, y));
      if (!joined.back())
        return std::nullopt;
    }
    return joined;
  };
  if (auto da = dyn_cast<DictType>(a), db = dyn_cast<DictType>(b);
      da && db && da.getKeys() == db.getKeys()) {
    auto values = joinAll(da.getValueTypes(), db.getValueTypes());
    return values ? DictType::get(a.getContext(), da.getKeys(), *values) : Type();
  }
  // Dicts of int keys with different keys: keys known only at run time.
  if (isa<DictType, RuntimeDictType>(a) && isa<DictType, RuntimeDictType>(b)) {
    RuntimeDictType ra = runtimeDictHolding(a, {}), rb = runtimeDictHolding(b, {});
    if (ra && rb)
      return runtimeDictHolding(ra, rb.getValueType());
    if (ra && isEmptyDict(b))
      return ra;
    if (rb && isEmptyDict(a))
      return rb;
    return {};
  }
  if (auto na = dyn_cast<NamedTupleType>(a), nb = dyn_cast<NamedTupleType>(b);
      na && nb && na.getClassKey() == nb.getClassKey() && na.getFields() == nb.getFields()) {
    auto elements = joinAll(na.getElementTypes(), nb.getElementTypes());
    return elements ? Type(na.withElementTypes(*elements)) : Type();
  }
  if (auto ta = dyn_cast<TupleType>(a), tb = dyn_cast<TupleType>(b); ta && tb) {
    auto elements = joinAll(ta.getTypes(), tb.getTypes());
    return elements ? TupleType::get(a.getContext(), *elements) : Type();
  }
  if (isa<ListType, tensor_array::ArrayType>(a) && isa<ListType, tensor_array::ArrayType>(b)) {
    auto la = dyn_cast<ListType>(a), lb = dyn_cast<ListType>(b);
    if (la && lb)
      if (auto elements = joinAll(la.getElementTypes(), lb.getElementTypes()))
        return ListType::get(a.getContext(), *elements);
    // A length that differs is known only at run time: a tensor array.
    Type ia = arrayItemType(a), ib = arrayItemType(b);
    if (la && la.getElementTypes().empty())
      ia = ib;
    if (lb && lb.getElementTypes().empty())
      ib = ia;
    Type item = ia && ib ? joinItems(ia, ib) : Type();
    if (!item)
      return {};
    return tensor_array::ArrayType::get(item);
  }
  if (Type joined = joinTensors(a, b))
    return joined;
  return joinNumbers(a, b);
}

bool mlir::pydy::identityAnsweredElsewhere(Type type) {
  return isa<ObjectType, PyNoneType, OptionalType, StrType>(type);
}

std::optional<bool> mlir::pydy::knownIdentity(Value lhs, Value rhs) {
  if (lhs == rhs)
    return true;
  Type lt = lhs.getType(), rt = rhs.getType();
  if (identityAnsweredElsewhere(lt) || identityAnsweredElsewhere(rt))
    return std::nullopt;
  auto lTensor = dyn_cast<RankedTensorType>(lt), rTensor = dyn_cast<RankedTensorType>(rt);
  if (lTensor && rTensor) {
    if (lTensor.getElementType() != rTensor.getElementType() ||
        lTensor.getRank() != rTensor.getRank())
      return false;
    for (auto [l, r] : llvm::zip(lTensor.getShape(), rTensor.getShape()))
      if (!ShapedType::isDynamic(l) && !ShapedType::isDynamic(r) && l != r)
        return false;
    return std::nullopt;
  }
  if (lt.getTypeID() != rt.getTypeID() || (lt.isIntOrFloat() && lt != rt))
    return false;
  return std::nullopt;
}
