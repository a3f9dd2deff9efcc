#include "Lowering.h"

#include "Dy2St/Dialect/Pydy/TypeRules.h"
#include "Dy2St/Dialect/TensorArray/TensorArrayDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StructuredOpsUtils.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/SmallBitVector.h"

#include <cmath>
#include <functional>

using namespace mlir;
using namespace mlir::pydy;

namespace mlir::pydy::lowering {

/// A float to an integer as numpy and Paddle convert on x86: NaN and values
/// out of range give the "integer indefinite" INT_MIN (of 32 bits, then
/// truncated, for narrower integers); LLVM's fptosi would be poison there.
static Value floatToInt(OpBuilder &b, Location loc, Value v, IntegerType to) {
  unsigned width = std::max(to.getWidth(), 32u);
  Type wide = b.getIntegerType(width);
  Type from = v.getType();
  double bound = std::ldexp(1.0, static_cast<int>(width) - 1);
  Value low = arith::ConstantOp::create(b, loc, b.getFloatAttr(from, -bound));
  Value high = arith::ConstantOp::create(b, loc, b.getFloatAttr(from, bound));
  Value inRange = arith::AndIOp::create(
      b, loc, arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGE, v, low),
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, v, high));
  Value indefinite = arith::ConstantOp::create(
      b, loc, b.getIntegerAttr(wide, llvm::APInt::getSignedMinValue(width)));
  Value r = arith::SelectOp::create(b, loc, inRange, arith::FPToSIOp::create(b, loc, wide, v),
                                    indefinite);
  return width == to.getWidth() ? r : Value(arith::TruncIOp::create(b, loc, to, r));
}

Value complexConstant(OpBuilder &b, Location loc, ComplexType type, double re, double im) {
  Type part = type.getElementType();
  return complex::ConstantOp::create(
      b, loc, type, b.getArrayAttr({b.getFloatAttr(part, re), b.getFloatAttr(part, im)}));
}

Value convertElement(OpBuilder &b, Location loc, Value v, Type to) {
  Type from = v.getType();
  if (from == to)
    return v;
  // A real number is a complex one of imaginary part 0; a complex number is
  // true where it is not 0, and otherwise its real part (Paddle's casts).
  if (auto toComplex = dyn_cast<ComplexType>(to)) {
    Type part = toComplex.getElementType();
    if (isa<ComplexType>(from))
      return complex::CreateOp::create(
          b, loc, to, convertElement(b, loc, complex::ReOp::create(b, loc, v), part),
          convertElement(b, loc, complex::ImOp::create(b, loc, v), part));
    return complex::CreateOp::create(b, loc, to, convertElement(b, loc, v, part),
                                     arith::ConstantOp::create(b, loc, b.getFloatAttr(part, 0)));
  }
  if (auto fromComplex = dyn_cast<ComplexType>(from)) {
    if (to.isInteger(1))
      return complex::NotEqualOp::create(b, loc, v, complexConstant(b, loc, fromComplex, 0, 0));
    return convertElement(b, loc, complex::ReOp::create(b, loc, v), to);
  }
  if (to.isInteger(1)) {
    if (isa<FloatType>(from))
      return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNE, v,
                                   arith::ConstantOp::create(b, loc, b.getFloatAttr(from, 0)));
    return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, v,
                                 arith::ConstantOp::create(b, loc, b.getIntegerAttr(from, 0)));
  }
  if (auto toInt = dyn_cast<IntegerType>(to)) {
    if (isa<FloatType>(from))
      return floatToInt(b, loc, v, toInt);
    unsigned fromWidth = cast<IntegerType>(from).getWidth();
    if (fromWidth == 1)
      return arith::ExtUIOp::create(b, loc, to, v);
    if (fromWidth < toInt.getWidth())
      return arith::ExtSIOp::create(b, loc, to, v);
    return arith::TruncIOp::create(b, loc, to, v);
  }
  auto toFloat = cast<FloatType>(to);
  if (auto fromFloat = dyn_cast<FloatType>(from)) {
    if (fromFloat.getWidth() < toFloat.getWidth())
      return arith::ExtFOp::create(b, loc, to, v);
    return arith::TruncFOp::create(b, loc, to, v);
  }
  if (from.isInteger(1))
    return arith::UIToFPOp::create(b, loc, to, v);
  return arith::SIToFPOp::create(b, loc, to, v);
}

