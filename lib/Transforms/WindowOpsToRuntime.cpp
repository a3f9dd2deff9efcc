#include "Dy2St/Support/RuntimeABI.h"
#include "Dy2St/Transforms/Passes.h"

#include "BufferFacts.h"
#include "BufferRoot.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Matchers.h"

namespace dy2st {
#define GEN_PASS_DEF_WINDOWOPSTORUNTIMEPASS
#include "Dy2St/Transforms/Passes.h.inc"

namespace {
using namespace mlir;

/// A window op's input padded by a bufferized tensor.pad: an allocation
/// that a fill writes with a value `padding` accepts, then a copy of
/// `source` into its interior (a subview at [0, 0, top, left]); nothing
/// writes `source` between that copy and the window op, which is the
/// allocation's only reader.
struct PaddedInput {
  Value source;
  int64_t top, left;
  SmallVector<Operation *> fillAndCopy;
};

std::optional<PaddedInput> paddedInput(Operation *windowOp, Value input,
                                       llvm::function_ref<bool(Value)> padding) {
  PaddedInput padded;
  memref::CopyOp copy;
  Block *block = windowOp->getBlock();
  bool onlyPad = onlyUsedBy(input, [&](Operation *user) {
    if (user == windowOp)
      return true;
    Value filled = filledValue(user, input);
    if (filled && padding(filled) && user->getBlock() == block) {
      padded.fillAndCopy.push_back(user);
      return true;
    }
    auto view = dyn_cast<memref::SubViewOp>(user);
    if (!view || !view->hasOneUse() || view.getSource() != input ||
        !llvm::all_of(view.getStaticStrides(), [](int64_t s) { return s == 1; }))
      return false;
    ArrayRef<int64_t> offsets = view.getStaticOffsets();
    copy = dyn_cast<memref::CopyOp>(*view->user_begin());
    if (offsets.size() != 4 || offsets[0] != 0 || offsets[1] != 0 ||
        ShapedType::isDynamic(offsets[2]) || ShapedType::isDynamic(offsets[3]) || !copy ||
        copy.getTarget() != view.getResult() || copy->getBlock() != block)
      return false;
    padded.source = copy.getSource();
    padded.top = offsets[2];
    padded.left = offsets[3];
    return true;
  });
  if (!onlyPad || !copy || padded.fillAndCopy.size() != 1 ||
      !padded.fillAndCopy.front()->isBeforeInBlock(copy) || !copy->isBeforeInBlock(windowOp))
    return std::nullopt;
  // The call reads the source when the window op would have read its copy:
  // nothing may write the source in between, the window op's output neither.
  Value root = rootOf(padded.source);
  for (Operation *op = copy->getNextNode(); op != windowOp; op = op->getNextNode())
    if (writtenIn(op, root))
      return std::nullopt;
  auto destination = cast<DestinationStyleOpInterface>(windowOp);
  if (llvm::any_of(destination.getDpsInits(), [&](Value init) { return rootOf(init) == root; }))
    return std::nullopt;
  Operation *view = copy.getTarget().getDefiningOp();
  padded.fillAndCopy.append({copy, view});
  return padded;
}

/// Erases the padding of `buffer` that the call now does without, and the
/// buffer where nothing else uses it.
void erasePadding(PaddedInput &padded, Value buffer) {
  for (Operation *op : padded.fillAndCopy)
    op->erase();
  if (!onlyUsedBy(buffer, [](Operation *) { return false; }))
    return;
  for (Operation *user : llvm::make_early_inc_range(buffer.getUsers()))
    user->erase();
  buffer.getDefiningOp()->erase();
}

/// The memref type the window entries take: f32 of `rank`, any layout.
MemRefType entryOperandType(MLIRContext *ctx, int64_t rank) {
  SmallVector<int64_t> dynamic(rank, ShapedType::kDynamic);
  return MemRefType::get(dynamic, Float32Type::get(ctx),
                         StridedLayoutAttr::get(ctx, ShapedType::kDynamic, dynamic));
}

bool allF32(ValueRange values) {
  return llvm::all_of(values, [](Value v) {
    return cast<MemRefType>(v.getType()).getElementType().isF32();
  });
}

/// A call of `entry` with `memrefs` cast to the entries' operand type, then
/// `integers` as i64 and `flags` as i1.
void callEntry(OpBuilder &b, Location loc, ModuleOp module, StringRef entry, ValueRange memrefs,
               ArrayRef<int64_t> integers, ArrayRef<bool> flags) {
  SmallVector<Value> args;
  for (Value v : memrefs)
    args.push_back(memref::CastOp::create(
        b, loc, entryOperandType(b.getContext(), cast<MemRefType>(v.getType()).getRank()), v));
  for (int64_t value : integers)
    args.push_back(arith::ConstantIntOp::create(b, loc, b.getI64Type(), value));
  for (bool flag : flags)
    args.push_back(arith::ConstantIntOp::create(b, loc, b.getI1Type(), flag));
  SmallVector<Type> types = llvm::to_vector(ValueRange(args).getTypes());
  func::CallOp::create(b, loc, declareRuntimeEntry(module, entry, types), args);
}

SmallVector<int64_t> stridesAndDilations(DenseIntElementsAttr strides,
                                         DenseIntElementsAttr dilations) {
  SmallVector<int64_t> values;
  for (DenseIntElementsAttr attr : {strides, dilations})
    llvm::append_range(values, attr.getValues<int64_t>());
  return values;
}

bool isZeroFloat(Value value) { return matchPattern(value, m_AnyZeroFloat()); }

/// A f32 convolution of one group becomes a call of the runtime's
/// convolution entry. A zero start of the output folds into it (no
/// accumulation), and a zero padding of the input too (the padded buffer is
/// never made).
void convertConvolution(linalg::Conv2DNchwFchwOp op, ModuleOp module) {
  SmallVector<Value> operands(op->getOperands());
  if (!op.hasPureBufferSemantics() || !allF32(operands))
    return;
  Operation *zeroStart = zeroStartBefore(op, operands[2]);
  std::optional<PaddedInput> padded = paddedInput(op, operands[0], isZeroFloat);
  SmallVector<int64_t> integers{padded ? padded->top : 0, padded ? padded->left : 0};
  llvm::append_range(integers, stridesAndDilations(op.getStrides(), op.getDilations()));
  OpBuilder b(op);
  callEntry(b, op.getLoc(), module, kConv2DF32,
            {padded ? padded->source : operands[0], operands[1], operands[2]}, integers,
            {!zeroStart});
  op->erase();
  if (zeroStart)
    eraseZeroStart(zeroStart);
  if (padded)
    erasePadding(*padded, operands[0]);
}

/// A f32 grouped convolution (a depthwise one above all) becomes a call of
/// the runtime's grouped entry on the padded input (its padding is an
/// expand_shape away from the tensor.pad; making it costs little beside
/// the convolution), a zero start folded.
void convertGroupedConvolution(linalg::Conv2DNgchwGfchwOp op, ModuleOp module) {
  SmallVector<Value> operands(op->getOperands());
  if (!op.hasPureBufferSemantics() || !allF32(operands))
    return;
  Operation *zeroStart = zeroStartBefore(op, operands[2]);
  OpBuilder b(op);
  callEntry(b, op.getLoc(), module, kGroupedConv2DF32, operands,
            stridesAndDilations(op.getStrides(), op.getDilations()), {!zeroStart});
  op->erase();
  if (zeroStart)
    eraseZeroStart(zeroStart);
}

/// Whether `value` is a float constant at or below every other float: -inf
/// or the lowest finite (Paddle's max pooling pads with the latter).
bool isLowestFloat(Value value) {
  FloatAttr::ValueType constant(0.0f);
  if (!matchPattern(value, m_ConstantFloat(&constant)))
    return false;
  return (constant.isInfinity() && constant.isNegative()) ||
         constant == APFloat::getLargest(constant.getSemantics(), /*Negative=*/true);
}

/// A f32 max or sum pooling becomes a call of the runtime's pooling entry
/// `entry`; a padding that `padding` accepts (the lowest float for the max,
/// zero for the sum) folds into it (skipped positions).
template <typename PoolingOp>
void convertPooling(PoolingOp op, ModuleOp module, StringRef entry,
                    llvm::function_ref<bool(Value)> padding) {
  Value input = op.getInputs()[0], window = op.getInputs()[1], out = op.getOutputs()[0];
  auto windowType = cast<MemRefType>(window.getType());
  if (!op.hasPureBufferSemantics() || !allF32({input, out}) || !windowType.hasStaticShape())
    return;
  std::optional<PaddedInput> padded = paddedInput(op, input, padding);
  SmallVector<int64_t> integers{windowType.getDimSize(0), windowType.getDimSize(1),
                                padded ? padded->top : 0, padded ? padded->left : 0};
  llvm::append_range(integers, stridesAndDilations(op.getStrides(), op.getDilations()));
  OpBuilder b(op);
  callEntry(b, op.getLoc(), module, entry, {padded ? padded->source : input, out}, integers, {});
  op->erase();
  if (padded)
    erasePadding(*padded, input);
}

struct WindowOpsToRuntimePass : impl::WindowOpsToRuntimePassBase<WindowOpsToRuntimePass> {
  void runOnOperation() override {
    SmallVector<linalg::Conv2DNchwFchwOp> convolutions;
    SmallVector<linalg::Conv2DNgchwGfchwOp> groupedConvolutions;
    SmallVector<linalg::PoolingNchwMaxOp> maxPoolings;
    SmallVector<linalg::PoolingNchwSumOp> sumPoolings;
    getOperation()->walk([&](Operation *op) {
      if (auto conv = dyn_cast<linalg::Conv2DNchwFchwOp>(op))
        convolutions.push_back(conv);
      else if (auto grouped = dyn_cast<linalg::Conv2DNgchwGfchwOp>(op))
        groupedConvolutions.push_back(grouped);
      else if (auto pool = dyn_cast<linalg::PoolingNchwMaxOp>(op))
        maxPoolings.push_back(pool);
      else if (auto pool = dyn_cast<linalg::PoolingNchwSumOp>(op))
        sumPoolings.push_back(pool);
    });
    for (linalg::Conv2DNchwFchwOp op : convolutions)
      convertConvolution(op, getOperation());
    for (linalg::Conv2DNgchwGfchwOp op : groupedConvolutions)
      convertGroupedConvolution(op, getOperation());
    for (linalg::PoolingNchwMaxOp op : maxPoolings)
      convertPooling(op, getOperation(), kMaxPool2DF32, isLowestFloat);
    for (linalg::PoolingNchwSumOp op : sumPoolings)
      convertPooling(op, getOperation(), kSumPool2DF32, isZeroFloat);
  }
};
} // namespace
} // namespace dy2st
