#include "Dy2St/Transforms/Passes.h"

#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/IR/PatternMatch.h"

namespace dy2st {
#define GEN_PASS_DEF_MATMULLOOPORDERPASS
#include "Dy2St/Transforms/Passes.h.inc"

namespace {
struct MatmulLoopOrderPass : impl::MatmulLoopOrderPassBase<MatmulLoopOrderPass> {
  void runOnOperation() override {
    // Each op with the loop order that puts a contiguous parallel dimension
    // innermost: matmul (i, j, k) -> (i, k, j); grouped convolution
    // (n, g, f, oh, ow, c, kh, kw) -> (n, g, f, c, kh, kw, oh, ow); pooling
    // (n, c, oh, ow, kh, kw) -> (n, c, kh, kw, oh, ow).
    llvm::SmallVector<std::pair<mlir::linalg::LinalgOp, llvm::SmallVector<unsigned>>> ops;
    getOperation()->walk([&](mlir::linalg::LinalgOp op) {
      if (mlir::isa<mlir::linalg::MatmulOp>(op))
        ops.push_back({op, {0, 2, 1}});
      else if (mlir::isa<mlir::linalg::Conv2DNgchwGfchwOp>(op))
        ops.push_back({op, {0, 1, 2, 5, 6, 7, 3, 4}});
      else if (mlir::isa<mlir::linalg::PoolingNchwMaxOp, mlir::linalg::PoolingNchwSumOp>(op))
        ops.push_back({op, {0, 1, 4, 5, 2, 3}});
    });
    mlir::IRRewriter rewriter(&getContext());
    for (auto &[op, order] : ops) {
      rewriter.setInsertionPoint(op);
      auto generic = mlir::linalg::generalizeNamedOp(rewriter, op);
      if (failed(generic) || failed(mlir::linalg::interchangeGenericOp(rewriter, *generic, order)))
        return signalPassFailure();
    }
  }
};
} // namespace
} // namespace dy2st
