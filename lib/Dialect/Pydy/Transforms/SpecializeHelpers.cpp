// Helpers of the specialization (see Specializer.h): values, sources of
// carried values, undefined values, casts, loop shapes.
#include "Specializer.h"
#include "llvm/ADT/ScopeExit.h"

namespace mlir::pydy::specialization {

Attribute constantOf(Value v) {
  Attribute attr;
  if (matchPattern(v, m_Constant(&attr)))
    return attr;
  return {};
}

bool isKnownOrChosenText(Value v) {
  return isa<StrType>(v.getType()) && !v.getDefiningOp<FormatOp>();
}

bool isIntScalar(Type t) { return t.isInteger(1) || t.isInteger(64); }

bool isClassQuery(StringRef method) {
  return method == "__isinstance__" || method == "__type_is__" || method == "__hasattr__" ||
         method == "__isinstance_like__";
}

/// The class whose __format__ rejects the spec one of `values` is given, or "".
static std::string rejectedFormat(ValueRange values, ArrayAttr formats) {
  if (formats.empty())
    return "";
  for (auto [v, format] : llvm::zip(values, formats)) {
    std::optional<dy2st::FormatSpec> spec = dy2st::parseFormat(cast<StringAttr>(format).getValue());
    if (!spec || !spec->hasSpec || spec->conversion)
      continue;
    Type t = v.getType();
    auto tensor = dyn_cast<RankedTensorType>(t);
    if (tensor && tensor.getRank() > 0)
      return "Tensor";
    if (isa<ListType>(t))
      return "list";
    if (isa<TupleType>(t))
      return "tuple";
    if (isa<DictType, RuntimeDictType>(t))
      return "dict";
    if (auto named = dyn_cast<NamedTupleType>(t))
      return named.getClassKey().split('#').first.str();
  }
  return "";
}

Operation *firstAfter(Operation *before, Operation *op) {
  return before ? before->getNextNode() : &op->getBlock()->front();
}

Value chooseValue(OpBuilder &b, Location loc, Type type, Value cond, function_ref<Value()> then,
                  function_ref<Value()> otherwise) {
  auto ifOp = IfOp::create(b, loc, TypeRange{type}, cond, ArrayAttr());
  OpBuilder::InsertionGuard guard(b);
  for (auto [region, make] :
       {std::pair(&ifOp.getThenRegion(), then), std::pair(&ifOp.getElseRegion(), otherwise)}) {
    b.setInsertionPointToStart(&region->emplaceBlock());
    YieldOp::create(b, loc, ValueRange{make()});
  }
  return ifOp.getResult(0);
}

bool replacedByRejectedFormat(Operation *op, ValueRange values, ArrayAttr formats) {
  std::string rejecting = rejectedFormat(values, formats);
  if (rejecting.empty())
    return false;
  OpBuilder b(op);
  RaiseOp::create(
      b, op->getLoc(), b.getStringAttr("TypeError"),
      b.getStringAttr("unsupported format string passed to " + rejecting + ".__format__"),
      ValueRange{});
  op->erase();
  return true;
}

LogicalResult checkFormattedValues(Operation *op, ValueRange values) {
  for (Value v : values) {
    Type t = v.getType();
    bool text = (isa<PyNoneType>(t) && constantOf(v)) || isKnownOrChosenText(v);
    if (!isa<RankedTensorType, tensor_array::ArrayType, RuntimeDictType, ExceptionType>(t) &&
        !isPythonScalar(t) && !text)
      return op->emitError() << "formatting " << withArticle(t)
                             << " as text is not supported in compiled code";
  }
  return success();
}

LogicalResult checkCallbackValues(PyCallbackOp op) {
  for (Value v : op.getValues()) {
    Type t = v.getType();
    bool known = (isa<PyNoneType>(t) && constantOf(v)) || isKnownOrChosenText(v);
    if (!isa<RankedTensorType>(t) && !isPythonScalar(t) && !known)
      return op.emitError() << "passing " << withArticle(t)
                            << " to a not_to_static function from compiled code is not "
                               "supported (tensors, numbers, and strings known when "
                               "converting are)";
  }
  return success();
}

StringRef nameOf(std::optional<ArrayAttr> names, unsigned i) {
  if (names && i < names->size())
    return cast<StringAttr>((*names)[i]).getValue();
  return "";
}

SmallVector<Value> elementsOf(OpBuilder &b, Location loc, Value sequence) {
  ArrayRef<Type> types = *sequenceElementTypes(sequence.getType());
  Operation *def = sequence.getDefiningOp();
  if (def && isa<ListOp, TupleOp>(def))
    return SmallVector<Value>(def->getOperands());
  if (auto dict = dyn_cast_or_null<DictOp>(def))
    return SmallVector<Value>(dict.getValues());
  // The elements of a literal list or tuple are literals.
  if (auto array = dyn_cast_or_null<ArrayAttr>(constantOf(sequence));
      array && array.size() == types.size()) {
    SmallVector<Value> elements;
    for (Attribute item : array)
      elements.push_back(ConstantOp::create(b, loc, item));
    return elements;
  }
  auto dictType = dyn_cast<DictType>(sequence.getType());
  SmallVector<Value> elements;
  for (auto [k, t] : llvm::enumerate(types)) {
    Value index = dictType ? Value(ConstantOp::create(b, loc, dictType.getKeys()[k]))
                           : Value(ConstantOp::create(b, loc, b.getI64IntegerAttr(k)));
    auto item = SubscriptOp::create(b, loc, t, sequence, index);
    // Folded now (a static dimension of x.shape): later ops read it as a literal.
    SmallVector<OpFoldResult> folded;
    if (succeeded(item->fold(folded)) && folded.size() == 1) {
      if (auto attr = dyn_cast<Attribute>(folded.front())) {
        item.erase();
        elements.push_back(ConstantOp::create(b, loc, attr));
        continue;
      }
    }
    elements.push_back(item);
  }
  return elements;
}

SmallVector<Value> sourcesOf(Operation *op, unsigned i) {
  SmallVector<Value> sources;
  if (auto whileOp = dyn_cast<WhileOp>(op))
    sources.push_back(whileOp.getInits()[i]);
  if (auto forOp = dyn_cast<ForRangeOp>(op))
    sources.push_back(forOp.getInits()[i]);
  for (Region &r : op->getRegions()) {
    Operation *terminator = r.front().getTerminator();
    unsigned skip = isa<ConditionOp>(terminator) ? 1 : 0;
    sources.push_back(terminator->getOperand(skip + i));
  }
  return sources;
}

std::optional<std::pair<Operation *, unsigned>> carriedBy(BlockArgument arg) {
  Operation *loop = arg.getOwner()->getParentOp();
  if (isa<WhileOp>(loop))
    return std::make_pair(loop, arg.getArgNumber());
  if (isa<ForRangeOp>(loop) && arg.getArgNumber() > 0)
    return std::make_pair(loop, arg.getArgNumber() - 1);
  return std::nullopt;
}

bool undefinedOr(Value value, Type type) {
  if (value.getType() == type || value.getDefiningOp<UndefOp>())
    return true;
  if (!isa<ObjectType>(value.getType()))
    return false;
  if (auto arg = dyn_cast<BlockArgument>(value)) {
    auto carried = carriedBy(arg);
    return carried && undefinedOr(sourcesOf(carried->first, carried->second).front(), type);
  }
  Operation *op = value.getDefiningOp();
  if (!isa<IfOp, WhileOp, ForRangeOp>(op))
    return false;
  return llvm::all_of(sourcesOf(op, cast<OpResult>(value).getResultNumber()),
                      [&](Value source) { return undefinedOr(source, type); });
}

bool isUndefined(Value value) { return undefinedOr(value, Type()); }

/// definedType, where the flows of `open` are being read: a value carried
/// round one of them adds nothing.
static Type definedTypeWithin(Operation *op, unsigned i,
                              SmallVectorImpl<std::pair<Operation *, unsigned>> &open) {
  open.emplace_back(op, i);
  llvm::scope_exit close([&] { open.pop_back(); });
  auto flowType = [&](Operation *flow, unsigned j) -> std::optional<Type> {
    if (llvm::is_contained(open, std::make_pair(flow, j)))
      return std::nullopt;
    return definedTypeWithin(flow, j, open);
  };
  Type found;
  for (Value source : sourcesOf(op, i)) {
    Type t = source.getType();
    if (isUndefined(source))
      continue;
    if (isa<ObjectType>(t)) {
      // A loop's carried value (of this flow or one around it: a loop
      // whose initial value was typed since, its arguments not yet), or
      // the result of a nested `if` or loop.
      std::optional<std::pair<Operation *, unsigned>> flow;
      if (auto arg = dyn_cast<BlockArgument>(source))
        flow = carriedBy(arg);
      else if (Operation *inner = source.getDefiningOp();
               isa_and_nonnull<IfOp, WhileOp, ForRangeOp>(inner))
        flow = std::make_pair(inner, cast<OpResult>(source).getResultNumber());
      if (!flow)
        return {};
      std::optional<Type> carried = flowType(flow->first, flow->second);
      if (!carried)
        continue;
      t = *carried;
      if (!t)
        return {};
    }
    if (found && found != t)
      return {};
    found = t;
  }
  return found ? found : PyNoneType::get(op->getContext());
}

Type definedType(Operation *op, unsigned i) {
  SmallVector<std::pair<Operation *, unsigned>> open;
  return definedTypeWithin(op, i, open);
}

Value typeUndefined(Value value, Type type) {
  std::optional<std::pair<Operation *, unsigned>> flow;
  if (auto arg = dyn_cast<BlockArgument>(value))
    flow = carriedBy(arg);
  else if (Operation *op = value.getDefiningOp(); isa<IfOp, WhileOp, ForRangeOp>(op))
    flow = std::make_pair(op, cast<OpResult>(value).getResultNumber());
  if (!flow) {
    // None is a compile-time value: the undefined one is the constant.
    if (auto undef = value.getDefiningOp<UndefOp>(); undef && isa<PyNoneType>(type)) {
      OpBuilder b(undef);
      Value none = ConstantOp::create(b, undef.getLoc(), b.getUnitAttr());
      undef.getResult().replaceAllUsesWith(none);
      undef.erase();
      return none;
    }
    value.setType(type);
    return value;
  }
  auto [op, i] = *flow;
  // Typed already, or being typed (a yield of the loop's own argument).
  if (op->getResult(i).getType() == type)
    return value;
  op->getResult(i).setType(type);
  // The yields before the initial value: whether a carried argument is
  // undefined is read from the initial value.
  for (Region &r : op->getRegions()) {
    Operation *terminator = r.front().getTerminator();
    unsigned skip = isa<ConditionOp>(terminator) ? 1 : 0;
    OpBuilder tb(terminator);
    terminator->setOperand(skip + i, castTo(tb, terminator->getOperand(skip + i), type));
  }
  if (!isa<IfOp>(op)) {
    unsigned initAt = isa<WhileOp>(op) ? 0 : 3;
    OpBuilder ib(op);
    op->setOperand(initAt + i, castTo(ib, op->getOperand(initAt + i), type));
  }
  for (Region &r : op->getRegions()) {
    if (isa<WhileOp>(op))
      r.front().getArgument(i).setType(type);
    else if (isa<ForRangeOp>(op))
      r.front().getArgument(i + 1).setType(type);
  }
  return value;
}

Value castTo(OpBuilder &b, Value value, Type type) {
  if (value.getType() == type)
    return value;
  if (isa<ObjectType>(value.getType()) && undefinedOr(value, type))
    return typeUndefined(value, type);
  if (isa<ObjectType>(value.getType()))
    return value;
  Location loc = value.getLoc();
  // An undefined value typed by another flow (a shared `return.value`) holds
  // nothing to convert: it is undefined in this type too.
  if (auto undef = value.getDefiningOp<UndefOp>()) {
    if (isa<PyNoneType>(type))
      return ConstantOp::create(b, loc, b.getUnitAttr());
    return UndefOp::create(b, loc, type, undef.getName());
  }
  if (auto optional = dyn_cast<OptionalType>(type)) {
    Type inner = optional.getValue();
    if (isa<PyNoneType>(value.getType())) {
      Value absent = ConstantOp::create(b, loc, b.getBoolAttr(false));
      return OptionalOp::create(b, loc, type, absent, UndefOp::create(b, loc, inner, "none"));
    }
    if (auto given = dyn_cast<OptionalType>(value.getType())) {
      Value present = IsPresentOp::create(b, loc, b.getI1Type(), value);
      Value held = OptionalValueOp::create(b, loc, given.getValue(), value, /*unchecked=*/true);
      return OptionalOp::create(b, loc, type, present, castTo(b, held, inner));
    }
    Value present = ConstantOp::create(b, loc, b.getBoolAttr(true));
    return OptionalOp::create(b, loc, type, present, castTo(b, value, inner));
  }
  if (auto array = dyn_cast<tensor_array::ArrayType>(type)) {
    if (isa<tensor_array::ArrayType>(value.getType()))
      return tensor_array::CastOp::create(b, loc, type, value);
    Value result = tensor_array::CreateOp::create(b, loc, type, Value());
    for (Value item : elementsOf(b, loc, value))
      result = tensor_array::AppendOp::create(b, loc, result,
                                              castTo(b, item, array.getElementType()));
    return result;
  }
  if (auto dict = dyn_cast<RuntimeDictType>(type)) {
    if (isa<RuntimeDictType>(value.getType()))
      return RuntimeDictOp::create(
          b, loc, type, runtimeDictKeys(b, loc, value),
          castTo(b, runtimeDictValues(b, loc, value), dict.getValuesArrayType()));
    Value keys = tensor_array::CreateOp::create(b, loc, dict.getKeysArrayType(), Value());
    Value values = tensor_array::CreateOp::create(b, loc, dict.getValuesArrayType(), Value());
    for (auto [key, item] :
         llvm::zip(cast<DictType>(value.getType()).getKeys(), elementsOf(b, loc, value))) {
      keys = tensor_array::AppendOp::create(b, loc, keys, ConstantOp::create(b, loc, key));
      values = tensor_array::AppendOp::create(b, loc, values, castTo(b, item, dict.getValueType()));
    }
    return RuntimeDictOp::create(b, loc, type, keys, values);
  }
  if (auto elements = sequenceElementTypes(type)) {
    SmallVector<Value> items = elementsOf(b, loc, value);
    for (auto [item, t] : llvm::zip(items, *elements))
      item = castTo(b, item, t);
    if (isa<ListType>(type))
      return ListOp::create(b, loc, type, items);
    if (isa<TupleType, NamedTupleType>(type))
      return TupleOp::create(b, loc, type, items);
    SmallVector<Value> keys;
    for (Attribute key : cast<DictType>(type).getKeys())
      keys.push_back(ConstantOp::create(b, loc, key));
    return DictOp::create(b, loc, type, keys, items);
  }
  auto target = dyn_cast<RankedTensorType>(type);
  auto source = dyn_cast<RankedTensorType>(value.getType());
  if (!target || !source || (source.getRank() == 0 && target.getRank() > 0))
    return UnaryOp::create(b, loc, type, UnaryKind::promote, value);
  if (source.getElementType() != target.getElementType())
    value = UnaryOp::create(b, loc, source.clone(target.getElementType()), UnaryKind::promote,
                            value);
  return value.getType() == type ? value : tensor::CastOp::create(b, loc, type, value);
}

Value findIndex(OpBuilder &b, Location loc, Value array, Value item) {
  return tensor_array::FindOp::create(b, loc, b.getI64Type(), array, item);
}

Value foundAt(OpBuilder &b, Location loc, Value at, bool found, Type type) {
  Value zero = ConstantOp::create(b, loc, b.getI64IntegerAttr(0));
  return CompareOp::create(b, loc, type, found ? CompareKind::ge : CompareKind::lt, at, zero);
}

void raiseKeyErrorWhere(OpBuilder &b, Location loc, Value missing, Value key) {
  auto ifOp = IfOp::create(b, loc, TypeRange{}, missing, ArrayAttr());
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(&ifOp.getThenRegion().emplaceBlock());
  RaiseOp::create(b, loc, b.getStringAttr("KeyError"), b.getStringAttr(""), ValueRange{key},
                  b.getStrArrayAttr({"!r"}));
  YieldOp::create(b, loc, ValueRange{});
  b.setInsertionPointToStart(&ifOp.getElseRegion().emplaceBlock());
  YieldOp::create(b, loc, ValueRange{});
}

FailureOr<Value> foldOverArray(OpBuilder &b, Location loc, Value array, Value init, StringRef name,
                               function_ref<FailureOr<Value>(OpBuilder &, Value, Value)> step) {
  Value start = ConstantOp::create(b, loc, b.getI64IntegerAttr(0));
  Value one = ConstantOp::create(b, loc, b.getI64IntegerAttr(1));
  Value stop = tensor_array::LengthOp::create(b, loc, b.getI64Type(), array);
  auto loop = ForRangeOp::create(b, loc, TypeRange{init.getType()}, start, stop, one,
                                 ValueRange{init}, b.getStrArrayAttr({name}));
  Block &body = loop.getBody().emplaceBlock();
  Value index = body.addArgument(b.getI64Type(), loc);
  Value carried = body.addArgument(init.getType(), loc);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(&body);
  FailureOr<Value> next = step(b, index, carried);
  if (failed(next))
    return failure();
  YieldOp::create(b, loc, ValueRange{*next});
  return loop.getResult(0);
}

bool indexesPythonSequence(ForRangeOp op) {
  WalkResult walk = op.getBody().walk([](SubscriptOp subscript) {
    return sequenceElementTypes(subscript.getValue().getType()) &&
                   !constantOf(subscript.getIndex())
               ? WalkResult::interrupt()
               : WalkResult::advance();
  });
  return walk.wasInterrupted();
}

bool runsAsPython(ForRangeOp op) {
  return llvm::any_of(op.getInits().getTypes(),
                      [](Type t) {
                        return sequenceElementTypes(t).has_value() || isa<PyNoneType>(t);
                      }) ||
         indexesPythonSequence(op);
}

bool testsIndexAgainstConstants(ForRangeOp op) {
  Value index = op.getBody().front().getArgument(0);
  return op.getBody()
      .walk([&](CompareOp compare) {
        Value other = compare.getLhs() == index   ? compare.getRhs()
                      : compare.getRhs() == index ? compare.getLhs()
                                                  : Value();
        return other && constantOf(other) ? WalkResult::interrupt() : WalkResult::advance();
      })
      .wasInterrupted();
}

bool fitsDeclared(Type given, Type declared) {
  auto g = dyn_cast<RankedTensorType>(given), d = dyn_cast<RankedTensorType>(declared);
  if (!g || !d)
    return given == declared;
  if (g.getElementType() != d.getElementType() || g.getRank() != d.getRank())
    return false;
  for (auto [gd, dd] : llvm::zip(g.getShape(), d.getShape()))
    if (!ShapedType::isDynamic(dd) && gd != dd)
      return false;
  return true;
}

std::optional<bool> raisedBefore(Operation *raised) {
  auto isRaise = [](Operation *op) { return isa<RaiseOp, RaiseHeldOp, ReraiseOp>(op); };
  auto holdsRaise = [&](Operation *op) {
    return op
        ->walk([&](Operation *inner) {
          return isRaise(inner) ? WalkResult::interrupt() : WalkResult::advance();
        })
        .wasInterrupted();
  };
  for (Operation *at = raised; !isa<FuncOp>(at); at = at->getParentOp())
    for (Operation *before = at->getPrevNode(); before; before = before->getPrevNode()) {
      // An `except` clause between may have handled it.
      if (isa<CatchOp, HoldRaisedOp>(before))
        return std::nullopt;
      if (isRaise(before))
        return true;
      // The test after a call that may raise, which exits where it did:
      // the code after it runs only where nothing was raised.
      if (auto exits = dyn_cast<IfOp>(before);
          exits && exits.getThenExited() && exits.getCondition().getDefiningOp<RaisedOp>())
        return false;
      if (before->getNumRegions() && holdsRaise(before))
        return std::nullopt;
    }
  bool anyBefore = false;
  raised->getParentOfType<FuncOp>().walk([&](Operation *inner) {
    if (inner == raised)
      return WalkResult::interrupt();
    anyBefore |= isa<RaiseOp, RaiseHeldOp, ReraiseOp>(inner);
    return WalkResult::advance();
  });
  return anyBefore ? std::nullopt : std::optional<bool>(false);
}

} // namespace mlir::pydy::specialization
