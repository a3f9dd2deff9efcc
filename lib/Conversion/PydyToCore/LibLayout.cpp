// Lowerings of the layout, slicing, assignment and padding primitives.
#include "LibLowering.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;

namespace mlir::pydy::lowering {

/// tensor.reshape to a shape built from the entries, with Paddle's rules
/// applied at run time too (0 copies the input's dimension, one -1 is what is
/// left); a shape that does not hold the input's elements is a ValueError.
FailureOr<Value> lowerReshape(LibLowering &l) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  Value x = l.operand("x");
  auto input = cast<RankedTensorType>(x.getType());
  Value total = l.index(1);
  for (int64_t d = 0; d < input.getRank(); ++d)
    total = arith::MulIOp::create(b, loc, total, l.dim(x, d));
  SmallVector<Value> entries = l.indexValues("shape");
  auto eq = [&](Value a, int64_t v) {
    return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, a, l.index(v)).getResult();
  };
  Value known = l.index(1), inferredCount = l.index(0);
  Value ok = arith::ConstantOp::create(b, loc, b.getBoolAttr(true));
  SmallVector<Value> dims;
  for (auto [i, e] : llvm::enumerate(entries)) {
    Value zero = eq(e, 0), unknown = eq(e, -1);
    Value d = e;
    if (static_cast<int64_t>(i) < input.getRank())
      d = arith::SelectOp::create(b, loc, zero, l.dim(x, i), e);
    else
      ok = arith::AndIOp::create(b, loc, ok, arith::XOrIOp::create(b, loc, zero, arith::ConstantOp::create(b, loc, b.getBoolAttr(true))));
    ok = arith::AndIOp::create(b, loc, ok, arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, d, l.index(-1)));
    known = arith::MulIOp::create(b, loc, known, arith::SelectOp::create(b, loc, unknown, l.index(1), d));
    inferredCount = arith::AddIOp::create(b, loc, inferredCount, arith::SelectOp::create(b, loc, unknown, l.index(1), l.index(0)));
    dims.push_back(d);
  }
  Value knownNonZero = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, known, l.index(0));
  Value safeKnown = arith::SelectOp::create(b, loc, knownNonZero, known, l.index(1));
  Value inferred = arith::DivUIOp::create(b, loc, total, safeKnown);
  Value product = l.index(1);
  for (size_t i = 0; i < dims.size(); ++i) {
    dims[i] = arith::SelectOp::create(b, loc, eq(entries[i], -1), inferred, dims[i]);
    product = arith::MulIOp::create(b, loc, product, dims[i]);
  }
  ok = arith::AndIOp::create(b, loc, ok, arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ule, inferredCount, l.index(1)));
  ok = arith::AndIOp::create(b, loc, ok, arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, product, total));
  RankedTensorType result = l.result();
  return computeIf(b, l.op, ok, result,
                   "reshape: the shape does not hold the input's elements (or has more "
                   "than one -1)",
                   [&] {
                     SmallVector<Value> sizes;
                     for (Value d : dims)
                       sizes.push_back(arith::IndexCastOp::create(b, loc, b.getI64Type(), d));
                     Value shape = tensor::FromElementsOp::create(
                         b, loc, RankedTensorType::get({static_cast<int64_t>(sizes.size())}, b.getI64Type()),
                         sizes);
                     return tensor::ReshapeOp::create(b, loc, result, x, shape).getResult();
                   });
}

