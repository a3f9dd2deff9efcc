#include "Dy2St/Conversion/RuntimeCalls.h"
#include "Dy2St/Support/RuntimeABI.h"
#include "Dy2St/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"

namespace dy2st {
#define GEN_PASS_DEF_NAMEALLOCATIONSITESPASS
#include "Dy2St/Transforms/Passes.h.inc"

namespace {
using namespace mlir;

/// Static buffers smaller than this are not named.
constexpr int64_t kNamedBytes = int64_t(1) << 20;

bool mayNotFit(MemRefType type) {
  if (!type.hasStaticShape())
    return true;
  // Index and other element types: counted as 64 bits.
  Type element = type.getElementType();
  int64_t bits = element.isIntOrFloat() ? element.getIntOrFloatBitWidth() : 64;
  return type.getNumElements() >= kNamedBytes * 8 / std::max<int64_t>(bits, 1);
}

struct NameAllocationSitesPass
    : impl::NameAllocationSitesPassBase<NameAllocationSitesPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<std::pair<memref::AllocOp, std::string>> sites;
    module.walk([&](memref::AllocOp alloc) {
      if (!mayNotFit(alloc.getType()))
        return;
      if (std::string where = sourceLinePrefix(alloc.getLoc()); !where.empty())
        sites.emplace_back(alloc, std::move(where));
    });
    if (sites.empty())
      return;
    Type pointer = LLVM::LLVMPointerType::get(module.getContext());
    declareRuntimeFunction(module, kAllocationSite, {pointer});
    for (auto &[alloc, where] : sites) {
      OpBuilder b(alloc);
      Value text = stringPointer(b, module, alloc.getLoc(), where);
      func::CallOp::create(b, alloc.getLoc(), kAllocationSite, TypeRange{}, ValueRange{text});
    }
  }
};

} // namespace
} // namespace dy2st
