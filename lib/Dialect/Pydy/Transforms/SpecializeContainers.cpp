// Specialization of containers (see Specializer.h): lists (fixed or
// growing tensor arrays), tuples, slices, nested structures (dicts: see
// SpecializeDicts.cpp).
#include "Specializer.h"

namespace mlir::pydy::specialization {

FailureOr<size_t> Specializer::staticIndex(Operation *op, Value index, size_t size, bool inclusive) {
  auto attr = dyn_cast_or_null<IntegerAttr>(constantOf(index));
  if (!attr || !attr.getType().isInteger(64))
    return op->emitError("an index into a Python list must be known at compile time "
                         "(a runtime index needs a TensorArray, not supported by dy2st yet)");
  int64_t i = attr.getInt(), n = size + (inclusive ? 1 : 0);
  if (i < 0)
    i += size;
  if (i < 0 || i >= n)
    return op->emitError() << "list index " << attr.getInt() << " out of range for a list of "
                           << size;
  return static_cast<size_t>(i);
}

LogicalResult Specializer::specializeListMethod(CallMethodOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  SmallVector<Value> elements = elementsOf(b, loc, op.getObject());
  StringRef method = op.getMethod();
  if (!op.getKwnames().empty())
    return op.emitError() << "list." << method << "() takes no keyword arguments";
  Value result = ConstantOp::create(b, loc, b.getUnitAttr());
  if (method == "append" && op.getArgs().size() == 1) {
    elements.push_back(op.getArgs()[0]);
  } else if (method == "pop" && op.getArgs().size() <= 1) {
    if (elements.empty())
      return op.emitError("pop from an empty list");
    size_t i = elements.size() - 1;
    if (!op.getArgs().empty()) {
      auto index = staticIndex(op, op.getArgs()[0], elements.size(), false);
      if (failed(index))
        return failure();
      i = *index;
    }
    result = elements[i];
    elements.erase(elements.begin() + i);
  } else if (method == "insert" && op.getArgs().size() == 2) {
    auto index = staticIndex(op, op.getArgs()[0], elements.size(), true);
    if (failed(index))
      return failure();
    elements.insert(elements.begin() + *index, op.getArgs()[1]);
  } else if (method == "reverse" && op.getArgs().empty()) {
    std::reverse(elements.begin(), elements.end());
  } else if (method == "clear" && op.getArgs().empty()) {
    elements.clear();
  } else {
    return op.emitError() << "list." << method << "() is not supported by dy2st yet";
  }
  SmallVector<Type> types = llvm::map_to_vector(elements, [](Value v) { return v.getType(); });
  Value updated = ListOp::create(b, loc, ListType::get(op.getContext(), types), elements);
  op.getResult().replaceAllUsesWith(result);
  op.getUpdated().replaceAllUsesWith(updated);
  op.erase();
  return success();
}

bool Specializer::needsArray(Value sequence, Value index) {
  Type t = sequence.getType();
  return isa<tensor_array::ArrayType>(t) ||
         (isa<ListType>(t) && !isa_and_nonnull<IntegerAttr>(constantOf(index)));
}

/// Whether a value of type `t` indexes a list: an int, or a one-element
/// integer tensor.
static bool isListIndex(Type t) {
  if (isIntScalar(t))
    return true;
  auto tensor = dyn_cast<RankedTensorType>(t);
  return tensor && isa<IntegerType>(tensor.getElementType()) &&
         !tensor.getElementType().isInteger(1) && tensor.hasStaticShape() &&
         tensor.getNumElements() == 1;
}

bool Specializer::isItemChoice(SubscriptOp op) {
  // A chain of comparisons, compiled as such: at most as long as a table of
  // literals (static_containers.py's _LARGEST_TABLE).
  constexpr size_t kLongestChoice = 256;
  Type sequence = op.getValue().getType();
  auto items = sequenceElementTypes(sequence);
  if (!isa<ListType, TupleType, NamedTupleType>(sequence) || items->empty() ||
      items->size() > kLongestChoice || !isListIndex(op.getIndex().getType()) ||
      isa_and_nonnull<IntegerAttr>(constantOf(op.getIndex())))
    return false;
  if (isa<ListType>(sequence) && arrayItemType(sequence))
    return false;
  return llvm::all_equal(*items);
}

LogicalResult Specializer::chooseItem(SubscriptOp op, Operation *&next) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  FailureOr<Value> index = runtimeIndex(op, b, op.getIndex());
  if (failed(index))
    return failure();
  Type object = ObjectType::get(op.getContext());
  Type item = sequenceElementTypes(op.getValue().getType())->front();
  int64_t size = sequenceElementTypes(op.getValue().getType())->size();
  auto constant = [&](int64_t v) -> Value {
    return ConstantOp::create(b, loc, b.getI64IntegerAttr(v));
  };
  Value negative = CompareOp::create(b, loc, object, CompareKind::lt, *index, constant(0));
  Operation *first = negative.getDefiningOp();
  Value position = chooseValue(
      b, loc, object, negative,
      [&] { return BinaryOp::create(b, loc, object, BinaryKind::add, *index, constant(size)); },
      [&] { return *index; });
  StringRef kind = isa<ListType>(op.getValue().getType()) ? "list" : "tuple";
  std::function<Value(int64_t)> from = [&](int64_t k) -> Value {
    if (k == size) {
      RaiseOp::create(b, loc, b.getStringAttr("IndexError"),
                      b.getStringAttr(kind + " index out of range"), ValueRange{});
      return SubscriptOp::create(b, loc, item, op.getValue(), constant(0));
    }
    Value here = CompareOp::create(b, loc, object, CompareKind::eq, position, constant(k));
    return chooseValue(
        b, loc, item, here,
        [&] { return SubscriptOp::create(b, loc, item, op.getValue(), constant(k)); },
        [&] { return from(k + 1); });
  };
  op.getResult().replaceAllUsesWith(from(0));
  op.erase();
  next = first;
  return success();
}

