#include "Dy2St/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
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

/// The lesser of `v` and `limit` (the greater for atLeast), NaN staying NaN:
/// an unordered compare selects `v`, which x86 does in one instruction
/// (arith.minimumf takes three).
mlir::Value atMost(mlir::OpBuilder &b, mlir::Location loc, mlir::Value v, mlir::Value limit) {
  return mlir::arith::SelectOp::create(
      b, loc, mlir::arith::CmpFOp::create(b, loc, mlir::arith::CmpFPredicate::ULE, v, limit), v,
      limit);
}

mlir::Value atLeast(mlir::OpBuilder &b, mlir::Location loc, mlir::Value v, mlir::Value limit) {
  return mlir::arith::SelectOp::create(
      b, loc, mlir::arith::CmpFOp::create(b, loc, mlir::arith::CmpFPredicate::UGE, v, limit), v,
      limit);
}

/// tanh in two pieces, one division at most and no tanh approximation of
/// upstream's (a rational function with a division, exactly 1 from 7.99 on,
/// where float32's tanh is still 1 - 1.2e-7 up to 9: cast to an integer, 1
/// instead of numpy's 0, fuzz seed 44270). Below |x| = 0.625 an odd
/// polynomial, x + x^3 P(x^2) (fitted to tanh's relative error: 0.8 ulp in
/// float32); from there 1 - 2 / (exp(2|x|) + 1) with x's sign, kept below 1
/// until |x| = 10 as numpy's float32 tanh (eager's) is. (The division stays
/// exact: LLVM's reciprocal estimate is a vector-only rewrite, and a loop's
/// scalar remainder then rounded otherwise, so results moved with the
/// threads' split of the loop.)
void expandTanh(mlir::Operation *root) {
  llvm::SmallVector<mlir::math::TanhOp> tanhs;
  root->walk([&](mlir::math::TanhOp op) {
    if (mlir::getElementTypeOrSelf(op.getType()).isF32())
      tanhs.push_back(op);
  });
  using mlir::arith::CmpFPredicate;
  for (mlir::math::TanhOp op : tanhs) {
    mlir::OpBuilder b(op);
    mlir::Location loc = op.getLoc();
    mlir::Value x = op.getOperand();
    mlir::Type type = x.getType();
    auto constant = [&](double v) { return constantLike(b, loc, type, v); };
    mlir::Value magnitude = mlir::math::AbsFOp::create(b, loc, x);

    mlir::Value grown = mlir::math::ExpOp::create(
        b, loc, mlir::arith::MulFOp::create(b, loc, magnitude, constant(2.0)));
    mlir::Value deficit = mlir::arith::DivFOp::create(
        b, loc, constant(2.0), mlir::arith::AddFOp::create(b, loc, grown, constant(1.0)));
    mlir::Value below1 = mlir::arith::SelectOp::create(
        b, loc, mlir::arith::CmpFOp::create(b, loc, CmpFPredicate::OLT, magnitude, constant(10.0)),
        constant(1.0 - 0x1p-24), constant(1.0));
    mlir::Value far = mlir::math::CopySignOp::create(
        b, loc, atMost(b, loc, mlir::arith::SubFOp::create(b, loc, constant(1.0), deficit), below1),
        x);

    static constexpr float kOddTerms[] = {-0.3333328068256378f, 0.13331441581249237f,
                                          -0.05373971909284592f, 0.020639101043343544f,
                                          -0.0057050003670156f};
    mlir::Value square = mlir::arith::MulFOp::create(b, loc, x, x);
    mlir::Value p = constant(kOddTerms[4]);
    for (int i = 3; i >= 0; --i)
      p = mlir::math::FmaOp::create(b, loc, p, square, constant(kOddTerms[i]));
    // (With x's sign: -0 * P(0) + -0 is +0.)
    mlir::Value cubic =
        mlir::math::FmaOp::create(b, loc, mlir::arith::MulFOp::create(b, loc, x, square), p, x);
    mlir::Value near = mlir::math::CopySignOp::create(b, loc, cubic, x);

    mlir::Value small =
        mlir::arith::CmpFOp::create(b, loc, CmpFPredicate::OLT, magnitude, constant(0.625));
    op.getResult().replaceAllUsesWith(mlir::arith::SelectOp::create(b, loc, small, near, far));
    op.erase();
  }
}

