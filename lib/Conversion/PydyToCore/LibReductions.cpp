// Lowerings of matmul, the reductions and the scans.
#include "LibLowering.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

#include <map>
#include <set>

using namespace mlir;

namespace mlir::pydy::lowering {

static constexpr StringLiteral kMismatchedMatmul =
    "matmul: the inner dimensions of the operands differ at run time";

/// `v` with its last two dimensions swapped.
static Value transposeLast2(OpBuilder &b, Location loc, Value v) {
  auto t = cast<RankedTensorType>(v.getType());
  int64_t rank = t.getRank();
  SmallVector<int64_t> perm;
  for (int64_t d = 0; d < rank; ++d)
    perm.push_back(d);
  std::swap(perm[rank - 1], perm[rank - 2]);
  SmallVector<int64_t> shape;
  SmallVector<Value> dynamic;
  for (int64_t p : perm) {
    shape.push_back(t.getDimSize(p));
    if (t.isDynamicDim(p))
      dynamic.push_back(tensor::DimOp::create(b, loc, v, p));
  }
  Value init = tensor::EmptyOp::create(b, loc, shape, t.getElementType(), dynamic);
  return linalg::TransposeOp::create(b, loc, v, init, b.getDenseI64ArrayAttr(perm)).getResult()[0];
}

static Value identityOf(OpBuilder &b, Location loc, LibOp op, Type elem) {
  bool isFloat = isa<FloatType>(elem);
  auto extreme = [&](bool max) -> Value {
    if (isFloat)
      return arith::ConstantOp::create(
          b, loc, b.getFloatAttr(elem, (max ? -1 : 1) * std::numeric_limits<double>::infinity()));
    unsigned w = cast<IntegerType>(elem).getWidth();
    return arith::ConstantOp::create(
        b, loc, b.getIntegerAttr(elem, max ? APInt::getSignedMinValue(w) : APInt::getSignedMaxValue(w)));
  };
  switch (op) {
  case LibOp::max: return extreme(true);
  case LibOp::min: return extreme(false);
  case LibOp::prod:
  case LibOp::cumprod:
  case LibOp::all: return constantScalar(b, loc, elem, 1);
  default: return constantScalar(b, loc, elem, 0);
  }
}

static Value combine(OpBuilder &b, Location loc, LibOp op, Value in, Value acc) {
  // Complex numbers are summed (sum, mean) and multiplied (einsum's products).
  if (isa<ComplexType>(in.getType()))
    return op == LibOp::prod ? Value(complex::MulOp::create(b, loc, in, acc))
                             : Value(complex::AddOp::create(b, loc, in, acc));
  bool isFloat = isa<FloatType>(in.getType());
  switch (op) {
  case LibOp::max:
    return isFloat ? Value(arith::MaximumFOp::create(b, loc, in, acc)) : Value(arith::MaxSIOp::create(b, loc, in, acc));
  case LibOp::min:
    return isFloat ? Value(arith::MinimumFOp::create(b, loc, in, acc)) : Value(arith::MinSIOp::create(b, loc, in, acc));
  case LibOp::prod:
  case LibOp::cumprod:
    return isFloat ? Value(arith::MulFOp::create(b, loc, in, acc)) : Value(arith::MulIOp::create(b, loc, in, acc));
  case LibOp::all: return arith::AndIOp::create(b, loc, in, acc);
  case LibOp::any: return arith::OrIOp::create(b, loc, in, acc);
  default:
    return isFloat ? Value(arith::AddFOp::create(b, loc, in, acc)) : Value(arith::AddIOp::create(b, loc, in, acc));
  }
}

/// The reassociation of dimensions [0, count) into one, the rest kept.
static SmallVector<ReassociationIndices> leadingGroup(int64_t count, int64_t rank) {
  SmallVector<ReassociationIndices> groups(1);
  for (int64_t d = 0; d < count; ++d)
    groups[0].push_back(d);
  for (int64_t d = count; d < rank; ++d)
    groups.push_back({d});
  return groups;
}

/// `t` with dimensions [0, count) merged into one (the rest kept).
static Value mergeLeading(OpBuilder &b, Location loc, Value t, int64_t count) {
  if (count == 1)
    return t;
  int64_t rank = cast<RankedTensorType>(t.getType()).getRank();
  return tensor::CollapseShapeOp::create(b, loc, t, leadingGroup(count, rank));
}

/// A zero-filled tensor of `type` whose dynamic sizes are `sizes`' values.
static Value zeros(OpBuilder &b, Location loc, RankedTensorType type, ArrayRef<OpFoldResult> sizes) {
  Value empty = tensor::EmptyOp::create(b, loc, sizes, type.getElementType());
  if (empty.getType() != type)
    empty = tensor::CastOp::create(b, loc, type, empty);
  Value zero = constantScalar(b, loc, type.getElementType(), 0);
  return linalg::FillOp::create(b, loc, ValueRange{zero}, ValueRange{empty}).getResult(0);
}

/// linalg.matmul of x [M, K] and y [K, N], or of y [N, K] read transposed
/// (by the op's indexing maps: no transposed copy; BLAS's transB), into `init`.
static Value matrixProduct(OpBuilder &b, Location loc, RankedTensorType type, Value x, Value y,
                           Value init, bool yTransposed) {
  auto op = linalg::MatmulOp::create(b, loc, TypeRange{type}, ValueRange{x, y}, ValueRange{init});
  if (yTransposed) {
    MLIRContext *ctx = b.getContext();
    AffineExpr m = getAffineDimExpr(0, ctx), n = getAffineDimExpr(1, ctx),
               k = getAffineDimExpr(2, ctx);
    op.setIndexingMapsAttr(b.getAffineMapArrayAttr({AffineMap::get(3, 0, {m, k}, ctx),
                                                    AffineMap::get(3, 0, {n, k}, ctx),
                                                    AffineMap::get(3, 0, {m, n}, ctx)}));
  }
  return op.getResult(0);
}

/// x [b..., M, K] times y [K, N] (or [N, K] `yTransposed`) or y [b..., K, N]
/// (the same batch sizes) as one linalg.matmul ([b·M, K] x [K, N]) or
/// linalg.batch_matmul ([b, M, K] x [b, K, N]), the named ops
/// dy2st-linalg-to-blas hands to BLAS; null where batch dimensions broadcast.
static Value mergedProduct(OpBuilder &b, Location loc, RankedTensorType result, Value x, Value y,
                           bool yTransposed) {
  auto xt = cast<RankedTensorType>(x.getType()), yt = cast<RankedTensorType>(y.getType());
  int64_t rank = result.getRank(), batch = rank - 2;
  bool yBatched = yt.getRank() == rank;
  int64_t yColumns = yTransposed ? 0 : yt.getRank() - 1;
  if (batch == 0 || xt.getRank() != rank || (!yBatched && yt.getRank() != 2))
    return {};
  for (int64_t d = 0; yBatched && d < batch; ++d)
    if (xt.getDimSize(d) != yt.getDimSize(d))
      return {};
  SmallVector<OpFoldResult> sizes;
  for (int64_t d = 0; d <= batch; ++d)
    sizes.push_back(sizeOf(b, loc, x, d));
  sizes.push_back(sizeOf(b, loc, y, yColumns));
  // The batch dimensions merge into the rows (y unbatched) or into one.
  int64_t merged = yBatched ? batch : batch + 1;
  Value xm = mergeLeading(b, loc, x, merged);
  Value ym = yBatched ? mergeLeading(b, loc, y, batch) : y;
  auto xmt = cast<RankedTensorType>(xm.getType()), ymt = cast<RankedTensorType>(ym.getType());
  SmallVector<int64_t> shape(xmt.getShape().drop_back());
  shape.push_back(ymt.getDimSize(yBatched ? ymt.getRank() - 1 : yColumns));
  auto outType = RankedTensorType::get(shape, result.getElementType());
  SmallVector<OpFoldResult> outSizes;
  for (int64_t d = 0; d + 1 < xmt.getRank(); ++d)
    outSizes.push_back(sizeOf(b, loc, xm, d));
  outSizes.push_back(sizeOf(b, loc, ym, yBatched ? ymt.getRank() - 1 : yColumns));
  Value init = zeros(b, loc, outType, outSizes);
  Value product =
      yBatched ? linalg::BatchMatmulOp::create(b, loc, TypeRange{outType}, ValueRange{xm, ym},
                                               ValueRange{init})
                     .getResult(0)
               : matrixProduct(b, loc, outType, xm, ym, init, yTransposed);
  if (merged == 1)
    return product;
  return expandDims(b, loc, result, product, leadingGroup(merged, rank), sizes);
}

/// The product of x [..., M, K] and y [..., K, N] (both >= 2-d; a 2-d y may
/// be [N, K] `yTransposed`), batch dimensions broadcast: linalg.matmul for
/// 2-d operands, a merged named op where the batch dimensions allow it (see
/// mergedProduct), else a generic.
static Value batchedMatmul(OpBuilder &b, Location loc, RankedTensorType result, Value x, Value y,
                           bool yTransposed) {
  if (Value merged = mergedProduct(b, loc, result, x, y, yTransposed))
    return merged;
  auto xt = cast<RankedTensorType>(x.getType()), yt = cast<RankedTensorType>(y.getType());
  int64_t rank = result.getRank();
  SmallVector<Value> dynamic;
  for (int64_t d = 0; d < rank; ++d) {
    if (!result.isDynamicDim(d))
      continue;
    if (d == rank - 1) {
      dynamic.push_back(tensor::DimOp::create(b, loc, y, yTransposed ? 0 : yt.getRank() - 1));
    } else if (d == rank - 2) {
      dynamic.push_back(tensor::DimOp::create(b, loc, x, xt.getRank() - 2));
    } else {
      int64_t dx = d - (rank - xt.getRank()), dy = d - (rank - yt.getRank());
      bool fromX = dx >= 0 && xt.getDimSize(dx) != 1;
      dynamic.push_back(fromX ? tensor::DimOp::create(b, loc, x, dx)
                              : tensor::DimOp::create(b, loc, y, dy));
    }
  }
  Value empty = tensor::EmptyOp::create(b, loc, result.getShape(), result.getElementType(), dynamic);
  Value zero = constantScalar(b, loc, result.getElementType(), 0);
  Value init = linalg::FillOp::create(b, loc, ValueRange{zero}, ValueRange{empty}).getResult(0);
  if (xt.getRank() == 2 && yt.getRank() == 2)
    return matrixProduct(b, loc, result, x, y, init, yTransposed);
  // Loops (batch..., m, k, n): the innermost loop walks rows of y and of the
  // result contiguously, which LLVM vectorizes (as dy2st-matmul-loop-order
  // does for linalg.matmul).
  MLIRContext *ctx = b.getContext();
  int64_t loops = rank + 1, batch = rank - 2;
  auto operandMap = [&](RankedTensorType t, AffineExpr row, AffineExpr col) {
    SmallVector<AffineExpr> exprs;
    int64_t tb = t.getRank() - 2;
    for (int64_t d = 0; d < tb; ++d) {
      int64_t r = d + batch - tb;
      exprs.push_back(t.getDimSize(d) == 1 && result.getDimSize(r) != 1
                          ? getAffineConstantExpr(0, ctx)
                          : getAffineDimExpr(r, ctx));
    }
    exprs.push_back(row);
    exprs.push_back(col);
    return AffineMap::get(loops, 0, exprs, ctx);
  };
  AffineExpr m = getAffineDimExpr(batch, ctx), k = getAffineDimExpr(batch + 1, ctx),
             n = getAffineDimExpr(batch + 2, ctx);
  SmallVector<AffineExpr> outExprs;
  for (int64_t d = 0; d < batch; ++d)
    outExprs.push_back(getAffineDimExpr(d, ctx));
  outExprs.push_back(m);
  outExprs.push_back(n);
  SmallVector<AffineMap> maps{operandMap(xt, m, k), operandMap(yt, k, n),
                              AffineMap::get(loops, 0, outExprs, ctx)};
  SmallVector<utils::IteratorType> iterators(loops, utils::IteratorType::parallel);
  iterators[batch + 1] = utils::IteratorType::reduction;
  return linalg::GenericOp::create(
             b, loc, TypeRange{result}, ValueRange{x, y}, ValueRange{init}, maps, iterators,
             [&](OpBuilder &nb, Location nl, ValueRange a) {
               Value product = combine(nb, nl, LibOp::prod, a[0], a[1]);
               linalg::YieldOp::create(nb, nl, combine(nb, nl, LibOp::sum, product, a[2]));
             })
      .getResult(0);
}

FailureOr<Value> lowerMatmul(LibLowering &l) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  RankedTensorType result = l.result();
  Type elem = result.getElementType();
  Value x = castTensor(b, loc, l.operand("x"), elem);
  Value y = castTensor(b, loc, l.operand("y"), elem);
  bool xVector = cast<RankedTensorType>(x.getType()).getRank() == 1;
  bool yVector = cast<RankedTensorType>(y.getType()).getRank() == 1;
  if (xVector)
    x = insertUnitDim(b, loc, x, 0);
  else if (l.flag("transpose_x"))
    x = transposeLast2(b, loc, x);
  // A matrix y used transposed (a linear layer's x W^T) is read transposed
  // by the product rather than copied.
  bool yTransposed = !yVector && l.flag("transpose_y") &&
                     cast<RankedTensorType>(y.getType()).getRank() == 2 &&
                     cast<RankedTensorType>(x.getType()).getRank() == result.getRank();
  if (yVector)
    y = insertUnitDim(b, loc, y, 1);
  else if (l.flag("transpose_y") && !yTransposed)
    y = transposeLast2(b, loc, y);
  auto xt = cast<RankedTensorType>(x.getType()), yt = cast<RankedTensorType>(y.getType());
  int64_t yRows = yTransposed ? 1 : yt.getRank() - 2;
  SmallVector<int64_t> shape(result.getShape());
  if (xVector)
    shape.insert(shape.end() - (yVector ? 0 : 1), 1);
  if (yVector)
    shape.push_back(1);
  auto full = RankedTensorType::get(shape, elem);
  Value ok;
  if (xt.isDynamicDim(xt.getRank() - 1) || yt.isDynamicDim(yRows))
    ok = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, l.dim(x, xt.getRank() - 1),
                               l.dim(y, yRows));
  return computeIf(b, l.op, ok, result, kMismatchedMatmul, [&] {
    Value r = batchedMatmul(b, loc, full, x, y, yTransposed);
    if (yVector)
      r = dropUnitDim(b, loc, r, full.getRank() - 1);
    if (xVector)
      r = dropUnitDim(b, loc, r, full.getRank() - 2);
    return r;
  });
}

