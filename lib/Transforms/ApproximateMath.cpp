#include "Dy2St/Transforms/Passes.h"

#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace dy2st {
#define GEN_PASS_DEF_APPROXIMATEMATHPASS
#include "Dy2St/Transforms/Passes.h.inc"

namespace {
struct ApproximateMathPass : impl::ApproximateMathPassBase<ApproximateMathPass> {
  void runOnOperation() override {
    mlir::RewritePatternSet patterns(&getContext());
    // sin and cos reduce their argument with too few bits of pi: their error
    // grows with |x| (0.12 near 1e6), so they stay libm calls.
    auto approximated = [](llvm::StringRef name) {
      return name != "math.sin" && name != "math.cos";
    };
    mlir::populateMathF32ExpansionPatterns(patterns, approximated);
    mlir::populateMathPolynomialApproximationPatterns(patterns, approximated);
    if (failed(mlir::applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
} // namespace dy2st
