// tensor_array → a buffer with spare capacity and a length (see Passes.td).
#include "Dy2St/Conversion/Passes.h"
#include "Dy2St/Conversion/RuntimeCalls.h"
#include "Dy2St/Dialect/TensorArray/TensorArrayDialect.h"

#include "mlir/Dialect/Func/Transforms/FuncConversions.h"
#include "mlir/Dialect/SCF/Transforms/Patterns.h"
#include "mlir/Interfaces/LoopLikeInterface.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mlir::pydy {
#define GEN_PASS_DEF_CONVERTTENSORARRAYTOMEMREFPASS
#include "Dy2St/Conversion/Passes.h.inc"

namespace {
using namespace tensor_array;
using dy2st::checkAtRunTime;

/// The buffer of an array of `tensor<AxBxT>`: `memref<?xAxBxT>`, its first
/// dimension the capacity.
MemRefType bufferType(ArrayType type) {
  RankedTensorType stacked = type.getStackedType();
  return MemRefType::get(stacked.getShape(), stacked.getElementType());
}

/// Builds the index arithmetic and buffer accesses of one lowering.
struct Builder {
  OpBuilder &b;
  Location loc;

  Value index(int64_t v) { return arith::ConstantIndexOp::create(b, loc, v); }
  Value cmp(arith::CmpIPredicate p, Value x, Value y) {
    return arith::CmpIOp::create(b, loc, p, x, y);
  }
  Value dim(Value shaped, int64_t d) {
    if (isa<MemRefType>(shaped.getType()))
      return memref::DimOp::create(b, loc, shaped, d);
    return tensor::DimOp::create(b, loc, shaped, d);
  }

  /// Sizes of a run of `count` rows of `buffer` (its item dimensions follow).
  SmallVector<OpFoldResult> rowSizes(OpFoldResult count, Value buffer) {
    auto type = cast<MemRefType>(buffer.getType());
    SmallVector<OpFoldResult> sizes{count};
    for (int64_t d = 1; d < type.getRank(); ++d)
      sizes.push_back(type.isDynamicDim(d) ? OpFoldResult(dim(buffer, d))
                                           : OpFoldResult(b.getIndexAttr(type.getDimSize(d))));
    return sizes;
  }
  SmallVector<OpFoldResult> rowOffsets(Value first, Value buffer) {
    SmallVector<OpFoldResult> offsets(cast<MemRefType>(buffer.getType()).getRank(),
                                      b.getIndexAttr(0));
    offsets[0] = first;
    return offsets;
  }
  SmallVector<OpFoldResult> unitStrides(Value buffer) {
    return SmallVector<OpFoldResult>(cast<MemRefType>(buffer.getType()).getRank(),
                                     b.getIndexAttr(1));
  }