/// max and min have no identity: over no elements they are a ValueError, as
/// numpy's (a size that may be 0 is checked at run time).
static void checkNotEmpty(LibLowering &l, Value x, ArrayRef<int64_t> axes, StringRef message) {
  auto input = cast<RankedTensorType>(x.getType());
  if (llvm::all_of(axes, [&](int64_t a) { return input.getDimSize(a) > 0; }))
    return;
  Value count = l.index(1);
  for (int64_t a : axes)
    count = arith::MulIOp::create(l.b, l.loc, count, l.dim(x, a));
  Value some = arith::CmpIOp::create(l.b, l.loc, arith::CmpIPredicate::sgt, count, l.index(0));
  checkAtRunTime(l.b, l.op, some, "ValueError", message);
}

FailureOr<Value> lowerReduction(LibLowering &l) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  RankedTensorType result = l.result();
  Type elem = result.getElementType();
  LibOp op = l.fn.op;
  Value x = castTensor(b, loc, l.operand("x"), elem);
  auto input = cast<RankedTensorType>(x.getType());
  SmallVector<int64_t> axes = l.integers("axis");
  SmallVector<bool> reduced(input.getRank(), false);
  for (int64_t a : axes)
    reduced[a] = true;
  SmallVector<int64_t> kept;
  SmallVector<Value> keptDynamic;
  for (int64_t d = 0; d < input.getRank(); ++d)
    if (!reduced[d]) {
      kept.push_back(input.getDimSize(d));
      if (input.isDynamicDim(d))
        keptDynamic.push_back(l.dim(x, d));
    }
  if (op == LibOp::max || op == LibOp::min)
    checkNotEmpty(l, x, axes,
                  op == LibOp::max
                      ? "zero-size array to reduction operation maximum which has no identity"
                      : "zero-size array to reduction operation minimum which has no identity");
  // A float sum over trailing dimensions (all of them, or the last ones)
  // adds in numpy's order, as eager does: a mean of equal values is then
  // exact where numpy's is, and its deviations are 0, not an ulp whose
  // square may overflow (fuzz seeds 37950, 45611).
  int64_t rank = input.getRank(), trailing = static_cast<int64_t>(axes.size());
  bool trailingAxes = trailing > 0 && llvm::all_of(axes, [&](int64_t a) { return a >= rank - trailing; });
  Value value;
  if ((op == LibOp::sum || op == LibOp::mean) && isa<FloatType>(elem) && trailingAxes) {
    Value rows = x;
    if (trailing > 1) {
      SmallVector<ReassociationIndices> groups;
      for (int64_t d = 0; d < rank - trailing; ++d)
        groups.push_back({d});
      groups.emplace_back();
      for (int64_t d = rank - trailing; d < rank; ++d)
        groups.back().push_back(d);
      rows = tensor::CollapseShapeOp::create(b, loc, x, groups);
    }
    value = pairwiseSum(b, loc, rows);
    if (value.getType() != RankedTensorType::get(kept, elem))
      value = tensor::CastOp::create(b, loc, RankedTensorType::get(kept, elem), value);
  } else {
    Value empty = tensor::EmptyOp::create(b, loc, kept, elem, keptDynamic);
    Value init = linalg::FillOp::create(b, loc, ValueRange{identityOf(b, loc, op, elem)},
                                        ValueRange{empty})
                     .getResult(0);
    value = linalg::ReduceOp::create(b, loc, ValueRange{x}, ValueRange{init}, axes,
                                     [&](OpBuilder &nb, Location nl, ValueRange args) {
                                       linalg::YieldOp::create(
                                           nb, nl, combine(nb, nl, op, args[0], args[1]));
                                     })
                .getResult(0);
  }
  if (op == LibOp::mean) {
    Value count = l.index(1);
    for (int64_t a : axes)
      count = arith::MulIOp::create(b, loc, count, l.dim(x, a));
    Value countF =
        convertElement(b, loc, arith::IndexCastOp::create(b, loc, b.getI64Type(), count), elem);
    value = elementwise(b, loc, value.getType(), {value, countF},
                        [&](OpBuilder &nb, Location nl, ValueRange e) {
                          return binaryScalar(nb, nl, BinaryKind::div, e[0], e[1], elem);
                        });
  }
  if (!l.flag("keepdim") || axes.empty())
    return value;
  return keepReducedDims(b, loc, value, input, reduced, result);
}

