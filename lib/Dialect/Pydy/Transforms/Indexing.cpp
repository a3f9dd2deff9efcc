// Tensor indexing as primitives: `x[a:b:c, i, None, ...]` becomes
// strided_slice (the slices), gather with a 0-d index (each integer index:
// negative indices wrap, out of range is an IndexError) and unsqueeze (None),
// written as unspecialized `pydy.lib_call`s that the specialization then
// types like any other call.
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

bool isIntIndex(Type t) {
  if (t.isInteger(64) || t.isInteger(1))
    return !t.isInteger(1);
  auto tensor = dyn_cast<RankedTensorType>(t);
  return tensor && tensor.hasStaticShape() && tensor.getNumElements() == 1 &&
         isa<IntegerType>(tensor.getElementType()) && !tensor.getElementType().isInteger(1);
}
} // namespace

bool isTensorIndexToDecompose(SubscriptOp op) {
  if (!isa<RankedTensorType>(op.getValue().getType()))
    return false;
  Value index = op.getIndex();
  return isa<SliceType, TupleType, PyNoneType>(index.getType()) || isEllipsis(index) ||
         isa_and_nonnull<ArrayAttr>(constantOf(index));
}

FailureOr<Operation *> decomposeTensorIndex(SubscriptOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  MLIRContext *ctx = op.getContext();
  Type object = ObjectType::get(ctx);
  Value x = op.getValue();
  auto type = cast<RankedTensorType>(x.getType());
  int64_t rank = type.getRank();
  SmallVector<Value> items;
  Operation *first = nullptr;
  auto literal = dyn_cast_or_null<ArrayAttr>(constantOf(op.getIndex()));
  if (literal) {
    for (Attribute a : literal) {
      items.push_back(ConstantOp::create(b, loc, a));
      first = first ? first : items.back().getDefiningOp();
    }
  } else if (auto tuple = op.getIndex().getDefiningOp<TupleOp>())
    items.assign(tuple.getElements().begin(), tuple.getElements().end());
  else if (isa<TupleType>(op.getIndex().getType()))
    return op.emitError("a tensor index tuple must be written out in compiled code");
  else
    items.push_back(op.getIndex());

  int64_t consumed = llvm::count_if(items, [](Value v) { return !isNone(v) && !isEllipsis(v); });
  if (llvm::count_if(items, isEllipsis) > 1)
    return op.emitError("an index can only have a single ellipsis ('...')");
  if (consumed > rank)
    return op.emitError() << "too many indices for a " << rank << "-d tensor: " << consumed;

  auto note = [&](Operation *created) {
    if (!first)
      first = created;
    return created->getResult(0);
  };
  auto constant = [&](Attribute a) { return note(ConstantOp::create(b, loc, a)); };
  auto i64 = [&](int64_t v) { return constant(b.getI64IntegerAttr(v)); };
  auto list = [&](ArrayRef<Value> values) {
    return note(ListOp::create(b, loc, object, values));
  };
  auto call = [&](StringRef callee, ArrayRef<Value> args, ArrayRef<StringRef> kwnames) {
    return note(LibCallOp::create(b, loc, object, callee, args, b.getStrArrayAttr(kwnames),
                                  DictionaryAttr()));
  };

  SmallVector<Value> sliceAxes, starts, ends, strides;
  SmallVector<std::pair<int64_t, Value>> selections;
  SmallVector<Value> newAxes;
  int64_t axis = 0, outputAxis = 0;
  for (Value item : items) {
    if (isEllipsis(item)) {
      int64_t skipped = rank - consumed;
      axis += skipped;
      outputAxis += skipped;
      continue;
    }
    if (isNone(item)) {
      newAxes.push_back(i64(outputAxis++));
      continue;
    }
    if (auto slice = item.getDefiningOp<SliceOp>()) {
      int64_t step = 1;
      if (!isNone(slice.getStep())) {
        auto s = dyn_cast_or_null<IntegerAttr>(constantOf(slice.getStep()));
        if (!s || !s.getType().isInteger(64) || s.getInt() == 0)
          return op.emitError("a slice step of a tensor must be a non-zero int known at "
                              "compile time");
        step = s.getInt();
      }
      auto bound = [&](Value v, int64_t omitted) -> FailureOr<Value> {
        if (isNone(v))
          return i64(omitted);
        if (!isIntIndex(v.getType()))
          return op.emitError() << "slice bounds must be ints, not " << withArticle(v.getType());
        return v;
      };
      auto start = bound(slice.getLower(), step > 0 ? 0 : kFar);
      auto end = bound(slice.getUpper(), step > 0 ? kFar : -kFar);
      if (failed(start) || failed(end))
        return failure();
      bool whole = step == 1 && isNone(slice.getLower()) && isNone(slice.getUpper());
      if (!whole) {
        sliceAxes.push_back(i64(axis));
        starts.push_back(*start);
        ends.push_back(*end);
        strides.push_back(i64(step));
      }
      ++axis;
      ++outputAxis;
      continue;
    }
    if (!isIntIndex(item.getType())) {
      auto t = dyn_cast<RankedTensorType>(item.getType());
      if (t && t.getElementType().isInteger(1))
        return op.emitError("boolean mask indexing of tensors is not supported in compiled "
                            "code yet");
      if (t)
        return op.emitError("indexing with integer tensors of several elements is not "
                            "supported in compiled code yet (use paddle.gather)");
      return op.emitError() << "indexing a tensor with " << withArticle(item.getType())
                            << " is not supported in compiled code";
    }
    selections.push_back({axis++, item});
  }

  Value result = x;
  if (!sliceAxes.empty()) {
    Value axesList = list(sliceAxes);
    result = call("strided_slice",
                  {result, axesList, list(starts), list(ends), list(strides)}, {});
  }
  // Each integer index removes its dimension: from the last one, so that the
  // axes of the others stay where they are.
  for (auto [selected, index] : llvm::reverse(selections)) {
    Value scalarIndex = index;
    if (isa<RankedTensorType>(index.getType()))
      scalarIndex = call("reshape", {index, constant(b.getArrayAttr({}))}, {});
    else
      scalarIndex = call("to_tensor", {index}, {});
    result = call("gather", {result, scalarIndex, i64(selected)}, {"axis"});
  }
  if (!newAxes.empty())
    result = call("unsqueeze", {result, list(newAxes)}, {});
  if (result == x) {
    // x[...] or x[:]: a copy, as eager indexing gives a new tensor.
    result = call("cast", {x, constant(b.getStringAttr(elementTypeName(type.getElementType())))},
                  {});
  }
  op.getResult().replaceAllUsesWith(result);
  op.erase();
  return first;
}

} // namespace mlir::pydy
