// Specialized pydy → func, scf, arith, math, tensor and linalg.
#include "Lowering.h"

#include "Dy2St/Conversion/Passes.h"
#include "Dy2St/Dialect/Pydy/PydyDialect.h"
#include "Dy2St/Dialect/Pydy/TypeRules.h"
#include "Dy2St/Dialect/TensorArray/TensorArrayDialect.h"
#include "Dy2St/Support/RuntimeABI.h"
#include "llvm/ADT/TypeSwitch.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Iterators.h"
#include "mlir/IR/Matchers.h"

#include <limits>
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Transforms/DialectConversion.h"
#include "llvm/ADT/TypeSwitch.h"

namespace mlir::pydy {
#define GEN_PASS_DEF_CONVERTPYDYTOCOREPASS
#include "Dy2St/Conversion/Passes.h.inc"

namespace {

using namespace lowering;

/// Python's int(x) of a float raises where there is no int (NaN,
/// infinities); compiled Python ints have 64 bits, so beyond them it raises
/// too (Python would make a bigger int).
static void checkPythonIntOfFloat(OpBuilder &b, Operation *op, Value x) {
  Location loc = op->getLoc();
  Type type = x.getType();
  Value isNumber = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::ORD, x, x);
  checkAtRunTime(b, op, isNumber, "ValueError", "cannot convert float NaN to integer");
  Value inf = arith::ConstantOp::create(b, loc, b.getFloatAttr(type, INFINITY));
  Value finite = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::ONE,
                                       math::AbsFOp::create(b, loc, x), inf);
  checkAtRunTime(b, op, finite, "OverflowError", "cannot convert float infinity to integer");
  Value bound = arith::ConstantOp::create(b, loc, b.getFloatAttr(type, 0x1p63));
  Value fits = arith::AndIOp::create(
      b, loc,
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGE, x,
                            arith::NegFOp::create(b, loc, bound)),
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, x, bound));
  checkAtRunTime(b, op, fits, "OverflowError",
                 "a Python int beyond 64 bits (compiled code computes Python ints in 64 bits)");
}

struct ConstantLowering : OpConversionPattern<ConstantOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(ConstantOp op, OpAdaptor, ConversionPatternRewriter &rewriter) const override {
    auto typed = dyn_cast<TypedAttr>(op.getValue());
    if (!typed || !isPythonScalar(typed.getType()))
      return rewriter.notifyMatchFailure(op, "not a number");
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(op, typed);
    return success();
  }
};

struct UndefLowering : OpConversionPattern<UndefOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(UndefOp op, OpAdaptor, ConversionPatternRewriter &rewriter) const override {
    Type type = op.getType();
    if (!isa<RankedTensorType, tensor_array::ArrayType>(type) && !isPythonScalar(type))
      return op.emitError() << "a variable holding " << withArticle(type)
                            << " across branches or loops is not supported by dy2st yet";
    rewriter.replaceOp(op, zeroOf(rewriter, op.getLoc(), type));
    return success();
  }
};

struct BinaryLowering : OpConversionPattern<BinaryOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(BinaryOp op, OpAdaptor adaptor, ConversionPatternRewriter &rewriter) const override {
    std::string error;
    auto sig = binarySignature(op.getKind(), op.getLhs().getType(), op.getRhs().getType(), error);
    if (failed(sig))
      return op.emitError(error);
    Location loc = op.getLoc();
    if (op.getKind() == BinaryKind::matmul) {
      auto call = LibCallOp::create(rewriter, loc, op.getType(), "matmul",
                                    ValueRange{adaptor.getLhs(), adaptor.getRhs()},
                                    rewriter.getStrArrayAttr({"x", "y"}), rewriter.getDictionaryAttr({}));
      FailureOr<Value> v = lowerLibCall(rewriter, call, {adaptor.getLhs(), adaptor.getRhs()});
      rewriter.eraseOp(call);
      if (failed(v))
        return failure();
      rewriter.replaceOp(op, *v);
      return success();
    }
    BinaryKind kind = op.getKind();
    bool divides = kind == BinaryKind::div || kind == BinaryKind::floordiv ||
                   kind == BinaryKind::mod;
    if (divides && !isa<RankedTensorType>(op.getType())) {
      // Python raises on a zero divisor (numpy's tensors give 0 or inf instead).
      Value divisor = convertElement(rewriter, loc, adaptor.getRhs(), sig->compute);
      Value zero = zeroOf(rewriter, loc, sig->compute);
      Value nonZero = isa<FloatType>(sig->compute)
                          ? Value(arith::CmpFOp::create(rewriter, loc, arith::CmpFPredicate::UNE,
                                                        divisor, zero))
                          : Value(arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::ne,
                                                        divisor, zero));
      checkAtRunTime(rewriter, op, nonZero, "ZeroDivisionError", "division by zero");
    }
    bool shifts = kind == BinaryKind::lshift || kind == BinaryKind::rshift;
    if (shifts && !isa<RankedTensorType>(op.getType())) {
      // Python raises on a negative count (Paddle's tensors give 0 instead).
      Value count = convertElement(rewriter, loc, adaptor.getRhs(), sig->compute);
      Value nonNegative = arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::sge, count,
                                                zeroOf(rewriter, loc, sig->compute));
      checkAtRunTime(rewriter, op, nonNegative, "ValueError", "negative shift count");
    }
    SmallVector<Value, 2> operands{adaptor.getLhs(), adaptor.getRhs()};
    Value v = computeIf(rewriter, op, broadcastSizesAgree(rewriter, loc, op.getType(), operands),
                        op.getType(), kMismatchedShapes, [&] {
                          return elementwise(rewriter, loc, op.getType(), operands,
                                             [&](OpBuilder &b, Location l, ValueRange e) {
                                               return binaryScalar(b, l, kind, e[0], e[1],
                                                                   sig->compute);
                                             });
                        });
    if (op.getType().isInteger(64)) {
      Value a = convertElement(rewriter, loc, adaptor.getLhs(), sig->compute);
      Value b = convertElement(rewriter, loc, adaptor.getRhs(), sig->compute);
      if (Value fits = pythonIntFits(rewriter, loc, kind, a, b, v))
        checkAtRunTime(rewriter, op, fits, "OverflowError",
                       "a Python int beyond 64 bits (compiled code computes Python ints in "
                       "64 bits)");
    }
    rewriter.replaceOp(op, v);
    return success();
  }

  /// Whether `result`, the 64-bit `a <kind> b` of two Python ints, is exact
  /// (Python's ints do not wrap); null where the kind cannot overflow here.
  static Value pythonIntFits(OpBuilder &b, Location loc, BinaryKind kind, Value x, Value y,
                             Value result) {
    Value zero = arith::ConstantOp::create(b, loc, b.getI64IntegerAttr(0));
    auto nonNegative = [&](Value v) {
      return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, v, zero);
    };
    auto bitxor = [&](Value p, Value q) { return arith::XOrIOp::create(b, loc, p, q); };
    switch (kind) {
    case BinaryKind::add:
      return nonNegative(arith::AndIOp::create(b, loc, bitxor(x, result), bitxor(y, result)));
    case BinaryKind::sub:
      return nonNegative(arith::AndIOp::create(b, loc, bitxor(x, y), bitxor(x, result)));
    case BinaryKind::mul: {
      auto wide = arith::MulSIExtendedOp::create(b, loc, x, y);
      Value sign = arith::ShRSIOp::create(b, loc, wide.getLow(),
                                          arith::ConstantOp::create(b, loc, b.getI64IntegerAttr(63)));
      return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, wide.getHigh(), sign);
    }
    case BinaryKind::floordiv: {
      Value smallest = arith::ConstantOp::create(
          b, loc, b.getI64IntegerAttr(std::numeric_limits<int64_t>::min()));
      Value minusOne = arith::ConstantOp::create(b, loc, b.getI64IntegerAttr(-1));
      Value wraps = arith::AndIOp::create(
          b, loc, arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, x, smallest),
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, y, minusOne));
      return arith::XOrIOp::create(b, loc, wraps,
                                   arith::ConstantOp::create(b, loc, b.getBoolAttr(true)));
    }
    case BinaryKind::lshift: {
      // Exact where shifting the result back gives x (a count past 63
      // gives 0, which comes back as x only for 0).
      Value back = shifted(b, loc, result, y, /*left=*/false, /*arithmetic=*/true);
      return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, back, x);
    }
    case BinaryKind::pow: {
      // |x|^y below 2^63, estimated in float64 (exact away from the bound).
      Value fx = arith::SIToFPOp::create(b, loc, b.getF64Type(), x);
      Value fy = arith::SIToFPOp::create(b, loc, b.getF64Type(), y);
      Value magnitude = math::AbsFOp::create(b, loc, math::PowFOp::create(b, loc, fx, fy));
      return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, magnitude,
                                   arith::ConstantOp::create(b, loc, b.getF64FloatAttr(0x1p63)));
    }
    default:
      return {};
    }
  }
};