/// unsqueeze, squeeze, flatten: tensor.reshape to the sizes the rule chose
/// (a squeezed dynamic dimension is checked to be 1 at run time).
FailureOr<Value> lowerReshapeLike(LibLowering &l) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  Value x = l.operand("x");
  auto input = cast<RankedTensorType>(x.getType());
  int64_t rank = input.getRank();
  SmallVector<Value> dims;
  if (l.fn.op == LibOp::unsqueeze) {
    SmallVector<int64_t> positions = l.integers("axis");
    for (int64_t d = 0, k = 0; d < l.result().getRank(); ++d)
      dims.push_back(llvm::is_contained(positions, d) ? l.index(1) : l.dim(x, k++));
  } else if (l.fn.op == LibOp::squeeze) {
    SmallVector<int64_t> removed = l.integers("axis");
    for (int64_t d = 0; d < rank; ++d) {
      if (!llvm::is_contained(removed, d)) {
        dims.push_back(l.dim(x, d));
      } else if (input.isDynamicDim(d)) {
        Value one = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, l.dim(x, d), l.index(1));
        checkAtRunTime(b, l.op, one, "ValueError", "squeeze: the dimension is not of size 1");
      }
    }
  } else if (rank == 0) {
    dims.push_back(l.index(1));
  } else {
    int64_t start = l.integer("start_axis"), stop = l.integer("stop_axis");
    Value merged = l.index(1);
    for (int64_t d = 0; d < rank; ++d) {
      if (d < start || d > stop) {
        dims.push_back(l.dim(x, d));
        continue;
      }
      merged = arith::MulIOp::create(b, loc, merged, l.dim(x, d));
      if (d == stop)
        dims.push_back(merged);
    }
  }
  for (Value &d : dims)
    d = arith::IndexCastOp::create(b, loc, b.getI64Type(), d);
  Value shape = tensor::FromElementsOp::create(
      b, loc, RankedTensorType::get({static_cast<int64_t>(dims.size())}, b.getI64Type()), dims);
  return Value(tensor::ReshapeOp::create(b, loc, l.result(), x, shape));
}

FailureOr<Value> lowerTranspose(LibLowering &l) {
  Value x = l.operand("x");
  SmallVector<int64_t> perm = l.integers("perm");
  SmallVector<Value> dynamic;
  RankedTensorType result = l.result();
  for (auto [d, p] : llvm::enumerate(perm))
    if (result.isDynamicDim(d))
      dynamic.push_back(l.dim(x, p));
  Value init = tensor::EmptyOp::create(l.b, l.loc, result.getShape(), result.getElementType(), dynamic);
  return linalg::TransposeOp::create(l.b, l.loc, x, init, l.b.getDenseI64ArrayAttr(perm))
      .getResult()[0];
}

FailureOr<Value> lowerBroadcastTo(LibLowering &l) {
  OpBuilder &b = l.b;
  Value x = l.operand("x");
  auto input = cast<RankedTensorType>(x.getType());
  RankedTensorType result = l.result();
  int64_t rank = result.getRank(), offset = rank - input.getRank();
  SmallVector<Value> sizes = l.indexValues("shape");
  auto entries = l.statics.getAs<DenseI64ArrayAttr>("shape");
  SmallVector<Value> dynamic;
  for (int64_t d = 0; d < rank; ++d) {
    if (!result.isDynamicDim(d))
      continue;
    bool keep = entries && entries[d] == -1;
    dynamic.push_back(keep ? l.dim(x, d - offset) : sizes[d]);
  }
  if (!input.hasStaticShape()) {
    // A dynamic size broadcasts when it is 1 at run time: read index 0 there.
    SmallVector<Value> outSizes;
    for (int64_t d = 0, k = 0; d < rank; ++d)
      outSizes.push_back(result.isDynamicDim(d) ? dynamic[k++] : l.index(result.getDimSize(d)));
    SmallVector<Value> inSizes;
    for (int64_t d = 0; d < input.getRank(); ++d) {
      inSizes.push_back(l.dim(x, d));
      if (!input.isDynamicDim(d))
        continue;
      Value one = arith::CmpIOp::create(b, l.loc, arith::CmpIPredicate::eq, inSizes[d], l.index(1));
      Value same = arith::CmpIOp::create(b, l.loc, arith::CmpIPredicate::eq, inSizes[d], outSizes[d + offset]);
      checkAtRunTime(b, l.op, arith::OrIOp::create(b, l.loc, one, same), "ValueError",
                     "broadcast_to: a dimension cannot be broadcast to the shape");
    }
    return gatherBy(l, x, {}, {}, dynamic, [&](OpBuilder &nb, Location nl, ValueRange) {
      SmallVector<Value> indices;
      for (int64_t d = 0; d < input.getRank(); ++d) {
        Value i = linalg::IndexOp::create(nb, nl, d + offset);
        Value one = arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::eq, inSizes[d],
                                          arith::ConstantIndexOp::create(nb, nl, 1));
        indices.push_back(arith::SelectOp::create(nb, nl, one, arith::ConstantIndexOp::create(nb, nl, 0), i));
      }
      return indices;
    });
  }
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineExpr> exprs;
  for (int64_t d = 0; d < input.getRank(); ++d)
    exprs.push_back(input.getDimSize(d) == 1 && result.getDimSize(d + offset) != 1
                        ? getAffineConstantExpr(0, ctx)
                        : getAffineDimExpr(d + offset, ctx));
  Value init = tensor::EmptyOp::create(b, l.loc, result.getShape(), result.getElementType(), dynamic);
  SmallVector<AffineMap> maps{AffineMap::get(rank, 0, exprs, ctx),
                              AffineMap::getMultiDimIdentityMap(rank, ctx)};
  SmallVector<utils::IteratorType> iterators(rank, utils::IteratorType::parallel);
  return linalg::GenericOp::create(b, l.loc, TypeRange{result}, ValueRange{x}, ValueRange{init},
                                   maps, iterators,
                                   [](OpBuilder &nb, Location nl, ValueRange a) {
                                     linalg::YieldOp::create(nb, nl, a[0]);
                                   })
      .getResult(0);
}