Value firstElement(OpBuilder &b, Location loc, Value tensor) {
  auto type = cast<RankedTensorType>(tensor.getType());
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  SmallVector<Value> indices(type.getRank(), zero);
  return tensor::ExtractOp::create(b, loc, tensor, indices);
}

Value onlyElement(OpBuilder &b, Operation *op, Value v, StringRef message) {
  auto tensor = dyn_cast<RankedTensorType>(v.getType());
  Location loc = op->getLoc();
  if (!tensor)
    return v;
  if (tensor.hasStaticShape() && tensor.getNumElements() == 1)
    return firstElement(b, loc, v);
  // Paddle's AssertionError where it is reached (a size known when compiling folds).
  Value size = arith::ConstantIndexOp::create(b, loc, 1);
  for (int64_t d = 0; d < tensor.getRank(); ++d)
    size = arith::MulIOp::create(b, loc, size, tensor::DimOp::create(b, loc, v, d));
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  Value single = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, size, one);
  checkAtRunTime(b, op, single, "AssertionError", message);
  // Its element is read only when there is exactly one.
  Type elem = tensor.getElementType();
  auto read = scf::IfOp::create(b, loc, TypeRange{elem}, single, true);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(&read.getThenRegion().front());
  scf::YieldOp::create(b, loc, firstElement(b, loc, v));
  b.setInsertionPointToStart(&read.getElseRegion().front());
  scf::YieldOp::create(b, loc, ValueRange{arith::ConstantOp::create(b, loc, b.getZeroAttr(elem))});
  return read.getResult(0);
}

Value truthValue(OpBuilder &b, Operation *op, Value v) {
  // Paddle's message (its `bool()` and `not` too).
  Value element = onlyElement(b, op, v,
                              "When Variable is used as the condition of if/while , Variable can "
                              "only contain one element.");
  return convertElement(b, op->getLoc(), element, b.getI1Type());
}

Value toI64(OpBuilder &b, Location loc, Value v) {
  if (isa<RankedTensorType>(v.getType()))
    v = firstElement(b, loc, v);
  return convertElement(b, loc, v, b.getI64Type());
}

Value zeroOf(OpBuilder &b, Location loc, Type type) {
  if (isa<tensor_array::ArrayType>(type))
    return tensor_array::CreateOp::create(b, loc, type, Value());
  if (auto tensor = dyn_cast<RankedTensorType>(type)) {
    SmallVector<int64_t> shape;
    for (int64_t d : tensor.getShape())
      shape.push_back(ShapedType::isDynamic(d) ? 0 : d);
    Value empty = tensor::EmptyOp::create(b, loc, shape, tensor.getElementType());
    return tensor::CastOp::create(b, loc, type, empty);
  }
  if (auto complex = dyn_cast<ComplexType>(type))
    return complexConstant(b, loc, complex, 0, 0);
  if (isa<FloatType>(type))
    return arith::ConstantOp::create(b, loc, b.getFloatAttr(type, 0));
  return arith::ConstantOp::create(b, loc, b.getIntegerAttr(type, 0));
}

/// Python's integer `%` rounds toward negative infinity: when the remainder
/// of the truncating division is non-zero and has the other sign than the
/// divisor, the divisor is added.
static Value integerMod(OpBuilder &b, Location loc, Value lhs, Value rhs) {
  Value zero = arith::ConstantOp::create(b, loc, b.getIntegerAttr(lhs.getType(), 0));
  Value rem = arith::RemSIOp::create(b, loc, lhs, rhs);
  Value signsDiffer = arith::XOrIOp::create(
      b, loc, arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, rem, zero),
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, rhs, zero));
  Value adjust = arith::AndIOp::create(
      b, loc, arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, rem, zero), signsDiffer);
  return arith::SelectOp::create(b, loc, adjust, arith::AddIOp::create(b, loc, rem, rhs), rem);
}

