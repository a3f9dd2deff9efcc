// Inlining of Python calls and lambdas (see Passes.td). Inlining, rather
// than compiling each function on its own, lets every call site be
// specialized to its own argument types, as Python runs it.
#include "Dy2St/Dialect/Pydy/Passes.h"

#include "mlir/Analysis/CallGraph.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SCCIterator.h"

namespace mlir::pydy {
#define GEN_PASS_DEF_INLINECALLSPASS
#include "Dy2St/Dialect/Pydy/Passes.h.inc"

namespace {

/// The functions on a call cycle: the strongly connected components of
/// upstream's call graph that have a cycle.
DenseSet<Operation *> recursiveFunctions(ModuleOp module) {
  CallGraph graph(module);
  DenseSet<Operation *> recursive;
  for (auto scc = llvm::scc_begin(static_cast<const CallGraph *>(&graph)); !scc.isAtEnd();
       ++scc) {
    if (!scc.hasCycle())
      continue;
    for (const CallGraphNode *node : *scc)
      if (!node->isExternal())
        recursive.insert(node->getCallableRegion()->getParentOp());
  }
  return recursive;
}

/// Replaces `call` by a copy of `body` with its arguments bound to `args`;
/// `result` maps the value the body produces. The copies are located in the
/// callee under the call (a CallSiteLoc: diagnostics name the chain of
/// callers); a `library` body (dy2st's own composites and layers) is located
/// at the call, as a builtin's work is.
LogicalResult inlineBody(Operation *call, Block &body, ValueRange args, Operation *end,
                         bool library) {
  if (body.getNumArguments() != args.size())
    return call->emitError() << "the call passes " << args.size() << " arguments for "
                             << body.getNumArguments() << " parameters";
  OpBuilder b(call);
  IRMapping map;
  map.map(body.getArguments(), args);
  Location at = call->getLoc();
  for (Operation &op : body) {
    if (&op == end)
      break;
    b.clone(op, map)->walk([&](Operation *copy) {
      copy->setLoc(library ? at : CallSiteLoc::get(copy->getLoc(), at));
    });
  }
  Value result;
  if (end->getNumOperands())
    result = map.lookupOrDefault(end->getOperand(0));
  else
    result = ConstantOp::create(b, call->getLoc(), b.getUnitAttr());
  call->getResult(0).replaceAllUsesWith(result);
  call->erase();
  return success();
}

struct InlineCallsPass : impl::InlineCallsPassBase<InlineCallsPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    FuncOp entryFunc;
    for (FuncOp f : module.getOps<FuncOp>())
      if (entry.empty() || f.getSymName() == entry) {
        entryFunc = f;
        break;
      }
    if (!entryFunc)
      return;
    SymbolTable symbols(module);
    // Functions on a call cycle stay functions (specialization compiles them
    // as such); every other call is inlined.
    DenseSet<Operation *> recursive = recursiveFunctions(module);
    SmallVector<FuncOp> kept{entryFunc};
    for (FuncOp f : module.getOps<FuncOp>())
      if (f != entryFunc && recursive.contains(f))
        kept.push_back(f);
    for (FuncOp f : kept)
      if (failed(inlineInto(f, symbols, recursive)))
        return signalPassFailure();
    for (FuncOp f : llvm::make_early_inc_range(module.getOps<FuncOp>()))
      if (!llvm::is_contained(kept, f))
        f.erase();
  }

  LogicalResult inlineInto(FuncOp func, SymbolTable &symbols,
                           const DenseSet<Operation *> &recursive) {
    // Calls of something other than a lambda, or of a lambda with the wrong
    // number of arguments, stay: they may sit in a branch that specialization
    // removes (it reports those that remain).
    DenseSet<Operation *> mismatched;
    while (true) {
      Operation *next = nullptr;
      func.walk([&](Operation *op) {
        auto call = dyn_cast<CallOp>(op);
        if ((call && !recursive.contains(symbols.lookup<FuncOp>(call.getCallee()))) ||
            (isa<CallValueOp>(op) && !mismatched.contains(op))) {
          next = op;
          return WalkResult::interrupt();
        }
        return WalkResult::advance();
      });
      if (!next)
        break;
      if (auto call = dyn_cast<CallOp>(next)) {
        auto callee = symbols.lookup<FuncOp>(call.getCallee());
        Block &body = callee.getBody().front();
        if (failed(inlineBody(call, body, call.getArgs(), &body.back(),
                              PydyDialect::LibraryAttrHelper(call->getContext()).isAttrPresent(callee))))
          return failure();
        continue;
      }
      auto callValue = cast<CallValueOp>(next);
      auto lambda = callValue.getCallee().getDefiningOp<LambdaOp>();
      if (!lambda) {
        // Maybe in a branch that specialization removes (a call of None
        // under `if f is not None`); it reports the calls that remain.
        mismatched.insert(callValue);
        continue;
      }
      OpBuilder b(callValue);
      std::string error;
      FailureOr<SmallVector<Value>> args = lambda.bindArguments(b, callValue, error);
      if (failed(args)) {
        mismatched.insert(callValue);
        continue;
      }
      Block &body = lambda.getBody().front();
      if (failed(inlineBody(callValue, body, *args, body.getTerminator(), false)))
        return failure();
    }
    func.walk([](LambdaOp lambda) {
      if (lambda->use_empty())
        lambda.erase();
    });
    return success();
  }
};

} // namespace
} // namespace mlir::pydy
