// break / continue / return inside branches and loops, lowered to flag
// variables and guards on the named-variable form (see Passes.td).
#include "Dy2St/Dialect/Pydy/Passes.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/SetVector.h"

namespace mlir::pydy {
#define GEN_PASS_DEF_LOWEREXITSPASS
#include "Dy2St/Dialect/Pydy/Passes.h.inc"

namespace {

constexpr llvm::StringLiteral kReturnFlag = "return.flag";
constexpr llvm::StringLiteral kReturnValue = "return.value";

/// The exits a piece of code may take, and whether it always takes one.
struct Exits {
  bool breaks = false, continues = false, returns = false;
  bool always = false;
  bool any() const { return breaks || continues || returns; }
  Exits &operator|=(const Exits &o) {
    breaks |= o.breaks;
    continues |= o.continues;
    returns |= o.returns;
    return *this;
  }
};

struct Loop {
  std::string breakFlag, continueFlag;
  bool breaks = false, continues = false;
};

class ExitLowering {
public:
  explicit ExitLowering(FuncOp func) : func(func) {}

  void run() {
    Block &body = func.getBody().front();
    auto finalReturn = cast<ReturnOp>(body.back());
    bool nestedReturns = false, loopExits = false;
    func.walk([&](Operation *op) {
      nestedReturns |= isa<ReturnOp>(op) && op != finalReturn;
      loopExits |= isa<BreakOp, ContinueOp>(op);
    });
    if (!nestedReturns && !loopExits)
      return;
    if (!nestedReturns) {
      keep = finalReturn;
      lower(body, nullptr);
      return;
    }
    // Every return, the final one included, assigns `return.value`; the
    // function returns it at its end.
    Location loc = func.getLoc();
    OpBuilder b = OpBuilder::atBlockBegin(&body);
    storeBool(b, loc, kReturnFlag, false);
    store(b, loc, kReturnValue, UndefOp::create(b, loc, object(), kReturnValue));
    b.setInsertionPoint(finalReturn);
    store(b, finalReturn.getLoc(), kReturnValue, returnedValue(b, finalReturn));
    finalReturn.erase();
    lower(body, nullptr);
    b.setInsertionPointToEnd(&body);
    ReturnOp::create(b, loc, load(b, loc, kReturnValue));
  }

private:
  FuncOp func;
  Operation *keep = nullptr;
  unsigned loops = 0;

  Type object() { return ObjectType::get(func.getContext()); }

  Value load(OpBuilder &b, Location loc, StringRef name) {
    return LoadOp::create(b, loc, object(), name);
  }
  void store(OpBuilder &b, Location loc, StringRef name, Value v) {
    StoreOp::create(b, loc, name, v);
  }
  void storeBool(OpBuilder &b, Location loc, StringRef name, bool v) {
    store(b, loc, name, ConstantOp::create(b, loc, b.getBoolAttr(v)));
  }
  Value returnedValue(OpBuilder &b, ReturnOp op) {
    if (op.getValue())
      return op.getValue();
    return ConstantOp::create(b, op.getLoc(), b.getUnitAttr());
  }

  /// `not (flag or flag ...)` for the flags that `exits` may have set.
  Value stillRunning(OpBuilder &b, Location loc, const Exits &exits, Loop *loop) {
    SmallVector<StringRef> flags;
    if (exits.breaks)
      flags.push_back(loop->breakFlag);
    if (exits.continues)
      flags.push_back(loop->continueFlag);
    if (exits.returns)
      flags.push_back(kReturnFlag);
    Value any = load(b, loc, flags.front());
    for (StringRef flag : ArrayRef(flags).drop_front()) {
      auto either = LogicalOp::create(b, loc, object(), LogicalKind::Or, any);
      OpBuilder inner = OpBuilder::atBlockEnd(&either.getRhs().emplaceBlock());
      YieldOp::create(inner, loc, ValueRange{load(inner, loc, flag)});
      any = either;
    }
    return UnaryOp::create(b, loc, object(), UnaryKind::Not, any);
  }

  /// Whether `ret` is the exit after a raise (it returns the importer's
  /// `pydy.undef "raised"`).
  static bool isRaiseExit(ReturnOp ret) {
    auto undef = ret.getValue() ? ret.getValue().getDefiningOp<UndefOp>() : UndefOp();
    return undef && undef.getName() == "raised";
  }