/// Float `//` and `%` as numpy's and CPython's divmod compute them (the IR
/// twin of PydyFolds' floatDivmod, which folds literals): the quotient floored
/// from the remainder, exact where floor(a / b) is not (`-2.5 // inf` is -1,
/// `inf // 2` is NaN), a / b by zero; the remainder with the divisor's sign,
/// also when zero (`0.0 % -3.5` is -0.0).
static std::pair<Value, Value> floatDivmod(OpBuilder &b, Location loc, Value lhs, Value rhs) {
  Type t = lhs.getType();
  auto constant = [&](double v) {
    return arith::ConstantOp::create(b, loc, b.getFloatAttr(t, v)).getResult();
  };
  auto cmp = [&](arith::CmpFPredicate p, Value x, Value y) {
    return arith::CmpFOp::create(b, loc, p, x, y).getResult();
  };
  auto select = [&](Value c, Value x, Value y) {
    return arith::SelectOp::create(b, loc, c, x, y).getResult();
  };
  Value zero = constant(0), one = constant(1);
  Value rem = arith::RemFOp::create(b, loc, lhs, rhs);
  Value remNonZero = cmp(arith::CmpFPredicate::UNE, rem, zero);
  Value signsDiffer = arith::XOrIOp::create(b, loc, cmp(arith::CmpFPredicate::OLT, rhs, zero),
                                            cmp(arith::CmpFPredicate::OLT, rem, zero));
  Value adjust = arith::AndIOp::create(b, loc, remNonZero, signsDiffer);
  Value mod = select(adjust, arith::AddFOp::create(b, loc, rem, rhs),
                     select(remNonZero, rem, math::CopySignOp::create(b, loc, zero, rhs)));
  Value div = arith::DivFOp::create(b, loc, arith::SubFOp::create(b, loc, lhs, rem), rhs);
  div = select(adjust, arith::SubFOp::create(b, loc, div, one), div);
  Value floored = math::FloorOp::create(b, loc, div);
  Value roundUp = cmp(arith::CmpFPredicate::OGT, arith::SubFOp::create(b, loc, div, floored),
                      constant(0.5));
  floored = select(roundUp, arith::AddFOp::create(b, loc, floored, one), floored);
  Value quotient = arith::DivFOp::create(b, loc, lhs, rhs);
  Value floorDiv = select(cmp(arith::CmpFPredicate::UNE, div, zero), floored,
                          math::CopySignOp::create(b, loc, zero, quotient));
  return {select(cmp(arith::CmpFPredicate::OEQ, rhs, zero), quotient, floorDiv), mod};
}

/// Integer `//` and `%` by zero give 0, as numpy does, instead of trapping;
/// by -1 they give `byMinusOne` (the division itself traps on the smallest
/// integer, whose negation wraps to itself in numpy).
static Value safeIntegerDivision(OpBuilder &b, Location loc, Value rhs, Value byMinusOne,
                                 function_ref<Value(Value)> divide) {
  Type t = rhs.getType();
  Value zero = arith::ConstantOp::create(b, loc, b.getIntegerAttr(t, 0));
  Value one = arith::ConstantOp::create(b, loc, b.getIntegerAttr(t, 1));
  Value minusOne = arith::ConstantOp::create(b, loc, b.getIntegerAttr(t, -1));
  Value isZero = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, rhs, zero);
  Value isMinusOne = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, rhs, minusOne);
  Value special = arith::OrIOp::create(b, loc, isZero, isMinusOne);
  Value divisor = arith::SelectOp::create(b, loc, special, one, rhs);
  Value quotient = divide(divisor);
  Value result = arith::SelectOp::create(b, loc, isMinusOne, byMinusOne, quotient);
  return arith::SelectOp::create(b, loc, isZero, zero, result);
}

Value shifted(OpBuilder &b, Location loc, Value x, Value count, bool left, bool arithmetic) {
  Type type = x.getType();
  unsigned width = type.getIntOrFloatBitWidth();
  auto constant = [&](int64_t v) {
    return arith::ConstantOp::create(b, loc, b.getIntegerAttr(type, v));
  };
  // A count outside [0, width) (negative ones included, compared unsigned)
  // shifts every bit out: Paddle's kernels give 0, or the sign of an
  // arithmetic right shift (where arith's shifts are poison).
  Value inRange = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, count, constant(width));
  Value safeCount = arith::SelectOp::create(b, loc, inRange, count, constant(0));
  Value within, outside;
  if (left) {
    within = arith::ShLIOp::create(b, loc, x, safeCount);
    outside = constant(0);
  } else if (arithmetic) {
    within = arith::ShRSIOp::create(b, loc, x, safeCount);
    outside = arith::ShRSIOp::create(b, loc, x, constant(width - 1));
  } else {
    within = arith::ShRUIOp::create(b, loc, x, safeCount);
    outside = constant(0);
  }
  return arith::SelectOp::create(b, loc, inRange, within, outside);
}

