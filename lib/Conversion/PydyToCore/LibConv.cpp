// Lowerings of convolution and pooling to linalg's named ops: the input
// padded with tensor.pad, then linalg.conv_2d_nchw_fchw (one group of f32,
// which dy2st-linalg-to-blas hands to the runtime's implicit product),
// linalg.conv_2d_ngchw_gfchw (groups as a dimension) or
// linalg.pooling_nchw_*; a f64 convolution of one group is one linalg.matmul
// on the unfolded input (see convAsProduct).
#include "LibLowering.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

#include <limits>

using namespace mlir;

namespace mlir::pydy::lowering {

/// The padding before and after dimension `d` of x: `pads` ([top, bottom,
/// left, right]), or, for kSamePaddingAtRunTime, 'SAME' of the size n known at
/// run time: ceil(n / stride) windows of `span`, the padding they need split
/// as Paddle splits it (the odd one after).
static std::pair<OpFoldResult, OpFoldResult> paddingAt(LibLowering &l, Value x, int d,
                                                       ArrayRef<int64_t> pads,
                                                       ArrayRef<int64_t> spans,
                                                       ArrayRef<int64_t> strides) {
  if (pads[2 * d] != kSamePaddingAtRunTime)
    return {l.b.getIndexAttr(pads[2 * d]), l.b.getIndexAttr(pads[2 * d + 1])};
  Location loc = l.loc;
  Value n = l.dim(x, 2 + d);
  Value s = l.index(strides[d]);
  Value out = arith::CeilDivSIOp::create(l.b, loc, n, s);
  Value covered = arith::AddIOp::create(
      l.b, loc,
      arith::MulIOp::create(l.b, loc, arith::SubIOp::create(l.b, loc, out, l.index(1)), s),
      l.index(spans[d]));
  Value total =
      arith::MaxSIOp::create(l.b, loc, arith::SubIOp::create(l.b, loc, covered, n), l.index(0));
  Value before = arith::DivSIOp::create(l.b, loc, total, l.index(2));
  return {before, Value(arith::SubIOp::create(l.b, loc, total, before))};
}

/// x padded by `low` and `high` (of the two spatial dimensions) with `value`.
static Value padBy(LibLowering &l, Value x, ArrayRef<OpFoldResult> low, ArrayRef<OpFoldResult> high,
                   Value value) {
  auto type = cast<RankedTensorType>(x.getType());
  SmallVector<int64_t> shape(type.getShape());
  SmallVector<OpFoldResult> lows{l.b.getIndexAttr(0), l.b.getIndexAttr(0)};
  SmallVector<OpFoldResult> highs{l.b.getIndexAttr(0), l.b.getIndexAttr(0)};
  for (int d = 0; d < 2; ++d) {
    std::optional<int64_t> before = getConstantIntValue(low[d]);
    std::optional<int64_t> after = getConstantIntValue(high[d]);
    if (before && after && !ShapedType::isDynamic(shape[2 + d]))
      shape[2 + d] += *before + *after;
    else
      shape[2 + d] = ShapedType::kDynamic;
    lows.push_back(low[d]);
    highs.push_back(high[d]);
  }
  return tensor::PadOp::create(l.b, l.loc, type.clone(shape), x, lows, highs, value);
}

/// x padded by `pads` ([top, bottom, left, right]) plus `extra` at the
/// bottom and right, with `value` (see paddingAt).
static Value padSpatial(LibLowering &l, Value x, ArrayRef<int64_t> pads, ArrayRef<int64_t> extra,
                        Value value, ArrayRef<int64_t> spans = {}, ArrayRef<int64_t> strides = {}) {
  if (llvm::all_of(pads, [](int64_t p) { return p == 0; }) &&
      llvm::all_of(extra, [](int64_t p) { return p == 0; }))
    return x;
  SmallVector<OpFoldResult> low, high;
  for (int d = 0; d < 2; ++d) {
    auto [before, after] = paddingAt(l, x, d, pads, spans, strides);
    low.push_back(before);
    // 'SAME' of a size known at run time has no ceil_mode extra (see the
    // pool's type rule).
    high.push_back(pads[2 * d] == kSamePaddingAtRunTime
                       ? after
                       : OpFoldResult(l.b.getIndexAttr(pads[2 * d + 1] + extra[d])));
  }
  return padBy(l, x, low, high, value);
}

/// A zero- (or `init`-) filled tensor of `type` whose dynamic sizes are
/// `sizes` at those dimensions.
static Value filledLike(LibLowering &l, RankedTensorType type, ArrayRef<Value> sizes, Value init) {
  SmallVector<Value> dynamic;
  for (int64_t d = 0; d < type.getRank(); ++d)
    if (type.isDynamicDim(d))
      dynamic.push_back(sizes[d]);
  Value empty = tensor::EmptyOp::create(l.b, l.loc, type.getShape(), type.getElementType(), dynamic);
  return linalg::FillOp::create(l.b, l.loc, ValueRange{init}, ValueRange{empty}).getResult(0);
}

/// `init` with `bias` broadcast into it along `biasDims` (the accumulator
/// starts from the bias: no separate pass over the output); `init` where
/// there is no bias.
static Value startFromBias(LibLowering &l, Value init, Value bias, ArrayRef<unsigned> biasDims) {
  if (!bias)
    return init;
  MLIRContext *ctx = l.b.getContext();
  auto type = cast<RankedTensorType>(init.getType());
  SmallVector<AffineExpr> dims;
  for (unsigned d : biasDims)
    dims.push_back(getAffineDimExpr(d, ctx));
  SmallVector<AffineMap> maps{AffineMap::get(type.getRank(), 0, dims, ctx),
                              AffineMap::getMultiDimIdentityMap(type.getRank(), ctx)};
  return linalg::GenericOp::create(
             l.b, l.loc, TypeRange{type}, ValueRange{bias}, ValueRange{init}, maps,
             SmallVector<utils::IteratorType>(type.getRank(), utils::IteratorType::parallel),
             [](OpBuilder &nb, Location nl, ValueRange a) { linalg::YieldOp::create(nb, nl, a[0]); })
      .getResult(0);
}

/// Of each window of x's average pool, the count Paddle's kernel divides its
/// sum by, into `init` ([1, 1, OH, OW]): along each dimension a window from
/// o * stride - before ends at min(start + kernel, size + before) (the
/// padding before stands for the padding after); exclusive, it is clipped to
/// the input, and one past it counts zero or less, as in Paddle's kernel.
static Value windowCounts(LibLowering &l, Value x, Value init, ArrayRef<Value> before,
                          ArrayRef<int64_t> kernel, ArrayRef<int64_t> strides, bool exclusive) {
  auto type = cast<RankedTensorType>(init.getType());
  Value sizes[2] = {l.dim(x, 2), l.dim(x, 3)};
  return linalg::GenericOp::create(
             l.b, l.loc, TypeRange{type}, ValueRange{}, ValueRange{init},
             SmallVector<AffineMap>{AffineMap::getMultiDimIdentityMap(4, l.b.getContext())},
             SmallVector<utils::IteratorType>(4, utils::IteratorType::parallel),
             [&](OpBuilder &nb, Location nl, ValueRange) {
               auto index = [&](int64_t v) { return arith::ConstantIndexOp::create(nb, nl, v); };
               Value count;
               for (int d = 0; d < 2; ++d) {
                 Value start = arith::SubIOp::create(
                     nb, nl,
                     arith::MulIOp::create(nb, nl, linalg::IndexOp::create(nb, nl, 2 + d),
                                           index(strides[d])),
                     before[d]);
                 Value end = arith::MinSIOp::create(
                     nb, nl, arith::AddIOp::create(nb, nl, start, index(kernel[d])),
                     arith::AddIOp::create(nb, nl, sizes[d], before[d]));
                 if (exclusive) {
                   end = arith::MinSIOp::create(nb, nl, end, sizes[d]);
                   start = arith::MaxSIOp::create(nb, nl, start, index(0));
                 }
                 Value span = arith::SubIOp::create(nb, nl, end, start);
                 count = d == 0 ? span : arith::MulIOp::create(nb, nl, count, span).getResult();
               }
               Value wide = arith::IndexCastOp::create(nb, nl, nb.getI64Type(), count);
               linalg::YieldOp::create(
                   nb, nl, Value(arith::SIToFPOp::create(nb, nl, type.getElementType(), wide)));
             })
      .getResult(0);
}

/// The output size of a window op along a padded dimension.
static Value windows(LibLowering &l, Value padded, int64_t span, int64_t stride) {
  Value n = arith::SubIOp::create(l.b, l.loc, padded, l.index(span));
  n = arith::DivSIOp::create(l.b, l.loc, n, l.index(stride));
  return arith::AddIOp::create(l.b, l.loc, n, l.index(1));
}

/// A convolution of one group as one product: the padded input's patches
/// unfolded (im2col) into cols [C·KH·KW, N·OH·OW], the filters [F, C·KH·KW]
/// times cols (a linalg.matmul, which dy2st-linalg-to-blas hands to BLAS),
/// and the product [F, N, OH, OW] transposed to [N, F, OH, OW]. `sizes` are
/// the output's [N, F, OH, OW].
static Value convAsProduct(LibLowering &l, Value padded, Value w, Value bias,
                           RankedTensorType result, ArrayRef<int64_t> strides,
                           ArrayRef<int64_t> dilations, ArrayRef<Value> sizes) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  MLIRContext *ctx = b.getContext();
  Type elem = result.getElementType();
  auto wType = cast<RankedTensorType>(w.getType());
  int64_t filters = wType.getDimSize(0), channels = wType.getDimSize(1);
  int64_t kh = wType.getDimSize(2), kw = wType.getDimSize(3);
  int64_t n = result.getDimSize(0), oh = result.getDimSize(2), ow = result.getDimSize(3);
  // cols[c, i, j, b, y, x] = padded[b, c, y·sh + i·dh, x·sw + j·dw]
  auto colType = RankedTensorType::get({channels, kh, kw, n, oh, ow}, elem);
  SmallVector<Value> colSizes;
  for (int64_t d : {0, 2, 3})
    if (result.isDynamicDim(d))
      colSizes.push_back(sizes[d]);
  Value colInit = tensor::EmptyOp::create(b, loc, colType.getShape(), elem, colSizes);
  AffineExpr c = getAffineDimExpr(0, ctx), i = getAffineDimExpr(1, ctx),
             j = getAffineDimExpr(2, ctx), bt = getAffineDimExpr(3, ctx),
             y = getAffineDimExpr(4, ctx), x = getAffineDimExpr(5, ctx);
  SmallVector<AffineMap> maps{
      AffineMap::get(6, 0, {bt, c, y * strides[0] + i * dilations[0], x * strides[1] + j * dilations[1]},
                     ctx),
      AffineMap::getMultiDimIdentityMap(6, ctx)};
  Value unfolded =
      linalg::GenericOp::create(
          b, loc, TypeRange{colType}, ValueRange{padded}, ValueRange{colInit}, maps,
          SmallVector<utils::IteratorType>(6, utils::IteratorType::parallel),
          [](OpBuilder &nb, Location nl, ValueRange a) { linalg::YieldOp::create(nb, nl, a[0]); })
          .getResult(0);
  Value cols = tensor::CollapseShapeOp::create(
      b, loc, unfolded, SmallVector<ReassociationIndices>{{0, 1, 2}, {3, 4, 5}});
  Value matrix = tensor::CollapseShapeOp::create(
      b, loc, w, SmallVector<ReassociationIndices>{{0}, {1, 2, 3}});
  auto productType =
      RankedTensorType::get({filters, cast<RankedTensorType>(cols.getType()).getDimSize(1)}, elem);
  Value columns = productType.isDynamicDim(1) ? l.dim(cols, 1) : Value();
  Value init = startFromBias(
      l, filledLike(l, productType, {Value(), columns}, constantScalar(b, loc, elem, 0)), bias, {0});
  Value product = linalg::MatmulOp::create(b, loc, TypeRange{productType},
                                           ValueRange{matrix, cols}, ValueRange{init})
                      .getResult(0);
  auto splitType = RankedTensorType::get({filters, n, oh, ow}, elem);
  SmallVector<Value> splitValues{sizes[1], sizes[0], sizes[2], sizes[3]};
  SmallVector<OpFoldResult> splitSizes;
  for (auto [d, size] : llvm::enumerate(splitValues))
    splitSizes.push_back(splitType.isDynamicDim(d) ? OpFoldResult(size)
                                                   : b.getIndexAttr(splitType.getDimSize(d)));
  Value split = expandDims(b, loc, splitType, product,
                           SmallVector<ReassociationIndices>{{0}, {1, 2, 3}}, splitSizes);
  SmallVector<Value> resultSizes;
  for (int64_t d = 0; d < 4; ++d)
    if (result.isDynamicDim(d))
      resultSizes.push_back(sizes[d]);
  Value out = tensor::EmptyOp::create(b, loc, result.getShape(), elem, resultSizes);
  return linalg::TransposeOp::create(b, loc, split, out, ArrayRef<int64_t>{1, 0, 2, 3})
      .getResult()[0];
}

