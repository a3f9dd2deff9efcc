#include "Dy2St/Transforms/Passes.h"

#include "mlir/Dialect/Arith/Transforms/Passes.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace dy2st {
#define GEN_PASS_DEF_EXPANDINTEGERDIVISIONSPASS
#include "Dy2St/Transforms/Passes.h.inc"

namespace {
using namespace mlir;

struct ExpandIntegerDivisionsPass
    : impl::ExpandIntegerDivisionsPassBase<ExpandIntegerDivisionsPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    arith::populateCeilFloorDivExpandOpsPatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
} // namespace dy2st