struct CompareLowering : OpConversionPattern<CompareOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(CompareOp op, OpAdaptor adaptor, ConversionPatternRewriter &rewriter) const override {
    std::string error;
    auto sig = compareSignature(op.getKind(), op.getLhs().getType(), op.getRhs().getType(), error);
    if (failed(sig))
      return op.emitError(error);
    SmallVector<Value, 2> operands{adaptor.getLhs(), adaptor.getRhs()};
    Location loc = op.getLoc();
    Value v = computeIf(rewriter, op, broadcastSizesAgree(rewriter, loc, op.getType(), operands),
                        op.getType(), kMismatchedShapes, [&] {
                          return elementwise(rewriter, loc, op.getType(), operands,
                                             [&](OpBuilder &b, Location l, ValueRange e) {
                                               return compareScalar(b, l, op.getKind(), e[0],
                                                                    e[1], sig->compute);
                                             });
                        });
    rewriter.replaceOp(op, v);
    return success();
  }
};

struct UnaryLowering : OpConversionPattern<UnaryOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(UnaryOp op, OpAdaptor adaptor, ConversionPatternRewriter &rewriter) const override {
    UnaryKind kind = op.getKind();
    if (kind == UnaryKind::numpy_item)
      return op.emitError("a NumPy item must be specialized before lowering");
    Type resultElem = elementTypeOf(op.getType());
    Location loc = op.getLoc();
    if (kind == UnaryKind::Not) {
      Value truth = truthValue(rewriter, op, adaptor.getOperand());
      Value one = arith::ConstantOp::create(rewriter, loc, rewriter.getBoolAttr(true));
      rewriter.replaceOpWithNewOp<arith::XOrIOp>(op, truth, one);
      return success();
    }
    if (kind == UnaryKind::to_bool) {
      rewriter.replaceOp(op, truthValue(rewriter, op, adaptor.getOperand()));
      return success();
    }
    if (kind == UnaryKind::to_int || kind == UnaryKind::to_float) {
      Value scalar = onlyElement(rewriter, op, adaptor.getOperand(),
                                 kind == UnaryKind::to_int
                                     ? "only one element variable can be converted to int."
                                     : "only one element variable can be converted to float.");
      if (kind == UnaryKind::to_int && isa<FloatType>(scalar.getType()))
        checkPythonIntOfFloat(rewriter, op, scalar);
      rewriter.replaceOp(op, convertElement(rewriter, loc, scalar, op.getType()));
      return success();
    }
    Value v = elementwise(
        rewriter, op.getLoc(), op.getType(), {adaptor.getOperand()},
        [&](OpBuilder &b, Location l, ValueRange e) -> Value {
          Value x = convertElement(b, l, e[0], resultElem);
          switch (kind) {
          case UnaryKind::pos:
          case UnaryKind::promote:
            return x;
          case UnaryKind::neg:
            if (isa<ComplexType>(resultElem))
              return complex::NegOp::create(b, l, x);
            if (isa<FloatType>(resultElem))
              return arith::NegFOp::create(b, l, x);
            return arith::SubIOp::create(
                b, l, arith::ConstantOp::create(b, l, b.getIntegerAttr(resultElem, 0)), x);
          default:
            llvm_unreachable("'not' and the conversions are lowered above");
          case UnaryKind::invert:
            return arith::XOrIOp::create(
                b, l, x, arith::ConstantOp::create(b, l, b.getIntegerAttr(resultElem, -1)));
          }
          llvm_unreachable("unknown unary kind");
        });
    rewriter.replaceOp(op, v);
    return success();
  }
};