Value binaryScalar(OpBuilder &b, Location loc, BinaryKind kind, Value lhs, Value rhs,
                   Type compute) {
  lhs = convertElement(b, loc, lhs, compute);
  rhs = convertElement(b, loc, rhs, compute);
  if (isa<ComplexType>(compute)) {
    // The rules leave +, -, *, / and ** (and @'s products) to complex numbers.
    switch (kind) {
    case BinaryKind::add:
      return complex::AddOp::create(b, loc, lhs, rhs);
    case BinaryKind::sub:
      return complex::SubOp::create(b, loc, lhs, rhs);
    case BinaryKind::div:
      return complex::DivOp::create(b, loc, lhs, rhs);
    case BinaryKind::pow:
      return complex::PowOp::create(b, loc, lhs, rhs);
    default:
      return complex::MulOp::create(b, loc, lhs, rhs);
    }
  }
  bool isFloat = isa<FloatType>(compute);
  switch (kind) {
  case BinaryKind::add:
    return isFloat ? Value(arith::AddFOp::create(b, loc, lhs, rhs))
                   : Value(arith::AddIOp::create(b, loc, lhs, rhs));
  case BinaryKind::sub:
    return isFloat ? Value(arith::SubFOp::create(b, loc, lhs, rhs))
                   : Value(arith::SubIOp::create(b, loc, lhs, rhs));
  case BinaryKind::mul:
  case BinaryKind::matmul:
    return isFloat ? Value(arith::MulFOp::create(b, loc, lhs, rhs))
                   : Value(arith::MulIOp::create(b, loc, lhs, rhs));
  case BinaryKind::div:
    return arith::DivFOp::create(b, loc, lhs, rhs);
  case BinaryKind::floordiv:
    if (isFloat)
      return floatDivmod(b, loc, lhs, rhs).first;
    return safeIntegerDivision(
        b, loc, rhs,
        arith::SubIOp::create(b, loc, arith::ConstantOp::create(b, loc, b.getIntegerAttr(compute, 0)),
                              lhs),
        [&](Value divisor) { return arith::FloorDivSIOp::create(b, loc, lhs, divisor); });
  case BinaryKind::mod:
    if (isFloat)
      return floatDivmod(b, loc, lhs, rhs).second;
    return safeIntegerDivision(b, loc, rhs,
                               arith::ConstantOp::create(b, loc, b.getIntegerAttr(compute, 0)),
                               [&](Value divisor) { return integerMod(b, loc, lhs, divisor); });
  case BinaryKind::pow:
    return isFloat ? Value(math::PowFOp::create(b, loc, lhs, rhs))
                   : Value(math::IPowIOp::create(b, loc, lhs, rhs));
  case BinaryKind::BitAnd:
    return arith::AndIOp::create(b, loc, lhs, rhs);
  case BinaryKind::BitOr:
    return arith::OrIOp::create(b, loc, lhs, rhs);
  case BinaryKind::BitXor:
    return arith::XOrIOp::create(b, loc, lhs, rhs);
  case BinaryKind::lshift:
    return shifted(b, loc, lhs, rhs, /*left=*/true, /*arithmetic=*/true);
  case BinaryKind::rshift:
    return shifted(b, loc, lhs, rhs, /*left=*/false, /*arithmetic=*/true);
  }
  llvm_unreachable("unknown binary kind");
}

