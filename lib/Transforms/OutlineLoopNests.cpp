#include "Dy2St/Transforms/Passes.h"

#include "BufferRoot.h"
#include "ParallelLoops.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Utils/Utils.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace dy2st {
#define GEN_PASS_DEF_OUTLINELOOPNESTSPASS
#include "Dy2St/Transforms/Passes.h.inc"

#define GEN_PASS_DEF_MARKNOALIASPOINTERSPASS
#include "Dy2St/Transforms/Passes.h.inc"

namespace {
using namespace mlir;

constexpr llvm::StringLiteral kNoAliasPointers = "dy2st.noalias_pointers";

/// Whether `loop` is a loop of the program rather than a nest over buffers:
/// it allocates (each iteration's tensors: a generation loop over a model's
/// layers). Outlined whole, its nests would be one function that LLVM
/// unrolls and vectorizes as a whole (a two-layer GPT's decoding loop: 15k
/// lines of IR, 98k once optimized, 27 s) instead of one by one and merged.
static bool allocates(scf::ForOp loop) {
  return loop->walk([](memref::AllocOp) { return WalkResult::interrupt(); }).wasInterrupted();
}

/// The scf.for nests of `func` that no other enclosing nest holds (those
/// inside a while loop, a branch or a loop of the program too).
static SmallVector<scf::ForOp> outermostLoops(func::FuncOp func) {
  SmallVector<scf::ForOp> loops;
  func.walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (auto loop = dyn_cast<scf::ForOp>(op)) {
      if (allocates(loop))
        return WalkResult::advance();
      loops.push_back(loop);
      return WalkResult::skip();
    }
    if (isa<scf::ParallelOp, scf::ForallOp>(op))
      return WalkResult::skip();
    return WalkResult::advance();
  });
  return loops;
}

/// Copies the constants that `region` uses into it: outlined, its loop
/// bounds and fill values stay constants (which LLVM unrolls and vectorizes
/// by) rather than becoming arguments.
static void sinkConstants(RewriterBase &rewriter, Region &region) {
  DenseMap<Value, Value> copies;
  rewriter.setInsertionPointToStart(&region.front());
  region.walk([&](Operation *op) {
    for (OpOperand &use : op->getOpOperands()) {
      Operation *def = use.get().getDefiningOp();
      if (!def || !def->hasTrait<OpTrait::ConstantLike>() || region.isAncestor(def->getParentRegion()))
        continue;
      Value &copy = copies[use.get()];
      if (!copy)
        copy = rewriter.clone(*def)->getResult(0);
      rewriter.modifyOpInPlace(op, [&] { use.set(copy); });
    }
  });
}

/// Marks the memref parameters of `outlined` noalias when, at its one call,
/// no buffer it writes is also reached through another argument: LLVM then
/// keeps accumulators in registers and vectorizes without runtime checks, as
/// it did with the nest inline (fresh allocations do not alias).
static void markNoAlias(func::FuncOp outlined, func::CallOp call) {
  DenseSet<Value> written;
  outlined.walk([&](MemoryEffectOpInterface op) {
    SmallVector<MemoryEffects::EffectInstance> effects;
    op.getEffects(effects);
    for (auto &effect : effects)
      if (isa<MemoryEffects::Write>(effect.getEffect()) && effect.getValue())
        if (auto arg = dyn_cast<BlockArgument>(rootOf(effect.getValue())))
          written.insert(call.getOperand(arg.getArgNumber()));
  });
  SmallVector<Value> roots;
  for (Value operand : call.getOperands())
    roots.push_back(isa<MemRefType>(operand.getType()) ? rootOf(operand) : Value());
  // func-to-llvm passes a memref of rank r as 3 + 2r arguments (allocated and
  // aligned pointers first) and drops memref argument attributes: the
  // pointers' positions are recorded for dy2st-mark-noalias-pointers.
  SmallVector<int64_t> pointers;
  int64_t position = 0;
  for (auto [i, operand] : llvm::enumerate(call.getOperands())) {
    auto memref = dyn_cast<MemRefType>(operand.getType());
    if (!memref) {
      ++position;
      continue;
    }
    // Two arguments of the caller may be one buffer; allocations are not.
    auto mayAlias = [](Value a, Value b) {
      return a == b || (isa<BlockArgument>(a) && isa<BlockArgument>(b));
    };
    bool shared = llvm::any_of(llvm::enumerate(roots), [&](auto other) {
      return other.index() != i && other.value() && mayAlias(other.value(), roots[i]) &&
             (written.contains(operand) || written.contains(call.getOperand(other.index())));
    });
    if (!shared) {
      pointers.push_back(position);
      pointers.push_back(position + 1);
    }
    position += 3 + 2 * memref.getRank();
  }
  if (!pointers.empty())
    outlined->setAttr(kNoAliasPointers, DenseI64ArrayAttr::get(outlined.getContext(), pointers));
}

