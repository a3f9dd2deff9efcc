// Specialization of a pydy function to an input signature.
//
// A forward walk in program order gives every value a concrete type and folds
// what is static. Python-valued conditions fold, and their `pydy.if` is
// replaced by the branch taken, before the ops after it are typed, so the
// untaken branch is never typed at all (just as Python never runs it). Loops
// are typed to a fixpoint: carried types start from the initial values and are
// joined with what the body yields; when the join widens a type, the body is
// restored from a pristine copy and typed again, so no fold that relied on a
// narrower type survives.
#include "Indexing.h"

#include "Dy2St/Dialect/Pydy/Library.h"
#include "Dy2St/Dialect/Pydy/Passes.h"
#include "Dy2St/Dialect/Pydy/TypeRules.h"
#include "Dy2St/Dialect/TensorArray/TensorArrayDialect.h"
#include "Dy2St/Support/FormatSpec.h"
#include "Dy2St/Support/PythonFormat.h"

#include "mlir/AsmParser/AsmParser.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Iterators.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringSet.h"

#include <deque>
#include <functional>

namespace mlir::pydy {
#define GEN_PASS_DEF_SPECIALIZEPASS
#include "Dy2St/Dialect/Pydy/Passes.h.inc"

namespace {

constexpr int kMaxLoopIterations = 16;

static Attribute constantOf(Value v) {
  Attribute attr;
  if (matchPattern(v, m_Constant(&attr)))
    return attr;
  return {};
}

static bool isIntScalar(Type t) { return t.isInteger(1) || t.isInteger(64); }

/// The values of a print or a raise message: tensors, numbers and constant
/// texts; a format spec applies to numbers, texts and 0-d tensors only (an
/// eager tensor of higher rank rejects it: Paddle's `Tensor.__format__`).
static LogicalResult checkFormattedValues(Operation *op, ValueRange values, ArrayAttr formats) {
  for (auto [i, v] : llvm::enumerate(values)) {
    Type t = v.getType();
    bool text = isa<StrType, PyNoneType>(t) && constantOf(v);
    if (!isa<RankedTensorType>(t) && !isPythonScalar(t) && !text)
      return op->emitError() << "formatting " << withArticle(t)
                             << " as text is not supported in compiled code";
    auto tensor = dyn_cast<RankedTensorType>(t);
    std::optional<dy2st::FormatSpec> format;
    if (!formats.empty())
      format = dy2st::parseFormat(cast<StringAttr>(formats[i]).getValue());
    if (tensor && tensor.getRank() > 0 && format && format->hasSpec && !format->conversion)
      return op->emitError() << "a format spec applies to a 0-d tensor, not to "
                             << withArticle(t)
                             << " (unsupported format string passed to Tensor.__format__)";
  }
  return success();
}

/// What a Python callback can be handed: tensors, numbers, and strings or
/// None known when compiling.
static LogicalResult checkCallbackValues(PyCallbackOp op) {
  for (Value v : op.getValues()) {
    Type t = v.getType();
    bool known = isa<StrType, PyNoneType>(t) && constantOf(v);
    if (!isa<RankedTensorType>(t) && !isPythonScalar(t) && !known)
      return op.emitError() << "passing " << withArticle(t)
                            << " to a not_to_static function from compiled code is not "
                               "supported (tensors, numbers, and strings known when "
                               "converting are)";
  }
  return success();
}

static StringRef nameOf(std::optional<ArrayAttr> names, unsigned i) {
  if (names && i < names->size())
    return cast<StringAttr>((*names)[i]).getValue();
  return "";
}

/// The elements of a list, tuple or dict value, as values.
static SmallVector<Value> elementsOf(OpBuilder &b, Location loc, Value sequence) {
  ArrayRef<Type> types = *sequenceElementTypes(sequence.getType());
  Operation *def = sequence.getDefiningOp();
  if (def && isa<ListOp, TupleOp>(def))
    return SmallVector<Value>(def->getOperands());
  if (auto dict = dyn_cast_or_null<DictOp>(def))
    return SmallVector<Value>(dict.getValues());
  // The elements of a literal list or tuple are literals.
  if (auto array = dyn_cast_or_null<ArrayAttr>(constantOf(sequence));
      array && array.size() == types.size()) {
    SmallVector<Value> elements;
    for (Attribute item : array)
      elements.push_back(ConstantOp::create(b, loc, item));
    return elements;
  }
  auto dictType = dyn_cast<DictType>(sequence.getType());
  SmallVector<Value> elements;
  for (auto [k, t] : llvm::enumerate(types)) {
    Value index = dictType ? Value(ConstantOp::create(b, loc, dictType.getKeys()[k]))
                           : Value(ConstantOp::create(b, loc, b.getI64IntegerAttr(k)));
    auto item = SubscriptOp::create(b, loc, t, sequence, index);
    // Folded now (a static dimension of x.shape): later ops read it as a literal.
    SmallVector<OpFoldResult> folded;
    if (succeeded(item->fold(folded)) && folded.size() == 1) {
      if (auto attr = dyn_cast<Attribute>(folded.front())) {
        item.erase();
        elements.push_back(ConstantOp::create(b, loc, attr));
        continue;
      }
    }
    elements.push_back(item);
  }
  return elements;
}

/// The values that flow into result `i` of `op` (an `if` or a loop): the
/// yields of its regions, and a loop's initial value.
static SmallVector<Value> sourcesOf(Operation *op, unsigned i) {
  SmallVector<Value> sources;
  if (auto whileOp = dyn_cast<WhileOp>(op))
    sources.push_back(whileOp.getInits()[i]);
  if (auto forOp = dyn_cast<ForRangeOp>(op))
    sources.push_back(forOp.getInits()[i]);
  for (Region &r : op->getRegions()) {
    Operation *terminator = r.front().getTerminator();
    unsigned skip = isa<ConditionOp>(terminator) ? 1 : 0;
    sources.push_back(terminator->getOperand(skip + i));
  }
  return sources;
}

/// The loop (and carried index) whose block argument `arg` is, if any.
static std::optional<std::pair<Operation *, unsigned>> carriedBy(BlockArgument arg) {
  Operation *loop = arg.getOwner()->getParentOp();
  if (isa<WhileOp>(loop))
    return std::make_pair(loop, arg.getArgNumber());
  if (isa<ForRangeOp>(loop) && arg.getArgNumber() > 0)
    return std::make_pair(loop, arg.getArgNumber() - 1);
  return std::nullopt;
}

/// Whether `value` is undefined or of `type` on every path: a `pydy.undef`,
/// a value of `type` (an undefined one typed already: a None constant in
/// place of an undef), or an `if` or loop result that is one of those on
/// every path. A carried value is when its initial value is (its yields are
/// checked from the loop's result).
static bool undefinedOr(Value value, Type type) {
  if (value.getType() == type || value.getDefiningOp<UndefOp>())
    return true;
  if (!isa<ObjectType>(value.getType()))
    return false;
  if (auto arg = dyn_cast<BlockArgument>(value)) {
    auto carried = carriedBy(arg);
    return carried && undefinedOr(sourcesOf(carried->first, carried->second).front(), type);
  }
  Operation *op = value.getDefiningOp();
  if (!isa<IfOp, WhileOp, ForRangeOp>(op))
    return false;
  return llvm::all_of(sourcesOf(op, cast<OpResult>(value).getResultNumber()),
                      [&](Value source) { return undefinedOr(source, type); });
}

/// Whether `value` is undefined on every path (the return value of code that
/// returns only by raising).
static bool isUndefined(Value value) { return undefinedOr(value, Type()); }

/// The one type of the values that flow into result `i` of `op` on the
/// paths where it is defined (through nested `if`s and loops; a loop's own
/// carried value adds nothing): None where it is defined on none, null
/// where they differ or one is unknown.
static Type definedType(Operation *op, unsigned i) {
  Type found;
  for (Value source : sourcesOf(op, i)) {
    if (isUndefined(source))
      continue;
    Type t = source.getType();
    if (auto arg = dyn_cast<BlockArgument>(source); arg && isa<ObjectType>(t)) {
      auto carried = carriedBy(arg);
      if (carried && carried->first == op && carried->second == i)
        continue;
      return {};
    }
    if (isa<ObjectType>(t)) {
      Operation *inner = source.getDefiningOp();
      if (!isa_and_nonnull<IfOp, WhileOp, ForRangeOp>(inner))
        return {};
      t = definedType(inner, cast<OpResult>(source).getResultNumber());
      if (!t)
        return {};
    }
    if (found && found != t)
      return {};
    found = t;
  }
  return found ? found : PyNoneType::get(op->getContext());
}

static Value castTo(OpBuilder &b, Value value, Type type);

/// Gives an undefined value `type`: the `pydy.undef`s it comes from, and the
/// `if`s and loops it flows through.
static Value typeUndefined(Value value, Type type) {
  std::optional<std::pair<Operation *, unsigned>> flow;
  if (auto arg = dyn_cast<BlockArgument>(value))
    flow = carriedBy(arg);
  else if (Operation *op = value.getDefiningOp(); isa<IfOp, WhileOp, ForRangeOp>(op))
    flow = std::make_pair(op, cast<OpResult>(value).getResultNumber());
  if (!flow) {
    // None is a compile-time value: the undefined one is the constant.
    if (auto undef = value.getDefiningOp<UndefOp>(); undef && isa<PyNoneType>(type)) {
      OpBuilder b(undef);
      Value none = ConstantOp::create(b, undef.getLoc(), b.getUnitAttr());
      undef.getResult().replaceAllUsesWith(none);
      undef.erase();
      return none;
    }
    value.setType(type);
    return value;
  }
  auto [op, i] = *flow;
  // Typed already, or being typed (a yield of the loop's own argument).
  if (op->getResult(i).getType() == type)
    return value;
  op->getResult(i).setType(type);
  // The yields before the initial value: whether a carried argument is
  // undefined is read from the initial value.
  for (Region &r : op->getRegions()) {
    Operation *terminator = r.front().getTerminator();
    unsigned skip = isa<ConditionOp>(terminator) ? 1 : 0;
    OpBuilder tb(terminator);
    terminator->setOperand(skip + i, castTo(tb, terminator->getOperand(skip + i), type));
  }
  if (!isa<IfOp>(op)) {
    unsigned initAt = isa<WhileOp>(op) ? 0 : 3;
    OpBuilder ib(op);
    op->setOperand(initAt + i, castTo(ib, op->getOperand(initAt + i), type));
  }
  for (Region &r : op->getRegions()) {
    if (isa<WhileOp>(op))
      r.front().getArgument(i).setType(type);
    else if (isa<ForRangeOp>(op))
      r.front().getArgument(i + 1).setType(type);
  }
  return value;
}

/// Makes `value` have the joined type `type`: widens a tensor with
/// `tensor.cast`, a number or dtype with `pydy.unary promote`, a container
/// element by element, a list into a tensor array (its items appended) and an
/// array into one of wider items; types a never-read `pydy.undef` (and what
/// carries only it).
static Value castTo(OpBuilder &b, Value value, Type type) {
  if (value.getType() == type)
    return value;
  if (isa<ObjectType>(value.getType()) && undefinedOr(value, type))
    return typeUndefined(value, type);
  if (isa<ObjectType>(value.getType()))
    return value;
  Location loc = value.getLoc();
  if (auto optional = dyn_cast<OptionalType>(type)) {
    Type inner = optional.getValue();
    if (isa<PyNoneType>(value.getType())) {
      Value absent = ConstantOp::create(b, loc, b.getBoolAttr(false));
      return OptionalOp::create(b, loc, type, absent, UndefOp::create(b, loc, inner, "none"));
    }
    if (auto given = dyn_cast<OptionalType>(value.getType())) {
      Value present = IsPresentOp::create(b, loc, b.getI1Type(), value);
      Value held = OptionalValueOp::create(b, loc, given.getValue(), value, /*unchecked=*/true);
      return OptionalOp::create(b, loc, type, present, castTo(b, held, inner));
    }
    Value present = ConstantOp::create(b, loc, b.getBoolAttr(true));
    return OptionalOp::create(b, loc, type, present, castTo(b, value, inner));
  }
  if (auto array = dyn_cast<tensor_array::ArrayType>(type)) {
    if (isa<tensor_array::ArrayType>(value.getType()))
      return tensor_array::CastOp::create(b, loc, type, value);
    Value result = tensor_array::CreateOp::create(b, loc, type, Value());
    for (Value item : elementsOf(b, loc, value))
      result = tensor_array::AppendOp::create(b, loc, result,
                                              castTo(b, item, array.getElementType()));
    return result;
  }
  if (auto elements = sequenceElementTypes(type)) {
    SmallVector<Value> items = elementsOf(b, loc, value);
    for (auto [item, t] : llvm::zip(items, *elements))
      item = castTo(b, item, t);
    if (isa<ListType>(type))
      return ListOp::create(b, loc, type, items);
    if (isa<TupleType>(type))
      return TupleOp::create(b, loc, type, items);
    SmallVector<Value> keys;
    for (StringAttr key : cast<DictType>(type).getKeys())
      keys.push_back(ConstantOp::create(b, loc, key));
    return DictOp::create(b, loc, type, keys, items);
  }
  auto target = dyn_cast<RankedTensorType>(type);
  auto source = dyn_cast<RankedTensorType>(value.getType());
  if (!target || !source || (source.getRank() == 0 && target.getRank() > 0))
    return UnaryOp::create(b, loc, type, UnaryKind::promote, value);
  if (source.getElementType() != target.getElementType())
    value = UnaryOp::create(b, loc, source.clone(target.getElementType()), UnaryKind::promote,
                            value);
  return value.getType() == type ? value : tensor::CastOp::create(b, loc, type, value);
}

/// Whether the loop's body indexes a Python sequence at a computed index.
static bool indexesPythonSequence(ForRangeOp op) {
  WalkResult walk = op.getBody().walk([](SubscriptOp subscript) {
    return sequenceElementTypes(subscript.getValue().getType()) &&
                   !constantOf(subscript.getIndex())
               ? WalkResult::interrupt()
               : WalkResult::advance();
  });
  return walk.wasInterrupted();
}

/// Whether a `for range` loop with constant bounds runs as Python does,
/// unrolled: it carries a Python list, tuple or None (whose type an iteration
/// may change), or its body indexes a Python sequence of the enclosing code
/// with a computed index (a list of numbers has no runtime-indexed form).
static bool runsAsPython(ForRangeOp op) {
  return llvm::any_of(op.getInits().getTypes(),
                      [](Type t) {
                        return sequenceElementTypes(t).has_value() || isa<PyNoneType>(t);
                      }) ||
         indexesPythonSequence(op);
}

/// Whether a loop that `runsAsPython` only because it grows lists of tensors
/// (each carried list empty or of tensors of one dtype and rank, no tuple or
/// None carried, no Python sequence indexed at the loop's index) can stay a
/// loop over tensor arrays.
static bool growsOnlyTensorLists(ForRangeOp op) {
  for (Type t : op.getInits().getTypes()) {
    if (isa<PyNoneType, TupleType, DictType>(t))
      return false;
    if (auto list = dyn_cast<ListType>(t); list && !list.getElementTypes().empty() &&
                                           !arrayItemType(list))
      return false;
  }
  return !indexesPythonSequence(op);
}

/// Whether a value of type `given` may be passed where `declared` is expected.
static bool fitsDeclared(Type given, Type declared) {
  auto g = dyn_cast<RankedTensorType>(given), d = dyn_cast<RankedTensorType>(declared);
  if (!g || !d)
    return given == declared;
  if (g.getElementType() != d.getElementType() || g.getRank() != d.getRank())
    return false;
  for (auto [gd, dd] : llvm::zip(g.getShape(), d.getShape()))
    if (!ShapedType::isDynamic(dd) && gd != dd)
      return false;
  return true;
}

/// A recursive function specialized to argument types (`result` is null
/// while it is being inferred).
// Whether `pydy.raised` is known at `raised`: true where a `pydy.raise` runs
// before it on every path (in its block or an enclosing one), false where no
// raise precedes it in the function at all.
static std::optional<bool> raisedBefore(Operation *raised) {
  for (Operation *at = raised; !isa<FuncOp>(at); at = at->getParentOp())
    for (Operation *before = at->getPrevNode(); before; before = before->getPrevNode())
      if (isa<RaiseOp>(before))
        return true;
  bool anyBefore = false;
  raised->getParentOfType<FuncOp>().walk([&](Operation *inner) {
    if (inner == raised)
      return WalkResult::interrupt();
    anyBefore |= isa<RaiseOp>(inner);
    return WalkResult::advance();
  });
  return anyBefore ? std::nullopt : std::optional<bool>(false);
}

struct Specialization {
  Operation *source;
  SmallVector<Type> args;
  FuncOp func;
  Type result;
};

constexpr size_t kMaxSpecializations = 64;

class Specializer {
public:
  /// With `tolerant`, a value whose type depends on a result still being
  /// inferred gets the unknown type instead of an error: the first pass over a
  /// recursive function, which finds its result type from the paths that
  /// return without recursing.
  /// `templates` are the functions as they were before specialization.
  Specializer(ModuleOp module, const llvm::StringMap<FuncOp> &templates,
              std::deque<Specialization> &specializations, bool tolerant)
      : module(module), templates(templates), specializations(specializations),
        tolerant(tolerant) {}

