// Type rules of the layout, slicing, padding, gather and scatter primitives.
#include "Dy2St/Dialect/Pydy/Library.h"
#include "Dy2St/Dialect/Pydy/PydyDialect.h"
#include "Dy2St/Dialect/Pydy/TypeRules.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/SmallBitVector.h"


using namespace mlir;

namespace mlir::pydy {

static constexpr int64_t kDyn = ShapedType::kDynamic;

/// reshape to a shape whose entries are known at compile time (Paddle's 0
/// keeps a dimension, one -1 is inferred) or at run time (dynamic).
FailureOr<Type> inferReshape(LibTyping &t) {
  auto x = t.tensor("x");
  auto entries = t.ints("shape");
  if (failed(x) || failed(entries))
    return failure();
  SmallVector<int64_t> shape;
  int inferred = -1;
  int64_t known = 1;
  bool dynamic = !x->hasStaticShape();
  for (auto [i, v] : llvm::enumerate(*entries)) {
    if (v == kDynamicInt) {
      dynamic = true;
      shape.push_back(kDyn);
      continue;
    }
    if (v < -1)
      return t.error() << "shape entries must be ints >= -1";
    if (v == 0) {
      if (static_cast<int64_t>(i) >= x->getRank())
        return t.error() << "0 at position " << i << " has no input dimension to copy";
      v = x->getDimSize(i);
    }
    if (v == -1) {
      if (inferred != -1)
        return t.error() << "at most one -1 in the shape";
      inferred = i;
    } else if (ShapedType::isDynamic(v)) {
      dynamic = true;
    } else {
      known *= v;
    }
    shape.push_back(v);
  }
  if (!dynamic) {
    int64_t total = x->getNumElements();
    if (inferred != -1) {
      if (known == 0 || total % known)
        return t.error() << "cannot infer -1 for " << total << " elements";
      shape[inferred] = total / known;
    } else if (known != total) {
      return t.error() << total << " elements cannot take a shape of " << known;
    }
  } else if (inferred != -1) {
    shape[inferred] = kDyn;
  }
  return Type(RankedTensorType::get(shape, x->getElementType()));
}

/// unsqueeze: size-1 dimensions at `axis` (positions in the result, applied
/// in order, as Paddle does), stored back as the result's positions.
FailureOr<Type> inferUnsqueeze(LibTyping &t) {
  auto x = t.tensor("x");
  auto axes = t.requiredIntegers("axis");
  if (failed(x) || failed(axes))
    return failure();
  SmallVector<int64_t> shape(x->getShape());
  SmallVector<bool> inserted(shape.size(), false);
  for (int64_t a : *axes) {
    int64_t rank = shape.size();
    if (a < -rank - 1 || a > rank)
      return t.error() << "axis " << a << " is out of range for a " << rank << "-d tensor";
    a = a < 0 ? a + rank + 1 : a;
    shape.insert(shape.begin() + a, 1);
    inserted.insert(inserted.begin() + a, true);
  }
  SmallVector<int64_t> positions;
  for (auto [d, isNew] : llvm::enumerate(inserted))
    if (isNew)
      positions.push_back(d);
  t.statics.set("axis", Builder(t.getContext()).getI64ArrayAttr(positions));
  return Type(RankedTensorType::get(shape, x->getElementType()));
}

/// squeeze: removes the size-1 dimensions among `axis` (all when None); a
/// dynamic dimension is removed only when named (and checked at run time).
FailureOr<Type> inferSqueeze(LibTyping &t) {
  auto x = t.tensor("x");
  auto axes = t.integers("axis");
  if (failed(x) || failed(axes))
    return failure();
  int64_t rank = x->getRank();
  SmallVector<int64_t> removed, shape;
  for (int64_t d = 0; d < rank; ++d) {
    bool named = !*axes;
    if (*axes)
      for (int64_t a : **axes) {
        if (a < -rank || a >= std::max<int64_t>(rank, 1))
          return t.error() << "axis " << a << " is out of range for a " << rank << "-d tensor";
        named |= (a < 0 ? a + rank : a) == d;
      }
    int64_t size = x->getDimSize(d);
    if (named && (size == 1 || (ShapedType::isDynamic(size) && *axes)))
      removed.push_back(d);
    else
      shape.push_back(size);
  }
  t.statics.set("axis", Builder(t.getContext()).getI64ArrayAttr(removed));
  return Type(RankedTensorType::get(shape, x->getElementType()));
}

FailureOr<Type> inferFlatten(LibTyping &t) {
  auto x = t.tensor("x");
  if (failed(x))
    return failure();
  int64_t rank = x->getRank();
  if (rank == 0)
    return Type(RankedTensorType::get({1}, x->getElementType()));
  auto start = t.axis("start_axis", rank, 0), stop = t.axis("stop_axis", rank, -1);
  if (failed(start) || failed(stop))
    return failure();
  if (*start > *stop)
    return t.error() << "start_axis must not be after stop_axis";
  SmallVector<int64_t> shape(x->getShape().take_front(*start));
  int64_t merged = 1;
  for (int64_t d = *start; d <= *stop; ++d)
    merged = ShapedType::isDynamic(merged) || x->isDynamicDim(d) ? kDyn : merged * x->getDimSize(d);
  shape.push_back(merged);
  llvm::append_range(shape, x->getShape().drop_front(*stop + 1));
  return Type(RankedTensorType::get(shape, x->getElementType()));
}

FailureOr<Type> inferTranspose(LibTyping &t) {
  auto x = t.tensor("x");
  auto perm = t.requiredIntegers("perm");
  if (failed(x) || failed(perm))
    return failure();
  int64_t rank = x->getRank();
  llvm::SmallBitVector seen(rank);
  SmallVector<int64_t> normalized, shape;
  for (int64_t p : *perm) {
    if (p < -rank || p >= rank || seen.test(p < 0 ? p + rank : p) ||
        static_cast<int64_t>(perm->size()) != rank)
      return t.error() << "perm must be a permutation of the " << rank << " axes";
    p = p < 0 ? p + rank : p;
    seen.set(p);
    normalized.push_back(p);
    shape.push_back(x->getDimSize(p));
  }
  t.statics.set("perm", Builder(t.getContext()).getI64ArrayAttr(normalized));
  return Type(RankedTensorType::get(shape, x->getElementType()));
}

/// broadcast_to: numpy broadcasting to `shape`; -1 keeps the input's size.
FailureOr<Type> inferBroadcastTo(LibTyping &t) {
  auto x = t.tensor("x");
  auto entries = t.ints("shape");
  if (failed(x) || failed(entries))
    return failure();
  int64_t rank = entries->size(), offset = rank - x->getRank();
  if (offset < 0)
    return t.error() << "the shape has fewer dimensions than the " << x->getRank()
                     << "-d input";
  SmallVector<int64_t> shape;
  for (int64_t d = 0; d < rank; ++d) {
    int64_t v = (*entries)[d];
    int64_t in = d >= offset ? x->getDimSize(d - offset) : 1;
    if (v == -1) {
      if (d < offset)
        return t.error() << "-1 at a new leading dimension " << d;
      v = in;
    } else if (v == kDynamicInt) {
      v = kDyn;
    } else if (v < 0) {
      return t.error() << "shape entries must be ints >= -1";
    }
    if (!ShapedType::isDynamic(in) && in != 1 && !ShapedType::isDynamic(v) && in != v)
      return t.error() << "a dimension of size " << in << " cannot be broadcast to " << v;
    shape.push_back(v);
  }
  return Type(RankedTensorType::get(shape, x->getElementType()));
}

/// stack/concat of tensors of one dtype and rank.
FailureOr<Type> inferJoin(LibTyping &t) {
  bool stack = t.fn.op == LibOp::stack;
  SmallVector<RankedTensorType> parts;
  for (Value v : t.operands.lookup("x")) {
    auto tensor = dyn_cast<RankedTensorType>(v.getType());
    if (!tensor || (!parts.empty() && (tensor.getElementType() != parts[0].getElementType() ||
                                       tensor.getRank() != parts[0].getRank())))
      return t.error() << "needs tensors of one dtype and rank";
    parts.push_back(tensor);
  }
  if (parts.empty())
    return t.error() << "takes a non-empty list of tensors";
  RankedTensorType first = parts[0];
  auto axis = t.axis("axis", first.getRank() + (stack ? 1 : 0), 0);
  if (failed(axis))
    return failure();
  SmallVector<int64_t> shape(first.getShape());
  for (RankedTensorType tensor : ArrayRef(parts).drop_front())
    for (int64_t d = 0; d < first.getRank(); ++d) {
      if (!stack && d == *axis)
        continue;
      if (shape[d] != tensor.getDimSize(d)) {
        if (!ShapedType::isDynamic(shape[d]) && !tensor.isDynamicDim(d))
          return t.error() << "tensors of shapes that differ in dimension " << d;
        shape[d] = kDyn;
      }
    }
  if (stack) {
    shape.insert(shape.begin() + *axis, parts.size());
  } else {
    int64_t total = 0;
    for (RankedTensorType tensor : parts) {
      int64_t d = tensor.getDimSize(*axis);
      total = ShapedType::isDynamic(d) || ShapedType::isDynamic(total) ? kDyn : total + d;
    }
    shape[*axis] = total;
  }
  return Type(RankedTensorType::get(shape, first.getElementType()));
}

/// Non-negative, distinct axes of `param` for a rank-`rank` tensor, stored
/// back as a list.
static FailureOr<SmallVector<int64_t>> distinctAxes(LibTyping &t, StringRef param,
                                                     int64_t rank) {
  auto axes = t.requiredIntegers(param);
  if (failed(axes))
    return failure();
  llvm::SmallBitVector seen(rank);
  SmallVector<int64_t> normalized;
  for (int64_t a : *axes) {
    if (a < -rank || a >= rank || seen.test(a < 0 ? a + rank : a))
      return t.error() << "axis " << a << " is out of range or repeated for a " << rank
                       << "-d tensor";
    seen.set(a < 0 ? a + rank : a);
    normalized.push_back(a < 0 ? a + rank : a);
  }
  t.statics.set(param, Builder(t.getContext()).getI64ArrayAttr(normalized));
  return normalized;
}

FailureOr<Type> inferFlip(LibTyping &t) {
  auto x = t.tensor("x");
  if (failed(x) || failed(distinctAxes(t, "axis", x->getRank())))
    return failure();
  return Type(*x);
}

/// pad: which entry of `pad` pads each dimension before and after, stored as
/// `pad_order` (-1: none). Entries may be known only at run time. As in
/// Paddle, a negative entry crops in the spatial form (`crop` is set) and is
/// an error in the form that lists every dimension.
FailureOr<Type> inferPad(LibTyping &t) {
  auto x = t.tensor("x");
  auto pads = t.ints("pad");
  if (failed(x) || failed(pads))
    return failure();
  auto mode = dyn_cast_or_null<StringAttr>(t.statics.get("mode"));
  if (!mode || !llvm::is_contained({"constant", "reflect", "replicate", "circular"}, mode.getValue()))
    return t.error() << "mode must be 'constant', 'reflect', 'replicate' or 'circular'";
  int64_t rank = x->getRank();
  SmallVector<int64_t> order(2 * rank, -1);
  int64_t given = pads->size();
  auto fromLeft = t.flag("pad_from_left_axis");
  if (failed(fromLeft))
    return failure();
  // Of constant padding, any amounts but the spatial form's: Paddle's order
  // for every dimension (the first one first), or, of fewer or with
  // pad_from_left_axis false, PyTorch's (the first pair for the last
  // dimension, the ones not given 0).
  bool everyDimension =
      mode.getValue() == "constant" && given != 2 * (rank - 2) && given <= 2 * rank;
  if (everyDimension) {
    for (int64_t amount : *pads)
      if (amount != kDynamicInt && amount < 0)
        return t.error() << "the element of 'paddings' should be >= 0, but received " << amount;
    bool paddleOrder = given == 2 * rank && *fromLeft;
    for (int64_t d = 0; d < rank; ++d) {
      int64_t source = paddleOrder ? d : rank - 1 - d;
      order[2 * d] = 2 * source < given ? 2 * source : -1;
      order[2 * d + 1] = 2 * source + 1 < given ? 2 * source + 1 : -1;
    }
  } else {
    if (rank < 3 || rank > 5 || given != 2 * (rank - 2))
      return t.error() << "pad needs at most " << 2 * rank << " entries (constant mode) or "
                       << 2 * (rank - 2) << " for the spatial dimensions of a 3-, 4- or 5-d input";
    auto format = dyn_cast_or_null<StringAttr>(t.statics.get("data_format"));
    bool channelsLast = format && format.getValue().ends_with("C");
    // Spatial dimensions, the last one first.
    int64_t first = channelsLast ? 1 : 2;
    for (int64_t k = 0; k < rank - 2; ++k) {
      int64_t d = first + (rank - 3) - k;
      order[2 * d] = 2 * k;
      order[2 * d + 1] = 2 * k + 1;
    }
  }
  auto amount = [&](int64_t slot) { return order[slot] < 0 ? 0 : (*pads)[order[slot]]; };
  SmallVector<int64_t> shape;
  for (int64_t d = 0; d < rank; ++d) {
    int64_t size = x->getDimSize(d), before = amount(2 * d), after = amount(2 * d + 1);
    if (ShapedType::isDynamic(size) || before == kDynamicInt || after == kDynamicInt) {
      shape.push_back(kDyn);
      continue;
    }
    if (mode.getValue() == "reflect" && (before >= size || after >= size))
      return t.error() << "reflect padding must be smaller than the dimension (" << size << ")";
    if (size + before + after < 0)
      return t.error() << "the padding crops more than the dimension (" << size << ") holds";
    shape.push_back(size + before + after);
  }
  Type value = t.typeOf("value");
  if (!isPythonScalar(value))
    return t.error() << "value must be a number";
  t.statics.set("pad_order", DenseI64ArrayAttr::get(t.getContext(), order));
  t.statics.set("crop", BoolAttr::get(t.getContext(), !everyDimension));
  return Type(RankedTensorType::get(shape, x->getElementType()));
}

/// The length of Python's `range(dim)[start:end:step]`.
static int64_t sliceLength(int64_t start, int64_t end, int64_t step, int64_t dim) {
  auto clamp = [&](int64_t v, int64_t lo, int64_t hi) {
    if (v < 0)
      v += dim;
    return std::min(std::max(v, lo), hi);
  };
  if (step > 0) {
    int64_t s = clamp(start, 0, dim), e = clamp(end, 0, dim);
    return e > s ? (e - s + step - 1) / step : 0;
  }
  int64_t s = clamp(start, -1, dim - 1), e = clamp(end, -1, dim - 1);
  return s > e ? (s - e - step - 1) / -step : 0;
}

/// x[starts:ends:strides] along distinct `axes`; strides known at compile
/// time and non-zero.
FailureOr<Type> inferStridedSlice(LibTyping &t) {
  auto x = t.tensor("x");
  if (failed(x))
    return failure();
  auto axes = distinctAxes(t, "axes", x->getRank());
  auto starts = t.ints("starts"), ends = t.ints("ends"), strides = t.ints("strides");
  if (failed(axes) || failed(starts) || failed(ends) || failed(strides))
    return failure();
  if (starts->size() != axes->size() || ends->size() != axes->size() ||
      strides->size() != axes->size())
    return t.error() << "axes, starts, ends and strides must have the same length";
  SmallVector<int64_t> shape(x->getShape());
  for (auto [i, axis] : llvm::enumerate(*axes)) {
    int64_t start = (*starts)[i], end = (*ends)[i], step = (*strides)[i];
    if (step == kDynamicInt || step == 0)
      return t.error() << "strides must be non-zero ints known at compile time";
    int64_t dim = shape[axis];
    shape[axis] = start == kDynamicInt || end == kDynamicInt || ShapedType::isDynamic(dim)
                      ? kDyn
                      : sliceLength(start, end, step, dim);
  }
  return Type(RankedTensorType::get(shape, x->getElementType()));
}

/// set_value: x's type; value a number or a tensor that broadcasts to the
/// region (without the decreased axes).
FailureOr<Type> inferSetValue(LibTyping &t) {
  auto x = t.tensor("x");
  if (failed(x))
    return failure();
  auto axes = distinctAxes(t, "axes", x->getRank());
  auto starts = t.ints("starts"), ends = t.ints("ends"), strides = t.ints("strides");
  auto decreased = t.integers("decrease_axes");
  if (failed(axes) || failed(starts) || failed(ends) || failed(strides) || failed(decreased))
    return failure();
  if (starts->size() != axes->size() || ends->size() != axes->size() ||
      strides->size() != axes->size())
    return t.error() << "axes, starts, ends and strides must have the same length";
  SmallVector<int64_t> decrease = *decreased ? **decreased : SmallVector<int64_t>();
  SmallVector<int64_t> region(x->getShape());
  for (auto [i, axis] : llvm::enumerate(*axes)) {
    int64_t start = (*starts)[i], end = (*ends)[i], step = (*strides)[i];
    if (step == kDynamicInt || step == 0)
      return t.error() << "strides must be non-zero ints known at compile time";
    if (llvm::is_contained(decrease, axis)) {
      // An index out of range is an IndexError at run time, as in Python.
      region[axis] = -1;
      continue;
    }
    int64_t dim = region[axis];
    region[axis] = start == kDynamicInt || end == kDynamicInt || ShapedType::isDynamic(dim)
                       ? kDyn
                       : sliceLength(start, end, step, dim);
  }
  llvm::erase(region, -1);
  for (int64_t d : decrease)
    if (!llvm::is_contained(*axes, d))
      return t.error() << "decrease_axes must be among the axes";
  Type value = t.typeOf("value");
  auto valueTensor = dyn_cast_or_null<RankedTensorType>(value);
  if (!valueTensor && !isPythonScalar(value))
    return t.error() << "the value must be a tensor or a number, not " << withArticle(value);
  if (valueTensor) {
    // As NumPy assigns: leading size-1 dimensions beyond the region's rank
    // are dropped (`a[3] = t` with `t` of shape [1]).
    ArrayRef<int64_t> valueShape = valueTensor.getShape();
    while (valueShape.size() > region.size() && valueShape.front() == 1)
      valueShape = valueShape.drop_front();
    auto joined = broadcastShapes(region, valueShape);
    if (failed(joined) || joined->size() != region.size())
      return t.error() << "a value of " << withArticle(value)
                       << " cannot be broadcast to the assigned region";
  }
  return Type(*x);
}

static FailureOr<RankedTensorType> integerTensor(LibTyping &t, StringRef param) {
  auto index = t.tensor(param);
  if (failed(index))
    return failure();
  Type elem = index->getElementType();
  if (!isa<IntegerType>(elem) || elem.isInteger(1))
    return t.error() << "'" << param << "' must be an integer tensor, got "
                     << withArticle(*index);
  return index;
}

/// gather(x, index, axis): x's shape with the axis replaced by the index's
/// (a 0-d index removes it; an [N, 1] index is Paddle's form of a 1-d one).
FailureOr<Type> inferGather(LibTyping &t) {
  auto x = t.tensor("x");
  auto index = integerTensor(t, "index");
  if (failed(x) || failed(index))
    return failure();
  if (index->getRank() > 1 && !(index->getRank() == 2 && index->getDimSize(1) == 1))
    return t.error() << "the index must be 0-d, 1-d or of shape [N, 1], got "
                     << withArticle(*index);
  auto axis = t.axis("axis", x->getRank(), 0);
  if (failed(axis))
    return failure();
  if (x->getRank() == 0)
    return t.error() << "cannot gather from a 0-d tensor";
  SmallVector<int64_t> shape(x->getShape());
  if (index->getRank() == 0)
    shape.erase(shape.begin() + *axis);
  else
    shape[*axis] = index->getDimSize(0);
  return Type(RankedTensorType::get(shape, x->getElementType()));
}

FailureOr<Type> inferTakeAlongAxis(LibTyping &t) {
  auto arr = t.tensor("arr");
  auto indices = integerTensor(t, "indices");
  if (failed(arr) || failed(indices))
    return failure();
  if (arr->getRank() != indices->getRank() || arr->getRank() == 0)
    return t.error() << "arr and indices must have the same rank >= 1";
  auto axis = t.axis("axis", arr->getRank(), 0);
  auto broadcast = t.flag("broadcast");
  if (failed(axis) || failed(broadcast))
    return failure();
  SmallVector<int64_t> shape;
  for (int64_t d = 0; d < arr->getRank(); ++d) {
    int64_t a = arr->getDimSize(d), i = indices->getDimSize(d);
    if (d == *axis || !*broadcast) {
      shape.push_back(i);
      continue;
    }
    auto joined = broadcastShapes({a}, {i});
    if (failed(joined))
      return t.error() << "indices of size " << i << " cannot be broadcast to " << a
                       << " in dimension " << d;
    shape.push_back((*joined)[0]);
  }
  return Type(RankedTensorType::get(shape, arr->getElementType()));
}

FailureOr<Type> inferPutAlongAxis(LibTyping &t) {
  auto arr = t.tensor("arr");
  auto indices = integerTensor(t, "indices");
  if (failed(arr) || failed(indices))
    return failure();
  if (arr->getRank() != indices->getRank() || arr->getRank() == 0)
    return t.error() << "arr and indices must have the same rank >= 1";
  if (failed(t.axis("axis", arr->getRank(), 0)))
    return failure();
  auto reduce = dyn_cast_or_null<StringAttr>(t.statics.get("reduce"));
  if (!reduce ||
      !llvm::is_contained({"assign", "add", "mul", "multiply", "amax", "amin"}, reduce.getValue()))
    return t.error() << "reduce must be 'assign', 'add', 'mul', 'amax' or 'amin'";
  auto includeSelf = t.flag("include_self");
  if (failed(includeSelf) || !*includeSelf)
    return t.error() << "include_self=False is not supported in compiled code";
  for (int64_t d = 0; d < arr->getRank(); ++d) {
    int64_t a = arr->getDimSize(d), i = indices->getDimSize(d);
    if (d != *t.integer("axis", 0) && !ShapedType::isDynamic(a) && !ShapedType::isDynamic(i) &&
        i > a)
      return t.error() << "indices are larger than arr in dimension " << d;
  }
  Type values = t.typeOf("values");
  if (auto v = dyn_cast_or_null<RankedTensorType>(values)) {
    auto joined = broadcastShapes(indices->getShape(), v.getShape());
    if (failed(joined) || joined->size() != static_cast<size_t>(indices->getRank()))
      return t.error() << "values of " << withArticle(values)
                       << " cannot be broadcast to the indices";
  } else if (!isPythonScalar(values)) {
    return t.error() << "values must be a tensor or a number";
  }
  return Type(*arr);
}

/// masked_select: the elements of x where the mask (of x's shape) is true;
/// nonzero: the indices of the non-zero elements, one row each.
FailureOr<Type> inferCompress(LibTyping &t) {
  auto x = t.tensor("x");
  if (failed(x))
    return failure();
  if (t.fn.op == LibOp::nonzero) {
    auto asTuple = t.flag("as_tuple");
    if (failed(asTuple))
      return failure();
    if (*asTuple)
      return t.error() << "as_tuple=True reached the type rule: the specialization splits it";
    return Type(RankedTensorType::get({kDyn, x->getRank()}, IntegerType::get(t.getContext(), 64)));
  }
  auto mask = t.tensor("mask");
  if (failed(mask))
    return failure();
  if (!mask->getElementType().isInteger(1))
    return t.error() << "the mask must be a bool tensor";
  if (mask->getRank() != x->getRank() || failed(broadcastShapes(x->getShape(), mask->getShape())) ||
      llvm::any_of(llvm::zip(x->getShape(), mask->getShape()), [](auto p) {
        auto [a, b] = p;
        return !ShapedType::isDynamic(a) && !ShapedType::isDynamic(b) && a != b;
      }))
    return t.error() << "the mask must have x's shape in compiled code";
  return Type(RankedTensorType::get({kDyn}, x->getElementType()));
}

} // namespace mlir::pydy