/// The value `inner` (an operand inside `outlined`) has at `call`: the
/// call's operand for a parameter, a copy of a constant; none otherwise.
static Value valueAtCall(RewriterBase &rewriter, Value inner, func::FuncOp outlined,
                         func::CallOp call) {
  if (auto arg = dyn_cast<BlockArgument>(inner))
    return arg.getOwner() == &outlined.getBody().front() ? call.getOperand(arg.getArgNumber())
                                                          : Value();
  Operation *def = inner.getDefiningOp();
  if (!def || !def->hasTrait<OpTrait::ConstantLike>())
    return Value();
  rewriter.setInsertionPoint(call);
  return rewriter.clone(*def)->getResult(0);
}

/// Makes the bounds of the nest's loop marked by dy2st-linalg-to-loops the
/// outlined function's last two parameters, which the call passes, and
/// marks the function for dy2st-dispatch-parallel-loops.
static void exposeParallelRange(RewriterBase &rewriter, func::FuncOp outlined,
                                func::CallOp &call) {
  scf::ForOp loop;
  outlined.walk([&](scf::ForOp candidate) {
    if (candidate->hasAttr(kParallelLoopAttr))
      loop = candidate;
  });
  if (!loop)
    return;
  Attribute work = loop->removeAttr(kParallelLoopAttr);
  if (!matchPattern(loop.getStep(), m_One()))
    return;
  Value lower = valueAtCall(rewriter, loop.getLowerBound(), outlined, call);
  Value upper = valueAtCall(rewriter, loop.getUpperBound(), outlined, call);
  if (!lower || !upper)
    return;
  Block &body = outlined.getBody().front();
  unsigned first = body.getNumArguments();
  Location loc = loop.getLoc();
  Type index = rewriter.getIndexType();
  if (failed(outlined.insertArguments({first, first}, {index, index}, {DictionaryAttr(), DictionaryAttr()},
                                      {loc, loc})))
    return;
  rewriter.modifyOpInPlace(loop, [&] {
    loop.getLowerBoundMutable().assign(body.getArgument(first));
    loop.getUpperBoundMutable().assign(body.getArgument(first + 1));
  });
  SmallVector<Value> operands(call.getOperands());
  operands.append({lower, upper});
  rewriter.setInsertionPoint(call);
  auto widened = func::CallOp::create(rewriter, call.getLoc(), outlined, operands);
  rewriter.replaceOp(call, widened.getResults());
  call = widened;
  outlined->setAttr(kParallelRangeAttr, work);
}

struct OutlineLoopNestsPass : impl::OutlineLoopNestsPassBase<OutlineLoopNestsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    IRRewriter rewriter(&getContext());
    SmallVector<func::FuncOp> funcs(module.getOps<func::FuncOp>());
    for (func::FuncOp func : funcs) {
      if (func.isDeclaration())
        continue;
      unsigned count = 0;
      for (scf::ForOp loop : outermostLoops(func)) {
        Location loc = loop.getLoc();
        rewriter.setInsertionPoint(loop);
        auto region = scf::ExecuteRegionOp::create(rewriter, loc, loop.getResultTypes());
        Block *block = rewriter.createBlock(&region.getRegion());
        rewriter.replaceAllUsesWith(loop.getResults(), region.getResults());
        rewriter.moveOpBefore(loop, block, block->end());
        rewriter.setInsertionPointToEnd(block);
        scf::YieldOp::create(rewriter, loc, loop.getResults());
        sinkConstants(rewriter, region.getRegion());
        std::string name = (func.getSymName() + "_loops" + llvm::Twine(count++)).str();
        func::CallOp call;
        FailureOr<func::FuncOp> outlined =
            outlineSingleBlockRegion(rewriter, loc, region.getRegion(), name, &call);
        if (failed(outlined))
          return signalPassFailure();
        markNoAlias(*outlined, call);
        exposeParallelRange(rewriter, *outlined, call);
        outlined->setPrivate();
        (*outlined)->setAttr("passthrough", rewriter.getStrArrayAttr({"noinline"}));
      }
    }
  }
};
struct MarkNoAliasPointersPass : impl::MarkNoAliasPointersPassBase<MarkNoAliasPointersPass> {
  void runOnOperation() override {
    LLVM::LLVMFuncOp func = getOperation();
    auto pointers = func->getAttrOfType<DenseI64ArrayAttr>(kNoAliasPointers);
    if (!pointers)
      return;
    for (int64_t position : pointers.asArrayRef())
      if (position < func.getNumArguments() &&
          isa<LLVM::LLVMPointerType>(func.getArgument(position).getType()))
        func.setArgAttr(position, LLVM::LLVMDialect::getNoAliasAttrName(),
                        UnitAttr::get(&getContext()));
    func->removeAttr(kNoAliasPointers);
  }
};
} // namespace
} // namespace dy2st
