// Parallel loop nests big enough to pay for threads stay scf.parallel (for
// convert-scf-to-openmp), guarded by their size at run time; all others,
// and the small-size copy, become scf.for nests that run in line.
#include "Dy2St/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/IRMapping.h"

namespace dy2st {
#define GEN_PASS_DEF_PARALLELIZELOOPSPASS
#include "Dy2St/Transforms/Passes.h.inc"

namespace {
using namespace mlir;

/// `loop` (which has no results) as scf.for loops, one per dimension.
void toNestedFors(scf::ParallelOp loop) {
  OpBuilder b(loop);
  Location loc = loop.getLoc();
  IRMapping map;
  for (auto [lb, ub, step, iv] : llvm::zip(loop.getLowerBound(), loop.getUpperBound(),
                                           loop.getStep(), loop.getInductionVars())) {
    auto inner = scf::ForOp::create(b, loc, lb, ub, step);
    map.map(iv, inner.getInductionVar());
    b.setInsertionPointToStart(inner.getBody());
  }
  for (Operation &op : loop.getBody()->without_terminator())
    b.clone(op, map);
  loop.erase();
}

/// The scf.parallel loops inside `root` (and `root` itself, if one), the
/// innermost first, as scf.for nests.
void parallelLoopsToFors(Operation *root) {
  SmallVector<scf::ParallelOp> loops;
  root->walk<WalkOrder::PostOrder>([&](scf::ParallelOp loop) { loops.push_back(loop); });
  for (scf::ParallelOp loop : loops)
    toNestedFors(loop);
}

Value tripCount(OpBuilder &b, Location loc, Value lb, Value ub, Value step) {
  Value span = arith::SubIOp::create(b, loc, ub, lb);
  Value count = arith::CeilDivSIOp::create(b, loc, span, step);
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  return arith::MaxSIOp::create(b, loc, count, zero);
}

/// How many times the innermost body of `loop`'s nest runs, as far as the
/// bounds known before the nest tell (inner loops with bounds computed
/// inside it count once).
Value workOf(OpBuilder &b, scf::ParallelOp loop) {
  Location loc = loop.getLoc();
  Value work = arith::ConstantIndexOp::create(b, loc, 1);
  auto multiply = [&](Value lb, Value ub, Value step) {
    work = arith::MulIOp::create(b, loc, work, tripCount(b, loc, lb, ub, step));
  };
  for (auto [lb, ub, step] : llvm::zip(loop.getLowerBound(), loop.getUpperBound(),
                                       loop.getStep()))
    multiply(lb, ub, step);
  loop.getBody()->walk([&](Operation *op) {
    auto defined = [&](Value v) { return loop.isDefinedOutsideOfLoop(v); };
    if (auto inner = dyn_cast<scf::ForOp>(op)) {
      if (defined(inner.getLowerBound()) && defined(inner.getUpperBound()) &&
          defined(inner.getStep()))
        multiply(inner.getLowerBound(), inner.getUpperBound(), inner.getStep());
    } else if (auto inner = dyn_cast<scf::ParallelOp>(op)) {
      for (auto [lb, ub, step] : llvm::zip(inner.getLowerBound(), inner.getUpperBound(),
                                           inner.getStep()))
        if (defined(lb) && defined(ub) && defined(step))
          multiply(lb, ub, step);
    }
  });
  return work;
}

struct ParallelizeLoopsPass : impl::ParallelizeLoopsPassBase<ParallelizeLoopsPass> {
  using Base::Base;

  void runOnOperation() override {
    SmallVector<scf::ParallelOp> outermost;
    getOperation().walk<WalkOrder::PreOrder>([&](scf::ParallelOp loop) {
      outermost.push_back(loop);
      return WalkResult::skip();
    });
    for (scf::ParallelOp loop : outermost) {
      if (loop.getNumResults()) {
        // A reduction of the loop itself: linalg's loops have none; it
        // stays one level of threads for convert-scf-to-openmp.
        continue;
      }
      for (Operation &op : llvm::make_early_inc_range(loop.getBody()->without_terminator()))
        parallelLoopsToFors(&op);
      // The runtime's calls (a failed check's raise, print) keep their
      // state per thread: a nest that makes them stays on the caller's.
      if (loop->walk([](func::CallOp) { return WalkResult::interrupt(); }).wasInterrupted()) {
        toNestedFors(loop);
        continue;
      }
      OpBuilder b(loop);
      Location loc = loop.getLoc();
      Value work = workOf(b, loop);
      Value threshold = arith::ConstantIndexOp::create(b, loc, minWork);
      Value big = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, work, threshold);
      auto choice = scf::IfOp::create(b, loc, TypeRange{}, big, /*withElseRegion=*/true);
      loop->moveBefore(choice.thenBlock()->getTerminator());
      OpBuilder inLine(choice.elseBlock()->getTerminator());
      toNestedFors(cast<scf::ParallelOp>(inLine.clone(*loop)));
    }
  }
};

} // namespace
} // namespace dy2st
