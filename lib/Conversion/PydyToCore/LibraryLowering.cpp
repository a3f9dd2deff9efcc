// The dispatch of `pydy.lib_call` to its primitive's lowering (the table's
// Lowering column), the shared shape helpers, and the elementwise families.
#include "LibLowering.h"

#include "Dy2St/Dialect/Pydy/TypeRules.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;

namespace mlir::pydy::lowering {

Value LibLowering::operand(StringRef param) {
  auto it = operands.find(param);
  return it == operands.end() || it->second.empty() ? Value() : it->second.front();
}

bool LibLowering::flag(StringRef param) {
  auto attr = statics.getAs<BoolAttr>(param);
  return attr && attr.getValue();
}

int64_t LibLowering::integer(StringRef param) {
  return statics.getAs<IntegerAttr>(param).getInt();
}

SmallVector<int64_t> LibLowering::integers(StringRef param) {
  return llvm::map_to_vector(statics.getAs<ArrayAttr>(param),
                             [](Attribute a) { return cast<IntegerAttr>(a).getInt(); });
}

Value LibLowering::index(int64_t v) { return arith::ConstantIndexOp::create(b, loc, v); }

Value LibLowering::dim(Value tensor, int64_t d) {
  return tensor::DimOp::create(b, loc, tensor, d);
}

SmallVector<Value> LibLowering::indexValues(StringRef param) {
  SmallVector<Value> values;
  ArrayRef<Value> runtime = all(param);
  auto toIndex = [&](Value v) {
    return arith::IndexCastOp::create(b, loc, b.getIndexType(), toI64(b, loc, v)).getResult();
  };
  auto entries = statics.getAs<DenseI64ArrayAttr>(param);
  if (!entries) {
    Value shape = runtime.front();
    int64_t n = cast<RankedTensorType>(shape.getType()).getDimSize(0);
    for (int64_t i = 0; i < n; ++i) {
      Value e = tensor::ExtractOp::create(b, loc, shape, ValueRange{index(i)});
      values.push_back(toIndex(e));
    }
    return values;
  }
  size_t next = 0;
  for (int64_t v : entries.asArrayRef())
    values.push_back(v == kDynamicInt ? toIndex(runtime[next++]) : index(v));
  return values;
}

FailureOr<Value> lowerLibCall(OpBuilder &b, LibCallOp op, ValueRange operands) {
  const LibFunction *fn = lookupLibFunction(op.getCallee());
  LibLowering lowering{b, op, *fn, op.getLoc(), op.getType(), {}, op.getStaticArgsAttr()};
  for (auto [name, value] : llvm::zip(op.getKwnames().getAsValueRange<StringAttr>(), operands))
    lowering.operands[name].push_back(value);
  using Lower = FailureOr<Value> (*)(LibLowering &);
  static constexpr Lower lowerings[] = {
#define DY2ST_PRIMITIVE(NAME, SIGNATURE, RULE, LOWERING) &lower##LOWERING,
#include "Dy2St/Dialect/Pydy/LibraryOps.def"
#undef DY2ST_PRIMITIVE
  };
  return lowerings[static_cast<unsigned>(fn->op)](lowering);
}

//===----------------------------------------------------------------------===//
// Shapes
//===----------------------------------------------------------------------===//

OpFoldResult sizeOf(OpBuilder &b, Location loc, Value t, int64_t d) {
  auto type = cast<RankedTensorType>(t.getType());
  if (type.isDynamicDim(d))
    return tensor::DimOp::create(b, loc, t, d).getResult();
  return b.getIndexAttr(type.getDimSize(d));
}

Value insertUnitDim(OpBuilder &b, Location loc, Value t, int64_t axis) {
  auto type = cast<RankedTensorType>(t.getType());
  int64_t rank = type.getRank();
  SmallVector<int64_t> shape(type.getShape());
  shape.insert(shape.begin() + axis, 1);
  SmallVector<ReassociationIndices> groups;
  for (int64_t d = 0; d < rank; ++d)
    groups.push_back({d < axis ? d : d + 1});
  if (rank > 0) {
    // The unit dimension joins its neighbour's group.
    if (axis < rank)
      groups[axis].insert(groups[axis].begin(), axis);
    else
      groups[rank - 1].push_back(rank);
  }
  SmallVector<OpFoldResult> outputShape;
  for (int64_t d = 0, s = 0; d < rank + 1; ++d)
    outputShape.push_back(d == axis ? OpFoldResult(b.getIndexAttr(1)) : sizeOf(b, loc, t, s++));
  return tensor::ExpandShapeOp::create(b, loc, type.clone(shape), t, groups, outputShape);
}

Value expandDims(OpBuilder &b, Location loc, RankedTensorType type, Value t,
                 ArrayRef<ReassociationIndices> groups, ArrayRef<OpFoldResult> sizes) {
  bool twoDynamicInAGroup = llvm::any_of(groups, [&](const ReassociationIndices &group) {
    return llvm::count_if(group, [&](int64_t d) { return type.isDynamicDim(d); }) > 1;
  });
  if (!twoDynamicInAGroup)
    return tensor::ExpandShapeOp::create(b, loc, type, t, groups, sizes);
  // expand-strided-metadata (MLIR 22) crashes on an expand_shape with two
  // dynamic sizes in one group: a reshape by a shape tensor instead.
  SmallVector<Value> dims;
  for (OpFoldResult size : sizes)
    dims.push_back(arith::IndexCastOp::create(b, loc, b.getI64Type(),
                                              getValueOrCreateConstantIndexOp(b, loc, size)));
  Value shape = tensor::FromElementsOp::create(
      b, loc, RankedTensorType::get({type.getRank()}, b.getI64Type()), dims);
  return tensor::ReshapeOp::create(b, loc, type, t, shape);
}

Value dropUnitDim(OpBuilder &b, Location loc, Value t, int64_t axis) {
  auto type = cast<RankedTensorType>(t.getType());
  int64_t rank = type.getRank();
  SmallVector<int64_t> shape(type.getShape());
  shape.erase(shape.begin() + axis);
  SmallVector<ReassociationIndices> groups;
  for (int64_t d = 0; d < rank; ++d) {
    if (d == axis)
      continue;
    groups.push_back({d});
  }
  if (!groups.empty()) {
    if (axis < rank - 1)
      groups[axis].insert(groups[axis].begin(), axis);
    else
      groups.back().push_back(axis);
  }
  return tensor::CollapseShapeOp::create(b, loc, type.clone(shape), t, groups);
}

Value flattenTensor(OpBuilder &b, Location loc, Value t) {
  auto type = cast<RankedTensorType>(t.getType());
  if (type.getRank() == 1)
    return t;
  if (type.getRank() == 0)
    return insertUnitDim(b, loc, t, 0);
  ReassociationIndices all;
  for (int64_t d = 0; d < type.getRank(); ++d)
    all.push_back(d);
  int64_t n = type.hasStaticShape() ? type.getNumElements() : ShapedType::kDynamic;
  return tensor::CollapseShapeOp::create(b, loc, type.clone({n}), t,
                                         ArrayRef<ReassociationIndices>{all});
}

Value keepReducedDims(OpBuilder &b, Location loc, Value value, RankedTensorType input,
                      ArrayRef<bool> reduced, RankedTensorType result) {
  int64_t kept = cast<RankedTensorType>(value.getType()).getRank();
  if (kept == 0) {
    // Every dimension was reduced: reshape the scalar to all ones.
    SmallVector<Value> ones(result.getRank(), arith::ConstantOp::create(b, loc, b.getI64IntegerAttr(1)));
    Value shape = tensor::FromElementsOp::create(
        b, loc, RankedTensorType::get({result.getRank()}, b.getI64Type()), ones);
    return tensor::ReshapeOp::create(b, loc, result, value, shape);
  }
  SmallVector<ReassociationIndices> groups(kept);
  int64_t group = 0;
  bool seenKept = false;
  for (int64_t d = 0; d < input.getRank(); ++d) {
    if (!reduced[d]) {
      if (seenKept)
        ++group;
      seenKept = true;
    }
    groups[group].push_back(d);
  }
  SmallVector<OpFoldResult> outputShape;
  for (int64_t d = 0, k = 0; d < input.getRank(); ++d)
    outputShape.push_back(reduced[d] ? OpFoldResult(b.getIndexAttr(1)) : sizeOf(b, loc, value, k++));
  return tensor::ExpandShapeOp::create(b, loc, result, value, groups, outputShape);
}

//===----------------------------------------------------------------------===//
// Elementwise
//===----------------------------------------------------------------------===//

/// The complex functions the table takes complex tensors for; those the
/// complex dialect lacks are written over its exp, log and division.
static Value complexUnaryScalar(OpBuilder &b, Location loc, LibOp op, Value x) {
  auto t = cast<ComplexType>(x.getType());
  auto number = [&](double re) { return complexConstant(b, loc, t, re, 0); };
  auto expOfBoth = [&](bool add) {
    Value e = complex::ExpOp::create(b, loc, x);
    Value eNeg = complex::ExpOp::create(b, loc, complex::NegOp::create(b, loc, x));
    Value sum = add ? Value(complex::AddOp::create(b, loc, e, eNeg))
                    : Value(complex::SubOp::create(b, loc, e, eNeg));
    return complex::MulOp::create(b, loc, sum, number(0.5));
  };
  switch (op) {
  case LibOp::exp:
    return complex::ExpOp::create(b, loc, x);
  case LibOp::expm1:
    return complex::Expm1Op::create(b, loc, x);
  case LibOp::log:
    return complex::LogOp::create(b, loc, x);
  case LibOp::log2:
    return complex::MulOp::create(b, loc, complex::LogOp::create(b, loc, x), number(1 / M_LN2));
  case LibOp::log10:
    return complex::MulOp::create(b, loc, complex::LogOp::create(b, loc, x), number(1 / M_LN10));
  case LibOp::log1p:
    return complex::Log1pOp::create(b, loc, x);
  case LibOp::sqrt:
    return complex::SqrtOp::create(b, loc, x);
  case LibOp::sin:
    return complex::SinOp::create(b, loc, x);
  case LibOp::cos:
    return complex::CosOp::create(b, loc, x);
  case LibOp::tan:
    return complex::TanOp::create(b, loc, x);
  case LibOp::tanh:
    return complex::TanhOp::create(b, loc, x);
  case LibOp::sinh:
    return expOfBoth(false);
  case LibOp::cosh:
    return expOfBoth(true);
  case LibOp::sigmoid: {
    Value e = complex::ExpOp::create(b, loc, complex::NegOp::create(b, loc, x));
    return complex::DivOp::create(b, loc, number(1), complex::AddOp::create(b, loc, number(1), e));
  }
  case LibOp::reciprocal:
    return complex::DivOp::create(b, loc, number(1), x);
  case LibOp::abs:
    return complex::AbsOp::create(b, loc, x);
  case LibOp::neg:
    return complex::NegOp::create(b, loc, x);
  case LibOp::square:
    return complex::MulOp::create(b, loc, x, x);
  default:
    llvm_unreachable("the table's complex list has no other unary primitive");
  }
}

static Value unaryScalar(OpBuilder &b, Location loc, LibOp op, Value x) {
  Type t = x.getType();
  if (isa<ComplexType>(t))
    return complexUnaryScalar(b, loc, op, x);
  bool isFloat = isa<FloatType>(t);
  auto zero = [&] { return constantScalar(b, loc, t, 0); };
  auto one = [&] { return constantScalar(b, loc, t, 1); };
  auto boolean = [&](bool v) { return arith::ConstantOp::create(b, loc, b.getBoolAttr(v)); };
  switch (op) {
  case LibOp::exp: return math::ExpOp::create(b, loc, x);
  case LibOp::expm1: return math::ExpM1Op::create(b, loc, x);
  case LibOp::log: return math::LogOp::create(b, loc, x);
  case LibOp::log2: return math::Log2Op::create(b, loc, x);
  case LibOp::log10: return math::Log10Op::create(b, loc, x);
  case LibOp::log1p: return math::Log1pOp::create(b, loc, x);
  case LibOp::sqrt: return math::SqrtOp::create(b, loc, x);
  case LibOp::rsqrt: return math::RsqrtOp::create(b, loc, x);
  case LibOp::sin: return math::SinOp::create(b, loc, x);
  case LibOp::cos: return math::CosOp::create(b, loc, x);
  case LibOp::tan: return math::TanOp::create(b, loc, x);
  case LibOp::asin: return math::AsinOp::create(b, loc, x);
  case LibOp::acos: return math::AcosOp::create(b, loc, x);
  case LibOp::atan: return math::AtanOp::create(b, loc, x);
  case LibOp::sinh: return math::SinhOp::create(b, loc, x);
  case LibOp::cosh: return math::CoshOp::create(b, loc, x);
  case LibOp::tanh: return math::TanhOp::create(b, loc, x);
  case LibOp::asinh: return math::AsinhOp::create(b, loc, x);
  case LibOp::acosh: return math::AcoshOp::create(b, loc, x);
  case LibOp::atanh: return math::AtanhOp::create(b, loc, x);
  case LibOp::erf: return math::ErfOp::create(b, loc, x);
  case LibOp::sigmoid: {
    Value e = math::ExpOp::create(b, loc, arith::NegFOp::create(b, loc, x));
    return arith::DivFOp::create(b, loc, one(), arith::AddFOp::create(b, loc, one(), e));
  }
  case LibOp::reciprocal: return arith::DivFOp::create(b, loc, one(), x);
  case LibOp::floor: return isFloat ? Value(math::FloorOp::create(b, loc, x)) : x;
  case LibOp::ceil: return isFloat ? Value(math::CeilOp::create(b, loc, x)) : x;
  case LibOp::round: return isFloat ? Value(math::RoundEvenOp::create(b, loc, x)) : x;
  case LibOp::trunc: return isFloat ? Value(math::TruncOp::create(b, loc, x)) : x;
  case LibOp::abs:
    if (t.isInteger(1))
      return x;
    return isFloat ? Value(math::AbsFOp::create(b, loc, x)) : Value(math::AbsIOp::create(b, loc, x));
  case LibOp::neg:
    return isFloat ? Value(arith::NegFOp::create(b, loc, x))
                   : Value(arith::SubIOp::create(b, loc, zero(), x));
  case LibOp::sign: {
    if (isFloat) {
      // NaN stays NaN; +-0 gives 0.
      Value pos = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, x, zero());
      Value neg = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, x, zero());
      Value s = arith::SelectOp::create(b, loc, pos, one(),
                                        arith::SelectOp::create(b, loc, neg, constantScalar(b, loc, t, -1), zero()));
      Value nan = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, x, x);
      return arith::SelectOp::create(b, loc, nan, x, s);
    }
    Value pos = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt, x, zero());
    Value neg = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, x, zero());
    return arith::SelectOp::create(b, loc, pos, one(),
                                   arith::SelectOp::create(b, loc, neg, constantScalar(b, loc, t, -1), zero()));
  }
  case LibOp::square:
    return isFloat ? Value(arith::MulFOp::create(b, loc, x, x)) : Value(arith::MulIOp::create(b, loc, x, x));
  case LibOp::relu:
    if (t.isInteger(1))
      return x;
    return isFloat ? Value(arith::MaxNumFOp::create(b, loc, x, zero()))
                   : Value(arith::MaxSIOp::create(b, loc, x, zero()));
  case LibOp::bitwise_not:
    return arith::XOrIOp::create(b, loc, x, arith::ConstantOp::create(b, loc, b.getIntegerAttr(t, -1)));
  case LibOp::isnan:
    return isFloat ? Value(arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, x, x)) : boolean(false);
  case LibOp::isinf:
  case LibOp::isfinite: {
    if (!isFloat)
      return boolean(op == LibOp::isfinite);
    Value inf = arith::ConstantOp::create(b, loc, b.getFloatAttr(t, std::numeric_limits<double>::infinity()));
    Value a = math::AbsFOp::create(b, loc, x);
    return arith::CmpFOp::create(b, loc,
                                 op == LibOp::isinf ? arith::CmpFPredicate::OEQ : arith::CmpFPredicate::OLT,
                                 a, inf);
  }
  case LibOp::logical_not:
    return arith::XOrIOp::create(b, loc, convertElement(b, loc, x, b.getI1Type()), boolean(true));
  default:
    llvm_unreachable("not a unary primitive");
  }
}

