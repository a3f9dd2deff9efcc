#include "Dy2St/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/ValueBoundsOpInterface.h"

namespace dy2st {
#define GEN_PASS_DEF_FOLDEQUALSIZESPASS
#include "Dy2St/Transforms/Passes.h.inc"

namespace {
using namespace mlir;

// Whether two index values are equal (true), unequal (false) or unknown.
static FailureOr<bool> compareSizes(Value lhs, Value rhs) {
  if (lhs == rhs)
    return true;
  if (matchPattern(lhs, m_Constant()) && matchPattern(rhs, m_Constant()))
    return failure(); // arith's own folds answer these
  return ValueBoundsConstraintSet::areEqual(lhs, rhs);
}

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
    SmallVector<Operation *> candidates;
    getOperation()->walk([&](Operation *op) {
      if (isa<arith::CmpIOp, arith::MaxSIOp, arith::MinSIOp>(op) &&
          op->getOperand(0).getType().isIndex() && op->getOperand(0) != op->getOperand(1))
        candidates.push_back(op);
    });
    for (Operation *op : candidates) {
      FailureOr<bool> equal = compareSizes(op->getOperand(0), op->getOperand(1));
      if (failed(equal))
        continue;
      OpBuilder builder(op);
      if (auto compare = dyn_cast<arith::CmpIOp>(op)) {
        // Unequal sizes settle only the predicates that do not order them.
        arith::CmpIPredicate predicate = compare.getPredicate();
        bool holds;
        if (*equal)
          holds = predicateHoldsForEqual(predicate);
        else if (predicate == arith::CmpIPredicate::eq || predicate == arith::CmpIPredicate::ne)
          holds = predicate == arith::CmpIPredicate::ne;
        else
          continue;
        compare.replaceAllUsesWith(
            arith::ConstantIntOp::create(builder, op->getLoc(), builder.getI1Type(), holds).getResult());
        compare.erase();
      } else if (*equal) {
        op->getResult(0).replaceAllUsesWith(op->getOperand(0));
        op->erase();
      }
    }
  }
};

} // namespace
} // namespace dy2st
