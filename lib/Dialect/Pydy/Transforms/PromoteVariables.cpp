// Named Python variables to SSA values, for structured pydy control flow.
//
// Two walks over each function. A backward liveness walk over variable names
// finds, for each `if` and loop, which names are live after it and at its
// header. The forward walk then threads exactly the assigned-and-live names
// through `pydy.if` results and loop-carried values, so temporaries of a loop
// body never become loop state.
#include "Dy2St/Dialect/Pydy/Passes.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/StringSet.h"

namespace mlir::pydy {
#define GEN_PASS_DEF_PROMOTEVARIABLESPASS
#include "Dy2St/Dialect/Pydy/Passes.h.inc"

namespace {

using NameSet = llvm::StringSet<>;

static void unite(NameSet &into, const NameSet &from) {
  for (const auto &entry : from)
    into.insert(entry.getKey());
}

static bool sameNames(const NameSet &a, const NameSet &b) {
  if (a.size() != b.size())
    return false;
  for (const auto &entry : a)
    if (!b.contains(entry.getKey()))
      return false;
  return true;
}

/// Backward liveness of variable names over structured pydy regions.
class VariableLiveness {
public:
  llvm::DenseMap<Operation *, NameSet> liveAfter;
  llvm::DenseMap<Operation *, NameSet> liveAtHeader;

  NameSet liveBefore(Block &block, NameSet live) {
    for (Operation &op : llvm::reverse(block))
      live = liveBefore(&op, std::move(live));
    return live;
  }

private:
  NameSet liveBefore(Operation *op, NameSet live) {
    if (auto store = dyn_cast<StoreOp>(op)) {
      live.erase(store.getName());
      return live;
    }
    if (auto load = dyn_cast<LoadOp>(op)) {
      live.insert(load.getName());
      return live;
    }
    if (auto ifOp = dyn_cast<IfOp>(op)) {
      liveAfter[op] = live;
      NameSet result = liveBefore(ifOp.getThenRegion().front(), live);
      unite(result, liveBefore(ifOp.getElseRegion().front(), live));
      return result;
    }
    if (auto whileOp = dyn_cast<WhileOp>(op)) {
      liveAfter[op] = live;
      NameSet header;
      while (true) {
        NameSet out = live;
        unite(out, liveBefore(whileOp.getAfter().front(), header));
        NameSet next = liveBefore(whileOp.getBefore().front(), out);
        if (sameNames(next, header))
          break;
        header = std::move(next);
      }
      liveAtHeader[op] = header;
      return header;
    }
    if (isa<ForRangeOp, ForInOp>(op)) {
      liveAfter[op] = live;
      Block &body = op->getRegion(0).front();
      NameSet header = live;
      while (true) {
        NameSet next = liveBefore(body, header);
        unite(next, live);
        if (sameNames(next, header))
          break;
        header = std::move(next);
      }
      liveAtHeader[op] = header;
      return header;
    }
    if (auto logical = dyn_cast<LogicalOp>(op)) {
      // The right operand runs only sometimes: what it reads is live before,
      // and so is what is live after. Its own temporaries (see promoteNested)
      // need the liveness of the branches inside it.
      NameSet inside = liveBefore(logical.getRhs().front(), live);
      unite(inside, live);
      return inside;
    }
    // A lambda reads variables but cannot assign them.
    op->walk([&](LoadOp load) { live.insert(load.getName()); });
    return live;
  }
};

struct Binding {
  Value value;
  Location assignLoc;
  /// Unassigned on some path that reaches here.
  bool partial = false;
};
using Env = llvm::StringMap<Binding>;

class Promoter {
public:
  Promoter(FuncOp func) : func(func) {}

  LogicalResult run() {
    Block &body = func.getBody().front();
    liveness.liveBefore(body, {});
    // Order results by first assignment, so the IR reads like the source.
    func.walk([&](StoreOp store) { firstAssign.try_emplace(store.getName(), firstAssign.size()); });
    Env env;
    for (BlockArgument arg : body.getArguments())
      env.insert({func.getArgName(arg.getArgNumber()), Binding{arg, func.getLoc()}});
    return promote(body, env);
  }

private:
  FuncOp func;
  VariableLiveness liveness;
  llvm::StringMap<unsigned> firstAssign;

