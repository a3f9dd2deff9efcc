// The memory effects of the pydy ops whose lowering checks at run time what
// eager code would raise: an index out of range, a zero divisor, int() of a
// NaN, the truth of a tensor of many elements. Such an op writes the
// runtime's recorded exception where it may fail, so that dead-code
// elimination keeps it where its value is unused (`y = x[5]` in a `try`
// body raises eagerly); elsewhere it has no effects, as before.
#include "Dy2St/Dialect/Pydy/PydyDialect.h"
#include "Dy2St/Support/RecordedException.h"

#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace mlir::pydy;

namespace {

using Effects = SmallVectorImpl<SideEffects::EffectInstance<MemoryEffects::Effect>>;

void mayRecordException(Effects &effects) {
  effects.emplace_back(MemoryEffects::Write::get(), dy2st::RecordedExceptionResource::get());
}

/// A tensor whose element count is not known to be 1 (its truth, int() or
/// float() then check that it has one).
bool mayHaveManyElements(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  return tensor && !(tensor.hasStaticShape() && tensor.getNumElements() == 1);
}

} // namespace

void BinaryOp::getEffects(Effects &effects) {
  // Python numbers raise on a zero divisor and a negative shift count
  // (tensors give inf, 0 or the sign instead).
  BinaryKind kind = getKind();
  bool divides = kind == BinaryKind::div || kind == BinaryKind::floordiv ||
                 kind == BinaryKind::mod;
  bool shifts = kind == BinaryKind::lshift || kind == BinaryKind::rshift;
  if ((!divides && !shifts) || !isPythonScalar(getType()))
    return;
  APInt intDivisor;
  APFloat floatDivisor(0.0);
  if (shifts && matchPattern(getRhs(), m_ConstantInt(&intDivisor)) && !intDivisor.isNegative())
    return;
  if (divides &&
      ((matchPattern(getRhs(), m_ConstantInt(&intDivisor)) && !intDivisor.isZero()) ||
       (matchPattern(getRhs(), m_ConstantFloat(&floatDivisor)) && !floatDivisor.isZero())))
    return;
  mayRecordException(effects);
}

void UnaryOp::getEffects(Effects &effects) {
  Type operand = getOperand().getType();
  switch (getKind()) {
  case UnaryKind::Not:
  case UnaryKind::to_bool:
  case UnaryKind::to_float:
    if (mayHaveManyElements(operand))
      mayRecordException(effects);
    return;
  case UnaryKind::to_int:
    // int() of a float raises for a NaN or an infinity.
    if (mayHaveManyElements(operand) || isa<FloatType>(getElementTypeOrSelf(operand)))
      mayRecordException(effects);
    return;
  default:
    return;
  }
}

void SubscriptOp::getEffects(Effects &effects) {
  auto tensor = dyn_cast<RankedTensorType>(getValue().getType());
  if (!tensor || tensor.getRank() == 0)
    return;
  APInt index;
  if (!tensor.isDynamicDim(0) && matchPattern(getIndex(), m_ConstantInt(&index))) {
    int64_t size = tensor.getDimSize(0), i = index.getSExtValue();
    if (i >= -size && i < size)
      return;
  }
  mayRecordException(effects);
}