FailureOr<Value> lowerUnary(LibLowering &l) {
  Value x = l.operand(l.fn.params[0].name);
  LibOp op = l.fn.op;
  // Math computes in the result's dtype; predicates on the input's.
  Type compute = elementTypeOf(l.resultType);
  if ((compute.isInteger(1) && op != LibOp::logical_not) ||
      isa<ComplexType>(elementTypeOf(x.getType())))
    compute = elementTypeOf(x.getType());
  return elementwise(l.b, l.loc, l.resultType, x,
                     [&](OpBuilder &nb, Location nl, ValueRange e) {
                       Value v = op == LibOp::logical_not ? e[0]
                                                          : convertElement(nb, nl, e[0], compute);
                       return unaryScalar(nb, nl, op, v);
                     });
}

/// Elementwise functions of several operands check that their dynamic sizes
/// agree at run time.
static Value nary(LibLowering &l, ValueRange operands, ElementBody body) {
  return computeIf(l.b, l.op, broadcastSizesAgree(l.b, l.loc, l.resultType, operands),
                   l.resultType, kMismatchedShapes,
                   [&] { return elementwise(l.b, l.loc, l.resultType, operands, body); });
}

FailureOr<Value> lowerBinary(LibLowering &l) {
  SmallVector<Value> xy{l.operand("x"), l.operand("y")};
  Type resultElem = elementTypeOf(l.resultType);
  LibOp op = l.fn.op;
  if (auto kind = arithmeticKind(op)) {
    std::string error;
    auto sig = binarySignature(*kind, xy[0].getType(), xy[1].getType(), error);
    return nary(l, xy, [&](OpBuilder &nb, Location nl, ValueRange e) {
      return binaryScalar(nb, nl, *kind, e[0], e[1], sig->compute);
    });
  }
  if (auto kind = comparisonKind(op)) {
    Type compute = promoteOperands(xy[0].getType(), xy[1].getType());
    return nary(l, xy, [&](OpBuilder &nb, Location nl, ValueRange e) {
      return compareScalar(nb, nl, *kind, e[0], e[1], compute);
    });
  }
  if (op == LibOp::bitwise_left_shift || op == LibOp::bitwise_right_shift) {
    bool left = op == LibOp::bitwise_left_shift, arithmetic = l.flag("is_arithmetic");
    return nary(l, xy, [&](OpBuilder &nb, Location nl, ValueRange e) {
      return shifted(nb, nl, e[0], e[1], left, arithmetic);
    });
  }
  return nary(l, xy, [&](OpBuilder &nb, Location nl, ValueRange e) -> Value {
    bool logical = op == LibOp::logical_and || op == LibOp::logical_or || op == LibOp::logical_xor;
    Type compute = logical ? nb.getI1Type() : resultElem;
    Value x = convertElement(nb, nl, e[0], compute), y = convertElement(nb, nl, e[1], compute);
    bool isFloat = isa<FloatType>(compute);
    switch (op) {
    case LibOp::maximum:
      return isFloat ? Value(arith::MaximumFOp::create(nb, nl, x, y)) : Value(arith::MaxSIOp::create(nb, nl, x, y));
    case LibOp::minimum:
      return isFloat ? Value(arith::MinimumFOp::create(nb, nl, x, y)) : Value(arith::MinSIOp::create(nb, nl, x, y));
    case LibOp::atan2: return math::Atan2Op::create(nb, nl, x, y);
    case LibOp::logical_and:
    case LibOp::bitwise_and: return arith::AndIOp::create(nb, nl, x, y);
    case LibOp::logical_or:
    case LibOp::bitwise_or: return arith::OrIOp::create(nb, nl, x, y);
    case LibOp::logical_xor:
    case LibOp::bitwise_xor: return arith::XOrIOp::create(nb, nl, x, y);
    default: llvm_unreachable("not a binary primitive");
    }
  });
}