FailureOr<Value> Specializer::asArray(Operation *op, OpBuilder &b, Value sequence) {
  Type item = arrayItemType(sequence.getType());
  if (!item)
    return op->emitError() << "a runtime index into " << withArticle(sequence.getType())
                           << " needs its items to be tensors of one dtype and rank, or "
                              "numbers of one kind (a TensorArray)";
  return castTo(b, sequence, tensor_array::ArrayType::get(item));
}

FailureOr<Value> Specializer::runtimeIndex(Operation *op, OpBuilder &b, Value index) {
  Type t = index.getType();
  if (t.isInteger(64))
    return index;
  if (isListIndex(t))
    return Value(UnaryOp::create(b, op->getLoc(), b.getI64Type(), UnaryKind::to_int, index));
  return op->emitError() << "list indices must be integers or one-element integer tensors, "
                         << "not " << withArticle(t);
}

FailureOr<Value> Specializer::widenFor(Operation *op, OpBuilder &b, Value array, Value item) {
  auto type = cast<tensor_array::ArrayType>(array.getType());
  Type joined = widenedArrayItem(type.getElementType(), item.getType());
  if (!joined)
    return op->emitError() << "a list compiled to a TensorArray holds tensors of one dtype "
                           << "and rank, or numbers of one kind: " << withArticle(item.getType())
                           << " does not go with items of type "
                           << describeType(type.getElementType());
  return castTo(b, array, tensor_array::ArrayType::get(joined));
}

FailureOr<std::pair<Value, Value>> Specializer::arrayAndIndex(Operation *op, OpBuilder &b, Value sequence,
                                                 Value index) {
  auto array = asArray(op, b, sequence);
  if (failed(array))
    return failure();
  auto i = runtimeIndex(op, b, index);
  if (failed(i))
    return failure();
  return std::make_pair(*array, *i);
}