/// stack (a new dimension) and concat (an existing one) with tensor.concat.
FailureOr<Value> lowerJoin(LibLowering &l) {
  int64_t axis = l.integer("axis");
  SmallVector<Value> parts;
  for (Value v : l.all("x"))
    parts.push_back(l.fn.op == LibOp::stack ? insertUnitDim(l.b, l.loc, v, axis) : v);
  // A statically empty result holds nothing to copy, and the slices
  // tensor.concat decomposes into would not verify (offset 0 of an empty
  // dimension): an empty tensor of the joined sizes.
  auto result = l.result();
  if (llvm::is_contained(result.getShape(), 0)) {
    SmallVector<Value> sizes;
    for (int64_t d = 0; d < result.getRank(); ++d) {
      if (!result.isDynamicDim(d))
        continue;
      if (d != axis) {
        sizes.push_back(l.dim(parts.front(), d));
        continue;
      }
      Value total = l.index(0);
      for (Value part : parts)
        total = arith::AddIOp::create(l.b, l.loc, total, l.dim(part, d));
      sizes.push_back(total);
    }
    return Value(tensor::EmptyOp::create(l.b, l.loc, result.getShape(), result.getElementType(),
                                         sizes));
  }
  // A part statically empty along the axis adds nothing; its slice at the
  // end of the result (offset = size) would not verify either.
  llvm::erase_if(parts, [&](Value part) {
    return cast<RankedTensorType>(part.getType()).getDimSize(axis) == 0;
  });
  Value joined = parts.size() == 1 ? parts.front()
                                   : Value(tensor::ConcatOp::create(l.b, l.loc, axis, parts));
  if (joined.getType() != l.resultType)
    joined = tensor::CastOp::create(l.b, l.loc, l.resultType, joined);
  return joined;
}

Value gatherBy(LibLowering &l, Value source, ValueRange inputs, ArrayRef<AffineMap> inputMaps,
                      ValueRange dynamicSizes,
                      function_ref<SmallVector<Value>(OpBuilder &, Location, ValueRange)> indicesOf) {
  RankedTensorType result = l.result();
  int64_t rank = result.getRank();
  MLIRContext *ctx = l.b.getContext();
  Value init = tensor::EmptyOp::create(l.b, l.loc, result.getShape(), result.getElementType(), dynamicSizes);
  SmallVector<AffineMap> maps(inputMaps);
  maps.push_back(AffineMap::getMultiDimIdentityMap(rank, ctx));
  SmallVector<utils::IteratorType> iterators(rank, utils::IteratorType::parallel);
  return linalg::GenericOp::create(
             l.b, l.loc, TypeRange{result}, inputs, ValueRange{init}, maps, iterators,
             [&](OpBuilder &nb, Location nl, ValueRange a) {
               SmallVector<Value> indices = indicesOf(nb, nl, a.drop_back());
               linalg::YieldOp::create(nb, nl, tensor::ExtractOp::create(nb, nl, source, indices).getResult());
             })
      .getResult(0);
}