struct RaisedLowering : OpConversionPattern<RaisedOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(RaisedOp op, OpAdaptor, ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, raisedAtRunTime(rewriter, op->getParentOfType<ModuleOp>(), op.getLoc()));
    return success();
  }
};

struct CatchLowering : OpConversionPattern<CatchOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(CatchOp op, OpAdaptor,
                                ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, caughtAtRunTime(rewriter, op, op.getKinds()));
    return success();
  }
};

/// `pydy.hold_raised`, `pydy.hold_caught`, `pydy.raise_held`,
/// `pydy.drop_held`, `pydy.held_depth`: the runtime's call of the same name.
template <typename OpTy> struct HeldExceptionLowering : OpConversionPattern<OpTy> {
  HeldExceptionLowering(MLIRContext *ctx, StringRef callee)
      : OpConversionPattern<OpTy>(ctx), callee(callee) {}
  LogicalResult matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, dy2st::callRuntime(rewriter, op, callee, adaptor.getOperands()));
    return success();
  }
  StringRef callee;
};

/// A bare `raise` outside a clause: Python's RuntimeError (at the op's
/// line) where no exception is held, then the one held last recorded again.
struct ReraiseLowering : OpConversionPattern<ReraiseOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(ReraiseOp op, OpAdaptor,
                                ConversionPatternRewriter &rewriter) const override {
    ModuleOp module = op->getParentOfType<ModuleOp>();
    Location loc = op.getLoc();
    Type i64 = rewriter.getI64Type();
    dy2st::declareRuntimeFunction(module, dy2st::kHeldDepth, TypeRange{}, i64);
    Value depth =
        func::CallOp::create(rewriter, loc, dy2st::kHeldDepth, i64, ValueRange{}).getResult(0);
    Value zero = arith::ConstantOp::create(rewriter, loc, rewriter.getI64IntegerAttr(0));
    Value held = arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::ne, depth, zero);
    dy2st::checkAtRunTime(rewriter, op, held, "RuntimeError", dy2st::kNoActiveException);
    dy2st::declareRuntimeFunction(module, dy2st::kReraise, TypeRange{});
    func::CallOp::create(rewriter, loc, dy2st::kReraise, TypeRange{}, ValueRange{});
    rewriter.eraseOp(op);
    return success();
  }
};

struct LibCallLowering : OpConversionPattern<LibCallOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(LibCallOp op, OpAdaptor adaptor, ConversionPatternRewriter &rewriter) const override {
    if (!op.getStaticArgsAttr())
      return op.emitError("library call must be specialized before lowering");
    FailureOr<Value> v = lowerLibCall(rewriter, op, adaptor.getArgs());
    if (failed(v))
      return failure();
    rewriter.replaceOp(op, *v);
    return success();
  }
};

struct LenLowering : OpConversionPattern<LenOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(LenOp op, OpAdaptor adaptor, ConversionPatternRewriter &rewriter) const override {
    if (!isa<RankedTensorType>(adaptor.getValue().getType()))
      return rewriter.notifyMatchFailure(op, "not a tensor");
    Value dim = tensor::DimOp::create(rewriter, op.getLoc(), adaptor.getValue(), 0);
    rewriter.replaceOpWithNewOp<arith::IndexCastOp>(op, rewriter.getI64Type(), dim);
    return success();
  }
};

/// `x[i]` on a tensor: the slice at dim 0, with Python's negative indices.
struct SubscriptLowering : OpConversionPattern<SubscriptOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(SubscriptOp op, OpAdaptor adaptor, ConversionPatternRewriter &rewriter) const override {
    Value tensorValue = adaptor.getValue();
    auto source = dyn_cast<RankedTensorType>(tensorValue.getType());
    if (!source)
      return rewriter.notifyMatchFailure(op, "not a tensor");
    Location loc = op.getLoc();
    Value index = toI64(rewriter, loc, adaptor.getIndex());
    Value dim0 = arith::IndexCastOp::create(rewriter, loc, rewriter.getI64Type(),
                                            tensor::DimOp::create(rewriter, loc, tensorValue, 0));
    Value zero = arith::ConstantOp::create(rewriter, loc, rewriter.getI64IntegerAttr(0));
    Value negative = arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::slt, index, zero);
    Value wrapped = arith::AddIOp::create(rewriter, loc, index, dim0);
    Value normalized = arith::SelectOp::create(rewriter, loc, negative, wrapped, index);
    // Out of range is an IndexError for the caller, and nothing is read.
    Value notBelow = arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::sge, normalized, zero);
    Value below = arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::slt, normalized, dim0);
    Value inRange = arith::AndIOp::create(rewriter, loc, notBelow, below);
    checkAtRunTime(rewriter, op, inRange, "IndexError",
                   {"index ", index, " is out of bounds for axis 0 with size ", dim0});
    Value offset = arith::IndexCastOp::create(rewriter, loc, rewriter.getIndexType(), normalized);
    SmallVector<OpFoldResult> offsets(source.getRank(), rewriter.getIndexAttr(0));
    offsets[0] = offset;
    SmallVector<OpFoldResult> sizes{rewriter.getIndexAttr(1)};
    for (int64_t d = 1; d < source.getRank(); ++d)
      sizes.push_back(source.isDynamicDim(d)
                          ? OpFoldResult(tensor::DimOp::create(rewriter, loc, tensorValue, d).getResult())
                          : OpFoldResult(rewriter.getIndexAttr(source.getDimSize(d))));
    SmallVector<OpFoldResult> strides(source.getRank(), rewriter.getIndexAttr(1));
    auto resultType = cast<RankedTensorType>(op.getType());
    rewriter.replaceOp(op, computeOnlyIf(rewriter, loc, inRange, resultType, [&] {
                         return sliceDropping(rewriter, loc, resultType, tensorValue, offsets,
                                              sizes, strides, {0});
                       }));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Control flow
//===----------------------------------------------------------------------===//