LogicalResult Specializer::specializeArrayRead(SubscriptOp op) {
  OpBuilder b(op);
  auto access = arrayAndIndex(op, b, op.getValue(), op.getIndex());
  if (failed(access))
    return failure();
  auto [array, index] = *access;
  Value item = tensor_array::ReadOp::create(
      b, op.getLoc(), cast<tensor_array::ArrayType>(array.getType()).getElementType(), array,
      index);
  op.getResult().replaceAllUsesWith(item);
  op.erase();
  return success();
}

LogicalResult Specializer::specializeArrayWrite(SetItemOp op) {
  OpBuilder b(op);
  auto access = arrayAndIndex(op, b, op.getValue(), op.getIndex());
  if (failed(access))
    return failure();
  auto [array, index] = *access;
  auto widened = widenFor(op, b, array, op.getItem());
  if (failed(widened))
    return failure();
  auto type = cast<tensor_array::ArrayType>(widened->getType());
  Value item = castTo(b, op.getItem(), type.getElementType());
  op.getResult().replaceAllUsesWith(
      tensor_array::WriteOp::create(b, op.getLoc(), *widened, index, item));
  op.erase();
  return success();
}

LogicalResult Specializer::specializeArrayMethod(CallMethodOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  StringRef method = op.getMethod();
  if (!op.getKwnames().empty())
    return op.emitError() << "list." << method << "() takes no keyword arguments";
  auto array = asArray(op, b, op.getObject());
  if (failed(array))
    return failure();
  Value result, updated;
  if (method == "append" && op.getArgs().size() == 1) {
    auto widened = widenFor(op, b, *array, op.getArgs()[0]);
    if (failed(widened))
      return failure();
    auto type = cast<tensor_array::ArrayType>(widened->getType());
    updated = tensor_array::AppendOp::create(
        b, loc, *widened, castTo(b, op.getArgs()[0], type.getElementType()));
    result = ConstantOp::create(b, loc, b.getUnitAttr());
  } else if (method == "pop" && op.getArgs().size() <= 1) {
    Value index;
    if (!op.getArgs().empty()) {
      auto i = runtimeIndex(op, b, op.getArgs()[0]);
      if (failed(i))
        return failure();
      index = *i;
    }
    auto type = cast<tensor_array::ArrayType>(array->getType());
    auto pop = tensor_array::PopOp::create(b, loc, type, type.getElementType(), *array, index);
    updated = pop.getResult();
    result = pop.getItem();
  } else {
    return op.emitError() << "list." << method << "() of a list whose length is known only "
                          << "at run time (a TensorArray) is not supported by dy2st yet";
  }
  op.getResult().replaceAllUsesWith(result);
  op.getUpdated().replaceAllUsesWith(updated);
  op.erase();
  return success();
}

LogicalResult Specializer::reverseArray(CallMethodOp op, Operation *&next) {
  if (!op.getArgs().empty() || !op.getKwnames().empty())
    return op.emitError("list.reverse() takes no arguments");
  Operation *before = op->getPrevNode();
  OpBuilder b(op);
  Location loc = op.getLoc();
  // The items read backwards, as `l[::-1]` reads them.
  Value none = ConstantOp::create(b, loc, b.getUnitAttr());
  Value backwards = ConstantOp::create(b, loc, b.getI64IntegerAttr(-1));
  Value slice = SliceOp::create(b, loc, SliceType::get(op.getContext()), none, none, backwards);
  Value reversed =
      SubscriptOp::create(b, loc, ObjectType::get(op.getContext()), op.getObject(), slice);
  op.getResult().replaceAllUsesWith(none);
  op.getUpdated().replaceAllUsesWith(reversed);
  next = firstAfter(before, op);
  op.erase();
  return success();
}