  SmallVector<std::string> sorted(const NameSet &names) {
    SmallVector<std::string> result;
    for (const auto &entry : names)
      result.push_back(entry.getKey().str());
    llvm::sort(result, [&](const std::string &a, const std::string &b) {
      return firstAssign.lookup(a) < firstAssign.lookup(b);
    });
    return result;
  }

  static Location firstStoreLoc(Operation *op, StringRef name) {
    Location loc = op->getLoc();
    op->walk<WalkOrder::PreOrder>([&](StoreOp store) {
      if (store.getName() != name)
        return WalkResult::advance();
      loc = store.getLoc();
      return WalkResult::interrupt();
    });
    return loc;
  }

  Value undef(OpBuilder &b, Location loc, StringRef name) {
    return UndefOp::create(b, loc, ObjectType::get(b.getContext()), name);
  }

  LogicalResult promote(Block &block, Env &env) {
    SmallVector<Operation *> ops;
    for (Operation &op : block)
      ops.push_back(&op);
    for (Operation *op : ops)
      if (failed(promote(op, env)))
        return failure();
    return success();
  }

  LogicalResult promote(Operation *op, Env &env) {
    if (auto store = dyn_cast<StoreOp>(op)) {
      env.insert_or_assign(store.getName(), Binding{store.getValue(), store.getLoc()});
      store.erase();
      return success();
    }
    if (auto load = dyn_cast<LoadOp>(op)) {
      auto it = env.find(load.getName());
      if (it == env.end() || it->second.partial) {
        // Reported by specialization only if this read remains: a branch
        // that folds away may read what only the other branch assigns. A
        // `checked` read is tested at run time instead.
        OpBuilder b(load);
        if (!load.getChecked()) {
          std::string message;
          llvm::raw_string_ostream os(message);
          os << describeVariable(load.getName()) << " ";
          LocationAttr note;
          if (it == env.end()) {
            os << "is used before it is assigned";
          } else {
            os << "may be undefined here: it is not assigned on every path that reaches this "
                  "use";
            note = it->second.assignLoc;
          }
          UnsupportedOp::create(b, load.getLoc(), message, /*syntax=*/false, note);
        }
        load.replaceAllUsesWith(it == env.end() ? undef(b, load.getLoc(), load.getName())
                                                : it->second.value);
        load.erase();
        return success();
      }
      load.replaceAllUsesWith(it->second.value);
      load.erase();
      return success();
    }
    if (isa<BreakOp, ContinueOp>(op) || (isa<ReturnOp>(op) && op->getParentOp() != func))
      return op->emitError() << "'" << op->getName().stripDialect()
                             << "' inside a branch or loop must be lowered by pydy-lower-exits "
                                "before promotion";
    if (auto ifOp = dyn_cast<IfOp>(op))
      return promoteIf(ifOp, env);
    if (auto whileOp = dyn_cast<WhileOp>(op))
      return promoteWhile(whileOp, env);
    if (isa<ForRangeOp, ForInOp>(op))
      return promoteFor(op, env);
    if (auto logical = dyn_cast<LogicalOp>(op))
      return promoteNested(logical, logical.getRhs().front(), env, {});
    if (auto lambda = dyn_cast<LambdaOp>(op))
      return promoteNested(lambda, lambda.getBody().front(), env, lambda.getParams());
    return success();
  }

  /// Regions that may read enclosing variables but not assign them.
  LogicalResult promoteNested(Operation *op, Block &block, const Env &env,
                              ArrayAttr params) {
    Env inner = env;
    if (params)
      for (auto [name, arg] : llvm::zip(params.getAsValueRange<StringAttr>(),
                                        block.getArguments()))
        inner.insert_or_assign(name, Binding{arg, op->getLoc()});
    // Checked before promotion, which takes a store for a local of the
    // region: one of a variable read outside it too would leave that
    // variable silently keeping its value. A variable only the region reads
    // (an `and`/`or` of a while condition that pydy-lower-exits moved into
    // one, with its `boolop.N`) is the region's own.
    llvm::StringSet<> stored;
    op->walk([&](StoreOp store) { stored.insert(store.getName()); });
    auto readOutside = [&] {
      return func
          .walk([&](LoadOp load) {
            return stored.contains(load.getName()) && !op->isAncestor(load)
                       ? WalkResult::interrupt()
                       : WalkResult::advance();
          })
          .wasInterrupted();
    };
    // (Most regions assign nothing: the function is walked only for one that does.)
    if (!stored.empty() && readOutside())
      return op->emitError("assignments inside this expression are not supported");
    return promote(block, inner);
  }