/// argmax/argmin: a generic reducing the axis into (best value, its index);
/// the first of equal values wins, as in numpy.
FailureOr<Value> lowerArgReduction(LibLowering &l) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  RankedTensorType result = l.result();
  Value x = l.operand("x");
  bool flat = !l.statics.get("axis");
  if (flat)
    x = flattenTensor(b, loc, x);
  auto input = cast<RankedTensorType>(x.getType());
  int64_t axis = flat ? 0 : l.integer("axis");
  int64_t rank = input.getRank();
  Type elem = input.getElementType(), indexElem = result.getElementType();
  bool isMax = l.fn.op == LibOp::argmax;
  checkNotEmpty(l, x, {axis},
                isMax ? "attempt to get argmax of an empty sequence"
                      : "attempt to get argmin of an empty sequence");
  SmallVector<int64_t> kept;
  SmallVector<Value> keptDynamic;
  SmallVector<AffineExpr> outExprs;
  MLIRContext *ctx = b.getContext();
  for (int64_t d = 0; d < rank; ++d)
    if (d != axis) {
      kept.push_back(input.getDimSize(d));
      outExprs.push_back(getAffineDimExpr(d, ctx));
      if (input.isDynamicDim(d))
        keptDynamic.push_back(l.dim(x, d));
    }
  Value best = linalg::FillOp::create(b, loc, ValueRange{identityOf(b, loc, isMax ? LibOp::max : LibOp::min, elem)},
                                      ValueRange{tensor::EmptyOp::create(b, loc, kept, elem, keptDynamic)})
                   .getResult(0);
  Value where = linalg::FillOp::create(b, loc, ValueRange{constantScalar(b, loc, indexElem, 0)},
                                       ValueRange{tensor::EmptyOp::create(b, loc, kept, indexElem, keptDynamic)})
                    .getResult(0);
  AffineMap outMap = AffineMap::get(rank, 0, outExprs, ctx);
  SmallVector<AffineMap> maps{AffineMap::getMultiDimIdentityMap(rank, ctx), outMap, outMap};
  SmallVector<utils::IteratorType> iterators(rank, utils::IteratorType::parallel);
  iterators[axis] = utils::IteratorType::reduction;
  bool isFloat = isa<FloatType>(elem);
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{best.getType(), where.getType()}, ValueRange{x}, ValueRange{best, where},
      maps, iterators, [&](OpBuilder &nb, Location nl, ValueRange a) {
        Value i = linalg::IndexOp::create(nb, nl, axis);
        Value iv = arith::IndexCastOp::create(nb, nl, indexElem, i);
        Value better =
            isFloat ? Value(arith::CmpFOp::create(nb, nl, isMax ? arith::CmpFPredicate::OGT : arith::CmpFPredicate::OLT, a[0], a[1]))
                    : Value(arith::CmpIOp::create(nb, nl, isMax ? arith::CmpIPredicate::sgt : arith::CmpIPredicate::slt, a[0], a[1]));
        // Paddle's rule: NaN never wins, but any number beats a NaN kept so far.
        if (isFloat)
          better = arith::OrIOp::create(
              nb, nl, better,
              arith::AndIOp::create(
                  nb, nl, arith::CmpFOp::create(nb, nl, arith::CmpFPredicate::ORD, a[0], a[0]),
                  arith::CmpFOp::create(nb, nl, arith::CmpFPredicate::UNO, a[1], a[1])));
        // The first element always wins, so that a row of -inf (or of NaN) has index 0.
        Value first = arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::eq, i,
                                            arith::ConstantIndexOp::create(nb, nl, 0));
        better = arith::OrIOp::create(nb, nl, better, first);
        linalg::YieldOp::create(nb, nl, ValueRange{arith::SelectOp::create(nb, nl, better, a[0], a[1]),
                                                   arith::SelectOp::create(nb, nl, better, iv, a[2])});
      });
  Value value = generic.getResult(1);
  if (!l.flag("keepdim"))
    return value;
  if (flat) {
    SmallVector<bool> all(result.getRank(), true);
    return keepReducedDims(b, loc, value, result, all, result);
  }
  SmallVector<bool> reduced(rank, false);
  reduced[axis] = true;
  return keepReducedDims(b, loc, value, input, reduced, result);
}

