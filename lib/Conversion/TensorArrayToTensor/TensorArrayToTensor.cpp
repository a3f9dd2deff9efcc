// tensor_array → a buffer tensor with spare capacity and a length (see Passes.td).
#include "Dy2St/Conversion/Passes.h"
#include "Dy2St/Conversion/RuntimeCalls.h"
#include "Dy2St/Dialect/TensorArray/TensorArrayDialect.h"

#include "mlir/Dialect/Func/Transforms/FuncConversions.h"
#include "mlir/Dialect/SCF/Transforms/Patterns.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mlir::pydy {
#define GEN_PASS_DEF_CONVERTTENSORARRAYTOTENSORPASS
#include "Dy2St/Conversion/Passes.h.inc"

namespace {
using namespace tensor_array;
using dy2st::checkAtRunTime;

/// The buffer of an array of `tensor<AxBxT>`: `tensor<?xAxBxT>`, its first
/// dimension the capacity.
RankedTensorType bufferType(ArrayType type) {
  RankedTensorType item = type.getElementType();
  SmallVector<int64_t> shape{ShapedType::kDynamic};
  llvm::append_range(shape, item.getShape());
  return RankedTensorType::get(shape, item.getElementType());
}

/// Builds the index arithmetic and slicing of one lowering.
struct Builder {
  OpBuilder &b;
  Location loc;

  Value index(int64_t v) { return arith::ConstantIndexOp::create(b, loc, v); }
  Value cmp(arith::CmpIPredicate p, Value x, Value y) {
    return arith::CmpIOp::create(b, loc, p, x, y);
  }
  Value dim(Value tensor, int64_t d) { return tensor::DimOp::create(b, loc, tensor, d); }

  /// Sizes of a run of `count` rows of `buffer` (its item dimensions follow).
  SmallVector<OpFoldResult> rowSizes(OpFoldResult count, Value buffer) {
    auto type = cast<RankedTensorType>(buffer.getType());
    SmallVector<OpFoldResult> sizes{count};
    for (int64_t d = 1; d < type.getRank(); ++d)
      sizes.push_back(type.isDynamicDim(d) ? OpFoldResult(dim(buffer, d))
                                           : OpFoldResult(b.getIndexAttr(type.getDimSize(d))));
    return sizes;
  }
  SmallVector<OpFoldResult> rowOffsets(Value first, Value buffer) {
    SmallVector<OpFoldResult> offsets(cast<RankedTensorType>(buffer.getType()).getRank(),
                                      b.getIndexAttr(0));
    offsets[0] = first;
    return offsets;
  }
  SmallVector<OpFoldResult> unitStrides(Value buffer) {
    return SmallVector<OpFoldResult>(cast<RankedTensorType>(buffer.getType()).getRank(),
                                     b.getIndexAttr(1));
  }

  /// Rows [first, first + count) of `buffer`, as a view.
  Value rows(Value buffer, Value first, OpFoldResult count) {
    return tensor::ExtractSliceOp::create(b, loc, buffer, rowOffsets(first, buffer),
                                          rowSizes(count, buffer), unitStrides(buffer));
  }
  /// A copy of `tensor`: later in-place writes to the buffer it came from
  /// then need not copy the whole buffer to keep it alive.
  Value copy(Value tensor) {
    return bufferization::AllocTensorOp::create(
        b, loc, cast<RankedTensorType>(tensor.getType()), ValueRange{}, tensor);
  }
  /// A copy of item `i` of `buffer`.
  Value readItem(Value buffer, Value i, RankedTensorType item) {
    Value slice = tensor::ExtractSliceOp::create(b, loc, item, buffer, rowOffsets(i, buffer),
                                                 rowSizes(b.getIndexAttr(1), buffer),
                                                 unitStrides(buffer));
    return copy(slice);
  }
  /// `buffer` with `item` written at row `i`.
  Value writeItem(Value item, Value buffer, Value i) {
    SmallVector<OpFoldResult> sizes{b.getIndexAttr(1)};
    llvm::append_range(sizes, tensor::getMixedSizes(b, loc, item));
    return tensor::InsertSliceOp::create(b, loc, item, buffer, rowOffsets(i, buffer), sizes,
                                         unitStrides(buffer));
  }
  /// `to` with the first `count` rows of `from` copied to its first rows.
  Value copyRows(Value from, Value count, Value to) {
    Value zero = index(0);
    return tensor::InsertSliceOp::create(b, loc, rows(from, zero, count), to,
                                         rowOffsets(zero, to), rowSizes(count, from),
                                         unitStrides(to));
  }

