#include "Dy2St/Transforms/Passes.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Interfaces/DestinationStyleOpInterface.h"
#include "mlir/Interfaces/LoopLikeInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Transforms/LoopInvariantCodeMotionUtils.h"

namespace dy2st {
#define GEN_PASS_DEF_HOISTLOOPINVARIANTSPASS
#include "Dy2St/Transforms/Passes.h.inc"

namespace {
using namespace mlir;

/// Whether an op inside `loop` takes a result of `op` as a destination it
/// writes into.
bool overwrittenInLoop(Operation *op, LoopLikeOpInterface loop) {
  for (OpOperand &use : op->getUses()) {
    auto user = dyn_cast<DestinationStyleOpInterface>(use.getOwner());
    if (user && user.isDpsInit(&use) && loop->isProperAncestor(user))
      return true;
  }
  return false;
}

struct HoistLoopInvariantsPass : impl::HoistLoopInvariantsPassBase<HoistLoopInvariantsPass> {
  void runOnOperation() override {
    getOperation()->walk([](LoopLikeOpInterface loop) {
      moveLoopInvariantCode(
          loop.getLoopRegions(),
          [&](Value value, Region *) { return loop.isDefinedOutsideOfLoop(value); },
          [&](Operation *op, Region *) {
            return isMemoryEffectFree(op) && isSpeculatable(op) &&
                   (isa<tensor::EmptyOp>(op) || !overwrittenInLoop(op, loop));
          },
          [&](Operation *op, Region *) { loop.moveOutOfLoop(op); });
    });
  }
};

} // namespace
} // namespace dy2st