LogicalResult Specializer::concatenateLists(BinaryOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  SmallVector<Value> items = elementsOf(b, loc, op.getRhs());
  Value result;
  if (isa<tensor_array::ArrayType>(op.getLhs().getType())) {
    result = op.getLhs();
    for (Value item : items) {
      auto widened = widenFor(op, b, result, item);
      if (failed(widened))
        return failure();
      auto type = cast<tensor_array::ArrayType>(widened->getType());
      result = tensor_array::AppendOp::create(b, loc, *widened,
                                              castTo(b, item, type.getElementType()));
    }
  } else {
    SmallVector<Value> all = elementsOf(b, loc, op.getLhs());
    llvm::append_range(all, items);
    SmallVector<Type> types(ValueRange(all).getTypes());
    result = ListOp::create(b, loc, ListType::get(op.getContext(), types), all);
  }
  op.getResult().replaceAllUsesWith(result);
  op.erase();
  return success();
}

bool Specializer::isSequenceArithmetic(BinaryOp op) {
  Type lhs = op.getLhs().getType(), rhs = op.getRhs().getType();
  if (op.getKind() == BinaryKind::add)
    return isa<TupleType, NamedTupleType>(lhs) && isa<TupleType, NamedTupleType>(rhs);
  if (op.getKind() != BinaryKind::mul)
    return false;
  return (isa<ListType, TupleType, NamedTupleType>(lhs) && isIntScalar(rhs)) ||
         (isIntScalar(lhs) && isa<ListType, TupleType, NamedTupleType>(rhs));
}

LogicalResult Specializer::combineSequences(BinaryOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  Value sequence = op.getLhs(), other = op.getRhs();
  SmallVector<Value> items;
  if (op.getKind() == BinaryKind::add) {
    items = elementsOf(b, loc, sequence);
    llvm::append_range(items, elementsOf(b, loc, other));
  } else {
    if (!sequenceElementTypes(sequence.getType()))
      std::swap(sequence, other);
    auto count = dyn_cast_or_null<IntegerAttr>(constantOf(other));
    if (!count)
      return op.emitError("a list or tuple repeated ('*') needs a count known at compile time");
    SmallVector<Value> once = elementsOf(b, loc, sequence);
    for (int64_t i = 0; i < count.getInt(); ++i)
      llvm::append_range(items, once);
  }
  SmallVector<Type> types(ValueRange(items).getTypes());
  Value result = !isa<ListType>(sequence.getType())
                     ? Value(TupleOp::create(b, loc, TupleType::get(op.getContext(), types), items))
                     : Value(ListOp::create(b, loc, ListType::get(op.getContext(), types), items));
  op.getResult().replaceAllUsesWith(result);
  op.erase();
  return success();
}

LogicalResult Specializer::literalMembership(CompareOp op) {
  OpBuilder b(op);
  Attribute needle = constantOf(op.getLhs());
  bool found = false;
  for (Value item : elementsOf(b, op.getLoc(), op.getRhs())) {
    Attribute candidate = constantOf(item);
    if (!needle || !candidate)
      return op.emitError("'in' of a list or tuple needs the value and the items known at "
                          "compile time in dy2st");
    found |= candidate == needle;
  }
  bool result = found == (op.getKind() == CompareKind::in);
  op.getResult().replaceAllUsesWith(
      ConstantOp::create(b, op.getLoc(), b.getBoolAttr(result)));
  op.erase();
  return success();
}

bool Specializer::isSequenceEquality(CompareOp op) {
  auto isSequence = [](Type t) { return isa<ListType, TupleType>(t); };
  return (op.getKind() == CompareKind::eq || op.getKind() == CompareKind::ne) &&
         isSequence(op.getLhs().getType()) && isSequence(op.getRhs().getType()) &&
         !(constantOf(op.getLhs()) && constantOf(op.getRhs()));
}