  /// Python's index `i` (negatives count from the end) into `length` items:
  /// the row to use, and whether `i` was in range. The row is 0 when it was
  /// not, which every buffer has.
  std::pair<Value, Value> normalize(Value i, Value length) {
    Value n = arith::IndexCastOp::create(b, loc, b.getI64Type(), length);
    Value zero = arith::ConstantIntOp::create(b, loc, 0, 64);
    Value negative = cmp(arith::CmpIPredicate::slt, i, zero);
    Value j = arith::SelectOp::create(b, loc, negative, arith::AddIOp::create(b, loc, i, n), i);
    Value ok = arith::AndIOp::create(b, loc, cmp(arith::CmpIPredicate::sge, j, zero),
                                     cmp(arith::CmpIPredicate::slt, j, n));
    Value safe = arith::SelectOp::create(b, loc, ok, j, zero);
    return {arith::IndexCastOp::create(b, loc, b.getIndexType(), safe), ok};
  }

  /// Whether `item` has the item shape of `buffer` (checked for dynamic dimensions only).
  Value sameItemShape(Value item, Value buffer) {
    Value same = arith::ConstantIntOp::create(b, loc, 1, 1);
    auto type = cast<RankedTensorType>(item.getType());
    for (int64_t d = 0; d < type.getRank(); ++d)
      if (type.isDynamicDim(d))
        same = arith::AndIOp::create(
            b, loc, same, cmp(arith::CmpIPredicate::eq, dim(item, d), dim(buffer, d + 1)));
    return same;
  }

  /// `scf.if cond { then() } else { otherwise }` yielding one tensor.
  Value ifElse(Value cond, function_ref<Value()> then, Value otherwise) {
    auto ifOp = scf::IfOp::create(b, loc, otherwise.getType(), cond, /*withElseRegion=*/true);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(&ifOp.getThenRegion().front());
    scf::YieldOp::create(b, loc, then());
    b.setInsertionPointToStart(&ifOp.getElseRegion().front());
    scf::YieldOp::create(b, loc, otherwise);
    return ifOp.getResult(0);
  }
};

constexpr StringLiteral kShapeMismatch =
    "items of a list that is compiled to a TensorArray must all have one shape";

struct CreateLowering : OpConversionPattern<CreateOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(CreateOp op, OneToNOpAdaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    Builder h{rewriter, op.getLoc()};
    auto type = cast<ArrayType>(op.getType());
    // At least one row, so that a row index is always valid; the dynamic item
    // dimensions are 0 until the first item fixes them.
    Value capacity = h.index(1);
    if (!adaptor.getCapacity().empty())
      capacity = arith::MaxUIOp::create(rewriter, op.getLoc(), adaptor.getCapacity().front(),
                                        capacity);
    SmallVector<Value> sizes{capacity};
    Value zero = h.index(0);
    for (int64_t d : type.getElementType().getShape())
      if (ShapedType::isDynamic(d))
        sizes.push_back(zero);
    Value buffer = tensor::EmptyOp::create(rewriter, op.getLoc(), bufferType(type), sizes);
    rewriter.replaceOpWithMultiple(op, {ValueRange{buffer, zero}});
    return success();
  }
};