struct IfLowering : OpConversionPattern<IfOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(IfOp op, OpAdaptor adaptor, ConversionPatternRewriter &rewriter) const override {
    Value cond = truthValue(rewriter, op, adaptor.getCondition());
    auto scfIf = scf::IfOp::create(rewriter, op.getLoc(), op.getResultTypes(), cond,
                                   /*addThenBlock=*/false, /*addElseBlock=*/false);
    rewriter.inlineRegionBefore(op.getThenRegion(), scfIf.getThenRegion(), scfIf.getThenRegion().end());
    rewriter.inlineRegionBefore(op.getElseRegion(), scfIf.getElseRegion(), scfIf.getElseRegion().end());
    rewriter.replaceOp(op, scfIf.getResults());
    return success();
  }
};

/// `a and b` / `a or b` with a runtime `a`: `b` runs only in the branch that needs it.
struct LogicalLowering : OpConversionPattern<LogicalOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(LogicalOp op, OpAdaptor adaptor, ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value lhs = adaptor.getLhs();
    Value cond = truthValue(rewriter, op, lhs);
    auto scfIf = scf::IfOp::create(rewriter, loc, TypeRange{op.getType()}, cond, false, false);
    bool isAnd = op.getKind() == LogicalKind::And;
    Region &evaluate = isAnd ? scfIf.getThenRegion() : scfIf.getElseRegion();
    Region &shortCircuit = isAnd ? scfIf.getElseRegion() : scfIf.getThenRegion();
    rewriter.inlineRegionBefore(op.getRhs(), evaluate, evaluate.end());
    Block *block = rewriter.createBlock(&shortCircuit);
    rewriter.setInsertionPointToStart(block);
    scf::YieldOp::create(rewriter, loc, lhs);
    rewriter.replaceOp(op, scfIf.getResults());
    return success();
  }
};

struct WhileLowering : OpConversionPattern<WhileOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(WhileOp op, OpAdaptor adaptor, ConversionPatternRewriter &rewriter) const override {
    auto noBody = [](OpBuilder &, Location, ValueRange) {};
    auto loop = scf::WhileOp::create(rewriter, op.getLoc(), op.getResultTypes(), adaptor.getInits(),
                                     noBody, noBody);
    rewriter.mergeBlocks(&op.getBefore().front(), loop.getBeforeBody(), loop.getBeforeArguments());
    rewriter.mergeBlocks(&op.getAfter().front(), loop.getAfterBody(), loop.getAfterArguments());
    rewriter.replaceOp(op, loop.getResults());
    return success();
  }
};

struct ConditionLowering : OpConversionPattern<ConditionOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(ConditionOp op, OpAdaptor adaptor, ConversionPatternRewriter &rewriter) const override {
    Value cond = truthValue(rewriter, op, adaptor.getCondition());
    rewriter.replaceOpWithNewOp<scf::ConditionOp>(op, cond, adaptor.getArgs());
    return success();
  }
};

/// A constant positive step gives `scf.for`; any other step a `scf.while`
/// that tests `i < stop` or `i > stop` by the sign of the step, as Python's
/// `range` does.
struct ForRangeLowering : OpConversionPattern<ForRangeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(ForRangeOp op, OpAdaptor adaptor, ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value start = toI64(rewriter, loc, adaptor.getStart());
    Value stop = toI64(rewriter, loc, adaptor.getStop());
    Value step = toI64(rewriter, loc, adaptor.getStep());
    Block *body = &op.getBody().front();
    APInt stepValue;
    if (matchPattern(step, m_ConstantInt(&stepValue)) && stepValue.isStrictlyPositive()) {
      auto toIndex = [&](Value v) {
        return arith::IndexCastOp::create(rewriter, loc, rewriter.getIndexType(), v);
      };
      Value lower = toIndex(start), upper = toIndex(stop), stride = toIndex(step);
      auto loop = scf::ForOp::create(rewriter, loc, lower, upper, stride, adaptor.getInits());
      Block *newBody = loop.getBody();
      if (!newBody->empty())
        rewriter.eraseOp(newBody->getTerminator());
      rewriter.setInsertionPointToStart(newBody);
      SmallVector<Value> args{arith::IndexCastOp::create(rewriter, loc, rewriter.getI64Type(),
                                                         loop.getInductionVar())};
      llvm::append_range(args, loop.getRegionIterArgs());
      rewriter.mergeBlocks(body, newBody, args);
      rewriter.replaceOp(op, loop.getResults());
      return success();
    }
    SmallVector<Value> inits{start};
    llvm::append_range(inits, adaptor.getInits());
    SmallVector<Type> types{rewriter.getI64Type()};
    llvm::append_range(types, op.getResultTypes());
    auto noBody = [](OpBuilder &, Location, ValueRange) {};
    auto loop = scf::WhileOp::create(rewriter, loc, types, inits, noBody, noBody);
    {
      OpBuilder::InsertionGuard guard(rewriter);
      rewriter.setInsertionPointToStart(loop.getBeforeBody());
      Value i = loop.getBeforeArguments()[0];
      Value zero = arith::ConstantOp::create(rewriter, loc, rewriter.getI64IntegerAttr(0));
      Value up = arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::sgt, step, zero);
      Value below = arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::slt, i, stop);
      Value above = arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::sgt, i, stop);
      Value more = arith::SelectOp::create(rewriter, loc, up, below, above);
      scf::ConditionOp::create(rewriter, loc, more, loop.getBeforeArguments());
    }
    Block *after = loop.getAfterBody();
    auto yield = cast<YieldOp>(body->getTerminator());
    rewriter.mergeBlocks(body, after, loop.getAfterArguments());
    rewriter.setInsertionPoint(yield);
    Value next = arith::AddIOp::create(rewriter, loc, loop.getAfterArguments()[0], step);
    SmallVector<Value> yielded{next};
    llvm::append_range(yielded, yield.getValues());
    rewriter.replaceOpWithNewOp<scf::YieldOp>(yield, yielded);
    rewriter.replaceOp(op, loop.getResults().drop_front());
    return success();
  }
};