  LogicalResult run(FuncOp func, ArrayAttr signature) {
    if (failed(applySignature(func, signature)) || failed(specializeFunction(func)))
      return failure();
    // Each copy of a recursive function is typed for real once every copy
    // (mutual recursion included) has its result type; typing one may make
    // more copies.
    for (size_t i = 0; i < specializations.size(); ++i) {
      Specialization &spec = specializations[i];
      FailureOr<Type> actual =
          Specializer(module, templates, specializations, false).specializeFunction(spec.func);
      if (failed(actual))
        return failure();
      if (*actual != spec.result)
        return spec.func.emitError() << "'" << spec.func.getSymName() << "' returns "
                                     << withArticle(spec.result) << " on its base case but "
                                     << withArticle(*actual) << " through recursion";
    }
    return success();
  }

  /// Types the body of `func`, whose arguments are typed; returns its result
  /// type (null for None).
  FailureOr<Type> specializeFunction(FuncOp func) {
    Block &body = func.getBody().front();
    if (failed(specialize(body)))
      return failure();
    eraseDeadOps(func.getBody());
    // Lambdas whose calls were inlined (items of a list of lambdas).
    func.walk([](LambdaOp lambda) {
      if (lambda->use_empty())
        lambda.erase();
    });
    auto ret = cast<ReturnOp>(body.back());
    // A function that only raises (for this signature) returns None.
    if (ret.getValue() && isUndefined(ret.getValue()))
      typeUndefined(ret.getValue(), PyNoneType::get(func.getContext()));
    // A variable that is never read (its reads were in code that folded
    // away) and is bound on no path that survives, or only to values typed
    // already by another flow, takes their type (None where there is none).
    func.walk([&](Operation *op) {
      if (isa<IfOp, WhileOp, ForRangeOp>(op))
        for (OpResult v : op->getResults())
          if (v.use_empty() && isa<ObjectType>(v.getType()))
            if (Type t = definedType(op, v.getResultNumber()))
              typeUndefined(v, t);
    });
    Type resultType = ret.getValue() && !isa<PyNoneType>(ret.getValue().getType())
                          ? ret.getValue().getType()
                          : Type();
    if (tolerant)
      return resultType;
    WalkResult typed = func.walk<WalkOrder::PreOrder>([&](Operation *op) {
      // A lambda left (an item of a list whose calls were inlined) is never
      // called: its body is not typed.
      if (isa<LambdaOp>(op))
        return WalkResult::skip();
      for (Value v : op->getResults())
        if (isa<ObjectType>(v.getType())) {
          op->emitError("dy2st could not infer the type of this value");
          return WalkResult::interrupt();
        }
      return WalkResult::advance();
    });
    if (typed.wasInterrupted())
      return failure();
    SmallVector<Type> results;
    if (resultType)
      results.push_back(resultType);
    func.setFunctionType(FunctionType::get(func.getContext(), body.getArgumentTypes(), results));
    return resultType;
  }

private:
  ModuleOp module;
  const llvm::StringMap<FuncOp> &templates;
  std::deque<Specialization> &specializations;
  bool tolerant;

  static bool unknown(Type t) { return isa<ObjectType>(t); }

  /// A call of a recursive function (the others were inlined): a private
  /// copy of the callee specialized to the argument types, made once per
  /// signature. Its result type comes from a first, tolerant pass in which
  /// recursive results are unknown, so the returns that do not recurse decide
  /// it; `run` types the copy for real at the end.
  LogicalResult specializeCall(CallOp call) {
    FuncOp callee = templates.lookup(call.getCallee());
    if (!callee)
      return call.emitError() << "no function '" << call.getCallee() << "' to call";
    SmallVector<Type> args(call.getArgs().getTypes());
    if (llvm::any_of(args, unknown)) {
      if (!tolerant)
        return call.emitError("dy2st could not infer the type of an argument of this call");
      call.getResult().setType(ObjectType::get(call.getContext()));
      return success();
    }
    auto it = llvm::find_if(specializations, [&](const Specialization &s) {
      return s.source == callee.getOperation() && s.args == args;
    });
    Specialization *spec = it == specializations.end() ? nullptr : &*it;
    if (!spec) {
      if (specializations.size() == kMaxSpecializations)
        return call.emitError() << "recursive calls of '" << callee.getSymName()
                                << "' keep changing argument types; dy2st stops after "
                                << kMaxSpecializations << " specializations";
      OpBuilder b = OpBuilder::atBlockEnd(module.getBody());
      auto copy = cast<FuncOp>(b.clone(*callee));
      // An identifier: it names LLVM functions and GPU kernels too.
      std::string name;
      for (size_t n = specializations.size();; ++n) {
        name = (callee.getSymName() + "_s" + Twine(n)).str();
        if (!module.lookupSymbol(name))
          break;
      }
      copy.setSymName(name);
      copy.setPrivate();
      for (auto [arg, type] : llvm::zip(copy.getBody().front().getArguments(), args))
        arg.setType(type);
      spec = &specializations.emplace_back(
          Specialization{callee.getOperation(), args, copy, Type()});
      auto probe = cast<FuncOp>(copy->clone());
      FailureOr<Type> guess =
          Specializer(module, templates, specializations, true).specializeFunction(probe);
      probe.erase();
      if (failed(guess))
        return failure();
      if (!*guess || unknown(*guess))
        return call.emitError() << "dy2st cannot tell what '" << callee.getSymName()
                                << "' returns: no path returns without a recursive call, or it "
                                   "returns None";
      if (sequenceElementTypes(*guess))
        return call.emitError() << "a recursive function returning "
                                << withArticle(*guess) << " is not supported by dy2st yet";
      spec->result = *guess;
    }
    call.setCalleeAttr(FlatSymbolRefAttr::get(spec->func.getSymNameAttr()));
    call.getResult().setType(spec->result ? spec->result : ObjectType::get(call.getContext()));
    return success();
  }
  LogicalResult applySignature(FuncOp func, ArrayAttr signature) {
    Block &body = func.getBody().front();
    if (signature && signature.size() != body.getNumArguments())
      return func.emitError() << "signature gives " << signature.size() << " arguments but '"
                              << func.getSymName() << "' takes " << body.getNumArguments();
    OpBuilder b = OpBuilder::atBlockBegin(&body);
    for (BlockArgument arg : body.getArguments()) {
      Attribute entry = signature ? signature[arg.getArgNumber()] : Attribute();
      Type declared = arg.getType();
      Type given;
      if (auto typeAttr = dyn_cast_or_null<TypeAttr>(entry)) {
        given = typeAttr.getValue();
      } else if (entry) {
        given = ConstantOp::typeOfLiteral(entry);
        if (!given)
          return func.emitError() << "signature entry " << entry
                                  << " is neither a type nor a Python literal";
      }
      // A declared type (an InputSpec) stays, dynamic dimensions included;
      // the signature must fit it.
      if (given && !isa<ObjectType>(declared) && !fitsDeclared(given, declared))
        return func.emitError() << "argument '" << func.getArgName(arg.getArgNumber())
                                << "' is declared as " << withArticle(declared)
                                << " but the signature gives " << withArticle(given);
      if (given && isa<ObjectType>(declared))
        arg.setType(given);
      if (entry && !isa<TypeAttr>(entry)) {
        // A Python-number argument: compiled for its value.
        Value constant = ConstantOp::create(b, func.getLoc(), entry);
        arg.replaceAllUsesWith(constant);
      }
      if (isa<ObjectType>(arg.getType()))
        return func.emitError() << "argument '" << func.getArgName(arg.getArgNumber())
                                << "' has no type: give a signature";
    }
    return success();
  }

  LogicalResult specialize(Block &block) {
    for (Operation *op = block.empty() ? nullptr : &block.front(); op;) {
      Operation *next = op->getNextNode();
      if (failed(specialize(op, next)))
        return failure();
      op = next;
    }
    return success();
  }

  /// Replaces `op` by the ops of `block` (but its terminator) and the values
  /// the terminator yields; continues the walk with the first moved op.
  static void inlineBlock(Operation *op, Block &block, Operation *&next) {
    Operation *terminator = block.getTerminator();
    SmallVector<Value> yielded(terminator->getOperands());
    Operation *first = &block.front() == terminator ? nullptr : &block.front();
    op->getBlock()->getOperations().splice(Block::iterator(op), block.getOperations(),
                                           block.begin(), Block::iterator(terminator));
    if (first)
      next = first;
    if (op->getNumResults())
      op->replaceAllUsesWith(yielded);
    op->erase();
  }

  LogicalResult checkCondition(Operation *op, Value cond, StringRef construct) {
    Type t = cond.getType();
    if (isPythonScalar(t) || (tolerant && unknown(t)))
      return success();
    auto tensor = dyn_cast<RankedTensorType>(t);
    if (!tensor)
      return op->emitError() << "the condition of '" << construct << "' is "
                             << withArticle(t) << ", which has no truth value in compiled code";
    // A dynamic size is checked at run time (a ValueError unless it is 1).
    if (!tensor.hasStaticShape() &&
        llvm::all_of(tensor.getShape(), [](int64_t d) { return d == 1 || ShapedType::isDynamic(d); }))
      return success();
    if (!tensor.hasStaticShape() || tensor.getNumElements() != 1)
      return op->emitError() << "the condition of '" << construct << "' is "
                             << withArticle(t)
                             << "; a tensor condition must have exactly one element";
    return success();
  }

  /// Python's truth of a value that may be None: false where it is None,
  /// else the truth of the number or one-element tensor it holds (null for
  /// other values: their use reads the value, a TypeError where None).
  static Value optionalTruth(OpBuilder &b, Location loc, Value optional) {
    Type t = cast<OptionalType>(optional.getType()).getValue();
    auto tensor = dyn_cast<RankedTensorType>(t);
    if (!isPythonScalar(t) && !(tensor && tensor.hasStaticShape() && tensor.getNumElements() == 1))
      return {};
    Type i1 = b.getI1Type();
    Value present = IsPresentOp::create(b, loc, i1, optional);
    auto ifOp = IfOp::create(b, loc, TypeRange{i1}, present, ArrayAttr());
    OpBuilder inside = OpBuilder::atBlockBegin(&ifOp.getThenRegion().emplaceBlock());
    Value value = OptionalValueOp::create(inside, loc, t, optional, /*unchecked=*/true);
    Value truth = UnaryOp::create(inside, loc, i1, UnaryKind::to_bool,
                                  containerTruth(inside, loc, value));
    YieldOp::create(inside, loc, ValueRange{truth});
    inside.setInsertionPointToStart(&ifOp.getElseRegion().emplaceBlock());
    YieldOp::create(inside, loc, ValueRange{ConstantOp::create(inside, loc, b.getBoolAttr(false))});
    return ifOp.getResult(0);
  }