struct AppendLowering : OpConversionPattern<AppendOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(AppendOp op, OneToNOpAdaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    Builder h{rewriter, op.getLoc()};
    Value buffer = adaptor.getArray()[0], length = adaptor.getArray()[1];
    Value item = adaptor.getItem().front();
    auto itemType = cast<RankedTensorType>(item.getType());
    Value zero = h.index(0), one = h.index(1);
    Value capacity = h.dim(buffer, 0);
    Value full = h.cmp(arith::CmpIPredicate::eq, length, capacity);
    Value ok, empty;
    if (!itemType.hasStaticShape()) {
      // The first item fixes the dynamic dimensions: the buffer is made anew
      // with them; a later item must agree.
      empty = h.cmp(arith::CmpIPredicate::eq, length, zero);
      ok = arith::OrIOp::create(rewriter, op.getLoc(), empty, h.sameItemShape(item, buffer));
      checkAtRunTime(rewriter, op, ok, "ValueError", kShapeMismatch);
      full = arith::OrIOp::create(rewriter, op.getLoc(), full, empty);
    }
    Value grown = h.ifElse(full, [&] {
      Value doubled = arith::MulIOp::create(rewriter, op.getLoc(), capacity, h.index(2));
      SmallVector<Value> sizes{arith::MaxUIOp::create(rewriter, op.getLoc(), doubled, h.index(4))};
      for (int64_t d = 0; d < itemType.getRank(); ++d)
        if (itemType.isDynamicDim(d))
          sizes.push_back(arith::SelectOp::create(rewriter, op.getLoc(), empty,
                                                  h.dim(item, d), h.dim(buffer, d + 1)));
      Value fresh = tensor::EmptyOp::create(rewriter, op.getLoc(), buffer.getType(), sizes);
      return h.copyRows(buffer, length, fresh);
    }, buffer);
    Value written;
    Value newLength = arith::AddIOp::create(rewriter, op.getLoc(), length, one);
    if (ok) {
      written = h.ifElse(ok, [&] { return h.writeItem(item, grown, length); }, grown);
      newLength = arith::SelectOp::create(rewriter, op.getLoc(), ok, newLength, length);
    } else {
      written = h.writeItem(item, grown, length);
    }
    rewriter.replaceOpWithMultiple(op, {ValueRange{written, newLength}});
    return success();
  }
};

struct ReadLowering : OpConversionPattern<ReadOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(ReadOp op, OneToNOpAdaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    Builder h{rewriter, op.getLoc()};
    Value buffer = adaptor.getArray()[0], length = adaptor.getArray()[1];
    auto [row, ok] = h.normalize(adaptor.getIndex().front(), length);
    checkAtRunTime(rewriter, op, ok, "IndexError", "list index out of range");
    rewriter.replaceOp(op, h.readItem(buffer, row, op.getItem().getType()));
    return success();
  }
};

struct WriteLowering : OpConversionPattern<WriteOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(WriteOp op, OneToNOpAdaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    Builder h{rewriter, op.getLoc()};
    Value buffer = adaptor.getArray()[0], length = adaptor.getArray()[1];
    Value item = adaptor.getItem().front();
    auto [row, ok] = h.normalize(adaptor.getIndex().front(), length);
    checkAtRunTime(rewriter, op, ok, "IndexError", "list assignment index out of range");
    Value written;
    if (cast<RankedTensorType>(item.getType()).hasStaticShape()) {
      written = h.writeItem(item, buffer, row);
    } else {
      // An index out of range was reported first; this check then adds nothing.
      Value same = h.sameItemShape(item, buffer);
      checkAtRunTime(rewriter, op, same, "ValueError", kShapeMismatch);
      Value safe = arith::AndIOp::create(rewriter, op.getLoc(), ok, same);
      written = h.ifElse(safe, [&] { return h.writeItem(item, buffer, row); }, buffer);
    }
    rewriter.replaceOpWithMultiple(op, {ValueRange{written, length}});
    return success();
  }
};

struct PopLowering : OpConversionPattern<PopOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(PopOp op, OneToNOpAdaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Builder h{rewriter, loc};
    Value buffer = adaptor.getArray()[0], length = adaptor.getArray()[1];
    Value zero = h.index(0), one = h.index(1);
    Value nonEmpty = h.cmp(arith::CmpIPredicate::ugt, length, zero);
    checkAtRunTime(rewriter, op, nonEmpty, "IndexError", "pop from empty list");
    Value index = adaptor.getIndex().empty()
                      ? Value(arith::ConstantIntOp::create(rewriter, loc, -1, 64))
                      : adaptor.getIndex().front();
    auto [row, ok] = h.normalize(index, length);
    if (!adaptor.getIndex().empty())
      checkAtRunTime(rewriter, op,
                     arith::OrIOp::create(rewriter, loc, ok,
                                          h.cmp(arith::CmpIPredicate::eq, length, zero)),
                     "IndexError", "pop index out of range");
    Value item = h.readItem(buffer, row, op.getItem().getType());
    Value newLength = arith::SelectOp::create(
        rewriter, loc, nonEmpty, arith::SubIOp::create(rewriter, loc, length, one), length);
    if (!adaptor.getIndex().empty()) {
      // The items after `row` move up one; the copy keeps source and
      // destination of the move apart.
      Value next = arith::AddIOp::create(rewriter, loc, row, one);
      Value count = arith::SubIOp::create(rewriter, loc, newLength, row);
      count = arith::SelectOp::create(rewriter, loc, ok, count, zero);
      Value tail = h.copy(h.rows(buffer, next, count));
      buffer = tensor::InsertSliceOp::create(rewriter, loc, tail, buffer,
                                             h.rowOffsets(row, buffer),
                                             h.rowSizes(count, buffer), h.unitStrides(buffer));
    }
    rewriter.replaceOpWithMultiple(op, {ValueRange{buffer, newLength}, ValueRange{item}});
    return success();
  }
};