  /// Whether every `return` in `block` is the exit after a raise.
  static bool onlyRaisesReturn(Block &block) {
    WalkResult walk = block.walk([](ReturnOp ret) {
      return isRaiseExit(ret) ? WalkResult::advance() : WalkResult::interrupt();
    });
    return !walk.wasInterrupted();
  }

  static Block::iterator bodyEnd(Block &block) {
    if (!block.empty() && block.back().hasTrait<OpTrait::IsTerminator>())
      return Block::iterator(&block.back());
    return block.end();
  }

  /// Moves the ops of `block` from `from` on (but its terminator) into an
  /// `if` that runs them only while none of `exits` happened; its block.
  Block &guardRest(Block &block, Block::iterator from, Location loc, const Exits &exits,
                   Loop *loop) {
    OpBuilder b(&block, from);
    auto guard = IfOp::create(b, loc, TypeRange{}, stillRunning(b, loc, exits, loop), ArrayAttr(),
                              /*then_exited=*/false, /*else_exited=*/true);
    Block &then = guard.getThenRegion().emplaceBlock();
    then.getOperations().splice(then.end(), block.getOperations(), from, bodyEnd(block));
    OpBuilder atEnd = OpBuilder::atBlockEnd(&then);
    YieldOp::create(atEnd, loc);
    atEnd.setInsertionPointToEnd(&guard.getElseRegion().emplaceBlock());
    if (exits.returns && !exits.breaks && !exits.continues)
      forgetOnReturn(then, atEnd, loc);
    YieldOp::create(atEnd, loc);
    return then;
  }

  /// On the path where the function returned, what the guarded code assigns
  /// is never read again (the returned value and the flags aside): `undef`
  /// there, so that a variable the code changes in type (a reshape) joins
  /// with the type it gets where the code ran rather than failing to.
  void forgetOnReturn(Block &guarded, OpBuilder &onReturn, Location loc) {
    llvm::SetVector<StringRef> assigned;
    guarded.walk([&](StoreOp store) { assigned.insert(store.getName()); });
    for (StringRef name : assigned)
      if (name != kReturnValue && name != kReturnFlag && !name.starts_with("break.") &&
          !name.starts_with("continue."))
        store(onReturn, loc, name, UndefOp::create(onReturn, loc, object(), name));
  }

  /// Lowers the exits in `block`; code after an exit that may happen is
  /// guarded, code after one that always happens is dropped.
  Exits lower(Block &block, Loop *loop) {
    Exits exits;
    for (auto it = block.begin(); it != bodyEnd(block);) {
      Operation *op = &*it++;
      Exits e = lowerOp(op, loop);
      exits |= e;
      if (e.always) {
        // Dead code; users go before what they use.
        SmallVector<Operation *> dead;
        for (; it != bodyEnd(block); ++it)
          dead.push_back(&*it);
        for (Operation *op : llvm::reverse(dead))
          op->erase();
        exits.always = true;
        return exits;
      }
      if (!e.any() || it == bodyEnd(block))
        continue;
      exits |= lower(guardRest(block, it, it->getLoc(), e, loop), loop);
      return exits;
    }
    return exits;
  }

  Exits lowerOp(Operation *op, Loop *loop) {
    if (op == keep)
      return {};
    OpBuilder b(op);
    Location loc = op->getLoc();
    if (isa<BreakOp>(op)) {
      loop->breaks = true;
      storeBool(b, loc, loop->breakFlag, true);
      op->erase();
      return Exits{true, false, false, true};
    }
    if (isa<ContinueOp>(op)) {
      loop->continues = true;
      storeBool(b, loc, loop->continueFlag, true);
      op->erase();
      return Exits{false, true, false, true};
    }
    if (auto ret = dyn_cast<ReturnOp>(op)) {
      store(b, loc, kReturnValue, returnedValue(b, ret));
      storeBool(b, loc, kReturnFlag, true);
      op->erase();
      return Exits{false, false, true, true};
    }
    if (auto ifOp = dyn_cast<IfOp>(op)) {
      Exits t = lower(ifOp.getThenRegion().front(), loop);
      Exits e = lower(ifOp.getElseRegion().front(), loop);
      if (t.always)
        ifOp.setThenExited(true);
      if (e.always)
        ifOp.setElseExited(true);
      Exits both = t;
      both |= e;
      both.always = t.always && e.always;
      return both;
    }
    if (isa<WhileOp, ForRangeOp, ForInOp>(op))
      return lowerLoop(op);
    return {};
  }