FailureOr<Value> lowerSelect(LibLowering &l) {
  Type resultElem = elementTypeOf(l.resultType);
  SmallVector<Value> operands{l.operand("condition"), l.operand("x"), l.operand("y")};
  return nary(l, operands, [&](OpBuilder &nb, Location nl, ValueRange e) -> Value {
    return arith::SelectOp::create(nb, nl, e[0], convertElement(nb, nl, e[1], resultElem),
                                   convertElement(nb, nl, e[2], resultElem));
  });
}

FailureOr<Value> lowerMakeComplex(LibLowering &l) {
  Type resultElem = elementTypeOf(l.resultType);
  return nary(l, {l.operand("real"), l.operand("imag")},
              [&](OpBuilder &nb, Location nl, ValueRange e) -> Value {
                return complex::CreateOp::create(nb, nl, resultElem, e[0], e[1]);
              });
}

FailureOr<Value> lowerComplexPart(LibLowering &l) {
  bool real = l.fn.op == LibOp::real;
  return elementwise(l.b, l.loc, l.resultType, l.operand("x"),
                     [&](OpBuilder &nb, Location nl, ValueRange e) -> Value {
                       return real ? Value(complex::ReOp::create(nb, nl, e[0]))
                                   : Value(complex::ImOp::create(nb, nl, e[0]));
                     });
}

FailureOr<Value> lowerCast(LibLowering &l) {
  return castTensor(l.b, l.loc, l.operand("x"), elementTypeOf(l.resultType));
}

} // namespace mlir::pydy::lowering
