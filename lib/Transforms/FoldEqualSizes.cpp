#include "Dy2St/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/DestinationStyleOpInterface.h"

namespace dy2st {
#define GEN_PASS_DEF_FOLDEQUALSIZESPASS
#include "Dy2St/Transforms/Passes.h.inc"

namespace {
using namespace mlir;

/// Where a size comes from: a constant (no value), an index value (dim -1),
/// or the dynamic size `dim` of a tensor whose sizes are not traced further.
struct Size {
  Value source;
  int64_t dim;
  int64_t constant;
  bool operator==(const Size &other) const {
    return source == other.source && dim == other.dim && constant == other.constant;
  }
};

/// The sizes of tensors traced to where they were set: through the tied
/// destination of destination-style ops, `tensor.empty`'s operands, casts,
/// slices' sizes, `tensor.dim`, and an `scf.if` whose branches both yield a
/// tensor of one size. Memoized: each value is traced once.
class SizeSources {
public:
  Size ofIndex(Value v) {
    APInt constant;
    if (matchPattern(v, m_ConstantInt(&constant)))
      return {Value(), -1, constant.getSExtValue()};
    if (auto dim = v.getDefiningOp<tensor::DimOp>())
      if (std::optional<int64_t> index = dim.getConstantIndex())
        return ofDim(dim.getSource(), *index);
    return {v, -1, 0};
  }

  Size ofDim(Value shaped, int64_t dim) {
    auto type = dyn_cast<RankedTensorType>(shaped.getType());
    if (!type || dim < 0 || dim >= type.getRank())
      return {shaped, dim, 0};
    if (!type.isDynamicDim(dim))
      return {Value(), -1, type.getDimSize(dim)};
    auto key = std::make_pair(shaped, dim);
    if (auto known = traced.find(key); known != traced.end())
      return known->second;
    Size size = trace(shaped, dim).value_or(Size{shaped, dim, 0});
    traced[key] = size;
    return size;
  }

private:
  Size ofFoldResult(OpFoldResult size) {
    if (auto attr = dyn_cast<Attribute>(size))
      return {Value(), -1, cast<IntegerAttr>(attr).getInt()};
    return ofIndex(cast<Value>(size));
  }

  std::optional<Size> trace(Value shaped, int64_t dim) {
    Operation *op = shaped.getDefiningOp();
    if (!op)
      return std::nullopt;
    auto result = cast<OpResult>(shaped);
    if (auto empty = dyn_cast<tensor::EmptyOp>(op))
      return ofIndex(empty.getDynamicSize(dim));
    if (auto castOp = dyn_cast<tensor::CastOp>(op))
      return ofDim(castOp.getSource(), dim);
    if (auto slice = dyn_cast<tensor::ExtractSliceOp>(op)) {
      // The result's dimension `dim` among the source's kept ones.
      llvm::SmallBitVector dropped = slice.getDroppedDims();
      SmallVector<OpFoldResult> sizes = slice.getMixedSizes();
      for (int64_t d = 0, kept = 0; d < static_cast<int64_t>(sizes.size()); ++d) {
        if (dropped.test(d))
          continue;
        if (kept++ == dim)
          return ofFoldResult(sizes[d]);
      }
      return std::nullopt;
    }
    if (auto destination = dyn_cast<DestinationStyleOpInterface>(op))
      if (destination.hasPureTensorSemantics())
        return ofDim(destination.getTiedOpOperand(result)->get(), dim);
    if (auto branch = dyn_cast<scf::IfOp>(op)) {
      if (branch.getElseRegion().empty())
        return std::nullopt;
      unsigned i = result.getResultNumber();
      Size then = ofDim(branch.thenYield().getOperand(i), dim);
      // One size from both branches is defined outside them.
      if (then == ofDim(branch.elseYield().getOperand(i), dim))
        return then;
    }
    return std::nullopt;
  }

  DenseMap<std::pair<Value, int64_t>, Size> traced;
};

static bool predicateHoldsForEqual(arith::CmpIPredicate predicate) {
  switch (predicate) {
  case arith::CmpIPredicate::eq:
  case arith::CmpIPredicate::sle:
  case arith::CmpIPredicate::sge:
  case arith::CmpIPredicate::ule:
  case arith::CmpIPredicate::uge:
    return true;
  default:
    return false;
  }
}

struct FoldEqualSizesPass : impl::FoldEqualSizesPassBase<FoldEqualSizesPass> {
  void runOnOperation() override {
    SmallVector<Operation *> extremes, compares;
    getOperation()->walk([&](Operation *op) {
      if (!isa<arith::CmpIOp, arith::MaxSIOp, arith::MinSIOp>(op) ||
          !op->getOperand(0).getType().isIndex())
        return;
      (isa<arith::CmpIOp>(op) ? compares : extremes).push_back(op);
    });
    SizeSources sizes;
    // The larger of two equal sizes first: the tests against it then
    // compare a size with itself.
    for (Operation *op : extremes)
      if (op->getOperand(0) == op->getOperand(1) ||
          sizes.ofIndex(op->getOperand(0)) == sizes.ofIndex(op->getOperand(1))) {
        op->getResult(0).replaceAllUsesWith(op->getOperand(0));
        op->erase();
      }
    for (Operation *op : compares) {
      auto compare = cast<arith::CmpIOp>(op);
      Size lhs = sizes.ofIndex(compare.getLhs()), rhs = sizes.ofIndex(compare.getRhs());
      bool holds;
      if (!lhs.source && !rhs.source)
        holds = arith::applyCmpPredicate(compare.getPredicate(), APInt(64, lhs.constant),
                                         APInt(64, rhs.constant));
      else if (compare.getLhs() == compare.getRhs() || lhs == rhs)
        holds = predicateHoldsForEqual(compare.getPredicate());
      else
        continue;
      OpBuilder builder(op);
      op->getResult(0).replaceAllUsesWith(
          arith::ConstantIntOp::create(builder, op->getLoc(), builder.getI1Type(), holds)
              .getResult());
      op->erase();
    }
  }
};

} // namespace
} // namespace dy2st