  /// The returns in a while's condition (the exits after a raise in a call
  /// it makes: `while check(x):`), where no variable can be assigned: the
  /// condition is false once the call raised (the code after the raise in
  /// the condition runs on with safe values, printing nothing), and after
  /// the loop the function returns if it did. Whether there were any.
  bool lowerConditionReturns(WhileOp whileOp) {
    Block &before = whileOp.getBefore().front();
    SmallVector<ReturnOp> returns;
    before.walk([&](ReturnOp ret) {
      if (isRaiseExit(ret))
        returns.push_back(ret);
    });
    for (ReturnOp ret : returns) {
      Operation *undef = ret.getValue().getDefiningOp();
      ret.erase();
      if (undef->use_empty())
        undef->erase();
    }
    if (returns.empty())
      return false;
    auto condition = cast<ConditionOp>(before.getTerminator());
    Location loc = whileOp.getLoc();
    OpBuilder b(condition);
    auto both = LogicalOp::create(b, loc, object(), LogicalKind::And, condition.getCondition());
    OpBuilder rhs = OpBuilder::atBlockEnd(&both.getRhs().emplaceBlock());
    Value raised = RaisedOp::create(rhs, loc, rhs.getI1Type());
    YieldOp::create(rhs, loc,
                    ValueRange{UnaryOp::create(rhs, loc, object(), UnaryKind::Not, raised)});
    condition.getConditionMutable().assign(both.getResult());

    b.setInsertionPointAfter(whileOp);
    auto exited = IfOp::create(b, loc, TypeRange{}, RaisedOp::create(b, loc, b.getI1Type()),
                               ArrayAttr(), /*then_exited=*/true, /*else_exited=*/false);
    OpBuilder then = OpBuilder::atBlockEnd(&exited.getThenRegion().emplaceBlock());
    store(then, loc, kReturnValue, UndefOp::create(then, loc, object(), "raised"));
    storeBool(then, loc, kReturnFlag, true);
    YieldOp::create(then, loc);
    then.setInsertionPointToEnd(&exited.getElseRegion().emplaceBlock());
    YieldOp::create(then, loc);
    return true;
  }

  Exits lowerLoop(Operation *op) {
    unsigned id = ++loops;
    Loop loop{"break." + std::to_string(id), "continue." + std::to_string(id)};
    Region &bodyRegion = isa<WhileOp>(op) ? cast<WhileOp>(op).getAfter() : op->getRegion(0);
    Block &body = bodyRegion.front();
    bool onlyRaises = !isa<WhileOp>(op) && onlyRaisesReturn(body);
    bool conditionReturns = isa<WhileOp>(op) && lowerConditionReturns(cast<WhileOp>(op));
    Exits exits = lower(body, &loop);
    // (The condition stops the loop itself after a return in it.)
    Exits afterLoop{false, false, exits.returns || conditionReturns, false};
    Location loc = op->getLoc();
    bool ends = loop.breaks || exits.returns;
    // `for x in container` unrolls over a Python list or tuple (whose items
    // need not share a type, so they cannot be read at a runtime index), and a
    // `for range` that returns only by raising keeps its form (it may
    // unroll): after a break or return, the remaining iterations do nothing.
    bool keepsForm = ends && (isa<ForInOp>(op) || (onlyRaises && !loop.breaks));
    if (keepsForm)
      guardRest(body, body.begin(), loc, Exits{loop.breaks, false, exits.returns, false}, &loop);
    if (loop.continues) {
      OpBuilder b = OpBuilder::atBlockBegin(&body);
      storeBool(b, loc, loop.continueFlag, false);
    }
    if (loop.breaks) {
      OpBuilder b(op);
      storeBool(b, loc, loop.breakFlag, false);
    }
    if (!ends)
      return afterLoop;
    if (keepsForm)
      return afterLoop;
    WhileOp whileOp = dyn_cast<WhileOp>(op);
    if (!whileOp)
      whileOp = toWhile(op, id);
    // The loop runs on while no break or return happened and its own
    // condition holds (tested second, so it is not evaluated after an exit).
    Block &before = whileOp.getBefore().front();
    auto condition = cast<ConditionOp>(before.getTerminator());
    OpBuilder b = OpBuilder::atBlockBegin(&before);
    Exits stops{loop.breaks, false, exits.returns, false};
    Value running = stillRunning(b, loc, stops, &loop);
    auto both = LogicalOp::create(b, loc, object(), LogicalKind::And, running);
    Block &rhs = both.getRhs().emplaceBlock();
    rhs.getOperations().splice(rhs.end(), before.getOperations(),
                               std::next(Block::iterator(both)), Block::iterator(condition));
    OpBuilder atEnd = OpBuilder::atBlockEnd(&rhs);
    YieldOp::create(atEnd, loc, ValueRange{condition.getCondition()});
    condition.getConditionMutable().assign(both.getResult());
    return afterLoop;
  }

