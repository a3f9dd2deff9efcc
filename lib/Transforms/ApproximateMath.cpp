#include "Dy2St/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/IR/Builders.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include <cfloat>
#include <cmath>

namespace dy2st {
#define GEN_PASS_DEF_APPROXIMATEMATHPASS
#include "Dy2St/Transforms/Passes.h.inc"

namespace {

mlir::Value constantLike(mlir::OpBuilder &b, mlir::Location loc, mlir::Type type, double v) {
  mlir::Type elem = mlir::getElementTypeOrSelf(type);
  mlir::TypedAttr attr = b.getFloatAttr(elem, v);
  if (auto shaped = mlir::dyn_cast<mlir::ShapedType>(type))
    attr = mlir::SplatElementsAttr::get(shaped, attr);
  return mlir::arith::ConstantOp::create(b, loc, attr);
}

/// Upstream's log approximation reads the float's exponent bits, so a
/// subnormal input (below FLT_MIN) came out near log(FLT_MIN) (the fuzzer's
/// log(1e-38): -87.34 for -87.50). Such inputs are scaled by 2^24 first and
/// the result corrected by 24 ln 2 (24 for log2).
void scaleSubnormalLogInputs(mlir::Operation *root) {
  llvm::SmallVector<mlir::Operation *> logs;
  root->walk([&](mlir::Operation *op) {
    if (mlir::isa<mlir::math::LogOp, mlir::math::Log2Op>(op) &&
        mlir::getElementTypeOrSelf(op->getResult(0).getType()).isF32())
      logs.push_back(op);
  });
  for (mlir::Operation *op : logs) {
    mlir::OpBuilder b(op);
    mlir::Location loc = op->getLoc();
    mlir::Value x = op->getOperand(0);
    mlir::Type type = x.getType();
    bool isLog2 = mlir::isa<mlir::math::Log2Op>(op);
    mlir::Value small = mlir::arith::CmpFOp::create(b, loc, mlir::arith::CmpFPredicate::OLT, x,
                                                    constantLike(b, loc, type, FLT_MIN));
    mlir::Value scaled = mlir::arith::SelectOp::create(
        b, loc, small, mlir::arith::MulFOp::create(b, loc, x, constantLike(b, loc, type, 0x1p24)),
        x);
    mlir::Value log = isLog2 ? mlir::Value(mlir::math::Log2Op::create(b, loc, scaled))
                             : mlir::Value(mlir::math::LogOp::create(b, loc, scaled));
    mlir::Value correction = mlir::arith::SelectOp::create(
        b, loc, small, constantLike(b, loc, type, isLog2 ? 24.0 : 24.0 * M_LN2),
        constantLike(b, loc, type, 0.0));
    op->getResult(0).replaceAllUsesWith(mlir::arith::SubFOp::create(b, loc, log, correction));
    op->erase();
  }
}

/// Upstream's tanh approximation clamps |x| to 7.99 and so gives exactly 1
/// from there, where float32's tanh is still 1 - 1.2e-7 up to 9 (cast to an
/// integer, 1 instead of numpy's 0: fuzz seed 44270). From |x| = 4 on, tanh
/// is 1 - 2 / (exp(2|x|) + 1) with x's sign, which keeps the small deficit
/// (exp's approximation is accurate there), kept below 1 until |x| = 10 as
/// numpy's float32 tanh (eager's) is.
void accurateTanhTails(mlir::Operation *root) {
  llvm::SmallVector<mlir::math::TanhOp> tanhs;
  root->walk([&](mlir::math::TanhOp op) {
    if (mlir::getElementTypeOrSelf(op.getType()).isF32())
      tanhs.push_back(op);
  });
  for (mlir::math::TanhOp op : tanhs) {
    mlir::OpBuilder b(op);
    mlir::Location loc = op.getLoc();
    mlir::Value x = op.getOperand();
    mlir::Type type = x.getType();
    mlir::Value magnitude = mlir::math::AbsFOp::create(b, loc, x);
    mlir::Value tail = mlir::arith::CmpFOp::create(b, loc, mlir::arith::CmpFPredicate::OGE,
                                                   magnitude, constantLike(b, loc, type, 4.0));
    mlir::Value grown = mlir::math::ExpOp::create(
        b, loc, mlir::arith::MulFOp::create(b, loc, magnitude, constantLike(b, loc, type, 2.0)));
    mlir::Value deficit = mlir::arith::DivFOp::create(
        b, loc, constantLike(b, loc, type, 2.0),
        mlir::arith::AddFOp::create(b, loc, grown, constantLike(b, loc, type, 1.0)));
    mlir::Value below1 = mlir::arith::SelectOp::create(
        b, loc,
        mlir::arith::CmpFOp::create(b, loc, mlir::arith::CmpFPredicate::OLT, magnitude,
                                    constantLike(b, loc, type, 10.0)),
        constantLike(b, loc, type, 1.0 - 0x1p-24), constantLike(b, loc, type, 1.0));
    mlir::Value far = mlir::math::CopySignOp::create(
        b, loc,
        mlir::arith::MinimumFOp::create(
            b, loc, mlir::arith::SubFOp::create(b, loc, constantLike(b, loc, type, 1.0), deficit),
            below1),
        x);
    mlir::Value near = mlir::math::TanhOp::create(b, loc, x);
    op.getResult().replaceAllUsesWith(mlir::arith::SelectOp::create(b, loc, tail, far, near));
    op.erase();
  }
}

/// Upstream's exp approximation turns a clamped float into the exponent with
/// `arith.fptosi`, and the clamp lets NaN through: LLVM's fptosi of NaN is
/// poison, so a NaN that LLVM sees as a constant (exp of full_like(x, nan))
/// made the whole result poison and its store vanished (the fuzzer's seed
/// 40194 read stale memory). Conversions read 0 for NaN instead: the float
/// part of an approximation still carries the NaN, and dy2st's own casts
/// select their x86 result for NaN apart (ElementwiseLowering.cpp).
void defineNaNConversions(mlir::Operation *root) {
  root->walk([&](mlir::arith::FPToSIOp op) {
    mlir::OpBuilder b(op);
    mlir::Location loc = op.getLoc();
    mlir::Value x = op.getIn();
    mlir::Value nan =
        mlir::arith::CmpFOp::create(b, loc, mlir::arith::CmpFPredicate::UNO, x, x);
    op.getInMutable().assign(mlir::arith::SelectOp::create(
        b, loc, nan, constantLike(b, loc, x.getType(), 0.0), x));
  });
}

struct ApproximateMathPass : impl::ApproximateMathPassBase<ApproximateMathPass> {
  void runOnOperation() override {
    scaleSubnormalLogInputs(getOperation());
    accurateTanhTails(getOperation());
    mlir::RewritePatternSet patterns(&getContext());
    // sin and cos reduce their argument with too few bits of pi: their error
    // grows with |x| (0.12 near 1e6); atan2's approximation loses the sign of
    // a zero y and gives NaN for infinities (the fuzzer's atan2(-inf, -inf)).
    // They stay libm calls.
    auto approximated = [](llvm::StringRef name) {
      return name != "math.sin" && name != "math.cos" && name != "math.atan2";
    };
    mlir::populateMathF32ExpansionPatterns(patterns, approximated);
    mlir::populateMathPolynomialApproximationPatterns(patterns, approximated);
    if (failed(mlir::applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
    defineNaNConversions(getOperation());
  }
};
} // namespace
} // namespace dy2st