  /// Uses of a value that may be None: `is None` / `is not None` test its
  /// flag; any other use (but carrying it on: yields, returns, containers)
  /// reads the value, a TypeError at run time where it is None, as eagerly.
  bool useOptionals(Operation *op) {
    if (auto cmp = dyn_cast<CompareOp>(op);
        cmp && (cmp.getKind() == CompareKind::is || cmp.getKind() == CompareKind::is_not)) {
      Value lhs = cmp.getLhs(), rhs = cmp.getRhs();
      Value optional = isa<OptionalType>(lhs.getType()) ? lhs : rhs;
      Value other = optional == lhs ? rhs : lhs;
      if (isa<OptionalType>(optional.getType()) && isa<PyNoneType>(other.getType())) {
        OpBuilder b(op);
        Value present = IsPresentOp::create(b, op->getLoc(), b.getI1Type(), optional);
        Value result = cmp.getKind() == CompareKind::is_not
                           ? present
                           : Value(UnaryOp::create(b, op->getLoc(), b.getI1Type(),
                                                   UnaryKind::Not, present));
        cmp.getResult().replaceAllUsesWith(result);
        op->erase();
        return true;
      }
    }
    // A condition (`if h:`, `while h and ...:`, `not h`): false where it is None.
    auto unary = dyn_cast<UnaryOp>(op);
    auto logical = dyn_cast<LogicalOp>(op);
    if (isa<IfOp, ConditionOp>(op) || (logical && onlyTruthIsUsed(logical.getResult())) ||
        (unary && (unary.getKind() == UnaryKind::Not || unary.getKind() == UnaryKind::to_bool)))
      if (isa<OptionalType>(op->getOperand(0).getType())) {
        OpBuilder b(op);
        if (Value truth = optionalTruth(b, op->getLoc(), op->getOperand(0)))
          op->setOperand(0, truth);
      }
    if (isa<YieldOp, ConditionOp, ReturnOp, OptionalOp, IsPresentOp, OptionalValueOp, WhileOp,
            ForRangeOp, ForInOp, TupleOp, ListOp, DictOp>(op))
      return false;
    for (OpOperand &operand : op->getOpOperands())
      if (auto optional = dyn_cast<OptionalType>(operand.get().getType())) {
        OpBuilder b(op);
        operand.set(OptionalValueOp::create(b, op->getLoc(), optional.getValue(),
                                            operand.get(), /*unchecked=*/false));
      }
    return false;
  }

  LogicalResult specialize(Operation *op, Operation *&next) {
    if (useOptionals(op))
      return success();
    // Ops of other dialects are made here already typed (casts, tensor arrays).
    if (isa<ConstantOp, YieldOp, ConditionOp, ReturnOp, UndefOp, OptionalOp, IsPresentOp,
            OptionalValueOp>(op) ||
        !isa<PydyDialect>(op->getDialect()))
      return success();
    if (auto call = dyn_cast<CallOp>(op))
      return specializeCall(call);
    // In the tolerant pass, what depends on an unknown value is unknown.
    if (tolerant && !isa<IfOp, WhileOp, ForRangeOp, ForInOp, LogicalOp>(op) &&
        llvm::any_of(op->getOperandTypes(), unknown)) {
      for (Value r : op->getResults())
        r.setType(ObjectType::get(op->getContext()));
      return success();
    }
    if (isa<LoadOp, StoreOp>(op))
      return op->emitError("variables must be promoted (pydy-promote-variables) "
                           "before specialization");
    if (auto global = dyn_cast<GlobalOp>(op))
      return op->emitError() << "name '" << global.getName()
                             << "' is not available in compiled code";
    if (auto ifOp = dyn_cast<IfOp>(op))
      return specializeIf(ifOp, next);
    if (auto whileOp = dyn_cast<WhileOp>(op))
      return specializeLoop(whileOp);
    if (auto forOp = dyn_cast<ForRangeOp>(op)) {
      // Long loops that only grow lists of tensors stay loops over tensor
      // arrays (compile time stays flat in the trip count); the others, and
      // those whose items an array cannot hold (numbers), run as Python,
      // unrolled.
      constexpr size_t kMaxUnrolledArrayLoop = 32;
      if (runsAsPython(forOp))
        if (auto indices = constantRange(forOp)) {
          if (indices->size() <= kMaxUnrolledArrayLoop || !growsOnlyTensorLists(forOp))
            return unrollRange(forOp, *indices, next);
          LogicalResult asLoop = failure();
          {
            ScopedDiagnosticHandler quiet(op->getContext(),
                                          [](Diagnostic &) { return success(); });
            asLoop = specializeLoop(forOp, /*restoreOnFailure=*/true);
          }
          return succeeded(asLoop) ? success() : unrollRange(forOp, *indices, next);
        }
      return specializeLoop(forOp);
    }
    if (auto forIn = dyn_cast<ForInOp>(op))
      return specializeForIn(forIn, next);
    if (auto logical = dyn_cast<LogicalOp>(op))
      return specializeLogical(logical, next);
    if (auto call = dyn_cast<LibCallOp>(op))
      return specializeLibCall(call, next);
    if (auto method = dyn_cast<CallMethodOp>(op))
      return specializeMethod(method, next);
    if (auto setItem = dyn_cast<SetItemOp>(op);
        setItem && isa<RankedTensorType>(setItem.getValue().getType())) {
      FailureOr<Operation *> first = decomposeTensorAssignment(setItem);
      if (failed(first))
        return failure();
      next = *first;
      return success();
    }
    if (auto setItem = dyn_cast<SetItemOp>(op))
      return specializeSetItem(setItem);
    if (auto dict = dyn_cast<DictOp>(op))
      return specializeDict(dict);
    if (auto format = dyn_cast<FormatOp>(op))
      return specializeFormat(format, next);
    if (auto print = dyn_cast<PrintOp>(op)) {
      spliceFormats(op, print.getValuesMutable(), print.getFormatsAttr(), print.getSep());
      return checkFormattedValues(op, print.getValues(), print.getFormats());
    }
    if (auto callback = dyn_cast<PyCallbackOp>(op))
      return checkCallbackValues(callback);
    if (auto raise = dyn_cast<RaiseOp>(op)) {
      spliceFormats(op, raise.getValuesMutable(), raise.getFormatsAttr(), "");
      return checkFormattedValues(op, raise.getValues(), raise.getFormats());
    }
    // Folds to true where a raise certainly ran before (a helper that always
    // raises: the code after its call is never typed), to false where none
    // can have; the exit it guards folds with it.
    if (isa<RaisedOp>(op)) {
      std::optional<bool> raised = raisedBefore(op);
      if (raised) {
        OpBuilder b(op);
        op->getResult(0).replaceAllUsesWith(ConstantOp::create(b, op->getLoc(), b.getBoolAttr(*raised)));
        op->erase();
      }
      return success();
    }
    // A statement the importer could not convert, in a branch that remains.
    if (auto unsupported = dyn_cast<UnsupportedOp>(op)) {
      InFlightDiagnostic diag = op->emitError()
                                << (unsupported.getSyntax() ? "[unsupported] " : "")
                                << unsupported.getMessage();
      if (auto note = unsupported.getNoteAttr())
        diag.attachNote(cast<LocationAttr>(note)) << "it is assigned here";
      return diag;
    }
    // A slice is read by the subscript that uses it; a lambda left by inlining
    // is called only in branches that specialization removes.
    if (isa<SliceOp, LambdaOp>(op))
      return success();
    if (auto callValue = dyn_cast<CallValueOp>(op)) {
      // A lambda known only now (an item of a list of lambdas) is inlined here.
      if (auto lambda = callValue.getCallee().getDefiningOp<LambdaOp>()) {
        // What binding makes (a tuple of *args) and the body's copy go
        // before the call, and are specialized next.
        Operation *before = op->getPrevNode();
        OpBuilder b(op);
        std::string error;
        FailureOr<SmallVector<Value>> args = lambda.bindArguments(b, callValue, error);
        if (failed(args))
          return op->emitError(error);
        Block &body = lambda.getBody().front();
        IRMapping map;
        map.map(body.getArguments(), *args);
        for (Operation &inner : body.without_terminator())
          b.clone(inner, map);
        callValue.getResult().replaceAllUsesWith(
            map.lookupOrDefault(body.getTerminator()->getOperand(0)));
        Operation *first = before ? before->getNextNode() : &op->getBlock()->front();
        if (first != op)
          next = first;
        op->erase();
        return success();
      }
      return op->emitError("dy2st can call only a lambda known where it is called (not one "
                           "passed through a branch or a loop)");
    }
    if (isa<TupleOp, ListOp>(op)) {
      SmallVector<Type> elements(op->getOperandTypes());
      op->getResult(0).setType(isa<ListOp>(op)
                                   ? Type(ListType::get(op->getContext(), elements))
                                   : Type(TupleType::get(op->getContext(), elements)));
      return fold(op, next);
    }
    if (auto un = dyn_cast<UnaryOp>(op);
        un && (un.getKind() == UnaryKind::Not || un.getKind() == UnaryKind::to_bool) &&
        (sequenceElementTypes(un.getOperand().getType()) ||
         isa<tensor_array::ArrayType>(un.getOperand().getType()))) {
      OpBuilder b(op);
      op->setOperand(0, containerTruth(b, op->getLoc(), un.getOperand()));
    }
    if (auto bin = dyn_cast<BinaryOp>(op);
        bin && bin.getKind() == BinaryKind::add &&
        isa<ListType, tensor_array::ArrayType>(bin.getLhs().getType()) &&
        isa<ListType, tensor_array::ArrayType>(bin.getRhs().getType()))
      return concatenateLists(bin);
    if (auto bin = dyn_cast<BinaryOp>(op); bin && isSequenceArithmetic(bin))
      return combineSequences(bin);
    if (auto cmp = dyn_cast<CompareOp>(op);
        cmp && (cmp.getKind() == CompareKind::in || cmp.getKind() == CompareKind::not_in) &&
        isa<ListType, TupleType>(cmp.getRhs().getType()))
      return literalMembership(cmp);
    if (auto sub = dyn_cast<SubscriptOp>(op);
        sub && isa<SliceType>(sub.getIndex().getType()) &&
        isa<ListType, TupleType>(sub.getValue().getType()))
      return sliceSequence(sub);
    if (auto sub = dyn_cast<SubscriptOp>(op); sub && needsArray(sub.getValue(), sub.getIndex()))
      return specializeArrayRead(sub);
    if (auto sub = dyn_cast<SubscriptOp>(op); sub && isTensorIndexToDecompose(sub)) {
      FailureOr<Operation *> first = decomposeTensorIndex(sub);
      if (failed(first))
        return failure();
      next = *first;
      return success();
    }
    if (auto len = dyn_cast<LenOp>(op); len && isa<tensor_array::ArrayType>(len.getValue().getType())) {
      OpBuilder b(op);
      len.getResult().replaceAllUsesWith(
          tensor_array::LengthOp::create(b, op->getLoc(), b.getI64Type(), len.getValue()));
      op->erase();
      return success();
    }
    if (isa<BinaryOp, UnaryOp, CompareOp, AttrOp, SubscriptOp, LenOp, UnpackOp>(op)) {
      if (failed(inferResultTypes(op)))
        return failure();
      return fold(op, next);
    }
    return op->emitError() << "'" << op->getName().stripDialect()
                           << "' is not supported by dy2st yet";
  }

  LogicalResult fold(Operation *op, Operation *&next) {
    SmallVector<Attribute> constants = llvm::map_to_vector(op->getOperands(), constantOf);
    SmallVector<OpFoldResult> folded;
    if (failed(op->fold(constants, folded)) || folded.empty())
      return success();
    OpBuilder b(op);
    SmallVector<Value> replacements;
    for (auto [result, f] : llvm::zip(op->getResults(), folded)) {
      if (auto value = dyn_cast<Value>(f)) {
        replacements.push_back(value);
        continue;
      }
      Attribute attr = cast<Attribute>(f);
      if (!literalHasType(attr, result.getType()))
        return success();
      replacements.push_back(ConstantOp::create(b, op->getLoc(), result.getType(), attr));
    }
    if (next == op->getNextNode() && !replacements.empty())
      if (Operation *def = replacements.front().getDefiningOp(); def && def->getNextNode() == op)
        next = op->getNextNode();
    op->replaceAllUsesWith(replacements);
    op->erase();
    return success();
  }

  //===--------------------------------------------------------------------===//
  // f-strings
  //===--------------------------------------------------------------------===//

  /// Whether item `i` of a print or raise is written by str() (or format()
  /// without a spec), so that an f-string there can give its own items.
  static bool writtenPlain(ArrayAttr formats, unsigned i) {
    if (formats.empty())
      return true;
    StringRef format = cast<StringAttr>(formats[i]).getValue();
    return format.empty() || format == ":";
  }

  /// An f-string of literals folds to its string; one of values known only
  /// at run time is only written (its values spliced into the print, raise
  /// or logging call that takes it).
  LogicalResult specializeFormat(FormatOp op, Operation *&next) {
    for (Value v : op.getValues()) {
      Type t = v.getType();
      if (!constantOf(v) && !isa<RankedTensorType>(t) && !isPythonScalar(t))
        return op.emitError() << "formatting " << withArticle(t)
                              << " as text is not supported in compiled code";
    }
    op.getResult().setType(StrType::get(op.getContext()));
    SmallVector<Attribute> constants = llvm::map_to_vector(op.getValues(), constantOf);
    if (llvm::all_of(constants, [](Attribute a) { return bool(a); })) {
      SmallVector<OpFoldResult> folded;
      if (failed(op->fold(constants, folded)) || folded.empty())
        return op.emitError("the values of this f-string do not take its formats (Python "
                            "raises a ValueError or TypeError here)");
      OpBuilder b(op);
      op.getResult().replaceAllUsesWith(
          ConstantOp::create(b, op.getLoc(), op.getType(), cast<Attribute>(folded.front())));
      op.erase();
      return success();
    }
    for (OpOperand &use : op->getUses()) {
      Operation *user = use.getOwner();
      ArrayAttr formats = isa<PrintOp>(user)   ? cast<PrintOp>(user).getFormatsAttr()
                          : isa<RaiseOp>(user) ? cast<RaiseOp>(user).getFormatsAttr()
                                               : ArrayAttr();
      if (!formats || !writtenPlain(formats, use.getOperandNumber()))
        return op.emitError("a string made at run time (an f-string of a tensor) can only be "
                            "printed, raised or logged in compiled code");
    }
    return success();
  }

  /// The items of a print or raise with each f-string made at run time
  /// replaced by its own items; `sep` goes between the original items.
  static void spliceFormats(Operation *op, MutableOperandRange values, ArrayAttr formats,
                            StringRef sep) {
    auto madeAtRunTime = [](Value v) {
      auto format = v.getDefiningOp<FormatOp>();
      return format && isa<StrType>(format.getType()) ? format : FormatOp();
    };
    SmallVector<Value> operands(values.getAsOperandRange());
    if (llvm::none_of(operands, [&](Value v) { return bool(madeAtRunTime(v)); }))
      return;
    OpBuilder b(op);
    SmallVector<Value> items;
    SmallVector<Attribute> itemFormats;
    SmallVector<FormatOp> spliced;
    for (auto [i, v] : llvm::enumerate(operands)) {
      if (i && !sep.empty()) {
        items.push_back(ConstantOp::create(b, op->getLoc(), b.getStringAttr(sep)));
        itemFormats.push_back(b.getStringAttr(""));
      }
      if (FormatOp format = madeAtRunTime(v)) {
        for (auto [j, value] : llvm::enumerate(format.getValues())) {
          items.push_back(value);
          itemFormats.push_back(format.getFormats().empty() ? b.getStringAttr("")
                                                            : format.getFormats()[j]);
        }
        spliced.push_back(format);
        continue;
      }
      items.push_back(v);
      itemFormats.push_back(formats.empty() ? b.getStringAttr("") : formats[i]);
    }
    values.assign(items);
    op->setAttr("formats", b.getArrayAttr(itemFormats));
    if (isa<PrintOp>(op))
      op->setAttr("sep", b.getStringAttr(""));
    for (FormatOp format : spliced)
      if (format->use_empty())
        format->erase();
  }