/// `v` reversed along `axes`: a generic reading each element from the mirrored
/// index.
static Value flipAxes(OpBuilder &b, Location loc, Value v, ArrayRef<int64_t> axes) {
  auto type = cast<RankedTensorType>(v.getType());
  int64_t rank = type.getRank();
  SmallVector<Value> dims, dynamic;
  for (int64_t d = 0; d < rank; ++d) {
    dims.push_back(tensor::DimOp::create(b, loc, v, d));
    if (type.isDynamicDim(d))
      dynamic.push_back(dims.back());
  }
  Value empty = tensor::EmptyOp::create(b, loc, type.getShape(), type.getElementType(), dynamic);
  return linalg::GenericOp::create(
             b, loc, TypeRange{type}, ValueRange{}, ValueRange{empty},
             SmallVector<AffineMap>{AffineMap::getMultiDimIdentityMap(rank, b.getContext())},
             SmallVector<utils::IteratorType>(rank, utils::IteratorType::parallel),
             [&](OpBuilder &nb, Location nl, ValueRange) {
               SmallVector<Value> indices;
               for (int64_t d = 0; d < rank; ++d) {
                 Value i = linalg::IndexOp::create(nb, nl, d);
                 if (llvm::is_contained(axes, d)) {
                   Value last = arith::SubIOp::create(nb, nl, dims[d],
                                                      arith::ConstantIndexOp::create(nb, nl, 1));
                   i = arith::SubIOp::create(nb, nl, last, i);
                 }
                 indices.push_back(i);
               }
               linalg::YieldOp::create(nb, nl,
                                       tensor::ExtractOp::create(nb, nl, v, indices).getResult());
             })
      .getResult(0);
}

FailureOr<Value> lowerFlip(LibLowering &l) {
  return flipAxes(l.b, l.loc, l.operand("x"), l.integers("axis"));
}

