#include "Lowering.h"

#include "Dy2St/Dialect/Pydy/TypeRules.h"
#include "Dy2St/Dialect/TensorArray/TensorArrayDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StructuredOpsUtils.h"
#include "llvm/ADT/SmallBitVector.h"

#include <functional>

using namespace mlir;
using namespace mlir::pydy;

namespace mlir::pydy::lowering {

Value convertElement(OpBuilder &b, Location loc, Value v, Type to) {
  Type from = v.getType();
  if (from == to)
    return v;
  if (to.isInteger(1)) {
    if (isa<FloatType>(from))
      return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNE, v,
                                   arith::ConstantOp::create(b, loc, b.getFloatAttr(from, 0)));
    return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, v,
                                 arith::ConstantOp::create(b, loc, b.getIntegerAttr(from, 0)));
  }
  if (auto toInt = dyn_cast<IntegerType>(to)) {
    if (isa<FloatType>(from))
      return arith::FPToSIOp::create(b, loc, to, v);
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

Value truthValue(OpBuilder &b, Location loc, Value v) {
  if (isa<RankedTensorType>(v.getType()))
    v = firstElement(b, loc, v);
  return convertElement(b, loc, v, b.getI1Type());
}

Value conditionValue(OpBuilder &b, Operation *op, Value v) {
  auto tensor = dyn_cast<RankedTensorType>(v.getType());
  Location loc = op->getLoc();
  if (!tensor || tensor.hasStaticShape())
    return truthValue(b, loc, v);
  Value size = arith::ConstantIndexOp::create(b, loc, 1);
  for (int64_t d = 0; d < tensor.getRank(); ++d)
    size = arith::MulIOp::create(b, loc, size, tensor::DimOp::create(b, loc, v, d));
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  Value single = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, size, one);
  checkAtRunTime(b, op, single, "ValueError",
                 "the condition tensor does not have exactly one element");
  // Its element is read only when there is exactly one.
  auto read = scf::IfOp::create(b, loc, TypeRange{b.getI1Type()}, single, true);
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(&read.getThenRegion().front());
    scf::YieldOp::create(b, loc, truthValue(b, loc, v));
    b.setInsertionPointToStart(&read.getElseRegion().front());
    scf::YieldOp::create(b, loc, ValueRange{arith::ConstantOp::create(b, loc, b.getBoolAttr(false))});
  }
  return read.getResult(0);
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
  if (isa<FloatType>(type))
    return arith::ConstantOp::create(b, loc, b.getFloatAttr(type, 0));
  return arith::ConstantOp::create(b, loc, b.getIntegerAttr(type, 0));
}

/// Python's `%` and `//` round toward negative infinity: when the remainder
/// of the truncating division is non-zero and has the other sign than the
/// divisor, adjust.
static Value pythonMod(OpBuilder &b, Location loc, Value lhs, Value rhs) {
  Type t = lhs.getType();
  bool isFloat = isa<FloatType>(t);
  Value zero = isFloat ? Value(arith::ConstantOp::create(b, loc, b.getFloatAttr(t, 0)))
                       : Value(arith::ConstantOp::create(b, loc, b.getIntegerAttr(t, 0)));
  Value rem = isFloat ? Value(arith::RemFOp::create(b, loc, lhs, rhs))
                      : Value(arith::RemSIOp::create(b, loc, lhs, rhs));
  Value remNonZero, remNeg, rhsNeg;
  if (isFloat) {
    remNonZero = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNE, rem, zero);
    remNeg = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, rem, zero);
    rhsNeg = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, rhs, zero);
  } else {
    remNonZero = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, rem, zero);
    remNeg = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, rem, zero);
    rhsNeg = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, rhs, zero);
  }
  Value signsDiffer = arith::XOrIOp::create(b, loc, remNeg, rhsNeg);
  Value adjust = arith::AndIOp::create(b, loc, remNonZero, signsDiffer);
  Value adjusted = isFloat ? Value(arith::AddFOp::create(b, loc, rem, rhs))
                           : Value(arith::AddIOp::create(b, loc, rem, rhs));
  return arith::SelectOp::create(b, loc, adjust, adjusted, rem);
}

