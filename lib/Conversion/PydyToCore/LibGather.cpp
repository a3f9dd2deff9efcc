// Lowerings of the gather, scatter and selection primitives: loops and
// generics that read or write at indices known only at run time (checked,
// IndexError otherwise).
#include "LibLowering.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;

namespace mlir::pydy::lowering {

static Value toIndex(OpBuilder &b, Location loc, Value v) {
  return arith::IndexCastOp::create(b, loc, b.getIndexType(), v);
}

/// Checks at run time that every index of `index` is in [-dim, dim)
/// (IndexError otherwise) and returns it wrapped to [0, dim) and clamped, so
/// that nothing is read out of bounds when the check failed.
static Value checkedIndex(OpBuilder &b, Location loc, Value i, Value dim) {
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value negative = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, i, zero);
  i = arith::SelectOp::create(b, loc, negative, arith::AddIOp::create(b, loc, i, dim), i);
  Value last = arith::SubIOp::create(b, loc, dim, arith::ConstantIndexOp::create(b, loc, 1));
  return arith::MinSIOp::create(b, loc, arith::MaxSIOp::create(b, loc, i, zero), last);
}

/// Checks at run time that every index of `index` is in [-dim, dim); the
/// IndexError names the first one that is not, as numpy does ("index 7 is
/// out of bounds for axis 0 with size 3"); `axis` is counted from 0. Returns
/// whether they are.
static Value checkIndices(LibLowering &l, Value index, Value dim, int64_t axis) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  auto type = cast<RankedTensorType>(index.getType());
  Type elem = type.getElementType();
  auto message = [&](Value bad) {
    Value bad64 = elem.isInteger(64) ? bad : arith::ExtSIOp::create(b, loc, b.getI64Type(), bad);
    Value size = arith::IndexCastOp::create(b, loc, b.getI64Type(), dim);
    return SmallVector<dy2st::MessagePiece>{
        std::string("index "), bad64,
        " is out of bounds for axis " + std::to_string(axis) + " with size ", size};
  };
  if (type.hasStaticShape() && type.getNumElements() == 1) {
    // One index (x[:, t] at a step of a loop): tested as a scalar, without
    // the reduction's buffers, which cost allocations at every step.
    SmallVector<Value> zeros;
    if (type.getRank() > 0)
      zeros.assign(type.getRank(), arith::ConstantIndexOp::create(b, loc, 0));
    Value i = tensor::ExtractOp::create(b, loc, index, zeros);
    Value d = arith::IndexCastOp::create(b, loc, elem, dim);
    Value negD = arith::SubIOp::create(
        b, loc, arith::ConstantOp::create(b, loc, b.getIntegerAttr(elem, 0)), d);
    Value lo = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, i, negD);
    Value hi = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, i, d);
    Value ok = arith::AndIOp::create(b, loc, lo, hi);
    checkAtRunTime(b, l.op, ok, "IndexError", message(i));
    return ok;
  }
  Value flat = flattenTensor(b, loc, index);
  auto scalar = [&](Type t, TypedAttr value) {
    Value v = arith::ConstantOp::create(b, loc, value);
    return tensor::FromElementsOp::create(b, loc, RankedTensorType::get({}, t), v).getResult();
  };
  Value noneBad = scalar(b.getI1Type(), b.getBoolAttr(false));
  Value firstBad = scalar(elem, b.getIntegerAttr(elem, 0));
  Value d = arith::IndexCastOp::create(b, loc, elem, dim);
  Value negD = arith::SubIOp::create(b, loc, arith::ConstantOp::create(b, loc, b.getIntegerAttr(elem, 0)), d);
  // linalg.reduce pairs inputs with results: the indices go in twice.
  auto found = linalg::ReduceOp::create(
      b, loc, ValueRange{flat, flat}, ValueRange{noneBad, firstBad}, SmallVector<int64_t>{0},
      [&](OpBuilder &nb, Location nl, ValueRange in) {
        SmallVector<Value, 3> a{in[0], in[2], in[3]};
        Value lo = arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::sge, a[0], negD);
        Value hi = arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::slt, a[0], d);
        Value bad = arith::XOrIOp::create(
            nb, nl, arith::AndIOp::create(nb, nl, lo, hi),
            arith::ConstantOp::create(nb, nl, nb.getBoolAttr(true)));
        // The first bad index is kept: a later one replaces none.
        Value value = arith::SelectOp::create(
            nb, nl, a[1], a[2], arith::SelectOp::create(nb, nl, bad, a[0], a[2]));
        linalg::YieldOp::create(nb, nl,
                                ValueRange{arith::OrIOp::create(nb, nl, a[1], bad), value});
      });
  Value anyBad = tensor::ExtractOp::create(b, loc, found.getResult(0), ValueRange{});
  Value ok = arith::XOrIOp::create(b, loc, anyBad,
                                   arith::ConstantOp::create(b, loc, b.getBoolAttr(true)));
  Value bad = tensor::ExtractOp::create(b, loc, found.getResult(1), ValueRange{});
  checkAtRunTime(b, l.op, ok, "IndexError", message(bad));
  return ok;
}