  //===--------------------------------------------------------------------===//
  // Expressions
  //===--------------------------------------------------------------------===//

  LogicalResult inferResultTypes(Operation *op) {
    MLIRContext *ctx = op->getContext();
    Builder b(ctx);
    std::string error;
    auto setResult = [&](Type t) {
      op->getResult(0).setType(t);
      return success();
    };
    if (auto bin = dyn_cast<BinaryOp>(op)) {
      auto sig = binarySignature(bin.getKind(), bin.getLhs().getType(),
                                 bin.getRhs().getType(), error);
      if (failed(sig))
        return op->emitError(error);
      return setResult(sig->result);
    }
    if (auto cmp = dyn_cast<CompareOp>(op)) {
      if (cmp.getKind() == CompareKind::is || cmp.getKind() == CompareKind::is_not)
        return setResult(b.getI1Type());
      if ((cmp.getKind() == CompareKind::in || cmp.getKind() == CompareKind::not_in) &&
          isa<DictType>(cmp.getRhs().getType())) {
        if (!isa_and_nonnull<StringAttr>(constantOf(cmp.getLhs())))
          return op->emitError("'in' a dict needs a string known at compile time");
        return setResult(b.getI1Type());
      }
      // Python values that are not numbers (dtype names, None) compare by
      // value at compile time: the fold decides.
      auto isValue = [](Type t) { return isa<StrType, PyNoneType, TupleType, ListType>(t); };
      if ((cmp.getKind() == CompareKind::eq || cmp.getKind() == CompareKind::ne) &&
          (isValue(cmp.getLhs().getType()) || isValue(cmp.getRhs().getType())))
        return setResult(b.getI1Type());
      auto sig = compareSignature(cmp.getKind(), cmp.getLhs().getType(),
                                  cmp.getRhs().getType(), error);
      if (failed(sig))
        return op->emitError(error);
      return setResult(sig->result);
    }
    if (auto un = dyn_cast<UnaryOp>(op)) {
      // A join made by this pass is typed already.
      if (un.getKind() == UnaryKind::promote)
        return success();
      Type t = un.getOperand().getType();
      auto tensor = dyn_cast<RankedTensorType>(t);
      // float("inf"), int("3"): a text known when compiling folds to its number.
      if (auto text = dyn_cast_or_null<StringAttr>(constantOf(un.getOperand()));
          text && (un.getKind() == UnaryKind::to_float || un.getKind() == UnaryKind::to_int)) {
        bool isFloat = un.getKind() == UnaryKind::to_float;
        bool reads = isFloat ? dy2st::parsePythonFloat(text.getValue()).has_value()
                             : dy2st::parsePythonInt(text.getValue()).has_value();
        if (!reads)
          return op->emitError() << (isFloat ? "could not convert string to float: '"
                                             : "invalid literal for int() with base 10: '")
                                 << text.getValue() << "'";
        return setResult(isFloat ? Type(b.getF64Type()) : Type(b.getI64Type()));
      }
      if (!tensor && !isPythonScalar(t)) {
        if (un.getKind() == UnaryKind::Not || un.getKind() == UnaryKind::to_bool)
          return setResult(b.getI1Type());
        return op->emitError() << "bad operand type for unary '"
                               << stringifyUnaryKind(un.getKind()) << "': " << describeType(t);
      }
      Type elem = elementTypeOf(t);
      UnaryKind kind = un.getKind();
      if (kind == UnaryKind::to_bool || kind == UnaryKind::to_int ||
          kind == UnaryKind::to_float) {
        StringRef fn = kind == UnaryKind::to_bool  ? "bool"
                       : kind == UnaryKind::to_int ? "int"
                                                   : "float";
        if (tensor && (!tensor.hasStaticShape() || tensor.getNumElements() != 1))
          return op->emitError() << fn << "() of " << withArticle(t)
                                 << ": only a tensor with one element converts to a Python number";
        return setResult(kind == UnaryKind::to_bool  ? Type(b.getI1Type())
                         : kind == UnaryKind::to_int ? Type(b.getI64Type())
                                                     : Type(b.getF64Type()));
      }
      switch (kind) {
      case UnaryKind::Not:
        // `not t` is Python's: a bool from the truth of a one-element tensor.
        if (tensor && (!tensor.hasStaticShape() || tensor.getNumElements() != 1))
          return op->emitError() << "'not' of " << withArticle(t)
                                 << ": only a tensor with one element has a truth value";
        return setResult(b.getI1Type());
      case UnaryKind::invert:
        if (isa<FloatType>(elem))
          return op->emitError() << "bad operand type for unary '~': " << describeType(t);
        return setResult(t);
      case UnaryKind::neg:
      case UnaryKind::pos:
        if (elem.isInteger(1))
          return setResult(tensor ? Type(tensor.clone(b.getI64Type())) : Type(b.getI64Type()));
        return setResult(t);
      default:
        llvm_unreachable("conversions are handled above");
      }
    }
    if (auto attr = dyn_cast<AttrOp>(op)) {
      auto tensor = dyn_cast<RankedTensorType>(attr.getValue().getType());
      StringRef name = attr.getName();
      if (tensor && name == "shape")
        return setResult(ListType::get(
            ctx, SmallVector<Type>(tensor.getRank(), b.getI64Type())));
      if (tensor && (name == "ndim" || name == "size"))
        return setResult(b.getI64Type());
      if (tensor && name == "dtype")
        return setResult(StrType::get(ctx));
      return op->emitError() << describeType(attr.getValue().getType())
                             << " has no attribute '" << name << "' in compiled code";
    }
    if (auto sub = dyn_cast<SubscriptOp>(op)) {
      Type vt = sub.getValue().getType(), it = sub.getIndex().getType();
      if (auto dict = dyn_cast<DictType>(vt)) {
        auto key = dyn_cast_or_null<StringAttr>(constantOf(sub.getIndex()));
        if (!key)
          return op->emitError("dict keys in compiled code must be strings known at compile time");
        std::optional<size_t> i = dictIndex(dict, key.getValue());
        if (!i)
          return op->emitError() << "KeyError: " << key;
        return setResult(dict.getValueTypes()[*i]);
      }
      if (auto elements = sequenceElementTypes(vt)) {
        auto index = dyn_cast_or_null<IntegerAttr>(constantOf(sub.getIndex()));
        if (!index)
          return op->emitError() << "an index of " << withArticle(vt)
                                 << " must be known at compile time";
        int64_t i = index.getInt(), size = elements->size();
        if (i < -size || i >= size)
          return op->emitError() << "index " << i << " out of range for "
                                 << withArticle(vt);
        return setResult((*elements)[i < 0 ? i + size : i]);
      }
      if (auto tensor = dyn_cast<RankedTensorType>(vt)) {
        if (tensor.getRank() == 0)
          return op->emitError("a 0-d tensor cannot be indexed");
        auto indexTensor = dyn_cast<RankedTensorType>(it);
        bool oneElementInt = indexTensor && isa<IntegerType>(indexTensor.getElementType()) &&
                             !indexTensor.getElementType().isInteger(1) &&
                             indexTensor.hasStaticShape() && indexTensor.getNumElements() == 1;
        if (!isIntScalar(it) && !oneElementInt)
          return op->emitError() << "indexing a tensor with " << withArticle(it)
                                 << " is not supported by dy2st yet";
        return setResult(RankedTensorType::get(tensor.getShape().drop_front(),
                                               tensor.getElementType()));
      }
      return op->emitError() << describeType(vt) << " is not subscriptable in compiled code";
    }
    if (auto len = dyn_cast<LenOp>(op)) {
      Type t = len.getValue().getType();
      auto tensor = dyn_cast<RankedTensorType>(t);
      if ((tensor && tensor.getRank() > 0) || sequenceElementTypes(t))
        return setResult(b.getI64Type());
      return op->emitError() << "len() of " << withArticle(t) << " is not defined";
    }
    if (auto unpack = dyn_cast<UnpackOp>(op)) {
      auto elements = sequenceElementTypes(unpack.getValue().getType());
      if (!elements)
        return op->emitError() << "unpacking " << withArticle(unpack.getValue().getType())
                               << " is not supported by dy2st yet";
      if (elements->size() != unpack.getNumResults())
        return op->emitError() << "cannot unpack " << elements->size() << " values into "
                               << unpack.getNumResults() << " names";
      for (auto [r, t] : llvm::zip(unpack.getResults(), *elements))
        r.setType(t);
      return success();
    }
    llvm_unreachable("not an expression op");
  }

  LogicalResult specializeLogical(LogicalOp op, Operation *&next) {
    bool isAnd = op.getKind() == LogicalKind::And;
    if (auto truth = literalTruthiness(constantOf(op.getLhs()))) {
      // Python: `a and b` is `a` when `a` is false; `a or b` is `a` when true.
      if (*truth != isAnd) {
        op.getResult().replaceAllUsesWith(op.getLhs());
        op.erase();
        return success();
      }
      inlineBlock(op, op.getRhs().front(), next);
      return success();
    }
    if (failed(checkCondition(op, op.getLhs(), isAnd ? "and" : "or")) ||
        failed(specialize(op.getRhs().front())))
      return failure();
    auto yield = cast<YieldOp>(op.getRhs().front().getTerminator());
    Value rhs = yield.getValues()[0];
    if (rhs.getType() == op.getLhs().getType()) {
      op.getResult().setType(rhs.getType());
      return success();
    }
    if (tolerant && (unknown(rhs.getType()) || unknown(op.getLhs().getType()))) {
      op.getResult().setType(ObjectType::get(op.getContext()));
      return success();
    }
    // Python gives back one of the operands. When only the truth of the
    // result is used, operands of different types are compared as bools.
    if (!onlyTruthIsUsed(op.getResult()))
      return op.emitError() << "operands of '" << (isAnd ? "and" : "or")
                            << "' have different types (" << describeType(op.getLhs().getType())
                            << " and " << describeType(rhs.getType())
                            << "); compiled code supports that only where the result is used "
                               "as a condition";
    OpBuilder b(op);
    Type i1 = b.getI1Type();
    op.getLhsMutable().assign(UnaryOp::create(b, op.getLoc(), i1, UnaryKind::to_bool,
                                              op.getLhs()));
    b.setInsertionPoint(yield);
    if (failed(checkCondition(op, rhs, isAnd ? "and" : "or")))
      return failure();
    yield->setOperand(0, UnaryOp::create(b, rhs.getLoc(), i1, UnaryKind::to_bool, rhs));
    op.getResult().setType(i1);
    return success();
  }

  /// Whether `value` is used only for its truth: as a condition, under
  /// `not`/`bool()`, or through `and`/`or` that are themselves used so.
  static bool onlyTruthIsUsed(Value value) {
    return llvm::all_of(value.getUses(), [](OpOperand &use) {
      Operation *user = use.getOwner();
      if (isa<IfOp>(user) || (isa<ConditionOp>(user) && use.getOperandNumber() == 0))
        return true;
      if (auto unary = dyn_cast<UnaryOp>(user))
        return unary.getKind() == UnaryKind::Not || unary.getKind() == UnaryKind::to_bool;
      if (auto logical = dyn_cast<LogicalOp>(user))
        return onlyTruthIsUsed(logical.getResult());
      if (auto yield = dyn_cast<YieldOp>(user))
        if (auto logical = dyn_cast<LogicalOp>(yield->getParentOp()))
          return onlyTruthIsUsed(logical.getResult());
      return false;
    });
  }

  //===--------------------------------------------------------------------===//
  // Control flow
  //===--------------------------------------------------------------------===//

  /// The truth of a value as a condition: a list, tuple or dict has a length
  /// known at compile time; a tensor array's is compared at run time.
  static Value containerTruth(OpBuilder &b, Location loc, Value v) {
    Type t = v.getType();
    if (auto elements = sequenceElementTypes(t))
      return ConstantOp::create(b, loc, b.getBoolAttr(!elements->empty()));
    if (isa<tensor_array::ArrayType>(t)) {
      Value n = tensor_array::LengthOp::create(b, loc, b.getI64Type(), v);
      Value zero = ConstantOp::create(b, loc, b.getI64IntegerAttr(0));
      return CompareOp::create(b, loc, b.getI1Type(), CompareKind::gt, n, zero);
    }
    // A numeric tensor is true where it is nonzero, as eager's bool(t).
    if (auto tensor = dyn_cast<RankedTensorType>(t); tensor && !tensor.getElementType().isInteger(1)) {
      Type elem = tensor.getElementType();
      Value zero = isa<FloatType>(elem) ? ConstantOp::create(b, loc, b.getF64FloatAttr(0.0))
                                        : ConstantOp::create(b, loc, b.getI64IntegerAttr(0));
      return CompareOp::create(b, loc, tensor.clone(b.getI1Type()), CompareKind::ne, v, zero);
    }
    return v;
  }

  /// Inside a branch its condition is known, as upstream's scf.if
  /// ConditionPropagation has it: uses of a bool condition, and of the bool
  /// a `not` made it from, become constants there. An exit flag then folds
  /// in the branch that runs only when it is set, and so does what it guards.
  static void propagateCondition(IfOp op) {
    Value condition = op.getCondition();
    if (!condition.getType().isInteger(1))
      return;
    auto replaceInBranches = [&](Value v, bool inThen) {
      for (auto [region, truth] : {std::pair(&op.getThenRegion(), inThen),
                                   std::pair(&op.getElseRegion(), !inThen)}) {
        if (llvm::none_of(v.getUses(), [&](OpOperand &use) {
              return region->isAncestor(use.getOwner()->getParentRegion());
            }))
          continue;
        OpBuilder b = OpBuilder::atBlockBegin(&region->front());
        Value known = ConstantOp::create(b, op.getLoc(), b.getBoolAttr(truth));
        v.replaceUsesWithIf(known, [&](OpOperand &use) {
          return region->isAncestor(use.getOwner()->getParentRegion());
        });
      }
    };
    replaceInBranches(condition, true);
    auto negation = condition.getDefiningOp<UnaryOp>();
    if (negation && negation.getKind() == UnaryKind::Not &&
        negation.getOperand().getType().isInteger(1))
      replaceInBranches(negation.getOperand(), false);
  }