  LogicalResult promoteIf(IfOp op, Env &env) {
    Env thenEnv = env, elseEnv = env;
    Block &thenBlock = op.getThenRegion().front();
    Block &elseBlock = op.getElseRegion().front();
    if (failed(promote(thenBlock, thenEnv)) || failed(promote(elseBlock, elseEnv)))
      return failure();

    const NameSet &live = liveness.liveAfter[op];
    NameSet changed;
    for (Env *branch : {&thenEnv, &elseEnv})
      for (auto &entry : *branch) {
        auto it = env.find(entry.getKey());
        if ((it == env.end() || it->second.value != entry.second.value) &&
            live.contains(entry.getKey()))
          changed.insert(entry.getKey());
      }

    OpBuilder b(op);
    SmallVector<std::string> names = sorted(changed);
    SmallVector<Value> thenValues, elseValues;
    SmallVector<Type> types;
    SmallVector<Binding> bindings;
    for (const std::string &name : names) {
      auto t = thenEnv.find(name), e = elseEnv.find(name);
      // Nothing after the `if` reads what an exited branch left unassigned.
      bool thenCounts = !op.getThenExited(), elseCounts = !op.getElseExited();
      bool partial = (t == thenEnv.end() && thenCounts) || (e == elseEnv.end() && elseCounts);
      Location assignLoc = t != thenEnv.end() ? t->second.assignLoc : e->second.assignLoc;
      auto valueIn = [&](Env &branchEnv, Env::iterator it, Block &block) {
        if (it != branchEnv.end())
          return it->second.value;
        OpBuilder bb = OpBuilder::atBlockTerminator(&block);
        return undef(bb, op.getLoc(), name);
      };
      Value tv = valueIn(thenEnv, t, thenBlock), ev = valueIn(elseEnv, e, elseBlock);
      if (t != thenEnv.end() && thenCounts)
        partial |= t->second.partial;
      if (e != elseEnv.end() && elseCounts)
        partial |= e->second.partial;
      thenValues.push_back(tv);
      elseValues.push_back(ev);
      types.push_back(tv.getType() == ev.getType() ? tv.getType()
                                                   : ObjectType::get(op.getContext()));
      bindings.push_back(Binding{Value(), assignLoc, partial});
    }
    auto newIf = IfOp::create(b, op.getLoc(), types, op.getCondition(),
                              b.getStrArrayAttr(SmallVector<StringRef>(names.begin(), names.end())),
                              op.getThenExited(), op.getElseExited());
    newIf.getThenRegion().takeBody(op.getThenRegion());
    newIf.getElseRegion().takeBody(op.getElseRegion());
    newIf.getThenRegion().front().getTerminator()->setOperands(thenValues);
    newIf.getElseRegion().front().getTerminator()->setOperands(elseValues);
    op.erase();
    for (auto [i, name] : llvm::enumerate(names)) {
      bindings[i].value = newIf.getResult(i);
      env.insert_or_assign(name, bindings[i]);
    }
    return success();
  }

  /// The names a loop carries: assigned in it, and live at its header or after it.
  SmallVector<std::string> carriedNames(Operation *op) {
    NameSet assigned;
    op->walk([&](StoreOp store) { assigned.insert(store.getName()); });
    NameSet live = liveness.liveAtHeader[op];
    unite(live, liveness.liveAfter[op]);
    NameSet carried;
    for (const auto &entry : assigned)
      if (live.contains(entry.getKey()))
        carried.insert(entry.getKey());
    return sorted(carried);
  }

  /// The loop's initial values; a name unassigned before the loop starts undefined.
  SmallVector<Binding> initialBindings(Operation *op, ArrayRef<std::string> names, Env &env) {
    OpBuilder b(op);
    SmallVector<Binding> inits;
    for (const std::string &name : names) {
      auto it = env.find(name);
      if (it != env.end())
        inits.push_back(it->second);
      else
        inits.push_back(Binding{undef(b, op->getLoc(), name), firstStoreLoc(op, name), true});
    }
    return inits;
  }

  static SmallVector<Value> valuesOf(ArrayRef<Binding> bindings) {
    return llvm::map_to_vector(bindings, [](const Binding &b) { return b.value; });
  }