LogicalResult Specializer::sequenceEquality(CompareOp op, Operation *&next) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  Operation *before = op->getPrevNode();
  bool equal = op.getKind() == CompareKind::eq;
  SmallVector<Value> lhs = elementsOf(b, loc, op.getLhs());
  SmallVector<Value> rhs = elementsOf(b, loc, op.getRhs());
  Value result;
  // A list never equals a tuple; sequences of different lengths differ.
  if (op.getLhs().getType().getTypeID() != op.getRhs().getType().getTypeID() ||
      lhs.size() != rhs.size()) {
    result = ConstantOp::create(b, loc, b.getBoolAttr(!equal));
  } else {
    // The product of the items' equalities (as ints) is 1 when all are equal.
    Type object = ObjectType::get(op.getContext());
    Value product = ConstantOp::create(b, loc, b.getI64IntegerAttr(1));
    for (auto [l, r] : llvm::zip(lhs, rhs)) {
      Value same = CompareOp::create(b, loc, object, CompareKind::eq, l, r);
      Value count = UnaryOp::create(b, loc, object, UnaryKind::to_int, same);
      product = BinaryOp::create(b, loc, object, BinaryKind::mul, product, count);
    }
    Value one = ConstantOp::create(b, loc, b.getI64IntegerAttr(1));
    result = CompareOp::create(b, loc, object, equal ? CompareKind::eq : CompareKind::ne,
                               product, one);
  }
  op.getResult().replaceAllUsesWith(result);
  next = firstAfter(before, op);
  op.erase();
  return success();
}

bool Specializer::isSequenceOrdering(CompareOp op) {
  CompareKind kind = op.getKind();
  auto isSequence = [](Type t) { return isa<ListType, TupleType>(t); };
  return (kind == CompareKind::lt || kind == CompareKind::le || kind == CompareKind::gt ||
          kind == CompareKind::ge) &&
         isSequence(op.getLhs().getType()) && isSequence(op.getRhs().getType());
}

LogicalResult Specializer::sequenceOrdering(CompareOp op, Operation *&next) {
  Type lt = op.getLhs().getType(), rt = op.getRhs().getType();
  StringRef symbol = op.getKind() == CompareKind::lt   ? "<"
                     : op.getKind() == CompareKind::le ? "<="
                     : op.getKind() == CompareKind::gt ? ">"
                                                       : ">=";
  if (lt.getTypeID() != rt.getTypeID())
    return op.emitError() << "TypeError: '" << symbol << "' not supported between instances of '"
                          << (isa<ListType>(lt) ? "list" : "tuple") << "' and '"
                          << (isa<ListType>(rt) ? "list" : "tuple") << "'";
  OpBuilder b(op);
  Location loc = op.getLoc();
  Operation *before = op->getPrevNode();
  SmallVector<Value> lhs = elementsOf(b, loc, op.getLhs());
  SmallVector<Value> rhs = elementsOf(b, loc, op.getRhs());
  Type object = ObjectType::get(op.getContext());
  // Python's order: the first items that differ decide; where one sequence
  // is a prefix of the other, their lengths.
  std::function<Value(size_t)> from = [&](size_t i) -> Value {
    if (i == std::min(lhs.size(), rhs.size())) {
      Value l = ConstantOp::create(b, loc, b.getI64IntegerAttr(lhs.size()));
      Value r = ConstantOp::create(b, loc, b.getI64IntegerAttr(rhs.size()));
      return CompareOp::create(b, loc, object, op.getKind(), l, r);
    }
    Value same = CompareOp::create(b, loc, object, CompareKind::eq, lhs[i], rhs[i]);
    return chooseValue(
        b, loc, object, same, [&] { return from(i + 1); },
        [&] { return CompareOp::create(b, loc, object, op.getKind(), lhs[i], rhs[i]); });
  };
  Value result = from(0);
  op.getResult().replaceAllUsesWith(result);
  next = firstAfter(before, op);
  op.erase();
  return success();
}