FailureOr<Value> lowerGather(LibLowering &l) {
  Value x = l.operand("x"), index = l.operand("index");
  auto type = cast<RankedTensorType>(x.getType());
  if (cast<RankedTensorType>(index.getType()).getRank() == 2)
    // Paddle's [N, 1] index: its N entries.
    index = tensor::CollapseShapeOp::create(l.b, l.loc, index,
                                            ArrayRef<ReassociationIndices>{{0, 1}});
  auto indexType = cast<RankedTensorType>(index.getType());
  int64_t axis = l.integer("axis");
  RankedTensorType result = l.result();
  Value axisDim = l.dim(x, axis);
  Value inRange = checkIndices(l, index, axisDim, axis);
  MLIRContext *ctx = l.b.getContext();
  bool removes = indexType.getRank() == 0;
  SmallVector<Value> dynamic;
  for (int64_t d = 0; d < result.getRank(); ++d) {
    if (!result.isDynamicDim(d))
      continue;
    int64_t src = removes && d >= axis ? d + 1 : d;
    dynamic.push_back(!removes && d == axis ? l.dim(index, 0) : l.dim(x, src));
  }
  if (removes && !type.isDynamicDim(axis) && !llvm::is_contained(type.getShape(), 0)) {
    // x[..., i, ...] of a dimension that is never empty: a view of the
    // slice at i, clamped into the dimension (the check above raised if it
    // was not in it), instead of a copy of its elements. (A static empty
    // dimension elsewhere would make the view's offset 0 out of bounds.)
    OpBuilder &b = l.b;
    Value i = checkedIndex(
        b, l.loc, toIndex(b, l.loc, tensor::ExtractOp::create(b, l.loc, index, ValueRange{})),
        axisDim);
    SmallVector<OpFoldResult> offsets(type.getRank(), b.getIndexAttr(0)), sizes,
        strides(type.getRank(), b.getIndexAttr(1));
    offsets[axis] = i;
    for (int64_t d = 0; d < type.getRank(); ++d)
      sizes.push_back(d == axis              ? OpFoldResult(b.getIndexAttr(1))
                      : type.isDynamicDim(d) ? OpFoldResult(l.dim(x, d))
                                             : OpFoldResult(b.getIndexAttr(type.getDimSize(d))));
    return sliceDropping(b, l.loc, result, x, offsets, sizes, strides, {axis});
  }
  AffineMap indexMap = removes ? AffineMap::get(result.getRank(), 0, ArrayRef<AffineExpr>{}, ctx)
                               : AffineMap::get(result.getRank(), 0, getAffineDimExpr(axis, ctx));
  return computeOnlyIf(l.b, l.loc, inRange, result, [&] {
    return gatherBy(l, x, index, indexMap, dynamic, [&](OpBuilder &nb, Location nl, ValueRange a) {
      Value i = checkedIndex(nb, nl, arith::IndexCastOp::create(nb, nl, nb.getIndexType(), a[0]), axisDim);
      SmallVector<Value> indices;
      for (int64_t d = 0, r = 0; d < type.getRank(); ++d) {
        if (d == axis) {
          indices.push_back(i);
          if (!removes)
            ++r;
          continue;
        }
        indices.push_back(linalg::IndexOp::create(nb, nl, r++));
      }
      return indices;
    });
  });
}