Value compareScalar(OpBuilder &b, Location loc, CompareKind kind, Value lhs, Value rhs,
                    Type compute) {
  lhs = convertElement(b, loc, lhs, compute);
  rhs = convertElement(b, loc, rhs, compute);
  if (isa<ComplexType>(compute)) // the rules leave == and != to complex numbers
    return kind == CompareKind::eq ? Value(complex::EqualOp::create(b, loc, lhs, rhs))
                                   : Value(complex::NotEqualOp::create(b, loc, lhs, rhs));
  if (isa<FloatType>(compute)) {
    arith::CmpFPredicate p;
    switch (kind) {
    case CompareKind::lt: p = arith::CmpFPredicate::OLT; break;
    case CompareKind::le: p = arith::CmpFPredicate::OLE; break;
    case CompareKind::gt: p = arith::CmpFPredicate::OGT; break;
    case CompareKind::ge: p = arith::CmpFPredicate::OGE; break;
    case CompareKind::eq: p = arith::CmpFPredicate::OEQ; break;
    default: p = arith::CmpFPredicate::UNE; break;
    }
    return arith::CmpFOp::create(b, loc, p, lhs, rhs);
  }
  arith::CmpIPredicate p;
  switch (kind) {
  case CompareKind::lt: p = arith::CmpIPredicate::slt; break;
  case CompareKind::le: p = arith::CmpIPredicate::sle; break;
  case CompareKind::gt: p = arith::CmpIPredicate::sgt; break;
  case CompareKind::ge: p = arith::CmpIPredicate::sge; break;
  case CompareKind::eq: p = arith::CmpIPredicate::eq; break;
  default: p = arith::CmpIPredicate::ne; break;
  }
  return arith::CmpIOp::create(b, loc, p, lhs, rhs);
}

/// The tensor operands that run along result dimension `dim` (all but those
/// of static size 1 there): their index and their own dimension.
static SmallVector<std::pair<unsigned, int64_t>> operandsAlong(RankedTensorType result, int64_t dim,
                                                               ValueRange operands) {
  SmallVector<std::pair<unsigned, int64_t>> along;
  for (auto [i, v] : llvm::enumerate(operands)) {
    auto t = dyn_cast<RankedTensorType>(v.getType());
    int64_t d = t ? dim - (result.getRank() - t.getRank()) : -1;
    if (d >= 0 && t.getDimSize(d) != 1)
      along.push_back({i, d});
  }
  return along;
}

/// The size of result dimension `dim`: the largest of the operands' sizes
/// there (each is that size or 1 when they broadcast).
static Value dynamicSize(OpBuilder &b, Location loc, RankedTensorType result, int64_t dim,
                         ValueRange operands) {
  Value size;
  for (auto [i, d] : operandsAlong(result, dim, operands)) {
    Value s = tensor::DimOp::create(b, loc, operands[i], d);
    size = size ? Value(arith::MaxSIOp::create(b, loc, size, s)) : s;
  }
  return size ? size : arith::ConstantIndexOp::create(b, loc, 1);
}

/// Whether operand `i`'s dimension `d` is dynamic.
static bool isDynamicAt(ValueRange operands, unsigned i, int64_t d) {
  return cast<RankedTensorType>(operands[i].getType()).isDynamicDim(d);
}

/// `v` stretched along its dynamic dimension `d` to `size` where it is 1 at
/// run time (numpy's broadcasting, which affine maps cannot choose at run
/// time), else `v` itself. Sizes that broadcast differ only where one is 1,
/// so the test is that they differ: folded once both are one value (`x` and
/// `x * 2` of one argument), and the elementwise ops then fuse.
static Value stretchIfOne(OpBuilder &b, Location loc, Value v, int64_t d, Value size) {
  auto t = cast<RankedTensorType>(v.getType());
  Value differs = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne,
                                        tensor::DimOp::create(b, loc, v, d), size);
  auto ifOp = scf::IfOp::create(b, loc, TypeRange{t}, differs, /*withElseRegion=*/true);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(&ifOp.getThenRegion().front());
  SmallVector<Value> sizes;
  for (int64_t k = 0; k < t.getRank(); ++k)
    if (t.isDynamicDim(k))
      sizes.push_back(k == d ? size : Value(tensor::DimOp::create(b, loc, v, k)));
  Value init = tensor::EmptyOp::create(b, loc, t.getShape(), t.getElementType(), sizes);
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineExpr> exprs;
  for (int64_t k = 0; k < t.getRank(); ++k)
    exprs.push_back(k == d ? getAffineConstantExpr(0, ctx) : getAffineDimExpr(k, ctx));
  SmallVector<AffineMap> maps{AffineMap::get(t.getRank(), 0, exprs, ctx),
                              AffineMap::getMultiDimIdentityMap(t.getRank(), ctx)};
  SmallVector<utils::IteratorType> iterators(t.getRank(), utils::IteratorType::parallel);
  auto copy = linalg::GenericOp::create(
      b, loc, TypeRange{t}, ValueRange{v}, ValueRange{init}, maps, iterators,
      [](OpBuilder &nb, Location nl, ValueRange args) { linalg::YieldOp::create(nb, nl, args[0]); });
  scf::YieldOp::create(b, loc, copy.getResult(0));
  b.setInsertionPointToStart(&ifOp.getElseRegion().front());
  scf::YieldOp::create(b, loc, v);
  return ifOp.getResult(0);
}