LogicalResult Specializer::specializeArrayJoin(LibCallOp op, StringRef name, Value array, Value axisValue) {
  auto arrayType = cast<tensor_array::ArrayType>(array.getType());
  if (arrayType.holdsScalars())
    return op.emitError() << name << "(): the list holds "
                          << withArticle(arrayType.getElementType()) << " items; it takes tensors";
  RankedTensorType item = arrayType.getItemTensorType();
  int64_t rank = item.getRank() + (name == "stack" ? 1 : 0);
  int64_t axis = 0;
  if (axisValue) {
    auto attr = dyn_cast_or_null<IntegerAttr>(constantOf(axisValue));
    if (!attr)
      return op.emitError() << name << "(): axis must be an int known at compile time";
    axis = attr.getInt();
  }
  if (rank == 0 || axis < -rank || axis >= rank)
    return op.emitError() << name << "(): axis " << axis << " is out of range";
  if (axis < 0)
    axis += rank;
  OpBuilder b(op);
  RankedTensorType stacked =
      cast<tensor_array::ArrayType>(array.getType()).getStackedType(axis);
  SmallVector<int64_t> shape(stacked.getShape());
  // numpy's message, as the eager kernels raise it.
  std::string emptyError =
      ("need at least one array to " + Twine(name == "stack" ? "stack" : "concatenate")).str();
  Value result = tensor_array::StackOp::create(
      b, op.getLoc(), stacked, array, b.getI64IntegerAttr(axis), b.getStringAttr(emptyError));
  if (name == "concat") {
    SmallVector<ReassociationIndices> groups;
    for (int64_t d = 0; d < item.getRank(); ++d)
      groups.push_back(d == axis ? ReassociationIndices{d, d + 1}
                                 : ReassociationIndices{d < axis ? d : d + 1});
    shape.erase(shape.begin() + axis + 1);
    result = tensor::CollapseShapeOp::create(
        b, op.getLoc(), RankedTensorType::get(shape, item.getElementType()), result, groups);
  }
  op.getResult().replaceAllUsesWith(result);
  op.erase();
  return success();
}

LogicalResult Specializer::specializeSetItem(SetItemOp op) {
  if (isa<DictType>(op.getValue().getType()))
    return specializeDictSetItem(op);
  Type sequence = op.getValue().getType();
  // A tuple's items cannot be assigned, but one changed in place (the
  // importer writes the change back along the path) is the tuple's new item.
  bool tuple = isa<TupleType, NamedTupleType>(sequence);
  if (tuple && !op.getItemChanged())
    return op.emitError() << "TypeError: 'tuple' object does not support item assignment";
  if (isa<ListType>(sequence) && isa<SliceType>(op.getIndex().getType()))
    return assignSlice(op);
  if (!tuple && needsArray(op.getValue(), op.getIndex()))
    return specializeArrayWrite(op);
  if (!tuple && !isa<ListType>(sequence))
    return op.emitError() << "assigning items of " << withArticle(sequence)
                          << " is not supported by dy2st yet";
  auto size = sequenceElementTypes(sequence)->size();
  auto index = staticIndex(op, op.getIndex(), size, false);
  if (failed(index))
    return failure();
  OpBuilder b(op);
  SmallVector<Value> elements = elementsOf(b, op.getLoc(), op.getValue());
  elements[*index] = op.getItem();
  SmallVector<Type> types = llvm::map_to_vector(elements, [](Value v) { return v.getType(); });
  Value updated;
  if (auto named = dyn_cast<NamedTupleType>(sequence))
    updated = TupleOp::create(b, op.getLoc(), named.withElementTypes(types), elements);
  else if (tuple)
    updated = TupleOp::create(b, op.getLoc(), TupleType::get(op.getContext(), types), elements);
  else
    updated = ListOp::create(b, op.getLoc(), ListType::get(op.getContext(), types), elements);
  op.getResult().replaceAllUsesWith(updated);
  op.erase();
  return success();
}

void Specializer::collectLeaves(OpBuilder &b, Location loc, Value v, SmallVectorImpl<Value> &leaves) {
  Type t = v.getType();
  if (!sequenceElementTypes(t)) {
    leaves.push_back(v);
    return;
  }
  SmallVector<Value> items = elementsOf(b, loc, v);
  SmallVector<size_t> order = llvm::to_vector(llvm::seq<size_t>(0, items.size()));
  if (auto dict = dyn_cast<DictType>(t))
    llvm::sort(order, [&](size_t a, size_t c) {
      return dictKeyLess(dict.getKeys()[a], dict.getKeys()[c]);
    });
  for (size_t i : order)
    collectLeaves(b, loc, items[i], leaves);
}