/// A call of `callee` (a recursive function: calls left after inlining are)
/// giving `results`. Past the runtime's depth limit a call raises
/// RecursionError (as Python does) and gives zero values instead of
/// overflowing the native stack.
static SmallVector<Value> guardedCall(OpBuilder &b, CallOp op, TypeRange results,
                                      ValueRange args) {
  Location loc = op.getLoc();
  ModuleOp module = op->getParentOfType<ModuleOp>();
  Type i1 = b.getI1Type();
  declareRuntimeFunction(module, dy2st::kEnterCall, {}, i1);
  declareRuntimeFunction(module, dy2st::kLeaveCall, {});
  Value deepEnough = func::CallOp::create(b, loc, dy2st::kEnterCall, i1, ValueRange{}).getResult(0);
  auto guarded = scf::IfOp::create(b, loc, results, deepEnough, true);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(&guarded.getThenRegion().front());
  auto call = func::CallOp::create(b, loc, op.getCallee(), results, args);
  func::CallOp::create(b, loc, dy2st::kLeaveCall, TypeRange{}, ValueRange{});
  scf::YieldOp::create(b, loc, call.getResults());
  b.setInsertionPointToStart(&guarded.getElseRegion().front());
  raiseAtRunTime(b, op, "RecursionError", "maximum recursion depth exceeded");
  SmallVector<Value> zeros = llvm::map_to_vector(results, [&](Type t) { return zeroOf(b, loc, t); });
  scf::YieldOp::create(b, loc, zeros);
  return SmallVector<Value>(guarded.getResults());
}

struct CallLowering : OpConversionPattern<CallOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(CallOp op, OpAdaptor adaptor, ConversionPatternRewriter &rewriter) const override {
    Type result = op.getType();
    if (isa<PyNoneType>(result) || isa<ObjectType>(result))
      return rewriter.notifyMatchFailure(op, "no value");
    rewriter.replaceOp(op, guardedCall(rewriter, op, TypeRange{result}, adaptor.getArgs()));
    return success();
  }
};

/// The leaf types of a nested tuple or list type, depth first (the order in
/// which flattenReturn returns the leaves).
static void leafTypes(Type type, SmallVectorImpl<Type> &leaves) {
  if (!isa<TupleType, ListType>(type)) {
    leaves.push_back(type);
    return;
  }
  ArrayRef<Type> items = *sequenceElementTypes(type);
  for (Type t : items)
    leafTypes(t, leaves);
}

/// `type`'s tuples and lists made again from `leaves` (from `at` on).
static Value rebuildFromLeaves(OpBuilder &b, Location loc, Type type, ArrayRef<Value> leaves,
                               size_t &at, SmallVectorImpl<Operation *> &made) {
  if (!isa<TupleType, ListType>(type))
    return leaves[at++];
  ArrayRef<Type> types = *sequenceElementTypes(type);
  SmallVector<Value> items;
  for (Type t : types)
    items.push_back(rebuildFromLeaves(b, loc, t, leaves, at, made));
  Operation *display = isa<TupleType>(type) ? TupleOp::create(b, loc, type, items).getOperation()
                                            : ListOp::create(b, loc, type, items).getOperation();
  made.push_back(display);
  return display->getResult(0);
}

/// A recursive call returning a tuple or list (nested ones too): its
/// function returns the leaves (see flattenReturn), so the call gives them
/// as results, and the users that take items of the tuples and lists made
/// again from them (subscripts, unpacking) take them directly; a return of
/// one returns its leaves.
static LogicalResult expandTupleCalls(ModuleOp module) {
  SmallVector<CallOp> calls;
  module.walk([&](CallOp call) {
    if (isa<TupleType, ListType>(call.getType()))
      calls.push_back(call);
  });
  for (CallOp call : calls) {
    Type type = call.getType();
    if (!isNestedValues(type))
      return call.emitError() << "a recursive function returning " << withArticle(type)
                              << " is not supported by dy2st yet (tuples and lists of "
                                 "tensors and numbers are)";
    OpBuilder b(call);
    SmallVector<Type> types;
    leafTypes(type, types);
    SmallVector<Value> leaves = guardedCall(b, call, types, call.getArgs());
    SmallVector<Operation *> made;
    size_t at = 0;
    Value whole = rebuildFromLeaves(b, call.getLoc(), type, leaves, at, made);
    call.getResult().replaceAllUsesWith(whole);
    call.erase();
    // Outermost first: the items an unpacking or subscript takes are the
    // inner displays, whose own users are taken next.
    for (Operation *display : llvm::reverse(made)) {
      ValueRange items = display->getOperands();
      for (Operation *user : llvm::make_early_inc_range(display->getResult(0).getUsers())) {
        if (auto unpack = dyn_cast<UnpackOp>(user)) {
          unpack->replaceAllUsesWith(items);
          unpack->erase();
        } else if (auto sub = dyn_cast<SubscriptOp>(user)) {
          IntegerAttr index;
          if (!matchPattern(sub.getIndex(), m_Constant(&index)))
            return sub.emitError("an item of a tuple or list a recursive function returns "
                                 "must be read at an index known when compiling");
          int64_t size = items.size();
          int64_t i = index.getInt() < 0 ? index.getInt() + size : index.getInt();
          if (i < 0 || i >= size)
            return sub.emitError()
                   << "index " << index.getInt() << " out of range for " << size << " items";
          sub.getResult().replaceAllUsesWith(items[i]);
          sub->erase();
        }
      }
    }
  }
  return success();
}

