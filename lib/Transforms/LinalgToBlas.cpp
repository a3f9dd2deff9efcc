#include "Dy2St/Support/RuntimeABI.h"
#include "Dy2St/Transforms/Passes.h"

#include "BufferFacts.h"
#include "BufferRoot.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/LoopLikeInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include <map>

namespace dy2st {
#define GEN_PASS_DEF_LINALGTOBLASPASS
#include "Dy2St/Transforms/Passes.h.inc"

namespace {
using namespace mlir;

/// Static products smaller than this many multiply-adds stay loops.
constexpr int64_t kSmallProduct = 16 * 16 * 16;

/// Rows contiguous: the innermost stride is 1 (the others may be anything).
bool hasContiguousRows(MemRefType type) {
  SmallVector<int64_t> strides;
  int64_t offset;
  return succeeded(type.getStridesAndOffset(strides, offset)) && !strides.empty() &&
         strides.back() == 1;
}

/// The memref type the gemm entries take: any sizes, strides and offset but
/// the unit innermost stride.
MemRefType entryOperandType(Type element, int64_t rank) {
  SmallVector<int64_t> strides(rank, ShapedType::kDynamic);
  strides.back() = 1;
  return MemRefType::get(SmallVector<int64_t>(rank, ShapedType::kDynamic), element,
                         StridedLayoutAttr::get(element.getContext(), ShapedType::kDynamic,
                                                strides));
}

func::FuncOp entryDeclaration(ModuleOp module, StringRef name, Type element, int64_t rank) {
  MemRefType operand = entryOperandType(element, rank);
  Type flag = IntegerType::get(module.getContext(), 1);
  return declareRuntimeEntry(module, name, {operand, operand, operand, flag, flag, flag});
}

/// The outermost loop around `op` whose iterations all read the same `b`:
/// b is defined outside it, is a view of the function's argument or of a
/// buffer the function allocates, and nothing in the loop writes that
/// buffer. Null where there is none.
Operation *loopReadingSameOperand(Operation *op, Value b) {
  Value buffer = rootOf(b);
  auto argument = dyn_cast<BlockArgument>(buffer);
  if (!(argument && isa<func::FuncOp>(argument.getOwner()->getParentOp())) &&
      !buffer.getDefiningOp<memref::AllocOp>())
    return nullptr;
  Operation *outermost = nullptr;
  for (Operation *parent = op->getParentOp(); parent && !isa<func::FuncOp>(parent);
       parent = parent->getParentOp()) {
    if (!isa<LoopLikeOpInterface>(parent))
      continue;
    if (parent->isAncestor(b.getParentBlock()->getParentOp()) || writtenIn(parent, buffer))
      break;
    outermost = parent;
  }
  return outermost;
}

/// B packed for the packed kernels before `loop` (once per loop, B and
/// transposition), freed after it.
struct PackedOperands {
  std::map<std::tuple<Operation *, void *, bool>, Value> packed;