/// einsum: one linalg.generic whose loops are the output's letters
/// (parallel) and then the summed ones (reductions).
FailureOr<Value> lowerEinsum(LibLowering &l) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  RankedTensorType result = l.result();
  Type elem = result.getElementType();
  SmallVector<int64_t> ranks;
  for (Value v : l.all("operands"))
    ranks.push_back(cast<RankedTensorType>(v.getType()).getRank());
  auto parsed = parseEinsum(l.statics.getAs<StringAttr>("equation").getValue(), ranks);
  std::string loops = parsed->output;
  for (const std::string &letters : parsed->operands)
    for (char c : letters)
      if (!StringRef(loops).contains(c))
        loops.push_back(c);
  MLIRContext *ctx = b.getContext();
  // The letters some operand has at a size other than 1: a size 1 of such a
  // letter of '...' elsewhere broadcasts (is read at 0).
  std::set<char> wide;
  for (auto [value, letters] : llvm::zip(l.all("operands"), parsed->operands))
    for (auto [d, c] : llvm::enumerate(letters))
      if (cast<RankedTensorType>(value.getType()).getDimSize(d) != 1)
        wide.insert(c);
  SmallVector<Value> operands;
  SmallVector<AffineMap> maps;
  // A dynamic size of a letter comes from the first operand that has it.
  std::map<char, Value> sizeOf;
  Value ok;
  for (auto [value, letters] : llvm::zip(l.all("operands"), parsed->operands)) {
    Value v = castTensor(b, loc, value, elem);
    auto type = cast<RankedTensorType>(v.getType());
    SmallVector<AffineExpr> exprs;
    for (auto [d, c] : llvm::enumerate(letters)) {
      if (StringRef(parsed->broadcast).contains(c) && type.getDimSize(d) == 1 && wide.count(c)) {
        exprs.push_back(getAffineConstantExpr(0, ctx));
        continue;
      }
      exprs.push_back(getAffineDimExpr(StringRef(loops).find(c), ctx));
      if (!sizeOf.count(c)) {
        sizeOf[c] = l.dim(v, d);
        continue;
      }
      // Sizes known only at run time must agree (static ones fold away).
      Value same = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, sizeOf[c], l.dim(v, d));
      ok = ok ? Value(arith::AndIOp::create(b, loc, ok, same)) : same;
    }
    operands.push_back(v);
    maps.push_back(AffineMap::get(loops.size(), 0, exprs, ctx));
  }
  SmallVector<AffineExpr> outExprs;
  SmallVector<Value> dynamic;
  for (auto [d, c] : llvm::enumerate(parsed->output)) {
    outExprs.push_back(getAffineDimExpr(d, ctx));
    if (result.isDynamicDim(d))
      dynamic.push_back(sizeOf[c]);
  }
  maps.push_back(AffineMap::get(loops.size(), 0, outExprs, ctx));
  Value empty = tensor::EmptyOp::create(b, loc, result.getShape(), elem, dynamic);
  Value init = linalg::FillOp::create(b, loc, ValueRange{constantScalar(b, loc, elem, 0)},
                                      ValueRange{empty})
                   .getResult(0);
  SmallVector<utils::IteratorType> iterators(loops.size(), utils::IteratorType::reduction);
  for (size_t d = 0; d < parsed->output.size(); ++d)
    iterators[d] = utils::IteratorType::parallel;
  return computeIf(b, l.op, ok, result, "einsum: the sizes of a letter differ at run time", [&] {
    return linalg::GenericOp::create(
             b, loc, TypeRange{result}, operands, ValueRange{init}, maps, iterators,
             [&](OpBuilder &nb, Location nl, ValueRange a) {
               Value product = a[0];
               for (Value v : a.drop_front().drop_back())
                 product = combine(nb, nl, LibOp::prod, product, v);
               linalg::YieldOp::create(nb, nl, combine(nb, nl, LibOp::sum, product, a.back()));
             })
      .getResult(0);
  });
}

