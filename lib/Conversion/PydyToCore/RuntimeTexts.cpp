// Strings chosen at run time: the result of a branch or a loop that is one
// of several strings known when compiling becomes an i64 index into the
// sorted table of the strings it is chosen from and compared with. Its
// comparisons are then integer ones (the table's order is the strings'), a
// print writes the indexed string, and the entry returns the index, which
// its caller maps back through the table (a "text_choice" result).
#include "Lowering.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

#include <set>

namespace mlir::pydy::lowering {

FailureOr<RuntimeTexts> indexRuntimeTexts(ModuleOp module) {
  RuntimeTexts texts;
  SmallVector<Value> chosen;
  module.walk([&](Operation *op) {
    if (!isa<IfOp, WhileOp, ForRangeOp>(op))
      return;
    for (Value result : op->getResults())
      if (isa<StrType>(result.getType()))
        chosen.push_back(result);
    for (Region &region : op->getRegions())
      for (BlockArgument arg : region.getArguments())
        if (isa<StrType>(arg.getType()))
          chosen.push_back(arg);
  });
  if (chosen.empty())
    return texts;
  texts.indices.insert(chosen.begin(), chosen.end());

  // The strings that flow into chosen values (yields, loop inits) or are
  // compared with them.
  std::set<StringRef> table;
  SmallVector<OpOperand *> sources;
  WalkResult walked = module.walk([&](Operation *op) {
    Operation *parent = op->getParentOp();
    bool feeds = isa<WhileOp, ForRangeOp>(op) ||
                 (isa<YieldOp, ConditionOp>(op) && isa<IfOp, WhileOp, ForRangeOp>(parent));
    bool compares = isa<CompareOp>(op) && llvm::any_of(op->getOperands(), [&](Value v) {
                      return texts.indices.contains(v);
                    });
    if (!feeds && !compares)
      return WalkResult::advance();
    if (compares && !llvm::all_of(op->getOperandTypes(), llvm::IsaPred<StrType>)) {
      // A string equals no number, None or tuple (specialization lets only
      // == and != and `is` through for those).
      auto compare = cast<CompareOp>(op);
      bool asksSame = compare.getKind() == CompareKind::eq || compare.getKind() == CompareKind::is;
      OpBuilder b(op);
      compare.getResult().replaceAllUsesWith(
          ConstantOp::create(b, op->getLoc(), b.getBoolAttr(!asksSame)));
      return WalkResult::advance();
    }
    // Equal strings are one object here (as Python's interned literals).
    if (auto compare = dyn_cast<CompareOp>(op); compare && compare.getKind() == CompareKind::is)
      compare.setKind(CompareKind::eq);
    if (auto compare = dyn_cast<CompareOp>(op); compare && compare.getKind() == CompareKind::is_not)
      compare.setKind(CompareKind::ne);
    for (OpOperand &use : op->getOpOperands()) {
      Value v = use.get();
      if (!isa<StrType>(v.getType()) || texts.indices.contains(v))
        continue;
      auto constant = v.getDefiningOp<ConstantOp>();
      if (!constant && v.getDefiningOp<UndefOp>()) {
        // A value on a path where it is never read (a raise's).
        OpBuilder b(op);
        use.set(ConstantOp::create(b, v.getLoc(), b.getI64IntegerAttr(0)));
        continue;
      }
      if (!constant) {
        op->emitError("a string made at run time (an f-string of a tensor) can only be "
                      "printed, raised or logged in compiled code");
        return WalkResult::interrupt();
      }
      table.insert(cast<StringAttr>(constant.getValue()).getValue());
      sources.push_back(&use);
    }
    return WalkResult::advance();
  });
  if (walked.wasInterrupted())
    return failure();

  MLIRContext *ctx = module.getContext();
  SmallVector<Attribute> entries;
  for (StringRef text : table)
    entries.push_back(StringAttr::get(ctx, text));
  texts.table = ArrayAttr::get(ctx, entries);
  for (OpOperand *use : sources) {
    auto constant = use->get().getDefiningOp<ConstantOp>();
    StringRef text = cast<StringAttr>(constant.getValue()).getValue();
    int64_t index = std::distance(table.begin(), table.find(text));
    OpBuilder b(use->getOwner());
    use->set(ConstantOp::create(b, constant.getLoc(), b.getI64IntegerAttr(index)));
  }
  for (Value v : chosen)
    v.setType(IntegerType::get(ctx, 64));
  return texts;
}

Value textPointer(OpBuilder &b, Location loc, const RuntimeTexts &texts, Value index) {
  ModuleOp module = b.getInsertionBlock()->getParentOp()->getParentOfType<ModuleOp>();
  size_t count = texts.table.size();
  SmallVector<int64_t> cases = llvm::to_vector(llvm::seq<int64_t>(0, count - 1));
  Value at = arith::IndexCastOp::create(b, loc, b.getIndexType(), index);
  Type pointer = LLVM::LLVMPointerType::get(b.getContext());
  auto choice = scf::IndexSwitchOp::create(b, loc, TypeRange{pointer}, at, cases, cases.size());
  auto yieldText = [&](Region &region, Attribute text) {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(&region.emplaceBlock());
    scf::YieldOp::create(b, loc, stringPointer(b, module, loc, cast<StringAttr>(text).getValue()));
  };
  for (auto [region, text] : llvm::zip(choice.getCaseRegions(), texts.table))
    yieldText(region, text);
  yieldText(choice.getDefaultRegion(), texts.table[count - 1]);
  return choice.getResult(0);
}

} // namespace mlir::pydy::lowering
