// Specialization of slices of lists and tuples (see Specializer.h): of
// strings known when compiling, their items and slices; of
// sequences known when compiling, picked now; of TensorArrays (and lists
// with runtime bounds), the loop Python's slicing runs; with that loop,
// TensorArrays appended to lists and items inserted into them.
#include "Specializer.h"

namespace mlir::pydy::specialization {

bool Specializer::boundsKnown(Value slice) {
  auto display = slice.getDefiningOp<SliceOp>();
  return !display || llvm::all_of(display->getOperands(), [](Value part) {
    return isa<PyNoneType>(part.getType()) || isa_and_nonnull<IntegerAttr>(constantOf(part));
  });
}

FailureOr<Specializer::StaticSlice> Specializer::staticSlice(Operation *op, Value index,
                                                             int64_t n) {
  auto slice = index.getDefiningOp<SliceOp>();
  auto part = [&](Value v, std::optional<int64_t> &out) -> LogicalResult {
    if (isa<PyNoneType>(v.getType()))
      return success();
    auto i = dyn_cast_or_null<IntegerAttr>(constantOf(v));
    if (!i || !i.getType().isInteger(64))
      return op->emitError("slices of lists and tuples need bounds known at compile time");
    out = i.getInt();
    return success();
  };
  std::optional<int64_t> lower, upper, step;
  if (!slice || failed(part(slice.getLower(), lower)) || failed(part(slice.getUpper(), upper)) ||
      failed(part(slice.getStep(), step)))
    return slice ? failure() : op->emitError("slices of lists need a slice display");
  if (step && *step == 0)
    return op->emitError("ValueError: slice step cannot be zero");
  int64_t s = step.value_or(1);
  auto clamp = [&](std::optional<int64_t> v, int64_t omitted, int64_t lo, int64_t hi) {
    if (!v)
      return omitted;
    int64_t x = *v < 0 ? *v + n : *v;
    return std::min(std::max(x, lo), hi);
  };
  StaticSlice result;
  result.step = s;
  result.from = s > 0 ? clamp(lower, 0, 0, n) : clamp(lower, n - 1, -1, n - 1);
  int64_t to = s > 0 ? clamp(upper, n, 0, n) : clamp(upper, -1, -1, n - 1);
  for (int64_t i = result.from; s > 0 ? i < to : i > to; i += s)
    result.positions.push_back(i);
  return result;
}

LogicalResult Specializer::sliceSequence(SubscriptOp op) {
  OpBuilder b(op);
  SmallVector<Value> elements = elementsOf(b, op.getLoc(), op.getValue());
  FailureOr<StaticSlice> slice = staticSlice(op, op.getIndex(), elements.size());
  if (failed(slice))
    return failure();
  SmallVector<Value> picked;
  for (int64_t i : slice->positions)
    picked.push_back(elements[i]);
  SmallVector<Type> types = llvm::map_to_vector(picked, [](Value v) { return v.getType(); });
  Value result = isa<ListType>(op.getValue().getType())
                     ? Value(ListOp::create(b, op.getLoc(), ListType::get(op.getContext(), types), picked))
                     : Value(TupleOp::create(b, op.getLoc(), TupleType::get(op.getContext(), types), picked));
  op.getResult().replaceAllUsesWith(result);
  op.erase();
  return success();
}

LogicalResult Specializer::subscriptText(SubscriptOp op) {
  StringRef text = cast<StringAttr>(constantOf(op.getValue())).getValue();
  // Python indexes code points: each starts at a byte that continues none.
  SmallVector<StringRef> points;
  for (size_t i = 0; i < text.size();) {
    size_t end = i + 1;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
      ++end;
    points.push_back(text.slice(i, end));
    i = end;
  }
  std::string picked;
  int64_t n = points.size();
  if (isa<SliceType>(op.getIndex().getType())) {
    FailureOr<StaticSlice> slice = staticSlice(op, op.getIndex(), n);
    if (failed(slice))
      return failure();
    for (int64_t i : slice->positions)
      picked += points[i].str();
  } else {
    auto index = dyn_cast_or_null<IntegerAttr>(constantOf(op.getIndex()));
    if (!index || !index.getType().isInteger(64))
      return op.emitError("an index of a string must be an int known at compile time");
    int64_t i = index.getInt();
    if (i < -n || i >= n)
      return op.emitError("IndexError: string index out of range");
    picked = points[i < 0 ? i + n : i].str();
  }
  OpBuilder b(op);
  op.getResult().replaceAllUsesWith(
      ConstantOp::create(b, op.getLoc(), b.getStringAttr(picked)).getResult());
  op.erase();
  return success();
}

/// The literal ints a 1-d `to_tensor` holds, with an integer dtype or none.
static std::optional<ArrayAttr> literalInts(Value v) {
  std::optional<LiteralTensor> literal = literalTensor(v);
  if (!literal)
    return std::nullopt;
  auto data = dyn_cast_or_null<ArrayAttr>(literal->data);
  auto dtypeName = dyn_cast_or_null<StringAttr>(literal->dtype);
  if (!data || (literal->dtype && (!dtypeName || dtypeName.getValue() != "int64")))
    return std::nullopt;
  if (!llvm::all_of(data, [](Attribute a) {
        auto i = dyn_cast<IntegerAttr>(a);
        return i && !i.getType().isInteger(1);
      }))
    return std::nullopt;
  return data;
}

bool Specializer::isLiteralTensorIndex(SubscriptOp op) {
  std::optional<ArrayAttr> data = literalInts(op.getValue());
  if (!data)
    return false;
  if (isa<SliceType>(op.getIndex().getType()))
    return boundsKnown(op.getIndex());
  auto index = dyn_cast_or_null<IntegerAttr>(constantOf(op.getIndex()));
  int64_t n = data->size();
  return index && index.getType().isInteger(64) && index.getInt() >= -n && index.getInt() < n;
}

LogicalResult Specializer::indexLiteralTensor(SubscriptOp op, Operation *&next) {
  ArrayAttr data = *literalInts(op.getValue());
  OpBuilder b(op);
  Location loc = op.getLoc();
  auto object = ObjectType::get(op.getContext());
  Operation *first = nullptr;
  auto note = [&](Operation *created) {
    if (!first)
      first = created;
    return created->getResult(0);
  };
  Value picked;
  if (isa<SliceType>(op.getIndex().getType())) {
    FailureOr<StaticSlice> slice = staticSlice(op, op.getIndex(), data.size());
    if (failed(slice))
      return failure();
    SmallVector<Value> items;
    for (int64_t i : slice->positions)
      items.push_back(note(ConstantOp::create(b, loc, data[i])));
    picked = note(ListOp::create(b, loc, object, items));
  } else {
    int64_t i = cast<IntegerAttr>(constantOf(op.getIndex())).getInt();
    picked = note(ConstantOp::create(b, loc, data[i < 0 ? i + data.size() : i]));
  }
  // The literal's tensor, in the dtype the indexed one has.
  Value dtype = note(ConstantOp::create(b, loc, b.getStringAttr("int64")));
  auto call = LibCallOp::create(b, loc, object, "to_tensor", ValueRange{picked, dtype},
                                b.getStrArrayAttr({"data", "dtype"}), DictionaryAttr());
  op.getResult().replaceAllUsesWith(call.getResult());
  op.erase();
  next = first;
  return success();
}

LogicalResult Specializer::assignSlice(SetItemOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  SmallVector<Value> elements = elementsOf(b, loc, op.getValue());
  FailureOr<StaticSlice> slice = staticSlice(op, op.getIndex(), elements.size());
  if (failed(slice))
    return failure();
  Type given = op.getItem().getType();
  if (!isa<ListType, TupleType, NamedTupleType>(given))
    return op.emitError() << "assigning " << withArticle(given)
                          << " to a slice of a list is not supported by dy2st yet (a list or "
                             "tuple of known length is)";
  SmallVector<Value> items = elementsOf(b, loc, op.getItem());
  if (slice->step == 1) {
    // l[a:b] = items: the run replaced, however long either is.
    int64_t from = slice->from;
    int64_t to = slice->positions.empty() ? from : slice->positions.back() + 1;
    elements.erase(elements.begin() + from, elements.begin() + to);
    elements.insert(elements.begin() + from, items.begin(), items.end());
  } else {
    if (items.size() != slice->positions.size())
      return op.emitError() << "ValueError: attempt to assign sequence of size " << items.size()
                            << " to extended slice of size " << slice->positions.size();
    for (auto [i, item] : llvm::zip(slice->positions, items))
      elements[i] = item;
  }
  SmallVector<Type> types = llvm::map_to_vector(elements, [](Value v) { return v.getType(); });
  op.getResult().replaceAllUsesWith(
      ListOp::create(b, loc, ListType::get(op.getContext(), types), elements).getResult());
  op.erase();
  return success();
}

/// `a[lower:upper:step]` of a TensorArray (or of a list, made one): Python's `slice.indices(len(a))`
/// bounds, then the loop `for i in range(start, stop, step): out.append(a[i])`,
/// built as unspecialized pydy ops from which the specialization goes on.
LogicalResult Specializer::sliceArray(SubscriptOp op, Operation *&next) {
  auto slice = op.getIndex().getDefiningOp<SliceOp>();
  if (!slice)
    return op.emitError("slices of lists need a slice display");
  int64_t step = 1;
  if (!isa<PyNoneType>(slice.getStep().getType())) {
    auto known = dyn_cast_or_null<IntegerAttr>(constantOf(slice.getStep()));
    if (!known)
      return op.emitError("the step of a slice of a list whose length is known only at run "
                          "time must be known when compiling");
    step = known.getInt();
  }
  if (step == 0)
    return op.emitError("ValueError: slice step cannot be zero");
  Location loc = op.getLoc();
  MLIRContext *ctx = op.getContext();
  Type object = ObjectType::get(ctx);
  OpBuilder b(op);
  auto constant = [&](int64_t v) -> Value { return ConstantOp::create(b, loc, b.getI64IntegerAttr(v)); };
  auto binary = [&](BinaryKind kind, Value l, Value r) -> Value {
    return BinaryOp::create(b, loc, object, kind, l, r);
  };
  auto choose = [&](Value cond, function_ref<Value()> then, function_ref<Value()> otherwise) {
    return chooseValue(b, loc, object, cond, then, otherwise);
  };
  auto less = [&](Value l, Value r) -> Value {
    return CompareOp::create(b, loc, object, CompareKind::lt, l, r);
  };
  // A list as one TensorArray, made once before the loop.
  Value sequence = op.getValue();
  if (isa<ListType>(sequence.getType())) {
    FailureOr<Value> array = asArray(op, b, sequence);
    if (failed(array))
      return failure();
    sequence = *array;
  }
  Value n = LenOp::create(b, loc, object, sequence);
  Operation *first = n.getDefiningOp();
  Value last = binary(BinaryKind::sub, n, constant(1));
  // An omitted bound, or a given one counted from the end when negative and
  // clamped to [low, high], as slice.indices does.
  auto bound = [&](Value v, Value omitted, int64_t low, Value high) -> Value {
    if (isa<PyNoneType>(v.getType()))
      return omitted;
    Value counted = choose(less(v, constant(0)), [&] { return binary(BinaryKind::add, v, n); },
                           [&] { return v; });
    return choose(less(counted, constant(low)), [&] { return constant(low); }, [&] {
      return choose(less(high, counted), [&] { return high; }, [&] { return counted; });
    });
  };
  Value start = step > 0 ? bound(slice.getLower(), constant(0), 0, n)
                         : bound(slice.getLower(), last, -1, last);
  Value stop = step > 0 ? bound(slice.getUpper(), n, 0, n)
                        : bound(slice.getUpper(), constant(-1), -1, last);
  Value empty = ListOp::create(b, loc, object, ValueRange{});
  op.getResult().replaceAllUsesWith(
      appendItems(b, loc, empty, sequence, start, stop, constant(step)));
  op.erase();
  next = first;
  return success();
}

Value Specializer::appendItems(OpBuilder &b, Location loc, Value list, Value sequence,
                               Value start, Value stop, Value step) {
  Type object = ObjectType::get(b.getContext());
  auto loop = ForRangeOp::create(b, loc, TypeRange{object}, start, stop, step,
                                 ValueRange{list}, b.getStrArrayAttr({"items"}));
  Block &body = loop.getBody().emplaceBlock();
  Value index = body.addArgument(object, loc);
  Value items = body.addArgument(object, loc);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(&body);
  Value item = SubscriptOp::create(b, loc, object, sequence, index);
  auto append = CallMethodOp::create(b, loc, TypeRange{object, object}, items, "append",
                                     ValueRange{item}, b.getStrArrayAttr({}));
  YieldOp::create(b, loc, ValueRange{append.getUpdated()});
  return loop.getResult(0);
}

LogicalResult Specializer::appendArray(BinaryOp op, Operation *&next) {
  Type left = op.getLhs().getType(), right = op.getRhs().getType();
  Type item = cast<tensor_array::ArrayType>(right).getElementType();
  SmallVector<Type> items;
  if (auto array = dyn_cast<tensor_array::ArrayType>(left))
    items.push_back(array.getElementType());
  else
    items.assign(sequenceElementTypes(left)->begin(), sequenceElementTypes(left)->end());
  for (Type t : items)
    if (!(item = widenedArrayItem(item, t)))
      return op.emitError() << "'+' of " << withArticle(left) << " and " << withArticle(right)
                            << ": a list whose length is known only at run time (a "
                               "TensorArray) holds tensors of one dtype and rank, or numbers "
                               "of one kind";
  OpBuilder b(op);
  Location loc = op.getLoc();
  Value zero = ConstantOp::create(b, loc, b.getI64IntegerAttr(0));
  Value one = ConstantOp::create(b, loc, b.getI64IntegerAttr(1));
  Value n = LenOp::create(b, loc, ObjectType::get(op.getContext()), op.getRhs());
  op.getResult().replaceAllUsesWith(appendItems(b, loc, op.getLhs(), op.getRhs(), zero, n, one));
  next = zero.getDefiningOp();
  op.erase();
  return success();
}

LogicalResult Specializer::insertIntoArray(CallMethodOp op, Operation *&next) {
  if (op.getArgs().size() != 2 || !op.getKwnames().empty())
    return op.emitError("list.insert() takes an index and an item");
  if (isa<ListType>(op.getObject().getType()) && !arrayItemType(op.getObject().getType()))
    return op.emitError() << "inserting at an index known only at run time into "
                          << withArticle(op.getObject().getType())
                          << " needs its items to be tensors of one dtype and rank, or "
                             "numbers of one kind (a TensorArray)";
  // l[:i] + [item] + l[i:], which clamps the index as insert does.
  OpBuilder b(op);
  Location loc = op.getLoc();
  Type object = ObjectType::get(op.getContext());
  Value none = ConstantOp::create(b, loc, b.getUnitAttr());
  Value index = op.getArgs()[0], list = op.getObject();
  Value head = SubscriptOp::create(b, loc, object, list,
                                   SliceOp::create(b, loc, SliceType::get(b.getContext()), none, index, none));
  Value tail = SubscriptOp::create(b, loc, object, list,
                                   SliceOp::create(b, loc, SliceType::get(b.getContext()), index, none, none));
  Value item = ListOp::create(b, loc, object, ValueRange{op.getArgs()[1]});
  Value front = BinaryOp::create(b, loc, object, BinaryKind::add, head, item);
  op.getUpdated().replaceAllUsesWith(BinaryOp::create(b, loc, object, BinaryKind::add, front, tail));
  op.getResult().replaceAllUsesWith(ConstantOp::create(b, loc, b.getUnitAttr()));
  next = none.getDefiningOp();
  op.erase();
  return success();
}

} // namespace mlir::pydy::specialization
