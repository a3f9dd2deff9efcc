// Specialization of control flow (see Specializer.h): and/or, if, for
// over Python containers and ranges (unrolled or loops), while.
#include "Specializer.h"

namespace mlir::pydy::specialization {

/// The one value of a tensor known when compiling: `to_tensor` of a literal
/// number (see literalTensorNumber), compared with such a value or negated
/// with `not`. Paddle's own tests branch on one (`pred = to_tensor([1])`;
/// `if pred:`): the branch folds as Python takes it, so the other branch's
/// results need not agree with it.
static std::optional<double> knownElement(Value v, unsigned depth = 0) {
  if (depth > 8)
    return std::nullopt;
  if (std::optional<double> literal = literalTensorNumber(v))
    return literal;
  if (std::optional<double> number = literalNumber(constantOf(v)))
    return number;
  if (auto unary = v.getDefiningOp<UnaryOp>(); unary && unary.getKind() == UnaryKind::Not) {
    std::optional<double> operand = knownElement(unary.getOperand(), depth + 1);
    return operand ? std::optional<double>(*operand == 0 ? 1.0 : 0.0) : std::nullopt;
  }
  auto compare = v.getDefiningOp<CompareOp>();
  if (!compare || !isa<RankedTensorType>(compare.getType()))
    return std::nullopt;
  std::optional<double> l = knownElement(compare.getLhs(), depth + 1);
  std::optional<double> r = knownElement(compare.getRhs(), depth + 1);
  if (!l || !r)
    return std::nullopt;
  switch (compare.getKind()) {
  case CompareKind::lt:
    return double(*l < *r);
  case CompareKind::le:
    return double(*l <= *r);
  case CompareKind::gt:
    return double(*l > *r);
  case CompareKind::ge:
    return double(*l >= *r);
  case CompareKind::eq:
    return double(*l == *r);
  case CompareKind::ne:
    return double(*l != *r);
  default:
    return std::nullopt;
  }
}

/// The truth of a condition known when compiling: a literal, or a tensor
/// whose one value is, or `not` of one (see knownElement).
static std::optional<bool> knownTruth(Value condition) {
  if (std::optional<bool> truth = literalTruthiness(constantOf(condition)))
    return truth;
  auto tensor = dyn_cast<RankedTensorType>(condition.getType());
  bool oneElement = tensor && tensor.hasStaticShape() && tensor.getNumElements() == 1;
  if (!oneElement && !condition.getType().isInteger(1))
    return std::nullopt;
  std::optional<double> value = knownElement(condition);
  return value ? std::optional<bool>(*value != 0) : std::nullopt;
}

LogicalResult Specializer::specializeLogical(LogicalOp op, Operation *&next) {
  bool isAnd = op.getKind() == LogicalKind::And;
  if (auto truth = literalTruthiness(constantOf(op.getLhs()))) {
    // Python: `a and b` is `a` when `a` is false; `a or b` is `a` when true.
    if (*truth != isAnd) {
      op.getResult().replaceAllUsesWith(op.getLhs());
      op.erase();
      return success();
    }
    inlineBlock(op, op.getRhs().front(), next);
    return success();
  }
  if (failed(checkCondition(op, op.getLhs(), isAnd ? "and" : "or")) ||
      failed(specialize(op.getRhs().front())))
    return failure();
  auto yield = cast<YieldOp>(op.getRhs().front().getTerminator());
  Value rhs = yield.getValues()[0];
  if (rhs.getType() == op.getLhs().getType()) {
    op.getResult().setType(rhs.getType());
    return success();
  }
  if (tolerant && (unknown(rhs.getType()) || unknown(op.getLhs().getType()))) {
    op.getResult().setType(ObjectType::get(op.getContext()));
    return success();
  }
  // Python gives back one of the operands. When only the truth of the
  // result is used, operands of different types are compared as bools;
  // otherwise the result is `rhs if lhs else lhs` (`or`: `lhs if lhs else
  // rhs`), its types joined as those of an `if`'s branches are.
  if (!onlyTruthIsUsed(op.getResult()))
    return selectOperand(op, rhs);
  OpBuilder b(op);
  Type i1 = b.getI1Type();
  // None is false (known when compiling). A tensor's truth is checked at
  // the `and`/`or` (its line is the one an error names).
  auto truth = [&](Value v) -> Value {
    if (isa<PyNoneType>(v.getType()))
      return ConstantOp::create(b, op.getLoc(), b.getBoolAttr(false));
    return UnaryOp::create(b, op.getLoc(), i1, UnaryKind::to_bool, v);
  };
  op.getLhsMutable().assign(truth(op.getLhs()));
  b.setInsertionPoint(yield);
  if (failed(checkCondition(op, rhs, isAnd ? "and" : "or")))
    return failure();
  yield->setOperand(0, truth(rhs));
  op.getResult().setType(i1);
  return success();
}

LogicalResult Specializer::selectOperand(LogicalOp op, Value rhs) {
  bool isAnd = op.getKind() == LogicalKind::And;
  Value lhs = op.getLhs();
  Type joined = joinTypes(lhs.getType(), rhs.getType());
  if (!joined)
    return op.emitError() << "operands of '" << (isAnd ? "and" : "or")
                          << "' are " << withArticle(lhs.getType()) << " and "
                          << withArticle(rhs.getType())
                          << ", which have no common type; compiled code supports that only "
                             "where the result is used as a condition";
  Location loc = op.getLoc();
  OpBuilder b(op);
  auto ifOp = IfOp::create(b, loc, TypeRange{joined}, containerTruth(b, loc, lhs), ArrayAttr());
  Region &evaluate = isAnd ? ifOp.getThenRegion() : ifOp.getElseRegion();
  Region &shortCircuit = isAnd ? ifOp.getElseRegion() : ifOp.getThenRegion();
  evaluate.takeBody(op.getRhs());
  Operation *yield = evaluate.front().getTerminator();
  OpBuilder inside(yield);
  yield->setOperand(0, castTo(inside, rhs, joined));
  inside.setInsertionPointToStart(&shortCircuit.emplaceBlock());
  YieldOp::create(inside, loc, ValueRange{castTo(inside, lhs, joined)});
  op.getResult().replaceAllUsesWith(ifOp.getResult(0));
  op.erase();
  return success();
}

bool Specializer::onlyTruthIsUsed(Value value) {
  return llvm::all_of(value.getUses(), [](OpOperand &use) {
    Operation *user = use.getOwner();
    if (isa<IfOp>(user) || (isa<ConditionOp>(user) && use.getOperandNumber() == 0))
      return true;
    if (auto unary = dyn_cast<UnaryOp>(user))
      return unary.getKind() == UnaryKind::Not || unary.getKind() == UnaryKind::to_bool;
    if (auto logical = dyn_cast<LogicalOp>(user))
      return onlyTruthIsUsed(logical.getResult());
    if (auto yield = dyn_cast<YieldOp>(user))
      if (auto logical = dyn_cast<LogicalOp>(yield->getParentOp()))
        return onlyTruthIsUsed(logical.getResult());
    return false;
  });
}

Value Specializer::containerTruth(OpBuilder &b, Location loc, Value v) {
  Type t = v.getType();
  if (auto elements = sequenceElementTypes(t))
    return ConstantOp::create(b, loc, b.getBoolAttr(!elements->empty()));
  if (isa<RuntimeDictType>(t)) {
    v = runtimeDictKeys(b, loc, v);
    t = v.getType();
  }
  if (isa<RuntimeSetType>(t)) {
    v = runtimeSetItems(b, loc, v);
    t = v.getType();
  }
  if (isa<tensor_array::ArrayType>(t)) {
    Value n = tensor_array::LengthOp::create(b, loc, b.getI64Type(), v);
    Value zero = ConstantOp::create(b, loc, b.getI64IntegerAttr(0));
    return CompareOp::create(b, loc, b.getI1Type(), CompareKind::gt, n, zero);
  }
  // A numeric tensor is true where it is nonzero, as eager's bool(t).
  if (auto tensor = dyn_cast<RankedTensorType>(t); tensor && !tensor.getElementType().isInteger(1)) {
    Type elem = tensor.getElementType();
    Value zero = isa<FloatType>(elem) ? ConstantOp::create(b, loc, b.getF64FloatAttr(0.0))
                                      : ConstantOp::create(b, loc, b.getI64IntegerAttr(0));
    return CompareOp::create(b, loc, tensor.clone(b.getI1Type()), CompareKind::ne, v, zero);
  }
  return v;
}

void Specializer::propagateCondition(IfOp op) {
  Value condition = op.getCondition();
  if (!condition.getType().isInteger(1))
    return;
  auto replaceInBranches = [&](Value v, bool inThen) {
    for (auto [region, truth] : {std::pair(&op.getThenRegion(), inThen),
                                 std::pair(&op.getElseRegion(), !inThen)}) {
      if (llvm::none_of(v.getUses(), [&](OpOperand &use) {
            return region->isAncestor(use.getOwner()->getParentRegion());
          }))
        continue;
      OpBuilder b = OpBuilder::atBlockBegin(&region->front());
      Value known = ConstantOp::create(b, op.getLoc(), b.getBoolAttr(truth));
      v.replaceUsesWithIf(known, [&](OpOperand &use) {
        return region->isAncestor(use.getOwner()->getParentRegion());
      });
    }
  };
  replaceInBranches(condition, true);
  auto negation = condition.getDefiningOp<UnaryOp>();
  if (negation && negation.getKind() == UnaryKind::Not &&
      negation.getOperand().getType().isInteger(1))
    replaceInBranches(negation.getOperand(), false);
}

/// The bool, int or float constant `v` is, where it is one of type `type`.
static Attribute numberOfType(Value v, Type type) {
  Attribute c = constantOf(v);
  bool typed =
      isa_and_nonnull<BoolAttr, IntegerAttr, FloatAttr>(c) && cast<TypedAttr>(c).getType() == type;
  return typed ? c : Attribute();
}

/// `result` is `defined` wherever it has a value: where that is a tuple
/// (`return x, axis` from a helper that may raise), its numbers known when
/// compiling stay known after the `if` — the tuple rebuilt from them and
/// the result's other items.
static void keepKnownItems(Value result, Value defined) {
  auto tuple = defined.getDefiningOp<TupleOp>();
  auto type = dyn_cast<TupleType>(result.getType());
  if (!tuple || !type)
    return;
  auto known = [&](unsigned j) { return numberOfType(tuple.getElements()[j], type.getType(j)); };
  if (llvm::none_of(llvm::seq(type.size()), [&](unsigned j) { return bool(known(j)); }))
    return;
  OpBuilder b(result.getContext());
  b.setInsertionPointAfterValue(result);
  Location loc = result.getLoc();
  SmallVector<Value> items;
  SmallPtrSet<Operation *, 4> reads;
  for (unsigned j = 0; j < type.size(); ++j) {
    if (Attribute c = known(j)) {
      items.push_back(ConstantOp::create(b, loc, c));
      continue;
    }
    Value index = ConstantOp::create(b, loc, b.getI64IntegerAttr(j));
    auto read = SubscriptOp::create(b, loc, type.getType(j), result, index);
    reads.insert(read);
    items.push_back(read);
  }
  Value rebuilt = TupleOp::create(b, loc, type, items);
  result.replaceAllUsesExcept(rebuilt, reads);
}

LogicalResult Specializer::specializeIf(IfOp op, Operation *&next) {
  {
    OpBuilder b(op);
    op->setOperand(0, containerTruth(b, op.getLoc(), op.getCondition()));
  }
  if (auto truth = knownTruth(op.getCondition())) {
    inlineBlock(op, (*truth ? op.getThenRegion() : op.getElseRegion()).front(), next);
    return success();
  }
  if (isa<PyNoneType>(op.getCondition().getType())) {
    inlineBlock(op, op.getElseRegion().front(), next);
    return success();
  }
  if (failed(checkCondition(op, op.getCondition(), "if")))
    return failure();
  propagateCondition(op);
  Block &thenBlock = op.getThenRegion().front(), &elseBlock = op.getElseRegion().front();
  if (failed(specialize(thenBlock)) || failed(specialize(elseBlock)))
    return failure();
  Operation *thenYield = thenBlock.getTerminator(), *elseYield = elseBlock.getTerminator();
  for (unsigned i = 0; i < op.getNumResults(); ++i) {
    Type tt = thenYield->getOperand(i).getType(), et = elseYield->getOperand(i).getType();
    Type joined = joinTypes(tt, et);
    bool thenUndefined = isUndefined(thenYield->getOperand(i)),
         elseUndefined = isUndefined(elseYield->getOperand(i));
    if (!joined)
      return op.emitError() << describeVariable(nameOf(op.getNames(), i)) << " is "
                            << withArticle(tt) << " in the 'if' branch but "
                            << withArticle(et)
                            << " in the 'else' branch; compiled branches must agree";
    for (Operation *yield : {thenYield, elseYield}) {
      OpBuilder b(yield);
      yield->setOperand(i, castTo(b, yield->getOperand(i), joined));
    }
    op.getResult(i).setType(joined);
    // None on both branches, or one constant on both (an exit flag where
    // both branches return or raise), is a compile-time value: the code it
    // guards folds away, as Python never runs it. So is a constant on one
    // branch where the other has no value (it raised, or left a variable
    // unbound, which a flag checks before any read): a helper that validates
    // its arguments at run time still returns an axis known when compiling.
    // One value on both is that value (a loop's exit code passed on: see
    // foldPassedOn).
    OpBuilder b(op);
    Value thenValue = thenYield->getOperand(i), elseValue = elseYield->getOperand(i);
    Attribute thenNumber = numberOfType(thenValue, joined),
              elseNumber = numberOfType(elseValue, joined);
    if (!elseNumber && elseUndefined)
      elseNumber = thenNumber;
    if (!thenNumber && thenUndefined)
      thenNumber = elseNumber;
    if (isa<PyNoneType>(joined)) {
      op.getResult(i).replaceAllUsesWith(ConstantOp::create(b, op.getLoc(), b.getUnitAttr()));
    } else if (thenValue == elseValue) {
      op.getResult(i).replaceAllUsesWith(thenValue);
    } else if (thenNumber && thenNumber == elseNumber) {
      op.getResult(i).replaceAllUsesWith(ConstantOp::create(b, op.getLoc(), thenNumber));
    } else if (thenUndefined != elseUndefined) {
      keepKnownItems(op.getResult(i), thenUndefined ? elseValue : thenValue);
    }
  }
  return success();
}

LogicalResult Specializer::joinCarried(Operation *loop, std::optional<ArrayAttr> names,
                          SmallVectorImpl<Type> &types, TypeRange produced) {
  for (auto [i, t] : llvm::enumerate(produced)) {
    Type joined = joinTypes(types[i], t);
    if (!joined && isa<ListType, tensor_array::ArrayType>(types[i]) &&
        isa<ListType, tensor_array::ArrayType>(t))
      return loop->emitError() << describeVariable(nameOf(names, i))
                               << ", a list, changes length in a loop that runs a number of times "
                                  "known only at run time; it is compiled to a TensorArray, "
                                  "which needs its items to be tensors of one dtype and rank, "
                                  "or numbers of one kind: "
                               << describeType(types[i]) << " and " << describeType(t);
    if (!joined)
      return loop->emitError() << describeVariable(nameOf(names, i)) << " is "
                               << withArticle(types[i]) << " before the loop but "
                               << withArticle(t) << " after an iteration; a loop may "
                               << "change a value's shape, widen its dtype or turn a number "
                                  "into a one-element tensor, not change its rank";
    types[i] = joined;
  }
  return success();
}

void Specializer::setArgumentTypes(Block &block, unsigned skip, ArrayRef<Type> types) {
  for (auto [arg, t] : llvm::zip(block.getArguments().drop_front(skip), types))
    arg.setType(t);
}

void Specializer::castOperands(Operation *op, unsigned skip, ArrayRef<Type> types) {
  OpBuilder b(op);
  for (auto [i, t] : llvm::enumerate(types))
    op->setOperand(skip + i, castTo(b, op->getOperand(skip + i), t));
}

FailureOr<bool> Specializer::tryLoopTypes(Operation *loop, SmallVectorImpl<Type> &types) {
  SmallVector<Type> before(types.begin(), types.end());
  if (auto whileOp = dyn_cast<WhileOp>(loop)) {
    Block &cond = whileOp.getBefore().front();
    setArgumentTypes(cond, 0, types);
    if (failed(specialize(cond)))
      return failure();
    auto condition = cast<ConditionOp>(cond.getTerminator());
    if (failed(joinCarried(loop, whileOp.getNames(), types,
                           condition.getArgs().getTypes())))
      return failure();
    if (types != before)
      return false;
    Block &body = whileOp.getAfter().front();
    setArgumentTypes(body, 0, types);
    if (failed(specialize(body)))
      return failure();
    if (failed(joinCarried(loop, whileOp.getNames(), types,
                           body.getTerminator()->getOperandTypes())))
      return failure();
    return types == before;
  }
  auto forOp = cast<ForRangeOp>(loop);
  Block &body = forOp.getBody().front();
  body.getArgument(0).setType(IntegerType::get(loop->getContext(), 64));
  setArgumentTypes(body, 1, types);
  if (failed(specialize(body)))
    return failure();
  if (failed(joinCarried(loop, forOp.getNames(), types,
                         body.getTerminator()->getOperandTypes())))
    return failure();
  return types == before;
}

LogicalResult Specializer::checkRangeBound(Operation *op, Value v, StringRef what) {
  Type t = v.getType();
  if (isIntScalar(t) || (tolerant && unknown(t)))
    return success();
  if (auto tensor = dyn_cast<RankedTensorType>(t))
    if (isa<IntegerType>(tensor.getElementType()) && tensor.hasStaticShape() &&
        tensor.getNumElements() == 1)
      return success();
  return op->emitError() << "range() " << what << " must be an int or a one-element "
                         << "integer tensor, not " << withArticle(t);
}

Operation *loopOverIndices(ForInOp op, Value stop,
                           function_ref<Value(OpBuilder &, Value)> itemAt) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  Value start = ConstantOp::create(b, loc, b.getI64IntegerAttr(0));
  Value step = ConstantOp::create(b, loc, b.getI64IntegerAttr(1));
  auto range = ForRangeOp::create(b, loc, op.getResultTypes(), start, stop, step, op.getInits(),
                                  op.getNamesAttr());
  range.getBody().takeBody(op.getBody());
  // The body's argument was the item; it is the index now.
  BlockArgument index = range.getBody().front().getArgument(0);
  SmallVector<OpOperand *> itemUses =
      llvm::map_to_vector(index.getUses(), [](OpOperand &use) { return &use; });
  OpBuilder ib = OpBuilder::atBlockBegin(&range.getBody().front());
  Value item = itemAt(ib, index);
  for (OpOperand *use : itemUses)
    use->set(item);
  op->replaceAllUsesWith(range->getResults());
  op.erase();
  return start.getDefiningOp();
}