/// pad: in constant mode, the crop of negative amounts (an extract_slice;
/// Paddle's spatial form) then tensor.pad with the value; otherwise each
/// output element reads the input at its index less the padding before it,
/// mapped by the mode (replicate: clamped; reflect: mirrored around the edges;
/// circular: wrapped). Amounts known only at run time are checked there.
FailureOr<Value> lowerPad(LibLowering &l) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  Value x = l.operand("x");
  auto type = cast<RankedTensorType>(x.getType());
  int64_t rank = type.getRank();
  RankedTensorType result = l.result();
  ArrayRef<int64_t> order = l.statics.getAs<DenseI64ArrayAttr>("pad_order").asArrayRef();
  StringRef mode = l.statics.getAs<StringAttr>("mode").getValue();
  bool crop = l.statics.getAs<BoolAttr>("crop").getValue();
  SmallVector<Value> given = l.indexValues("pad"), pads, sizes, outSizes, dynamic;
  for (int64_t slot : order)
    pads.push_back(slot < 0 ? l.index(0) : given[slot]);
  Value zero = l.index(0);
  // What the amounts need of the input, tested where they are not known to
  // hold (a null `ok` tests nothing).
  Value ok;
  auto atLeast = [&](Value v, Value least) {
    Value holds = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, v, least);
    ok = ok ? arith::AndIOp::create(b, loc, ok, holds).getResult() : holds;
  };
  auto knownNonNegative = [](Value v) {
    APInt amount;
    return matchPattern(v, m_ConstantInt(&amount)) && !amount.isNegative();
  };
  for (int64_t d = 0; d < rank; ++d) {
    sizes.push_back(l.dim(x, d));
    outSizes.push_back(arith::AddIOp::create(
        b, loc, sizes[d], arith::AddIOp::create(b, loc, pads[2 * d], pads[2 * d + 1])));
    if (result.isDynamicDim(d))
      dynamic.push_back(outSizes[d]);
    for (Value amount : {pads[2 * d], pads[2 * d + 1]})
      if (!crop && !knownNonNegative(amount))
        atLeast(amount, zero);
    if (crop && (!knownNonNegative(pads[2 * d]) || !knownNonNegative(pads[2 * d + 1])))
      atLeast(outSizes[d], zero);
    if (mode == "reflect") {
      // Reflect needs more elements than the padding; the others one at least.
      atLeast(sizes[d], arith::AddIOp::create(
                            b, loc, arith::MaxSIOp::create(b, loc, pads[2 * d], pads[2 * d + 1]),
                            l.index(1)));
    } else if (mode != "constant") {
      atLeast(sizes[d], l.index(1));
    }
  }
  std::string message = "pad: the element of 'paddings' should be >= 0";
  if (mode != "constant")
    message = ("pad: the input is too small for " + mode + " padding").str();
  else if (crop)
    message = "pad: the padding crops more than the input holds";
  if (mode == "constant")
    return computeIf(b, l.op, ok, result, message, [&] {
      Value value = convertElement(b, loc, l.operand("value"), result.getElementType());
      SmallVector<OpFoldResult> offsets, kept, strides(rank, b.getIndexAttr(1)), low, high;
      // Folded as built: known amounts give static offsets and paddings.
      auto sub = [&](Value x, Value y) { return b.createOrFold<arith::SubIOp>(loc, x, y); };
      auto atLeastZero = [&](Value x) { return b.createOrFold<arith::MaxSIOp>(loc, x, zero); };
      for (int64_t d = 0; d < rank; ++d) {
        Value cropBefore = atLeastZero(sub(zero, pads[2 * d]));
        Value cropAfter = atLeastZero(sub(zero, pads[2 * d + 1]));
        offsets.push_back(getAsOpFoldResult(cropBefore));
        kept.push_back(getAsOpFoldResult(
            sub(sizes[d], b.createOrFold<arith::AddIOp>(loc, cropBefore, cropAfter))));
        low.push_back(getAsOpFoldResult(atLeastZero(pads[2 * d])));
        high.push_back(getAsOpFoldResult(atLeastZero(pads[2 * d + 1])));
      }
      Value cropped = tensor::ExtractSliceOp::create(b, loc, x, offsets, kept, strides);
      Value padded = tensor::PadOp::create(b, loc, Type(), cropped, low, high, value);
      return padded.getType() == result ? padded
                                        : Value(tensor::CastOp::create(b, loc, result, padded));
    });
  return computeIf(b, l.op, ok, result, message, [&] {
    return gatherBy(l, x, {}, {}, dynamic, [&](OpBuilder &nb, Location nl, ValueRange) {
      auto c = [&](int64_t v) { return arith::ConstantIndexOp::create(nb, nl, v).getResult(); };
      SmallVector<Value> indices;
      for (int64_t d = 0; d < rank; ++d) {
        Value i = arith::SubIOp::create(nb, nl, linalg::IndexOp::create(nb, nl, d), pads[2 * d]);
        Value n = sizes[d], last = arith::SubIOp::create(nb, nl, sizes[d], c(1));
        if (mode == "reflect") {
          Value below = arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::slt, i, c(0));
          Value above = arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::sgt, i, last);
          Value mirrored = arith::SelectOp::create(nb, nl, below, arith::SubIOp::create(nb, nl, c(0), i), i);
          Value twiceLast = arith::MulIOp::create(nb, nl, last, c(2));
          i = arith::SelectOp::create(nb, nl, above, arith::SubIOp::create(nb, nl, twiceLast, i), mirrored);
        } else if (mode == "circular") {
          Value r = arith::RemSIOp::create(nb, nl, i, n);
          Value negative = arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::slt, r, c(0));
          i = arith::SelectOp::create(nb, nl, negative, arith::AddIOp::create(nb, nl, r, n), r);
        }
        // Clamped: replicate, and never out of bounds in the other modes.
        indices.push_back(arith::MinSIOp::create(nb, nl, arith::MaxSIOp::create(nb, nl, i, c(0)), last));
      }
      return indices;
    });
  });
}