FailureOr<Value> lowerConv2D(LibLowering &l) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  RankedTensorType result = l.result();
  Type elem = result.getElementType();
  Value x = l.operand("x"), w = l.operand("weight");
  auto wType = cast<RankedTensorType>(w.getType());
  int64_t groups = l.integer("groups");
  ArrayRef<int64_t> strides = l.statics.getAs<DenseI64ArrayAttr>("strides").asArrayRef();
  ArrayRef<int64_t> dilations = l.statics.getAs<DenseI64ArrayAttr>("dilations").asArrayRef();
  ArrayRef<int64_t> pads = l.statics.getAs<DenseI64ArrayAttr>("paddings").asArrayRef();
  SmallVector<int64_t> spans;
  for (int d = 0; d < 2; ++d)
    spans.push_back(dilations[d] * (wType.getDimSize(2 + d) - 1) + 1);
  Value padded = padSpatial(l, x, pads, {0, 0}, constantScalar(b, loc, elem, 0), spans, strides);
  // The output sizes [N, F, OH, OW].
  SmallVector<Value> outSizes{l.dim(padded, 0), l.index(wType.getDimSize(0))};
  for (int d = 0; d < 2; ++d)
    outSizes.push_back(windows(l, l.dim(padded, 2 + d),
                               dilations[d] * (wType.getDimSize(2 + d) - 1) + 1, strides[d]));
  if (groups == 1 && elem.isF32()) {
    Value init = startFromBias(l, filledLike(l, result, outSizes, constantScalar(b, loc, elem, 0)),
                               l.operand("bias"), {1});
    return linalg::Conv2DNchwFchwOp::create(b, loc, TypeRange{result}, ValueRange{padded, w},
                                            ValueRange{init}, b.getI64TensorAttr(strides),
                                            b.getI64TensorAttr(dilations))
        .getResult(0);
  }
  if (groups == 1 && isa<FloatType>(elem))
    return convAsProduct(l, padded, w, l.operand("bias"), result, strides, dilations, outSizes);
  auto pType = cast<RankedTensorType>(padded.getType());
  // [N, C, H, W] -> [N, G, C/G, H, W]; [F, C/G, KH, KW] -> [G, F/G, C/G, KH, KW].
  int64_t channels = pType.getDimSize(1), filters = wType.getDimSize(0);
  SmallVector<OpFoldResult> xShape{
      pType.isDynamicDim(0) ? OpFoldResult(l.dim(padded, 0)) : b.getIndexAttr(pType.getDimSize(0)),
      b.getIndexAttr(groups), b.getIndexAttr(channels / groups),
      pType.isDynamicDim(2) ? OpFoldResult(l.dim(padded, 2)) : b.getIndexAttr(pType.getDimSize(2)),
      pType.isDynamicDim(3) ? OpFoldResult(l.dim(padded, 3)) : b.getIndexAttr(pType.getDimSize(3))};
  auto xGrouped = RankedTensorType::get({pType.getDimSize(0), groups, channels / groups,
                                         pType.getDimSize(2), pType.getDimSize(3)}, elem);
  Value xg = tensor::ExpandShapeOp::create(b, loc, xGrouped, padded,
                                           SmallVector<ReassociationIndices>{{0}, {1, 2}, {3}, {4}},
                                           xShape);
  auto wGrouped = RankedTensorType::get({groups, filters / groups, wType.getDimSize(1),
                                         wType.getDimSize(2), wType.getDimSize(3)}, elem);
  SmallVector<OpFoldResult> wShape;
  for (int64_t s : wGrouped.getShape())
    wShape.push_back(b.getIndexAttr(s));
  Value wg = tensor::ExpandShapeOp::create(b, loc, wGrouped, w,
                                           SmallVector<ReassociationIndices>{{0, 1}, {2}, {3}, {4}},
                                           wShape);
  // The output [N, G, F/G, OH, OW].
  SmallVector<Value> sizes{outSizes[0], l.index(groups), l.index(filters / groups), outSizes[2],
                           outSizes[3]};

  auto outGrouped = RankedTensorType::get({result.getDimSize(0), groups, filters / groups,
                                           result.getDimSize(2), result.getDimSize(3)}, elem);
  Value groupedBias;
  if (Value bias = l.operand("bias"))
    groupedBias = tensor::ExpandShapeOp::create(
        b, loc, RankedTensorType::get({groups, filters / groups}, elem), bias,
        SmallVector<ReassociationIndices>{{0, 1}},
        SmallVector<OpFoldResult>{b.getIndexAttr(groups), b.getIndexAttr(filters / groups)});
  Value init = startFromBias(l, filledLike(l, outGrouped, sizes, constantScalar(b, loc, elem, 0)),
                             groupedBias, {1, 2});
  Value conv = linalg::Conv2DNgchwGfchwOp::create(
                   b, loc, TypeRange{outGrouped}, ValueRange{xg, wg}, ValueRange{init},
                   b.getI64TensorAttr(strides), b.getI64TensorAttr(dilations))
                   .getResult(0);
  return Value(tensor::CollapseShapeOp::create(
      b, loc, result, conv, SmallVector<ReassociationIndices>{{0}, {1, 2}, {3}, {4}}));
}