  Value get(ModuleOp module, Operation *loop, Value b, bool transposed) {
    Value &known = packed[{loop, b.getAsOpaquePointer(), transposed}];
    if (known)
      return known;
    OpBuilder builder(loop);
    Location loc = loop->getLoc();
    Value k = memref::DimOp::create(builder, loc, b, transposed ? 1 : 0);
    Value n = memref::DimOp::create(builder, loc, b, transposed ? 0 : 1);
    Value width = arith::ConstantIndexOp::create(builder, loc, kPackedPanelWidth);
    Value panels = arith::CeilDivUIOp::create(builder, loc, n, width);
    Value columns = arith::MulIOp::create(builder, loc, panels, width);
    Value size = arith::MulIOp::create(builder, loc, columns, k);
    Type f32 = builder.getF32Type();
    auto type = MemRefType::get({ShapedType::kDynamic}, f32);
    known = memref::AllocOp::create(builder, loc, type, ValueRange{size},
                                    builder.getI64IntegerAttr(64));
    Value operand = memref::CastOp::create(builder, loc, entryOperandType(f32, 2), b);
    Value flag = arith::ConstantIntOp::create(builder, loc, builder.getI1Type(), transposed);
    func::FuncOp pack =
        declareRuntimeEntry(module, kPackF32, {entryOperandType(f32, 2), builder.getI1Type(), type});
    func::CallOp::create(builder, loc, pack, ValueRange{operand, flag, known});
    builder.setInsertionPointAfter(loop);
    memref::DeallocOp::create(builder, loc, known);
    return known;
  }
};

/// Whether a product reads A and B transposed (a matmul's indexing maps may
/// say so: A (k, m), B (n, k)); none for other maps.
std::optional<std::pair<bool, bool>> transposes(linalg::LinalgOp op) {
  auto matmul = dyn_cast<linalg::MatmulOp>(op.getOperation());
  auto batched = dyn_cast<linalg::BatchMatmulOp>(op.getOperation());
  if ((!matmul || !matmul.hasUserDefinedMaps()) && (!batched || !batched.hasUserDefinedMaps()))
    return std::make_pair(false, false);
  if (!matmul)
    return std::nullopt;
  MLIRContext *ctx = op.getContext();
  AffineExpr m = getAffineDimExpr(0, ctx), n = getAffineDimExpr(1, ctx),
             k = getAffineDimExpr(2, ctx);
  auto map = [&](AffineExpr row, AffineExpr column) {
    return AffineMap::get(3, 0, {row, column}, ctx);
  };
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  bool a = maps[0] == map(k, m), b = maps[1] == map(n, k);
  if ((!a && maps[0] != map(m, k)) || (!b && maps[1] != map(k, n)) || maps[2] != map(m, n))
    return std::nullopt;
  return std::make_pair(a, b);
}

void convert(linalg::LinalgOp op, ModuleOp module, PackedOperands &packs) {
  if (!op.hasPureBufferSemantics() || op->getNumOperands() != 3)
    return;
  std::optional<std::pair<bool, bool>> transposed = transposes(op);
  if (!transposed)
    return;
  SmallVector<Value> operands(op->getOperands());
  auto type = cast<MemRefType>(operands[0].getType());
  Type element = type.getElementType();
  if (!element.isF32() && !element.isF64())
    return;
  for (Value v : operands) {
    auto t = cast<MemRefType>(v.getType());
    if (t.getElementType() != element || !hasContiguousRows(t))
      return;
  }
  // The sizes M, K and N (of C's rows, A's columns read as stored or
  // transposed, C's columns).
  int64_t rank = type.getRank();
  ArrayRef<int64_t> a = type.getShape(), c = cast<MemRefType>(operands[2].getType()).getShape();
  int64_t k = transposed->first ? a[rank - 2] : a[rank - 1];
  bool dynamic = false;
  int64_t work = 1;
  for (int64_t size : {c[rank - 2], k, c[rank - 1]}) {
    dynamic |= ShapedType::isDynamic(size);
    if (!dynamic)
      work = std::min(work * std::min(size, kSmallProduct), kSmallProduct);
  }
  if (!dynamic && work < kSmallProduct)
    return;

  bool isF32 = element.isF32();
  StringRef name = rank == 2 ? (isF32 ? kGemmF32 : kGemmF64)
                             : (isF32 ? kBatchGemmF32 : kBatchGemmF64);
  Operation *loop = rank == 2 && isF32 ? loopReadingSameOperand(op, operands[1]) : nullptr;
  Value packed = loop ? packs.get(module, loop, operands[1], transposed->second) : Value();
  Operation *zeroStart = zeroStartBefore(op, operands[2]);
  OpBuilder builder(op);
  Location loc = op.getLoc();
  SmallVector<Value> args;
  for (Value v : operands)
    args.push_back(memref::CastOp::create(builder, loc, entryOperandType(element, rank), v));
  Value no = arith::ConstantIntOp::create(builder, loc, builder.getI1Type(), 0);
  Value yes = arith::ConstantIntOp::create(builder, loc, builder.getI1Type(), 1);
  for (bool flag : {transposed->first, transposed->second, !zeroStart})
    args.push_back(flag ? yes : no);
  if (packed) {
    args.insert(args.begin() + 2, packed);
    SmallVector<Type> types = llvm::to_vector(ValueRange(args).getTypes());
    func::CallOp::create(builder, loc, declareRuntimeEntry(module, kPackedGemmF32, types), args);
  } else {
    func::CallOp::create(builder, loc, entryDeclaration(module, name, element, rank), args);
  }
  op->erase();
  if (zeroStart)
    eraseZeroStart(zeroStart);
}

struct LinalgToBlasPass : impl::LinalgToBlasPassBase<LinalgToBlasPass> {
  void runOnOperation() override {
    SmallVector<linalg::LinalgOp> products;
    getOperation()->walk([&](linalg::LinalgOp op) {
      if (isa<linalg::MatmulOp, linalg::BatchMatmulOp>(op))
        products.push_back(op);
    });
    PackedOperands packs;
    for (linalg::LinalgOp op : products)
      convert(op, getOperation(), packs);
  }
};
} // namespace
} // namespace dy2st
