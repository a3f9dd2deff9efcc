#include "BufferFacts.h"

#include "BufferRoot.h"

#include "Dy2St/Support/RuntimeABI.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

using namespace mlir;
using namespace dy2st;

func::FuncOp dy2st::declareRuntimeEntry(ModuleOp module, StringRef name,
                                         ArrayRef<Type> arguments) {
  if (auto existing = module.lookupSymbol<func::FuncOp>(name))
    return existing;
  OpBuilder b = OpBuilder::atBlockBegin(module.getBody());
  auto fn = func::FuncOp::create(b, module.getLoc(), name, b.getFunctionType(arguments, {}));
  fn.setPrivate();
  fn->setAttr("llvm.emit_c_interface", b.getUnitAttr());
  return fn;
}

namespace {
/// Which operand of a call of a runtime entry is the output it writes; -1
/// for other callees.
int writtenOperandOfCall(func::CallOp call) {
  StringRef callee = call.getCallee();
  if (llvm::is_contained({kGemmF32, kGemmF64, kBatchGemmF32, kBatchGemmF64}, callee))
    return 2;
  if (callee == kConv2DF32 || callee == kGroupedConv2DF32)
    return 2;
  if (callee == kMaxPool2DF32 || callee == kSumPool2DF32)
    return 1;
  return callee == kPackedGemmF32 ? 3 : -1;
}

} // namespace

bool dy2st::writtenIn(Operation *loop, Value buffer) {
  auto views = [&](Value v) {
    return isa<BaseMemRefType>(v.getType()) && rootOf(v) == buffer;
  };
  auto writesOperands = [&](Operation *op) { return llvm::any_of(op->getOperands(), views); };
  return loop
      ->walk([&](Operation *op) {
        if (auto call = dyn_cast<func::CallOp>(op)) {
          int written = writtenOperandOfCall(call);
          bool writes = written >= 0 ? views(call.getOperand(written)) : writesOperands(op);
          return writes ? WalkResult::interrupt() : WalkResult::advance();
        }
        auto effects = dyn_cast<MemoryEffectOpInterface>(op);
        if (!effects) {
          bool nested = op->hasTrait<OpTrait::HasRecursiveMemoryEffects>();
          return !nested && writesOperands(op) ? WalkResult::interrupt() : WalkResult::advance();
        }
        SmallVector<MemoryEffects::EffectInstance> list;
        effects.getEffects(list);
        for (MemoryEffects::EffectInstance &effect : list) {
          if (!isa<MemoryEffects::Write, MemoryEffects::Free>(effect.getEffect()))
            continue;
          Value target = effect.getValue();
          if (target ? views(target) : writesOperands(op))
            return WalkResult::interrupt();
        }
        return WalkResult::advance();
      })
      .wasInterrupted();
}

Value dy2st::filledValue(Operation *op, Value buffer) {
  if (auto fill = dyn_cast<linalg::FillOp>(op))
    return fill.hasPureBufferSemantics() && fill.getOutputs().front() == buffer
               ? fill.getInputs().front()
               : Value();
  auto map = dyn_cast<linalg::MapOp>(op);
  if (!map || !map.hasPureBufferSemantics() || map.getInit() != buffer || !map.getInputs().empty())
    return Value();
  auto yield = cast<linalg::YieldOp>(map.getMapper().front().getTerminator());
  Value value = yield.getNumOperands() == 1 ? yield.getOperand(0) : Value();
  // A value made inside the mapper is not one value for every element.
  return value && !map.getMapper().isAncestor(value.getParentRegion()) ? value : Value();
}

namespace {
/// Whether `op` fills `buffer` with zero.
bool zeroFills(Operation *op, Value buffer) {
  Value value = filledValue(op, buffer);
  return value && matchPattern(value, m_AnyZeroFloat());
}

} // namespace

bool dy2st::onlyUsedBy(Value buffer, llvm::function_ref<bool(Operation *)> allowed) {
  return buffer.getDefiningOp<memref::AllocOp>() &&
         llvm::all_of(buffer.getUsers(), [&](Operation *user) {
           return isa<memref::DeallocOp>(user) || allowed(user);
         });
}

namespace {
/// Whether `copy` reads zeros: its source is an allocation of its block
/// that, before the copy, only a fill of zero writes and only copies read
/// (CSE shares one zero-filled tensor among products, bufferization copies
/// it into each and may write the last product in place).
bool copiesZeros(memref::CopyOp copy) {
  Value zeros = copy.getSource();
  auto alloc = zeros.getDefiningOp<memref::AllocOp>();
  Block *block = copy->getBlock();
  if (!alloc || alloc->getBlock() != block)
    return false;
  bool filled = false;
  for (Operation *user : zeros.getUsers()) {
    Operation *inBlock = block->findAncestorOpInBlock(*user);
    if (!inBlock)
      return false;
    if (inBlock == copy.getOperation() || copy->isBeforeInBlock(inBlock))
      continue;
    auto read = dyn_cast<memref::CopyOp>(user);
    if (zeroFills(user, zeros))
      filled = true;
    else if (!read || read.getSource() != zeros)
      return false;
  }
  return filled;
}

} // namespace

Operation *dy2st::zeroStartBefore(Operation *op, Value buffer) {
  Operation *previous = op->getPrevNode();
  if (!previous)
    return nullptr;
  if (isa<linalg::FillOp>(previous))
    return zeroFills(previous, buffer) ? previous : nullptr;
  auto copy = dyn_cast<memref::CopyOp>(previous);
  return copy && copy.getTarget() == buffer && copiesZeros(copy) ? previous : nullptr;
}

void dy2st::eraseZeroStart(Operation *start) {
  auto copy = dyn_cast<memref::CopyOp>(start);
  Value zeros = copy ? copy.getSource() : Value();
  start->erase();
  if (!zeros || !onlyUsedBy(zeros, [&](Operation *user) { return zeroFills(user, zeros); }))
    return;
  for (Operation *user : llvm::make_early_inc_range(zeros.getUsers()))
    user->erase();
  zeros.getDefiningOp()->erase();
}

