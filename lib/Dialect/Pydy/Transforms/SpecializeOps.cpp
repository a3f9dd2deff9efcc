// The specialization walk (see Specializer.h): blocks and ops in program
// order, conditions, values that may be None, folds, result types.
#include "Specializer.h"
#include "mlir/IR/Dominance.h"

namespace mlir::pydy::specialization {

LogicalResult Specializer::specialize(Block &block) {
  for (Operation *op = block.empty() ? nullptr : &block.front(); op;) {
    Operation *next = op->getNextNode();
    if (failed(specialize(op, next)))
      return failure();
    op = next;
  }
  return success();
}

void Specializer::inlineBlock(Operation *op, Block &block, Operation *&next) {
  Operation *terminator = block.getTerminator();
  SmallVector<Value> yielded(terminator->getOperands());
  Operation *first = &block.front() == terminator ? nullptr : &block.front();
  op->getBlock()->getOperations().splice(Block::iterator(op), block.getOperations(),
                                         block.begin(), Block::iterator(terminator));
  if (first)
    next = first;
  if (op->getNumResults())
    op->replaceAllUsesWith(yielded);
  op->erase();
}

LogicalResult Specializer::checkCondition(Operation *op, Value cond, StringRef construct) {
  Type t = cond.getType();
  // None is false, as in Python.
  if (isPythonScalar(t) || isa<PyNoneType>(t) || (tolerant && unknown(t)))
    return success();
  auto tensor = dyn_cast<RankedTensorType>(t);
  if (!tensor)
    return op->emitError() << "the condition of '" << construct << "' is "
                           << withArticle(t) << ", which has no truth value in compiled code";
  // Its size is checked where it runs (a ValueError unless it is 1): a path
  // that never reaches it runs as it does eagerly.
  return success();
}

Value Specializer::optionalTruth(OpBuilder &b, Location loc, Value optional) {
  Type t = cast<OptionalType>(optional.getType()).getValue();
  auto tensor = dyn_cast<RankedTensorType>(t);
  if (!isPythonScalar(t) && !(tensor && tensor.hasStaticShape() && tensor.getNumElements() == 1))
    return {};
  Type i1 = b.getI1Type();
  Value present = IsPresentOp::create(b, loc, i1, optional);
  auto ifOp = IfOp::create(b, loc, TypeRange{i1}, present, ArrayAttr());
  OpBuilder inside = OpBuilder::atBlockBegin(&ifOp.getThenRegion().emplaceBlock());
  Value value = OptionalValueOp::create(inside, loc, t, optional, /*unchecked=*/true);
  Value truth = UnaryOp::create(inside, loc, i1, UnaryKind::to_bool,
                                containerTruth(inside, loc, value));
  YieldOp::create(inside, loc, ValueRange{truth});
  inside.setInsertionPointToStart(&ifOp.getElseRegion().emplaceBlock());
  YieldOp::create(inside, loc, ValueRange{ConstantOp::create(inside, loc, b.getBoolAttr(false))});
  return ifOp.getResult(0);
}

bool Specializer::useOptionals(Operation *op) {
  if (auto cmp = dyn_cast<CompareOp>(op);
      cmp && (cmp.getKind() == CompareKind::is || cmp.getKind() == CompareKind::is_not)) {
    Value lhs = cmp.getLhs(), rhs = cmp.getRhs();
    Value optional = isa<OptionalType>(lhs.getType()) ? lhs : rhs;
    Value other = optional == lhs ? rhs : lhs;
    if (isa<OptionalType>(optional.getType()) && isa<PyNoneType>(other.getType())) {
      OpBuilder b(op);
      Value present = IsPresentOp::create(b, op->getLoc(), b.getI1Type(), optional);
      Value result = cmp.getKind() == CompareKind::is_not
                         ? present
                         : Value(UnaryOp::create(b, op->getLoc(), b.getI1Type(),
                                                 UnaryKind::Not, present));
      cmp.getResult().replaceAllUsesWith(result);
      op->erase();
      return true;
    }
  }
  // A condition (`if h:`, `while h and ...:`, `not h`): false where it is None.
  auto unary = dyn_cast<UnaryOp>(op);
  auto logical = dyn_cast<LogicalOp>(op);
  if (isa<IfOp, ConditionOp>(op) || (logical && onlyTruthIsUsed(logical.getResult())) ||
      (unary && (unary.getKind() == UnaryKind::Not || unary.getKind() == UnaryKind::to_bool)))
    if (isa<OptionalType>(op->getOperand(0).getType())) {
      OpBuilder b(op);
      if (Value truth = optionalTruth(b, op->getLoc(), op->getOperand(0)))
        op->setOperand(0, truth);
    }
  if (isa<YieldOp, ConditionOp, ReturnOp, OptionalOp, IsPresentOp, OptionalValueOp, WhileOp,
          ForRangeOp, ForInOp, TupleOp, ListOp, DictOp>(op))
    return false;
  for (OpOperand &operand : op->getOpOperands())
    if (auto optional = dyn_cast<OptionalType>(operand.get().getType())) {
      OpBuilder b(op);
      operand.set(OptionalValueOp::create(b, op->getLoc(), optional.getValue(),
                                          operand.get(), /*unchecked=*/false));
    }
  return false;
}

LogicalResult Specializer::specialize(Operation *op, Operation *&next) {
  if (useOptionals(op))
    return success();
  // Ops of other dialects are made here already typed (casts, tensor arrays).
  if (isa<ConstantOp, YieldOp, ConditionOp, ReturnOp, UndefOp, OptionalOp, IsPresentOp,
          OptionalValueOp, RuntimeDictOp, RuntimeDictKeysOp, RuntimeDictValuesOp, RuntimeSetOp,
          RuntimeSetItemsOp>(op) ||
      !isa<PydyDialect>(op->getDialect()))
    return success();
  if (auto call = dyn_cast<CallOp>(op))
    return specializeCall(call);
  // In the tolerant pass, what depends on an unknown value is unknown.
  if (tolerant && !isa<IfOp, WhileOp, ForRangeOp, ForInOp, LogicalOp>(op) &&
      llvm::any_of(op->getOperandTypes(), unknown)) {
    for (Value r : op->getResults())
      r.setType(ObjectType::get(op->getContext()));
    return success();
  }
  if (isa<LoadOp, StoreOp>(op))
    return op->emitError("variables must be promoted (pydy-promote-variables) "
                         "before specialization");
  if (auto global = dyn_cast<GlobalOp>(op))
    return op->emitError() << "name '" << global.getName()
                           << "' is not available in compiled code";
  if (auto ifOp = dyn_cast<IfOp>(op))
    return specializeIf(ifOp, next);
  if (auto whileOp = dyn_cast<WhileOp>(op))
    return specializeLoop(whileOp);
  if (auto forOp = dyn_cast<ForRangeOp>(op)) {
    // A constant-trip loop over Python containers (a list grown item by
    // item, numbers kept known when compiling: shapes, axes) runs as Python,
    // unrolled, while that stays small; a long or large one (a generation
    // loop carrying a list of caches) stays a loop where its types settle
    // without lists of numbers, so compile time stays flat in the trip count.
    constexpr size_t kMaxUnrolledArrayLoop = 32;
    if (runsAsPython(forOp))
      if (auto indices = constantRange(forOp)) {
        size_t bodyOps = 0;
        forOp.getBody().walk([&](Operation *) { ++bodyOps; });
        if ((indices->size() <= kMaxUnrolledArrayLoop &&
             indices->size() * bodyOps <= mostUnrolledOps) ||
            testsIndexAgainstConstants(forOp))
          return unrollRange(forOp, *indices, next);
        LogicalResult asLoop = failure();
        {
          ScopedDiagnosticHandler quiet(op->getContext(),
                                        [](Diagnostic &) { return success(); });
          asLoop = specializeLoop(forOp, /*restoreOnFailure=*/true, /*numbersInArrays=*/false);
        }
        return succeeded(asLoop) ? success() : unrollRange(forOp, *indices, next);
      }
    // A short constant-trip loop whose body cannot be typed as one loop (its
    // tensors change shape from one iteration to the next: DenseNet's
    // blocks, `self.blocks[i](x)`) runs as Python runs it, unrolled.
    if (auto indices = constantRange(forOp); indices && indices->size() <= kMaxUnrolledArrayLoop) {
      LogicalResult asLoop = failure();
      {
        ScopedDiagnosticHandler quiet(op->getContext(), [](Diagnostic &) { return success(); });
        asLoop = specializeLoop(forOp, /*restoreOnFailure=*/true);
      }
      return succeeded(asLoop) ? success() : unrollRange(forOp, *indices, next);
    }
    return specializeLoop(forOp);
  }
  if (isRuntimeDictUse(op))
    return specializeRuntimeDictUse(op, next);
  if (isRuntimeSetUse(op))
    return specializeRuntimeSetUse(op, next);
  if (auto forIn = dyn_cast<ForInOp>(op))
    return specializeForIn(forIn, next);
  if (auto unary = dyn_cast<UnaryOp>(op); unary && unary.getKind() == UnaryKind::numpy_item)
    return specializeNumpyItem(unary);
  if (auto unpack = dyn_cast<UnpackOp>(op);
      unpack && isa<RankedTensorType>(unpack.getValue().getType()))
    return unpackTensor(unpack, next);
  if (auto logical = dyn_cast<LogicalOp>(op))
    return specializeLogical(logical, next);
  if (auto call = dyn_cast<LibCallOp>(op))
    return specializeLibCall(call, next);
  if (auto method = dyn_cast<CallMethodOp>(op))
    return specializeMethod(method, next);
  if (auto setItem = dyn_cast<SetItemOp>(op);
      setItem && isa<RankedTensorType>(setItem.getValue().getType())) {
    FailureOr<Operation *> first = decomposeTensorAssignment(setItem);
    if (failed(first))
      return failure();
    next = *first;
    return success();
  }
  if (auto setItem = dyn_cast<SetItemOp>(op)) {
    if (isRuntimeKey(setItem.getValue().getType(), setItem.getIndex()))
      return writeEntryAtRuntimeKey(setItem, next);
    return specializeSetItem(setItem);
  }
  if (auto dict = dyn_cast<DictOp>(op))
    return specializeDict(dict);
  if (auto format = dyn_cast<FormatOp>(op))
    return specializeFormat(format, next);
  if (auto print = dyn_cast<PrintOp>(op)) {
    spliceFormats(op, print.getValuesMutable(), print.getFormatsAttr(), print.getSep());
    if (replacedByRejectedFormat(op, print.getValues(), print.getFormats()))
      return success();
    return checkFormattedValues(op, print.getValues());
  }
  if (auto callback = dyn_cast<PyCallbackOp>(op))
    return checkCallbackValues(callback);
  if (auto raise = dyn_cast<RaiseOp>(op)) {
    spliceFormats(op, raise.getValuesMutable(), raise.getFormatsAttr(), "");
    if (replacedByRejectedFormat(op, raise.getValues(), raise.getFormats()))
      return success();
    return checkFormattedValues(op, raise.getValues());
  }
  // Folds to true where a raise certainly ran before (a helper that always
  // raises: the code after its call is never typed), to false where none
  // can have; the exit it guards folds with it.
  if (isa<CatchOp, HoldRaisedOp, HoldCaughtOp, RaiseHeldOp, DropHeldOp, CaughtExceptionOp,
          HeldDepthOp, ReraiseOp>(op))
    return success();
  if (auto raisedOp = dyn_cast<RaisedOp>(op)) {
    std::optional<bool> raised = raisedBefore(op);
    // The test after an inlined call whose value (the exit `if` that ends
    // its body) is undefined on every path: every path raised (a return
    // gives a value, None at least). Fuzz seed 46582: the code after it was
    // typed with that value.
    auto exits = dyn_cast_or_null<IfOp>(op->getPrevNode());
    if (!raised && exits && (exits.getThenExited() || exits.getElseExited()) &&
        llvm::any_of(exits.getResults(), [](Value v) {
          return isa<ObjectType>(v.getType()) && !v.use_empty() && isUndefined(v);
        }))
      raised = true;
    if (raised && (*raised || !raisedOp.getRuntimeChecks())) {
      OpBuilder b(op);
      op->getResult(0).replaceAllUsesWith(ConstantOp::create(b, op->getLoc(), b.getBoolAttr(*raised)));
      op->erase();
    }
    return success();
  }
  // A statement the importer could not convert, in a branch that remains.
  if (auto unsupported = dyn_cast<UnsupportedOp>(op)) {
    InFlightDiagnostic diag = op->emitError()
                              << (unsupported.getSyntax() ? "[unsupported] " : "")
                              << unsupported.getMessage();
    if (auto note = unsupported.getNoteAttr())
      diag.attachNote(cast<LocationAttr>(note)) << "it is assigned here";
    return diag;
  }
  // A slice is read by the subscript that uses it; a lambda left by inlining
  // is called only in branches that specialization removes.
  if (isa<SliceOp, LambdaOp>(op))
    return success();
  if (auto callValue = dyn_cast<CallValueOp>(op)) {
    if (callValue.getSpread())
      return spreadArguments(callValue, next);
    // A lambda known only now (an item of a list of lambdas) is inlined here.
    if (auto lambda = callValue.getCallee().getDefiningOp<LambdaOp>()) {
      // What binding makes (a tuple of *args) and the body's copy go
      // before the call, and are specialized next.
      Operation *before = op->getPrevNode();
      OpBuilder b(op);
      std::string error;
      FailureOr<SmallVector<Value>> args = lambda.bindArguments(b, callValue, error);
      if (failed(args))
        return op->emitError(error);
      Block &body = lambda.getBody().front();
      IRMapping map;
      map.map(body.getArguments(), *args);
      for (Operation &inner : body.without_terminator())
        b.clone(inner, map);
      callValue.getResult().replaceAllUsesWith(
          map.lookupOrDefault(body.getTerminator()->getOperand(0)));
      Operation *first = firstAfter(before, op);
      if (first != op)
        next = first;
      op->erase();
      return success();
    }
    if (succeeded(callChosenLambda(callValue, next)))
      return success();
    return op->emitError("dy2st can call only a lambda known where it is called, or chosen "
                         "by a branch (not one passed through a loop, or reading values "
                         "made in the branch)");
  }
  if (isa<TupleOp, ListOp>(op)) {
    SmallVector<Type> elements(op->getOperandTypes());
    // A display's type says whether it makes an instance of a namedtuple class.
    Type made = op->getResult(0).getType();
    if (auto named = dyn_cast<NamedTupleType>(made))
      made = named.withElementTypes(elements);
    else if (isa<ListOp>(op))
      made = ListType::get(op->getContext(), elements);
    else
      made = TupleType::get(op->getContext(), elements);
    op->getResult(0).setType(made);
    return fold(op, next);
  }
  if (auto un = dyn_cast<UnaryOp>(op);
      un && (un.getKind() == UnaryKind::Not || un.getKind() == UnaryKind::to_bool) &&
      (sequenceElementTypes(un.getOperand().getType()) ||
       isa<tensor_array::ArrayType, RuntimeDictType, RuntimeSetType>(un.getOperand().getType()))) {
    OpBuilder b(op);
    op->setOperand(0, containerTruth(b, op->getLoc(), un.getOperand()));
  }
  if (auto bin = dyn_cast<BinaryOp>(op);
      bin && bin.getAugmented() && isa<ListType, tensor_array::ArrayType>(bin.getLhs().getType()) &&
      (bin.getKind() == BinaryKind::add || bin.getKind() == BinaryKind::mul)) {
    // Python changes the list in place; compiled code makes a new one.
    StringRef symbol = bin.getKind() == BinaryKind::add ? "+=" : "*=";
    if (std::optional<StringRef> who = bin.getShared())
      return bin.emitError() << "'" << symbol << "' changes a list in place, and " << *who
                             << " shares it: compiled code makes a new list, which " << *who
                             << " would not see; use extend() (or a new name)";
    if (bin.getKind() == BinaryKind::add && isa<TupleType, NamedTupleType>(bin.getRhs().getType()))
      return concatenateLists(bin); // a list extended by a tuple's items
  }
  if (auto bin = dyn_cast<BinaryOp>(op);
      bin && bin.getKind() == BinaryKind::add &&
      isa<ListType, tensor_array::ArrayType>(bin.getLhs().getType()) &&
      isa<ListType, tensor_array::ArrayType>(bin.getRhs().getType()))
    return isa<tensor_array::ArrayType>(bin.getRhs().getType()) ? appendArray(bin, next)
                                                                 : concatenateLists(bin);
  if (auto bin = dyn_cast<BinaryOp>(op); bin && isSequenceArithmetic(bin))
    return combineSequences(bin);
  if (auto cmp = dyn_cast<CompareOp>(op);
      cmp && (cmp.getKind() == CompareKind::in || cmp.getKind() == CompareKind::not_in) &&
      isa<ListType, TupleType, NamedTupleType>(cmp.getRhs().getType()))
    return literalMembership(cmp);
  if (auto cmp = dyn_cast<CompareOp>(op); cmp && isSequenceEquality(cmp))
    return sequenceEquality(cmp, next);
  if (auto cmp = dyn_cast<CompareOp>(op); cmp && isSequenceOrdering(cmp))
    return sequenceOrdering(cmp, next);
  if (auto sub = dyn_cast<SubscriptOp>(op); sub && isa<SliceType>(sub.getIndex().getType())) {
    // A list of tensors of one dtype and rank sliced with runtime bounds: as a TensorArray.
    Type sliced = sub.getValue().getType();
    if (isa<tensor_array::ArrayType>(sliced) ||
        (isa<ListType>(sliced) && arrayItemType(sliced) && !boundsKnown(sub.getIndex())))
      return sliceArray(sub, next);
    if (isa<ListType, TupleType, NamedTupleType>(sliced))
      return sliceSequence(sub);
  }
  if (auto sub = dyn_cast<SubscriptOp>(op); sub && isa<StrType>(sub.getValue().getType()) &&
                                            isa_and_nonnull<StringAttr>(constantOf(sub.getValue())))
    return subscriptText(sub);
  if (auto sub = dyn_cast<SubscriptOp>(op); sub && isLiteralTensorIndex(sub))
    return indexLiteralTensor(sub, next);
  if (auto sub = dyn_cast<SubscriptOp>(op); sub && isItemChoice(sub))
    return chooseItem(sub, next);
  if (auto sub = dyn_cast<SubscriptOp>(op);
      sub && isRuntimeKey(sub.getValue().getType(), sub.getIndex()))
    return readEntryAtRuntimeKey(sub, next);
  if (auto cmp = dyn_cast<CompareOp>(op);
      cmp && (cmp.getKind() == CompareKind::in || cmp.getKind() == CompareKind::not_in) &&
      isRuntimeKey(cmp.getRhs().getType(), cmp.getLhs()))
    return runtimeKeyMembership(cmp, next);
  if (auto sub = dyn_cast<SubscriptOp>(op); sub && needsArray(sub.getValue(), sub.getIndex()))
    return specializeArrayRead(sub);
  if (auto sub = dyn_cast<SubscriptOp>(op); sub && isTensorIndexToDecompose(sub)) {
    FailureOr<Operation *> first = decomposeTensorIndex(sub);
    if (failed(first))
      return failure();
    next = *first;
    return success();
  }
  if (auto len = dyn_cast<LenOp>(op); len && isa<tensor_array::ArrayType>(len.getValue().getType())) {
    OpBuilder b(op);
    len.getResult().replaceAllUsesWith(
        tensor_array::LengthOp::create(b, op->getLoc(), b.getI64Type(), len.getValue()));
    op->erase();
    return success();
  }
  if (auto attr = dyn_cast<AttrOp>(op); attr && isa<NamedTupleType>(attr.getValue().getType()))
    return namedTupleField(attr, next);
  if (auto attr = dyn_cast<AttrOp>(op); attr && isa<RankedTensorType>(attr.getValue().getType()) &&
                                         (attr.getName() == "T" || attr.getName() == "mT"))
    return tensorTranspose(attr, next);
  if (auto bin = dyn_cast<BinaryOp>(op);
      bin && (isa<StrType>(bin.getLhs().getType()) || isa<StrType>(bin.getRhs().getType()))) {
    // Strings joined or repeated when compiling (`prefix + "_w"`): the fold
    // gives the string; one known only at run time has no text to join.
    bin.getResult().setType(StrType::get(op->getContext()));
    bool folded = false;
    if (failed(fold(op, next, &folded)) || folded)
      return success(folded);
    return op->emitError() << "unsupported operand types for '"
                           << (bin.getKind() == BinaryKind::add ? "+" : "*")
                           << "': " << describeType(bin.getLhs().getType()) << " and "
                           << describeType(bin.getRhs().getType())
                           << " (strings are joined when compiling; one known only at run "
                              "time, or a longer one than a megabyte, is not, in dy2st)";
  }
  if (isa<BinaryOp, UnaryOp, CompareOp, AttrOp, SubscriptOp, LenOp, UnpackOp>(op)) {
    if (failed(checkNotSequence(op)))
      return failure();
    if (failed(inferResultTypes(op)))
      return failure();
    if (auto unpack = dyn_cast<UnpackOp>(op))
      constantStaticDims(unpack);
    return fold(op, next);
  }
  return op->emitError() << "'" << op->getName().stripDialect()
                         << "' is not supported by dy2st yet";
}

/// `_, c, h, w = x.shape` of a tensor with dynamic dimensions: the static
/// ones are constants (as `x.shape[1]` folds), so that shapes computed from
/// them stay static; the unpacking itself folds only when all are.
void Specializer::constantStaticDims(UnpackOp unpack) {
  auto attr = unpack.getValue().getDefiningOp<AttrOp>();
  if (!attr || attr.getName() != "shape")
    return;
  auto tensor = dyn_cast<RankedTensorType>(attr.getValue().getType());
  if (!tensor || tensor.getRank() != static_cast<int64_t>(unpack.getNumResults()))
    return;
  OpBuilder b(unpack);
  for (auto [i, result] : llvm::enumerate(unpack.getResults()))
    if (!tensor.isDynamicDim(i) && !result.use_empty())
      result.replaceAllUsesWith(ConstantOp::create(b, unpack.getLoc(), result.getType(),
                                                   b.getI64IntegerAttr(tensor.getDimSize(i))));
}

LogicalResult Specializer::fold(Operation *op, Operation *&next, bool *replaced) {
  SmallVector<Attribute> constants = llvm::map_to_vector(op->getOperands(), constantOf);
  SmallVector<OpFoldResult> folded;
  if (failed(op->fold(constants, folded)) || folded.empty())
    return success();
  OpBuilder b(op);
  SmallVector<Value> replacements;
  for (auto [result, f] : llvm::zip(op->getResults(), folded)) {
    if (auto value = dyn_cast<Value>(f)) {
      replacements.push_back(value);
      continue;
    }
    Attribute attr = cast<Attribute>(f);
    if (!literalHasType(attr, result.getType()))
      return success();
    replacements.push_back(ConstantOp::create(b, op->getLoc(), result.getType(), attr));
  }
  if (next == op->getNextNode() && !replacements.empty())
    if (Operation *def = replacements.front().getDefiningOp(); def && def->getNextNode() == op)
      next = op->getNextNode();
  op->replaceAllUsesWith(replacements);
  op->erase();
  if (replaced)
    *replaced = true;
  return success();
}

LogicalResult Specializer::tensorTranspose(AttrOp op, Operation *&next) {
  auto tensor = cast<RankedTensorType>(op.getValue().getType());
  int64_t rank = tensor.getRank();
  bool matrix = op.getName() == "mT";
  if (matrix && rank < 2) {
    // Paddle's ValueError where it runs; the tensor itself stands for the
    // result the code after it (which prints nothing more) computes with.
    OpBuilder b(op);
    RaiseOp::create(b, op.getLoc(), b.getStringAttr("ValueError"),
                    b.getStringAttr("Tensor.ndim(" + std::to_string(rank) +
                                    ") is required to be greater than or equal to 2."),
                    ValueRange{});
    op.getResult().replaceAllUsesWith(op.getValue());
    op.erase();
    return success();
  }
  SmallVector<int64_t> perm = llvm::to_vector(llvm::seq<int64_t>(0, rank));
  if (matrix)
    std::swap(perm[rank - 2], perm[rank - 1]);
  else
    std::reverse(perm.begin(), perm.end());
  OpBuilder b(op);
  Location loc = op.getLoc();
  Type object = ObjectType::get(op.getContext());
  SmallVector<Value> items;
  for (int64_t axis : perm)
    items.push_back(ConstantOp::create(b, loc, b.getI64IntegerAttr(axis)));
  auto list = ListOp::create(b, loc, object, items);
  auto call = LibCallOp::create(b, loc, object, "transpose", ValueRange{op.getValue(), list},
                                b.getStrArrayAttr({}), DictionaryAttr());
  op.getResult().replaceAllUsesWith(call.getResult());
  op.erase();
  next = items.empty() ? list.getOperation() : items.front().getDefiningOp();
  return success();
}

LogicalResult Specializer::checkNotSequence(Operation *op) {
  // A dataclass instance is a record, not a tuple: Python's TypeErrors.
  auto dataclass = [](Value v) -> std::optional<StringRef> {
    auto named = dyn_cast<NamedTupleType>(v.getType());
    if (named && named.isDataclass())
      return named.className();
    return std::nullopt;
  };
  if (auto sub = dyn_cast<SubscriptOp>(op))
    if (auto name = dataclass(sub.getValue()))
      return op->emitError() << "TypeError: '" << *name << "' object is not subscriptable";
  if (auto len = dyn_cast<LenOp>(op))
    if (auto name = dataclass(len.getValue()))
      return op->emitError() << "TypeError: object of type '" << *name << "' has no len()";
  if (auto unpack = dyn_cast<UnpackOp>(op))
    if (auto name = dataclass(unpack.getValue()))
      return op->emitError() << "TypeError: cannot unpack non-iterable " << *name << " object";
  if (auto cmp = dyn_cast<CompareOp>(op);
      cmp && (cmp.getKind() == CompareKind::in || cmp.getKind() == CompareKind::not_in))
    if (auto name = dataclass(cmp.getRhs()))
      return op->emitError() << "TypeError: argument of type '" << *name << "' is not iterable";
  return success();
}

LogicalResult Specializer::inferResultTypes(Operation *op) {
  MLIRContext *ctx = op->getContext();
  Builder b(ctx);
  std::string error;
  auto setResult = [&](Type t) {
    op->getResult(0).setType(t);
    return success();
  };
  if (auto bin = dyn_cast<BinaryOp>(op)) {
    auto sig = binarySignature(bin.getKind(), bin.getLhs().getType(),
                               bin.getRhs().getType(), error);
    if (failed(sig))
      return op->emitError(error);
    return setResult(sig->result);
  }
  if (auto cmp = dyn_cast<CompareOp>(op)) {
    if (cmp.getKind() == CompareKind::is || cmp.getKind() == CompareKind::is_not) {
      if (failed(checkIdentity(cmp)))
        return failure();
      return setResult(b.getI1Type());
    }
    if ((cmp.getKind() == CompareKind::in || cmp.getKind() == CompareKind::not_in) &&
        isa<DictType>(cmp.getRhs().getType())) {
      if (!dictKeyOf(constantOf(cmp.getLhs())))
        return op->emitError("'in' a dict needs a string or an int known at compile time");
      return setResult(b.getI1Type());
    }
    // Python values that are not numbers (dtype names, None) compare by
    // value at compile time: the fold decides.
    auto isValue = [](Type t) { return isa<StrType, PyNoneType, TupleType, NamedTupleType, ListType>(t); };
    if ((cmp.getKind() == CompareKind::eq || cmp.getKind() == CompareKind::ne) &&
        (isValue(cmp.getLhs().getType()) || isValue(cmp.getRhs().getType())))
      return setResult(b.getI1Type());
    // Strings order by code point (strings chosen at run time too: their
    // table is sorted).
    bool membership = cmp.getKind() == CompareKind::in || cmp.getKind() == CompareKind::not_in;
    if (isa<StrType>(cmp.getLhs().getType()) && isa<StrType>(cmp.getRhs().getType()) && !membership)
      return setResult(b.getI1Type());
    // A substring test (`"weight" in name`) of strings known when compiling folds.
    if (isa<StrType>(cmp.getLhs().getType()) && isa<StrType>(cmp.getRhs().getType())) {
      if (!isa_and_nonnull<StringAttr>(constantOf(cmp.getLhs())) ||
          !isa_and_nonnull<StringAttr>(constantOf(cmp.getRhs())))
        return op->emitError("'in' of a string chosen at run time is not supported by dy2st "
                             "yet (strings known when compiling are tested then)");
      return setResult(b.getI1Type());
    }
    auto sig = compareSignature(cmp.getKind(), cmp.getLhs().getType(),
                                cmp.getRhs().getType(), error);
    if (failed(sig))
      return op->emitError(error);
    return setResult(sig->result);
  }
  if (auto un = dyn_cast<UnaryOp>(op)) {
    // A join made by this pass is typed already.
    if (un.getKind() == UnaryKind::promote)
      return success();
    Type t = un.getOperand().getType();
    auto tensor = dyn_cast<RankedTensorType>(t);
    // float("inf"), int("3"): a text known when compiling folds to its number.
    if (auto text = dyn_cast_or_null<StringAttr>(constantOf(un.getOperand()));
        text && (un.getKind() == UnaryKind::to_float || un.getKind() == UnaryKind::to_int)) {
      bool isFloat = un.getKind() == UnaryKind::to_float;
      bool reads = isFloat ? dy2st::parsePythonFloat(text.getValue()).has_value()
                           : dy2st::parsePythonInt(text.getValue()).has_value();
      if (!reads)
        return op->emitError() << (isFloat ? "could not convert string to float: '"
                                           : "invalid literal for int() with base 10: '")
                               << text.getValue() << "'";
      return setResult(isFloat ? Type(b.getF64Type()) : Type(b.getI64Type()));
    }
    if (!tensor && !isPythonScalar(t)) {
      if (un.getKind() == UnaryKind::Not || un.getKind() == UnaryKind::to_bool)
        return setResult(b.getI1Type());
      return op->emitError() << "bad operand type for unary '"
                             << stringifyUnaryKind(un.getKind()) << "': " << describeType(t);
    }
    Type elem = elementTypeOf(t);
    UnaryKind kind = un.getKind();
    // Of a tensor, these check where they run that it has one element (as
    // eager does): a path that never reaches them runs as it does eagerly.
    if (isa<ComplexType>(elem) && (kind == UnaryKind::to_int || kind == UnaryKind::to_float))
      return op->emitError() << "can't convert complex to "
                             << (kind == UnaryKind::to_int ? "int" : "float");
    if (kind == UnaryKind::to_bool || kind == UnaryKind::to_int ||
        kind == UnaryKind::to_float) {
      return setResult(kind == UnaryKind::to_bool  ? Type(b.getI1Type())
                       : kind == UnaryKind::to_int ? Type(b.getI64Type())
                                                   : Type(b.getF64Type()));
    }
    switch (kind) {
    case UnaryKind::Not:
      // `not t` is Python's: a bool from the truth of a one-element tensor.
      return setResult(b.getI1Type());
    case UnaryKind::invert:
      if (isa<FloatType, ComplexType>(elem))
        return op->emitError() << "bad operand type for unary '~': " << describeType(t);
      return setResult(t);
    case UnaryKind::neg:
    case UnaryKind::pos:
      if (elem.isInteger(1))
        return setResult(tensor ? Type(tensor.clone(b.getI64Type())) : Type(b.getI64Type()));
      return setResult(t);
    default:
      llvm_unreachable("conversions are handled above");
    }
  }
  if (auto attr = dyn_cast<AttrOp>(op)) {
    auto tensor = dyn_cast<RankedTensorType>(attr.getValue().getType());
    StringRef name = attr.getName();
    if (tensor && name == "shape")
      return setResult(ListType::get(
          ctx, SmallVector<Type>(tensor.getRank(), b.getI64Type())));
    if (tensor && (name == "ndim" || name == "size"))
      return setResult(b.getI64Type());
    if (tensor && name == "dtype")
      return setResult(StrType::get(ctx));
    return op->emitError() << describeType(attr.getValue().getType())
                           << " has no attribute '" << name << "' in compiled code";
  }
  if (auto sub = dyn_cast<SubscriptOp>(op)) {
    Type vt = sub.getValue().getType(), it = sub.getIndex().getType();
    if (auto dict = dyn_cast<DictType>(vt)) {
      Attribute key = dictKeyOf(constantOf(sub.getIndex()));
      if (!key)
        return op->emitError(
            "dict keys in compiled code must be strings or ints known at compile time");
      std::optional<size_t> i = dictIndex(dict, key);
      if (!i)
        return op->emitError() << "KeyError: " << dictKeyRepr(key);
      return setResult(dict.getValueTypes()[*i]);
    }
    if (auto elements = sequenceElementTypes(vt)) {
      auto index = dyn_cast_or_null<IntegerAttr>(constantOf(sub.getIndex()));
      if (!index)
        return op->emitError() << "an index of " << withArticle(vt)
                               << " must be known at compile time";
      int64_t i = index.getInt(), size = elements->size();
      if (i < -size || i >= size)
        return op->emitError() << "index " << i << " out of range for "
                               << withArticle(vt);
      return setResult((*elements)[i < 0 ? i + size : i]);
    }
    if (auto tensor = dyn_cast<RankedTensorType>(vt)) {
      if (tensor.getRank() == 0)
        return op->emitError("a 0-d tensor cannot be indexed");
      auto indexTensor = dyn_cast<RankedTensorType>(it);
      bool oneElementInt = indexTensor && isa<IntegerType>(indexTensor.getElementType()) &&
                           !indexTensor.getElementType().isInteger(1) &&
                           indexTensor.hasStaticShape() && indexTensor.getNumElements() == 1;
      if (!isIntScalar(it) && !oneElementInt)
        return op->emitError() << "indexing a tensor with " << withArticle(it)
                               << " is not supported by dy2st yet";
      return setResult(RankedTensorType::get(tensor.getShape().drop_front(),
                                             tensor.getElementType()));
    }
    return op->emitError() << describeType(vt) << " is not subscriptable in compiled code";
  }
  if (auto len = dyn_cast<LenOp>(op)) {
    Type t = len.getValue().getType();
    auto tensor = dyn_cast<RankedTensorType>(t);
    if ((tensor && tensor.getRank() > 0) || sequenceElementTypes(t))
      return setResult(b.getI64Type());
    if (isa<StrType>(t) && isa_and_nonnull<StringAttr>(constantOf(len.getValue())))
      return setResult(b.getI64Type());
    if (isa<StrType>(t))
      return op->emitError("len() of a string chosen at run time is not supported by dy2st yet");
    return op->emitError() << "len() of " << withArticle(t) << " is not defined";
  }
  if (auto unpack = dyn_cast<UnpackOp>(op)) {
    auto elements = sequenceElementTypes(unpack.getValue().getType());
    if (!elements)
      return op->emitError() << "unpacking " << withArticle(unpack.getValue().getType())
                             << " is not supported by dy2st yet";
    if (elements->size() != unpack.getNumResults())
      return op->emitError() << "cannot unpack " << elements->size() << " values into "
                             << unpack.getNumResults() << " names";
    for (auto [r, t] : llvm::zip(unpack.getResults(), *elements))
      r.setType(t);
    return success();
  }
  llvm_unreachable("not an expression op");
}

LogicalResult Specializer::spreadArguments(CallValueOp call, Operation *&next) {
  Value sequence = call.getArgs().front();
  Type type = sequence.getType();
  if (!isa<ListType, TupleType, NamedTupleType>(type))
    return call.emitError() << "f(*args) needs a list or tuple whose length is known when "
                               "compiling, not "
                            << withArticle(type);
  Operation *before = call->getPrevNode();
  OpBuilder b(call);
  SmallVector<Value> args = elementsOf(b, call.getLoc(), sequence);
  llvm::append_range(args, call.getArgs().drop_front());
  auto spread = CallValueOp::create(b, call.getLoc(), call.getResult().getType(), call.getCallee(),
                                    args, call.getKwnamesAttr(),
                                    /*spread=*/UnitAttr());
  call.getResult().replaceAllUsesWith(spread.getResult());
  next = firstAfter(before, call);
  call.erase();
  return success();
}

LogicalResult Specializer::callChosenLambda(CallValueOp call, Operation *&next) {
  auto chosen = dyn_cast<OpResult>(call.getCallee());
  auto choice = chosen ? dyn_cast<IfOp>(chosen.getOwner()) : IfOp();
  if (!choice)
    return failure();
  DominanceInfo dominance(call->getParentOfType<FuncOp>());
  SmallVector<LambdaOp, 2> lambdas;
  SmallVector<SetVector<Operation *>, 2> constants;
  for (Region *region : {&choice.getThenRegion(), &choice.getElseRegion()}) {
    auto yield = cast<YieldOp>(region->front().getTerminator());
    auto lambda = yield.getOperand(chosen.getResultNumber()).getDefiningOp<LambdaOp>();
    if (!lambda)
      return failure();
    // Its defaults and what its body reads from outside it are known at the
    // call, or are constants made in the branch (copied with it).
    SetVector<Operation *> copied;
    WalkResult outside = lambda->walk([&](Operation *inner) {
      for (Value v : inner->getOperands()) {
        if (lambda.getBody().isAncestor(v.getParentRegion()) ||
            dominance.properlyDominates(v, call))
          continue;
        if (!v.getDefiningOp<ConstantOp>())
          return WalkResult::interrupt();
        copied.insert(v.getDefiningOp());
      }
      return WalkResult::advance();
    });
    if (outside.wasInterrupted())
      return failure();
    lambdas.push_back(lambda);
    constants.push_back(std::move(copied));
  }
  OpBuilder b(call);
  Type object = ObjectType::get(call.getContext());
  auto branches =
      IfOp::create(b, call.getLoc(), TypeRange{object}, choice.getCondition(), ArrayAttr());
  Region *regions[] = {&branches.getThenRegion(), &branches.getElseRegion()};
  for (size_t i = 0; i < 2; ++i) {
    OpBuilder inside = OpBuilder::atBlockBegin(&regions[i]->emplaceBlock());
    IRMapping map;
    for (Operation *constant : constants[i])
      inside.clone(*constant, map);
    map.map(call.getCallee(), inside.clone(*lambdas[i], map)->getResult(0));
    YieldOp::create(inside, call.getLoc(), inside.clone(*call, map)->getResults());
  }
  call.getResult().replaceAllUsesWith(branches.getResult(0));
  next = branches;
  call.erase();
  if (chosen.use_empty()) {
    // The choice is called everywhere it was: its branches yield None, and
    // their lambdas, unused, go.
    for (Region *region : {&choice.getThenRegion(), &choice.getElseRegion()}) {
      auto yield = cast<YieldOp>(region->front().getTerminator());
      OpBuilder at(yield);
      yield->setOperand(chosen.getResultNumber(),
                        ConstantOp::create(at, yield.getLoc(), at.getUnitAttr()));
    }
    chosen.setType(PyNoneType::get(call.getContext()));
  }
  return success();
}

LogicalResult Specializer::checkIdentity(CompareOp op) {
  Type lt = op.getLhs().getType(), rt = op.getRhs().getType();
  if (identityAnsweredElsewhere(lt) || identityAnsweredElsewhere(rt) ||
      knownIdentity(op.getLhs(), op.getRhs()))
    return success();
  // True and False are one object each.
  if (lt.isInteger(1) && rt.isInteger(1)) {
    op.setKind(op.getKind() == CompareKind::is ? CompareKind::eq : CompareKind::ne);
    return success();
  }
  return op.emitError() << "dy2st cannot tell whether two values computed apart (of type "
                        << describeType(lt) << ") are one object: 'is' compares objects, and "
                           "compiled values have none; compare them with '==', or keep a flag";
}

LogicalResult Specializer::unpackTensor(UnpackOp op, Operation *&next) {
  auto tensor = cast<RankedTensorType>(op.getValue().getType());
  if (tensor.getRank() == 0)
    return op.emitError("iteration over a 0-d tensor");
  if (tensor.isDynamicDim(0))
    return op.emitError() << "unpacking " << withArticle(tensor)
                          << ": the number of values must be known when compiling";
  if (tensor.getDimSize(0) != static_cast<int64_t>(op.getNumResults()))
    return op.emitError() << (tensor.getDimSize(0) > op.getNumResults()
                                  ? "too many values to unpack (expected "
                                  : "not enough values to unpack (expected ")
                          << op.getNumResults() << ", got " << tensor.getDimSize(0) << ")";
  OpBuilder b(op);
  Type object = ObjectType::get(op.getContext());
  Operation *first = nullptr;
  for (auto [i, result] : llvm::enumerate(op.getResults())) {
    auto index = ConstantOp::create(b, op.getLoc(), b.getI64IntegerAttr(i));
    first = first ? first : index.getOperation();
    result.replaceAllUsesWith(SubscriptOp::create(b, op.getLoc(), object, op.getValue(), index));
  }
  next = first ? first : op->getNextNode();
  op.erase();
  return success();
}

LogicalResult Specializer::specializeNumpyItem(UnaryOp op) {
  auto tensor = dyn_cast<RankedTensorType>(op.getOperand().getType());
  if (!tensor || tensor.getRank() != 0) {
    op.getResult().replaceAllUsesWith(op.getOperand());
    op.erase();
    return success();
  }
  Type elem = tensor.getElementType();
  op.setKind(elem.isInteger(1)        ? UnaryKind::to_bool
             : isa<FloatType>(elem) ? UnaryKind::to_float
                                    : UnaryKind::to_int);
  Operation *next = op;
  return specialize(op, next);
}

} // namespace mlir::pydy::specialization
