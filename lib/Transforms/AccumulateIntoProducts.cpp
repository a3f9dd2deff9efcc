#include "Dy2St/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace dy2st {
#define GEN_PASS_DEF_ACCUMULATEINTOPRODUCTSPASS
#include "Dy2St/Transforms/Passes.h.inc"

namespace {
using namespace mlir;

/// The product behind `value` (a matmul or batch_matmul, maybe reshaped by
/// one tensor.expand_shape) that accumulates into a zero fill and has no
/// other use; null otherwise.
linalg::LinalgOp zeroStartedProduct(Value value, tensor::ExpandShapeOp &expand) {
  expand = value.getDefiningOp<tensor::ExpandShapeOp>();
  if (expand) {
    if (!expand->hasOneUse())
      return nullptr;
    value = expand.getSrc();
  }
  Operation *op = value.getDefiningOp();
  if (!op || !isa<linalg::MatmulOp, linalg::BatchMatmulOp>(op) || !op->hasOneUse())
    return nullptr;
  auto product = cast<linalg::LinalgOp>(op);
  auto fill = product.getDpsInitOperand(0)->get().getDefiningOp<linalg::FillOp>();
  if (!fill || !matchPattern(fill.getInputs().front(), m_AnyZeroFloat()))
    return nullptr;
  return product;
}

/// The arith.addf in `body` that adds `term` into a chain of additions
/// ending at the yield (each link's only use is the next), or null.
arith::AddFOp sumTermOfYield(Block &body, Value term) {
  if (!term.hasOneUse())
    return nullptr;
  auto first = dyn_cast<arith::AddFOp>(*term.getUsers().begin());
  Operation *link = first;
  while (link && link->hasOneUse()) {
    Operation *user = *link->getUsers().begin();
    if (isa<linalg::YieldOp>(user))
      return user->getBlock() == &body ? first : nullptr;
    link = dyn_cast<arith::AddFOp>(user);
  }
  return nullptr;
}

/// y = P + e elementwise, where P is a product that starts from zeros:
/// computes e into P's accumulator instead (gemm's beta = 1), which saves
/// the pass that zeroes the accumulator, the pass that adds e and a buffer.
/// A linear layer's bias (matmul then + b) is the common case. The sum is
/// rounded as P + e rather than in the order the terms were written.
struct AccumulateSum : OpRewritePattern<linalg::GenericOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(linalg::GenericOp op, PatternRewriter &rewriter) const override {
    if (op.getNumDpsInits() != 1 || op.getNumParallelLoops() != op.getNumLoops() ||
        !op.getIndexingMapsArray().back().isIdentity() ||
        !op.getRegionOutputArgs().front().use_empty())
      return failure();
    Block &body = op.getRegion().front();
    for (OpOperand *input : op.getDpsInputOperands()) {
      tensor::ExpandShapeOp expand;
      linalg::LinalgOp product = zeroStartedProduct(input->get(), expand);
      if (!product || input->get().getType() != op->getResult(0).getType() ||
          !op.getMatchingIndexingMap(input).isIdentity())
        continue;
      BlockArgument term = op.getMatchingBlockArgument(input);
      arith::AddFOp add = sumTermOfYield(body, term);
      if (!add)
        continue;
      rewrite(op, input->getOperandNumber(), product, expand, add, rewriter);
      return success();
    }
    return failure();
  }

  static void rewrite(linalg::GenericOp op, unsigned productInput, linalg::LinalgOp product,
                      tensor::ExpandShapeOp expand, arith::AddFOp add,
                      PatternRewriter &rewriter) {
    Location loc = op.getLoc();
    SmallVector<Value> inputs;
    SmallVector<AffineMap> maps;
    for (OpOperand *input : op.getDpsInputOperands())
      if (input->getOperandNumber() != productInput) {
        inputs.push_back(input->get());
        maps.push_back(op.getMatchingIndexingMap(input));
      }
    maps.push_back(op.getIndexingMapsArray().back());
    // The other terms, computed where the product will accumulate.
    rewriter.setInsertionPoint(op);
    auto start = linalg::GenericOp::create(rewriter, loc, op->getResultTypes(), inputs,
                                           op.getDpsInits(), maps, op.getIteratorTypesArray());
    rewriter.inlineRegionBefore(op.getRegion(), start.getRegion(), start.getRegion().end());
    Block &body = start.getRegion().front();
    Value other = add.getLhs() == body.getArgument(productInput) ? add.getRhs() : add.getLhs();
    rewriter.replaceAllUsesWith(add.getResult(), other);
    rewriter.eraseOp(add);
    body.eraseArgument(productInput);

    Value accumulator = start->getResult(0);
    if (expand)
      accumulator = tensor::CollapseShapeOp::create(rewriter, loc, expand.getSrcType(),
                                                    accumulator,
                                                    expand.getReassociationIndices());
    rewriter.moveOpBefore(product, op);
    rewriter.modifyOpInPlace(product, [&] { product.getDpsInitOperand(0)->set(accumulator); });
    Value result = product->getResult(0);
    if (expand) {
      rewriter.moveOpBefore(expand, op);
      result = expand.getResult();
    }
    rewriter.replaceOp(op, result);
  }
};

struct AccumulateIntoProductsPass
    : impl::AccumulateIntoProductsPassBase<AccumulateIntoProductsPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<AccumulateSum>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
} // namespace dy2st
