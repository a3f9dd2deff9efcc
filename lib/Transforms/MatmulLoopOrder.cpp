#include "Dy2St/Transforms/Passes.h"

#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/IR/PatternMatch.h"

namespace dy2st {
#define GEN_PASS_DEF_MATMULLOOPORDERPASS
#include "Dy2St/Transforms/Passes.h.inc"

namespace {
struct MatmulLoopOrderPass : impl::MatmulLoopOrderPassBase<MatmulLoopOrderPass> {
  void runOnOperation() override {
    llvm::SmallVector<mlir::linalg::MatmulOp> matmuls;
    getOperation()->walk([&](mlir::linalg::MatmulOp op) { matmuls.push_back(op); });
    mlir::IRRewriter rewriter(&getContext());
    for (mlir::linalg::MatmulOp op : matmuls) {
      rewriter.setInsertionPoint(op);
      auto generic = mlir::linalg::generalizeNamedOp(rewriter, op);
      // Loops (i, j, k) become (i, k, j).
      if (failed(generic) ||
          failed(mlir::linalg::interchangeGenericOp(rewriter, *generic, {0, 2, 1})))
        return signalPassFailure();
    }
  }
};
} // namespace
} // namespace dy2st