LogicalResult Specializer::specializeForIn(ForInOp op, Operation *&next) {
  Value iterable = op.getIterable();
  Type type = iterable.getType();
  if (auto named = dyn_cast<NamedTupleType>(type); named && named.isDataclass())
    return op.emitError() << "TypeError: '" << named.className() << "' object is not iterable";
  Location loc = op.getLoc();
  OpBuilder b(op);
  Type object = ObjectType::get(op.getContext());
  auto makeItem = [&](OpBuilder &ib, Value index) -> Value {
    Value item = SubscriptOp::create(ib, loc, object, iterable, index);
    if (op.getEnumerate())
      item = TupleOp::create(ib, loc, object, ValueRange{index, item});
    return item;
  };
  if (isa<RankedTensorType, tensor_array::ArrayType>(type)) {
    if (auto tensor = dyn_cast<RankedTensorType>(type); tensor && tensor.getRank() == 0)
      return op.emitError("iteration over a 0-d tensor");
    Value stop = LenOp::create(b, loc, object, iterable);
    loopOverIndices(op, stop, makeItem);
    next = stop.getDefiningOp();
    return success();
  }
  if (auto dict = dyn_cast<DictType>(type)) {
    // Iterating a dict gives its keys.
    return unroll(op, dict.getKeys().size(), [&](OpBuilder &ib, size_t k) -> Value {
      Value key = ConstantOp::create(ib, loc, dict.getKeys()[k]);
      if (!op.getEnumerate())
        return key;
      Value pair[] = {ConstantOp::create(ib, loc, ib.getI64IntegerAttr(k)), key};
      return TupleOp::create(ib, loc, object, pair);
    }, next);
  }
  if (auto text = dyn_cast_or_null<StringAttr>(staticValue(iterable))) {
    // A string known when compiling: its characters (UTF-8 code points).
    SmallVector<StringRef> chars;
    StringRef rest = text.getValue();
    while (!rest.empty()) {
      size_t length = 1;
      while (length < rest.size() && (static_cast<unsigned char>(rest[length]) & 0xC0) == 0x80)
        ++length;
      chars.push_back(rest.take_front(length));
      rest = rest.drop_front(length);
    }
    return unroll(op, chars.size(), [&](OpBuilder &ib, size_t k) -> Value {
      Value ch = ConstantOp::create(ib, loc, ib.getStringAttr(chars[k]));
      if (!op.getEnumerate())
        return ch;
      Value pair[] = {ConstantOp::create(ib, loc, ib.getI64IntegerAttr(k)), ch};
      return TupleOp::create(ib, loc, object, pair);
    }, next);
  }
  auto elements = sequenceElementTypes(type);
  if (!elements)
    return op.emitError() << "iteration over " << withArticle(type)
                          << " is not supported in compiled code";
  if (!elements->empty() && llvm::all_equal(*elements) &&
      isa<IntegerType, FloatType>(elements->front())) {
    // Numbers of one type (a sampler's time steps): a loop over their
    // indices, unrolled while small (the rule of a range over a list).
    Value stop = LenOp::create(b, loc, object, iterable);
    loopOverIndices(op, stop, makeItem);
    next = stop.getDefiningOp();
    return success();
  }
  return unroll(op, elements->size(), [&](OpBuilder &ib, size_t k) {
    return makeItem(ib, ConstantOp::create(ib, loc, ib.getI64IntegerAttr(k)));
  }, next);
}