  /// Whether the items of `buffer` have a dimension of static size 0: they
  /// hold nothing to copy, and a view of them would not verify (a subview at
  /// offset 0 of a static empty dimension).
  static bool emptyItems(Value buffer) {
    return llvm::is_contained(cast<MemRefType>(buffer.getType()).getShape().drop_front(), 0);
  }
  /// Rows [first, first + count) of `buffer`, as a view.
  Value rows(Value buffer, Value first, OpFoldResult count) {
    return memref::SubViewOp::create(b, loc, buffer, rowOffsets(first, buffer),
                                     rowSizes(count, buffer), unitStrides(buffer));
  }
  /// Row `i` of `buffer` as a view of one item.
  Value row(Value buffer, Value i) {
    auto type = cast<MemRefType>(buffer.getType());
    SmallVector<OpFoldResult> offsets = rowOffsets(i, buffer),
                              sizes = rowSizes(b.getIndexAttr(1), buffer),
                              strides = unitStrides(buffer);
    MemRefType view = memref::SubViewOp::inferRankReducedResultType(
        type.getShape().drop_front(), type, offsets, sizes, strides);
    return memref::SubViewOp::create(b, loc, view, buffer, offsets, sizes, strides);
  }
  /// A fresh buffer of `type`: its first dimensions sized `leading`, its
  /// other dynamic ones as in `like`.
  Value alloc(MemRefType type, ValueRange leading, Value like) {
    SmallVector<Value> sizes(leading);
    for (int64_t d = leading.size(); d < type.getRank(); ++d)
      if (type.isDynamicDim(d))
        sizes.push_back(dim(like, d));
    return memref::AllocOp::create(b, loc, type, sizes);
  }
  /// `type`'s empty tensor (it has a static 0 dimension), its dynamic sizes
  /// from `leading` and then the item dimensions of `buffer`.
  Value emptyOut(RankedTensorType type, Value buffer, ValueRange leading) {
    SmallVector<Value> sizes;
    for (int64_t d = 0; d < type.getRank(); ++d)
      if (type.isDynamicDim(d))
        sizes.push_back(d < static_cast<int64_t>(leading.size())
                            ? leading[d]
                            : dim(buffer, d + 1 - static_cast<int64_t>(leading.size())));
    Value fresh = memref::AllocOp::create(
        b, loc, MemRefType::get(type.getShape(), type.getElementType()), sizes);
    return bufferization::ToTensorOp::create(b, loc, type, fresh, /*restrict=*/true,
                                             /*writable=*/true);
  }
  /// Rows [first, first + count) of `buffer` in a fresh buffer, as a tensor
  /// of `type`.
  Value rowsOut(Value buffer, Value first, Value count, RankedTensorType type) {
    if (emptyItems(buffer))
      return emptyOut(type, buffer, count);
    return copyOut(rows(buffer, first, count), type, count);
  }
  /// Row `i` of `buffer` in a fresh buffer, as a tensor of `type`.
  Value rowOut(Value buffer, Value i, RankedTensorType type) {
    if (emptyItems(buffer))
      return emptyOut(type, buffer, {});
    return copyOut(row(buffer, i), type, {});
  }
  /// A copy of `view` in a fresh buffer, seen as a tensor of `type`.
  Value copyOut(Value view, RankedTensorType type, ValueRange leading) {
    Value fresh = alloc(MemRefType::get(type.getShape(), type.getElementType()), leading, view);
    memref::CopyOp::create(b, loc, view, fresh);
    return bufferization::ToTensorOp::create(b, loc, type, fresh, /*restrict=*/true,
                                             /*writable=*/true);
  }
  /// Item `i` of `buffer` as a value of `type`: a scalar, or a tensor in a
  /// fresh buffer.
  Value readItem(Value buffer, Value i, Type type) {
    if (auto tensor = dyn_cast<RankedTensorType>(type))
      return rowOut(buffer, i, tensor);
    return memref::LoadOp::create(b, loc, buffer, i);
  }
  /// Writes `item` (a tensor or a scalar) into row `i` of `buffer`.
  void writeItem(Value item, Value buffer, Value i) {
    if (!isa<RankedTensorType>(item.getType())) {
      memref::StoreOp::create(b, loc, item, buffer, i);
      return;
    }
    if (emptyItems(buffer))
      return;
    bufferization::MaterializeInDestinationOp::create(b, loc, Type(), item, row(buffer, i),
                                                      /*restrict=*/true, /*writable=*/true);
  }
  /// Copies the first `count` rows of `from` to the first rows of `to`.
  void copyRows(Value from, Value count, Value to) {
    if (emptyItems(from))
      return;
    Value zero = index(0);
    memref::CopyOp::create(b, loc, rows(from, zero, count), rows(to, zero, count));
  }
  /// A private copy of an array (buffer, length) of the same capacity.
  Value copyArray(Value buffer, Value length) {
    Value fresh = alloc(cast<MemRefType>(buffer.getType()), dim(buffer, 0), buffer);
    copyRows(buffer, length, fresh);
    return fresh;
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

  /// `scf.if cond { then() } else { otherwise }` yielding one buffer.
  Value ifElse(Value cond, function_ref<Value()> then, Value otherwise) {
    auto ifOp = scf::IfOp::create(b, loc, otherwise.getType(), cond, /*withElseRegion=*/true);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(&ifOp.getThenRegion().front());
    scf::YieldOp::create(b, loc, then());
    b.setInsertionPointToStart(&ifOp.getElseRegion().front());
    scf::YieldOp::create(b, loc, otherwise);
    return ifOp.getResult(0);
  }
  /// `scf.if cond { then() }`.
  void when(Value cond, function_ref<void()> then) {
    auto ifOp = scf::IfOp::create(b, loc, TypeRange{}, cond, /*withElseRegion=*/false);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(&ifOp.getThenRegion().front());
    then();
  }
};

/// Whether `later` may run after `earlier` (two users of one value, neither
/// inside the other).
bool mayRunAfter(Operation *later, Operation *earlier) {
  DenseMap<Block *, Operation *> earlierAncestors;
  for (Operation *op = earlier; op; op = op->getParentOp())
    earlierAncestors[op->getBlock()] = op;
  for (Operation *op = later; op; op = op->getParentOp()) {
    auto it = earlierAncestors.find(op->getBlock());
    if (it == earlierAncestors.end())
      continue;
    // Both in one op but in different regions: exclusive branches, or the
    // regions of a loop, which carries the value rather than reusing it.
    if (op == it->second)
      return false;
    return it->second->isBeforeInBlock(op);
  }
  return true;
}

/// Whether `user` may run more than once for one value of `array` (it is in
/// a loop that `array` is defined outside of).
bool repeatsFor(Operation *user, Value array) {
  Region *home = array.getParentRegion();
  for (Operation *op = user->getParentOp(); op && op->getParentRegion() != nullptr;
       op = op->getParentOp()) {
    if (op->getRegions().empty() || op->isAncestor(home->getParentOp()))
      return false;
    if (isa<LoopLikeOpInterface>(op))
      return true;
  }
  return false;
}

/// Buffers are updated in place, so every use of an array that may update or
/// pass on its buffer (all but read, length and stack) must be its last one:
/// where another use may follow, the use gets a `tensor_array.copy`.
void separateSharedArrays(ModuleOp module) {
  SmallVector<OpOperand *> shared;
  module.walk([&](Operation *op) {
    for (OpOperand &use : op->getOpOperands()) {
      Value array = use.get();
      if (!isa<ArrayType>(array.getType()) || isa<ReadOp, LengthOp, StackOp, FindOp>(op))
        continue;
      bool followed = repeatsFor(op, array) ||
                      llvm::any_of(array.getUses(), [&](OpOperand &other) {
                        if (&other == &use)
                          return false;
                        if (other.getOwner() == op)
                          return other.getOperandNumber() > use.getOperandNumber();
                        return mayRunAfter(other.getOwner(), op);
                      });
      if (followed)
        shared.push_back(&use);
    }
  });
  for (OpOperand *use : shared) {
    OpBuilder b(use->getOwner());
    use->set(CopyOp::create(b, use->getOwner()->getLoc(), use->get()));
  }
}

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
    for (int64_t d : type.getItemTensorType().getShape())
      if (ShapedType::isDynamic(d))
        sizes.push_back(zero);
    Value buffer = memref::AllocOp::create(rewriter, op.getLoc(), bufferType(type), sizes);
    rewriter.replaceOpWithMultiple(op, {ValueRange{buffer, zero}});
    return success();
  }
};