  LogicalResult specializeIf(IfOp op, Operation *&next) {
    {
      OpBuilder b(op);
      op->setOperand(0, containerTruth(b, op.getLoc(), op.getCondition()));
    }
    if (auto truth = literalTruthiness(constantOf(op.getCondition()))) {
      inlineBlock(op, (*truth ? op.getThenRegion() : op.getElseRegion()).front(), next);
      return success();
    }
    if (isa<PyNoneType>(op.getCondition().getType())) {
      inlineBlock(op, op.getElseRegion().front(), next);
      return success();
    }
    if (failed(checkCondition(op, op.getCondition(), "if")))
      return failure();
    propagateCondition(op);
    Block &thenBlock = op.getThenRegion().front(), &elseBlock = op.getElseRegion().front();
    if (failed(specialize(thenBlock)) || failed(specialize(elseBlock)))
      return failure();
    Operation *thenYield = thenBlock.getTerminator(), *elseYield = elseBlock.getTerminator();
    for (unsigned i = 0; i < op.getNumResults(); ++i) {
      Type tt = thenYield->getOperand(i).getType(), et = elseYield->getOperand(i).getType();
      Type joined = joinTypes(tt, et);
      if (!joined)
        return op.emitError() << describeVariable(nameOf(op.getNames(), i)) << " is "
                              << withArticle(tt) << " in the 'if' branch but "
                              << withArticle(et)
                              << " in the 'else' branch; compiled branches must agree";
      for (Operation *yield : {thenYield, elseYield}) {
        OpBuilder b(yield);
        yield->setOperand(i, castTo(b, yield->getOperand(i), joined));
      }
      op.getResult(i).setType(joined);
      // None on both branches, or one constant on both (an exit flag where
      // both branches return or raise), is a compile-time value: the code it
      // guards folds away, as Python never runs it.
      OpBuilder b(op);
      if (isa<PyNoneType>(joined)) {
        op.getResult(i).replaceAllUsesWith(ConstantOp::create(b, op.getLoc(), b.getUnitAttr()));
      } else if (Attribute same = constantOf(thenYield->getOperand(i));
                 same && same == constantOf(elseYield->getOperand(i)) &&
                 isa<BoolAttr, IntegerAttr, FloatAttr>(same) &&
                 cast<TypedAttr>(same).getType() == joined) {
        op.getResult(i).replaceAllUsesWith(ConstantOp::create(b, op.getLoc(), same));
      }
    }
    return success();
  }

  /// Joins carried types with what the loop produces; fails naming the variable.
  LogicalResult joinCarried(Operation *loop, std::optional<ArrayAttr> names,
                            SmallVectorImpl<Type> &types, TypeRange produced) {
    for (auto [i, t] : llvm::enumerate(produced)) {
      Type joined = joinTypes(types[i], t);
      if (!joined && isa<ListType, tensor_array::ArrayType>(types[i]) &&
          isa<ListType, tensor_array::ArrayType>(t))
        return loop->emitError() << describeVariable(nameOf(names, i))
                                 << ", a list, changes length in a loop that runs a number of times "
                                    "known only at run time; it is compiled to a TensorArray, "
                                    "which needs its items to be tensors of one dtype and rank: "
                                 << describeType(types[i]) << " and " << describeType(t);
      if (!joined)
        return loop->emitError() << describeVariable(nameOf(names, i)) << " is "
                                 << withArticle(types[i]) << " before the loop but "
                                 << withArticle(t) << " after an iteration; a loop may "
                                 << "change a value's shape, widen its dtype or turn a number "
                                    "into a one-element tensor, not change its rank";
      types[i] = joined;
    }
    return success();
  }

  static void setArgumentTypes(Block &block, unsigned skip, ArrayRef<Type> types) {
    for (auto [arg, t] : llvm::zip(block.getArguments().drop_front(skip), types))
      arg.setType(t);
  }

  static void castOperands(Operation *op, unsigned skip, ArrayRef<Type> types) {
    OpBuilder b(op);
    for (auto [i, t] : llvm::enumerate(types))
      op->setOperand(skip + i, castTo(b, op->getOperand(skip + i), t));
  }

  /// Types one attempt of a loop's regions with carried `types`; widens
  /// `types` and returns false when the regions produce something wider.
  FailureOr<bool> tryLoopTypes(Operation *loop, SmallVectorImpl<Type> &types) {
    SmallVector<Type> before(types.begin(), types.end());
    if (auto whileOp = dyn_cast<WhileOp>(loop)) {
      Block &cond = whileOp.getBefore().front();
      setArgumentTypes(cond, 0, types);
      if (failed(specialize(cond)))
        return failure();
      auto condition = cast<ConditionOp>(cond.getTerminator());
      if (failed(joinCarried(loop, whileOp.getNames(), types,
                             condition.getArgs().getTypes())))
        return failure();
      if (types != before)
        return false;
      Block &body = whileOp.getAfter().front();
      setArgumentTypes(body, 0, types);
      if (failed(specialize(body)))
        return failure();
      if (failed(joinCarried(loop, whileOp.getNames(), types,
                             body.getTerminator()->getOperandTypes())))
        return failure();
      return types == before;
    }
    auto forOp = cast<ForRangeOp>(loop);
    Block &body = forOp.getBody().front();
    body.getArgument(0).setType(IntegerType::get(loop->getContext(), 64));
    setArgumentTypes(body, 1, types);
    if (failed(specialize(body)))
      return failure();
    if (failed(joinCarried(loop, forOp.getNames(), types,
                           body.getTerminator()->getOperandTypes())))
      return failure();
    return types == before;
  }

  LogicalResult checkRangeBound(Operation *op, Value v, StringRef what) {
    Type t = v.getType();
    if (isIntScalar(t) || (tolerant && unknown(t)))
      return success();
    if (auto tensor = dyn_cast<RankedTensorType>(t))
      if (isa<IntegerType>(tensor.getElementType()) && tensor.hasStaticShape() &&
          tensor.getNumElements() == 1)
        return success();
    return op->emitError() << "range() " << what << " must be an int or a one-element "
                           << "integer tensor, not " << withArticle(t);
  }

  /// `for x in t` over a tensor is a counted loop over dim 0 with `x = t[i]`;
  /// over a Python tuple or list it runs as Python does, unrolled. The loop is
  /// rewritten before its body is typed, so each unrolled copy is typed alone.
  LogicalResult specializeForIn(ForInOp op, Operation *&next) {
    Value iterable = op.getIterable();
    Type type = iterable.getType();
    Location loc = op.getLoc();
    OpBuilder b(op);
    Type object = ObjectType::get(op.getContext());
    auto makeItem = [&](OpBuilder &ib, Value index) -> Value {
      Value item = SubscriptOp::create(ib, loc, object, iterable, index);
      if (op.getEnumerate())
        item = TupleOp::create(ib, loc, object, ValueRange{index, item});
      return item;
    };
    if (isa<RankedTensorType, tensor_array::ArrayType>(type)) {
      if (auto tensor = dyn_cast<RankedTensorType>(type); tensor && tensor.getRank() == 0)
        return op.emitError("iteration over a 0-d tensor");
      Value start = ConstantOp::create(b, loc, b.getI64IntegerAttr(0));
      Value step = ConstantOp::create(b, loc, b.getI64IntegerAttr(1));
      Value stop = LenOp::create(b, loc, object, iterable);
      auto range = ForRangeOp::create(b, loc, op.getResultTypes(), start, stop, step,
                                      op.getInits(), op.getNamesAttr());
      range.getBody().takeBody(op.getBody());
      // The body's argument was the item; it is the index now.
      BlockArgument index = range.getBody().front().getArgument(0);
      SmallVector<OpOperand *> itemUses =
          llvm::map_to_vector(index.getUses(), [](OpOperand &use) { return &use; });
      OpBuilder ib = OpBuilder::atBlockBegin(&range.getBody().front());
      Value item = makeItem(ib, index);
      for (OpOperand *use : itemUses)
        use->set(item);
      op->replaceAllUsesWith(range->getResults());
      op.erase();
      next = start.getDefiningOp();
      return success();
    }
    if (auto dict = dyn_cast<DictType>(type)) {
      // Iterating a dict gives its keys.
      return unroll(op, dict.getKeys().size(), [&](OpBuilder &ib, size_t k) -> Value {
        Value key = ConstantOp::create(ib, loc, dict.getKeys()[k]);
        if (!op.getEnumerate())
          return key;
        Value pair[] = {ConstantOp::create(ib, loc, ib.getI64IntegerAttr(k)), key};
        return TupleOp::create(ib, loc, object, pair);
      }, next);
    }
    auto elements = sequenceElementTypes(type);
    if (!elements)
      return op.emitError() << "iteration over " << withArticle(type)
                            << " is not supported in compiled code";
    return unroll(op, elements->size(), [&](OpBuilder &ib, size_t k) {
      return makeItem(ib, ConstantOp::create(ib, loc, ib.getI64IntegerAttr(k)));
    }, next);
  }

  /// Replaces `loop` (a for loop: body arguments are the item, then the
  /// carried values) by one copy of its body per item, carried values flowing
  /// from copy to copy; the walk goes on with the copies, typing each alone.
  LogicalResult unroll(Operation *loop, size_t count,
                       function_ref<Value(OpBuilder &, size_t)> itemOf, Operation *&next) {
    OpBuilder b(loop);
    Block &body = loop->getRegion(0).front();
    Operation *before = loop->getPrevNode();
    SmallVector<Value> values(loop->getOperands().take_back(body.getNumArguments() - 1));
    for (size_t k = 0; k < count; ++k) {
      IRMapping map;
      map.map(body.getArgument(0), itemOf(b, k));
      for (auto [arg, v] : llvm::zip(body.getArguments().drop_front(), values))
        map.map(arg, v);
      for (Operation &inner : body.without_terminator())
        b.clone(inner, map);
      values = llvm::map_to_vector(body.getTerminator()->getOperands(),
                                   [&](Value v) { return map.lookupOrDefault(v); });
    }
    Operation *first = before ? before->getNextNode() : &loop->getBlock()->front();
    loop->replaceAllUsesWith(values);
    if (first != loop)
      next = first;
    loop->erase();
    return success();
  }

  /// The values a `for range` loop takes, when its bounds are constants and
  /// it runs at most `kMaxUnroll` times.
  static std::optional<SmallVector<int64_t>> constantRange(ForRangeOp op) {
    constexpr int64_t kMaxUnroll = 1024;
    auto start = dyn_cast_or_null<IntegerAttr>(constantOf(op.getStart()));
    auto stop = dyn_cast_or_null<IntegerAttr>(constantOf(op.getStop()));
    auto step = dyn_cast_or_null<IntegerAttr>(constantOf(op.getStep()));
    if (!start || !stop || !step || step.getValue().isZero())
      return std::nullopt;
    SmallVector<int64_t> indices;
    for (int64_t i = start.getInt(); step.getInt() > 0 ? i < stop.getInt() : i > stop.getInt();
         i += step.getInt()) {
      if (static_cast<int64_t>(indices.size()) == kMaxUnroll)
        return std::nullopt;
      indices.push_back(i);
    }
    return indices;
  }

  /// A short `for range` loop with constant bounds that carries a Python
  /// list or tuple runs as Python does: unrolled, so the list may grow item
  /// by item with items of any type. Other loops that grow a list of tensors
  /// carry a tensor array.
  LogicalResult unrollRange(ForRangeOp op, ArrayRef<int64_t> indices, Operation *&next) {
    return unroll(op, indices.size(), [&](OpBuilder &ib, size_t k) -> Value {
      return ConstantOp::create(ib, op.getLoc(), ib.getI64IntegerAttr(indices[k]));
    }, next);
  }

  /// Types a loop to a fixpoint of its carried types. With `restoreOnFailure`
  /// a loop that cannot be typed is left as it was (to be unrolled instead).
  template <typename LoopOp>
  LogicalResult specializeLoop(LoopOp op, bool restoreOnFailure = false) {
    if constexpr (std::is_same_v<LoopOp, ForRangeOp>) {
      if (failed(checkRangeBound(op, op.getStart(), "start")) ||
          failed(checkRangeBound(op, op.getStop(), "stop")) ||
          failed(checkRangeBound(op, op.getStep(), "step")))
        return failure();
      if (auto step = dyn_cast_or_null<IntegerAttr>(constantOf(op.getStep()));
          step && step.getValue().isZero())
        return op.emitError("range() step must not be zero");
    }
    SmallVector<Type> types(op.getInits().getTypes());
    Operation *pristine = op->clone();
    auto restore = [&] {
      Operation *fresh = pristine->clone();
      for (unsigned r = 0; r < op->getNumRegions(); ++r)
        op->getRegion(r).takeBody(fresh->getRegion(r));
      fresh->erase();
    };
    LogicalResult result = failure();
    for (int attempt = 0;; ++attempt) {
      if (attempt == kMaxLoopIterations) {
        op.emitError("the types of the loop's variables do not settle");
        break;
      }
      if (attempt > 0)
        restore();
      FailureOr<bool> settled = tryLoopTypes(op, types);
      if (failed(settled))
        break;
      if (*settled) {
        result = success();
        break;
      }
    }
    if (failed(result) && restoreOnFailure)
      restore();
    pristine->erase();
    if (failed(result))
      return failure();

    unsigned skip = std::is_same_v<LoopOp, ForRangeOp> ? 3 : 0;
    castOperands(op, skip, types);
    for (auto [r, t] : llvm::zip(op->getResults(), types))
      r.setType(t);
    if constexpr (std::is_same_v<LoopOp, WhileOp>) {
      auto condition = cast<ConditionOp>(op.getBefore().front().getTerminator());
      OpBuilder b(condition);
      condition->setOperand(0, containerTruth(b, condition.getLoc(), condition.getCondition()));
      if (failed(checkCondition(op, condition.getCondition(), "while")))
        return failure();
      castOperands(condition, 1, types);
      castOperands(op.getAfter().front().getTerminator(), 0, types);
    } else {
      castOperands(op.getBody().front().getTerminator(), 0, types);
    }
    return success();
  }

