#include "Dy2St/Transforms/Passes.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace dy2st {
#define GEN_PASS_DEF_COLLAPSECONTIGUOUSDIMSPASS
#include "Dy2St/Transforms/Passes.h.inc"

namespace {
using namespace mlir;

/// Whether dimension `dim` of `operand` spans its buffer's whole dimension:
/// false for a tensor.extract_slice that takes part of it (an LSTM's gate,
/// [32, 256] of [32, 1024]), whose rows merged with this one would not lie
/// in order in memory, so that bufferization would copy the slice.
bool spansWholeDimension(Value operand, int64_t dim) {
  auto slice = operand.getDefiningOp<tensor::ExtractSliceOp>();
  if (!slice)
    return true;
  RankedTensorType source = slice.getSourceType();
  if (source.getRank() != slice.getResultType().getRank())
    return false; // rank-reducing: which source dimension is which is not kept simple
  auto isConstant = [](OpFoldResult value, int64_t wanted) {
    std::optional<int64_t> constant = getConstantIntValue(value);
    return constant && *constant == wanted;
  };
  return !source.isDynamicDim(dim) && isConstant(slice.getMixedOffsets()[dim], 0) &&
         isConstant(slice.getMixedSizes()[dim], source.getDimSize(dim)) &&
         isConstant(slice.getMixedStrides()[dim], 1);
}

/// Whether loop `loop` reads (or writes) each operand of `op` along a
/// dimension that spans its whole buffer (or not at all).
bool readsWholeRows(linalg::LinalgOp op, ArrayRef<AffineMap> maps, int64_t loop) {
  for (OpOperand &operand : op->getOpOperands()) {
    AffineMap map = maps[operand.getOperandNumber()];
    for (int64_t k = 0; k < map.getNumResults(); ++k) {
      auto dim = dyn_cast<AffineDimExpr>(map.getResult(k));
      if (dim && dim.getPosition() == loop && !spansWholeDimension(operand.get(), k))
        return false;
    }
  }
  return true;
}

/// The longest run of innermost loops of an all-parallel linalg.generic
/// that every operand reads contiguously and in order (or not at all), as
/// the one group to merge; none where that run is a single loop.
SmallVector<ReassociationIndices> innermostContiguousLoops(linalg::LinalgOp op) {
  auto generic = dyn_cast<linalg::GenericOp>(op.getOperation());
  int64_t loops = op.getNumLoops();
  if (!generic || loops < 2 || op.getNumReductionLoops() != 0)
    return {};
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  // Upstream's collapse rewrites a constant index (a broadcast operand's
  // unit dimension) as a loop; those are dropped first.
  if (!llvm::all_of(maps, [](AffineMap map) { return map.isProjectedPermutation(); }))
    return {};
  // Loops of sizes known when compiling only: merged dynamic sizes make
  // expand-strided-metadata crash (MLIR 22) on the reshapes of their buffers.
  SmallVector<int64_t> sizes = op.getStaticLoopRanges();
  if (ShapedType::isDynamic(sizes[loops - 1]))
    return {};
  ReassociationIndices run{loops - 1};
  // Each loop merged with an outer one must read whole rows of every operand.
  for (int64_t first = loops - 2; first >= 0 && !ShapedType::isDynamic(sizes[first]) &&
                                  readsWholeRows(op, maps, first + 1);
       --first) {
    ReassociationIndices longer{first};
    llvm::append_range(longer, run);
    if (!linalg::areDimSequencesPreserved(maps, {longer}))
      break;
    run = std::move(longer);
  }
  if (run.size() < 2)
    return {};
  return {run};
}

/// An input of static shape that a generic reads at a constant 0 along
/// unit dimensions (a broadcast [1, C, 1, 1]) read through a
/// tensor.collapse_shape without them, so that its map names loops only.
/// (Upstream's unit-extent folding does this and more, but canonicalization
/// after it crashed on a ViT at batch 1.)
struct DropBroadcastUnitDims : OpRewritePattern<linalg::GenericOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(linalg::GenericOp op, PatternRewriter &rewriter) const override {
    if (!op.hasPureTensorSemantics())
      return failure();
    SmallVector<AffineMap> maps = op.getIndexingMapsArray();
    bool changed = false;
    for (OpOperand *operand : op.getDpsInputOperands()) {
      OpOperand &input = *operand;
      auto type = dyn_cast<RankedTensorType>(input.get().getType());
      AffineMap map = maps[input.getOperandNumber()];
      if (!type || !type.hasStaticShape())
        continue;
      auto isDropped = [&](int64_t k) {
        auto constant = dyn_cast<AffineConstantExpr>(map.getResult(k));
        return constant && constant.getValue() == 0 && type.getDimSize(k) == 1;
      };
      if (llvm::none_of(llvm::seq<int64_t>(0, type.getRank()), isDropped))
        continue;
      // Each kept dimension with the dropped ones after it (and, for the
      // first, before it).
      SmallVector<ReassociationIndices> groups;
      ReassociationIndices leading;
      SmallVector<AffineExpr> results;
      SmallVector<int64_t> shape;
      for (int64_t k = 0; k < type.getRank(); ++k) {
        if (isDropped(k)) {
          (groups.empty() ? leading : groups.back()).push_back(k);
          continue;
        }
        ReassociationIndices group = std::move(leading);
        leading.clear();
        group.push_back(k);
        groups.push_back(std::move(group));
        results.push_back(map.getResult(k));
        shape.push_back(type.getDimSize(k));
      }
      Value collapsed = tensor::CollapseShapeOp::create(
          rewriter, op.getLoc(), RankedTensorType::get(shape, type.getElementType()), input.get(),
          groups);
      rewriter.modifyOpInPlace(op, [&] { input.set(collapsed); });
      maps[input.getOperandNumber()] =
          AffineMap::get(map.getNumDims(), 0, results, rewriter.getContext());
      changed = true;
    }
    if (!changed)
      return failure();
    rewriter.modifyOpInPlace(op, [&] { op.setIndexingMapsAttr(rewriter.getAffineMapArrayAttr(maps)); });
    return success();
  }
};

struct CollapseContiguousDimsPass
    : impl::CollapseContiguousDimsPassBase<CollapseContiguousDimsPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<DropBroadcastUnitDims>(&getContext());
    linalg::populateCollapseDimensions(patterns, innermostContiguousLoops);
    tensor::ExpandShapeOp::getCanonicalizationPatterns(patterns, &getContext());
    tensor::CollapseShapeOp::getCanonicalizationPatterns(patterns, &getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
} // namespace dy2st