/// Integer `//` and `%` by zero give 0, as numpy does, instead of trapping.
static Value safeIntegerDivision(OpBuilder &b, Location loc, Value rhs,
                                 function_ref<Value(Value)> divide) {
  Value zero = arith::ConstantOp::create(b, loc, b.getIntegerAttr(rhs.getType(), 0));
  Value one = arith::ConstantOp::create(b, loc, b.getIntegerAttr(rhs.getType(), 1));
  Value isZero = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, rhs, zero);
  Value divisor = arith::SelectOp::create(b, loc, isZero, one, rhs);
  return arith::SelectOp::create(b, loc, isZero, zero, divide(divisor));
}

Value binaryScalar(OpBuilder &b, Location loc, BinaryKind kind, Value lhs, Value rhs,
                   Type compute) {
  lhs = convertElement(b, loc, lhs, compute);
  rhs = convertElement(b, loc, rhs, compute);
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
      return math::FloorOp::create(b, loc, arith::DivFOp::create(b, loc, lhs, rhs));
    return safeIntegerDivision(b, loc, rhs, [&](Value divisor) {
      return arith::FloorDivSIOp::create(b, loc, lhs, divisor);
    });
  case BinaryKind::mod:
    if (isFloat)
      return pythonMod(b, loc, lhs, rhs);
    return safeIntegerDivision(b, loc, rhs,
                               [&](Value divisor) { return pythonMod(b, loc, lhs, divisor); });
  case BinaryKind::pow:
    return isFloat ? Value(math::PowFOp::create(b, loc, lhs, rhs))
                   : Value(math::IPowIOp::create(b, loc, lhs, rhs));
  }
  llvm_unreachable("unknown binary kind");
}

Value compareScalar(OpBuilder &b, Location loc, CompareKind kind, Value lhs, Value rhs,
                    Type compute) {
  lhs = convertElement(b, loc, lhs, compute);
  rhs = convertElement(b, loc, rhs, compute);
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

/// The size of result dimension `dim`, taken from an operand that has it.
static Value dynamicSize(OpBuilder &b, Location loc, RankedTensorType result, int64_t dim,
                         ValueRange operands) {
  int64_t rank = result.getRank();
  for (Value v : operands) {
    auto t = dyn_cast<RankedTensorType>(v.getType());
    if (!t)
      continue;
    int64_t d = dim - (rank - t.getRank());
    if (d >= 0 && t.getDimSize(d) != 1)
      return tensor::DimOp::create(b, loc, v, d);
  }
  return arith::ConstantIndexOp::create(b, loc, 1);
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
  int64_t rank = result.getRank();
  Value ok;
  for (int64_t r = 0; r < rank; ++r) {
    // The operands that run along dimension r (all but static size-1 ones).
    SmallVector<std::pair<Value, int64_t>> along;
    bool anyDynamic = false;
    for (Value v : operands) {
      auto t = dyn_cast<RankedTensorType>(v.getType());
      int64_t d = t ? r - (rank - t.getRank()) : -1;
      if (d < 0 || t.getDimSize(d) == 1)
        continue;
      along.push_back({v, d});
      anyDynamic |= t.isDynamicDim(d);
    }
    if (!anyDynamic || along.size() < 2)
      continue;
    Value first = tensor::DimOp::create(b, loc, along[0].first, along[0].second);
    for (auto [v, d] : ArrayRef(along).drop_front()) {
      Value same = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, first,
                                         tensor::DimOp::create(b, loc, v, d));
      ok = ok ? Value(arith::AndIOp::create(b, loc, ok, same)) : same;
    }
  }
  return ok;
}