FailureOr<Value> lowerTakeAlongAxis(LibLowering &l) {
  Value arr = l.operand("arr"), indices = l.operand("indices");
  auto type = cast<RankedTensorType>(arr.getType());
  auto indexType = cast<RankedTensorType>(indices.getType());
  int64_t axis = l.integer("axis"), rank = type.getRank();
  RankedTensorType result = l.result();
  Value axisDim = l.dim(arr, axis);
  Value inRange = checkIndices(l, indices, axisDim, axis);
  MLIRContext *ctx = l.b.getContext();
  SmallVector<AffineExpr> exprs;
  SmallVector<Value> dynamic;
  for (int64_t d = 0; d < rank; ++d) {
    bool broadcast = indexType.getDimSize(d) == 1 && result.getDimSize(d) != 1;
    exprs.push_back(broadcast ? getAffineConstantExpr(0, ctx) : getAffineDimExpr(d, ctx));
    if (result.isDynamicDim(d))
      dynamic.push_back(d == axis || indexType.getDimSize(d) != 1 ? l.dim(indices, d) : l.dim(arr, d));
  }
  return computeOnlyIf(l.b, l.loc, inRange, result, [&] {
    return gatherBy(l, arr, indices, AffineMap::get(rank, 0, exprs, ctx), dynamic,
                    [&](OpBuilder &nb, Location nl, ValueRange a) {
                      SmallVector<Value> idx;
                      for (int64_t d = 0; d < rank; ++d)
                        idx.push_back(d == axis ? checkedIndex(nb, nl, toIndex(nb, nl, a[0]), axisDim)
                                      : type.getDimSize(d) == 1
                                          ? arith::ConstantIndexOp::create(nb, nl, 0).getResult()
                                          : linalg::IndexOp::create(nb, nl, d).getResult());
                      return idx;
                    });
  });
}

/// masked_select and nonzero: count the selected elements, then a loop over
/// the flattened input that writes each selected one at the next position.
FailureOr<Value> lowerCompress(LibLowering &l) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  Value x = l.operand("x");
  auto type = cast<RankedTensorType>(x.getType());
  int64_t rank = type.getRank();
  bool indices = l.fn.op == LibOp::nonzero;
  Value selector = indices ? x : l.operand("mask");
  if (!indices) {
    // The mask's dynamic sizes must be x's.
    Value ok = arith::ConstantOp::create(b, loc, b.getBoolAttr(true));
    for (int64_t d = 0; d < rank; ++d)
      ok = arith::AndIOp::create(b, loc, ok, arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq,
                                                                   l.dim(x, d), l.dim(selector, d)));
    checkAtRunTime(b, l.op, ok, "ValueError", "masked_select: the mask does not have x's shape");
  }
  Value flatX = flattenTensor(b, loc, x), flatSel = flattenTensor(b, loc, selector);
  SmallVector<Value> dims;
  Value n = l.index(1);
  for (int64_t d = 0; d < rank; ++d) {
    dims.push_back(l.dim(x, d));
    n = arith::MulIOp::create(b, loc, n, dims.back());
  }
  if (!indices)
    n = arith::MinUIOp::create(b, loc, n, l.dim(flatSel, 0));
  auto truth = [&](OpBuilder &nb, Location nl, Value i) {
    Value e = tensor::ExtractOp::create(nb, nl, flatSel, ValueRange{i});
    return convertElement(nb, nl, e, nb.getI1Type());
  };
  auto counting = scf::ForOp::create(
      b, loc, l.index(0), n, l.index(1), ValueRange{l.index(0)},
      [&](OpBuilder &nb, Location nl, Value i, ValueRange iter) {
        Value next = arith::AddIOp::create(nb, nl, iter[0], arith::ConstantIndexOp::create(nb, nl, 1));
        scf::YieldOp::create(nb, nl, ValueRange{arith::SelectOp::create(nb, nl, truth(nb, nl, i), next, iter[0]).getResult()});
      });
  Value count = counting.getResult(0);
  RankedTensorType result = l.result();
  Value out = tensor::EmptyOp::create(b, loc, result.getShape(), result.getElementType(), ValueRange{count});
  auto filling = scf::ForOp::create(
      b, loc, l.index(0), n, l.index(1), ValueRange{out, l.index(0)},
      [&](OpBuilder &nb, Location nl, Value i, ValueRange iter) {
        auto taken = scf::IfOp::create(nb, nl, TypeRange{out.getType(), nb.getIndexType()}, truth(nb, nl, i), true);
        {
          OpBuilder::InsertionGuard guard(nb);
          nb.setInsertionPointToStart(&taken.getThenRegion().front());
          Value updated = iter[0];
          if (indices) {
            Value rest = i;
            SmallVector<Value> at(rank);
            for (int64_t d = rank - 1; d >= 0; --d) {
              at[d] = arith::RemUIOp::create(nb, nl, rest, dims[d]);
              rest = arith::DivUIOp::create(nb, nl, rest, dims[d]);
            }
            for (int64_t d = 0; d < rank; ++d) {
              Value v = arith::IndexCastOp::create(nb, nl, nb.getI64Type(), at[d]);
              updated = tensor::InsertOp::create(nb, nl, v, updated,
                                                 ValueRange{iter[1], arith::ConstantIndexOp::create(nb, nl, d)});
            }
          } else {
            Value v = tensor::ExtractOp::create(nb, nl, flatX, ValueRange{i});
            updated = tensor::InsertOp::create(nb, nl, v, updated, ValueRange{iter[1]});
          }
          Value next = arith::AddIOp::create(nb, nl, iter[1], arith::ConstantIndexOp::create(nb, nl, 1));
          scf::YieldOp::create(nb, nl, ValueRange{updated, next});
          nb.setInsertionPointToStart(&taken.getElseRegion().front());
          scf::YieldOp::create(nb, nl, ValueRange{iter[0], iter[1]});
        }
        scf::YieldOp::create(nb, nl, taken.getResults());
      });
  return filling.getResult(0);
}