static Value emptyLike(OpBuilder &b, Location loc, RankedTensorType result,
                       ValueRange sources) {
  SmallVector<Value> dynamic;
  for (int64_t d = 0; d < result.getRank(); ++d)
    if (result.isDynamicDim(d))
      dynamic.push_back(dynamicSize(b, loc, result, d, sources));
  return tensor::EmptyOp::create(b, loc, result.getShape(), result.getElementType(), dynamic);
}

Value broadcastSizesAgree(OpBuilder &b, Location loc, Type resultType, ValueRange operands) {
  auto result = dyn_cast<RankedTensorType>(resultType);
  if (!result)
    return {};
  Value ok;
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  for (int64_t r = 0; r < result.getRank(); ++r) {
    auto along = operandsAlong(result, r, operands);
    bool anyDynamic = llvm::any_of(along, [&](auto &p) {
      return isDynamicAt(operands, p.first, p.second);
    });
    if (!anyDynamic || along.size() < 2)
      continue;
    // Each size is the largest one or 1 (which broadcasts).
    Value size = dynamicSize(b, loc, result, r, operands);
    for (auto [i, d] : along) {
      Value s = tensor::DimOp::create(b, loc, operands[i], d);
      Value fits = arith::OrIOp::create(
          b, loc, arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, s, size),
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, s, one));
      ok = ok ? Value(arith::AndIOp::create(b, loc, ok, fits)) : fits;
    }
  }
  return ok;
}

Value computeIf(OpBuilder &b, Operation *op, Value ok, Type resultType, StringRef message,
                function_ref<Value()> compute) {
  if (!ok)
    return compute();
  checkAtRunTime(b, op, ok, "ValueError", message);
  return computeOnlyIf(b, op->getLoc(), ok, resultType, compute);
}

Value computeOnlyIf(OpBuilder &b, Location loc, Value ok, Type resultType,
                    function_ref<Value()> compute, Value otherwise) {
  auto ifOp = scf::IfOp::create(b, loc, resultType, ok, /*withElseRegion=*/true);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(&ifOp.getThenRegion().front());
  scf::YieldOp::create(b, loc, compute());
  b.setInsertionPointToStart(&ifOp.getElseRegion().front());
  scf::YieldOp::create(b, loc, otherwise ? otherwise : zeroOf(b, loc, resultType));
  return ifOp.getResult(0);
}