/// exp for CPUs that scale by a power of two in one instruction (AVX-512's
/// vscalefps, which LLVM gives `llvm.ldexp`; elsewhere it is a libm call and
/// upstream's approximation stays). Cephes' polynomial on x - k ln 2, k the
/// nearest integer to x / ln 2 read off the sum with 1.5 * 2^23 (no rounding
/// instruction, no float-to-int conversion that NaN would make poison), and
/// ldexp by k: infinities, NaN and the subnormal results (which upstream's
/// flushes to 0) come out right after x is clamped to [-104, 88.8], where
/// exp is 0 and infinity beyond. Upstream's took 22 vector instructions,
/// this 17: loops of exp, tanh and sigmoid are bound by them on AVX-512.
void expandExpByLdexp(mlir::Operation *root) {
  llvm::SmallVector<mlir::math::ExpOp> exps;
  root->walk([&](mlir::math::ExpOp op) {
    if (mlir::getElementTypeOrSelf(op.getType()).isF32())
      exps.push_back(op);
  });
  for (mlir::math::ExpOp op : exps) {
    mlir::OpBuilder b(op);
    mlir::Location loc = op.getLoc();
    mlir::Value x = op.getOperand();
    mlir::Type type = x.getType();
    auto constant = [&](double v) { return constantLike(b, loc, type, v); };
    mlir::Value clamped = atMost(b, loc, atLeast(b, loc, x, constant(-104.0)), constant(88.8));
    constexpr double kRoundingShift = 0x1.8p23;
    mlir::Value shifted =
        mlir::math::FmaOp::create(b, loc, clamped, constant(M_LOG2E), constant(kRoundingShift));
    mlir::Value k = mlir::arith::SubFOp::create(b, loc, shifted, constant(kRoundingShift));
    mlir::Value r = mlir::math::FmaOp::create(b, loc, k, constant(-0.693359375), clamped);
    r = mlir::math::FmaOp::create(b, loc, k, constant(2.12194440e-4), r);

    static constexpr float kTerms[] = {5.0000001201e-1f, 1.6666665459e-1f, 4.1665795894e-2f,
                                       8.3334519073e-3f, 1.3981999507e-3f, 1.9875691500e-4f};
    mlir::Value q = constant(kTerms[5]);
    for (int i = 4; i >= 0; --i)
      q = mlir::math::FmaOp::create(b, loc, q, r, constant(kTerms[i]));
    mlir::Value p =
        mlir::math::FmaOp::create(b, loc, q, mlir::arith::MulFOp::create(b, loc, r, r), r);
    p = mlir::arith::AddFOp::create(b, loc, p, constant(1.0));

    mlir::Type intType = b.getI32Type();
    if (auto shaped = mlir::dyn_cast<mlir::ShapedType>(type))
      intType = shaped.clone(intType);
    mlir::Value bits = mlir::arith::BitcastOp::create(b, loc, intType, shifted);
    mlir::TypedAttr shiftBits = b.getI32IntegerAttr(0x4B400000);
    if (auto shaped = mlir::dyn_cast<mlir::ShapedType>(intType))
      shiftBits = mlir::SplatElementsAttr::get(shaped, shiftBits);
    mlir::Value power = mlir::arith::SubIOp::create(
        b, loc, bits, mlir::arith::ConstantOp::create(b, loc, shiftBits));
    op.getResult().replaceAllUsesWith(
        mlir::LLVM::LoadExpOp::create(b, loc, type, p, power).getResult());
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
  using Base::Base;
  void runOnOperation() override {
    scaleSubnormalLogInputs(getOperation());
    expandTanh(getOperation());
    if (scaleByLdexp)
      expandExpByLdexp(getOperation());
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
