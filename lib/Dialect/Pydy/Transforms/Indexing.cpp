// Tensor indexing as primitives, written as unspecialized `pydy.lib_call`s
// that the specialization then types like any other call:
// - `x[a:b:c, i, None, ...]` reads: strided_slice (the slices), gather with a
//   0-d index (each integer: negative indices wrap, out of range is an
//   IndexError) and unsqueeze (None);
// - `x[a:b:c, i, ...] = v` writes: set_value (slices and integers together);
// - `x[mask] = v` writes: where(mask, v, x); `x[rows] = v` put_along_axis.
#include "Indexing.h"

#include "Dy2St/Dialect/Pydy/Library.h"
#include "Dy2St/Dialect/Pydy/PydyDialect.h"
#include "Dy2St/Dialect/Pydy/TypeRules.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Matchers.h"

namespace mlir::pydy {

namespace {
// Bounds of an omitted slice part: Python's slice clamps them to the size.
constexpr int64_t kFar = int64_t(1) << 62;

Attribute constantOf(Value v) {
  Attribute attr;
  if (matchPattern(v, m_Constant(&attr)))
    return attr;
  return {};
}

bool isNone(Value v) { return isa<PyNoneType>(v.getType()); }

bool isEllipsis(Value v) {
  auto s = dyn_cast_or_null<StringAttr>(constantOf(v));
  return s && s.getValue() == "...";
}

/// A Python int or a 0-d integer tensor: selects one index, removing the
/// dimension.
bool isIntIndex(Type t) {
  if (t.isInteger(64))
    return true;
  auto tensor = dyn_cast<RankedTensorType>(t);
  return tensor && tensor.getRank() == 0 && isa<IntegerType>(tensor.getElementType()) &&
         !tensor.getElementType().isInteger(1);
}

bool isMask(Type t) {
  auto tensor = dyn_cast<RankedTensorType>(t);
  return tensor && tensor.getRank() >= 1 && tensor.getElementType().isInteger(1);
}

/// Builds the replacement ops before `op`, remembering the first one (the
/// specialization goes on from there).
struct IndexBuilder {
  Operation *op;
  OpBuilder b;
  Location loc;
  Type object;
  Operation *first = nullptr;

  explicit IndexBuilder(Operation *op)
      : op(op), b(op), loc(op->getLoc()), object(ObjectType::get(op->getContext())) {}

  Value note(Operation *created) {
    if (!first)
      first = created;
    return created->getResult(0);
  }
  Value constant(Attribute a) { return note(ConstantOp::create(b, loc, a)); }
  Value i64(int64_t v) { return constant(b.getI64IntegerAttr(v)); }
  Value list(ArrayRef<Value> values) { return note(ListOp::create(b, loc, object, values)); }
  Value call(StringRef callee, ArrayRef<Value> args, ArrayRef<StringRef> kwnames = {}) {
    return note(LibCallOp::create(b, loc, object, callee, args, b.getStrArrayAttr(kwnames),
                                  DictionaryAttr()));
  }

  /// A copy of `v` in the element type `like` has.
  Value copyAs(Value v, RankedTensorType like) {
    return call("cast", {v, constant(b.getStringAttr(elementTypeName(like.getElementType())))});
  }