LogicalResult Specializer::unroll(Operation *loop, size_t count,
                     function_ref<Value(OpBuilder &, size_t)> itemOf, Operation *&next) {
  OpBuilder b(loop);
  Block &body = loop->getRegion(0).front();
  Operation *before = loop->getPrevNode();
  SmallVector<Value> values(loop->getOperands().take_back(body.getNumArguments() - 1));
  for (size_t k = 0; k < count; ++k) {
    IRMapping map;
    map.map(body.getArgument(0), itemOf(b, k));
    for (auto [arg, v] : llvm::zip(body.getArguments().drop_front(), values))
      map.map(arg, v);
    for (Operation &inner : body.without_terminator())
      b.clone(inner, map);
    values = llvm::map_to_vector(body.getTerminator()->getOperands(),
                                 [&](Value v) { return map.lookupOrDefault(v); });
  }
  Operation *first = firstAfter(before, loop);
  loop->replaceAllUsesWith(values);
  if (first != loop)
    next = first;
  loop->erase();
  return success();
}

std::optional<SmallVector<int64_t>> Specializer::constantRange(ForRangeOp op) {
  constexpr int64_t kMaxUnroll = 1024;
  auto start = dyn_cast_or_null<IntegerAttr>(constantOf(op.getStart()));
  auto stop = dyn_cast_or_null<IntegerAttr>(constantOf(op.getStop()));
  auto step = dyn_cast_or_null<IntegerAttr>(constantOf(op.getStep()));
  if (!start || !stop || !step || step.getValue().isZero())
    return std::nullopt;
  SmallVector<int64_t> indices;
  for (int64_t i = start.getInt(); step.getInt() > 0 ? i < stop.getInt() : i > stop.getInt();
       i += step.getInt()) {
    if (static_cast<int64_t>(indices.size()) == kMaxUnroll)
      return std::nullopt;
    indices.push_back(i);
  }
  return indices;
}

