// numpy's order of a float sum, so that compiled sums round as eager's do.
#include "LibLowering.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;

namespace mlir::pydy::lowering {

namespace {

constexpr int64_t kLanes = 8;
// numpy sums rows longer than this in two halves (its PW_BLOCKSIZE).
constexpr int64_t kBlock = 128;
// Rows of a size known when compiling are split as numpy splits them up to
// this size (at most 128 blocks); longer ones keep the eight partial sums.
constexpr int64_t kSplitUpTo = 16384;

/// `init` plus the elements of each row of `x` ([..., n]) in sequence.
Value sequentialSum(OpBuilder &b, Location loc, Value x, Value init) {
  int64_t last = cast<RankedTensorType>(x.getType()).getRank() - 1;
  return linalg::ReduceOp::create(b, loc, ValueRange{x}, ValueRange{init}, {last},
                                  [](OpBuilder &nb, Location nl, ValueRange a) {
                                    linalg::YieldOp::create(
                                        nb, nl, Value(arith::AddFOp::create(nb, nl, a[0], a[1])));
                                  })
      .getResult(0);
}

/// A zero-filled tensor shaped as `x` without its last dimension (`lanes`:
/// with a last dimension of that size instead).
Value zerosOfRows(OpBuilder &b, Location loc, Value x, int64_t lanes = 0) {
  auto type = cast<RankedTensorType>(x.getType());
  SmallVector<OpFoldResult> sizes;
  for (int64_t d = 0; d + 1 < type.getRank(); ++d)
    sizes.push_back(sizeOf(b, loc, x, d));
  if (lanes)
    sizes.push_back(b.getIndexAttr(lanes));
  Value empty = tensor::EmptyOp::create(b, loc, sizes, type.getElementType());
  Value zero = arith::ConstantOp::create(b, loc, b.getFloatAttr(type.getElementType(), 0.0));
  return linalg::FillOp::create(b, loc, ValueRange{zero}, ValueRange{empty}).getResult(0);
}

/// Rows of at least 8 elements: eight interleaved partial sums, combined
/// pairwise, then the last n % 8 elements in sequence.
Value laneSum(OpBuilder &b, Location loc, Value x, Value n) {
  auto type = cast<RankedTensorType>(x.getType());
  int64_t rank = type.getRank();
  Value lanes = arith::ConstantIndexOp::create(b, loc, kLanes);
  Value groups = arith::DivUIOp::create(b, loc, n, lanes);
  Value whole = arith::MulIOp::create(b, loc, groups, lanes);
  auto slice = [&](Value from, OpFoldResult offset, OpFoldResult size) {
    SmallVector<OpFoldResult> offsets(rank, b.getIndexAttr(0)), sizes, strides(rank, b.getIndexAttr(1));
    for (int64_t d = 0; d + 1 < rank; ++d)
      sizes.push_back(sizeOf(b, loc, from, d));
    offsets.back() = offset;
    sizes.push_back(size);
    return tensor::ExtractSliceOp::create(b, loc, from, offsets, sizes, strides).getResult();
  };
  Value main = slice(x, b.getIndexAttr(0), whole);
  SmallVector<ReassociationIndices> groupsOfDims;
  SmallVector<OpFoldResult> expandedSizes;
  SmallVector<int64_t> expandedShape;
  for (int64_t d = 0; d + 1 < rank; ++d) {
    groupsOfDims.push_back({d});
    expandedSizes.push_back(sizeOf(b, loc, main, d));
    expandedShape.push_back(type.getDimSize(d));
  }
  groupsOfDims.push_back({rank - 1, rank});
  expandedSizes.push_back(groups);
  expandedSizes.push_back(b.getIndexAttr(kLanes));
  expandedShape.append({ShapedType::kDynamic, kLanes});
  auto expandedType = RankedTensorType::get(expandedShape, type.getElementType());
  Value grouped = expandDims(b, loc, expandedType, main, groupsOfDims, expandedSizes);
  Value partial = linalg::ReduceOp::create(
                      b, loc, ValueRange{grouped}, ValueRange{zerosOfRows(b, loc, x, kLanes)},
                      {rank - 1},
                      [](OpBuilder &nb, Location nl, ValueRange a) {
                        linalg::YieldOp::create(
                            nb, nl, Value(arith::AddFOp::create(nb, nl, a[0], a[1])));
                      })
                      .getResult(0);
  // partial[..., j] for each lane j, as rows.
  SmallVector<int64_t> rowShape(type.getShape().drop_back());
  auto rowType = RankedTensorType::get(rowShape, type.getElementType());
  SmallVector<Value> lane;
  for (int64_t j = 0; j < kLanes; ++j) {
    SmallVector<OpFoldResult> offsets(rank, b.getIndexAttr(0)), sizes, strides(rank, b.getIndexAttr(1));
    for (int64_t d = 0; d + 1 < rank; ++d)
      sizes.push_back(sizeOf(b, loc, partial, d));
    offsets.back() = b.getIndexAttr(j);
    sizes.push_back(b.getIndexAttr(1));
    lane.push_back(sliceDropping(b, loc, rowType, partial, offsets, sizes, strides, {rank - 1}));
  }
  auto add = [&](Value p, Value q) {
    return elementwise(b, loc, rowType, {p, q}, [](OpBuilder &nb, Location nl, ValueRange e) {
      return arith::AddFOp::create(nb, nl, e[0], e[1]);
    });
  };
  Value combined = add(add(add(lane[0], lane[1]), add(lane[2], lane[3])),
                       add(add(lane[4], lane[5]), add(lane[6], lane[7])));
  Value rest = slice(x, whole, arith::SubIOp::create(b, loc, n, whole).getResult());
  return sequentialSum(b, loc, rest, combined);
}

/// Elements [offset, offset + n) of each row of `x`, summed as numpy's
/// pairwise_sum does for a row of n elements known when compiling.
Value staticSum(OpBuilder &b, Location loc, Value x, int64_t offset, int64_t n) {
  auto type = cast<RankedTensorType>(x.getType());
  int64_t rank = type.getRank();
  if (n == 0)
    return zerosOfRows(b, loc, x);
  if (n <= kBlock || n > kSplitUpTo) {
    SmallVector<OpFoldResult> offsets(rank, b.getIndexAttr(0)), sizes,
        strides(rank, b.getIndexAttr(1));
    for (int64_t d = 0; d + 1 < rank; ++d)
      sizes.push_back(sizeOf(b, loc, x, d));
    offsets.back() = b.getIndexAttr(offset);
    sizes.push_back(b.getIndexAttr(n));
    Value part = offset == 0 && n == type.getDimSize(rank - 1)
                     ? x
                     : tensor::ExtractSliceOp::create(b, loc, x, offsets, sizes, strides).getResult();
    if (n < kLanes)
      return sequentialSum(b, loc, part, zerosOfRows(b, loc, part));
    return laneSum(b, loc, part, arith::ConstantIndexOp::create(b, loc, n));
  }
  int64_t half = n / 2;
  half -= half % kLanes;
  Value low = staticSum(b, loc, x, offset, half);
  Value high = staticSum(b, loc, x, offset + half, n - half);
  return elementwise(b, loc, low.getType(), {low, high},
                     [](OpBuilder &nb, Location nl, ValueRange e) {
                       return arith::AddFOp::create(nb, nl, e[0], e[1]);
                     });
}

} // namespace

Value pairwiseSum(OpBuilder &b, Location loc, Value x) {
  auto type = cast<RankedTensorType>(x.getType());
  int64_t size = type.getDimSize(type.getRank() - 1);
  if (size != ShapedType::kDynamic)
    return staticSum(b, loc, x, 0, size);
  Value n = tensor::DimOp::create(b, loc, x, type.getRank() - 1);
  Value enough = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, n,
                                       arith::ConstantIndexOp::create(b, loc, kLanes));
  Value rows = zerosOfRows(b, loc, x);
  auto ifOp = scf::IfOp::create(
      b, loc, enough,
      [&](OpBuilder &tb, Location tl) {
        scf::YieldOp::create(tb, tl, laneSum(tb, tl, x, n));
      },
      [&](OpBuilder &eb, Location el) {
        scf::YieldOp::create(eb, el, sequentialSum(eb, el, x, rows));
      });
  return ifOp.getResult(0);
}

} // namespace mlir::pydy::lowering