struct AppendLowering : OpConversionPattern<AppendOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(AppendOp op, OneToNOpAdaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Builder h{rewriter, loc};
    Value buffer = adaptor.getArray()[0], length = adaptor.getArray()[1];
    Value item = adaptor.getItem().front();
    RankedTensorType itemType = op.getArray().getType().getItemTensorType();
    Value zero = h.index(0);
    Value capacity = h.dim(buffer, 0);
    Value full = h.cmp(arith::CmpIPredicate::eq, length, capacity);
    Value ok, empty;
    if (!itemType.hasStaticShape()) {
      // The first item fixes the dynamic dimensions: the buffer is made anew
      // with them; a later item must agree.
      empty = h.cmp(arith::CmpIPredicate::eq, length, zero);
      ok = arith::OrIOp::create(rewriter, loc, empty, h.sameItemShape(item, buffer));
      checkAtRunTime(rewriter, op, ok, "ValueError", kShapeMismatch);
      full = arith::OrIOp::create(rewriter, loc, full, empty);
    }
    Value grown = h.ifElse(full, [&] {
      Value doubled = arith::MulIOp::create(rewriter, loc, capacity, h.index(2));
      SmallVector<Value> sizes{arith::MaxUIOp::create(rewriter, loc, doubled, h.index(4))};
      for (int64_t d = 0; d < itemType.getRank(); ++d)
        if (itemType.isDynamicDim(d))
          sizes.push_back(arith::SelectOp::create(rewriter, loc, empty, h.dim(item, d),
                                                  h.dim(buffer, d + 1)));
      Value fresh = memref::AllocOp::create(rewriter, loc, cast<MemRefType>(buffer.getType()),
                                            sizes);
      h.copyRows(buffer, length, fresh);
      return fresh;
    }, buffer);
    Value newLength = arith::AddIOp::create(rewriter, loc, length, h.index(1));
    if (ok) {
      h.when(ok, [&] { h.writeItem(item, grown, length); });
      newLength = arith::SelectOp::create(rewriter, loc, ok, newLength, length);
    } else {
      h.writeItem(item, grown, length);
    }
    rewriter.replaceOpWithMultiple(op, {ValueRange{grown, newLength}});
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
    if (op.getArray().getType().getItemTensorType().hasStaticShape()) {
      h.writeItem(item, buffer, row);
    } else {
      // An index out of range was reported first; this check then adds nothing.
      Value same = h.sameItemShape(item, buffer);
      checkAtRunTime(rewriter, op, same, "ValueError", kShapeMismatch);
      h.when(arith::AndIOp::create(rewriter, op.getLoc(), ok, same),
             [&] { h.writeItem(item, buffer, row); });
    }
    rewriter.replaceOpWithMultiple(op, {ValueRange{buffer, length}});
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
    if (!adaptor.getIndex().empty() && !h.emptyItems(buffer)) {
      // The items after `row` move up one, through a copy: the rows they
      // leave and the rows they fill overlap.
      Value next = arith::AddIOp::create(rewriter, loc, row, one);
      Value count = arith::SubIOp::create(rewriter, loc, newLength, row);
      count = arith::SelectOp::create(rewriter, loc, ok, count, zero);
      Value tail = h.rows(buffer, next, count);
      Value moved = h.alloc(cast<MemRefType>(buffer.getType()), count, buffer);
      memref::CopyOp::create(rewriter, loc, tail, moved);
      memref::CopyOp::create(rewriter, loc, moved, h.rows(buffer, row, count));
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

struct FindLowering : OpConversionPattern<FindOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(FindOp op, OneToNOpAdaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Builder h{rewriter, loc};
    Value buffer = adaptor.getArray()[0], length = adaptor.getArray()[1];
    Value item = adaptor.getItem().front();
    // The keys of a dict are distinct: the last match is the only one, and
    // the loop needs no early exit.
    Value none = arith::ConstantIntOp::create(rewriter, loc, -1, 64);
    auto loop = scf::ForOp::create(rewriter, loc, h.index(0), length, h.index(1), ValueRange{none});
    {
      OpBuilder::InsertionGuard guard(rewriter);
      rewriter.setInsertionPointToStart(loop.getBody());
      Value i = loop.getInductionVar();
      Value here = memref::LoadOp::create(rewriter, loc, buffer, i);
      Value same = h.cmp(arith::CmpIPredicate::eq, here, item);
      Value at = arith::IndexCastOp::create(rewriter, loc, rewriter.getI64Type(), i);
      scf::YieldOp::create(rewriter, loc,
                           ValueRange{arith::SelectOp::create(rewriter, loc, same, at,
                                                              loop.getRegionIterArgs()[0])});
    }
    rewriter.replaceOp(op, loop.getResult(0));
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
    if (std::optional<StringRef> message = op.getEmptyError())
      checkAtRunTime(rewriter, op, h.cmp(arith::CmpIPredicate::ugt, length, h.index(0)),
                     "ValueError", *message);
    RankedTensorType rowsType = cast<ArrayType>(op.getArray().getType()).getStackedType();
    Value stacked = h.rowsOut(buffer, h.index(0), length, rowsType);
    int64_t axis = op.getAxis();
    if (axis != 0) {
      SmallVector<int64_t> permutation;
      SmallVector<OpFoldResult> sizes;
      SmallVector<OpFoldResult> from = tensor::getMixedSizes(rewriter, loc, stacked);
      for (int64_t r = 0; r < rowsType.getRank(); ++r) {
        int64_t source = r < axis ? r + 1 : r == axis ? 0 : r;
        permutation.push_back(source);
        sizes.push_back(from[source]);
      }
      Value init = tensor::EmptyOp::create(rewriter, loc, sizes, rowsType.getElementType());
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

struct CopyLowering : OpConversionPattern<CopyOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(CopyOp op, OneToNOpAdaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    Builder h{rewriter, op.getLoc()};
    ValueRange array = adaptor.getSource();
    rewriter.replaceOpWithMultiple(op, {ValueRange{h.copyArray(array[0], array[1]), array[1]}});
    return success();
  }
};

struct CastLowering : OpConversionPattern<CastOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(CastOp op, OneToNOpAdaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    Value buffer = memref::CastOp::create(rewriter, op.getLoc(),
                                          bufferType(cast<ArrayType>(op.getType())),
                                          adaptor.getSource()[0]);
    rewriter.replaceOpWithMultiple(op, {ValueRange{buffer, adaptor.getSource()[1]}});
    return success();
  }
};

/// A choice between two arrays (canonicalization folds an scf.if that only
/// chooses one, as on a path that raises): the choice of each of their parts.
struct SelectLowering : OpConversionPattern<arith::SelectOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(arith::SelectOp op, OneToNOpAdaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    if (!isa<ArrayType>(op.getType()))
      return failure();
    Value condition = adaptor.getCondition().front();
    SmallVector<Value> parts;
    for (auto [chosen, other] : llvm::zip(adaptor.getTrueValue(), adaptor.getFalseValue()))
      parts.push_back(arith::SelectOp::create(rewriter, op.getLoc(), condition, chosen, other));
    rewriter.replaceOpWithMultiple(op, {parts});
    return success();
  }
};

struct ConvertTensorArrayToMemRefPass
    : impl::ConvertTensorArrayToMemRefPassBase<ConvertTensorArrayToMemRefPass> {
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
                           linalg::LinalgDialect, memref::MemRefDialect, tensor::TensorDialect,
                           LLVM::LLVMDialect>();
    target.addDynamicallyLegalOp<func::FuncOp>([&](func::FuncOp op) {
      return converter.isSignatureLegal(op.getFunctionType()) &&
             converter.isLegal(&op.getBody());
    });
    target.addDynamicallyLegalOp<func::CallOp, func::ReturnOp>(
        [&](Operation *op) { return converter.isLegal(op); });
    target.addDynamicallyLegalOp<arith::SelectOp>(
        [&](Operation *op) { return converter.isLegal(op); });
    target.markUnknownOpDynamicallyLegal([&](Operation *op) { return converter.isLegal(op); });

    separateSharedArrays(getOperation());
    RewritePatternSet patterns(ctx);
    patterns.add<CreateLowering, AppendLowering, ReadLowering, WriteLowering, PopLowering,
                 LengthLowering, FindLowering, StackLowering, CopyLowering, CastLowering,
                 SelectLowering>(converter, ctx);
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
