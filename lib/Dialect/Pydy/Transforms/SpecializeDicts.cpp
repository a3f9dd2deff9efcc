// Specialization of dicts (see Specializer.h): keys known at compile time
// (strings and ints) make a `!pydy.dict` type; a key known only at run time
// (an int, or a string chosen among strings) chooses among them by comparisons.
#include "Specializer.h"

namespace mlir::pydy::specialization {

LogicalResult Specializer::specializeDict(DictOp op) {
  SmallVector<Attribute> keys;
  SmallVector<Type> types;
  for (auto [k, v] : llvm::zip(op.getKeys(), op.getValues())) {
    Attribute key = dictKeyOf(constantOf(k));
    if (!key)
      return op.emitError(
          "dict keys in compiled code must be strings or ints known at compile time");
    if (llvm::is_contained(keys, key))
      return op.emitError() << "the dict display repeats the key " << dictKeyRepr(key);
    keys.push_back(key);
    types.push_back(v.getType());
  }
  op.getResult().setType(DictType::get(op.getContext(), keys, types));
  return success();
}

Value Specializer::makeDict(OpBuilder &b, Location loc,
                            ArrayRef<std::pair<Attribute, Value>> entries) {
  SmallVector<Value> keys, values;
  SmallVector<Attribute> names;
  SmallVector<Type> types;
  for (auto [key, value] : entries) {
    keys.push_back(ConstantOp::create(b, loc, key));
    values.push_back(value);
    names.push_back(key);
    types.push_back(value.getType());
  }
  return DictOp::create(b, loc, DictType::get(b.getContext(), names, types), keys, values);
}

SmallVector<std::pair<Attribute, Value>> Specializer::entriesOf(OpBuilder &b, Location loc,
                                                                Value dict) {
  auto type = cast<DictType>(dict.getType());
  SmallVector<Value> values = elementsOf(b, loc, dict);
  SmallVector<std::pair<Attribute, Value>> entries;
  for (auto [key, value] : llvm::zip(type.getKeys(), values))
    entries.push_back({key, value});
  return entries;
}

FailureOr<Attribute> Specializer::staticKey(Operation *op, Value key) {
  Attribute attr = dictKeyOf(constantOf(key));
  if (!attr)
    return op->emitError(
        "dict keys in compiled code must be strings or ints known at compile time");
  return attr;
}

LogicalResult Specializer::specializeDictMethod(CallMethodOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  auto entries = entriesOf(b, loc, op.getObject());
  StringRef method = op.getMethod();
  ValueRange args = op.getArgs();
  Value result = ConstantOp::create(b, loc, b.getUnitAttr());
  Value updated = op.getObject();
  auto keyList = [&] {
    SmallVector<Value> keys;
    for (auto &e : entries)
      keys.push_back(ConstantOp::create(b, loc, e.first));
    return keys;
  };
  auto list = [&](ValueRange items) -> Value {
    SmallVector<Type> types(items.getTypes());
    return ListOp::create(b, loc, ListType::get(op.getContext(), types), items);
  };
  if (!op.getKwnames().empty())
    return op.emitError() << "dict." << method << "() takes no keyword arguments in compiled "
                                                  "code";
  if (method == "keys" && args.empty()) {
    result = list(keyList());
  } else if (method == "values" && args.empty()) {
    SmallVector<Value> values;
    for (auto &e : entries)
      values.push_back(e.second);
    result = list(values);
  } else if (method == "items" && args.empty()) {
    SmallVector<Value> items, keys = keyList();
    for (auto [k, e] : llvm::zip(keys, entries)) {
      Value pair[] = {k, e.second};
      items.push_back(TupleOp::create(
          b, loc, TupleType::get(op.getContext(), ValueRange(pair).getTypes()), pair));
    }
    result = list(items);
  } else if ((method == "get" || method == "pop") && !args.empty() && args.size() <= 2) {
    auto key = staticKey(op, args[0]);
    if (failed(key))
      return failure();
    auto it = llvm::find_if(entries, [&](auto &e) { return e.first == *key; });
    if (it != entries.end())
      result = it->second;
    else if (args.size() == 2)
      result = args[1];
    else if (method == "pop")
      return op.emitError() << "KeyError: " << dictKeyRepr(*key);
    if (method == "pop" && it != entries.end()) {
      entries.erase(it);
      updated = makeDict(b, loc, entries);
    }
  } else if (method == "setdefault" && !args.empty() && args.size() <= 2) {
    auto key = staticKey(op, args[0]);
    if (failed(key))
      return failure();
    auto it = llvm::find_if(entries, [&](auto &e) { return e.first == *key; });
    if (it != entries.end()) {
      result = it->second;
    } else {
      result = args.size() == 2 ? args[1] : result;
      entries.push_back({*key, result});
      updated = makeDict(b, loc, entries);
    }
  } else if (method == "update" && args.size() == 1 && isa<DictType>(args[0].getType())) {
    for (auto &other : entriesOf(b, loc, args[0])) {
      auto it = llvm::find_if(entries, [&](auto &e) { return e.first == other.first; });
      if (it != entries.end())
        it->second = other.second;
      else
        entries.push_back(other);
    }
    updated = makeDict(b, loc, entries);
  } else {
    return op.emitError() << "dict." << method << "() is not supported by dy2st yet";
  }
  op.getResult().replaceAllUsesWith(result);
  op.getUpdated().replaceAllUsesWith(updated);
  op.erase();
  return success();
}

LogicalResult Specializer::specializeDictSetItem(SetItemOp op) {
  auto key = staticKey(op, op.getIndex());
  if (failed(key))
    return failure();
  OpBuilder b(op);
  auto entries = entriesOf(b, op.getLoc(), op.getValue());
  auto it = llvm::find_if(entries, [&](auto &e) { return e.first == *key; });
  if (it != entries.end())
    it->second = op.getItem();
  else
    entries.push_back({*key, op.getItem()});
  op.getResult().replaceAllUsesWith(makeDict(b, op.getLoc(), entries));
  op.erase();
  return success();
}

bool Specializer::isRuntimeKey(Type dict, Value key) {
  // As long as a table of literals may be (static_containers.py's _LARGEST_TABLE).
  constexpr size_t kLongestChoice = 256;
  auto type = dyn_cast<DictType>(dict);
  // A Python int only: a tensor is hashed by its identity, so eagerly it is
  // no int key's equal.
  if (!type || constantOf(key) || type.getKeys().empty() ||
      type.getKeys().size() > kLongestChoice)
    return false;
  // A string chosen at run time among strings known when compiling compares
  // with the string keys.
  if (isa<StrType>(key.getType()))
    return llvm::all_of(type.getKeys(), llvm::IsaPred<StringAttr>);
  return key.getType().isInteger(64) && llvm::all_of(type.getKeys(), llvm::IsaPred<IntegerAttr>);
}

Value Specializer::chooseEntry(OpBuilder &b, Location loc, Value dict, Value key, Type type,
                               function_ref<Value(size_t)> found,
                               function_ref<Value()> missing) {
  ArrayRef<Attribute> keys = cast<DictType>(dict.getType()).getKeys();
  Type object = ObjectType::get(b.getContext());
  std::function<Value(size_t)> from = [&](size_t k) -> Value {
    if (k == keys.size())
      return missing();
    Value here = CompareOp::create(b, loc, object, CompareKind::eq, key,
                                   ConstantOp::create(b, loc, keys[k]));
    return chooseValue(b, loc, type, here, [&] { return found(k); }, [&] { return from(k + 1); });
  };
  return from(0);
}

Value Specializer::entryAtRuntimeKey(OpBuilder &b, Location loc, Value dict, Value key,
                                     function_ref<Value()> missing) {
  ArrayRef<Attribute> keys = cast<DictType>(dict.getType()).getKeys();
  Type object = ObjectType::get(b.getContext());
  return chooseEntry(
      b, loc, dict, key, object,
      [&](size_t k) -> Value {
        return SubscriptOp::create(b, loc, object, dict, ConstantOp::create(b, loc, keys[k]));
      },
      missing);
}

LogicalResult Specializer::readEntryAtRuntimeKey(SubscriptOp op, Operation *&next) {
  Operation *before = op->getPrevNode();
  OpBuilder b(op);
  Location loc = op.getLoc();
  Value dict = op.getValue(), key = op.getIndex();
  Value value = entryAtRuntimeKey(b, loc, dict, key, [&]() -> Value {
    // Python's KeyError names the key; the value after it is never read.
    RaiseOp::create(b, loc, b.getStringAttr("KeyError"), b.getStringAttr(""), ValueRange{key},
                    b.getStrArrayAttr({"!r"}));
    Attribute first = cast<DictType>(dict.getType()).getKeys().front();
    return SubscriptOp::create(b, loc, ObjectType::get(op.getContext()), dict,
                               ConstantOp::create(b, loc, first));
  });
  op.getResult().replaceAllUsesWith(value);
  next = firstAfter(before, op);
  op.erase();
  return success();
}

LogicalResult Specializer::getEntryAtRuntimeKey(CallMethodOp op, Operation *&next) {
  Operation *before = op->getPrevNode();
  OpBuilder b(op);
  Location loc = op.getLoc();
  Value dict = op.getObject();
  Value value = entryAtRuntimeKey(b, loc, dict, op.getArgs()[0], [&]() -> Value {
    return op.getArgs().size() == 2 ? op.getArgs()[1]
                                    : Value(ConstantOp::create(b, loc, b.getUnitAttr()));
  });
  op.getResult().replaceAllUsesWith(value);
  op.getUpdated().replaceAllUsesWith(dict);
  next = firstAfter(before, op);
  op.erase();
  return success();
}

LogicalResult Specializer::runtimeKeyMembership(CompareOp op, Operation *&next) {
  Operation *before = op->getPrevNode();
  OpBuilder b(op);
  Location loc = op.getLoc();
  bool in = op.getKind() == CompareKind::in;
  Value present = chooseEntry(
      b, loc, op.getRhs(), op.getLhs(), b.getI1Type(),
      [&](size_t) -> Value { return ConstantOp::create(b, loc, b.getBoolAttr(in)); },
      [&]() -> Value { return ConstantOp::create(b, loc, b.getBoolAttr(!in)); });
  op.getResult().replaceAllUsesWith(present);
  next = firstAfter(before, op);
  op.erase();
  return success();
}

LogicalResult Specializer::writeEntryAtRuntimeKey(SetItemOp op, Operation *&next) {
  Operation *before = op->getPrevNode();
  OpBuilder b(op);
  Location loc = op.getLoc();
  Value dict = op.getValue(), key = op.getIndex();
  Type object = ObjectType::get(op.getContext());
  // A key the dict does not hold would add an entry, which this dict's type
  // cannot (a dict of int keys and values of one type becomes a
  // `!pydy.runtime_dict` instead): where that happens, a clear error.
  chooseEntry(
      b, loc, dict, key, b.getI1Type(),
      [&](size_t) -> Value { return ConstantOp::create(b, loc, b.getBoolAttr(true)); },
      [&]() -> Value {
        RaiseOp::create(b, loc, b.getStringAttr("NotImplementedError"),
                        b.getStringAttr("dy2st: compiled code cannot add a key to a dict at "
                                        "run time unless its keys are ints and its values "
                                        "tensors of one dtype and rank or numbers of one "
                                        "kind; the key: "),
                        ValueRange{key}, b.getStrArrayAttr({"!r"}));
        return ConstantOp::create(b, loc, b.getBoolAttr(false));
      });
  SmallVector<std::pair<Attribute, Value>> entries = entriesOf(b, loc, dict);
  for (auto &[name, value] : entries) {
    Value here =
        CompareOp::create(b, loc, object, CompareKind::eq, key, ConstantOp::create(b, loc, name));
    Value old = value;
    value = chooseValue(b, loc, object, here, [&] { return op.getItem(); }, [&] { return old; });
  }
  SmallVector<Value> keys, values;
  for (auto &[name, value] : entries) {
    keys.push_back(ConstantOp::create(b, loc, name));
    values.push_back(value);
  }
  op.getResult().replaceAllUsesWith(DictOp::create(b, loc, object, keys, values).getResult());
  next = firstAfter(before, op);
  op.erase();
  return success();
}

} // namespace mlir::pydy::specialization
