// The pydy-specialize pass, and the Specializer's entry points: the
// signature, functions, recursive calls (Specializer.h describes the walk).
#include "Specializer.h"

#include "Dy2St/Dialect/Pydy/Passes.h"

namespace mlir::pydy {
#define GEN_PASS_DEF_SPECIALIZEPASS
#include "Dy2St/Dialect/Pydy/Passes.h.inc"

namespace specialization {

LogicalResult Specializer::run(FuncOp func, ArrayAttr signature) {
  if (failed(applySignature(func, signature)) || failed(specializeFunction(func)))
    return failure();
  // Each copy of a recursive function is typed for real once every copy
  // (mutual recursion included) has its result type; typing one may make
  // more copies.
  for (size_t i = 0; i < specializations.size(); ++i) {
    Specialization &spec = specializations[i];
    FailureOr<Type> actual = Specializer(module, templates, specializations, false, mostUnrolledOps)
                                 .specializeFunction(spec.func);
    if (failed(actual))
      return failure();
    if (*actual != spec.result)
      return spec.func.emitError() << "'" << pythonName(spec.func) << "' returns "
                                   << withArticle(spec.result) << " on its base case but "
                                   << withArticle(*actual) << " through recursion";
  }
  return success();
}

FailureOr<Type> Specializer::specializeFunction(FuncOp func) {
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
  // A function value is called where it is known; the program cannot give
  // one back (nor a structure holding one).
  if (Value returned = ret.getValue())
    if (Operation *def = returned.getDefiningOp();
        def && (isa<LambdaOp>(def) ||
                (isa<TupleOp, ListOp>(def) && llvm::any_of(def->getOperands(), [](Value v) {
                   return v.getDefiningOp<LambdaOp>();
                 }))))
      return ret.emitError("a function (a lambda, or a function used as a value) can be called "
                           "in compiled code but not returned from it");
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

LogicalResult Specializer::specializeCall(CallOp call) {
  // The call's verifier makes sure its callee is a function of the module.
  FuncOp callee = templates.lookup(call.getCallee());
  assert(callee && "pydy.call of a function the module does not define");
  SmallVector<Type> args(call.getArgs().getTypes());
  if (llvm::any_of(args, unknown)) {
    if (!tolerant)
      return call.emitError("dy2st could not infer the type of an argument of this call");
    call.getResult().setType(ObjectType::get(call.getContext()));
    return success();
  }
  // A recursive call's arguments are the function's own (not expanded).
  if (llvm::any_of(args, llvm::IsaPred<RuntimeDictType, RuntimeSetType>))
    return call.emitError() << "a dict given keys at run time, or a set, cannot be passed to "
                               "the recursive function '"
                            << pythonName(callee) << "' by dy2st yet";
  auto it = llvm::find_if(specializations, [&](const Specialization &s) {
    return s.source == callee.getOperation() && s.args == args;
  });
  Specialization *spec = it == specializations.end() ? nullptr : &*it;
  if (!spec) {
    if (specializations.size() == kMaxSpecializations)
      return call.emitError() << "recursive calls of '" << pythonName(callee)
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
    FailureOr<Type> guess = Specializer(module, templates, specializations, true, mostUnrolledOps)
                                .specializeFunction(probe);
    probe.erase();
    if (failed(guess))
      return failure();
    if (!*guess || unknown(*guess))
      return call.emitError() << "dy2st cannot tell what '" << pythonName(callee)
                              << "' returns: no path returns without a recursive call, or it "
                                 "returns None";
    if (sequenceElementTypes(*guess) && !isNestedValues(*guess))
      return call.emitError() << "a recursive function returning "
                              << withArticle(*guess) << " is not supported by dy2st yet";
    spec->result = *guess;
  }
  call.setCalleeAttr(FlatSymbolRefAttr::get(spec->func.getSymNameAttr()));
  call.getResult().setType(spec->result ? spec->result : ObjectType::get(call.getContext()));
  return success();
}

LogicalResult Specializer::applySignature(FuncOp func, ArrayAttr signature) {
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

} // namespace specialization

namespace {

using specialization::Specialization;
using specialization::Specializer;

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
    if (failed(Specializer(module, templates, specializations, false, mostUnrolledOps)
                   .run(func, parsed)))
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