LogicalResult Specializer::unrollRange(ForRangeOp op, ArrayRef<int64_t> indices, Operation *&next) {
  return unroll(op, indices.size(), [&](OpBuilder &ib, size_t k) -> Value {
    return ConstantOp::create(ib, op.getLoc(), ib.getI64IntegerAttr(indices[k]));
  }, next);
}

template <typename LoopOp> static void foldPassedOn(LoopOp op);

template <typename LoopOp>
LogicalResult Specializer::specializeLoop(LoopOp op, bool restoreOnFailure, bool numbersInArrays) {
  if constexpr (std::is_same_v<LoopOp, ForRangeOp>) {
    if (failed(checkRangeBound(op, op.getStart(), "start")) ||
        failed(checkRangeBound(op, op.getStop(), "stop")) ||
        failed(checkRangeBound(op, op.getStep(), "step")))
      return failure();
    if (auto step = dyn_cast_or_null<IntegerAttr>(constantOf(op.getStep()));
        step && step.getValue().isZero())
      return op.emitError("range() step must not be zero");
  }
  SmallVector<Type> types(op.getInits().getTypes());
  Operation *pristine = op->clone();
  auto restore = [&] {
    Operation *fresh = pristine->clone();
    for (unsigned r = 0; r < op->getNumRegions(); ++r)
      op->getRegion(r).takeBody(fresh->getRegion(r));
    fresh->erase();
  };
  LogicalResult result = failure();
  for (int attempt = 0;; ++attempt) {
    if (attempt == kMaxLoopIterations) {
      op.emitError("the types of the loop's variables do not settle");
      break;
    }
    if (attempt > 0)
      restore();
    FailureOr<bool> settled = tryLoopTypes(op, types);
    if (failed(settled))
      break;
    if (*settled) {
      bool holdsNumbers = llvm::any_of(types, [](Type t) {
        auto array = dyn_cast<tensor_array::ArrayType>(t);
        return array && array.holdsScalars();
      });
      result = success(numbersInArrays || !holdsNumbers);
      break;
    }
  }
  if (failed(result) && restoreOnFailure)
    restore();
  pristine->erase();
  if (failed(result))
    return failure();

  unsigned skip = std::is_same_v<LoopOp, ForRangeOp> ? 3 : 0;
  castOperands(op, skip, types);
  for (auto [r, t] : llvm::zip(op->getResults(), types))
    r.setType(t);
  if constexpr (std::is_same_v<LoopOp, WhileOp>) {
    auto condition = cast<ConditionOp>(op.getBefore().front().getTerminator());
    OpBuilder b(condition);
    condition->setOperand(0, containerTruth(b, condition.getLoc(), condition.getCondition()));
    if (failed(checkCondition(op, condition.getCondition(), "while")))
      return failure();
    castOperands(condition, 1, types);
    castOperands(op.getAfter().front().getTerminator(), 0, types);
  } else {
    castOperands(op.getBody().front().getTerminator(), 0, types);
  }
  foldPassedOn(op);
  return success();
}

