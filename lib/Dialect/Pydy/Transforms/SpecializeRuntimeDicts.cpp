// Specialization of dicts given keys at run time (see Specializer.h): a dict
// of int keys written at a key known only at run time becomes a
// `!pydy.runtime_dict`, carried as TensorArrays of its keys and of their
// values; a lookup is a `tensor_array.find` of the key among the keys.
#include "Specializer.h"

namespace mlir::pydy::specialization {

Value runtimeDictKeys(OpBuilder &b, Location loc, Value dict) {
  if (auto made = dict.getDefiningOp<RuntimeDictOp>())
    return made.getKeys();
  auto type = cast<RuntimeDictType>(dict.getType());
  return RuntimeDictKeysOp::create(b, loc, type.getKeysArrayType(), dict);
}

Value runtimeDictValues(OpBuilder &b, Location loc, Value dict) {
  if (auto made = dict.getDefiningOp<RuntimeDictOp>())
    return made.getValues();
  auto type = cast<RuntimeDictType>(dict.getType());
  return RuntimeDictValuesOp::create(b, loc, type.getValuesArrayType(), dict);
}

/// An int key known only at run time.
static bool isRuntimeIntKey(Value key) {
  return key.getType().isInteger(64) && !constantOf(key);
}

bool Specializer::isRuntimeDictUse(Operation *op) {
  auto runtime = [](Value dict) { return isa<RuntimeDictType>(dict.getType()); };
  if (auto sub = dyn_cast<SubscriptOp>(op))
    return runtime(sub.getValue()) ||
           (isEmptyDict(sub.getValue().getType()) && isRuntimeIntKey(sub.getIndex()));
  // (An empty dict given a value no TensorArray holds: the clear error there.)
  if (auto set = dyn_cast<SetItemOp>(op))
    return runtime(set.getValue()) ||
           (isRuntimeIntKey(set.getIndex()) &&
            (isEmptyDict(set.getValue().getType()) ||
             runtimeDictHolding(set.getValue().getType(), set.getItem().getType())));
  if (auto cmp = dyn_cast<CompareOp>(op)) {
    if (cmp.getKind() == CompareKind::eq || cmp.getKind() == CompareKind::ne)
      return runtime(cmp.getLhs()) || runtime(cmp.getRhs());
    return (cmp.getKind() == CompareKind::in || cmp.getKind() == CompareKind::not_in) &&
           (runtime(cmp.getRhs()) ||
            (isEmptyDict(cmp.getRhs().getType()) && isRuntimeIntKey(cmp.getLhs())));
  }
  if (auto len = dyn_cast<LenOp>(op))
    return runtime(len.getValue());
  // A display with int keys, one known only at run time.
  if (auto display = dyn_cast<DictOp>(op))
    return llvm::any_of(display.getKeys(), isRuntimeIntKey) &&
           llvm::all_of(display.getKeys(),
                        [](Value key) { return key.getType().isInteger(64); });
  if (auto forIn = dyn_cast<ForInOp>(op))
    return runtime(forIn.getIterable());
  if (auto method = dyn_cast<CallMethodOp>(op)) {
    StringRef name = method.getMethod();
    // (A dict's order is its keys' insertion order: __unordered__ is the dict.)
    if (isClassQuery(name) || name == "__unordered__")
      return false;
    // A dict of int keys updated with one given keys at run time.
    if (name == "update" && method.getArgs().size() == 1 && runtime(method.getArgs()[0]) &&
        (isEmptyDict(method.getObject().getType()) ||
         runtimeDictHolding(method.getObject().getType(), {})))
      return true;
    return runtime(method.getObject()) ||
           (isEmptyDict(method.getObject().getType()) && !method.getArgs().empty() &&
            isRuntimeIntKey(method.getArgs()[0]) &&
            (name == "get" || name == "pop" || name == "setdefault"));
  }
  return false;
}

/// Whether `value` is only iterated by `for` loops.
static bool iteratedOnly(Value value) {
  return !value.use_empty() && llvm::all_of(value.getUses(), [](OpOperand &use) {
    return isa<ForInOp>(use.getOwner()) && use.getOperandNumber() == 0;
  });
}

FailureOr<RuntimeDictType> Specializer::runtimeDictWritten(Operation *op, Type dict, Type key,
                                                          Type item) {
  if (!key.isInteger(64))
    return op->emitError() << "a dict given keys at run time needs ints as keys in compiled "
                              "code, not "
                           << withArticle(key);
  RuntimeDictType type = runtimeDictHolding(dict, item);
  if (!type)
    return op->emitError() << "a dict given keys at run time is compiled to TensorArrays, "
                              "which need its values to be tensors of one dtype and rank, or "
                              "numbers of one kind: "
                           << withArticle(dict) << " given " << withArticle(item);
  return type;
}

/// `dict` (of `type`) with `item` at `key`: written where `found` (at `at`),
/// else appended with its key.
static Value writeRuntimeDict(OpBuilder &b, Location loc, RuntimeDictType type, Value dict,
                              Value key, Value item, Value at, Value found, bool overwrite) {
  dict = castTo(b, dict, type);
  item = castTo(b, item, type.getValueType());
  Value keys = runtimeDictKeys(b, loc, dict), values = runtimeDictValues(b, loc, dict);
  return chooseValue(
      b, loc, type, found,
      [&]() -> Value {
        if (!overwrite)
          return dict;
        return RuntimeDictOp::create(b, loc, type, keys,
                                     tensor_array::WriteOp::create(b, loc, values, at, item));
      },
      [&]() -> Value {
        return RuntimeDictOp::create(b, loc, type, tensor_array::AppendOp::create(b, loc, keys, key),
                                     tensor_array::AppendOp::create(b, loc, values, item));
      });
}

FailureOr<Value> Specializer::writtenAt(Operation *op, OpBuilder &b, Value dict, Value key,
                                        Value item) {
  Location loc = op->getLoc();
  FailureOr<RuntimeDictType> type =
      runtimeDictWritten(op, dict.getType(), key.getType(), item.getType());
  if (failed(type))
    return failure();
  dict = castTo(b, dict, *type);
  Value at = findIndex(b, loc, runtimeDictKeys(b, loc, dict), key);
  return writeRuntimeDict(b, loc, *type, dict, key, item, at,
                          foundAt(b, loc, at, true, b.getI1Type()), true);
}

FailureOr<Value> Specializer::updatedRuntimeDict(Operation *op, OpBuilder &b, Value dict,
                                                 Value other) {
  Location loc = op->getLoc();
  if (auto known = dyn_cast<DictType>(other.getType())) {
    // Its entries written one by one, in order.
    for (auto [key, item] : llvm::zip(known.getKeys(), elementsOf(b, loc, other))) {
      FailureOr<Value> next = writtenAt(op, b, dict, ConstantOp::create(b, loc, key), item);
      if (failed(next))
        return failure();
      dict = *next;
    }
    return dict;
  }
  // A loop over the other dict's entries, writing each.
  auto otherType = cast<RuntimeDictType>(other.getType());
  FailureOr<RuntimeDictType> type =
      runtimeDictWritten(op, dict.getType(), otherType.getKeyType(), otherType.getValueType());
  if (failed(type))
    return failure();
  Value keys = runtimeDictKeys(b, loc, other), values = runtimeDictValues(b, loc, other);
  return foldOverArray(
      b, loc, keys, castTo(b, dict, *type), "dict", [&](OpBuilder &ib, Value index, Value carried) {
        return writtenAt(op, ib, carried, tensor_array::ReadOp::create(ib, loc, keys, index),
                         tensor_array::ReadOp::create(ib, loc, values, index));
      });
}

FailureOr<Value> Specializer::runtimeDictsEqual(Operation *op, OpBuilder &b, Value lhs, Value rhs) {
  Location loc = op->getLoc();
  Type object = ObjectType::get(op->getContext());
  // A dict of string keys, or no dict, never equals one of int keys (an
  // empty dict compares by length alone).
  auto asRuntime = [&](Value v) -> Value {
    if (isa<RuntimeDictType>(v.getType()))
      return v;
    if (isEmptyDict(v.getType()))
      return v;
    RuntimeDictType type = runtimeDictHolding(v.getType(), {});
    return type ? castTo(b, v, type) : Value();
  };
  Value a = asRuntime(lhs), c = asRuntime(rhs);
  for (auto [given, made] : {std::pair(lhs, a), std::pair(rhs, c)}) {
    auto known = dyn_cast<DictType>(given.getType());
    if (!made && known && llvm::all_of(known.getKeys(), llvm::IsaPred<IntegerAttr>))
      return op->emitError() << "comparing a dict given keys at run time with "
                             << withArticle(given.getType())
                             << ", whose values differ in kind, is not supported by dy2st yet";
  }
  if (!a || !c)
    return Value(ConstantOp::create(b, loc, b.getBoolAttr(false)));
  auto length = [&](Value d) -> Value {
    if (isEmptyDict(d.getType()))
      return ConstantOp::create(b, loc, b.getI64IntegerAttr(0));
    return tensor_array::LengthOp::create(b, loc, b.getI64Type(), runtimeDictKeys(b, loc, d));
  };
  Value sameLength = CompareOp::create(b, loc, object, CompareKind::eq, length(a), length(c));
  if (isEmptyDict(a.getType()) || isEmptyDict(c.getType()))
    return sameLength;
  auto valueType = cast<RuntimeDictType>(a.getType()).getValueType();
  auto otherValueType = cast<RuntimeDictType>(c.getType()).getValueType();
  if (!isPythonScalar(valueType) || !isPythonScalar(otherValueType))
    return op->emitError() << "comparing dicts given keys at run time whose values are "
                              "tensors is not supported by dy2st yet (numbers are)";
  // Equal dicts: as many keys, each found in the other with an equal value.
  Value keys = runtimeDictKeys(b, loc, a), values = runtimeDictValues(b, loc, a);
  Value zero = ConstantOp::create(b, loc, b.getI64IntegerAttr(0));
  FailureOr<Value> matched = foldOverArray(
      b, loc, keys, zero, "matched",
      [&](OpBuilder &ib, Value index, Value count) -> FailureOr<Value> {
        Value key = tensor_array::ReadOp::create(ib, loc, keys, index);
        Value at = findIndex(ib, loc, runtimeDictKeys(ib, loc, c), key);
        Value found = foundAt(ib, loc, at, true, ib.getI1Type());
        Value same = chooseValue(
            ib, loc, object, found,
            [&]() -> Value {
              Value mine = tensor_array::ReadOp::create(ib, loc, values, index);
              Value theirs =
                  tensor_array::ReadOp::create(ib, loc, runtimeDictValues(ib, loc, c), at);
              return CompareOp::create(ib, loc, object, CompareKind::eq, mine, theirs);
            },
            [&]() -> Value { return ConstantOp::create(ib, loc, ib.getBoolAttr(false)); });
        Value one = UnaryOp::create(ib, loc, object, UnaryKind::to_int, same);
        return Value(BinaryOp::create(ib, loc, object, BinaryKind::add, count, one));
      });
  if (failed(matched))
    return failure();
  Value all = CompareOp::create(b, loc, object, CompareKind::eq, *matched, length(a));
  return chooseValue(
      b, loc, object, sameLength, [&]() -> Value { return all; },
      [&]() -> Value { return ConstantOp::create(b, loc, b.getBoolAttr(false)); });
}

LogicalResult Specializer::specializeRuntimeDictUse(Operation *op, Operation *&next) {
  Operation *before = op->getPrevNode();
  OpBuilder b(op);
  Location loc = op->getLoc();
  auto done = [&] {
    next = firstAfter(before, op);
    op->erase();
    return success();
  };
  auto intKey = [&](Value key) -> LogicalResult {
    if (key.getType().isInteger(64))
      return success();
    return op->emitError() << "a dict given keys at run time has ints as keys in compiled "
                              "code; it is looked up here with "
                           << withArticle(key.getType());
  };
  auto find = [&](Value dict, Value key) -> Value {
    return findIndex(b, loc, runtimeDictKeys(b, loc, dict), key);
  };
  auto found = [&](Value at, bool present) -> Value {
    return foundAt(b, loc, at, present, b.getI1Type());
  };

  if (auto display = dyn_cast<DictOp>(op)) {
    // Its entries written in order into an empty dict, as Python builds it.
    Value dict = DictOp::create(b, loc, DictType::get(op->getContext(), {}, {}), ValueRange{},
                                ValueRange{});
    for (auto [key, item] : llvm::zip(display.getKeys(), display.getValues())) {
      FailureOr<Value> written = writtenAt(op, b, dict, key, item);
      if (failed(written))
        return failure();
      dict = *written;
    }
    display.getResult().replaceAllUsesWith(dict);
    return done();
  }
  if (auto set = dyn_cast<SetItemOp>(op)) {
    FailureOr<Value> written = writtenAt(op, b, set.getValue(), set.getIndex(), set.getItem());
    if (failed(written))
      return failure();
    set.getResult().replaceAllUsesWith(*written);
    return done();
  }
  if (auto sub = dyn_cast<SubscriptOp>(op)) {
    if (isEmptyDict(sub.getValue().getType()))
      return op->emitError("KeyError: an empty dict is read at a key known only at run time");
    if (failed(intKey(sub.getIndex())))
      return failure();
    Value at = find(sub.getValue(), sub.getIndex());
    raiseKeyErrorWhere(b, loc, found(at, false), sub.getIndex());
    // Where the key is missing, the read (of the last value, or an
    // IndexError after the KeyError) is never used.
    sub.getResult().replaceAllUsesWith(tensor_array::ReadOp::create(
        b, loc, runtimeDictValues(b, loc, sub.getValue()), at));
    return done();
  }
  if (auto cmp = dyn_cast<CompareOp>(op);
      cmp && (cmp.getKind() == CompareKind::eq || cmp.getKind() == CompareKind::ne)) {
    FailureOr<Value> equal = runtimeDictsEqual(op, b, cmp.getLhs(), cmp.getRhs());
    if (failed(equal))
      return failure();
    Value answer = *equal;
    if (cmp.getKind() == CompareKind::ne)
      answer = UnaryOp::create(b, loc, ObjectType::get(op->getContext()), UnaryKind::Not, answer);
    cmp.getResult().replaceAllUsesWith(answer);
    return done();
  }
  if (auto cmp = dyn_cast<CompareOp>(op)) {
    bool in = cmp.getKind() == CompareKind::in;
    Value answer;
    if (isEmptyDict(cmp.getRhs().getType())) {
      answer = ConstantOp::create(b, loc, b.getBoolAttr(!in));
    } else {
      if (failed(intKey(cmp.getLhs())))
        return failure();
      answer = found(find(cmp.getRhs(), cmp.getLhs()), in);
    }
    cmp.getResult().replaceAllUsesWith(answer);
    return done();
  }
  if (auto len = dyn_cast<LenOp>(op)) {
    len.getResult().replaceAllUsesWith(tensor_array::LengthOp::create(
        b, loc, b.getI64Type(), runtimeDictKeys(b, loc, len.getValue())));
    return done();
  }
  if (auto forIn = dyn_cast<ForInOp>(op)) {
    // Iterating a dict gives its keys.
    forIn.getIterableMutable().assign(runtimeDictKeys(b, loc, forIn.getIterable()));
    next = firstAfter(before, op);
    return success();
  }
  auto method = cast<CallMethodOp>(op);
  StringRef name = method.getMethod();
  ValueRange args = method.getArgs();
  Value dict = method.getObject();
  Value result = ConstantOp::create(b, loc, b.getUnitAttr());
  Value updated = dict;
  if (!method.getKwnames().empty())
    return op->emitError() << "dict." << name << "() takes no keyword arguments in compiled code";
  if (name == "update" && args.size() == 1 &&
      isa<DictType, RuntimeDictType>(args[0].getType())) {
    FailureOr<Value> merged = updatedRuntimeDict(op, b, dict, args[0]);
    if (failed(merged))
      return failure();
    updated = *merged;
  } else if (isEmptyDict(dict.getType())) {
    // get, pop or setdefault at a key known only at run time: the key is missing.
    if (name == "pop" && args.size() == 1)
      return op->emitError("KeyError: pop() of an empty dict at a key known only at run time");
    if (args.size() == 2)
      result = args[1];
    if (name == "setdefault") {
      FailureOr<RuntimeDictType> type =
          runtimeDictWritten(op, dict.getType(), args[0].getType(), result.getType());
      if (failed(type))
        return failure();
      Value missing = ConstantOp::create(b, loc, b.getBoolAttr(false));
      updated = writeRuntimeDict(b, loc, *type, dict, args[0], result, Value(), missing, false);
    }
  } else if ((name == "get" || name == "pop" || name == "setdefault") && !args.empty() &&
             args.size() <= 2) {
    if (failed(intKey(args[0])))
      return failure();
    Value at = find(dict, args[0]);
    Value values = runtimeDictValues(b, loc, dict);
    Value present = found(at, true);
    Value fallback = args.size() == 2 ? args[1] : result;
    if (name == "pop" && args.size() == 1) {
      raiseKeyErrorWhere(b, loc, found(at, false), args[0]);
      result = tensor_array::ReadOp::create(b, loc, values, at);
    } else {
      result = chooseValue(
          b, loc, ObjectType::get(op->getContext()), present,
          [&]() -> Value { return tensor_array::ReadOp::create(b, loc, values, at); },
          [&]() -> Value { return fallback; });
    }
    if (name == "pop") {
      auto type = cast<RuntimeDictType>(dict.getType());
      Value keys = runtimeDictKeys(b, loc, dict);
      updated = chooseValue(
          b, loc, type, present,
          [&]() -> Value {
            Value k = tensor_array::PopOp::create(b, loc, keys, at).getResult();
            Value v = tensor_array::PopOp::create(b, loc, values, at).getResult();
            return RuntimeDictOp::create(b, loc, type, k, v);
          },
          [&]() -> Value { return dict; });
    } else if (name == "setdefault") {
      FailureOr<RuntimeDictType> type =
          runtimeDictWritten(op, dict.getType(), args[0].getType(), fallback.getType());
      if (failed(type))
        return failure();
      updated = writeRuntimeDict(b, loc, *type, dict, args[0], fallback, at, present, false);
    }
  } else if (name == "items" && args.empty() && iteratedOnly(method.getResult())) {
    // `for k, v in d.items()`: a loop over the entries' indices (a
    // TensorArray holds no pairs).
    Value keys = runtimeDictKeys(b, loc, dict), values = runtimeDictValues(b, loc, dict);
    Value length = tensor_array::LengthOp::create(b, loc, b.getI64Type(), keys);
    for (Operation *user : llvm::make_early_inc_range(method.getResult().getUsers())) {
      auto forIn = cast<ForInOp>(user);
      // The loop reads the entries as they were when it started.
      if (llvm::is_contained(forIn.getInits(), dict))
        return forIn.emitError("a dict given keys at run time that is changed while its "
                               "items() are iterated is not supported by dy2st yet");
      bool enumerated = forIn.getEnumerate();
      loopOverIndices(forIn, length, [&](OpBuilder &ib, Value index) -> Value {
        Type object = ObjectType::get(op->getContext());
        Value entry[] = {tensor_array::ReadOp::create(ib, loc, keys, index),
                         tensor_array::ReadOp::create(ib, loc, values, index)};
        Value pair = TupleOp::create(ib, loc, object, entry);
        if (!enumerated)
          return pair;
        return TupleOp::create(ib, loc, object, ValueRange{index, pair});
      });
    }
  } else if (name == "keys" && args.empty()) {
    result = runtimeDictKeys(b, loc, dict);
  } else if (name == "values" && args.empty()) {
    result = runtimeDictValues(b, loc, dict);
  } else if ((name == "copy" || name == "__list__") && args.empty()) {
    // Compiled dicts are values: a copy is the same value; list(d) its keys.
    result = name == "copy" ? dict : runtimeDictKeys(b, loc, dict);
  } else if (name == "clear" && args.empty()) {
    auto type = cast<RuntimeDictType>(dict.getType());
    updated = RuntimeDictOp::create(
        b, loc, type, tensor_array::CreateOp::create(b, loc, type.getKeysArrayType(), Value()),
        tensor_array::CreateOp::create(b, loc, type.getValuesArrayType(), Value()));
  } else {
    return op->emitError() << "dict." << name
                           << "() of a dict given keys at run time is not supported by dy2st "
                              "yet (get, pop, setdefault, update, keys, values, copy, clear, "
                              "and items in a for loop are)";
  }
  method.getResult().replaceAllUsesWith(result);
  method.getUpdated().replaceAllUsesWith(updated);
  return done();
}

} // namespace mlir::pydy::specialization
