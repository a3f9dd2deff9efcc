#include "Dy2St/Support/RuntimeABI.h"
#include "Dy2St/Transforms/Passes.h"

#include "BufferRoot.h"
#include "ParallelLoops.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/PatternMatch.h"

namespace dy2st {
#define GEN_PASS_DEF_LINALGTOLOOPSPASS
#include "Dy2St/Transforms/Passes.h.inc"

namespace {
using namespace mlir;

/// Below this many iterations a dimension is not worth sharing (a batch of
/// one): the next one is taken.
constexpr int64_t kMinSharedTrips = 4;

/// Whether the op's body only computes: no call, no memory access, nothing
/// that may raise or allocate on a worker thread.
static bool onlyComputes(linalg::LinalgOp op) {
  return llvm::all_of(op.getBlock()->getOperations(), [](Operation &inner) {
    // (llvm.intr.ldexp: dy2st-approximate-math's exp on AVX-512.)
    return isa<arith::ArithDialect, math::MathDialect>(inner.getDialect()) ||
           isa<linalg::IndexOp, linalg::YieldOp, LLVM::LoadExpOp>(inner);
  });
}

/// Whether iterations with different values of dimension `dim` write
/// different elements and read none another one writes: each output's map
/// is a projected permutation that names `dim`, and an input that may be
/// an output's buffer is read through the same map.
static bool writesApartAlong(linalg::LinalgOp op, unsigned dim) {
  for (OpOperand &out : op.getDpsInitsMutable()) {
    AffineMap map = op.getMatchingIndexingMap(&out);
    if (!map.isProjectedPermutation() ||
        !llvm::is_contained(map.getResults(), getAffineDimExpr(dim, op.getContext())))
      return false;
    Value written = rootOf(out.get());
    for (OpOperand *in : op.getDpsInputOperands()) {
      if (!isa<MemRefType>(in->get().getType()))
        continue;
      Value read = rootOf(in->get());
      bool mayAlias = read == written || (isa<BlockArgument>(read) && isa<BlockArgument>(written));
      if (mayAlias && op.getMatchingIndexingMap(in) != map)
        return false;
    }
  }
  return true;
}

/// The loop dimension whose iterations threads may share, or none: the
/// first of the leading parallel dimensions with at least kMinSharedTrips
/// iterations (or a size known only at run time).
static std::optional<unsigned> sharedDimension(linalg::LinalgOp op) {
  if (!op.hasPureBufferSemantics() || op.getNumDpsInits() == 0 || !onlyComputes(op))
    return std::nullopt;
  SmallVector<int64_t> ranges = op.getStaticLoopRanges();
  SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
  for (unsigned dim = 0; dim < iterators.size(); ++dim) {
    if (iterators[dim] != utils::IteratorType::parallel || !writesApartAlong(op, dim))
      return std::nullopt;
    if (ShapedType::isDynamic(ranges[dim]) || ranges[dim] >= kMinSharedTrips)
      return dim;
  }
  return std::nullopt;
}

/// The work of one iteration of `dim`: the other dimensions' iterations,
/// those of sizes known only at run time counted once.
static int64_t workPerIteration(linalg::LinalgOp op, unsigned dim) {
  int64_t work = 1;
  for (auto [i, range] : llvm::enumerate(op.getStaticLoopRanges()))
    if (i != dim && !ShapedType::isDynamic(range))
      if (__builtin_mul_overflow(work, std::max<int64_t>(range, 1), &work))
        return INT64_MAX;
  return work;
}

struct LinalgToLoopsPass : impl::LinalgToLoopsPassBase<LinalgToLoopsPass> {
  void runOnOperation() override {
    SmallVector<linalg::LinalgOp> ops;
    getOperation()->walk([&](linalg::LinalgOp op) {
      if (op.hasPureBufferSemantics())
        ops.push_back(op);
    });
    IRRewriter rewriter(&getContext());
    for (linalg::LinalgOp op : ops) {
      std::optional<unsigned> dim = sharedDimension(op);
      int64_t work = dim ? workPerIteration(op, *dim) : 0;
      // Work known to be too little is not worth the call through the runtime.
      SmallVector<int64_t> ranges = op.getStaticLoopRanges();
      int64_t total;
      if (dim && llvm::none_of(ranges, ShapedType::isDynamic) &&
          !__builtin_mul_overflow(ranges[*dim], work, &total) && total < kMinSpinningParallelWork)
        dim = std::nullopt;
      unsigned numLoops = op.getNumLoops();
      rewriter.setInsertionPoint(op);
      FailureOr<linalg::LinalgLoops> loops = linalg::linalgOpToLoops(rewriter, op);
      if (failed(loops))
        return signalPassFailure();
      rewriter.eraseOp(op);
      if (dim && loops->size() == numLoops)
        (*loops)[*dim]->setAttr(kParallelLoopAttr, rewriter.getI64IntegerAttr(work));
    }
  }
};
} // namespace
} // namespace dy2st