/// put_along_axis: a loop over the elements of `indices` that writes (or
/// combines) the matching value into arr.
/// put_along_axis's `reduce` of the value there and the one put.
static Value reduced(OpBuilder &b, Location loc, StringRef reduce, Value old, Value v) {
  bool isFloat = isa<FloatType>(old.getType());
  if (reduce == "add")
    return isFloat ? Value(arith::AddFOp::create(b, loc, old, v))
                   : Value(arith::AddIOp::create(b, loc, old, v));
  if ((reduce == "amax" || reduce == "amin") && isFloat) {
    // Paddle's `v > old ? v : old`: a NaN put is passed over, one there stays.
    auto better = reduce == "amax" ? arith::CmpFPredicate::OGT : arith::CmpFPredicate::OLT;
    return arith::SelectOp::create(b, loc, arith::CmpFOp::create(b, loc, better, v, old), v, old);
  }
  if (reduce == "amax")
    return arith::MaxSIOp::create(b, loc, old, v);
  if (reduce == "amin")
    return arith::MinSIOp::create(b, loc, old, v);
  return isFloat ? Value(arith::MulFOp::create(b, loc, old, v))
                 : Value(arith::MulIOp::create(b, loc, old, v));
}

FailureOr<Value> lowerPutAlongAxis(LibLowering &l) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  Value arr = l.operand("arr"), indices = l.operand("indices"), values = l.operand("values");
  auto indexType = cast<RankedTensorType>(indices.getType());
  Type elem = l.result().getElementType();
  int64_t axis = l.integer("axis"), rank = indexType.getRank();
  StringRef reduce = l.statics.getAs<StringAttr>("reduce").getValue();
  Value axisDim = l.dim(arr, axis);
  Value inRange = checkIndices(l, indices, axisDim, axis);
  auto valueType = dyn_cast<RankedTensorType>(values.getType());
  if (valueType)
    values = castTensor(b, loc, values, elem);
  else
    values = convertElement(b, loc, values, elem);
  SmallVector<Value> dims;
  Value count = l.index(1);
  for (int64_t d = 0; d < rank; ++d) {
    dims.push_back(l.dim(indices, d));
    count = arith::MulIOp::create(b, loc, count, dims.back());
  }
  // After the IndexError nothing is written (an index into an empty axis has
  // no element to write).
  count = arith::SelectOp::create(b, loc, inRange, count, l.index(0));
  auto loop = scf::ForOp::create(
      b, loc, l.index(0), count, l.index(1), ValueRange{arr},
      [&](OpBuilder &nb, Location nl, Value flat, ValueRange iter) {
        // The multi-index of element `flat` of indices (row-major).
        SmallVector<Value> at(rank);
        Value rest = flat;
        for (int64_t d = rank - 1; d >= 0; --d) {
          at[d] = arith::RemUIOp::create(nb, nl, rest, dims[d]);
          rest = arith::DivUIOp::create(nb, nl, rest, dims[d]);
        }
        Value index = tensor::ExtractOp::create(nb, nl, indices, at);
        Value target = checkedIndex(nb, nl, toIndex(nb, nl, index), axisDim);
        Value v = values;
        if (valueType) {
          SmallVector<Value> vat;
          int64_t offset = rank - valueType.getRank();
          for (int64_t d = 0; d < valueType.getRank(); ++d)
            vat.push_back(valueType.getDimSize(d) == 1
                              ? arith::ConstantIndexOp::create(nb, nl, 0).getResult()
                              : at[d + offset]);
          v = tensor::ExtractOp::create(nb, nl, values, vat);
        }
        SmallVector<Value> position(at);
        position[axis] = target;
        if (reduce != "assign")
          v = reduced(nb, nl, reduce, tensor::ExtractOp::create(nb, nl, iter[0], position), v);
        Value updated = tensor::InsertOp::create(nb, nl, v, iter[0], position);
        scf::YieldOp::create(nb, nl, updated);
      });
  return loop.getResult(0);
}

} // namespace mlir::pydy::lowering
