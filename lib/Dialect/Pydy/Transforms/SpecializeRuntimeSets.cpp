// Specialization of sets of ints (see Specializer.h): `set()`, `set(items)`
// and set displays make a `!pydy.runtime_set`, carried as a TensorArray of
// its distinct items in the order they were added; membership is a
// `tensor_array.find` of the item. Python iterates a set in the order of its
// hash table, which compiled code does not follow: what depends on that order
// (a loop over the set, list(s), print) is a clear error, what does not
// (`in`, len, `==`, `|`, `&`, `-`, `^`, sorted, sum, min, max, any, all, a set
// returned) works.
#include "Specializer.h"

namespace mlir::pydy::specialization {

Value runtimeSetItems(OpBuilder &b, Location loc, Value set) {
  if (auto made = set.getDefiningOp<RuntimeSetOp>())
    return made.getItems();
  auto type = cast<RuntimeSetType>(set.getType());
  return RuntimeSetItemsOp::create(b, loc, type.getItemsArrayType(), set);
}

static bool isRuntimeSet(Value v) { return isa<RuntimeSetType>(v.getType()); }

bool Specializer::isRuntimeSetUse(Operation *op) {
  if (auto method = dyn_cast<CallMethodOp>(op))
    return method.getMethod() == "__set__" ||
           (isRuntimeSet(method.getObject()) && !isClassQuery(method.getMethod()));
  if (auto cmp = dyn_cast<CompareOp>(op)) {
    CompareKind kind = cmp.getKind();
    if (kind == CompareKind::eq || kind == CompareKind::ne)
      return isRuntimeSet(cmp.getLhs()) || isRuntimeSet(cmp.getRhs());
    return (kind == CompareKind::in || kind == CompareKind::not_in) && isRuntimeSet(cmp.getRhs());
  }
  if (auto len = dyn_cast<LenOp>(op))
    return isRuntimeSet(len.getValue());
  // `a | b`, `a & b`, `a ^ b` and `a - b` of two sets.
  if (auto bin = dyn_cast<BinaryOp>(op)) {
    BinaryKind kind = bin.getKind();
    return (kind == BinaryKind::sub || kind == BinaryKind::BitOr || kind == BinaryKind::BitAnd ||
            kind == BinaryKind::BitXor) &&
           isRuntimeSet(bin.getLhs()) && isRuntimeSet(bin.getRhs());
  }
  if (auto forIn = dyn_cast<ForInOp>(op))
    return isRuntimeSet(forIn.getIterable());
  return false;
}

/// The order in which Python iterates a set is its hash table's.
static LogicalResult orderError(Operation *op, StringRef what) {
  return op->emitError() << what
                         << " of a set depends on the order of Python's hash table, which "
                            "compiled code does not follow (sorted(s) does not)";
}

/// A set's items are Python ints (a tensor is hashed by its identity).
static LogicalResult checkItem(Operation *op, Type item) {
  if (item.isInteger(64))
    return success();
  return op->emitError() << "a set in compiled code holds ints, not " << withArticle(item);
}

/// Whether `set` holds `item` (`present`) or lacks it, as a value of `type`
/// (i1, or a `!pydy.object` the specialization types).
static Value holds(OpBuilder &b, Location loc, Value set, Value item, bool present, Type type) {
  return foundAt(b, loc, findIndex(b, loc, runtimeSetItems(b, loc, set), item), present, type);
}

/// `set` with `item` added where it is missing.
static Value added(OpBuilder &b, Location loc, Value set, Value item) {
  auto type = cast<RuntimeSetType>(set.getType());
  Value items = runtimeSetItems(b, loc, set);
  return chooseValue(
      b, loc, type, holds(b, loc, set, item, true, b.getI1Type()), [&]() -> Value { return set; },
      [&]() -> Value {
        return RuntimeSetOp::create(b, loc, type,
                                    tensor_array::AppendOp::create(b, loc, items, item));
      });
}

FailureOr<Value> Specializer::withItemsAdded(Operation *op, OpBuilder &b, Value set,
                                             Value items) {
  Location loc = op->getLoc();
  Type type = items.getType();
  if (isRuntimeSet(items))
    items = runtimeSetItems(b, loc, items);
  else if (auto dict = dyn_cast<RuntimeDictType>(type))
    items = runtimeDictKeys(b, loc, items);
  else if (auto dict = dyn_cast<DictType>(type)) {
    SmallVector<Value> keys;
    for (Attribute key : dict.getKeys())
      keys.push_back(ConstantOp::create(b, loc, key));
    items = TupleOp::create(b, loc, TupleType::get(op->getContext(), ValueRange(keys).getTypes()),
                            keys);
  }
  if (auto elements = sequenceElementTypes(items.getType())) {
    // Items known in number: added one by one, in order.
    for (auto [element, t] : llvm::zip(elementsOf(b, loc, items), *elements)) {
      if (failed(checkItem(op, t)))
        return failure();
      set = added(b, loc, set, element);
    }
    return set;
  }
  auto array = dyn_cast<tensor_array::ArrayType>(items.getType());
  if (!array)
    return op->emitError() << "a set of " << withArticle(items.getType())
                           << " is not supported in compiled code";
  if (failed(checkItem(op, array.getElementType())))
    return failure();
  // A loop adding each item of the array.
  return foldOverArray(b, loc, items, set, "set",
                       [&](OpBuilder &ib, Value index, Value carried) -> FailureOr<Value> {
                         return added(ib, loc, carried,
                                      tensor_array::ReadOp::create(ib, loc, items, index));
                       });
}

FailureOr<Value> Specializer::keptItems(Operation *op, OpBuilder &b, Value set, Value other,
                                        bool inOther) {
  Location loc = op->getLoc();
  auto type = cast<RuntimeSetType>(set.getType());
  Value items = runtimeSetItems(b, loc, set);
  Value empty = RuntimeSetOp::create(
      b, loc, type, tensor_array::CreateOp::create(b, loc, type.getItemsArrayType(), Value()));
  return foldOverArray(
      b, loc, items, empty, "kept",
      [&](OpBuilder &ib, Value index, Value kept) -> FailureOr<Value> {
        Value item = tensor_array::ReadOp::create(ib, loc, items, index);
        Value keep = holds(ib, loc, other, item, inOther, ib.getI1Type());
        return chooseValue(
            ib, loc, type, keep,
            [&]() -> Value {
              return RuntimeSetOp::create(
                  ib, loc, type,
                  tensor_array::AppendOp::create(ib, loc, runtimeSetItems(ib, loc, kept), item));
            },
            [&]() -> Value { return kept; });
      });
}

LogicalResult Specializer::specializeRuntimeSetUse(Operation *op, Operation *&next) {
  Operation *before = op->getPrevNode();
  OpBuilder b(op);
  Location loc = op->getLoc();
  auto done = [&] {
    next = firstAfter(before, op);
    op->erase();
    return success();
  };
  if (auto cmp = dyn_cast<CompareOp>(op);
      cmp && (cmp.getKind() == CompareKind::eq || cmp.getKind() == CompareKind::ne)) {
    bool equal = cmp.getKind() == CompareKind::eq;
    Value lhs = cmp.getLhs(), rhs = cmp.getRhs();
    Value answer = ConstantOp::create(b, loc, b.getBoolAttr(!equal));
    if (isRuntimeSet(lhs) && isRuntimeSet(rhs)) {
      // Equal sets: as many items, each of one found in the other.
      Type object = ObjectType::get(op->getContext());
      Value items = runtimeSetItems(b, loc, lhs);
      Value zero = ConstantOp::create(b, loc, b.getI64IntegerAttr(0));
      FailureOr<Value> found = foldOverArray(
          b, loc, items, zero, "found",
          [&](OpBuilder &ib, Value index, Value count) -> FailureOr<Value> {
            Value item = tensor_array::ReadOp::create(ib, loc, items, index);
            Value hit = holds(ib, loc, rhs, item, true, object);
            Value one = UnaryOp::create(ib, loc, object, UnaryKind::to_int, hit);
            return Value(BinaryOp::create(ib, loc, object, BinaryKind::add, count, one));
          });
      if (failed(found))
        return failure();
      Value n = tensor_array::LengthOp::create(b, loc, b.getI64Type(), items);
      Value m =
          tensor_array::LengthOp::create(b, loc, b.getI64Type(), runtimeSetItems(b, loc, rhs));
      Value sameLength = CompareOp::create(b, loc, object, CompareKind::eq, n, m);
      answer = chooseValue(
          b, loc, object, sameLength,
          [&]() -> Value { return CompareOp::create(b, loc, object, CompareKind::eq, *found, n); },
          [&]() -> Value { return ConstantOp::create(b, loc, b.getBoolAttr(false)); });
      if (!equal)
        answer = UnaryOp::create(b, loc, object, UnaryKind::Not, answer);
    }
    cmp.getResult().replaceAllUsesWith(answer);
    return done();
  }
  if (auto cmp = dyn_cast<CompareOp>(op)) {
    bool in = cmp.getKind() == CompareKind::in;
    Value answer = ConstantOp::create(b, loc, b.getBoolAttr(!in));
    // Nothing but an int is an item (a tensor is hashed by its identity).
    if (cmp.getLhs().getType().isInteger(64))
      answer = holds(b, loc, cmp.getRhs(), cmp.getLhs(), in, b.getI1Type());
    cmp.getResult().replaceAllUsesWith(answer);
    return done();
  }
  if (auto len = dyn_cast<LenOp>(op)) {
    len.getResult().replaceAllUsesWith(tensor_array::LengthOp::create(
        b, loc, b.getI64Type(), runtimeSetItems(b, loc, len.getValue())));
    return done();
  }
  if (isa<ForInOp>(op))
    return orderError(op, "iterating the items");
  if (auto bin = dyn_cast<BinaryOp>(op)) {
    BinaryKind kind = bin.getKind();
    Value lhs = bin.getLhs(), rhs = bin.getRhs();
    FailureOr<Value> combined = failure();
    if (kind == BinaryKind::BitOr) {
      combined = withItemsAdded(op, b, lhs, rhs);
    } else if (kind == BinaryKind::BitXor) {
      // The items of either set the other lacks.
      FailureOr<Value> left = keptItems(op, b, lhs, rhs, false);
      FailureOr<Value> right = keptItems(op, b, rhs, lhs, false);
      if (succeeded(left) && succeeded(right))
        combined = withItemsAdded(op, b, *left, *right);
    } else {
      combined = keptItems(op, b, lhs, rhs, kind == BinaryKind::BitAnd);
    }
    if (failed(combined))
      return failure();
    op->getResult(0).replaceAllUsesWith(*combined);
    return done();
  }
  auto method = cast<CallMethodOp>(op);
  StringRef name = method.getMethod();
  ValueRange args = method.getArgs();
  Value set = method.getObject();
  Value result = ConstantOp::create(b, loc, b.getUnitAttr());
  Value updated = set;
  auto type = RuntimeSetType::get(op->getContext(), b.getI64Type());
  if (!method.getKwnames().empty())
    return op->emitError() << "set." << name << "() takes no keyword arguments";
  if (method.getDroppedUpdate())
    return op->emitError() << "set." << name
                           << "() of a set this function did not make (a parameter, or an item "
                              "of a container): compiled code follows a set's changes where the "
                              "function binds its variable to set() or a set display only";
  if (name == "__set__") {
    // set(items): the items added to an empty set, in order.
    Value empty = RuntimeSetOp::create(
        b, loc, type, tensor_array::CreateOp::create(b, loc, type.getItemsArrayType(), Value()));
    FailureOr<Value> made = withItemsAdded(op, b, empty, set);
    if (failed(made))
      return failure();
    result = *made;
    updated = set;
  } else if (name == "add" && args.size() == 1) {
    if (failed(checkItem(op, args[0].getType())))
      return failure();
    updated = added(b, loc, set, args[0]);
  } else if ((name == "discard" || name == "remove") && args.size() == 1) {
    if (failed(checkItem(op, args[0].getType())))
      return failure();
    Value items = runtimeSetItems(b, loc, set);
    Value at = findIndex(b, loc, items, args[0]);
    if (name == "remove")
      raiseKeyErrorWhere(b, loc, foundAt(b, loc, at, false, b.getI1Type()), args[0]);
    updated = chooseValue(
        b, loc, type, foundAt(b, loc, at, true, b.getI1Type()),
        [&]() -> Value {
          return RuntimeSetOp::create(b, loc, type,
                                      tensor_array::PopOp::create(b, loc, items, at).getResult());
        },
        [&]() -> Value { return set; });
  } else if (name == "update" && !args.empty()) {
    for (Value items : args) {
      FailureOr<Value> grown = withItemsAdded(op, b, updated, items);
      if (failed(grown))
        return failure();
      updated = *grown;
    }
  } else if (name == "clear" && args.empty()) {
    updated = RuntimeSetOp::create(
        b, loc, type, tensor_array::CreateOp::create(b, loc, type.getItemsArrayType(), Value()));
  } else if (name == "copy" && args.empty()) {
    result = set;
  } else if (name == "union") {
    FailureOr<Value> made = success(set);
    for (Value items : args)
      if (succeeded(made))
        made = withItemsAdded(op, b, *made, items);
    if (failed(made))
      return failure();
    result = *made;
  } else if ((name == "intersection" || name == "difference") && args.size() == 1 &&
             isRuntimeSet(args[0])) {
    FailureOr<Value> kept = keptItems(op, b, set, args[0], name == "intersection");
    if (failed(kept))
      return failure();
    result = *kept;
  } else if (name == "__unordered__") {
    result = runtimeSetItems(b, loc, set);
  } else if (name == "__list__" || name == "__tuple__" || name == "pop") {
    return orderError(op, name == "pop" ? "pop()" : "the list of the items");
  } else {
    return op->emitError() << "set." << name
                           << "() is not supported by dy2st yet (add, discard, remove, update, "
                              "clear, copy, union, and intersection and difference with a set "
                              "are)";
  }
  method.getResult().replaceAllUsesWith(result);
  method.getUpdated().replaceAllUsesWith(updated);
  return done();
}

} // namespace mlir::pydy::specialization
