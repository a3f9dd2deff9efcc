// Lowering of argsort: a bottom-up merge sort of each line along the axis,
// in scf loops over tensors. MLIR has no sort of tensors or of float keys
// (sparse_tensor.sort sorts integer keys of memrefs), so it is written here.
#include "LibLowering.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;

namespace mlir::pydy::lowering {

namespace {

/// Whether key `a` goes strictly before key `c`, so that equal keys keep
/// their order (a stable sort); NaN counts as larger than every number
/// (Paddle's order: last ascending, first descending).
Value goesBefore(OpBuilder &b, Location loc, Value a, Value c, bool descending) {
  if (!isa<FloatType>(a.getType()))
    return arith::CmpIOp::create(
        b, loc, descending ? arith::CmpIPredicate::sgt : arith::CmpIPredicate::slt, a, c);
  auto compare = [&](arith::CmpFPredicate p, Value x, Value y) -> Value {
    return arith::CmpFOp::create(b, loc, p, x, y);
  };
  Value ordered = compare(descending ? arith::CmpFPredicate::OGT : arith::CmpFPredicate::OLT, a, c);
  // Descending, a NaN `a` goes before a number; ascending, a number before a NaN `c`.
  Value nan = compare(arith::CmpFPredicate::UNO, descending ? a : c, descending ? a : c);
  Value number = compare(arith::CmpFPredicate::ORD, descending ? c : a, descending ? c : a);
  return arith::OrIOp::create(b, loc, ordered, arith::AndIOp::create(b, loc, nan, number));
}

/// The merge of the sorted runs [lo, mid) and [mid, hi) of `from` (positions
/// along the line) into `into`, by the keys `keyAt` reads: from the right run
/// only where its key goes strictly before the left's.
Value mergeRuns(OpBuilder &b, Location loc, Value from, Value into, Value lo, Value mid, Value hi,
                Value last, function_ref<Value(OpBuilder &, Location, Value)> keyAt,
                bool descending) {
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  auto merge = scf::ForOp::create(
      b, loc, lo, hi, one, ValueRange{into, lo, mid},
      [&](OpBuilder &nb, Location nl, Value k, ValueRange iter) {
        Value i = iter[1], j = iter[2];
        Value leftOpen = arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::ult, i, mid);
        Value rightOpen = arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::ult, j, hi);
        // Both reads stay in bounds when a run is used up; the choice ignores them.
        Value left = tensor::ExtractOp::create(nb, nl, from,
                                               ValueRange{arith::MinUIOp::create(nb, nl, i, last)});
        Value right = tensor::ExtractOp::create(
            nb, nl, from, ValueRange{arith::MinUIOp::create(nb, nl, j, last)});
        Value rightFirst =
            goesBefore(nb, nl, keyAt(nb, nl, right), keyAt(nb, nl, left), descending);
        Value leftDone = arith::XOrIOp::create(
            nb, nl, leftOpen, arith::ConstantOp::create(nb, nl, nb.getBoolAttr(true)));
        Value takeRight = arith::AndIOp::create(nb, nl, rightOpen,
                                                arith::OrIOp::create(nb, nl, leftDone, rightFirst));
        Value picked = arith::SelectOp::create(nb, nl, takeRight, right, left);
        Value written = tensor::InsertOp::create(nb, nl, picked, iter[0], ValueRange{k});
        Value step = arith::IndexCastOp::create(
            nb, nl, nb.getIndexType(), arith::ExtUIOp::create(nb, nl, nb.getI64Type(), takeRight));
        Value nextI = arith::SubIOp::create(nb, nl, arith::AddIOp::create(nb, nl, i, one), step);
        Value nextJ = arith::AddIOp::create(nb, nl, j, step);
        scf::YieldOp::create(nb, nl, ValueRange{written, nextI, nextJ});
      });
  return merge.getResult(0);
}

