#include "Dy2St/Support/RuntimeABI.h"
#include "Dy2St/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Matchers.h"

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
  if (auto existing = module.lookupSymbol<func::FuncOp>(name))
    return existing;
  OpBuilder b = OpBuilder::atBlockBegin(module.getBody());
  MemRefType operand = entryOperandType(element, rank);
  Type flag = b.getI1Type();
  auto type = b.getFunctionType({operand, operand, operand, flag, flag, flag}, {});
  auto fn = func::FuncOp::create(b, module.getLoc(), name, type);
  fn.setPrivate();
  fn->setAttr("llvm.emit_c_interface", b.getUnitAttr());
  return fn;
}

/// A fill of zero into `buffer` right before `op`: folded into the call.
linalg::FillOp zeroFillBefore(Operation *op, Value buffer) {
  auto fill = dyn_cast_or_null<linalg::FillOp>(op->getPrevNode());
  if (!fill || !fill.hasPureBufferSemantics() || fill.getOutputs().front() != buffer)
    return {};
  Value value = fill.getInputs().front();
  return matchPattern(value, m_AnyZeroFloat()) ? fill : linalg::FillOp();
}

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

void convert(linalg::LinalgOp op, ModuleOp module) {
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
  func::FuncOp entry = entryDeclaration(module, name, element, rank);
  linalg::FillOp fill = zeroFillBefore(op, operands[2]);
  OpBuilder builder(op);
  Location loc = op.getLoc();
  SmallVector<Value> args;
  for (Value v : operands)
    args.push_back(memref::CastOp::create(builder, loc, entryOperandType(element, rank), v));
  Value no = arith::ConstantIntOp::create(builder, loc, builder.getI1Type(), 0);
  Value yes = arith::ConstantIntOp::create(builder, loc, builder.getI1Type(), 1);
  for (bool flag : {transposed->first, transposed->second, !fill})
    args.push_back(flag ? yes : no);
  func::CallOp::create(builder, loc, entry, args);
  op->erase();
  if (fill)
    fill->erase();
}

struct LinalgToBlasPass : impl::LinalgToBlasPassBase<LinalgToBlasPass> {
  void runOnOperation() override {
    SmallVector<linalg::LinalgOp> products;
    getOperation()->walk([&](linalg::LinalgOp op) {
      if (isa<linalg::MatmulOp, linalg::BatchMatmulOp>(op))
        products.push_back(op);
    });
    for (linalg::LinalgOp op : products)
      convert(op, getOperation());
  }
};
} // namespace
} // namespace dy2st
