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
