#include "Dy2St/Support/RuntimeABI.h"
#include "Dy2St/Transforms/Passes.h"

#include "ParallelLoops.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/MapVector.h"

namespace dy2st {
#define GEN_PASS_DEF_DISPATCHPARALLELLOOPSPASS
#include "Dy2St/Transforms/Passes.h.inc"

namespace {
using namespace mlir;

/// Whether a value of type `t` fits a context slot (8 bytes).
static bool fitsSlot(Type t) {
  if (isa<LLVM::LLVMPointerType>(t))
    return true;
  if (auto i = dyn_cast<IntegerType>(t))
    return i.getWidth() <= 64;
  if (auto f = dyn_cast<FloatType>(t))
    return f.getWidth() <= 64;
  return false;
}

/// `<nest>_part(context, begin, end)`: reads the nest's other arguments from
/// the context's slots and runs the iterations [begin, end).
static LLVM::LLVMFuncOp buildPart(OpBuilder &b, LLVM::LLVMFuncOp nest) {
  MLIRContext *ctx = b.getContext();
  Location loc = nest.getLoc();
  auto ptr = LLVM::LLVMPointerType::get(ctx);
  Type i64 = b.getI64Type();
  auto part = LLVM::LLVMFuncOp::create(
      b, loc, (nest.getName() + "_part").str(),
      LLVM::LLVMFunctionType::get(LLVM::LLVMVoidType::get(ctx), {ptr, i64, i64}));
  part.setLinkage(LLVM::Linkage::Private);
  Block *entry = part.addEntryBlock(b);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(entry);
  ArrayRef<Type> params = nest.getFunctionType().getParams();
  SmallVector<Value> args;
  for (auto [i, type] : llvm::enumerate(params.drop_back(2))) {
    Value slot = LLVM::GEPOp::create(b, loc, ptr, i64, entry->getArgument(0),
                                     ArrayRef<LLVM::GEPArg>{static_cast<int32_t>(i)});
    args.push_back(LLVM::LoadOp::create(b, loc, type, slot));
  }
  args.append({entry->getArgument(1), entry->getArgument(2)});
  LLVM::CallOp::create(b, loc, nest, args);
  LLVM::ReturnOp::create(b, loc, ValueRange());
  return part;
}

static LLVM::LLVMFuncOp dispatcher(OpBuilder &b, ModuleOp module) {
  if (auto existing = module.lookupSymbol<LLVM::LLVMFuncOp>(kParallelFor))
    return existing;
  MLIRContext *ctx = b.getContext();
  auto ptr = LLVM::LLVMPointerType::get(ctx);
  Type i64 = b.getI64Type();
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToEnd(module.getBody());
  return LLVM::LLVMFuncOp::create(
      b, module.getLoc(), kParallelFor,
      LLVM::LLVMFunctionType::get(LLVM::LLVMVoidType::get(ctx), {ptr, ptr, i64, i64, i64}));
}

/// Replaces `call` of `nest` by the runtime's parallel_for over the range
/// its last two arguments give, the others stored in a context on the stack.
static void dispatch(OpBuilder &b, LLVM::CallOp call, LLVM::LLVMFuncOp part,
                     LLVM::LLVMFuncOp parallelFor, int64_t work) {
  MLIRContext *ctx = b.getContext();
  Location loc = call.getLoc();
  auto ptr = LLVM::LLVMPointerType::get(ctx);
  Type i64 = b.getI64Type();
  unsigned numSlots = call.getArgOperands().size() - 2;
  auto caller = call->getParentOfType<LLVM::LLVMFuncOp>();
  b.setInsertionPointToStart(&caller.getBody().front());
  Value count = LLVM::ConstantOp::create(b, loc, i64, b.getI64IntegerAttr(std::max(numSlots, 1u)));
  Value context = LLVM::AllocaOp::create(b, loc, ptr, i64, count, /*alignment=*/8);
  b.setInsertionPoint(call);
  ValueRange args = call.getArgOperands();
  for (auto [i, arg] : llvm::enumerate(args.drop_back(2))) {
    Value slot = LLVM::GEPOp::create(b, loc, ptr, i64, context,
                                     ArrayRef<LLVM::GEPArg>{static_cast<int32_t>(i)});
    LLVM::StoreOp::create(b, loc, arg, slot);
  }
  Value partAddress = LLVM::AddressOfOp::create(b, loc, ptr, part.getName());
  Value workValue = LLVM::ConstantOp::create(b, loc, i64, b.getI64IntegerAttr(work));
  LLVM::CallOp::create(b, loc, parallelFor,
                       ValueRange{partAddress, context, args[args.size() - 2],
                                  args[args.size() - 1], workValue});
  call.erase();
}

struct DispatchParallelLoopsPass
    : impl::DispatchParallelLoopsPassBase<DispatchParallelLoopsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    OpBuilder b(&getContext());
    // The nests that can be dispatched, and their calls in one walk of the
    // module (a large model has hundreds of nests: a walk per nest was most
    // of its compile time).
    llvm::MapVector<StringRef, std::pair<LLVM::LLVMFuncOp, int64_t>> nests;
    for (auto func : module.getOps<LLVM::LLVMFuncOp>()) {
      Attribute range = func->removeAttr(kParallelRangeAttr);
      if (!range)
        continue;
      LLVM::LLVMFunctionType type = func.getFunctionType();
      ArrayRef<Type> params = type.getParams();
      if (isa<LLVM::LLVMVoidType>(type.getReturnType()) && !type.isVarArg() &&
          params.size() >= 2 && llvm::all_of(params, fitsSlot))
        nests[func.getName()] = {func, cast<IntegerAttr>(range).getInt()};
    }
    if (nests.empty())
      return;
    llvm::DenseMap<StringRef, SmallVector<LLVM::CallOp>> calls;
    module.walk([&](LLVM::CallOp call) {
      std::optional<StringRef> callee = call.getCallee();
      if (callee && nests.count(*callee))
        calls[*callee].push_back(call);
    });
    LLVM::LLVMFuncOp parallelFor = dispatcher(b, module);
    for (auto &[name, nest] : nests) {
      b.setInsertionPointAfter(nest.first);
      LLVM::LLVMFuncOp part = buildPart(b, nest.first);
      for (LLVM::CallOp call : calls.lookup(name))
        dispatch(b, call, part, parallelFor, nest.second);
    }
  }
};
} // namespace
} // namespace dy2st
