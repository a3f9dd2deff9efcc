// Inlining of Python calls and lambdas (see Passes.td). Inlining, rather
// than compiling each function on its own, lets every call site be
// specialized to its own argument types, as Python runs it.
#include "Dy2St/Dialect/Pydy/Passes.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "llvm/ADT/SetVector.h"

namespace mlir::pydy {
#define GEN_PASS_DEF_INLINECALLSPASS
#include "Dy2St/Dialect/Pydy/Passes.h.inc"

namespace {

/// The first call on a cycle of calls reachable from `func`, if any.
CallOp findRecursion(FuncOp func, SymbolTable &symbols, llvm::SetVector<Operation *> &stack) {
  stack.insert(func);
  CallOp found;
  func.walk([&](CallOp call) {
    auto callee = symbols.lookup<FuncOp>(call.getCallee());
    if (!callee)
      return WalkResult::advance();
    if (stack.contains(callee)) {
      found = call;
      return WalkResult::interrupt();
    }
    found = findRecursion(callee, symbols, stack);
    return found ? WalkResult::interrupt() : WalkResult::advance();
  });
  stack.pop_back();
  return found;
}

/// Replaces `call` by a copy of `body` with its arguments bound to `args`;
/// `result` maps the value the body produces.
LogicalResult inlineBody(Operation *call, Block &body, ValueRange args, Operation *end) {
  if (body.getNumArguments() != args.size())
    return call->emitError() << "the call passes " << args.size() << " arguments for "
                             << body.getNumArguments() << " parameters";
  OpBuilder b(call);
  IRMapping map;
  map.map(body.getArguments(), args);
  for (Operation &op : body) {
    if (&op == end)
      break;
    b.clone(op, map);
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
    llvm::SetVector<Operation *> stack;
    if (CallOp recursive = findRecursion(entryFunc, symbols, stack)) {
      recursive.emitError() << "recursive call of '" << recursive.getCallee()
                            << "' is not supported by dy2st yet";
      return signalPassFailure();
    }
    while (true) {
      Operation *next = nullptr;
      entryFunc.walk([&](Operation *op) {
        if (isa<CallOp, CallValueOp>(op)) {
          next = op;
          return WalkResult::interrupt();
        }
        return WalkResult::advance();
      });
      if (!next)
        break;
      if (auto call = dyn_cast<CallOp>(next)) {
        Block &body = symbols.lookup<FuncOp>(call.getCallee()).getBody().front();
        if (failed(inlineBody(call, body, call.getArgs(), &body.back())))
          return signalPassFailure();
        continue;
      }
      auto callValue = cast<CallValueOp>(next);
      auto lambda = callValue.getCallee().getDefiningOp<LambdaOp>();
      if (!lambda) {
        callValue.emitError("dy2st can call only a lambda known where it is called (not one "
                            "passed through a branch or a loop)");
        return signalPassFailure();
      }
      if (!callValue.getKwnames().empty()) {
        callValue.emitError("keyword arguments in a call of a lambda are not supported by dy2st");
        return signalPassFailure();
      }
      Block &body = lambda.getBody().front();
      if (failed(inlineBody(callValue, body, callValue.getArgs(), body.getTerminator())))
        return signalPassFailure();
    }
    for (FuncOp f : llvm::make_early_inc_range(module.getOps<FuncOp>()))
      if (f != entryFunc)
        f.erase();
    entryFunc.walk([](LambdaOp lambda) {
      if (lambda->use_empty())
        lambda.erase();
    });
  }
};

} // namespace
} // namespace mlir::pydy