  /// The items of an index (a tuple is several).
  FailureOr<SmallVector<Value>> items(Value index) {
    SmallVector<Value> result;
    if (auto literal = dyn_cast_or_null<ArrayAttr>(constantOf(index))) {
      for (Attribute a : literal)
        result.push_back(constant(a));
    } else if (auto tuple = index.getDefiningOp<TupleOp>()) {
      result.assign(tuple.getElements().begin(), tuple.getElements().end());
    } else if (isa<TupleType>(index.getType())) {
      return op->emitError("a tensor index tuple must be written out in compiled code");
    } else {
      result.push_back(index);
    }
    return result;
  }
};

/// The basic index of a tensor: per-axis slices and integers, new axes.
struct BasicIndex {
  SmallVector<Value> sliceAxes, starts, ends, strides;
  SmallVector<std::pair<int64_t, Value>> integers;
  SmallVector<Value> newAxes;
};

FailureOr<BasicIndex> parseBasicIndex(IndexBuilder &ib, ArrayRef<Value> items, int64_t rank) {
  Operation *op = ib.op;
  int64_t consumed = llvm::count_if(items, [](Value v) { return !isNone(v) && !isEllipsis(v); });
  if (llvm::count_if(items, isEllipsis) > 1)
    return op->emitError("an index can only have a single ellipsis ('...')");
  if (consumed > rank)
    return op->emitError() << "too many indices for a " << rank << "-d tensor: " << consumed;
  BasicIndex index;
  int64_t axis = 0, outputAxis = 0;
  for (Value item : items) {
    if (isEllipsis(item)) {
      axis += rank - consumed;
      outputAxis += rank - consumed;
      continue;
    }
    if (isNone(item)) {
      index.newAxes.push_back(ib.i64(outputAxis++));
      continue;
    }
    if (auto slice = item.getDefiningOp<SliceOp>()) {
      int64_t step = 1;
      if (!isNone(slice.getStep())) {
        auto s = dyn_cast_or_null<IntegerAttr>(constantOf(slice.getStep()));
        if (!s || !s.getType().isInteger(64) || s.getInt() == 0)
          return op->emitError("a slice step of a tensor must be a non-zero int known at "
                               "compile time");
        step = s.getInt();
      }
      auto bound = [&](Value v, int64_t omitted) -> FailureOr<Value> {
        if (isNone(v))
          return ib.i64(omitted);
        auto t = dyn_cast<RankedTensorType>(v.getType());
        bool oneInt = t && t.hasStaticShape() && t.getNumElements() == 1 &&
                      isa<IntegerType>(t.getElementType()) && !t.getElementType().isInteger(1);
        if (!isIntIndex(v.getType()) && !oneInt)
          return op->emitError() << "slice bounds must be ints, not " << withArticle(v.getType());
        return v;
      };
      auto start = bound(slice.getLower(), step > 0 ? 0 : kFar);
      auto end = bound(slice.getUpper(), step > 0 ? kFar : -kFar);
      if (failed(start) || failed(end))
        return failure();
      if (step != 1 || !isNone(slice.getLower()) || !isNone(slice.getUpper())) {
        index.sliceAxes.push_back(ib.i64(axis));
        index.starts.push_back(*start);
        index.ends.push_back(*end);
        index.strides.push_back(ib.i64(step));
      }
      ++axis;
      ++outputAxis;
      continue;
    }
    if (!isIntIndex(item.getType())) {
      auto t = dyn_cast<RankedTensorType>(item.getType());
      if (t && t.getElementType().isInteger(1))
        return op->emitError("boolean mask indexing of tensors is supported in compiled code "
                             "only as the whole index of an assignment (x[mask] = v)");
      if (t)
        return op->emitError("indexing with integer tensors of several elements is not "
                             "supported in compiled code yet (use paddle.gather)");
      return op->emitError() << "indexing a tensor with " << withArticle(item.getType())
                             << " is not supported in compiled code";
    }
    index.integers.push_back({axis++, item});
  }
  return index;
}
/// An integer tensor of rank >= 1 as an index: it selects rows (numpy's
/// integer array indexing), keeping a dimension.
bool isRowsIndex(Type t) {
  auto tensor = dyn_cast<RankedTensorType>(t);
  return tensor && tensor.getRank() >= 1 && isa<IntegerType>(tensor.getElementType()) &&
         !tensor.getElementType().isInteger(1);
}

/// A literal list or tuple of ints (nested, not empty) in an index tuple.
bool isIntLiteral(Attribute a) {
  auto list = dyn_cast_or_null<ArrayAttr>(a);
  return list && !list.empty() && llvm::all_of(list, [](Attribute item) {
    auto i = dyn_cast<IntegerAttr>(item);
    return (i && i.getType().isInteger(64)) || isIntLiteral(item);
  });
}

/// An item of an index tuple that is an integer array (numpy's advanced
/// indexing): an integer tensor of rank >= 1 or a literal list of ints.
bool isArrayItem(Value v) { return isRowsIndex(v.getType()) || isIntLiteral(constantOf(v)); }

bool isFullSlice(Value v) {
  auto slice = v.getDefiningOp<SliceOp>();
  return slice && isNone(slice.getLower()) && isNone(slice.getUpper()) && isNone(slice.getStep());
}

/// An index tuple with integer arrays that dy2st reads: its arrays (and the
/// ints among them, which numpy broadcasts with them) from axis `first` on,
/// every other item a full slice `:` (or a trailing `...`).
struct ArrayIndex {
  int64_t first = 0;
  SmallVector<Value> arrays;
};

std::optional<ArrayIndex> parseArrayIndex(ArrayRef<Value> items, int64_t rank) {
  if (llvm::none_of(items, isArrayItem))
    return std::nullopt;
  ArrayIndex index;
  size_t i = 0;
  for (; i < items.size() && isFullSlice(items[i]); ++i)
    ++index.first;
  for (; i < items.size() && (isArrayItem(items[i]) || isIntIndex(items[i].getType())); ++i)
    index.arrays.push_back(items[i]);
  for (; i < items.size(); ++i)
    if (!isFullSlice(items[i]) && !(isEllipsis(items[i]) && i + 1 == items.size()))
      return std::nullopt;
  if (index.first + static_cast<int64_t>(index.arrays.size()) > rank)
    return std::nullopt;
  return index;
}

/// The positions an ArrayIndex selects: each array's indices checked and
/// wrapped along its axis (a gather from arange(size) laid along that axis,
/// which raises IndexError out of range), combined into one broadcast `linear` index over
/// the axes merged into one (`merged`: x's shape with them as -1).
struct ArrayPositions {
  Value linear, lead, rest, merged;
};

struct ArrayIndexBuilder {
  IndexBuilder &ib;
  Value none = ib.constant(ib.b.getUnitAttr());

