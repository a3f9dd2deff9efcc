// Tensors of one element as scalars: loop-carried values and the linalg ops
// that compute them. A loop on a one-element tensor then runs in registers
// instead of allocating, copying and freeing a buffer per iteration.
#include "Dy2St/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace dy2st {
#define GEN_PASS_DEF_SCALARIZEUNITTENSORSPASS
#include "Dy2St/Transforms/Passes.h.inc"

namespace {
using namespace mlir;

/// A tensor of static shape with one element (tensor<f32>, tensor<1x1xi64>).
RankedTensorType unitTensor(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  return tensor && tensor.hasStaticShape() && tensor.getNumElements() == 1 ? tensor
                                                                           : RankedTensorType();
}

Value element(OpBuilder &b, Location loc, Value tensor) {
  int64_t rank = cast<RankedTensorType>(tensor.getType()).getRank();
  SmallVector<Value> zeros(rank, arith::ConstantIndexOp::create(b, loc, 0));
  return tensor::ExtractOp::create(b, loc, tensor, zeros);
}

/// Makes `value` (a block argument or an op result of one-element tensor
/// type) a scalar, its former uses reading a tensor rebuilt from it.
void makeScalar(OpBuilder &b, Value value, RankedTensorType type) {
  value.setType(type.getElementType());
  if (auto arg = dyn_cast<BlockArgument>(value))
    b.setInsertionPointToStart(arg.getOwner());
  else
    b.setInsertionPointAfter(value.getDefiningOp());
  auto rebuilt = tensor::FromElementsOp::create(b, value.getLoc(), type, ValueRange{value});
  value.replaceAllUsesExcept(rebuilt, rebuilt);
}

/// Operand `operand` (flowing into a value made scalar) as its element.
void passElement(OpBuilder &b, OpOperand &operand) {
  b.setInsertionPoint(operand.getOwner());
  operand.set(element(b, operand.getOwner()->getLoc(), operand.get()));
}

void scalarizeFor(scf::ForOp loop) {
  OpBuilder b(loop);
  auto yield = cast<scf::YieldOp>(loop.getBody()->getTerminator());
  for (auto [i, arg] : llvm::enumerate(loop.getRegionIterArgs())) {
    RankedTensorType type = unitTensor(arg.getType());
    if (!type)
      continue;
    passElement(b, loop.getInitArgsMutable()[i]);
    passElement(b, yield->getOpOperand(i));
    makeScalar(b, arg, type);
    makeScalar(b, loop.getResult(i), type);
  }
}

void scalarizeWhile(scf::WhileOp loop) {
  OpBuilder b(loop);
  // Values carried into `before` (inits, after's yield) ...
  auto yield = cast<scf::YieldOp>(loop.getAfterBody()->getTerminator());
  for (auto [i, arg] : llvm::enumerate(loop.getBeforeArguments())) {
    RankedTensorType type = unitTensor(arg.getType());
    if (!type)
      continue;
    passElement(b, loop.getInitsMutable()[i]);
    passElement(b, yield->getOpOperand(i));
    makeScalar(b, arg, type);
  }
  // ... and from the condition into `after` and the results.
  scf::ConditionOp condition = loop.getConditionOp();
  for (auto [i, arg] : llvm::enumerate(loop.getAfterArguments())) {
    RankedTensorType type = unitTensor(arg.getType());
    if (!type)
      continue;
    passElement(b, condition.getArgsMutable()[i]);
    makeScalar(b, arg, type);
    makeScalar(b, loop.getResult(i), type);
  }
}

/// A linalg.generic over one-element tensors runs its body once: on the
/// elements, its results rebuilt from the body's yield.
struct ScalarizeGeneric : OpRewritePattern<linalg::GenericOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(linalg::GenericOp op, PatternRewriter &rewriter) const override {
    if (!op.hasPureTensorSemantics() || op.getNumResults() == 0)
      return failure();
    for (Value operand : op->getOperands())
      if (isa<ShapedType>(operand.getType()) && !unitTensor(operand.getType()))
        return failure();
    Location loc = op.getLoc();
    IRMapping map;
    for (auto [arg, operand] : llvm::zip(op.getBody()->getArguments(), op->getOperands()))
      map.map(arg, isa<ShapedType>(operand.getType()) ? element(rewriter, loc, operand) : operand);
    for (Operation &inner : op.getBody()->without_terminator()) {
      if (auto index = dyn_cast<linalg::IndexOp>(inner))
        map.map(index.getResult(), arith::ConstantIndexOp::create(rewriter, loc, 0));
      else
        rewriter.clone(inner, map);
    }
    SmallVector<Value> results;
    auto yield = cast<linalg::YieldOp>(op.getBody()->getTerminator());
    for (auto [value, type] : llvm::zip(yield.getValues(), op.getResultTypes()))
      results.push_back(tensor::FromElementsOp::create(rewriter, loc, type,
                                                       ValueRange{map.lookupOrDefault(value)}));
    rewriter.replaceOp(op, results);
    return success();
  }
};

/// A fill of a one-element tensor is that element.
struct ScalarizeFill : OpRewritePattern<linalg::FillOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(linalg::FillOp op, PatternRewriter &rewriter) const override {
    if (!op.hasPureTensorSemantics())
      return failure();
    RankedTensorType type = unitTensor(op.getResultTypes().front());
    Value value = op.getInputs().front();
    if (!type || value.getType() != type.getElementType())
      return failure();
    rewriter.replaceOpWithNewOp<tensor::FromElementsOp>(op, type, ValueRange{value});
    return success();
  }
};

struct ScalarizeUnitTensorsPass : impl::ScalarizeUnitTensorsPassBase<ScalarizeUnitTensorsPass> {
  void runOnOperation() override {
    getOperation()->walk([](Operation *op) {
      if (auto loop = dyn_cast<scf::ForOp>(op))
        scalarizeFor(loop);
      else if (auto loop = dyn_cast<scf::WhileOp>(op))
        scalarizeWhile(loop);
    });
    MLIRContext *ctx = &getContext();
    RewritePatternSet patterns(ctx);
    patterns.add<ScalarizeGeneric, ScalarizeFill>(ctx);
    tensor::ExtractOp::getCanonicalizationPatterns(patterns, ctx);
    tensor::FromElementsOp::getCanonicalizationPatterns(patterns, ctx);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
} // namespace dy2st