  /// Binds `names` to the block's trailing arguments, added here.
  static void bindArguments(Block &block, ArrayRef<std::string> names,
                            ArrayRef<Binding> from, Env &env, Location loc) {
    for (auto [name, binding] : llvm::zip(names, from)) {
      BlockArgument arg = block.addArgument(ObjectType::get(loc.getContext()), loc);
      env.insert_or_assign(name, Binding{arg, binding.assignLoc, binding.partial});
    }
  }

  LogicalResult promoteWhile(WhileOp op, Env &env) {
    SmallVector<std::string> names = carriedNames(op);
    SmallVector<Binding> inits = initialBindings(op, names, env);
    OpBuilder b(op);
    SmallVector<Type> types(names.size(), ObjectType::get(op.getContext()));
    auto newWhile = WhileOp::create(
        b, op.getLoc(), types, valuesOf(inits),
        b.getStrArrayAttr(SmallVector<StringRef>(names.begin(), names.end())));
    newWhile.getBefore().takeBody(op.getBefore());
    newWhile.getAfter().takeBody(op.getAfter());
    op.erase();

    Block &before = newWhile.getBefore().front();
    Env beforeEnv = env;
    bindArguments(before, names, inits, beforeEnv, newWhile.getLoc());
    if (failed(promote(before, beforeEnv)))
      return failure();
    SmallVector<Binding> atCondition;
    for (const std::string &name : names)
      atCondition.push_back(beforeEnv.find(name)->second);
    cast<ConditionOp>(before.getTerminator()).getArgsMutable().append(valuesOf(atCondition));

    Block &after = newWhile.getAfter().front();
    Env afterEnv = env;
    bindArguments(after, names, atCondition, afterEnv, newWhile.getLoc());
    if (failed(promote(after, afterEnv)))
      return failure();
    SmallVector<Value> yielded;
    for (const std::string &name : names)
      yielded.push_back(afterEnv.find(name)->second.value);
    after.getTerminator()->setOperands(yielded);

    for (auto [i, name] : llvm::enumerate(names))
      env.insert_or_assign(name, Binding{newWhile.getResult(i), atCondition[i].assignLoc,
                                         atCondition[i].partial});
    return success();
  }

  LogicalResult promoteFor(Operation *op, Env &env) {
    SmallVector<std::string> names = carriedNames(op);
    SmallVector<Binding> inits = initialBindings(op, names, env);
    OpBuilder b(op);
    SmallVector<Type> types(names.size(), ObjectType::get(op->getContext()));
    ArrayAttr namesAttr = b.getStrArrayAttr(SmallVector<StringRef>(names.begin(), names.end()));
    Operation *newLoop;
    if (auto range = dyn_cast<ForRangeOp>(op))
      newLoop = ForRangeOp::create(b, op->getLoc(), types, range.getStart(), range.getStop(),
                                   range.getStep(), valuesOf(inits), namesAttr);
    else
      newLoop = ForInOp::create(b, op->getLoc(), types, cast<ForInOp>(op).getIterable(),
                                valuesOf(inits), namesAttr,
                                cast<ForInOp>(op).getEnumerateAttr());
    newLoop->getRegion(0).takeBody(op->getRegion(0));
    op->erase();

    Block &body = newLoop->getRegion(0).front();
    Env bodyEnv = env;
    bindArguments(body, names, inits, bodyEnv, newLoop->getLoc());
    if (failed(promote(body, bodyEnv)))
      return failure();
    SmallVector<Value> yielded;
    for (const std::string &name : names)
      yielded.push_back(bodyEnv.find(name)->second.value);
    body.getTerminator()->setOperands(yielded);
    // The body may run zero times: a name undefined before stays maybe-undefined.
    for (auto [i, name] : llvm::enumerate(names))
      env.insert_or_assign(name, Binding{newLoop->getResult(i), inits[i].assignLoc,
                                         inits[i].partial});
    return success();
  }
};

struct PromoteVariablesPass
    : impl::PromoteVariablesPassBase<PromoteVariablesPass> {
  void runOnOperation() override {
    for (FuncOp func : getOperation().getOps<FuncOp>())
      if (failed(Promoter(func).run()))
        return signalPassFailure();
  }
};

} // namespace
} // namespace mlir::pydy