Value elementwise(OpBuilder &b, Location loc, Type resultType, ValueRange operands,
                  ElementBody body) {
  auto result = dyn_cast<RankedTensorType>(resultType);
  if (!result)
    return body(b, loc, operands);
  int64_t rank = result.getRank();
  MLIRContext *ctx = b.getContext();
  // A dynamic size that is 1 at run time where another operand's is not
  // broadcasts: that operand is stretched first.
  SmallVector<Value> stretched(operands.begin(), operands.end());
  for (int64_t r = 0; r < rank; ++r) {
    auto along = operandsAlong(result, r, operands);
    if (along.size() < 2)
      continue;
    Value size;
    for (auto [i, d] : along) {
      if (!isDynamicAt(operands, i, d))
        continue;
      if (!size)
        size = dynamicSize(b, loc, result, r, operands);
      stretched[i] = stretchIfOne(b, loc, stretched[i], d, size);
    }
  }
  SmallVector<Value> inputs;
  SmallVector<AffineMap> maps;
  for (Value v : stretched) {
    auto t = dyn_cast<RankedTensorType>(v.getType());
    if (!t)
      continue;
    SmallVector<AffineExpr> exprs;
    for (int64_t d = 0; d < t.getRank(); ++d) {
      int64_t r = d + rank - t.getRank();
      // A size-1 dimension broadcasts against a larger one.
      if (t.getDimSize(d) == 1 && result.getDimSize(r) != 1)
        exprs.push_back(getAffineConstantExpr(0, ctx));
      else
        exprs.push_back(getAffineDimExpr(r, ctx));
    }
    inputs.push_back(v);
    maps.push_back(AffineMap::get(rank, 0, exprs, ctx));
  }
  maps.push_back(AffineMap::getMultiDimIdentityMap(rank, ctx));
  Value init = emptyLike(b, loc, result, operands);
  SmallVector<utils::IteratorType> iterators(rank, utils::IteratorType::parallel);
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{result}, inputs, ValueRange{init}, maps, iterators,
      [&](OpBuilder &nb, Location nloc, ValueRange args) {
        SmallVector<Value> elements;
        unsigned next = 0;
        for (Value v : operands)
          elements.push_back(isa<RankedTensorType>(v.getType()) ? args[next++] : v);
        Value r = body(nb, nloc, elements);
        linalg::YieldOp::create(nb, nloc, convertElement(nb, nloc, r, result.getElementType()));
      });
  return generic.getResult(0);
}

//===----------------------------------------------------------------------===//
// Tensors for the library lowerings
//===----------------------------------------------------------------------===//

Value filled(OpBuilder &b, Location loc, RankedTensorType type, Value scalar,
             ValueRange sizeSources) {
  Value empty = emptyLike(b, loc, type, sizeSources);
  scalar = convertElement(b, loc, scalar, type.getElementType());
  return linalg::FillOp::create(b, loc, ValueRange{scalar}, ValueRange{empty}).getResult(0);
}

Value constantScalar(OpBuilder &b, Location loc, Type type, double value) {
  if (auto complex = dyn_cast<ComplexType>(type))
    return complexConstant(b, loc, complex, value, 0);
  if (isa<FloatType>(type))
    return arith::ConstantOp::create(b, loc, b.getFloatAttr(type, value));
  return arith::ConstantOp::create(b, loc, b.getIntegerAttr(type, static_cast<int64_t>(value)));
}

Value sliceDropping(OpBuilder &b, Location loc, RankedTensorType resultType, Value source,
                    ArrayRef<OpFoldResult> offsets, ArrayRef<OpFoldResult> sizes,
                    ArrayRef<OpFoldResult> strides, ArrayRef<int64_t> dropped) {
  auto sourceType = cast<RankedTensorType>(source.getType());
  SmallVector<int64_t> fullShape;
  for (OpFoldResult size : sizes) {
    std::optional<int64_t> known = getConstantIntValue(size);
    fullShape.push_back(known ? *known : ShapedType::kDynamic);
  }
  auto fullType = RankedTensorType::get(fullShape, sourceType.getElementType());
  Value full = tensor::ExtractSliceOp::create(b, loc, fullType, source, offsets, sizes, strides);
  // Each dropped (unit) dimension joins the group of the kept one after it
  // (the last kept one for trailing dimensions).
  SmallVector<ReassociationIndices> groups;
  ReassociationIndices pending;
  for (int64_t d = 0; d < fullType.getRank(); ++d) {
    pending.push_back(d);
    if (!llvm::is_contained(dropped, d)) {
      groups.push_back(pending);
      pending.clear();
    }
  }
  if (!pending.empty() && !groups.empty())
    groups.back().append(pending.begin(), pending.end());
  Value collapsed = tensor::CollapseShapeOp::create(b, loc, full, groups);
  if (collapsed.getType() == resultType)
    return collapsed;
  return tensor::CastOp::create(b, loc, resultType, collapsed);
}

Value castTensor(OpBuilder &b, Location loc, Value v, Type elem) {
  auto t = cast<RankedTensorType>(v.getType());
  if (t.getElementType() == elem)
    return v;
  return elementwise(b, loc, t.clone(elem), {v},
                     [&](OpBuilder &nb, Location nl, ValueRange e) { return e[0]; });
}

} // namespace mlir::pydy::lowering