  /// A compile-time index into a sequence of `size`, Python's negatives allowed.
  FailureOr<size_t> staticIndex(Operation *op, Value index, size_t size, bool inclusive) {
    auto attr = dyn_cast_or_null<IntegerAttr>(constantOf(index));
    if (!attr || !attr.getType().isInteger(64))
      return op->emitError("an index into a Python list must be known at compile time "
                           "(a runtime index needs a TensorArray, not supported by dy2st yet)");
    int64_t i = attr.getInt(), n = size + (inclusive ? 1 : 0);
    if (i < 0)
      i += size;
    if (i < 0 || i >= n)
      return op->emitError() << "list index " << attr.getInt() << " out of range for a list of "
                             << size;
    return static_cast<size_t>(i);
  }

  /// Methods of a Python list whose length is known at compile time: each
  /// gives a new list value (stored back into the variable by the importer).
  LogicalResult specializeListMethod(CallMethodOp op) {
    OpBuilder b(op);
    Location loc = op.getLoc();
    SmallVector<Value> elements = elementsOf(b, loc, op.getObject());
    StringRef method = op.getMethod();
    if (!op.getKwnames().empty())
      return op.emitError() << "list." << method << "() takes no keyword arguments";
    Value result = ConstantOp::create(b, loc, b.getUnitAttr());
    if (method == "append" && op.getArgs().size() == 1) {
      elements.push_back(op.getArgs()[0]);
    } else if (method == "pop" && op.getArgs().size() <= 1) {
      if (elements.empty())
        return op.emitError("pop from an empty list");
      size_t i = elements.size() - 1;
      if (!op.getArgs().empty()) {
        auto index = staticIndex(op, op.getArgs()[0], elements.size(), false);
        if (failed(index))
          return failure();
        i = *index;
      }
      result = elements[i];
      elements.erase(elements.begin() + i);
    } else if (method == "insert" && op.getArgs().size() == 2) {
      auto index = staticIndex(op, op.getArgs()[0], elements.size(), true);
      if (failed(index))
        return failure();
      elements.insert(elements.begin() + *index, op.getArgs()[1]);
    } else {
      return op.emitError() << "list." << method << "() is not supported by dy2st yet";
    }
    SmallVector<Type> types = llvm::map_to_vector(elements, [](Value v) { return v.getType(); });
    Value updated = ListOp::create(b, loc, ListType::get(op.getContext(), types), elements);
    op.getResult().replaceAllUsesWith(result);
    op.getUpdated().replaceAllUsesWith(updated);
    op.erase();
    return success();
  }

  //===--------------------------------------------------------------------===//
  // Lists of a length known only at run time: tensor arrays
  //===--------------------------------------------------------------------===//

  /// Whether `sequence[index]` needs a tensor array: the sequence is one, or
  /// a list indexed by a value known only at run time.
  static bool needsArray(Value sequence, Value index) {
    Type t = sequence.getType();
    return isa<tensor_array::ArrayType>(t) ||
           (isa<ListType>(t) && !isa_and_nonnull<IntegerAttr>(constantOf(index)));
  }

  /// `sequence` as a tensor array (a list becomes one, its items appended).
  FailureOr<Value> asArray(Operation *op, OpBuilder &b, Value sequence) {
    RankedTensorType item = arrayItemType(sequence.getType());
    if (!item)
      return op->emitError() << "a runtime index into " << withArticle(sequence.getType())
                             << " needs its items to be tensors of one dtype and rank "
                                "(a TensorArray)";
    return castTo(b, sequence, tensor_array::ArrayType::get(item));
  }

  /// A list index known only at run time, as an `i64`.
  FailureOr<Value> runtimeIndex(Operation *op, OpBuilder &b, Value index) {
    Type t = index.getType();
    if (isIntScalar(t))
      return t.isInteger(64) ? index
                             : Value(UnaryOp::create(b, op->getLoc(), b.getI64Type(),
                                                     UnaryKind::to_int, index));
    auto tensor = dyn_cast<RankedTensorType>(t);
    if (tensor && isa<IntegerType>(tensor.getElementType()) &&
        !tensor.getElementType().isInteger(1) && tensor.hasStaticShape() &&
        tensor.getNumElements() == 1)
      return Value(UnaryOp::create(b, op->getLoc(), b.getI64Type(), UnaryKind::to_int, index));
    return op->emitError() << "list indices must be integers or one-element integer tensors, "
                           << "not " << withArticle(t);
  }

  /// `array` made to hold `item` too: widened when the item's shape differs.
  FailureOr<Value> widenFor(Operation *op, OpBuilder &b, Value array, Value item) {
    auto type = cast<tensor_array::ArrayType>(array.getType());
    Type joined = joinTypes(type.getElementType(), item.getType());
    auto tensor = dyn_cast_or_null<RankedTensorType>(joined);
    if (!tensor)
      return op->emitError() << "a list compiled to a TensorArray holds tensors of one dtype "
                             << "and rank: " << withArticle(item.getType())
                             << " does not go with items of type "
                             << describeType(type.getElementType());
    return castTo(b, array, tensor_array::ArrayType::get(tensor));
  }

  /// `sequence` as a tensor array, and `index` into it as an `i64`.
  FailureOr<std::pair<Value, Value>> arrayAndIndex(Operation *op, OpBuilder &b, Value sequence,
                                                   Value index) {
    auto array = asArray(op, b, sequence);
    if (failed(array))
      return failure();
    auto i = runtimeIndex(op, b, index);
    if (failed(i))
      return failure();
    return std::make_pair(*array, *i);
  }

  LogicalResult specializeArrayRead(SubscriptOp op) {
    OpBuilder b(op);
    auto access = arrayAndIndex(op, b, op.getValue(), op.getIndex());
    if (failed(access))
      return failure();
    auto [array, index] = *access;
    Value item = tensor_array::ReadOp::create(
        b, op.getLoc(), cast<tensor_array::ArrayType>(array.getType()).getElementType(), array,
        index);
    op.getResult().replaceAllUsesWith(item);
    op.erase();
    return success();
  }

  LogicalResult specializeArrayWrite(SetItemOp op) {
    OpBuilder b(op);
    auto access = arrayAndIndex(op, b, op.getValue(), op.getIndex());
    if (failed(access))
      return failure();
    auto [array, index] = *access;
    auto widened = widenFor(op, b, array, op.getItem());
    if (failed(widened))
      return failure();
    auto type = cast<tensor_array::ArrayType>(widened->getType());
    Value item = castTo(b, op.getItem(), type.getElementType());
    op.getResult().replaceAllUsesWith(
        tensor_array::WriteOp::create(b, op.getLoc(), *widened, index, item));
    op.erase();
    return success();
  }

  /// append and pop of a tensor array (and pop at a runtime index of a list).
  LogicalResult specializeArrayMethod(CallMethodOp op) {
    OpBuilder b(op);
    Location loc = op.getLoc();
    StringRef method = op.getMethod();
    if (!op.getKwnames().empty())
      return op.emitError() << "list." << method << "() takes no keyword arguments";
    auto array = asArray(op, b, op.getObject());
    if (failed(array))
      return failure();
    Value result, updated;
    if (method == "append" && op.getArgs().size() == 1) {
      auto widened = widenFor(op, b, *array, op.getArgs()[0]);
      if (failed(widened))
        return failure();
      auto type = cast<tensor_array::ArrayType>(widened->getType());
      updated = tensor_array::AppendOp::create(
          b, loc, *widened, castTo(b, op.getArgs()[0], type.getElementType()));
      result = ConstantOp::create(b, loc, b.getUnitAttr());
    } else if (method == "pop" && op.getArgs().size() <= 1) {
      Value index;
      if (!op.getArgs().empty()) {
        auto i = runtimeIndex(op, b, op.getArgs()[0]);
        if (failed(i))
          return failure();
        index = *i;
      }
      auto type = cast<tensor_array::ArrayType>(array->getType());
      auto pop = tensor_array::PopOp::create(b, loc, type, type.getElementType(), *array, index);
      updated = pop.getResult();
      result = pop.getItem();
    } else {
      return op.emitError() << "list." << method << "() of a list whose length is known only "
                            << "at run time (a TensorArray) is not supported by dy2st yet";
    }
    op.getResult().replaceAllUsesWith(result);
    op.getUpdated().replaceAllUsesWith(updated);
    op.erase();
    return success();
  }

  /// `a + b` of lists: a longer list, or `b`'s items appended to a tensor array.
  LogicalResult concatenateLists(BinaryOp op) {
    OpBuilder b(op);
    Location loc = op.getLoc();
    if (isa<tensor_array::ArrayType>(op.getRhs().getType()))
      return op.emitError("'+' with a list whose length is known only at run time (a "
                          "TensorArray) on the right is not supported by dy2st yet");
    SmallVector<Value> items = elementsOf(b, loc, op.getRhs());
    Value result;
    if (isa<tensor_array::ArrayType>(op.getLhs().getType())) {
      result = op.getLhs();
      for (Value item : items) {
        auto widened = widenFor(op, b, result, item);
        if (failed(widened))
          return failure();
        auto type = cast<tensor_array::ArrayType>(widened->getType());
        result = tensor_array::AppendOp::create(b, loc, *widened,
                                                castTo(b, item, type.getElementType()));
      }
    } else {
      SmallVector<Value> all = elementsOf(b, loc, op.getLhs());
      llvm::append_range(all, items);
      SmallVector<Type> types(ValueRange(all).getTypes());
      result = ListOp::create(b, loc, ListType::get(op.getContext(), types), all);
    }
    op.getResult().replaceAllUsesWith(result);
    op.erase();
    return success();
  }

  /// `a + b` of tuples, and `seq * n` / `n * seq` of a list or tuple and an
  /// int known at compile time: Python builds them item by item.
  static bool isSequenceArithmetic(BinaryOp op) {
    Type lhs = op.getLhs().getType(), rhs = op.getRhs().getType();
    if (op.getKind() == BinaryKind::add)
      return isa<TupleType>(lhs) && isa<TupleType>(rhs);
    if (op.getKind() != BinaryKind::mul)
      return false;
    return (isa<ListType, TupleType>(lhs) && isIntScalar(rhs)) ||
           (isIntScalar(lhs) && isa<ListType, TupleType>(rhs));
  }

  LogicalResult combineSequences(BinaryOp op) {
    OpBuilder b(op);
    Location loc = op.getLoc();
    Value sequence = op.getLhs(), other = op.getRhs();
    SmallVector<Value> items;
    if (op.getKind() == BinaryKind::add) {
      items = elementsOf(b, loc, sequence);
      llvm::append_range(items, elementsOf(b, loc, other));
    } else {
      if (!sequenceElementTypes(sequence.getType()))
        std::swap(sequence, other);
      auto count = dyn_cast_or_null<IntegerAttr>(constantOf(other));
      if (!count)
        return op.emitError("a list or tuple repeated ('*') needs a count known at compile time");
      SmallVector<Value> once = elementsOf(b, loc, sequence);
      for (int64_t i = 0; i < count.getInt(); ++i)
        llvm::append_range(items, once);
    }
    SmallVector<Type> types(ValueRange(items).getTypes());
    Value result = isa<TupleType>(sequence.getType())
                       ? Value(TupleOp::create(b, loc, TupleType::get(op.getContext(), types), items))
                       : Value(ListOp::create(b, loc, ListType::get(op.getContext(), types), items));
    op.getResult().replaceAllUsesWith(result);
    op.erase();
    return success();
  }

  /// `x in seq` of literals: folded (Python compares the literals).
  LogicalResult literalMembership(CompareOp op) {
    OpBuilder b(op);
    Attribute needle = constantOf(op.getLhs());
    bool found = false;
    for (Value item : elementsOf(b, op.getLoc(), op.getRhs())) {
      Attribute candidate = constantOf(item);
      if (!needle || !candidate)
        return op.emitError("'in' of a list or tuple needs the value and the items known at "
                            "compile time in dy2st");
      found |= candidate == needle;
    }
    bool result = found == (op.getKind() == CompareKind::in);
    op.getResult().replaceAllUsesWith(
        ConstantOp::create(b, op.getLoc(), b.getBoolAttr(result)));
    op.erase();
    return success();
  }

  /// stack/concat of a tensor array: concat along `axis` is stack along it
  /// with the new dimension merged into the next.
  LogicalResult specializeArrayJoin(LibCallOp op, StringRef name, Value array, Value axisValue) {
    RankedTensorType item = cast<tensor_array::ArrayType>(array.getType()).getElementType();
    int64_t rank = item.getRank() + (name == "stack" ? 1 : 0);
    int64_t axis = 0;
    if (axisValue) {
      auto attr = dyn_cast_or_null<IntegerAttr>(constantOf(axisValue));
      if (!attr)
        return op.emitError() << name << "(): axis must be an int known at compile time";
      axis = attr.getInt();
    }
    if (rank == 0 || axis < -rank || axis >= rank)
      return op.emitError() << name << "(): axis " << axis << " is out of range";
    if (axis < 0)
      axis += rank;
    OpBuilder b(op);
    RankedTensorType stacked =
        cast<tensor_array::ArrayType>(array.getType()).getStackedType(axis);
    SmallVector<int64_t> shape(stacked.getShape());
    Value result =
        tensor_array::StackOp::create(b, op.getLoc(), stacked, array, b.getI64IntegerAttr(axis));
    if (name == "concat") {
      SmallVector<ReassociationIndices> groups;
      for (int64_t d = 0; d < item.getRank(); ++d)
        groups.push_back(d == axis ? ReassociationIndices{d, d + 1}
                                   : ReassociationIndices{d < axis ? d : d + 1});
      shape.erase(shape.begin() + axis + 1);
      result = tensor::CollapseShapeOp::create(
          b, op.getLoc(), RankedTensorType::get(shape, item.getElementType()), result, groups);
    }
    op.getResult().replaceAllUsesWith(result);
    op.erase();
    return success();
  }

  /// A dict display: its keys must be strings known at compile time.
  LogicalResult specializeDict(DictOp op) {
    SmallVector<StringAttr> keys;
    SmallVector<Type> types;
    for (auto [k, v] : llvm::zip(op.getKeys(), op.getValues())) {
      auto key = dyn_cast_or_null<StringAttr>(constantOf(k));
      if (!key)
        return op.emitError("dict keys in compiled code must be strings known at compile time");
      if (llvm::is_contained(keys, key))
        return op.emitError() << "the dict display repeats the key " << key;
      keys.push_back(key);
      types.push_back(v.getType());
    }
    op.getResult().setType(DictType::get(op.getContext(), keys, types));
    return success();
  }

  /// A dict value with `entries` (key → value, in order).
  Value makeDict(OpBuilder &b, Location loc, ArrayRef<std::pair<StringAttr, Value>> entries) {
    SmallVector<Value> keys, values;
    SmallVector<StringAttr> names;
    SmallVector<Type> types;
    for (auto [key, value] : entries) {
      keys.push_back(ConstantOp::create(b, loc, key));
      values.push_back(value);
      names.push_back(key);
      types.push_back(value.getType());
    }
    return DictOp::create(b, loc, DictType::get(b.getContext(), names, types), keys, values);
  }