/// cumsum/cumprod: a loop along the axis, each slice combined with the one
/// before it.
FailureOr<Value> lowerScan(LibLowering &l) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  RankedTensorType result = l.result();
  StringRef axisParam = l.fn.params[1].name;
  Value x = l.operand("x");
  int64_t axis = 0;
  if (!l.statics.get(axisParam) || cast<RankedTensorType>(x.getType()).getRank() == 0)
    x = flattenTensor(b, loc, x);
  else
    axis = l.integer(axisParam);
  x = castTensor(b, loc, x, result.getElementType());
  auto type = cast<RankedTensorType>(x.getType());
  int64_t rank = type.getRank();
  // A statically empty tensor scans to itself (slices at offset 0 of an empty
  // dimension would not verify).
  if (llvm::is_contained(type.getShape(), 0))
    return x.getType() == result ? x : Value(tensor::CastOp::create(b, loc, result, x));
  LibOp op = l.fn.op;
  Value n = l.dim(x, axis);
  SmallVector<OpFoldResult> sizes;
  for (int64_t d = 0; d < rank; ++d)
    sizes.push_back(d == axis ? OpFoldResult(b.getIndexAttr(1))
                              : (type.isDynamicDim(d) ? OpFoldResult(l.dim(x, d))
                                                      : OpFoldResult(b.getIndexAttr(type.getDimSize(d)))));
  SmallVector<OpFoldResult> strides(rank, b.getIndexAttr(1));
  SmallVector<int64_t> sliceShape(type.getShape());
  sliceShape[axis] = 1;
  auto sliceType = type.clone(sliceShape);
  auto loop = scf::ForOp::create(
      b, loc, l.index(1), n, l.index(1), ValueRange{x},
      [&](OpBuilder &nb, Location nl, Value i, ValueRange iter) {
        auto offsetsAt = [&](Value at) {
          SmallVector<OpFoldResult> offsets(rank, nb.getIndexAttr(0));
          offsets[axis] = at;
          return offsets;
        };
        Value prev = arith::SubIOp::create(nb, nl, i, arith::ConstantIndexOp::create(nb, nl, 1));
        Value before = tensor::ExtractSliceOp::create(nb, nl, sliceType, iter[0], offsetsAt(prev), sizes, strides);
        Value here = tensor::ExtractSliceOp::create(nb, nl, sliceType, iter[0], offsetsAt(i), sizes, strides);
        Value next = elementwise(nb, nl, sliceType, {here, before},
                                 [&](OpBuilder &eb, Location el, ValueRange e) {
                                   return combine(eb, el, op, e[0], e[1]);
                                 });
        Value updated = tensor::InsertSliceOp::create(nb, nl, next, iter[0], offsetsAt(i), sizes, strides);
        scf::YieldOp::create(nb, nl, updated);
      });
  Value r = loop.getResult(0);
  if (r.getType() != result)
    r = tensor::CastOp::create(b, loc, result, r);
  return r;
}

} // namespace mlir::pydy::lowering
