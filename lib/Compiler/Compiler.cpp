// The compiler driver: specialization and lowering pipelines, then the entry's
// calling convention read off its signature, for the runtime.
#include "Dy2St/Compiler/Compiler.h"

#include "Dy2St/Dialect/Pydy/PydyDialect.h"
#include "Dy2St/Dialect/TensorArray/TensorArrayDialect.h"
#include "Dy2St/Pipelines/Pipelines.h"
#include "Dy2St/Runtime/Cuda.h"
#include "Dy2St/Support/RuntimeABI.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/JSON.h"

using namespace mlir;

namespace dy2st {

char DiagnosticError::ID;

void DiagnosticError::log(llvm::raw_ostream &os) const {
  for (const auto &[i, d] : llvm::enumerate(diagnostics)) {
    if (i)
      os << "\n";
    if (!d.file.empty())
      os << d.file << ":" << d.line << ":" << d.column << ": ";
    os << d.kind << ": " << d.message;
  }
}

static const char *kindOf(DiagnosticSeverity severity) {
  switch (severity) {
  case DiagnosticSeverity::Error: return "error";
  case DiagnosticSeverity::Warning: return "warning";
  case DiagnosticSeverity::Note: return "note";
  case DiagnosticSeverity::Remark: return "remark";
  }
  return "error";
}

/// The source places of `loc`, innermost first: a CallSiteLoc (an inlined
/// call) gives the callee's, then its callers'.
static void framesOf(Location loc, SmallVectorImpl<FileLineColLoc> &frames) {
  if (auto site = dyn_cast<CallSiteLoc>(loc)) {
    framesOf(site.getCallee(), frames);
    framesOf(site.getCaller(), frames);
    return;
  }
  auto file = dyn_cast<FileLineColLoc>(loc);
  if (!file)
    file = loc->findInstanceOf<FileLineColLoc>();
  if (file)
    frames.push_back(file);
}

namespace {

/// Collects the diagnostics of `ctx` while it lives.
class DiagnosticCollector {
public:
  explicit DiagnosticCollector(MLIRContext *ctx);
  ~DiagnosticCollector();
  /// The collected diagnostics as a DiagnosticError, or `fallback` where
  /// there are none.
  llvm::Error error(StringRef fallback);

private:
  std::vector<CompileDiagnostic> diagnostics;
  MLIRContext *ctx;
  DiagnosticEngine::HandlerID handler;
};

} // namespace

DiagnosticCollector::DiagnosticCollector(MLIRContext *ctx) : ctx(ctx) {
  handler = ctx->getDiagEngine().registerHandler([this](Diagnostic &diag) {
    auto append = [&](Diagnostic &d) {
      SmallVector<FileLineColLoc> frames;
      framesOf(d.getLocation(), frames);
      CompileDiagnostic record{kindOf(d.getSeverity()), d.str()};
      if (!frames.empty()) {
        record.file = frames.front().getFilename().str();
        record.line = frames.front().getLine();
        record.column = frames.front().getColumn();
      }
      diagnostics.push_back(std::move(record));
      return frames;
    };
    SmallVector<FileLineColLoc> frames = append(diag);
    for (Diagnostic &note : diag.getNotes())
      append(note);
    // The calls that led to an inlined function, innermost first, after the
    // notes on the error's own place (a diagnostic may have no place at all).
    for (FileLineColLoc caller : ArrayRef(frames).drop_front(frames.empty() ? 0 : 1))
      diagnostics.push_back({"note", "called from here", caller.getFilename().str(),
                             caller.getLine(), caller.getColumn()});
    return success();
  });
}

DiagnosticCollector::~DiagnosticCollector() { ctx->getDiagEngine().eraseHandler(handler); }

llvm::Error DiagnosticCollector::error(StringRef fallback) {
  if (diagnostics.empty())
    return llvm::createStringError(fallback.str());
  return llvm::make_error<DiagnosticError>(std::move(diagnostics));
}

namespace {

std::string printed(ModuleOp module) {
  std::string s;
  llvm::raw_string_ostream os(s);
  module.print(os);
  return s;
}

/// The structure of a result of `type` (see CompiledProgram::resultStructure);
/// `texts` gives, in order, the strings known when compiling and the tables
/// of those chosen at run time (whose leaf is an index into the table).
llvm::json::Value structureOf(Type type, ArrayRef<Attribute> &texts) {
  if (!type)
    return "none";
  if (isa<pydy::StrType>(type)) {
    Attribute text = texts.empty() ? Attribute() : texts.front();
    texts = texts.drop_front(texts.empty() ? 0 : 1);
    if (auto table = dyn_cast_or_null<ArrayAttr>(text)) {
      llvm::json::Array choices;
      for (StringRef choice : table.getAsValueRange<StringAttr>())
        choices.push_back(choice.str());
      return llvm::json::Object{{"text_choice", std::move(choices)}};
    }
    auto known = dyn_cast_or_null<StringAttr>(text);
    return "text:" + (known ? known.getValue().str() : std::string());
  }
  if (isa<pydy::OptionalType>(type))
    return "optional";
  if (auto array = dyn_cast<tensor_array::ArrayType>(type))
    return array.holdsScalars() ? "numbers" : "array";
  if (isa<pydy::RuntimeSetType>(type))
    return "runtime_set";
  // Its keys as "numbers", then its values.
  if (auto dict = dyn_cast<pydy::RuntimeDictType>(type))
    return dict.getValuesArrayType().holdsScalars() ? "runtime_dict:numbers"
                                                    : "runtime_dict:array";
  if (auto dict = dyn_cast<pydy::DictType>(type)) {
    llvm::json::Array entries;
    for (auto [key, value] : llvm::zip(dict.getKeys(), dict.getValueTypes()))
      entries.push_back(llvm::json::Array{
          isa<IntegerAttr>(key) ? llvm::json::Value(cast<IntegerAttr>(key).getInt())
                                : llvm::json::Value(cast<StringAttr>(key).getValue().str()),
          structureOf(value, texts)});
    return llvm::json::Object{{"dict", std::move(entries)}};
  }
  if (auto named = dyn_cast<pydy::NamedTupleType>(type)) {
    llvm::json::Array fields, items;
    for (auto [field, t] : llvm::zip(named.getFields(), named.getElementTypes())) {
      fields.push_back(field.getValue().str());
      items.push_back(structureOf(t, texts));
    }
    return llvm::json::Object{
        {"named_tuple", llvm::json::Array{named.getClassKey().str(), std::move(fields),
                                          std::move(items)}}};
  }
  if (auto elements = pydy::sequenceElementTypes(type)) {
    llvm::json::Array items;
    for (Type t : *elements)
      items.push_back(structureOf(t, texts));
    return llvm::json::Object{{isa<pydy::ListType>(type) ? "list" : "tuple", std::move(items)}};
  }
  if (type.getDialect().getNamespace() == "pydy")
    return "none";
  return nullptr;
}

ValueSlot slotOf(Type t) {
  ValueSlot slot;
  slot.description = pydy::describeType(t);
  if (auto tensor = dyn_cast<RankedTensorType>(t)) {
    slot.kind = ValueKind::Tensor;
    slot.dtype = *dtypeOfElement(tensor.getElementType());
    for (int64_t d : tensor.getShape())
      slot.shape.push_back(ShapedType::isDynamic(d) ? kDynamicDim : d);
  } else if (t.isInteger(1)) {
    slot.kind = ValueKind::Bool;
  } else if (t.isInteger(64)) {
    slot.kind = ValueKind::Int;
  }
  return slot;
}

} // namespace

llvm::Expected<CompiledProgram> compileProgram(ModuleOp module, const CompileRequest &request) {
  MLIRContext *ctx = module.getContext();
  DiagnosticCollector diagnostics(ctx);
  CompiledProgram program;
  program.gpu = request.gpu;

  // A saved model holds the program as imported in `module @pydy`.
  OwningOpRef<ModuleOp> saved;
  if (module.getOps<pydy::FuncOp>().empty())
    for (auto nested : module.getOps<ModuleOp>())
      if (nested.getSymName() == "pydy") {
        saved = cast<ModuleOp>(nested->clone());
        module = *saved;
        break;
      }

  Type pythonResult;
  bool isPydy = !module.getOps<pydy::FuncOp>().empty();
  if (isPydy) {
    program.stages["pydy"] = printed(module);
    // The signature goes to the specialization as data, on the entry.
    for (auto f : module.getOps<pydy::FuncOp>())
      if (!request.signature.empty() &&
          (request.entry.empty() || f.getSymName() == request.entry)) {
        pydy::PydyDialect::SignatureAttrHelper(ctx).setAttr(
            f, signatureAttr(request.signature, ctx));
        break;
      }
    CompileOptions options;
    options.entry = request.entry;
    PassManager specialize(ctx);
    buildSpecializationPipeline(specialize, options);
    if (failed(specialize.run(module)))
      return diagnostics.error("dy2st: specialization failed");
    program.stages["specialized"] = printed(module);
    for (auto f : module.getOps<pydy::FuncOp>())
      if (request.entry.empty() || f.getSymName() == request.entry) {
        ArrayRef<Type> results = f.getResultTypes();
        pythonResult = results.empty() ? Type() : results.front();
        break;
      }
    PassManager lower(ctx);
    buildPydyLoweringPipeline(lower);
    if (failed(lower.run(module)))
      return diagnostics.error("dy2st: lowering to core dialects failed");
  }
  program.stages["core"] = printed(module);

  func::FuncOp entry;
  for (auto f : module.getOps<func::FuncOp>())
    if (!f.isDeclaration() && !f.isPrivate() &&
        (request.entry.empty() || f.getSymName() == request.entry)) {
      entry = f;
      break;
    }
  if (!entry)
    return llvm::createStringError(
        request.entry.empty() ? std::string("dy2st: the module has no function to run")
                              : "dy2st: no function named '" + request.entry + "'");
  program.name = entry.getSymName().str();
  program.entry = (kPackedEntryPrefix + "_mlir_ciface_" + program.name).str();
  FunctionType signature = entry.getFunctionType();
  for (Type t : llvm::concat<const Type>(signature.getInputs(), signature.getResults()))
    if (!(isa<RankedTensorType>(t) && dtypeOfElement(cast<RankedTensorType>(t).getElementType())) &&
        !pydy::isPythonScalar(t))
      return llvm::createStringError("dy2st: cannot call a function with a value of type " +
                                     pydy::describeType(t));
  for (Type t : signature.getInputs())
    program.inputs.push_back(slotOf(t));
  for (Type t : signature.getResults())
    program.results.push_back(slotOf(t));
  if (isPydy) {
    ArrayRef<Attribute> remaining;
    if (auto attr = entry->getAttrOfType<ArrayAttr>(kResultTextsAttr))
      remaining = attr.getValue();
    llvm::raw_string_ostream(program.resultStructure = "")
        << structureOf(pythonResult, remaining);
  }
  if (!entry->hasAttr("llvm.emit_c_interface"))
    entry->setAttr("llvm.emit_c_interface", UnitAttr::get(ctx));

  PassManager pm(ctx);
  if (request.gpu) {
    auto cuda = loadCudaRuntime();
    if (!cuda)
      return cuda.takeError();
    GPUOptions gpu;
    gpu.chip = cuda->chip;
    buildGPUPipeline(pm, gpu);
  } else {
    buildCPUPipeline(pm);
  }
  if (failed(pm.run(module)))
    return diagnostics.error("dy2st: lowering to LLVM failed");
  program.stages["llvm"] = printed(module);

  auto objects = emitObjectFiles(module, "_mlir_ciface_" + program.name);
  if (!objects)
    return objects.takeError();
  program.objects = std::move(*objects);
  return program;
}

} // namespace dy2st