Value Specializer::packLike(OpBuilder &b, Location loc, Value structure, ArrayRef<Value> flat, size_t &at) {
  Type t = structure.getType();
  if (!sequenceElementTypes(t))
    return flat[at++];
  SmallVector<Value> items = elementsOf(b, loc, structure);
  SmallVector<Value> packed(items.size());
  SmallVector<size_t> order = llvm::to_vector(llvm::seq<size_t>(0, items.size()));
  auto dict = dyn_cast<DictType>(t);
  if (dict)
    llvm::sort(order, [&](size_t a, size_t c) {
      return dictKeyLess(dict.getKeys()[a], dict.getKeys()[c]);
    });
  for (size_t i : order)
    packed[i] = packLike(b, loc, items[i], flat, at);
  SmallVector<Type> types = llvm::map_to_vector(packed, [](Value v) { return v.getType(); });
  if (isa<ListType>(t))
    return ListOp::create(b, loc, ListType::get(t.getContext(), types), packed);
  if (isa<TupleType>(t))
    return TupleOp::create(b, loc, TupleType::get(t.getContext(), types), packed);
  if (auto named = dyn_cast<NamedTupleType>(t))
    return TupleOp::create(b, loc, named.withElementTypes(types), packed);
  SmallVector<Value> keys;
  for (Attribute key : dict.getKeys())
    keys.push_back(ConstantOp::create(b, loc, key));
  return DictOp::create(b, loc, DictType::get(t.getContext(), dict.getKeys(), types), keys, packed);
}

/// Whether `t` holds a dict with both int and string keys, which flatten()
/// cannot sort (Python's TypeError).
static bool holdsMixedKeys(Type t) {
  if (auto dict = dyn_cast<DictType>(t)) {
    ArrayRef<Attribute> keys = dict.getKeys();
    if (llvm::any_of(keys, llvm::IsaPred<IntegerAttr>) &&
        llvm::any_of(keys, llvm::IsaPred<StringAttr>))
      return true;
  }
  std::optional<ArrayRef<Type>> elements = sequenceElementTypes(t);
  return elements && llvm::any_of(*elements, holdsMixedKeys);
}

LogicalResult Specializer::specializeStructure(CallMethodOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  Value object = op.getObject();
  if (unknown(object.getType()))
    return op.emitError("dy2st cannot tell the structure of this value");
  if (holdsMixedKeys(object.getType()))
    return op.emitError("TypeError: '<' not supported between instances of 'int' and 'str' "
                        "(flatten sorts a dict's keys)");
  Value result;
  if (op.getMethod() == "__flatten__") {
    SmallVector<Value> leaves;
    collectLeaves(b, loc, object, leaves);
    SmallVector<Type> types = llvm::map_to_vector(leaves, [](Value v) { return v.getType(); });
    result = ListOp::create(b, loc, ListType::get(op.getContext(), types), leaves);
  } else {
    if (op.getArgs().size() != 1 || !sequenceElementTypes(op.getArgs()[0].getType()))
      return op.emitError("pack_sequence_as() takes a structure and a list of its leaves "
                          "known at compile time");
    SmallVector<Value> flat = elementsOf(b, loc, op.getArgs()[0]);
    SmallVector<Value> leaves;
    collectLeaves(b, loc, object, leaves);
    if (leaves.size() != flat.size())
      return op.emitError() << "pack_sequence_as: the structure has " << leaves.size()
                            << " leaves, the flat sequence " << flat.size();
    size_t at = 0;
    result = packLike(b, loc, object, flat, at);
  }
  op.getResult().replaceAllUsesWith(result);
  op.getUpdated().replaceAllUsesWith(object);
  op.erase();
  return success();
}

} // namespace mlir::pydy::specialization
