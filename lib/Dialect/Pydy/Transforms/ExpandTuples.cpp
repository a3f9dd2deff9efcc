// Scalar replacement of the tuples and lists carried by structured control
// flow (see Passes.td).
#include "Dy2St/Dialect/Pydy/Passes.h"

#include "mlir/IR/Builders.h"

namespace mlir::pydy {
#define GEN_PASS_DEF_EXPANDTUPLESPASS
#include "Dy2St/Dialect/Pydy/Passes.h.inc"

namespace {

/// The parts a value of `type` is carried as: a sequence's elements; None
/// (a compile-time value) has none; an optional value its flag and value; a
/// dict given keys at run time the arrays of its keys and values; a set of
/// ints the array of its items.
std::optional<SmallVector<Type>> partsOf(Type type) {
  if (isa<PyNoneType>(type))
    return SmallVector<Type>();
  if (auto optional = dyn_cast<OptionalType>(type))
    return SmallVector<Type>{IntegerType::get(type.getContext(), 1), optional.getValue()};
  if (auto dict = dyn_cast<RuntimeDictType>(type))
    return SmallVector<Type>{dict.getKeysArrayType(), dict.getValuesArrayType()};
  if (auto set = dyn_cast<RuntimeSetType>(type))
    return SmallVector<Type>{set.getItemsArrayType()};
  if (auto elements = sequenceElementTypes(type))
    return SmallVector<Type>(*elements);
  return std::nullopt;
}

void leafTypes(Type type, SmallVectorImpl<Type> &leaves) {
  if (auto elements = partsOf(type)) {
    for (Type t : *elements)
      leafTypes(t, leaves);
    return;
  }
  leaves.push_back(type);
}

/// The leaf values of `value`, taken from its display or literal where it has
/// one, else by subscript (which folds once the producer is expanded too).
void leafValues(OpBuilder &b, Location loc, Value value, SmallVectorImpl<Value> &leaves) {
  auto elements = partsOf(value.getType());
  if (!elements) {
    leaves.push_back(value);
    return;
  }
  Operation *def = value.getDefiningOp();
  if (auto optional = dyn_cast<OptionalType>(value.getType())) {
    if (auto made = dyn_cast_or_null<OptionalOp>(def)) {
      leaves.push_back(made.getPresent());
      leaves.push_back(made.getValue());
    } else if (auto undef = dyn_cast_or_null<UndefOp>(def)) {
      leaves.push_back(UndefOp::create(b, loc, b.getI1Type(), undef.getName()));
      leaves.push_back(UndefOp::create(b, loc, optional.getValue(), undef.getName()));
    } else {
      leaves.push_back(IsPresentOp::create(b, loc, b.getI1Type(), value));
      leaves.push_back(OptionalValueOp::create(b, loc, optional.getValue(), value, true));
    }
    return;
  }
  if (auto runtime = dyn_cast<RuntimeDictType>(value.getType())) {
    if (auto made = dyn_cast_or_null<RuntimeDictOp>(def)) {
      leaves.push_back(made.getKeys());
      leaves.push_back(made.getValues());
    } else if (auto undef = dyn_cast_or_null<UndefOp>(def)) {
      leaves.push_back(UndefOp::create(b, loc, runtime.getKeysArrayType(), undef.getName()));
      leaves.push_back(UndefOp::create(b, loc, runtime.getValuesArrayType(), undef.getName()));
    } else {
      leaves.push_back(RuntimeDictKeysOp::create(b, loc, runtime.getKeysArrayType(), value));
      leaves.push_back(RuntimeDictValuesOp::create(b, loc, runtime.getValuesArrayType(), value));
    }
    return;
  }
  if (auto runtime = dyn_cast<RuntimeSetType>(value.getType())) {
    if (auto made = dyn_cast_or_null<RuntimeSetOp>(def))
      leaves.push_back(made.getItems());
    else if (auto undef = dyn_cast_or_null<UndefOp>(def))
      leaves.push_back(UndefOp::create(b, loc, runtime.getItemsArrayType(), undef.getName()));
    else
      leaves.push_back(RuntimeSetItemsOp::create(b, loc, runtime.getItemsArrayType(), value));
    return;
  }
  auto dictType = dyn_cast<DictType>(value.getType());
  for (auto [k, type] : llvm::enumerate(*elements)) {
    Value element;
    if (auto dict = dyn_cast_or_null<DictOp>(def)) {
      element = dict.getValues()[k];
    } else if (dictType && !isa_and_nonnull<UndefOp>(def)) {
      Value key = ConstantOp::create(b, loc, dictType.getKeys()[k]);
      element = SubscriptOp::create(b, loc, type, value, key);
    } else if (def && isa<TupleOp, ListOp>(def)) {
      element = def->getOperand(k);
    } else if (auto undef = dyn_cast_or_null<UndefOp>(def)) {
      element = UndefOp::create(b, loc, type, undef.getName());
    } else if (auto constant = dyn_cast_or_null<ConstantOp>(def)) {
      element = ConstantOp::create(b, loc, type, cast<ArrayAttr>(constant.getValue())[k]);
    } else {
      Value index = ConstantOp::create(b, loc, b.getI64IntegerAttr(k));
      element = SubscriptOp::create(b, loc, type, value, index);
    }
    leafValues(b, loc, element, leaves);
  }
}

SmallVector<Value> leafValues(OpBuilder &b, Location loc, ValueRange values) {
  SmallVector<Value> leaves;
  for (Value v : values)
    leafValues(b, loc, v, leaves);
  return leaves;
}

/// A value of `type` built from the next leaves.
Value rebuild(OpBuilder &b, Location loc, Type type, ArrayRef<Value> &leaves) {
  if (isa<PyNoneType>(type))
    return ConstantOp::create(b, loc, b.getUnitAttr());
  if (isa<OptionalType>(type)) {
    Value made = OptionalOp::create(b, loc, type, leaves[0], leaves[1]);
    leaves = leaves.drop_front(2);
    return made;
  }
  if (isa<RuntimeDictType>(type)) {
    Value made = RuntimeDictOp::create(b, loc, type, leaves[0], leaves[1]);
    leaves = leaves.drop_front(2);
    return made;
  }
  if (isa<RuntimeSetType>(type)) {
    Value made = RuntimeSetOp::create(b, loc, type, leaves[0]);
    leaves = leaves.drop_front(1);
    return made;
  }
  auto elements = sequenceElementTypes(type);
  if (!elements) {
    Value leaf = leaves.front();
    leaves = leaves.drop_front();
    return leaf;
  }
  SmallVector<Value> parts;
  for (Type t : *elements)
    parts.push_back(rebuild(b, loc, t, leaves));
  if (isa<ListType>(type))
    return ListOp::create(b, loc, type, parts);
  if (auto dict = dyn_cast<DictType>(type)) {
    SmallVector<Value> keys;
    for (Attribute key : dict.getKeys())
      keys.push_back(ConstantOp::create(b, loc, key));
    return DictOp::create(b, loc, type, keys, parts);
  }
  return TupleOp::create(b, loc, type, parts);
}

bool hasSequence(TypeRange types) {
  return llvm::any_of(types, [](Type t) { return partsOf(t).has_value(); });
}

SmallVector<Type> leafTypes(TypeRange types) {
  SmallVector<Type> leaves;
  for (Type t : types)
    leafTypes(t, leaves);
  return leaves;
}

ArrayAttr leafNames(OpBuilder &b, std::optional<ArrayAttr> names, TypeRange types) {
  if (!names)
    return {};
  SmallVector<StringRef> out;
  SmallVector<std::string> storage;
  for (auto [name, type] : llvm::zip(names->getAsValueRange<StringAttr>(), types)) {
    SmallVector<Type> leaves;
    leafTypes(type, leaves);
    for (size_t k = 0; k < leaves.size(); ++k)
      storage.push_back(leaves.size() == 1 && !partsOf(type)
                            ? name.str()
                            : name.str() + "." + std::to_string(k));
  }
  for (const std::string &s : storage)
    out.push_back(s);
  return b.getStrArrayAttr(out);
}

/// Replaces the block's arguments from `first` on by their leaves; their old
/// uses see rebuilt values.
void expandArguments(Block &block, unsigned first) {
  SmallVector<Type> oldTypes(TypeRange(block.getArgumentTypes()).drop_front(first));
  if (!hasSequence(oldTypes))
    return;
  Location loc = block.getParentOp()->getLoc();
  unsigned count = block.getNumArguments();
  SmallVector<Value> newArgs;
  for (Type t : leafTypes(oldTypes))
    newArgs.push_back(block.addArgument(t, loc));
  OpBuilder b = OpBuilder::atBlockBegin(&block);
  ArrayRef<Value> leaves = newArgs;
  for (unsigned i = first; i < count; ++i) {
    Value rebuilt = rebuild(b, loc, block.getArgument(i).getType(), leaves);
    block.getArgument(i).replaceAllUsesWith(rebuilt);
  }
  block.eraseArguments(first, count - first);
}

void expandTerminator(Operation *terminator, unsigned first) {
  OpBuilder b(terminator);
  SmallVector<Value> operands(terminator->getOperands().take_front(first));
  llvm::append_range(operands, leafValues(b, terminator->getLoc(),
                                          terminator->getOperands().drop_front(first)));
  terminator->setOperands(operands);
}

void replaceResults(Operation *old, Operation *replacement) {
  OpBuilder b = OpBuilder(replacement->getContext());
  b.setInsertionPointAfter(replacement);
  ArrayRef<Value> leaves;
  SmallVector<Value> values(replacement->getResults());
  leaves = values;
  SmallVector<Value> rebuilt;
  for (Type t : old->getResultTypes())
    rebuilt.push_back(rebuild(b, old->getLoc(), t, leaves));
  old->replaceAllUsesWith(rebuilt);
  old->erase();
}

void expand(Operation *op) {
  OpBuilder b(op);
  Location loc = op->getLoc();
  if (auto ifOp = dyn_cast<IfOp>(op)) {
    if (!hasSequence(ifOp.getResultTypes()))
      return;
    expandTerminator(ifOp.getThenRegion().front().getTerminator(), 0);
    expandTerminator(ifOp.getElseRegion().front().getTerminator(), 0);
    auto newIf = IfOp::create(b, loc, leafTypes(ifOp.getResultTypes()), ifOp.getCondition(),
                              leafNames(b, ifOp.getNames(), ifOp.getResultTypes()));
    newIf.getThenRegion().takeBody(ifOp.getThenRegion());
    newIf.getElseRegion().takeBody(ifOp.getElseRegion());
    replaceResults(ifOp, newIf);
    return;
  }
  if (auto whileOp = dyn_cast<WhileOp>(op)) {
    if (!hasSequence(whileOp.getResultTypes()))
      return;
    expandArguments(whileOp.getBefore().front(), 0);
    expandArguments(whileOp.getAfter().front(), 0);
    expandTerminator(whileOp.getBefore().front().getTerminator(), 1);
    expandTerminator(whileOp.getAfter().front().getTerminator(), 0);
    auto newWhile = WhileOp::create(b, loc, leafTypes(whileOp.getResultTypes()),
                                    leafValues(b, loc, whileOp.getInits()),
                                    leafNames(b, whileOp.getNames(), whileOp.getResultTypes()));
    newWhile.getBefore().takeBody(whileOp.getBefore());
    newWhile.getAfter().takeBody(whileOp.getAfter());
    replaceResults(whileOp, newWhile);
    return;
  }
  if (auto forOp = dyn_cast<ForRangeOp>(op)) {
    if (!hasSequence(forOp.getResultTypes()))
      return;
    expandArguments(forOp.getBody().front(), 1);
    expandTerminator(forOp.getBody().front().getTerminator(), 0);
    auto newFor = ForRangeOp::create(b, loc, leafTypes(forOp.getResultTypes()), forOp.getStart(),
                                     forOp.getStop(), forOp.getStep(),
                                     leafValues(b, loc, forOp.getInits()),
                                     leafNames(b, forOp.getNames(), forOp.getResultTypes()));
    newFor.getBody().takeBody(forOp.getBody());
    replaceResults(forOp, newFor);
  }
}

struct ExpandTuplesPass : impl::ExpandTuplesPassBase<ExpandTuplesPass> {
  void runOnOperation() override {
    SmallVector<Operation *> ops;
    getOperation().walk([&](Operation *op) {
      if (isa<IfOp, WhileOp, ForRangeOp>(op))
        ops.push_back(op);
    });
    for (Operation *op : ops)
      expand(op);
  }
};

} // namespace
} // namespace mlir::pydy