struct LengthLowering : OpConversionPattern<LengthOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(LengthOp op, OneToNOpAdaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<arith::IndexCastOp>(op, rewriter.getI64Type(),
                                                    adaptor.getArray()[1]);
    return success();
  }
};

struct StackLowering : OpConversionPattern<StackOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(StackOp op, OneToNOpAdaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Builder h{rewriter, loc};
    Value buffer = adaptor.getArray()[0], length = adaptor.getArray()[1];
    Value stacked = h.rows(buffer, h.index(0), length);
    int64_t axis = op.getAxis();
    if (axis != 0) {
      auto type = cast<RankedTensorType>(stacked.getType());
      SmallVector<int64_t> permutation;
      SmallVector<OpFoldResult> sizes;
      SmallVector<OpFoldResult> from = tensor::getMixedSizes(rewriter, loc, stacked);
      for (int64_t r = 0; r < type.getRank(); ++r) {
        int64_t source = r < axis ? r + 1 : r == axis ? 0 : r;
        permutation.push_back(source);
        sizes.push_back(from[source]);
      }
      Value init = tensor::EmptyOp::create(rewriter, loc, sizes, type.getElementType());
      stacked = linalg::TransposeOp::create(rewriter, loc, stacked, init, permutation)
                    .getResult()
                    .front();
    }
    if (stacked.getType() != op.getType())
      stacked = tensor::CastOp::create(rewriter, loc, op.getType(), stacked);
    rewriter.replaceOp(op, stacked);
    return success();
  }
};

struct CastLowering : OpConversionPattern<CastOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(CastOp op, OneToNOpAdaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    Value buffer = tensor::CastOp::create(rewriter, op.getLoc(),
                                          bufferType(cast<ArrayType>(op.getType())),
                                          adaptor.getSource()[0]);
    rewriter.replaceOpWithMultiple(op, {ValueRange{buffer, adaptor.getSource()[1]}});
    return success();
  }
};

struct ConvertTensorArrayToTensorPass
    : impl::ConvertTensorArrayToTensorPassBase<ConvertTensorArrayToTensorPass> {
  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    TypeConverter converter;
    converter.addConversion([](Type t) { return t; });
    converter.addConversion([ctx](ArrayType t, SmallVectorImpl<Type> &results) {
      results.push_back(bufferType(t));
      results.push_back(IndexType::get(ctx));
      return success();
    });

    ConversionTarget target(*ctx);
    target.addIllegalDialect<TensorArrayDialect>();
    target.addLegalDialect<arith::ArithDialect, bufferization::BufferizationDialect,
                           linalg::LinalgDialect, tensor::TensorDialect, LLVM::LLVMDialect>();
    target.addDynamicallyLegalOp<func::FuncOp>([&](func::FuncOp op) {
      return converter.isSignatureLegal(op.getFunctionType()) &&
             converter.isLegal(&op.getBody());
    });
    target.addDynamicallyLegalOp<func::CallOp, func::ReturnOp>(
        [&](Operation *op) { return converter.isLegal(op); });
    target.markUnknownOpDynamicallyLegal([&](Operation *op) { return converter.isLegal(op); });

    RewritePatternSet patterns(ctx);
    patterns.add<CreateLowering, AppendLowering, ReadLowering, WriteLowering, PopLowering,
                 LengthLowering, StackLowering, CastLowering>(converter, ctx);
    scf::populateSCFStructuralTypeConversionsAndLegality(converter, patterns, target);
    populateFunctionOpInterfaceTypeConversionPattern<func::FuncOp>(patterns, converter);
    populateCallOpTypeConversionPattern(patterns, converter);
    populateReturnOpTypeConversionPattern(patterns, converter);
    if (failed(applyPartialConversion(getOperation(), target, std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
} // namespace mlir::pydy