  SmallVector<std::pair<StringAttr, Value>> entriesOf(OpBuilder &b, Location loc, Value dict) {
    auto type = cast<DictType>(dict.getType());
    SmallVector<Value> values = elementsOf(b, loc, dict);
    SmallVector<std::pair<StringAttr, Value>> entries;
    for (auto [key, value] : llvm::zip(type.getKeys(), values))
      entries.push_back({key, value});
    return entries;
  }

  FailureOr<StringAttr> staticKey(Operation *op, Value key) {
    auto attr = dyn_cast_or_null<StringAttr>(constantOf(key));
    if (!attr)
      return op->emitError("dict keys in compiled code must be strings known at compile time");
    return attr;
  }

  /// Methods of a dict with compile-time keys.
  LogicalResult specializeDictMethod(CallMethodOp op) {
    OpBuilder b(op);
    Location loc = op.getLoc();
    auto entries = entriesOf(b, loc, op.getObject());
    StringRef method = op.getMethod();
    ValueRange args = op.getArgs();
    Value result = ConstantOp::create(b, loc, b.getUnitAttr());
    Value updated = op.getObject();
    auto keyList = [&] {
      SmallVector<Value> keys;
      for (auto &e : entries)
        keys.push_back(ConstantOp::create(b, loc, e.first));
      return keys;
    };
    auto list = [&](ValueRange items) -> Value {
      SmallVector<Type> types(items.getTypes());
      return ListOp::create(b, loc, ListType::get(op.getContext(), types), items);
    };
    if (!op.getKwnames().empty())
      return op.emitError() << "dict." << method << "() takes no keyword arguments in compiled "
                                                    "code";
    if (method == "keys" && args.empty()) {
      result = list(keyList());
    } else if (method == "values" && args.empty()) {
      SmallVector<Value> values;
      for (auto &e : entries)
        values.push_back(e.second);
      result = list(values);
    } else if (method == "items" && args.empty()) {
      SmallVector<Value> items, keys = keyList();
      for (auto [k, e] : llvm::zip(keys, entries)) {
        Value pair[] = {k, e.second};
        items.push_back(TupleOp::create(
            b, loc, TupleType::get(op.getContext(), ValueRange(pair).getTypes()), pair));
      }
      result = list(items);
    } else if ((method == "get" || method == "pop") && !args.empty() && args.size() <= 2) {
      auto key = staticKey(op, args[0]);
      if (failed(key))
        return failure();
      auto it = llvm::find_if(entries, [&](auto &e) { return e.first == *key; });
      if (it != entries.end())
        result = it->second;
      else if (args.size() == 2)
        result = args[1];
      else if (method == "pop")
        return op.emitError() << "KeyError: " << *key;
      if (method == "pop" && it != entries.end()) {
        entries.erase(it);
        updated = makeDict(b, loc, entries);
      }
    } else if (method == "update" && args.size() == 1 && isa<DictType>(args[0].getType())) {
      for (auto &other : entriesOf(b, loc, args[0])) {
        auto it = llvm::find_if(entries, [&](auto &e) { return e.first == other.first; });
        if (it != entries.end())
          it->second = other.second;
        else
          entries.push_back(other);
      }
      updated = makeDict(b, loc, entries);
    } else {
      return op.emitError() << "dict." << method << "() is not supported by dy2st yet";
    }
    op.getResult().replaceAllUsesWith(result);
    op.getUpdated().replaceAllUsesWith(updated);
    op.erase();
    return success();
  }

  LogicalResult specializeSetItem(SetItemOp op) {
    if (isa<DictType>(op.getValue().getType())) {
      auto key = staticKey(op, op.getIndex());
      if (failed(key))
        return failure();
      OpBuilder b(op);
      auto entries = entriesOf(b, op.getLoc(), op.getValue());
      auto it = llvm::find_if(entries, [&](auto &e) { return e.first == *key; });
      if (it != entries.end())
        it->second = op.getItem();
      else
        entries.push_back({*key, op.getItem()});
      op.getResult().replaceAllUsesWith(makeDict(b, op.getLoc(), entries));
      op.erase();
      return success();
    }
    if (needsArray(op.getValue(), op.getIndex()))
      return specializeArrayWrite(op);
    auto list = dyn_cast<ListType>(op.getValue().getType());
    if (!list)
      return op.emitError() << "assigning items of " << withArticle(op.getValue().getType())
                            << " is not supported by dy2st yet";
    auto index = staticIndex(op, op.getIndex(), list.getElementTypes().size(), false);
    if (failed(index))
      return failure();
    OpBuilder b(op);
    SmallVector<Value> elements = elementsOf(b, op.getLoc(), op.getValue());
    elements[*index] = op.getItem();
    SmallVector<Type> types = llvm::map_to_vector(elements, [](Value v) { return v.getType(); });
    op.getResult().replaceAllUsesWith(
        ListOp::create(b, op.getLoc(), ListType::get(op.getContext(), types), elements));
    op.erase();
    return success();
  }

  /// l[a:b:c] of a list or tuple (x.shape[1:]) with bounds known at compile
  /// time: a new display of the selected elements.
  LogicalResult sliceSequence(SubscriptOp op) {
    auto slice = op.getIndex().getDefiningOp<SliceOp>();
    auto part = [&](Value v, std::optional<int64_t> &out) -> LogicalResult {
      if (isa<PyNoneType>(v.getType()))
        return success();
      auto i = dyn_cast_or_null<IntegerAttr>(constantOf(v));
      if (!i || !i.getType().isInteger(64))
        return op.emitError("slices of lists and tuples need bounds known at compile time");
      out = i.getInt();
      return success();
    };
    std::optional<int64_t> lower, upper, step;
    if (!slice || failed(part(slice.getLower(), lower)) || failed(part(slice.getUpper(), upper)) ||
        failed(part(slice.getStep(), step)))
      return slice ? failure() : op.emitError("slices of lists need a slice display");
    if (step && *step == 0)
      return op.emitError("ValueError: slice step cannot be zero");
    OpBuilder b(op);
    SmallVector<Value> elements = elementsOf(b, op.getLoc(), op.getValue());
    int64_t n = elements.size(), s = step.value_or(1);
    auto clamp = [&](std::optional<int64_t> v, int64_t omitted, int64_t lo, int64_t hi) {
      if (!v)
        return omitted;
      int64_t x = *v < 0 ? *v + n : *v;
      return std::min(std::max(x, lo), hi);
    };
    int64_t from = s > 0 ? clamp(lower, 0, 0, n) : clamp(lower, n - 1, -1, n - 1);
    int64_t to = s > 0 ? clamp(upper, n, 0, n) : clamp(upper, -1, -1, n - 1);
    SmallVector<Value> picked;
    for (int64_t i = from; s > 0 ? i < to : i > to; i += s)
      picked.push_back(elements[i]);
    SmallVector<Type> types = llvm::map_to_vector(picked, [](Value v) { return v.getType(); });
    Value result = isa<ListType>(op.getValue().getType())
                       ? Value(ListOp::create(b, op.getLoc(), ListType::get(op.getContext(), types), picked))
                       : Value(TupleOp::create(b, op.getLoc(), TupleType::get(op.getContext(), types), picked));
    op.getResult().replaceAllUsesWith(result);
    op.erase();
    return success();
  }

  /// The leaves of a nested structure, depth first; a dict's values in the
  /// order of its sorted keys (Paddle's order).
  void collectLeaves(OpBuilder &b, Location loc, Value v, SmallVectorImpl<Value> &leaves) {
    Type t = v.getType();
    if (!sequenceElementTypes(t)) {
      leaves.push_back(v);
      return;
    }
    SmallVector<Value> items = elementsOf(b, loc, v);
    SmallVector<size_t> order = llvm::to_vector(llvm::seq<size_t>(0, items.size()));
    if (auto dict = dyn_cast<DictType>(t))
      llvm::sort(order, [&](size_t a, size_t c) {
        return dict.getKeys()[a].getValue() < dict.getKeys()[c].getValue();
      });
    for (size_t i : order)
      collectLeaves(b, loc, items[i], leaves);
  }

  /// `structure` rebuilt with the leaves from `flat[at...]`.
  Value packLike(OpBuilder &b, Location loc, Value structure, ArrayRef<Value> flat, size_t &at) {
    Type t = structure.getType();
    if (!sequenceElementTypes(t))
      return flat[at++];
    SmallVector<Value> items = elementsOf(b, loc, structure);
    SmallVector<Value> packed(items.size());
    SmallVector<size_t> order = llvm::to_vector(llvm::seq<size_t>(0, items.size()));
    auto dict = dyn_cast<DictType>(t);
    if (dict)
      llvm::sort(order, [&](size_t a, size_t c) {
        return dict.getKeys()[a].getValue() < dict.getKeys()[c].getValue();
      });
    for (size_t i : order)
      packed[i] = packLike(b, loc, items[i], flat, at);
    SmallVector<Type> types = llvm::map_to_vector(packed, [](Value v) { return v.getType(); });
    if (isa<ListType>(t))
      return ListOp::create(b, loc, ListType::get(t.getContext(), types), packed);
    if (isa<TupleType>(t))
      return TupleOp::create(b, loc, TupleType::get(t.getContext(), types), packed);
    SmallVector<Value> keys;
    for (StringAttr key : dict.getKeys())
      keys.push_back(ConstantOp::create(b, loc, key));
    return DictOp::create(b, loc, DictType::get(t.getContext(), dict.getKeys(), types), keys, packed);
  }

  /// paddle.utils.flatten(nest) and pack_sequence_as(structure, flat): the
  /// structures are known at compile time.
  LogicalResult specializeStructure(CallMethodOp op) {
    OpBuilder b(op);
    Location loc = op.getLoc();
    Value object = op.getObject();
    if (unknown(object.getType()))
      return op.emitError("dy2st cannot tell the structure of this value");
    Value result;
    if (op.getMethod() == "__flatten__") {
      SmallVector<Value> leaves;
      collectLeaves(b, loc, object, leaves);
      SmallVector<Type> types = llvm::map_to_vector(leaves, [](Value v) { return v.getType(); });
      result = ListOp::create(b, loc, ListType::get(op.getContext(), types), leaves);
    } else {
      if (op.getArgs().size() != 1 || !sequenceElementTypes(op.getArgs()[0].getType()))
        return op.emitError("pack_sequence_as() takes a structure and a list of its leaves "
                            "known at compile time");
      SmallVector<Value> flat = elementsOf(b, loc, op.getArgs()[0]);
      SmallVector<Value> leaves;
      collectLeaves(b, loc, object, leaves);
      if (leaves.size() != flat.size())
        return op.emitError() << "pack_sequence_as: the structure has " << leaves.size()
                              << " leaves, the flat sequence " << flat.size();
      size_t at = 0;
      result = packLike(b, loc, object, flat, at);
    }
    op.getResult().replaceAllUsesWith(result);
    op.getUpdated().replaceAllUsesWith(object);
    op.erase();
    return success();
  }

  /// isinstance(v, classes): answered from v's type ("list,tuple" names the
  /// classes).
  LogicalResult specializeIsInstance(CallMethodOp op) {
    Type t = op.getObject().getType();
    if (unknown(t))
      return op.emitError("dy2st cannot tell the type of this value for isinstance()");
    llvm::SmallVector<StringRef> names;
    if (t.isInteger(1))
      names = {"bool", "int"};
    else if (t.isInteger(64))
      names = {"int"};
    else if (t.isF64())
      names = {"float"};
    else if (isa<StrType>(t))
      names = {"str"};
    else if (isa<PyNoneType>(t))
      names = {"NoneType"};
    else if (isa<ListType, tensor_array::ArrayType>(t))
      names = {"list"};
    else if (isa<TupleType>(t))
      names = {"tuple"};
    else if (isa<DictType>(t))
      names = {"dict"};
    else if (isa<RankedTensorType>(t))
      names = {"Tensor"};
    auto classes = cast<StringAttr>(constantOf(op.getArgs()[0])).getValue();
    SmallVector<StringRef> wanted;
    classes.split(wanted, ',');
    // "~base": a user class, of which compiled values are not instances; a
    // subclass of tuple, list or dict cannot be told from its base here.
    for (StringRef w : wanted)
      if (w.consume_front("~") && !w.empty() && llvm::is_contained(names, w))
        return op.emitError() << "isinstance() with a subclass of " << w << " cannot be told "
                              << "apart from a plain " << w << " in compiled code";
    bool result = llvm::any_of(wanted, [&](StringRef w) { return llvm::is_contained(names, w); });
    OpBuilder b(op);
    op.getResult().replaceAllUsesWith(ConstantOp::create(b, op.getLoc(), b.getBoolAttr(result)));
    op.getUpdated().replaceAllUsesWith(op.getObject());
    op.erase();
    return success();
  }

  LogicalResult specializeMethod(CallMethodOp op, Operation *&next) {
    Type receiver = op.getObject().getType();
    StringRef method = op.getMethod();
    if (method == "__isinstance__")
      return specializeIsInstance(op);
    if (method == "__flatten__" || method == "__pack__")
      return specializeStructure(op);
    if (method == "__list__" || method == "__tuple__") {
      // list(x) / tuple(x) of a container known at compile time (a dict: its keys).
      if (!sequenceElementTypes(receiver))
        return op.emitError() << method.drop_front(2).drop_back(2) << "() of "
                              << withArticle(receiver) << " is not supported by dy2st yet";
      OpBuilder b(op);
      SmallVector<Value> items;
      if (auto dict = dyn_cast<DictType>(receiver))
        for (StringAttr key : dict.getKeys())
          items.push_back(ConstantOp::create(b, op.getLoc(), key));
      else
        items = elementsOf(b, op.getLoc(), op.getObject());
      SmallVector<Type> types(ValueRange(items).getTypes());
      Value result = method == "__list__"
                         ? Value(ListOp::create(b, op.getLoc(),
                                                ListType::get(op.getContext(), types), items))
                         : Value(TupleOp::create(b, op.getLoc(),
                                                 TupleType::get(op.getContext(), types), items));
      op.getResult().replaceAllUsesWith(result);
      op.getUpdated().replaceAllUsesWith(op.getObject());
      op.erase();
      return success();
    }
    if (isa<tensor_array::ArrayType>(receiver) ||
        (isa<ListType>(receiver) && method == "pop" && op.getArgs().size() == 1 &&
         needsArray(op.getObject(), op.getArgs()[0])))
      return specializeArrayMethod(op);
    if (isa<ListType>(receiver))
      return specializeListMethod(op);
    if (isa<DictType>(receiver))
      return specializeDictMethod(op);
    if (!isa<RankedTensorType>(receiver))
      return op.emitError() << "calling method '" << method << "' of "
                            << withArticle(receiver) << " is not supported by dy2st yet";
    if (method == "numpy" || method == "tolist" || method == "item")
      return valueOfTensor(op);
    StringRef callee = method == "astype" ? StringRef("cast") : method;
    const LibFunction *fn = lookupLibFunction(callee);
    if (!fn || fn->params.empty() || fn->params.front().kind != ParamKind::Tensor)
      return op.emitError() << "Tensor method '" << method
                            << "' is not supported in compiled code";
    OpBuilder b(op);
    SmallVector<Value> args{op.getObject()};
    llvm::append_range(args, op.getArgs());
    auto call = LibCallOp::create(b, op.getLoc(), ObjectType::get(op.getContext()), callee,
                                  args, op.getKwnames(), DictionaryAttr());
    op.getResult().replaceAllUsesWith(call.getResult());
    op.getUpdated().replaceAllUsesWith(op.getObject());
    op.erase();
    next = call;
    return success();
  }

