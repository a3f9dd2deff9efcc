#include "Dy2St/Transforms/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tensor/Transforms/Transforms.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace dy2st {
#define GEN_PASS_DEF_FUSEELEMENTWISEPASS
#include "Dy2St/Transforms/Passes.h.inc"

namespace {
using namespace mlir;

bool isProduct(Operation *op) { return isa<linalg::MatmulOp, linalg::BatchMatmulOp>(op); }

/// A producer that computes something per element of a loop nest, read by
/// its consumer through a broadcast (a map that is no permutation): fused,
/// it would compute each element again for every point the broadcast adds
/// (an average pool's window counts, [1, 1, OH, OW], once per batch and
/// channel). A 0-d producer is left to fuse: LLVM hoists what it computes
/// out of the consumer's loops.
bool isRecomputedByBroadcast(Operation *producer, OpOperand *fused) {
  auto generic = dyn_cast<linalg::GenericOp>(producer);
  auto consumer = dyn_cast<linalg::LinalgOp>(fused->getOwner());
  if (!generic || !consumer || generic.getNumLoops() == 0 ||
      consumer.getMatchingIndexingMap(fused).isPermutation())
    return false;
  return !llvm::hasSingleElement(generic.getRegion().front());
}

/// A generic that only reads a tensor of its own static type at its own
/// indices (`tensor.extract %t[linalg.index 0, ...]`) computes that tensor:
/// how the setitem lowering broadcasts a value to the region it is written
/// to, which for `out[:, t, :] = h` of h's own shape was a second copy of h
/// at every step.
struct ForwardIdentityExtract : OpRewritePattern<linalg::GenericOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(linalg::GenericOp op, PatternRewriter &rewriter) const override {
    if (op.getNumDpsInputs() != 0 || op->getNumResults() != 1 ||
        op.getNumParallelLoops() != op.getNumLoops())
      return failure();
    auto type = dyn_cast<RankedTensorType>(op->getResult(0).getType());
    if (!type || !type.hasStaticShape() || !op.getIndexingMapsArray()[0].isIdentity())
      return failure();
    Block &body = op.getRegion().front();
    auto extract = body.getTerminator()->getOperand(0).getDefiningOp<tensor::ExtractOp>();
    if (!extract || extract.getTensor().getType() != type ||
        op.getRegion().isAncestor(extract.getTensor().getParentRegion()))
      return failure();
    for (auto [dim, index] : llvm::enumerate(extract.getIndices())) {
      auto loopIndex = index.getDefiningOp<linalg::IndexOp>();
      if (!loopIndex || loopIndex.getDim() != dim)
        return failure();
    }
    rewriter.replaceOp(op, extract.getTensor());
    return success();
  }
};

struct FuseElementwisePass : impl::FuseElementwisePassBase<FuseElementwisePass> {
  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    // Upstream's control (a producer with one use), products and producers
    // a broadcast would recompute excepted.
    linalg::ControlFusionFn control = [](OpOperand *fused) {
      Operation *producer = fused->get().getDefiningOp();
      return producer && producer->hasOneUse() && !isProduct(producer) &&
             !isProduct(fused->getOwner()) && !isRecomputedByBroadcast(producer, fused);
    };
    RewritePatternSet patterns(ctx);
    linalg::populateElementwiseOpsFusionPatterns(patterns, control);
    linalg::populateFoldReshapeOpsByExpansionPatterns(patterns, control);
    tensor::populateBubbleUpExpandShapePatterns(patterns);
    affine::AffineApplyOp::getCanonicalizationPatterns(patterns, ctx);
    linalg::GenericOp::getCanonicalizationPatterns(patterns, ctx);
    tensor::ExpandShapeOp::getCanonicalizationPatterns(patterns, ctx);
    tensor::CollapseShapeOp::getCanonicalizationPatterns(patterns, ctx);
    ctx->getLoadedDialect<linalg::LinalgDialect>()->getCanonicalizationPatterns(patterns);
    linalg::populateConstantFoldLinalgOperations(patterns, control);
    patterns.add<ForwardIdentityExtract>(ctx);
    GreedyRewriteConfig config;
    config.setUseTopDownTraversal(true);
    (void)applyPatternsGreedily(getOperation(), std::move(patterns), config);
  }
};
} // namespace
} // namespace dy2st