/// The positions 0..n-1 of one line sorted by `keyAt`: runs of 1, 2, 4, ...
/// merged back and forth between two buffers.
Value sortedPositions(OpBuilder &b, Location loc, Value n,
                      function_ref<Value(OpBuilder &, Location, Value)> keyAt, bool descending) {
  auto lineType = RankedTensorType::get({ShapedType::kDynamic}, b.getI64Type());
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  Value identity = tensor::GenerateOp::create(
      b, loc, lineType, ValueRange{n}, [&](OpBuilder &gb, Location gl, ValueRange at) {
        tensor::YieldOp::create(
            gb, gl, arith::IndexCastOp::create(gb, gl, gb.getI64Type(), at[0]).getResult());
      });
  Value spare = tensor::EmptyOp::create(b, loc, lineType.getShape(), b.getI64Type(), ValueRange{n});
  Value last = arith::SubIOp::create(b, loc, n, one);
  Type index = b.getIndexType();
  auto passes = scf::WhileOp::create(
      b, loc, TypeRange{lineType, lineType, index}, ValueRange{identity, spare, one},
      [&](OpBuilder &cb, Location cl, ValueRange args) {
        Value more = arith::CmpIOp::create(cb, cl, arith::CmpIPredicate::ult, args[2], n);
        scf::ConditionOp::create(cb, cl, more, args);
      },
      [&](OpBuilder &pb, Location pl, ValueRange args) {
        Value from = args[0], width = args[2];
        Value pair = arith::AddIOp::create(pb, pl, width, width);
        auto pass = scf::ForOp::create(
            pb, pl, zero, n, pair, ValueRange{args[1]},
            [&](OpBuilder &mb, Location ml, Value lo, ValueRange into) {
              Value mid =
                  arith::MinUIOp::create(mb, ml, arith::AddIOp::create(mb, ml, lo, width), n);
              Value hi = arith::MinUIOp::create(mb, ml, arith::AddIOp::create(mb, ml, lo, pair), n);
              scf::YieldOp::create(
                  mb, ml, mergeRuns(mb, ml, from, into[0], lo, mid, hi, last, keyAt, descending));
            });
        scf::YieldOp::create(pb, pl, ValueRange{pass.getResult(0), from, pair});
      });
  return passes.getResult(0);
}

} // namespace

/// argsort: each line along the axis (the other indices counted row-major)
/// sorted on its own, its positions written into the result's line.
FailureOr<Value> lowerSort(LibLowering &l) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  Value x = l.operand("x");
  RankedTensorType result = l.result();
  int64_t rank = result.getRank();
  if (rank == 0)
    return Value(arith::ConstantOp::create(
        b, loc, DenseElementsAttr::get(result, b.getI64IntegerAttr(0).getValue())));
  int64_t axis = l.integer("axis");
  bool descending = l.flag("descending");
  SmallVector<Value> dims, dynamic;
  Value lines = l.index(1);
  for (int64_t d = 0; d < rank; ++d) {
    dims.push_back(l.dim(x, d));
    if (result.isDynamicDim(d))
      dynamic.push_back(dims.back());
    if (d != axis)
      lines = arith::MulIOp::create(b, loc, lines, dims.back());
  }
  Value n = dims[axis];
  Value out = tensor::EmptyOp::create(b, loc, result.getShape(), result.getElementType(), dynamic);
  auto loop = scf::ForOp::create(
      b, loc, l.index(0), lines, l.index(1), ValueRange{out},
      [&](OpBuilder &nb, Location nl, Value line, ValueRange iter) {
        SmallVector<Value> at(rank);
        Value rest = line;
        for (int64_t d = rank - 1; d >= 0; --d) {
          if (d == axis)
            continue;
          at[d] = arith::RemUIOp::create(nb, nl, rest, dims[d]);
          rest = arith::DivUIOp::create(nb, nl, rest, dims[d]);
        }
        auto keyAt = [&](OpBuilder &kb, Location kl, Value position) -> Value {
          SmallVector<Value> where(at);
          where[axis] = arith::IndexCastOp::create(kb, kl, kb.getIndexType(), position);
          return tensor::ExtractOp::create(kb, kl, x, where);
        };
        Value sorted = sortedPositions(nb, nl, n, keyAt, descending);
        auto write = scf::ForOp::create(
            nb, nl, arith::ConstantIndexOp::create(nb, nl, 0), n,
            arith::ConstantIndexOp::create(nb, nl, 1), ValueRange{iter[0]},
            [&](OpBuilder &wb, Location wl, Value k, ValueRange into) {
              SmallVector<Value> where(at);
              where[axis] = k;
              Value position = tensor::ExtractOp::create(wb, wl, sorted, ValueRange{k});
              scf::YieldOp::create(
                  wb, wl, tensor::InsertOp::create(wb, wl, position, into[0], where).getResult());
            });
        scf::YieldOp::create(nb, nl, write.getResult(0));
      });
  return loop.getResult(0);
}

} // namespace mlir::pydy::lowering