/// A constant (or undefined value) that every iteration passes on unchanged
/// is the loop's result: the code it guards after the loop folds (a `try`'s
/// exit code where the exit folded away, whose return would read a value no
/// path binds).
template <typename LoopOp> static void foldPassedOn(LoopOp op) {
  for (auto [i, init] : llvm::enumerate(op.getInits())) {
    Value result = op->getResult(i);
    if (result.use_empty() || init.getType() != result.getType() ||
        !(constantOf(init) || init.template getDefiningOp<UndefOp>()))
      continue;
    bool passedOn;
    if constexpr (std::is_same_v<LoopOp, WhileOp>) {
      auto condition = cast<ConditionOp>(op.getBefore().front().getTerminator());
      Operation *yield = op.getAfter().front().getTerminator();
      passedOn = condition.getArgs()[i] == op.getBefore().front().getArgument(i) &&
                 yield->getOperand(i) == op.getAfter().front().getArgument(i);
    } else {
      Operation *yield = op.getBody().front().getTerminator();
      passedOn = yield->getOperand(i) == op.getBody().front().getArgument(i + 1);
    }
    if (passedOn)
      result.replaceAllUsesWith(init);
  }
}

template LogicalResult Specializer::specializeLoop(WhileOp, bool, bool);
template LogicalResult Specializer::specializeLoop(ForRangeOp, bool, bool);

} // namespace mlir::pydy::specialization