  //===--------------------------------------------------------------------===//
  // Library calls
  //===--------------------------------------------------------------------===//

  /// `t.numpy()` and `t.tolist()` are the tensor itself in compiled code
  /// (used as a tensor is: compared, indexed, in arithmetic); `t.item()` is
  /// the Python number of its one element, read at run time.
  LogicalResult valueOfTensor(CallMethodOp op) {
    StringRef method = op.getMethod();
    if (!op.getArgs().empty())
      return op.emitError() << "Tensor." << method
                            << "() with arguments is not supported in compiled code";
    Value result = op.getObject();
    if (method == "item") {
      Type elem = cast<RankedTensorType>(result.getType()).getElementType();
      UnaryKind kind = elem.isInteger(1)        ? UnaryKind::to_bool
                       : isa<FloatType>(elem) ? UnaryKind::to_float
                                              : UnaryKind::to_int;
      OpBuilder b(op);
      auto unary = UnaryOp::create(b, op.getLoc(), ObjectType::get(op.getContext()), kind, result);
      if (failed(inferResultTypes(unary)))
        return failure();
      result = unary;
    }
    op.getResult().replaceAllUsesWith(result);
    op.getUpdated().replaceAllUsesWith(op.getObject());
    op.erase();
    return success();
  }

  LogicalResult specializeLibCall(LibCallOp op, Operation *&next) {
    const LibFunction *fn = lookupLibFunction(op.getCallee());
    SmallVector<Value> bound;
    if (failed(bindLibArguments(op, bound)))
      return failure();
    if ((fn->op == LibOp::stack || fn->op == LibOp::concat) && bound[0] &&
        isa<tensor_array::ArrayType>(bound[0].getType()))
      return specializeArrayJoin(op, fn->name, bound[0], bound[1]);
    if (fn->op == LibOp::nonzero && bound[1])
      if (auto asTuple = dyn_cast_or_null<BoolAttr>(staticValue(bound[1])); asTuple && asTuple.getValue())
        return nonzeroColumns(op, bound[0], next);
    if (fn->op == LibOp::to_tensor && bound[0] && !staticValue(bound[0]))
      if (auto items = sequenceElementTypes(bound[0].getType());
          items && !items->empty() && !llvm::all_of(*items, isPythonScalar))
        return stackedToTensor(op, bound, next);
    OpBuilder b(op);
    LibTyping typing{op, *fn, {}, {}};
    SmallVector<Value> runtime;
    SmallVector<StringRef> names;
    auto addOperand = [&](const LibParam &param, Value v) {
      typing.operands[param.name].push_back(v);
      runtime.push_back(v);
      names.push_back(param.name);
    };
    for (auto [param, value] : llvm::zip(fn->params, bound)) {
      Attribute literal = value ? staticValue(value) : Attribute();
      if (!value) {
        Attribute def = param.required() ? Attribute() : libDefault(op.getContext(), param);
        if (!def || isa<UnitAttr>(def))
          continue;
        if (param.isStatic()) {
          typing.statics.append(param.name, def);
          continue;
        }
        value = ConstantOp::create(b, op.getLoc(), def);
        literal = def;
      }
      switch (param.kind) {
      case ParamKind::Static:
        if (!literal)
          return op.emitError() << "argument '" << param.name << "' of " << fn->name
                                << "() must be known at compile time";
        if (!isa<UnitAttr>(literal))
          typing.statics.append(param.name, literal);
        break;
      case ParamKind::Data:
        if (literal) {
          typing.statics.append(param.name, literal);
        } else if (auto items = sequenceElementTypes(value.getType());
                   items && !items->empty() && llvm::all_of(*items, isPythonScalar)) {
          // A flat list of numbers known at run time: one operand each.
          for (Value item : elementsOf(b, op.getLoc(), value))
            addOperand(param, item);
          typing.statics.append("items", b.getUnitAttr());
        } else {
          addOperand(param, value);
        }
        break;
      case ParamKind::Tensors:
        if (sequenceElementTypes(value.getType())) {
          for (Value item : elementsOf(b, op.getLoc(), value))
            addOperand(param, item);
          break;
        }
        addOperand(param, value);
        break;
      case ParamKind::Ints:
        if (failed(bindInts(b, op, param, value, typing, addOperand)))
          return failure();
        break;
      case ParamKind::Tensor:
      case ParamKind::Value:
        if (isa<PyNoneType>(value.getType()))
          break;
        addOperand(param, value);
        break;
      }
    }
    FailureOr<Type> result = inferLibCallType(typing);
    if (failed(result))
      return failure();
    auto specialized = LibCallOp::create(b, op.getLoc(), *result, op.getCallee(), runtime,
                                         b.getStrArrayAttr(names),
                                         typing.statics.getDictionary(op.getContext()));
    op.getResult().replaceAllUsesWith(specialized.getResult());
    op.erase();
    (void)next;
    return success();
  }

  /// nonzero(x, as_tuple=True): the columns of nonzero(x), one 1-d tensor a
  /// dimension.
  LogicalResult nonzeroColumns(LibCallOp op, Value x, Operation *&next) {
    auto type = dyn_cast<RankedTensorType>(x.getType());
    if (!type)
      return op.emitError() << "nonzero(): expects a tensor, got " << withArticle(x.getType());
    OpBuilder b(op);
    Location loc = op.getLoc();
    Type object = ObjectType::get(op.getContext());
    auto constant = [&](Attribute a) { return ConstantOp::create(b, loc, a).getResult(); };
    auto i64 = [&](int64_t v) { return constant(b.getI64IntegerAttr(v)); };
    auto call = [&](StringRef callee, ValueRange args) {
      return LibCallOp::create(b, loc, object, callee, args, b.getStrArrayAttr({}), DictionaryAttr())
          .getResult();
    };
    Value rows = call("nonzero", {x});
    Operation *first = rows.getDefiningOp();
    SmallVector<Value> columns;
    for (int64_t d = 0; d < type.getRank(); ++d) {
      auto list = [&](int64_t v) {
        return ListOp::create(b, loc, object, ValueRange{i64(v)}).getResult();
      };
      Value column = call("strided_slice", {rows, list(1), list(d), list(d + 1), list(1)});
      columns.push_back(call("squeeze", {column, list(1)}));
    }
    Value result = TupleOp::create(b, loc, object, columns);
    op.getResult().replaceAllUsesWith(result);
    op.erase();
    next = first;
    return success();
  }

  /// to_tensor of a list holding tensors or lists: each item made a tensor,
  /// then stacked (and cast to `dtype`).
  LogicalResult stackedToTensor(LibCallOp op, ArrayRef<Value> bound, Operation *&next) {
    OpBuilder b(op);
    Location loc = op.getLoc();
    Type object = ObjectType::get(op.getContext());
    Operation *first = nullptr;
    auto call = [&](StringRef callee, ValueRange args) {
      auto c = LibCallOp::create(b, loc, object, callee, args, b.getStrArrayAttr({}), DictionaryAttr());
      first = first ? first : c.getOperation();
      return c.getResult();
    };
    SmallVector<Value> parts;
    for (Value item : elementsOf(b, loc, bound[0]))
      parts.push_back(isa<RankedTensorType>(item.getType()) ? item : call("to_tensor", {item}));
    auto list = ListOp::create(b, loc, object, parts);
    first = first ? first : list.getOperation();
    Value result = call("stack", {list});
    if (bound[1])
      result = call("cast", {result, bound[1]});
    op.getResult().replaceAllUsesWith(result);
    op.erase();
    next = first;
    return success();
  }

  /// The literal a value is known to be: a constant, or a list/tuple display
  /// of literals (a list grown by unrolled appends).
  static Attribute staticValue(Value v) {
    if (Attribute a = constantOf(v))
      return a;
    Operation *def = v.getDefiningOp();
    if (auto sub = dyn_cast_or_null<SubscriptOp>(def)) {
      SmallVector<OpFoldResult> folded;
      if (succeeded(sub->fold({Attribute(), constantOf(sub.getIndex())}, folded)) &&
          !folded.empty())
        if (auto attr = dyn_cast<Attribute>(folded.front()))
          return attr;
      auto items = dyn_cast_or_null<ArrayAttr>(staticValue(sub.getValue()));
      auto index = dyn_cast_or_null<IntegerAttr>(constantOf(sub.getIndex()));
      if (!items || !index)
        return {};
      int64_t i = index.getInt() < 0 ? index.getInt() + items.size() : index.getInt();
      return i >= 0 && i < static_cast<int64_t>(items.size()) ? items[i] : Attribute();
    }
    if (!def || !isa<ListOp, TupleOp>(def))
      return {};
    SmallVector<Attribute> items;
    for (Value item : def->getOperands()) {
      items.push_back(staticValue(item));
      if (!items.back())
        return {};
    }
    return ArrayAttr::get(v.getContext(), items);
  }

  /// An `Ints` argument: an int, or a list/tuple of ints each known at compile
  /// time or not (`static_args` holds the known ones and kDynamicInt for each
  /// runtime one, which becomes an operand), or a 1-d integer tensor.
  template <typename AddOperand>
  LogicalResult bindInts(OpBuilder &b, LibCallOp op, const LibParam &param, Value value,
                         LibTyping &typing, AddOperand addOperand) {
    auto isRuntimeInt = [](Type t) {
      if (t.isInteger(64))
        return true;
      auto tensor = dyn_cast<RankedTensorType>(t);
      return tensor && tensor.hasStaticShape() && tensor.getNumElements() == 1 &&
             isa<IntegerType>(tensor.getElementType()) &&
             !tensor.getElementType().isInteger(1);
    };
    SmallVector<int64_t> entries;
    auto addEntry = [&](Value v) -> LogicalResult {
      if (auto i = dyn_cast_or_null<IntegerAttr>(staticValue(v)); i && i.getType().isInteger(64)) {
        entries.push_back(i.getInt());
        return success();
      }
      if (!isRuntimeInt(v.getType()))
        return op.emitError() << fn(op) << "(): '" << param.name
                              << "' must hold ints or one-element integer tensors, not "
                              << withArticle(v.getType());
      entries.push_back(kDynamicInt);
      addOperand(param, v);
      return success();
    };
    Type t = value.getType();
    if (auto array = dyn_cast_or_null<ArrayAttr>(staticValue(value))) {
      for (Attribute a : array) {
        auto i = dyn_cast<IntegerAttr>(a);
        if (!i || !i.getType().isInteger(64))
          return op.emitError() << fn(op) << "(): '" << param.name << "' must hold ints";
        entries.push_back(i.getInt());
      }
      typing.statics.append(param.name, b.getDenseI64ArrayAttr(entries));
      return success();
    }
    if (auto tensor = dyn_cast<RankedTensorType>(t); tensor && tensor.getRank() == 1) {
      addOperand(param, value);
      return success();
    }
    if (sequenceElementTypes(t)) {
      for (Value item : elementsOf(b, op.getLoc(), value))
        if (failed(addEntry(item)))
          return failure();
    } else if (failed(addEntry(value))) {
      return failure();
    }
    typing.statics.append(param.name, b.getDenseI64ArrayAttr(entries));
    return success();
  }

  static StringRef fn(LibCallOp op) { return op.getCallee(); }

  static void eraseDeadOps(Region &region) {
    bool changed = true;
    while (changed) {
      changed = false;
      region.walk<WalkOrder::PostOrder, mlir::ReverseIterator>([&](Operation *op) {
        if (isOpTriviallyDead(op)) {
          op->erase();
          changed = true;
        }
      });
    }
  }
};

struct SpecializePass : impl::SpecializePassBase<SpecializePass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    FuncOp func;
    for (FuncOp f : module.getOps<FuncOp>())
      if (entry.empty() || f.getSymName() == entry) {
        func = f;
        break;
      }
    if (!func) {
      module.emitError() << (entry.empty() ? std::string("no pydy.func to specialize")
                                           : "no pydy.func named '" + entry + "'");
      return signalPassFailure();
    }
    // The driver gives the signature as the entry's attribute; dy2st-opt as
    // the option's text.
    PydyDialect::SignatureAttrHelper signatureAttr(&getContext());
    ArrayAttr parsed = signatureAttr.getAttr(func);
    if (parsed)
      signatureAttr.removeAttr(func);
    if (!signature.empty()) {
      parsed = dyn_cast_or_null<ArrayAttr>(
          parseAttribute("[" + signature + "]", &getContext()));
      if (!parsed) {
        func.emitError() << "cannot parse signature '" << signature << "'";
        return signalPassFailure();
      }
    }
    // Recursive functions are copied per signature from these.
    llvm::StringMap<FuncOp> templates;
    for (FuncOp f : module.getOps<FuncOp>())
      templates[f.getSymName()] = cast<FuncOp>(f->clone());
    llvm::scope_exit eraseTemplates([&] {
      for (auto &entry : templates)
        entry.second.erase();
    });
    std::deque<Specialization> specializations;
    if (failed(Specializer(module, templates, specializations, false).run(func, parsed)))
      return signalPassFailure();
    // The generic recursive functions were copied for each signature.
    for (FuncOp f : llvm::make_early_inc_range(module.getOps<FuncOp>()))
      if (f != func && llvm::none_of(specializations,
                                     [&](const Specialization &s) { return s.func == f; }))
        f.erase();
  }
};

} // namespace
} // namespace mlir::pydy