/// Python slice semantics at run time: the first index and the length of
/// `range(dim)[start:end:step]` for a step known at compile time.
static std::pair<Value, Value> sliceBounds(OpBuilder &b, Location loc, Value start, Value end,
                                           int64_t step, Value dim) {
  auto c = [&](int64_t v) { return arith::ConstantIndexOp::create(b, loc, v).getResult(); };
  auto clamp = [&](Value v, Value lo, Value hi) {
    Value negative = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, v, c(0));
    v = arith::SelectOp::create(b, loc, negative, arith::AddIOp::create(b, loc, v, dim), v);
    return arith::MinSIOp::create(b, loc, arith::MaxSIOp::create(b, loc, v, lo), hi).getResult();
  };
  Value s, e, span;
  if (step > 0) {
    s = clamp(start, c(0), dim);
    e = clamp(end, c(0), dim);
    span = arith::SubIOp::create(b, loc, e, s);
  } else {
    Value last = arith::SubIOp::create(b, loc, dim, c(1));
    s = clamp(start, c(-1), last);
    e = clamp(end, c(-1), last);
    span = arith::SubIOp::create(b, loc, s, e);
  }
  int64_t magnitude = step > 0 ? step : -step;
  Value rounded = arith::AddIOp::create(b, loc, span, c(magnitude - 1));
  Value length = arith::MaxSIOp::create(b, loc, arith::DivSIOp::create(b, loc, rounded, c(magnitude)), c(0));
  return {s, length};
}

FailureOr<Value> lowerStridedSlice(LibLowering &l) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  Value x = l.operand("x");
  auto type = cast<RankedTensorType>(x.getType());
  int64_t rank = type.getRank();
  SmallVector<int64_t> axes = l.integers("axes");
  SmallVector<int64_t> steps(l.statics.getAs<DenseI64ArrayAttr>("strides").asArrayRef());
  SmallVector<Value> starts = l.indexValues("starts"), ends = l.indexValues("ends");
  SmallVector<Value> offsets, sizes;
  SmallVector<int64_t> strides(rank, 1);
  for (int64_t d = 0; d < rank; ++d) {
    offsets.push_back(l.index(0));
    sizes.push_back(l.dim(x, d));
  }
  bool positive = true;
  for (auto [i, axis] : llvm::enumerate(axes)) {
    auto [s, n] = sliceBounds(b, loc, starts[i], ends[i], steps[i], sizes[axis]);
    offsets[axis] = s;
    sizes[axis] = n;
    strides[axis] = steps[i];
    positive &= steps[i] > 0;
  }
  RankedTensorType result = l.result();
  if (positive) {
    SmallVector<OpFoldResult> o(offsets.begin(), offsets.end()), z(sizes.begin(), sizes.end()), st;
    for (int64_t s : strides)
      st.push_back(b.getIndexAttr(s));
    auto sliced = tensor::ExtractSliceOp::create(
        b, loc, RankedTensorType::get(SmallVector<int64_t>(rank, ShapedType::kDynamic), result.getElementType()),
        x, o, z, st);
    return Value(tensor::CastOp::create(b, loc, result, sliced));
  }
  SmallVector<Value> dynamic;
  for (int64_t d = 0; d < rank; ++d)
    if (result.isDynamicDim(d))
      dynamic.push_back(sizes[d]);
  return gatherBy(l, x, {}, {}, dynamic, [&](OpBuilder &nb, Location nl, ValueRange) {
    SmallVector<Value> indices;
    for (int64_t d = 0; d < rank; ++d) {
      Value i = linalg::IndexOp::create(nb, nl, d);
      Value scaled = arith::MulIOp::create(nb, nl, i, arith::ConstantIndexOp::create(nb, nl, strides[d]));
      indices.push_back(arith::AddIOp::create(nb, nl, offsets[d], scaled));
    }
    return indices;
  });
}