struct YieldLowering : OpConversionPattern<YieldOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(YieldOp op, OpAdaptor adaptor, ConversionPatternRewriter &rewriter) const override {
    if (!isa<scf::IfOp, scf::ForOp, scf::WhileOp>(op->getParentOp()))
      return rewriter.notifyMatchFailure(op, "parent not lowered yet");
    rewriter.replaceOpWithNewOp<scf::YieldOp>(op, adaptor.getValues());
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Functions
//===----------------------------------------------------------------------===//

/// The leaves of a returned value: tuples are flattened, None returns
/// nothing, nor does a constant string of the entry (its caller gets it in
/// `texts`; a string chosen at run time returns its index, and `texts` gets
/// the table), a value that may be None returns its flag and its value.
static void flattenReturn(OpBuilder &b, Value v, SmallVectorImpl<Value> &leaves,
                          SmallVectorImpl<Attribute> *texts, const RuntimeTexts &chosen) {
  if (isa<PyNoneType>(v.getType()))
    return;
  if (auto constant = v.getDefiningOp<ConstantOp>(); texts && constant && isa<StrType>(v.getType())) {
    texts->push_back(constant.getValue());
    return;
  }
  if (texts && chosen.indices.contains(v)) {
    texts->push_back(chosen.table);
    leaves.push_back(v);
    return;
  }
  if (auto optional = v.getDefiningOp<OptionalOp>()) {
    leaves.push_back(optional.getPresent());
    leaves.push_back(optional.getValue());
    return;
  }
  if (Operation *def = v.getDefiningOp(); def && isa<TupleOp, ListOp>(def)) {
    for (Value e : def->getOperands())
      flattenReturn(b, e, leaves, texts, chosen);
    return;
  }
  if (auto dict = v.getDefiningOp<DictOp>()) {
    for (Value e : dict.getValues())
      flattenReturn(b, e, leaves, texts, chosen);
    return;
  }
  if (auto dict = v.getDefiningOp<RuntimeDictOp>()) {
    leaves.push_back(dict.getKeys());
    leaves.push_back(dict.getValues());
    return;
  }
  if (auto set = v.getDefiningOp<RuntimeSetOp>()) {
    leaves.push_back(set.getItems());
    return;
  }
  if (auto constant = v.getDefiningOp<ConstantOp>())
    if (auto array = dyn_cast<ArrayAttr>(constant.getValue())) {
      for (Attribute e : array)
        flattenReturn(b, ConstantOp::create(b, constant.getLoc(), e), leaves, texts, chosen);
      return;
    }
  leaves.push_back(v);
}

/// pydy.func → func.func with the C interface the JIT calls.
static LogicalResult convertFunction(FuncOp func, const RuntimeTexts &chosen) {
  for (Type t : func.getArgumentTypes())
    if (isa<ObjectType>(t))
      return func.emitError() << "function '" << func.getSymName()
                              << "' must be specialized before lowering";
  Block &body = func.getBody().front();
  auto ret = cast<ReturnOp>(body.back());
  OpBuilder b(ret);
  SmallVector<Value> results;
  SmallVector<Attribute> texts;
  if (ret.getValue())
    flattenReturn(b, ret.getValue(), results, func.isPrivate() ? nullptr : &texts, chosen);
  for (Value v : results)
    if (isa<StrType>(v.getType()))
      return ret.emitError("a string made at run time (an f-string of a tensor) cannot be a "
                           "result of compiled code (a string known when the function is "
                           "compiled, or chosen among such strings at run time, can)");
  // The caller of the entry gets an array's items stacked (and splits them).
  if (!func.isPrivate())
    for (Value &v : results)
      if (auto array = dyn_cast<tensor_array::ArrayType>(v.getType()))
        v = tensor_array::StackOp::create(b, ret.getLoc(), array.getStackedType(), v);
  func::ReturnOp::create(b, ret.getLoc(), results);
  ret.erase();

  // A None or string argument of the entry was compiled for its value; the
  // caller passes a placeholder bool in its place.
  if (!func.isPrivate())
    for (BlockArgument arg : body.getArguments())
      if (isa<PyNoneType, StrType>(arg.getType()) && arg.use_empty())
        arg.setType(b.getI1Type());
  b.setInsertionPoint(func);
  auto type = b.getFunctionType(body.getArgumentTypes(), ValueRange(results).getTypes());
  auto newFunc = func::FuncOp::create(b, func.getLoc(), func.getSymName(), type);
  newFunc.getBody().takeBody(func.getBody());
  // Specialized copies of recursive functions are internal; the entry is
  // called through its C interface.
  if (func.isPrivate()) {
    newFunc.setPrivate();
  } else {
    newFunc->setAttr(LLVM::LLVMDialect::getEmitCWrapperAttrName(), b.getUnitAttr());
    if (!texts.empty())
      newFunc->setAttr(dy2st::kResultTextsAttr, b.getArrayAttr(texts));
    // The caller's tensors are read-only: an in-place update (an item
    // assignment, a scan) of an argument works on a copy.
    for (unsigned i = 0; i < newFunc.getNumArguments(); ++i)
      if (isa<TensorType>(newFunc.getArgument(i).getType()))
        newFunc.setArgAttr(i, "bufferization.writable", b.getBoolAttr(false));
  }
  func.erase();
  return success();
}

//===----------------------------------------------------------------------===//
// print
//===----------------------------------------------------------------------===//

static constexpr llvm::StringLiteral kExceptionUses =
    "an exception object (`except ... as e`) can be printed, formatted into a message or "
    "logged, and re-raised, in compiled code; not kept or chosen at run time";

/// The values of a print or a raise message as runtime calls, one per item
/// (and one for each item's format), in order.
static LogicalResult pushPrintItems(OpBuilder &b, Operation *op, ValueRange values,
                                    ArrayAttr formats, const RuntimeTexts &chosen) {
  ModuleOp module = op->getParentOfType<ModuleOp>();
  Location loc = op->getLoc();
  auto call = [&](StringRef name, ValueRange args) {
    declareRuntimeFunction(module, name, args.getTypes());
    func::CallOp::create(b, loc, name, TypeRange{}, args);
  };
  for (auto [i, v] : llvm::enumerate(values)) {
    Type type = v.getType();
    // A dict given keys at run time: its keys, then its values, stacked,
    // printed as the Python dict of them.
    auto dict = v.getDefiningOp<RuntimeDictOp>();
    if (dict) {
      auto keys = cast<tensor_array::ArrayType>(dict.getKeys().getType());
      Value stacked = tensor_array::StackOp::create(b, loc, keys.getStackedType(), dict.getKeys(),
                                                    b.getI64IntegerAttr(0), StringAttr());
      call((dy2st::kPrintTensorPrefix + "i64").str(),
           Value(tensor::CastOp::create(b, loc, UnrankedTensorType::get(b.getI64Type()),
                                        stacked)));
      v = dict.getValues();
      type = v.getType();
    } else if (isa<RuntimeDictType>(type)) {
      return op->emitError("a dict given keys at run time must be carried as its arrays (run "
                           "pydy-expand-tuples first)");
    }
    // A list whose length is known only at run time: its items stacked,
    // printed as the Python list of them.
    auto array = dyn_cast<tensor_array::ArrayType>(type);
    if (array) {
      v = tensor_array::StackOp::create(b, loc, array.getStackedType(), v, b.getI64IntegerAttr(0),
                                        StringAttr());
      type = v.getType();
    }
    if (auto tensor = dyn_cast<RankedTensorType>(type)) {
      Type elem = tensor.getElementType();
      if (isa<ComplexType>(elem))
        return op->emitError("printing a complex tensor in compiled code is not supported (its "
                             "parts, real(x) and imag(x), print)");
      std::string suffix = elem.isInteger(1)    ? "i1"
                           : elem.isInteger(32) ? "i32"
                           : elem.isInteger(64) ? "i64"
                           : elem.isF32()       ? "f32"
                                                : "f64";
      Value unranked = tensor::CastOp::create(b, loc, UnrankedTensorType::get(elem), v);
      call((dy2st::kPrintTensorPrefix + suffix).str(), unranked);
      if (array)
        call(dict ? dy2st::kPrintAsDict : dy2st::kPrintAsList,
             Value(arith::ConstantOp::create(b, loc, b.getI64IntegerAttr(!array.holdsScalars()))));
    } else if (isa<ExceptionType>(type)) {
      auto caught = v.getDefiningOp<CaughtExceptionOp>();
      if (!caught)
        return op->emitError(kExceptionUses);
      call(dy2st::kPrintException, caught.getDepth());
    } else if (chosen.indices.contains(v)) {
      call(dy2st::kPrintStr, textPointer(b, loc, chosen, v));
    } else if (type.isInteger(64)) {
      call(dy2st::kPrintI64, v);
    } else if (type.isF64()) {
      call(dy2st::kPrintF64, v);
    } else if (type.isInteger(1)) {
      call(dy2st::kPrintBool, Value(arith::ExtUIOp::create(b, loc, b.getI64Type(), v)));
    } else {
      auto constant = v.getDefiningOp<ConstantOp>();
      if (!constant)
        return op->emitError() << "cannot print " << withArticle(type) << " from compiled code";
      if (auto text = dyn_cast<StringAttr>(constant.getValue()))
        call(dy2st::kPrintStr, stringPointer(b, module, loc, text.getValue()));
      else
        call(dy2st::kPrintNone, {});
    }
    StringRef format = formats.empty() ? "" : cast<StringAttr>(formats[i]).getValue();
    if (!format.empty())
      call(dy2st::kPrintFormat, stringPointer(b, module, loc, format));
  }
  return success();
}

/// `print(a, b)` as runtime calls: one per item, then the separator and end
/// (or, for a logging call, the logger and level).
static LogicalResult lowerPrint(PrintOp op, const RuntimeTexts &chosen) {
  ModuleOp module = op->getParentOfType<ModuleOp>();
  OpBuilder b(op);
  Location loc = op.getLoc();
  if (failed(pushPrintItems(b, op, op.getValues(), op.getFormats(), chosen)))
    return failure();
  SmallVector<Value> args{stringPointer(b, module, loc, op.getSep())};
  StringRef callee = dy2st::kPrintEnd;
  if (op.getLogger()) {
    callee = dy2st::kLogEnd;
    args.push_back(stringPointer(b, module, loc, *op.getLogger()));
    args.push_back(arith::ConstantOp::create(b, loc, b.getI64IntegerAttr(*op.getLevel())));
    args.push_back(stringPointer(b, module, loc, op.getRecord().value_or("{}")));
  } else {
    args.push_back(stringPointer(b, module, loc, op.getEnd()));
  }
  declareRuntimeFunction(module, callee, ValueRange(args).getTypes());
  func::CallOp::create(b, loc, callee, TypeRange{}, args);
  op.erase();
  return success();
}

/// A not_to_static call: its values pushed as print items, then handed to
/// the registered Python callable.
static LogicalResult lowerPyCallback(PyCallbackOp op, const RuntimeTexts &chosen) {
  ModuleOp module = op->getParentOfType<ModuleOp>();
  OpBuilder b(op);
  if (failed(pushPrintItems(b, op, op.getValues(), b.getArrayAttr({}), chosen)))
    return failure();
  Value key = stringPointer(b, module, op.getLoc(), op.getCallback());
  declareRuntimeFunction(module, dy2st::kPyCallback, key.getType());
  func::CallOp::create(b, op.getLoc(), dy2st::kPyCallback, TypeRange{}, key);
  op.erase();
  return success();
}

/// `raise Kind(message)`, the message's run-time part pushed as print items.
static LogicalResult lowerRaise(RaiseOp op, const RuntimeTexts &chosen) {
  OpBuilder b(op);
  if (failed(pushPrintItems(b, op, op.getValues(), op.getFormats(), chosen)))
    return failure();
  raiseAtRunTime(b, op, op.getKind(), op.getMessage(), !op.getValues().empty());
  op.erase();
  return success();
}

/// Values that may be None, carried as a flag and a value since
/// pydy-expand-tuples: a use reads the value, testing the flag at run time (a
/// TypeError where it is None, as eagerly).
static LogicalResult lowerOptionals(ModuleOp module) {
  SmallVector<Operation *> uses;
  module.walk([&](Operation *op) {
    if (isa<IsPresentOp, OptionalValueOp>(op))
      uses.push_back(op);
  });
  for (Operation *op : uses) {
    auto made = op->getOperand(0).getDefiningOp<OptionalOp>();
    if (!made)
      return op->emitError("a value that may be None must be carried as a flag and a value "
                           "(run pydy-expand-tuples first)");
    if (isa<IsPresentOp>(op)) {
      op->getResult(0).replaceAllUsesWith(made.getPresent());
    } else {
      if (!cast<OptionalValueOp>(op).getUnchecked()) {
        OpBuilder b(op);
        checkAtRunTime(b, op, made.getPresent(), "TypeError",
                       "a variable that is None here is used as a value");
      }
      op->getResult(0).replaceAllUsesWith(made.getValue());
    }
    op->erase();
  }
  return success();
}

/// The dimensions of a tensor as i64 values (`tensor.dim` for dynamic ones).
static SmallVector<Value> dimensionsOf(OpBuilder &b, Location loc, Value tensorValue) {
  auto tensor = cast<RankedTensorType>(tensorValue.getType());
  SmallVector<Value> dims;
  for (int64_t d = 0; d < tensor.getRank(); ++d) {
    if (!tensor.isDynamicDim(d)) {
      dims.push_back(arith::ConstantOp::create(b, loc, b.getI64IntegerAttr(tensor.getDimSize(d))));
      continue;
    }
    Value dim = tensor::DimOp::create(b, loc, tensorValue, d);
    dims.push_back(arith::IndexCastOp::create(b, loc, b.getI64Type(), dim));
  }
  return dims;
}

/// `x.size` of a tensor with dynamic dimensions: the product of its
/// dimensions, read at run time.
static void expandSizes(ModuleOp module) {
  SmallVector<AttrOp> sizes;
  module.walk([&](AttrOp op) {
    if (op.getName() == "size" && isa<RankedTensorType>(op.getValue().getType()))
      sizes.push_back(op);
  });
  for (AttrOp op : sizes) {
    OpBuilder b(op);
    Location loc = op.getLoc();
    Value size = arith::ConstantOp::create(b, loc, b.getI64IntegerAttr(1));
    for (Value dim : dimensionsOf(b, loc, op.getValue()))
      size = arith::MulIOp::create(b, loc, size, dim);
    op.getResult().replaceAllUsesWith(size);
    op.erase();
  }
}

/// `x.shape` of a tensor with dynamic dimensions: a list of its dimensions,
/// which `tensor.dim` reads at run time; a constant subscript takes one, an
/// unpacking (`a, b = x.shape`) all.
static void expandShapes(ModuleOp module) {
  SmallVector<AttrOp> shapes;
  module.walk([&](AttrOp op) {
    if (op.getName() == "shape" && isa<RankedTensorType>(op.getValue().getType()))
      shapes.push_back(op);
  });
  for (AttrOp op : shapes) {
    OpBuilder b(op);
    Location loc = op.getLoc();
    auto tensor = cast<RankedTensorType>(op.getValue().getType());
    SmallVector<Value> dims = dimensionsOf(b, loc, op.getValue());
    auto list = ListOp::create(b, loc, op.getType(), dims);
    op.getResult().replaceAllUsesWith(list);
    op.erase();
    for (Operation *user : llvm::make_early_inc_range(list->getUsers())) {
      if (auto unpack = dyn_cast<UnpackOp>(user);
          unpack && unpack.getNumResults() == dims.size()) {
        unpack->replaceAllUsesWith(dims);
        unpack->erase();
        continue;
      }
      auto sub = dyn_cast<SubscriptOp>(user);
      APInt index;
      if (!sub || !matchPattern(sub.getIndex(), m_ConstantInt(&index)))
        continue;
      int64_t i = index.getSExtValue();
      if (i < 0)
        i += tensor.getRank();
      if (i < 0 || i >= tensor.getRank())
        continue;
      sub.getResult().replaceAllUsesWith(dims[i]);
      sub.erase();
    }
  }
}

struct ConvertPydyToCorePass : impl::ConvertPydyToCorePassBase<ConvertPydyToCorePass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    expandShapes(module);
    expandSizes(module);
    if (failed(lowerOptionals(module)))
      return signalPassFailure();
    if (failed(expandTupleCalls(module)))
      return signalPassFailure();
    FailureOr<RuntimeTexts> chosen = indexRuntimeTexts(module);
    if (failed(chosen))
      return signalPassFailure();
    for (FuncOp func : llvm::make_early_inc_range(module.getOps<FuncOp>()))
      if (failed(convertFunction(func, *chosen)))
        return signalPassFailure();
    SmallVector<Operation *> texts;
    module.walk([&](Operation *op) {
      if (isa<PrintOp, RaiseOp, PyCallbackOp>(op))
        texts.push_back(op);
    });
    for (Operation *op : texts) {
      LogicalResult lowered = llvm::TypeSwitch<Operation *, LogicalResult>(op)
                                  .Case([&](PrintOp print) { return lowerPrint(print, *chosen); })
                                  .Case([&](RaiseOp raise) { return lowerRaise(raise, *chosen); })
                                  .Case([&](PyCallbackOp call) {
                                    return lowerPyCallback(call, *chosen);
                                  });
      if (failed(lowered))
        return signalPassFailure();
    }
    // Tuples (and compile-time values) that only fed returns are dead now.
    bool erased = true;
    while (erased) {
      erased = false;
      module.walk<WalkOrder::PostOrder, ReverseIterator>([&](Operation *op) {
        if (isa<PydyDialect>(op->getDialect()) && isOpTriviallyDead(op)) {
          op->erase();
          erased = true;
        }
      });
    }

