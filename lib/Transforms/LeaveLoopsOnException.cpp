#include "Dy2St/Transforms/Passes.h"

#include "Dy2St/Conversion/RuntimeCalls.h"
#include "Dy2St/Support/RuntimeABI.h"

#include "mlir/Dialect/SCF/IR/SCF.h"

namespace dy2st {
#define GEN_PASS_DEF_LEAVELOOPSONEXCEPTIONPASS
#include "Dy2St/Transforms/Passes.h.inc"

namespace {
using namespace mlir;

bool records(func::CallOp call) {
  return llvm::is_contained({kRaise, kRaiseItems}, call.getCallee());
}

/// Calls that neither record an exception nor handle one: the pieces of a
/// message or a print, random bits, the test of the record.
bool quiet(func::CallOp call) {
  StringRef callee = call.getCallee();
  return callee.starts_with("dy2st_print_") || callee == kPrintEnd || callee == kLogEnd ||
         callee == kRandomBits || callee == kRaised;
}

/// Whether `module` calls a runtime function that records an exception (a
/// declaration alone stays where the checks of its calls folded away).
bool mayRecordException(ModuleOp module) {
  return module
      .walk([](func::CallOp call) {
        return records(call) ||
                       llvm::is_contained({kRaiseHeld, kReraise, kPyCallback}, call.getCallee())
                   ? WalkResult::interrupt()
                   : WalkResult::advance();
      })
      .wasInterrupted();
}

/// The tests whose holding records an exception in one run of `block`, read
/// from its own ops: a check (an `scf.if` whose branch calls dy2st_raise
/// among quiet calls) gives its condition, a loop already carrying its
/// exit flag (in `leaving`) that flag. None where another op may record or
/// handle one (a call, a check nested deeper): the runtime must be asked.
std::optional<SmallVector<Value>> recordingTests(Block &block,
                                                 const DenseSet<Operation *> &leaving) {
  SmallVector<Value> tests;
  for (Operation &op : block) {
    if (leaving.contains(&op)) {
      tests.push_back(op.getResults().back());
      continue;
    }
    auto check = dyn_cast<scf::IfOp>(op);
    if (check && check->getNumResults() == 0 && check.getElseRegion().empty() &&
        llvm::any_of(check.thenBlock()->getOps<func::CallOp>(), records) &&
        llvm::all_of(*check.thenBlock(), [](Operation &inner) {
          auto call = dyn_cast<func::CallOp>(inner);
          return isa<scf::YieldOp>(inner) || (call && (records(call) || quiet(call))) ||
                 (inner.getNumRegions() == 0 && !call);
        })) {
      tests.push_back(check.getCondition());
      continue;
    }
    if (op.walk([](func::CallOp call) {
            return quiet(call) ? WalkResult::advance() : WalkResult::interrupt();
          }).wasInterrupted())
      return std::nullopt;
  }
  return tests;
}

/// Whether one run of `block` recorded an exception, from its tests, or
/// from the runtime where they do not tell; before `at`.
Value recordedInRun(OpBuilder &b, ModuleOp module, Block &block, Operation *at,
                    const DenseSet<Operation *> &leaving) {
  Location loc = at->getLoc();
  b.setInsertionPoint(at);
  std::optional<SmallVector<Value>> tests = recordingTests(block, leaving);
  if (!tests)
    return raisedAtRunTime(b, module, loc);
  if (tests->empty())
    return arith::ConstantOp::create(b, loc, b.getBoolAttr(false));
  Value any = tests->front();
  for (Value test : llvm::drop_begin(*tests))
    any = arith::OrIOp::create(b, loc, any, test);
  return any;
}

/// `loop` carrying one more i1 (its last result), whether an exception was
/// recorded before it or during its last trip, and ending where one was. A
/// trip starts regardless: a `try`'s clauses run in a one-trip loop entered
/// with the exception they handle still recorded.
scf::WhileOp leaveOnException(ModuleOp module, scf::WhileOp loop,
                              const DenseSet<Operation *> &leaving) {
  OpBuilder b(loop);
  Location loc = loop.getLoc();
  Type i1 = b.getI1Type();
  Value before = raisedAtRunTime(b, module, loc);
  SmallVector<Value> inits(loop.getInits());
  inits.push_back(arith::ConstantOp::create(b, loc, b.getBoolAttr(false)));
  SmallVector<Type> types(loop.getResultTypes());
  types.push_back(i1);
  auto carrying = scf::WhileOp::create(b, loc, types, inits);
  carrying.getBefore().takeBody(loop.getBefore());
  carrying.getAfter().takeBody(loop.getAfter());

  // A check in the condition's own computation ends the loop at once.
  Block &condBlock = carrying.getBefore().front();
  Value left = condBlock.addArgument(i1, loc);
  auto condition = carrying.getConditionOp();
  Value failed = recordedInRun(b, module, condBlock, condition, leaving);
  Value one = arith::ConstantOp::create(b, loc, b.getBoolAttr(true));
  Value stop = arith::OrIOp::create(b, loc, left, failed);
  Value going = arith::AndIOp::create(b, loc, condition.getCondition(),
                                      arith::XOrIOp::create(b, loc, stop, one));
  condition.getConditionMutable().assign(going);
  condition.getArgsMutable().append(left);

  Block &body = carrying.getAfter().front();
  body.addArgument(i1, loc);
  Operation *yield = body.getTerminator();
  Value trip = recordedInRun(b, module, body, yield, leaving);
  Value leaves = arith::OrIOp::create(b, loc, before, trip);
  yield->insertOperands(yield->getNumOperands(), leaves);

  loop.replaceAllUsesWith(carrying.getResults().drop_back());
  loop.erase();
  return carrying;
}

struct LeaveLoopsOnExceptionPass : impl::LeaveLoopsOnExceptionPassBase<LeaveLoopsOnExceptionPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (!mayRecordException(module))
      return;
    // Inner loops first: an outer loop reads their flags.
    SmallVector<scf::WhileOp> loops;
    module.walk([&](scf::WhileOp loop) { loops.push_back(loop); });
    DenseSet<Operation *> leaving;
    for (scf::WhileOp loop : loops)
      leaving.insert(leaveOnException(module, loop, leaving));
  }
};

} // namespace
} // namespace dy2st
