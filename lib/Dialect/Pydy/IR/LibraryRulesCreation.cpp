// Type rules of the creation primitives.
#include "Dy2St/Dialect/Pydy/Library.h"
#include "Dy2St/Dialect/Pydy/PydyDialect.h"
#include "Dy2St/Dialect/Pydy/TypeRules.h"

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Matchers.h"

#include <cmath>
#include <functional>

using namespace mlir;

namespace mlir::pydy {

static constexpr int64_t kDyn = ShapedType::kDynamic;

static SmallVector<int64_t> asShape(ArrayRef<int64_t> ints) {
  return llvm::map_to_vector(ints, [](int64_t v) { return v == kDynamicInt ? kDyn : v; });
}

static LogicalResult checkFillValue(LibTyping &t) {
  if (!t.has("fill_value"))
    return success();
  Type v = t.typeOf("fill_value");
  auto tensor = dyn_cast<RankedTensorType>(v);
  if (isPythonScalar(v) || (tensor && tensor.hasStaticShape() && tensor.getNumElements() == 1))
    return success();
  return t.error() << "fill_value must be a number or a one-element tensor, not "
                   << withArticle(v);
}

/// zeros, ones, full: the default float dtype unless `dtype` says otherwise.
FailureOr<Type> inferFill(LibTyping &t) {
  auto entries = t.ints("shape");
  auto dtype = t.dtype("dtype", t.defaultFloat());
  if (failed(entries) || failed(dtype) || failed(checkFillValue(t)))
    return failure();
  for (int64_t v : *entries)
    if (v != kDynamicInt && v < 0)
      return t.error() << "shape must be a list of non-negative ints";
  return Type(RankedTensorType::get(asShape(*entries), *dtype));
}

/// uniform, gaussian: the default float dtype unless `dtype` says otherwise;
/// their bounds (min/max, mean/std) Python numbers.
FailureOr<Type> inferRandom(LibTyping &t) {
  auto entries = t.ints("shape");
  auto dtype = t.dtype("dtype", t.defaultFloat());
  if (failed(entries) || failed(dtype))
    return failure();
  if (!isa<FloatType>(*dtype))
    return t.error() << "dtype must be float32 or float64";
  for (int64_t v : *entries)
    if (v != kDynamicInt && v < 0)
      return t.error() << "shape must be a list of non-negative ints";
  for (StringRef bound : {"min", "max", "mean", "std"})
    if (Type given = t.typeOf(bound); given && !isPythonScalar(given))
      return t.error() << bound << " must be a number, not " << withArticle(given);
  return Type(RankedTensorType::get(asShape(*entries), *dtype));
}

FailureOr<Type> inferFillLike(LibTyping &t) {
  auto x = t.tensor("x");
  if (failed(x) || failed(checkFillValue(t)))
    return failure();
  auto dtype = t.dtype("dtype", x->getElementType());
  if (failed(dtype))
    return failure();
  return Type(x->clone(*dtype));
}

/// arange: int64 when every bound is an int, else the default float dtype; a static length
/// when every bound is known at compile time (a literal, or a tensor made
/// from one).
FailureOr<Type> inferArange(LibTyping &t) {
  bool allInts = true, allKnown = true;
  double bounds[3] = {0, 0, 1};
  const char *names[3] = {"start", "end", "step"};
  for (int i = 0; i < 3; ++i) {
    if (!t.has(names[i]))
      continue;
    Value v = t.operands.lookup(names[i]).front();
    Type type = v.getType();
    auto tensor = dyn_cast<RankedTensorType>(type);
    Type elem = elementTypeOf(type);
    if (!(isPythonScalar(type) ||
          (tensor && tensor.hasStaticShape() && tensor.getNumElements() == 1)) ||
        elem.isInteger(1))
      return t.error() << "'" << names[i] << "' must be a number or a one-element tensor";
    allInts &= isa<IntegerType>(elem);
    Attribute c;
    if (!tensor && matchPattern(v, m_Constant(&c))) {
      if (auto f = dyn_cast<FloatAttr>(c))
        bounds[i] = f.getValueAsDouble();
      else
        bounds[i] = static_cast<double>(cast<IntegerAttr>(c).getInt());
    } else if (std::optional<double> literal = literalTensorNumber(v)) {
      bounds[i] = *literal; // paddle.arange(0, paddle.shape(x)[2])
    } else {
      allKnown = false;
    }
  }
  Builder b(t.getContext());
  auto dtype = t.dtype("dtype", allInts ? Type(b.getI64Type()) : t.defaultFloat());
  if (failed(dtype))
    return failure();
  if (!t.has("end"))
    std::swap(bounds[0], bounds[1]);
  int64_t length = kDyn;
  if (allKnown) {
    if (bounds[2] == 0)
      return t.error() << "step must not be 0";
    length = std::max<int64_t>(0, static_cast<int64_t>(
                                      std::ceil((bounds[1] - bounds[0]) / bounds[2])));
  }
  return Type(RankedTensorType::get({length}, *dtype));
}

/// to_tensor: Python floats give the default float dtype, ints int64, bools
/// bool, a tensor keeps its dtype; `dtype` overrides.
FailureOr<Type> inferToTensor(LibTyping &t) {
  Builder b(t.getContext());
  SmallVector<int64_t> shape;
  Type elem;
  if (Attribute data = t.statics.get("data")) {
    // Nested lists of numbers: the shape from the nesting, which must be
    // rectangular; the dtype from the most general number.
    int rank = -1;
    bool anyFloat = false, anyInt = false;
    std::function<bool(Attribute, size_t)> walk = [&](Attribute a, size_t depth) {
      if (auto array = dyn_cast<ArrayAttr>(a)) {
        if (shape.size() <= depth)
          shape.push_back(array.size());
        else if (shape[depth] != static_cast<int64_t>(array.size()))
          return false;
        return llvm::all_of(array, [&](Attribute e) { return walk(e, depth + 1); });
      }
      if (rank == -1)
        rank = depth;
      if (rank != static_cast<int>(depth))
        return false;
      if (isa<FloatAttr>(a))
        anyFloat = true;
      else if (auto i = dyn_cast<IntegerAttr>(a); i && i.getType().isInteger(64))
        anyInt = true;
      else if (!isa<IntegerAttr>(a))
        return false;
      return true;
    };
    if (!walk(data, 0) || (rank != -1 && static_cast<int>(shape.size()) != rank))
      return t.error() << "data must be a number or rectangular nested lists of numbers";
    elem = anyFloat ? t.defaultFloat() : anyInt ? Type(b.getI64Type()) : Type(b.getI1Type());
  } else if (t.statics.get("items")) {
    SmallVector<Value> items = t.operands.lookup("data");
    Type widest = items.front().getType();
    for (Value v : items)
      widest = promoteOperands(widest, v.getType());
    shape.push_back(items.size());
    elem = widest.isF64() ? t.defaultFloat() : widest;
  } else if (Type type = t.typeOf("data")) {
    if (auto tensor = dyn_cast<RankedTensorType>(type)) {
      shape.assign(tensor.getShape().begin(), tensor.getShape().end());
      elem = tensor.getElementType();
    } else if (isPythonScalar(type)) {
      elem = type.isF64() ? t.defaultFloat() : type;
    } else {
      return t.error() << "data of " << withArticle(type)
                       << " is not supported in compiled code";
    }
  } else {
    return t.error() << "missing required argument 'data'";
  }
  auto dtype = t.dtype("dtype", elem);
  if (failed(dtype))
    return failure();
  return Type(RankedTensorType::get(shape, *dtype));
}

} // namespace mlir::pydy