FailureOr<Value> lowerPool2D(LibLowering &l) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  RankedTensorType result = l.result();
  Type elem = result.getElementType();
  Value x = l.operand("x");
  ArrayRef<int64_t> kernel = l.statics.getAs<DenseI64ArrayAttr>("kernel").asArrayRef();
  ArrayRef<int64_t> strides = l.statics.getAs<DenseI64ArrayAttr>("strides").asArrayRef();
  ArrayRef<int64_t> pads = l.statics.getAs<DenseI64ArrayAttr>("paddings").asArrayRef();
  ArrayRef<int64_t> extra = l.statics.getAs<DenseI64ArrayAttr>("ceil_extra").asArrayRef();
  bool isMax = l.fn.op == LibOp::max_pool2d;
  // Paddle's max pooling starts from the lowest finite float (a window
  // entirely in padding gives it), not -inf.
  Value lowest = arith::ConstantOp::create(
      b, loc, b.getFloatAttr(elem, llvm::APFloat::getLargest(
                                       cast<FloatType>(elem).getFloatSemantics(), true)));
  Value zero = constantScalar(b, loc, elem, 0);
  Value padded = padSpatial(l, x, pads, extra, isMax ? lowest : zero, kernel, strides);
  SmallVector<Value> sizes{l.dim(padded, 0), l.dim(padded, 1)};
  for (int d = 0; d < 2; ++d)
    sizes.push_back(windows(l, l.dim(padded, 2 + d), kernel[d], strides[d]));
  Value window = tensor::EmptyOp::create(b, loc, kernel, elem);
  auto pool = [&](Value input, Value init) -> Value {
    if (isMax)
      return linalg::PoolingNchwMaxOp::create(b, loc, TypeRange{init.getType()},
                                              ValueRange{input, window}, ValueRange{init},
                                              b.getI64TensorAttr(strides),
                                              b.getI64TensorAttr({1, 1}))
          .getResult(0);
    return linalg::PoolingNchwSumOp::create(b, loc, TypeRange{init.getType()},
                                            ValueRange{input, window}, ValueRange{init},
                                            b.getI64TensorAttr(strides), b.getI64TensorAttr({1, 1}))
        .getResult(0);
  };
  Value pooled = pool(padded, filledLike(l, result, sizes, isMax ? lowest : zero));
  if (isMax)
    return pooled;
  // The divisor of each window: the count of its elements (those of the
  // input when exclusive; the ceil_mode extra never counts), scaled by
  // divisor_override over the kernel's size where given (Paddle's formula).
  bool exclusive = l.flag("exclusive");
  SmallVector<Value> before;
  for (int d = 0; d < 2; ++d)
    before.push_back(
        getValueOrCreateConstantIndexOp(b, loc, paddingAt(l, x, d, pads, kernel, strides).first));
  auto countsType = RankedTensorType::get({1, 1, result.getDimSize(2), result.getDimSize(3)}, elem);
  Value counts = windowCounts(
      l, x, filledLike(l, countsType, {l.index(1), l.index(1), sizes[2], sizes[3]}, zero), before,
      kernel, strides, exclusive);
  if (auto over = l.statics.getAs<IntegerAttr>("divisor_override")) {
    Value scale = constantScalar(b, loc, elem,
                                 static_cast<double>(over.getInt()) /
                                     static_cast<double>(kernel[0] * kernel[1]));
    counts = elementwise(b, loc, counts.getType(), {counts, scale},
                         [](OpBuilder &nb, Location nl, ValueRange e) {
                           return arith::MulFOp::create(nb, nl, e[0], e[1]).getResult();
                         });
  }
  return elementwise(b, loc, result, {pooled, counts},
                     [](OpBuilder &nb, Location nl, ValueRange e) {
                       return arith::DivFOp::create(nb, nl, e[0], e[1]).getResult();
                     });
}

} // namespace mlir::pydy::lowering
