// Specialization of instances of namedtuple classes (see Specializer.h): a
// field read by name, `_replace`, `_asdict` and `_fields`. Everything else
// treats them as the tuples they are. A dataclass's instances have fields
// only (checkNotSequence refuses the rest).
#include "Specializer.h"

namespace mlir::pydy::specialization {

LogicalResult Specializer::namedTupleField(AttrOp op, Operation *&next) {
  auto type = cast<NamedTupleType>(op.getValue().getType());
  OpBuilder b(op);
  Value result;
  if (op.getName() == "_fields" && !type.isDataclass()) {
    SmallVector<Attribute> names(type.getFields());
    result = ConstantOp::create(b, op.getLoc(), b.getArrayAttr(names));
  } else if (std::optional<size_t> i = type.fieldIndex(op.getName())) {
    result = elementsOf(b, op.getLoc(), op.getValue())[*i];
  } else {
    return op.emitError() << "AttributeError: '" << describeType(type)
                          << "' object has no attribute '" << op.getName() << "'";
  }
  op.getResult().replaceAllUsesWith(result);
  if (Operation *made = result.getDefiningOp(); made && made->getBlock() == op->getBlock() &&
                                                 op->isBeforeInBlock(made))
    next = made;
  op.erase();
  return success();
}

LogicalResult Specializer::specializeNamedTupleMethod(CallMethodOp op) {
  auto type = cast<NamedTupleType>(op.getObject().getType());
  OpBuilder b(op);
  Location loc = op.getLoc();
  SmallVector<Value> elements = elementsOf(b, loc, op.getObject());
  StringRef method = op.getMethod();
  ValueRange args = op.getArgs();
  ArrayAttr kwnames = op.getKwnames();
  Value result;
  if (type.isDataclass()) {
    return op.emitError() << "calling method '" << method << "' of a " << type.className()
                          << " (a dataclass) is not supported by dy2st yet";
  } else if (method == "_replace" && args.size() == kwnames.size()) {
    for (auto [name, value] : llvm::zip(kwnames.getAsValueRange<StringAttr>(), args)) {
      std::optional<size_t> i = type.fieldIndex(name);
      if (!i)
        return op.emitError() << "ValueError: Got unexpected field names: ['" << name << "']";
      elements[*i] = value;
    }
    SmallVector<Type> types(ValueRange(elements).getTypes());
    result = TupleOp::create(b, loc, type.withElementTypes(types), elements);
  } else if (method == "_asdict" && args.empty()) {
    SmallVector<Value> keys;
    for (StringAttr field : type.getFields())
      keys.push_back(ConstantOp::create(b, loc, field));
    SmallVector<Type> types(ValueRange(elements).getTypes());
    SmallVector<Attribute> names(type.getFields());
    result = DictOp::create(b, loc, DictType::get(op.getContext(), names, types), keys, elements);
  } else {
    return op.emitError() << "calling method '" << method << "' of " << withArticle(type)
                          << " is not supported by dy2st yet";
  }
  op.getResult().replaceAllUsesWith(result);
  op.getUpdated().replaceAllUsesWith(op.getObject());
  op.erase();
  return success();
}

} // namespace mlir::pydy::specialization
