#include "Dy2St/Transforms/Passes.h"

#include "mlir/Dialect/SCF/IR/SCF.h"

namespace dy2st {
#define GEN_PASS_DEF_GPUSERIALKERNELSPASS
#include "Dy2St/Transforms/Passes.h.inc"

namespace {
using namespace mlir;

/// Whether `loop` only computes on buffers: it can run on the device as is.
bool onlyComputes(scf::ForOp loop) {
  if (loop.getNumResults() != 0)
    return false;
  bool touchesMemory = false;
  WalkResult result = loop.getBody()->walk([&](Operation *op) {
    if (isa<memref::LoadOp, memref::StoreOp>(op)) {
      touchesMemory = true;
      return WalkResult::advance();
    }
    if (isa<scf::ForOp, scf::IfOp, scf::YieldOp>(op) ||
        isa<arith::ArithDialect, math::MathDialect>(op->getDialect()))
      return WalkResult::advance();
    return WalkResult::interrupt();
  });
  return !result.wasInterrupted() && touchesMemory;
}

struct GpuSerialKernelsPass : impl::GpuSerialKernelsPassBase<GpuSerialKernelsPass> {
  void runOnOperation() override {
    SmallVector<scf::ForOp> loops;
    getOperation().walk<WalkOrder::PreOrder>([&](Operation *op) {
      if (isa<gpu::LaunchOp>(op))
        return WalkResult::skip();
      if (auto loop = dyn_cast<scf::ForOp>(op); loop && onlyComputes(loop)) {
        loops.push_back(loop);
        return WalkResult::skip();
      }
      return WalkResult::advance();
    });
    for (scf::ForOp loop : loops) {
      OpBuilder b(loop);
      Value one = arith::ConstantIndexOp::create(b, loop.getLoc(), 1);
      auto launch = gpu::LaunchOp::create(b, loop.getLoc(), one, one, one, one, one, one);
      b.setInsertionPointToEnd(&launch.getBody().front());
      auto terminator = gpu::TerminatorOp::create(b, loop.getLoc());
      loop->moveBefore(terminator);
    }
  }
};
} // namespace
} // namespace dy2st
