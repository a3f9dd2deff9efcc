#include "Dy2St/Transforms/Passes.h"

#include "BufferRoot.h"

namespace dy2st {
#define GEN_PASS_DEF_GPUUNIFIEDMEMORYPASS
#include "Dy2St/Transforms/Passes.h.inc"

namespace {
using namespace mlir;

Value managedAlloc(OpBuilder &b, Location loc, MemRefType type, ValueRange dynamicSizes) {
  return gpu::AllocOp::create(b, loc, type, /*asyncToken=*/Type(), /*asyncDependencies=*/{},
                              dynamicSizes, /*symbolOperands=*/{}, /*hostShared=*/true)
      .getMemref();
}

void managedFree(OpBuilder &b, Location loc, Value memref) {
  Type token = gpu::AsyncTokenType::get(b.getContext());
  Value ready = gpu::WaitOp::create(b, loc, token, ValueRange{}).getAsyncToken();
  Value freed = gpu::DeallocOp::create(b, loc, token, ValueRange{ready}, memref).getAsyncToken();
  gpu::WaitOp::create(b, loc, Type(), ValueRange{freed});
}

/// The sizes of the dynamic dimensions of `memref`, read at run time.
SmallVector<Value> dynamicSizes(OpBuilder &b, Location loc, Value memref) {
  auto type = cast<MemRefType>(memref.getType());
  SmallVector<Value> sizes;
  for (int64_t d = 0; d < type.getRank(); ++d)
    if (type.isDynamicDim(d))
      sizes.push_back(memref::DimOp::create(b, loc, memref, d));
  return sizes;
}

/// Makes the uses of `source` so far use a managed copy of it, made here.
Value useManagedCopy(OpBuilder &b, Location loc, Value source) {
  SmallVector<OpOperand *> uses =
      llvm::map_to_vector(source.getUses(), [](OpOperand &use) { return &use; });
  auto type = cast<MemRefType>(source.getType());
  auto plain = MemRefType::get(type.getShape(), type.getElementType());
  Value copy = managedAlloc(b, loc, plain, dynamicSizes(b, loc, source));
  memref::CopyOp::create(b, loc, source, copy);
  if (copy.getType() != type)
    copy = memref::CastOp::create(b, loc, type, copy);
  for (OpOperand *use : uses)
    use->set(copy);
  return rootOf(copy);
}

void convertFunction(func::FuncOp func) {
  auto inKernel = [](Operation *op) { return op->getParentOfType<gpu::LaunchOp>() != nullptr; };
  SmallVector<memref::AllocOp> allocs;
  SmallVector<memref::DeallocOp> deallocs;
  SmallVector<memref::GetGlobalOp> globals;
  func.walk([&](Operation *op) {
    if (inKernel(op))
      return;
    if (auto alloc = dyn_cast<memref::AllocOp>(op))
      allocs.push_back(alloc);
    else if (auto dealloc = dyn_cast<memref::DeallocOp>(op))
      deallocs.push_back(dealloc);
    else if (auto global = dyn_cast<memref::GetGlobalOp>(op))
      globals.push_back(global);
  });
  for (memref::AllocOp alloc : allocs) {
    OpBuilder b(alloc);
    alloc.getResult().replaceAllUsesWith(
        managedAlloc(b, alloc.getLoc(), alloc.getType(), alloc.getDynamicSizes()));
    alloc.erase();
  }
  for (memref::DeallocOp dealloc : deallocs) {
    OpBuilder b(dealloc);
    managedFree(b, dealloc.getLoc(), dealloc.getMemref());
    dealloc.erase();
  }

  // Buffers made for this call, freed on every return.
  SmallVector<Value> perCall;
  Block &entry = func.getBody().front();
  OpBuilder b = OpBuilder::atBlockBegin(&entry);
  for (memref::GetGlobalOp global : globals) {
    global->moveBefore(&entry, entry.begin());
    b.setInsertionPointAfter(global);
    perCall.push_back(useManagedCopy(b, global.getLoc(), global.getResult()));
  }
  bool isPublic = !func.isPrivate();
  if (isPublic)
    for (BlockArgument arg : entry.getArguments()) {
      if (!isa<MemRefType>(arg.getType()) || arg.use_empty())
        continue;
      perCall.push_back(useManagedCopy(b, func.getLoc(), arg));
    }
  func.walk([&](func::ReturnOp ret) {
    OpBuilder rb(ret);
    Location loc = ret.getLoc();
    // Each buffer is freed once; what a private function returns is its
    // caller's to free.
    llvm::SmallDenseSet<Value> done;
    for (OpOperand &result : ret->getOpOperands()) {
      auto type = dyn_cast<MemRefType>(result.get().getType());
      if (!type)
        continue;
      Value device = result.get();
      if (!isPublic) {
        done.insert(rootOf(device));
        continue;
      }
      Value host = memref::AllocOp::create(
          rb, loc, MemRefType::get(type.getShape(), type.getElementType()),
          dynamicSizes(rb, loc, device));
      memref::CopyOp::create(rb, loc, device, host);
      if (host.getType() != type)
        host = memref::CastOp::create(rb, loc, type, host);
      result.set(host);
      // The caller owned the result; it has its own copy now.
      if (done.insert(rootOf(device)).second && !llvm::is_contained(perCall, rootOf(device)))
        managedFree(rb, loc, rootOf(device));
    }
    for (Value v : perCall)
      if (done.insert(v).second)
        managedFree(rb, loc, v);
  });
}

struct GpuUnifiedMemoryPass : impl::GpuUnifiedMemoryPassBase<GpuUnifiedMemoryPass> {
  void runOnOperation() override {
    for (auto func : getOperation().getOps<func::FuncOp>())
      if (!func.isDeclaration())
        convertFunction(func);
  }
};
} // namespace
} // namespace dy2st