/// set_value: the value broadcast to the region and inserted with
/// tensor.insert_slice (a negative step inserts the value flipped along that
/// axis, at the positions of the equivalent positive step).
FailureOr<Value> lowerSetValue(LibLowering &l) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  Value x = l.operand("x");
  auto type = cast<RankedTensorType>(x.getType());
  Type elem = type.getElementType();
  int64_t rank = type.getRank();
  SmallVector<int64_t> axes = l.integers("axes");
  SmallVector<int64_t> decreased;
  if (l.statics.get("decrease_axes"))
    decreased = l.integers("decrease_axes");
  SmallVector<int64_t> steps(l.statics.getAs<DenseI64ArrayAttr>("strides").asArrayRef());
  SmallVector<Value> starts = l.indexValues("starts"), ends = l.indexValues("ends");
  SmallVector<Value> offsets, sizes;
  SmallVector<int64_t> strides(rank, 1);
  SmallVector<int64_t> flipped;
  for (int64_t d = 0; d < rank; ++d) {
    offsets.push_back(l.index(0));
    sizes.push_back(l.dim(x, d));
  }
  Value indicesInRange = arith::ConstantOp::create(b, loc, b.getBoolAttr(true));
  for (auto [i, axis] : llvm::enumerate(axes)) {
    Value dim = sizes[axis];
    if (llvm::is_contained(decreased, axis)) {
      Value s = starts[i], given = s;
      Value zero = l.index(0);
      Value negative = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, s, zero);
      s = arith::SelectOp::create(b, loc, negative, arith::AddIOp::create(b, loc, s, dim), s);
      Value inRange = arith::AndIOp::create(
          b, loc, arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, s, zero),
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, s, dim));
      auto asI64 = [&](Value v) {
        return Value(arith::IndexCastOp::create(b, loc, b.getI64Type(), v));
      };
      checkAtRunTime(b, l.op, inRange, "IndexError",
                     {"index ", asI64(given), " is out of bounds for axis " + std::to_string(axis) +
                                                   " with size ",
                      asI64(dim)});
      // Out of range, the call raises, writes nothing and its results are dropped.
      indicesInRange = arith::AndIOp::create(b, loc, indicesInRange, inRange);
      offsets[axis] = s;
      sizes[axis] = l.index(1);
      continue;
    }
    auto [s, n] = sliceBounds(b, loc, starts[i], ends[i], steps[i], dim);
    sizes[axis] = n;
    if (steps[i] > 0) {
      offsets[axis] = s;
      strides[axis] = steps[i];
      continue;
    }
    // Positions s, s - k, ..., s - (n - 1) k are s' = s - (n - 1) k upward.
    Value last = arith::SubIOp::create(b, loc, n, l.index(1));
    Value span = arith::MulIOp::create(b, loc, arith::MaxSIOp::create(b, loc, last, l.index(0)),
                                       l.index(-steps[i]));
    offsets[axis] = arith::SubIOp::create(b, loc, s, span);
    strides[axis] = -steps[i];
    flipped.push_back(axis);
  }
  // The region, with the decreased axes of size 1.
  SmallVector<int64_t> regionShape(rank, ShapedType::kDynamic);
  auto region = RankedTensorType::get(regionShape, elem);
  Value value = l.operand("value");
  auto valueType = dyn_cast<RankedTensorType>(value.getType());
  SmallVector<Value> kept;
  for (int64_t d = 0; d < rank; ++d)
    if (!llvm::is_contained(decreased, d))
      kept.push_back(sizes[d]);
  SmallVector<int64_t> keptShape(kept.size(), ShapedType::kDynamic);
  auto keptType = RankedTensorType::get(keptShape, elem);
  Value filledValue;
  if (!valueType) {
    Value empty = tensor::EmptyOp::create(b, loc, keptShape, elem, kept);
    filledValue = linalg::FillOp::create(b, loc, ValueRange{convertElement(b, loc, value, elem)},
                                         ValueRange{empty})
                      .getResult(0);
  } else {
    // Broadcast the value (right-aligned) to the kept region; a dynamic size
    // must match the region's at run time. Leading dimensions beyond the
    // region's rank are of size 1 (the type rule): read at index 0.
    value = castTensor(b, loc, value, elem);
    int64_t offset = static_cast<int64_t>(kept.size()) - valueType.getRank();
    Value ok = arith::ConstantOp::create(b, loc, b.getBoolAttr(true));
    SmallVector<Value> valueSizes;
    for (int64_t d = 0; d < valueType.getRank(); ++d) {
      valueSizes.push_back(l.dim(value, d));
      if (d + offset < 0)
        continue;
      Value same = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, valueSizes[d], kept[d + offset]);
      Value one = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, valueSizes[d], l.index(1));
      ok = arith::AndIOp::create(b, loc, ok, arith::OrIOp::create(b, loc, same, one));
    }
    checkAtRunTime(b, l.op, ok, "ValueError",
                   "the assigned value cannot be broadcast to the region it is assigned to");
    Value empty = tensor::EmptyOp::create(b, loc, keptShape, elem, kept);
    SmallVector<utils::IteratorType> iterators(kept.size(), utils::IteratorType::parallel);
    MLIRContext *ctx = b.getContext();
    filledValue =
        linalg::GenericOp::create(
            b, loc, TypeRange{keptType}, ValueRange{}, ValueRange{empty},
            SmallVector<AffineMap>{AffineMap::getMultiDimIdentityMap(kept.size(), ctx)}, iterators,
            [&](OpBuilder &nb, Location nl, ValueRange) {
              SmallVector<Value> indices;
              for (int64_t d = 0; d < valueType.getRank(); ++d) {
                if (d + offset < 0) {
                  indices.push_back(arith::ConstantIndexOp::create(nb, nl, 0));
                  continue;
                }
                Value i = linalg::IndexOp::create(nb, nl, d + offset);
                Value one = arith::CmpIOp::create(nb, nl, arith::CmpIPredicate::eq, valueSizes[d],
                                                  arith::ConstantIndexOp::create(nb, nl, 1));
                indices.push_back(arith::SelectOp::create(
                    nb, nl, one, arith::ConstantIndexOp::create(nb, nl, 0), i));
              }
              linalg::YieldOp::create(nb, nl, tensor::ExtractOp::create(nb, nl, value, indices).getResult());
            })
            .getResult(0);
  }
  // Put back the decreased axes (size 1), then flip where the step is negative.
  Value update = filledValue;
  for (int64_t d = 0; d < rank; ++d)
    if (llvm::is_contained(decreased, d))
      update = insertUnitDim(b, loc, update, d);
  update = tensor::CastOp::create(b, loc, region, update);
  if (!flipped.empty())
    update = flipAxes(b, loc, update, flipped);
  SmallVector<OpFoldResult> st;
  for (int64_t s : strides)
    st.push_back(b.getIndexAttr(s));
  // Out of range (the call raises and its results are dropped) nothing is
  // written, yet the insert runs unconditionally: an scf.if around it would
  // chain every store into one tensor through the branches, and one-shot
  // bufferization's buffer types recurse into both branches of each (2^n:
  // 24 stores in a loop body took 13 s to compile). A scalar-indexed axis is
  // then written at offset 0 with size 0 where its dimension may be 0 (a
  // dynamic one), else the slice there is written back unchanged.
  bool checked = !matchPattern(indicesInRange, m_One()), mayBeEmpty = false;
  if (checked) {
    Value zero = l.index(0);
    for (int64_t axis : decreased) {
      offsets[axis] = arith::SelectOp::create(b, loc, indicesInRange, offsets[axis], zero);
      if (type.getDimSize(axis) > 0)
        continue;
      mayBeEmpty = true;
      sizes[axis] = arith::SelectOp::create(b, loc, indicesInRange, sizes[axis], zero);
    }
  }
  SmallVector<OpFoldResult> o(offsets.begin(), offsets.end()), z(sizes.begin(), sizes.end());
  if (mayBeEmpty) {
    SmallVector<OpFoldResult> from(rank, b.getIndexAttr(0)), taken, unit(rank, b.getIndexAttr(1));
    for (int64_t d = 0; d < rank; ++d)
      taken.push_back(llvm::is_contained(decreased, d) ? OpFoldResult(sizes[d])
                                                       : OpFoldResult(l.dim(update, d)));
    update = tensor::ExtractSliceOp::create(b, loc, region, update, from, taken, unit);
  } else if (checked) {
    Value current = tensor::ExtractSliceOp::create(b, loc, region, x, o, z, st);
    update = arith::SelectOp::create(b, loc, indicesInRange, update, current);
  }
  return tensor::InsertSliceOp::create(b, loc, update, x, o, z, st).getResult();
}

} // namespace mlir::pydy::lowering