Value computeIf(OpBuilder &b, Operation *op, Value ok, Type resultType, StringRef message,
                function_ref<Value()> compute) {
  if (!ok)
    return compute();
  Location loc = op->getLoc();
  checkAtRunTime(b, op, ok, "ValueError", message);
  auto ifOp = scf::IfOp::create(b, loc, resultType, ok, /*withElseRegion=*/true);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(&ifOp.getThenRegion().front());
  scf::YieldOp::create(b, loc, compute());
  b.setInsertionPointToStart(&ifOp.getElseRegion().front());
  scf::YieldOp::create(b, loc, zeroOf(b, loc, resultType));
  return ifOp.getResult(0);
}

Value elementwise(OpBuilder &b, Location loc, Type resultType, ValueRange operands,
                  ElementBody body) {
  auto result = dyn_cast<RankedTensorType>(resultType);
  if (!result)
    return body(b, loc, operands);
  int64_t rank = result.getRank();
  MLIRContext *ctx = b.getContext();
  SmallVector<Value> inputs;
  SmallVector<AffineMap> maps;
  for (Value v : operands) {
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
// Library calls
//===----------------------------------------------------------------------===//

static Value filled(OpBuilder &b, Location loc, RankedTensorType type, Value scalar,
                    ValueRange sizeSources) {
  Value empty = emptyLike(b, loc, type, sizeSources);
  scalar = convertElement(b, loc, scalar, type.getElementType());
  return linalg::FillOp::create(b, loc, ValueRange{scalar}, ValueRange{empty}).getResult(0);
}

static Value constantScalar(OpBuilder &b, Location loc, Type type, double value) {
  if (isa<FloatType>(type))
    return arith::ConstantOp::create(b, loc, b.getFloatAttr(type, value));
  return arith::ConstantOp::create(b, loc, b.getIntegerAttr(type, static_cast<int64_t>(value)));
}

static Value castTensor(OpBuilder &b, Location loc, Value v, Type elem) {
  auto t = cast<RankedTensorType>(v.getType());
  if (t.getElementType() == elem)
    return v;
  return elementwise(b, loc, t.clone(elem), {v},
                     [&](OpBuilder &nb, Location nl, ValueRange e) { return e[0]; });
}

static Value transpose2D(OpBuilder &b, Location loc, Value v) {
  auto t = cast<RankedTensorType>(v.getType());
  auto type = t.clone({t.getDimSize(1), t.getDimSize(0)});
  SmallVector<Value> dynamic;
  for (int64_t d : {1, 0})
    if (t.isDynamicDim(d))
      dynamic.push_back(tensor::DimOp::create(b, loc, v, d));
  Value init = tensor::EmptyOp::create(b, loc, type.getShape(), type.getElementType(), dynamic);
  return linalg::TransposeOp::create(b, loc, v, init, b.getDenseI64ArrayAttr({1, 0}))
      .getResult()[0];
}

static bool staticFlag(LibCallOp op, StringRef name) {
  auto attr = op.getStaticArgsAttr() ? op.getStaticArgsAttr().getAs<BoolAttr>(name) : BoolAttr();
  return attr && attr.getValue();
}

static constexpr StringLiteral kMismatchedMatmul =
    "matmul: the inner dimensions of the operands differ at run time";

static Value matmul(OpBuilder &b, Location loc, RankedTensorType result, Value x, Value y);

static Value lowerMatmul(OpBuilder &b, Location loc, LibCallOp op, Value x, Value y) {
  auto result = cast<RankedTensorType>(op.getType());
  x = castTensor(b, loc, x, result.getElementType());
  y = castTensor(b, loc, y, result.getElementType());
  if (staticFlag(op, "transpose_x"))
    x = transpose2D(b, loc, x);
  if (staticFlag(op, "transpose_y"))
    y = transpose2D(b, loc, y);
  Value ok;
  auto xt = cast<RankedTensorType>(x.getType()), yt = cast<RankedTensorType>(y.getType());
  if (xt.isDynamicDim(1) || yt.isDynamicDim(0))
    ok = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq,
                               tensor::DimOp::create(b, loc, x, 1),
                               tensor::DimOp::create(b, loc, y, 0));
  return computeIf(b, op, ok, result, kMismatchedMatmul, [&] { return matmul(b, loc, result, x, y); });
}

static Value matmul(OpBuilder &b, Location loc, RankedTensorType result, Value x, Value y) {
  SmallVector<Value> dynamic;
  if (result.isDynamicDim(0))
    dynamic.push_back(tensor::DimOp::create(b, loc, x, 0));
  if (result.isDynamicDim(1))
    dynamic.push_back(tensor::DimOp::create(b, loc, y, 1));
  Value empty = tensor::EmptyOp::create(b, loc, result.getShape(), result.getElementType(),
                                        dynamic);
  Value zero = constantScalar(b, loc, result.getElementType(), 0);
  Value init = linalg::FillOp::create(b, loc, ValueRange{zero}, ValueRange{empty}).getResult(0);
  return linalg::MatmulOp::create(b, loc, TypeRange{result}, ValueRange{x, y}, ValueRange{init})
      .getResult(0);
}

static Value lowerReduction(OpBuilder &b, Location loc, LibCallOp op, Value x) {
  StringRef name = op.getCallee();
  auto result = cast<RankedTensorType>(op.getType());
  Type elem = result.getElementType();
  x = castTensor(b, loc, x, elem);
  auto input = cast<RankedTensorType>(x.getType());
  DictionaryAttr statics = op.getStaticArgsAttr();
  SmallVector<int64_t> axes = llvm::map_to_vector(
      statics.getAs<ArrayAttr>("axis"),
      [](Attribute a) { return cast<IntegerAttr>(a).getInt(); });
  bool keepdim = statics.getAs<BoolAttr>("keepdim").getValue();
  llvm::SmallBitVector reduced(input.getRank());
  for (int64_t a : axes)
    reduced.set(a);

  SmallVector<int64_t> kept;
  SmallVector<Value> keptDynamic;
  for (int64_t d = 0; d < input.getRank(); ++d)
    if (!reduced.test(d)) {
      kept.push_back(input.getDimSize(d));
      if (input.isDynamicDim(d))
        keptDynamic.push_back(tensor::DimOp::create(b, loc, x, d));
    }
  bool isFloat = isa<FloatType>(elem);
  Value identity;
  if (name == "max")
    identity = isFloat ? Value(arith::ConstantOp::create(
                             b, loc, b.getFloatAttr(elem, -std::numeric_limits<double>::infinity())))
                       : Value(arith::ConstantOp::create(
                             b, loc, b.getIntegerAttr(elem, APInt::getSignedMinValue(
                                                                cast<IntegerType>(elem).getWidth()))));
  else if (name == "min")
    identity = isFloat ? Value(arith::ConstantOp::create(
                             b, loc, b.getFloatAttr(elem, std::numeric_limits<double>::infinity())))
                       : Value(arith::ConstantOp::create(
                             b, loc, b.getIntegerAttr(elem, APInt::getSignedMaxValue(
                                                                cast<IntegerType>(elem).getWidth()))));
  else
    identity = constantScalar(b, loc, elem, 0);
  Value empty = tensor::EmptyOp::create(b, loc, kept, elem, keptDynamic);
  Value init = linalg::FillOp::create(b, loc, ValueRange{identity}, ValueRange{empty}).getResult(0);
  auto reduce = linalg::ReduceOp::create(
      b, loc, ValueRange{x}, ValueRange{init}, axes,
      [&](OpBuilder &nb, Location nl, ValueRange args) {
        Value in = args[0], acc = args[1], r;
        if (name == "max")
          r = isFloat ? Value(arith::MaximumFOp::create(nb, nl, in, acc))
                      : Value(arith::MaxSIOp::create(nb, nl, in, acc));
        else if (name == "min")
          r = isFloat ? Value(arith::MinimumFOp::create(nb, nl, in, acc))
                      : Value(arith::MinSIOp::create(nb, nl, in, acc));
        else
          r = isFloat ? Value(arith::AddFOp::create(nb, nl, in, acc))
                      : Value(arith::AddIOp::create(nb, nl, in, acc));
        linalg::YieldOp::create(nb, nl, r);
      });
  Value value = reduce.getResult(0);

  if (name == "mean") {
    Value count = arith::ConstantIndexOp::create(b, loc, 1);
    for (int64_t a : axes)
      count = arith::MulIOp::create(b, loc, count, tensor::DimOp::create(b, loc, x, a));
    Value countF = arith::SIToFPOp::create(
        b, loc, elem, arith::IndexCastOp::create(b, loc, b.getI64Type(), count));
    value = elementwise(b, loc, value.getType(), {value, countF},
                        [](OpBuilder &nb, Location nl, ValueRange e) {
                          return arith::DivFOp::create(nb, nl, e[0], e[1]);
                        });
  }
  if (!keepdim)
    return value;
  // keepdim: put back the reduced dimensions as size 1.
  SmallVector<ReassociationIndices> groups(kept.size());
  int64_t group = 0;
  bool seenKept = false;
  for (int64_t d = 0; d < input.getRank(); ++d) {
    if (!reduced.test(d)) {
      if (seenKept)
        ++group;
      seenKept = true;
    }
    if (!groups.empty())
      groups[group].push_back(d);
  }
  SmallVector<OpFoldResult> outputShape;
  for (int64_t d = 0, k = 0; d < input.getRank(); ++d) {
    if (reduced.test(d)) {
      outputShape.push_back(b.getIndexAttr(1));
    } else {
      outputShape.push_back(input.isDynamicDim(d)
                                ? OpFoldResult(tensor::DimOp::create(b, loc, value, k).getResult())
                                : OpFoldResult(b.getIndexAttr(input.getDimSize(d))));
      ++k;
    }
  }
  return tensor::ExpandShapeOp::create(b, loc, result, value, groups, outputShape);
}

/// A constant tensor from literal data, or a tensor from a runtime value.
static Value lowerToTensor(OpBuilder &b, LibCallOp op, ValueRange operands) {
  Location loc = op.getLoc();
  auto type = cast<RankedTensorType>(op.getType());
  Type elem = type.getElementType();
  if (operands.empty()) {
    SmallVector<Attribute> values;
    std::function<void(Attribute)> flatten = [&](Attribute a) {
      if (auto array = dyn_cast<ArrayAttr>(a)) {
        llvm::for_each(array, flatten);
        return;
      }
      double d = isa<FloatAttr>(a) ? cast<FloatAttr>(a).getValueAsDouble()
                                   : static_cast<double>(cast<IntegerAttr>(a).getInt());
      if (auto i = dyn_cast<IntegerAttr>(a); i && i.getType().isInteger(1))
        d = i.getValue().isZero() ? 0 : 1;
      if (isa<FloatType>(elem))
        values.push_back(b.getFloatAttr(elem, d));
      else if (elem.isInteger(1))
        values.push_back(b.getBoolAttr(d != 0));
      else
        values.push_back(b.getIntegerAttr(elem, static_cast<int64_t>(d)));
    };
    flatten(op.getStaticArgsAttr().get("data"));
    return arith::ConstantOp::create(b, loc, DenseElementsAttr::get(type, values));
  }
  Value data = operands[0];
  if (isa<RankedTensorType>(data.getType()))
    return castTensor(b, loc, data, elem);
  return tensor::FromElementsOp::create(b, loc, type,
                                        ValueRange{convertElement(b, loc, data, elem)});
}

/// `t` with a size-1 dimension inserted at `axis`.
static Value insertUnitDim(OpBuilder &b, Location loc, Value t, int64_t axis) {
  auto type = cast<RankedTensorType>(t.getType());
  int64_t rank = type.getRank();
  SmallVector<int64_t> shape(type.getShape());
  shape.insert(shape.begin() + axis, 1);
  SmallVector<ReassociationIndices> groups;
  for (int64_t d = 0; d < rank; ++d) {
    int64_t r = d < axis ? d : d + 1;
    groups.push_back({r});
  }
  if (rank > 0) {
    // The unit dimension joins its neighbour's group.
    if (axis < rank)
      groups[axis].insert(groups[axis].begin(), axis);
    else
      groups[rank - 1].push_back(rank);
  }
  SmallVector<OpFoldResult> outputShape;
  for (int64_t d = 0, s = 0; d < rank + 1; ++d) {
    if (d == axis) {
      outputShape.push_back(b.getIndexAttr(1));
      continue;
    }
    outputShape.push_back(type.isDynamicDim(s)
                              ? OpFoldResult(tensor::DimOp::create(b, loc, t, s).getResult())
                              : OpFoldResult(b.getIndexAttr(type.getDimSize(s))));
    ++s;
  }
  return tensor::ExpandShapeOp::create(b, loc, type.clone(shape), t, groups, outputShape);
}

/// stack (a new dimension) and concat (an existing one) with tensor.concat.
static Value lowerJoin(OpBuilder &b, LibCallOp op, ValueRange operands) {
  Location loc = op.getLoc();
  int64_t axis = op.getStaticArgsAttr().getAs<IntegerAttr>("axis").getInt();
  SmallVector<Value> parts;
  for (Value v : operands)
    parts.push_back(op.getCallee() == "stack" ? insertUnitDim(b, loc, v, axis) : v);
  Value joined = parts.size() == 1 ? parts.front()
                                   : Value(tensor::ConcatOp::create(b, loc, axis, parts));
  if (joined.getType() != op.getType())
    joined = tensor::CastOp::create(b, loc, op.getType(), joined);
  return joined;
}

/// tensor.reshape to a shape tensor: the given one, or one built from the
/// literal shape (0 copies a dimension, -1 is what is left).
static Value lowerReshape(OpBuilder &b, LibCallOp op, ValueRange operands) {
  Location loc = op.getLoc();
  Value x = operands[0];
  auto result = cast<RankedTensorType>(op.getType());
  Value shape;
  if (operands.size() > 1) {
    shape = operands[1];
  } else {
    auto input = cast<RankedTensorType>(x.getType());
    Value total = arith::ConstantIndexOp::create(b, loc, 1);
    for (int64_t d = 0; d < input.getRank(); ++d)
      total = arith::MulIOp::create(b, loc, total, tensor::DimOp::create(b, loc, x, d));
    auto entries = op.getStaticArgsAttr().getAs<ArrayAttr>("shape");
    SmallVector<Value> dims;
    Value known = arith::ConstantIndexOp::create(b, loc, 1);
    int64_t inferred = -1;
    for (auto [i, a] : llvm::enumerate(entries)) {
      int64_t v = cast<IntegerAttr>(a).getInt();
      Value dim = v == 0    ? Value(tensor::DimOp::create(b, loc, x, i))
                  : v == -1 ? Value()
                            : Value(arith::ConstantIndexOp::create(b, loc, v));
      if (dim)
        known = arith::MulIOp::create(b, loc, known, dim);
      else
        inferred = i;
      dims.push_back(dim);
    }
    if (inferred != -1)
      dims[inferred] = arith::DivUIOp::create(b, loc, total, known);
    for (Value &d : dims)
      d = arith::IndexCastOp::create(b, loc, b.getI64Type(), d);
    shape = tensor::FromElementsOp::create(
        b, loc, RankedTensorType::get({static_cast<int64_t>(dims.size())}, b.getI64Type()), dims);
  }
  return tensor::ReshapeOp::create(b, loc, result, x, shape);
}

FailureOr<Value> lowerLibCall(OpBuilder &b, LibCallOp op, ValueRange operands) {
  Location loc = op.getLoc();
  StringRef name = op.getCallee();
  Type resultType = op.getType();
  Type resultElem = elementTypeOf(resultType);
  auto unary = [&](function_ref<Value(OpBuilder &, Location, Value)> fn) {
    return elementwise(b, loc, resultType, operands[0],
                       [&](OpBuilder &nb, Location nl, ValueRange e) {
                         return fn(nb, nl, convertElement(nb, nl, e[0], resultElem));
                       });
  };
  // Elementwise functions of several tensors check their dynamic sizes agree.
  auto nary = [&](ElementBody body) {
    return computeIf(b, op, broadcastSizesAgree(b, loc, resultType, operands), resultType,
                     kMismatchedShapes,
                     [&] { return elementwise(b, loc, resultType, operands, body); });
  };
  if (name == "exp")
    return unary([](OpBuilder &nb, Location nl, Value x) { return math::ExpOp::create(nb, nl, x); });
  if (name == "log")
    return unary([](OpBuilder &nb, Location nl, Value x) { return math::LogOp::create(nb, nl, x); });
  if (name == "sqrt")
    return unary([](OpBuilder &nb, Location nl, Value x) { return math::SqrtOp::create(nb, nl, x); });
  if (name == "tanh")
    return unary([](OpBuilder &nb, Location nl, Value x) { return math::TanhOp::create(nb, nl, x); });
  if (name == "sin")
    return unary([](OpBuilder &nb, Location nl, Value x) { return math::SinOp::create(nb, nl, x); });
  if (name == "cos")
    return unary([](OpBuilder &nb, Location nl, Value x) { return math::CosOp::create(nb, nl, x); });
  if (name == "floor")
    return unary([](OpBuilder &nb, Location nl, Value x) { return math::FloorOp::create(nb, nl, x); });
  if (name == "ceil")
    return unary([](OpBuilder &nb, Location nl, Value x) { return math::CeilOp::create(nb, nl, x); });
  if (name == "sigmoid")
    return unary([](OpBuilder &nb, Location nl, Value x) -> Value {
      Value one = constantScalar(nb, nl, x.getType(), 1);
      Value e = math::ExpOp::create(nb, nl, arith::NegFOp::create(nb, nl, x));
      return arith::DivFOp::create(nb, nl, one, arith::AddFOp::create(nb, nl, one, e));
    });
  if (name == "abs")
    return unary([](OpBuilder &nb, Location nl, Value x) -> Value {
      if (isa<FloatType>(x.getType()))
        return math::AbsFOp::create(nb, nl, x);
      if (x.getType().isInteger(1))
        return x;
      return math::AbsIOp::create(nb, nl, x);
    });
  if (name == "relu")
    return unary([](OpBuilder &nb, Location nl, Value x) -> Value {
      Value zero = constantScalar(nb, nl, x.getType(), 0);
      if (isa<FloatType>(x.getType()))
        return arith::MaxNumFOp::create(nb, nl, x, zero);
      if (x.getType().isInteger(1))
        return x;
      return arith::MaxSIOp::create(nb, nl, x, zero);
    });

  static const llvm::StringMap<BinaryKind> binaries = {
      {"add", BinaryKind::add}, {"subtract", BinaryKind::sub}, {"multiply", BinaryKind::mul},
      {"divide", BinaryKind::div}, {"pow", BinaryKind::pow}};
  std::string error;
  if (auto it = binaries.find(name); it != binaries.end()) {
    auto sig = binarySignature(it->second, operands[0].getType(), operands[1].getType(), error);
    return nary(
                       [&](OpBuilder &nb, Location nl, ValueRange e) {
                         return binaryScalar(nb, nl, it->second, e[0], e[1], sig->compute);
                       });
  }
  if (name == "maximum" || name == "minimum") {
    bool isMax = name == "maximum";
    return nary(
                       [&](OpBuilder &nb, Location nl, ValueRange e) -> Value {
                         Value x = convertElement(nb, nl, e[0], resultElem);
                         Value y = convertElement(nb, nl, e[1], resultElem);
                         if (isa<FloatType>(resultElem))
                           return isMax ? Value(arith::MaximumFOp::create(nb, nl, x, y))
                                        : Value(arith::MinimumFOp::create(nb, nl, x, y));
                         return isMax ? Value(arith::MaxSIOp::create(nb, nl, x, y))
                                      : Value(arith::MinSIOp::create(nb, nl, x, y));
                       });
  }
  static const llvm::StringMap<CompareKind> comparisons = {
      {"equal", CompareKind::eq},        {"not_equal", CompareKind::ne},
      {"less_than", CompareKind::lt},    {"less_equal", CompareKind::le},
      {"greater_than", CompareKind::gt}, {"greater_equal", CompareKind::ge}};
  if (auto it = comparisons.find(name); it != comparisons.end()) {
    Type compute = promoteOperands(operands[0].getType(), operands[1].getType());
    return nary(
                       [&](OpBuilder &nb, Location nl, ValueRange e) {
                         return compareScalar(nb, nl, it->second, e[0], e[1], compute);
                       });
  }
  if (name == "logical_and" || name == "logical_or" || name == "logical_not")
    return nary(
                       [&](OpBuilder &nb, Location nl, ValueRange e) -> Value {
                         Value x = convertElement(nb, nl, e[0], nb.getI1Type());
                         if (name == "logical_not")
                           return arith::XOrIOp::create(
                               nb, nl, x, arith::ConstantOp::create(nb, nl, nb.getBoolAttr(true)));
                         Value y = convertElement(nb, nl, e[1], nb.getI1Type());
                         if (name == "logical_and")
                           return arith::AndIOp::create(nb, nl, x, y);
                         return arith::OrIOp::create(nb, nl, x, y);
                       });
  if (name == "where")
    return nary(
                       [&](OpBuilder &nb, Location nl, ValueRange e) -> Value {
                         return arith::SelectOp::create(
                             nb, nl, e[0], convertElement(nb, nl, e[1], resultElem),
                             convertElement(nb, nl, e[2], resultElem));
                       });
  if (name == "cast")
    return unary([](OpBuilder &, Location, Value x) { return x; });
  if (name == "matmul")
    return lowerMatmul(b, loc, op, operands[0], operands[1]);
  if (name == "sum" || name == "mean" || name == "max" || name == "min")
    return lowerReduction(b, loc, op, operands[0]);
  if (name == "zeros" || name == "ones" || name == "full") {
    auto type = cast<RankedTensorType>(resultType);
    Value value = name == "full" ? operands[0]
                                 : constantScalar(b, loc, type.getElementType(),
                                                  name == "ones" ? 1 : 0);
    return filled(b, loc, type, value, {});
  }
  if (name == "zeros_like" || name == "ones_like" || name == "full_like") {
    auto type = cast<RankedTensorType>(resultType);
    Value value = name == "full_like" ? operands[1]
                                      : constantScalar(b, loc, type.getElementType(),
                                                       name == "ones_like" ? 1 : 0);
    return filled(b, loc, type, value, operands[0]);
  }
  if (name == "to_tensor")
    return lowerToTensor(b, op, operands);
  if (name == "stack" || name == "concat")
    return lowerJoin(b, op, operands);
  if (name == "reshape")
    return lowerReshape(b, op, operands);
  return op.emitError() << name << "() has no lowering";
}

} // namespace mlir::pydy::lowering