  /// A `for` loop as a `while` over a counter variable, so that flags can end
  /// it early. `for x in it` walks `it[0]`, ..., `it[len(it) - 1]`.
  WhileOp toWhile(Operation *op, unsigned id) {
    Location loc = op->getLoc();
    std::string counter = "for." + std::to_string(id);
    OpBuilder b(op);
    auto range = dyn_cast<ForRangeOp>(op);
    auto forIn = dyn_cast<ForInOp>(op);
    Value start = range ? range.getStart() : ConstantOp::create(b, loc, b.getI64IntegerAttr(0));
    Value step = range ? range.getStep() : ConstantOp::create(b, loc, b.getI64IntegerAttr(1));
    Value stop = range ? range.getStop()
                       : LenOp::create(b, loc, object(), forIn.getIterable()).getResult();
    store(b, loc, counter, start);
    auto whileOp = WhileOp::create(b, loc, TypeRange{}, ValueRange{}, ArrayAttr());

    // Condition: step > 0 ? i < stop : i > stop, as range() does.
    OpBuilder cb = OpBuilder::atBlockEnd(&whileOp.getBefore().emplaceBlock());
    Value i = load(cb, loc, counter);
    Value more;
    if (range) {
      Value zero = ConstantOp::create(cb, loc, cb.getI64IntegerAttr(0));
      Value up = CompareOp::create(cb, loc, object(), CompareKind::gt, step, zero);
      auto upward = LogicalOp::create(cb, loc, object(), LogicalKind::And, up);
      {
        OpBuilder r = OpBuilder::atBlockEnd(&upward.getRhs().emplaceBlock());
        YieldOp::create(r, loc,
                        ValueRange{CompareOp::create(r, loc, object(), CompareKind::lt, i, stop)});
      }
      auto either = LogicalOp::create(cb, loc, object(), LogicalKind::Or, upward);
      {
        OpBuilder r = OpBuilder::atBlockEnd(&either.getRhs().emplaceBlock());
        Value down = UnaryOp::create(r, loc, object(), UnaryKind::Not, up);
        auto downward = LogicalOp::create(r, loc, object(), LogicalKind::And, down);
        OpBuilder d = OpBuilder::atBlockEnd(&downward.getRhs().emplaceBlock());
        YieldOp::create(d, loc,
                        ValueRange{CompareOp::create(d, loc, object(), CompareKind::gt, i, stop)});
        YieldOp::create(r, loc, ValueRange{downward.getResult()});
      }
      more = either;
    } else {
      more = CompareOp::create(cb, loc, object(), CompareKind::lt, i, stop);
    }
    ConditionOp::create(cb, loc, more, ValueRange{});

    // Body: the item, then the counter's next value (before the body, so a
    // `continue` does not skip it), then the loop's own body.
    Block &oldBody = op->getRegion(0).front();
    Block &body = whileOp.getAfter().emplaceBlock();
    OpBuilder bb = OpBuilder::atBlockEnd(&body);
    Value current = load(bb, loc, counter);
    Value item = current;
    if (forIn) {
      item = SubscriptOp::create(bb, loc, object(), forIn.getIterable(), current);
      if (forIn.getEnumerate())
        item = TupleOp::create(bb, loc, object(), ValueRange{current, item});
    }
    store(bb, loc, counter, BinaryOp::create(bb, loc, object(), BinaryKind::add, current, step));
    oldBody.getArgument(0).replaceAllUsesWith(item);
    body.getOperations().splice(body.end(), oldBody.getOperations(), oldBody.begin(),
                                bodyEnd(oldBody));
    YieldOp::create(bb, loc);
    op->erase();
    return whileOp;
  }
};

struct LowerExitsPass : impl::LowerExitsPassBase<LowerExitsPass> {
  void runOnOperation() override {
    for (FuncOp func : getOperation().getOps<FuncOp>())
      ExitLowering(func).run();
  }
};

} // namespace
} // namespace mlir::pydy