    WalkResult kept = module.walk([](CaughtExceptionOp op) {
      op.emitError(kExceptionUses);
      return WalkResult::interrupt();
    });
    if (kept.wasInterrupted())
      return signalPassFailure();

    ConversionTarget target(getContext());
    target.addLegalDialect<arith::ArithDialect, bufferization::BufferizationDialect,
                           func::FuncDialect, memref::MemRefDialect, scf::SCFDialect,
                           math::MathDialect, complex::ComplexDialect, tensor::TensorDialect,
                           linalg::LinalgDialect, LLVM::LLVMDialect,
                           tensor_array::TensorArrayDialect>();
    target.addIllegalDialect<PydyDialect>();
    RewritePatternSet patterns(&getContext());
    patterns.add<ConstantLowering, UndefLowering, BinaryLowering, CompareLowering, UnaryLowering,
                 LibCallLowering, LenLowering, SubscriptLowering, IfLowering, LogicalLowering,
                 WhileLowering, ConditionLowering, ForRangeLowering, CallLowering, YieldLowering,
                 RaisedLowering, CatchLowering, ReraiseLowering>(&getContext());
    patterns.add<HeldExceptionLowering<HoldRaisedOp>>(&getContext(), dy2st::kHoldRaised);
    patterns.add<HeldExceptionLowering<HoldCaughtOp>>(&getContext(), dy2st::kHoldCaught);
    patterns.add<HeldExceptionLowering<RaiseHeldOp>>(&getContext(), dy2st::kRaiseHeld);
    patterns.add<HeldExceptionLowering<DropHeldOp>>(&getContext(), dy2st::kDropHeld);
    patterns.add<HeldExceptionLowering<HeldDepthOp>>(&getContext(), dy2st::kHeldDepth);
    if (failed(applyPartialConversion(module, target, std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
} // namespace mlir::pydy
