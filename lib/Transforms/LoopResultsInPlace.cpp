#include "Dy2St/Transforms/Passes.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

namespace dy2st {
#define GEN_PASS_DEF_LOOPRESULTSINPLACEPASS
#include "Dy2St/Transforms/Passes.h.inc"

namespace {
using namespace mlir;

/// Makes `carried` (a region argument holding the previous iteration's
/// value) the destination of the linalg op that computes `yielded` in the
/// same block as `terminator`, where the op does not read its destination.
/// Only static shapes: a dynamic one may differ from the op's at run time
/// (a carried tensor that changes its length).
void computeInto(BlockArgument carried, Value yielded, Operation *terminator) {
  auto result = dyn_cast<OpResult>(yielded);
  auto type = dyn_cast<RankedTensorType>(carried.getType());
  if (!result || !type || !type.hasStaticShape() || type != yielded.getType())
    return;
  auto producer = dyn_cast<linalg::LinalgOp>(result.getOwner());
  if (!producer || producer->getBlock() != terminator->getBlock() ||
      !producer.hasPureTensorSemantics())
    return;
  OpOperand *init = producer.getDpsInitOperand(result.getResultNumber());
  if (init->get() == carried || producer.payloadUsesValueFromOperand(init))
    return;
  init->set(carried);
}

struct LoopResultsInPlacePass : impl::LoopResultsInPlacePassBase<LoopResultsInPlacePass> {
  void runOnOperation() override {
    getOperation()->walk([](scf::ForOp loop) {
      Operation *yield = loop.getBody()->getTerminator();
      for (auto [carried, yielded] : llvm::zip(loop.getRegionIterArgs(), yield->getOperands()))
        computeInto(carried, yielded, yield);
    });
    // The value yielded at position i reaches the "after" region's argument
    // i where the condition passes the "before" region's argument i on.
    getOperation()->walk([](scf::WhileOp loop) {
      scf::ConditionOp condition = loop.getConditionOp();
      scf::YieldOp yield = loop.getYieldOp();
      Block::BlockArgListType before = loop.getBeforeArguments(), after = loop.getAfterArguments();
      for (unsigned i = 0, e = std::min(before.size(), after.size()); i < e; ++i)
        if (condition.getArgs()[i] == before[i] && i < yield.getNumOperands())
          computeInto(after[i], yield.getOperand(i), yield);
    });
  }
};

} // namespace
} // namespace dy2st