  Value shapeOf(Value v) { return ib.note(AttrOp::create(ib.b, ib.loc, ib.object, v, "shape")); }
  Value subscript(Value v, Value i) {
    return ib.note(SubscriptOp::create(ib.b, ib.loc, ib.object, v, i));
  }
  Value slice(Value start, Value stop) {
    return ib.note(SliceOp::create(ib.b, ib.loc, SliceType::get(ib.b.getContext()), start, stop,
                                   none));
  }
  Value binary(BinaryKind kind, Value l, Value r) {
    return ib.note(BinaryOp::create(ib.b, ib.loc, ib.object, kind, l, r));
  }
  Value concat(Value a, Value b, Value c) {
    return binary(BinaryKind::add, binary(BinaryKind::add, a, b), c);
  }

  ArrayPositions positions(Value x, const ArrayIndex &index) {
    Value xShape = shapeOf(x);
    int64_t first = index.first, last = first + static_cast<int64_t>(index.arrays.size());
    ArrayPositions p;
    for (auto [k, array] : llvm::enumerate(index.arrays)) {
      Value indices =
          isa<RankedTensorType>(array.getType()) ? array : ib.call("to_tensor", {array});
      int64_t axis = first + static_cast<int64_t>(k);
      Value size = subscript(xShape, ib.i64(axis));
      // arange(size) along `axis`, so that an index out of range is reported
      // for its axis, as NumPy does.
      SmallVector<Attribute> along(axis, ib.b.getI64IntegerAttr(1));
      along.push_back(ib.b.getI64IntegerAttr(-1));
      Value positions =
          ib.call("reshape", {ib.call("arange", {size}), ib.constant(ib.b.getArrayAttr(along))});
      Value picked = ib.call("gather", {positions, ib.call("flatten", {indices}), ib.i64(axis)},
                             {"axis"});
      Value wrapped = ib.call("reshape", {picked, shapeOf(indices)});
      p.linear = p.linear ? binary(BinaryKind::add, binary(BinaryKind::mul, p.linear, size), wrapped)
                          : wrapped;
    }
    p.lead = subscript(xShape, slice(none, ib.i64(first)));
    p.rest = subscript(xShape, slice(ib.i64(last), none));
    p.merged = concat(p.lead, ib.list({ib.i64(-1)}), p.rest);
    return p;
  }
};

/// x[:, ..., a0, a1, ...]: the rows of the merged axes at the linear
/// positions; the result has the leading axes, the arrays' broadcast shape,
/// then the rest.
Value readArrayIndex(IndexBuilder &ib, Value x, const ArrayIndex &index) {
  ArrayIndexBuilder ab{ib};
  ArrayPositions p = ab.positions(x, index);
  Value rows = ib.call("reshape", {x, p.merged});
  Value picked = ib.call("gather", {rows, ib.call("flatten", {p.linear}), ib.i64(index.first)},
                         {"axis"});
  return ib.call("reshape", {picked, ab.concat(p.lead, ab.shapeOf(p.linear), p.rest)});
}

/// x[:, ..., a0, a1, ...] = v: v broadcast to the region the read gives,
/// put along the merged axis at the linear positions.
Value writeArrayIndex(IndexBuilder &ib, Value x, Value value, const ArrayIndex &index) {
  ArrayIndexBuilder ab{ib};
  auto type = cast<RankedTensorType>(x.getType());
  ArrayPositions p = ab.positions(x, index);
  Value region = ab.concat(p.lead, ab.shapeOf(p.linear), p.rest);
  Value full = isa<RankedTensorType>(value.getType()) ? ib.call("broadcast_to", {value, region})
                                                      : ib.call("full", {region, value});
  Value values = ib.call("reshape", {ib.copyAs(full, type), p.merged});
  int64_t restRank = type.getRank() - index.first - static_cast<int64_t>(index.arrays.size());
  SmallVector<Attribute> columnShape(index.first, ib.b.getI64IntegerAttr(1));
  columnShape.push_back(ib.b.getI64IntegerAttr(-1));
  columnShape.append(restRank, ib.b.getI64IntegerAttr(1));
  Value column = ib.call("reshape", {ib.call("flatten", {p.linear}),
                                     ib.constant(ib.b.getArrayAttr(columnShape))});
  Value indices = ib.call("broadcast_to", {column, ab.shapeOf(values)});
  Value rows = ib.call("reshape", {x, p.merged});
  Value put = ib.call("put_along_axis", {rows, indices, values, ib.i64(index.first)});
  return ib.call("reshape", {put, ab.shapeOf(x)});
}
} // namespace

bool isTensorIndexToDecompose(SubscriptOp op) {
  if (!isa<RankedTensorType>(op.getValue().getType()))
    return false;
  Value index = op.getIndex();
  return isa<SliceType, TupleType, PyNoneType>(index.getType()) || isEllipsis(index) ||
         isa_and_nonnull<ArrayAttr>(constantOf(index)) || isMask(index.getType()) ||
         isRowsIndex(index.getType());
}

FailureOr<Operation *> decomposeTensorIndex(SubscriptOp op) {
  IndexBuilder ib(op);
  Value x = op.getValue();
  auto type = cast<RankedTensorType>(x.getType());
  if (isMask(op.getIndex().getType()) || isRowsIndex(op.getIndex().getType())) {
    auto index = cast<RankedTensorType>(op.getIndex().getType());
    Value result;
    if (isMask(index) && index.getRank() == type.getRank()) {
      result = ib.call("masked_select", {x, op.getIndex()});
    } else if (isMask(index)) {
      // A mask over the leading dimensions selects rows: flatten those, and
      // gather the rows where the flattened mask is true.
      if (index.getRank() > type.getRank())
        return op.emitError("the mask has more dimensions than the tensor");
      Value none = ib.constant(ib.b.getUnitAttr());
      Value xShape = ib.note(AttrOp::create(ib.b, ib.loc, ib.object, x, "shape"));
      Value rest = ib.note(SubscriptOp::create(
          ib.b, ib.loc, ib.object, xShape,
          ib.note(SliceOp::create(ib.b, ib.loc, SliceType::get(op.getContext()),
                                  ib.i64(index.getRank()), none, none))));
      Value rowsShape = ib.note(BinaryOp::create(ib.b, ib.loc, ib.object, BinaryKind::add,
                                                 ib.list({ib.i64(-1)}), rest));
      Value rows = ib.call("reshape", {x, rowsShape});
      Value flatMask = ib.call("flatten", {op.getIndex()});
      Value picked = ib.call("squeeze", {ib.call("nonzero", {flatMask}), ib.list({ib.i64(1)})});
      result = ib.call("gather", {rows, picked});
    } else if (index.getRank() == 1) {
      result = ib.call("gather", {x, op.getIndex()});
    } else {
      // Rows picked by an index of any shape: gather the flattened index,
      // then give the result the shape index.shape + x.shape[1:].
      Value flat = ib.call("flatten", {op.getIndex()});
      Value rows = ib.call("gather", {x, flat});
      Value none = ib.constant(ib.b.getUnitAttr());
      Value xShape = ib.note(AttrOp::create(ib.b, ib.loc, ib.object, x, "shape"));
      Value rest = ib.note(SubscriptOp::create(
          ib.b, ib.loc, ib.object, xShape,
          ib.note(SliceOp::create(ib.b, ib.loc, SliceType::get(op.getContext()), ib.i64(1), none, none))));
      Value indexShape = ib.note(AttrOp::create(ib.b, ib.loc, ib.object, op.getIndex(), "shape"));
      Value shape = ib.note(BinaryOp::create(ib.b, ib.loc, ib.object, BinaryKind::add, indexShape, rest));
      result = ib.call("reshape", {rows, shape});
    }
    op.getResult().replaceAllUsesWith(result);
    op.erase();
    return ib.first;
  }
  auto items = ib.items(op.getIndex());
  if (failed(items))
    return failure();
  if (std::optional<ArrayIndex> arrays = parseArrayIndex(*items, type.getRank())) {
    op.getResult().replaceAllUsesWith(readArrayIndex(ib, x, *arrays));
    op.erase();
    return ib.first;
  }
  auto index = parseBasicIndex(ib, *items, type.getRank());
  if (failed(index))
    return failure();
  Value result = x;
  if (!index->sliceAxes.empty())
    result = ib.call("strided_slice", {result, ib.list(index->sliceAxes), ib.list(index->starts),
                                       ib.list(index->ends), ib.list(index->strides)});
  // Each integer index removes its dimension: from the last one, so that the
  // axes of the others stay where they are.
  for (auto [axis, i] : llvm::reverse(index->integers)) {
    Value scalar = isa<RankedTensorType>(i.getType())
                       ? ib.call("reshape", {i, ib.constant(ib.b.getArrayAttr({}))})
                       : ib.call("to_tensor", {i});
    result = ib.call("gather", {result, scalar, ib.i64(axis)}, {"axis"});
  }
  if (!index->newAxes.empty())
    result = ib.call("unsqueeze", {result, ib.list(index->newAxes)});
  if (result == x) {
    // x[...] or x[:]: a copy, as eager indexing gives a new tensor.
    result = ib.copyAs(x, type);
  }
  op.getResult().replaceAllUsesWith(result);
  op.erase();
  return ib.first;
}

FailureOr<Operation *> decomposeTensorAssignment(SetItemOp op) {
  IndexBuilder ib(op);
  Value x = op.getValue(), value = op.getItem();
  auto type = cast<RankedTensorType>(x.getType());
  Value result;
  if (isMask(op.getIndex().getType())) {
    result = ib.copyAs(ib.call("where", {op.getIndex(), value, x}), type);
  } else if (isRowsIndex(op.getIndex().getType())) {
    // x[rows] = v: put_along_axis along 0 with the rows broadcast to the
    // shape [len(rows)] + x.shape[1:] (the value broadcasts to it too).
    auto rows = cast<RankedTensorType>(op.getIndex().getType());
    if (rows.getRank() != 1)
      return op.emitError("assignment through integer tensors of rank > 1 is not supported in "
                          "compiled code yet (use paddle.put_along_axis)");
    SmallVector<Attribute> columnShape{ib.b.getI64IntegerAttr(-1)};
    for (int64_t d = 1; d < type.getRank(); ++d)
      columnShape.push_back(ib.b.getI64IntegerAttr(1));
    Value column = ib.call("reshape", {op.getIndex(), ib.constant(ib.b.getArrayAttr(columnShape))});
    Value shape = ib.note(AttrOp::create(ib.b, ib.loc, ib.object, x, "shape"));
    Value none = ib.constant(ib.b.getUnitAttr());
    Value rest = ib.note(SubscriptOp::create(
        ib.b, ib.loc, ib.object, shape,
        ib.note(SliceOp::create(ib.b, ib.loc, SliceType::get(op.getContext()), ib.i64(1), none, none))));
    Value full = ib.note(BinaryOp::create(ib.b, ib.loc, ib.object, BinaryKind::add,
                                          ib.list({ib.i64(-1)}), rest));
    Value indices = ib.call("broadcast_to", {column, full});
    result = ib.call("put_along_axis", {x, indices, value, ib.i64(0)});
  } else {
    auto items = ib.items(op.getIndex());
    if (failed(items))
      return failure();
    if (std::optional<ArrayIndex> arrays = parseArrayIndex(*items, type.getRank())) {
      op.getResult().replaceAllUsesWith(writeArrayIndex(ib, x, value, *arrays));
      op.erase();
      return ib.first;
    }
    auto index = parseBasicIndex(ib, *items, type.getRank());
    if (failed(index))
      return failure();
    if (!index->newAxes.empty())
      return op.emitError("None in the index of an assignment is not supported");
    BasicIndex &i = *index;
    SmallVector<Value> decreased;
    for (auto [axis, v] : i.integers) {
      i.sliceAxes.push_back(ib.i64(axis));
      i.starts.push_back(v);
      i.ends.push_back(ib.i64(0));
      i.strides.push_back(ib.i64(1));
      decreased.push_back(ib.i64(axis));
    }
    result = ib.call("set_value", {x, value, ib.list(i.sliceAxes), ib.list(i.starts),
                                   ib.list(i.ends), ib.list(i.strides), ib.list(decreased)});
  }
  op.getResult().replaceAllUsesWith(result);
  op.erase();
  return ib.first;
}

} // namespace mlir::pydy
