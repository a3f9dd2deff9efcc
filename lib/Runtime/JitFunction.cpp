#include "Dy2St/Runtime/JitFunction.h"

#include "Dy2St/Dialect/Pydy/PydyDialect.h"
#include "Dy2St/Pipelines/Pipelines.h"
#include "Dy2St/Runtime/Blas.h"
#include "Dy2St/Runtime/Memory.h"
#include "Dy2St/Runtime/Print.h"
#include "Dy2St/Support/RuntimeABI.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/Support/DynamicLibrary.h"
#include "llvm/Support/TargetSelect.h"

#include "llvm/IR/Module.h"

#include <cstdlib>
#include <mutex>

using namespace mlir;

/// The wrappers that call an entry with many arguments (a model's
/// parameters: MobileNetV2's entry takes 1 635 scalars) — the C interface
/// and the engine's packed-argument one — each make one call whose
/// instruction selection is quadratic in its arguments (5 s of LLVM's 7 s
/// for that model). They do nothing else worth optimizing: they are compiled
/// unoptimized (fast instruction selection), and the entry stays out of them.
static void markHugeCallWrappers(llvm::Module &module, llvm::StringRef entry) {
  constexpr size_t kManyArguments = 256;
  llvm::Function *body = module.getFunction(entry);
  if (!body || body->arg_size() < kManyArguments)
    return;
  body->addFnAttr(llvm::Attribute::NoInline);
  for (llvm::Function &f : module)
    if (!f.isDeclaration() && f.getName().starts_with("_mlir_")) {
      f.removeFnAttr(llvm::Attribute::AlwaysInline);
      f.addFnAttr(llvm::Attribute::NoInline);
      f.addFnAttr(llvm::Attribute::OptimizeNone);
    }
}

namespace dy2st {

int64_t RuntimeValue::numElements() const {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

std::string RuntimeValue::signatureEntry(MLIRContext *ctx) const {
  Builder b(ctx);
  Attribute attr;
  switch (kind) {
  case Kind::Tensor:
    attr = TypeAttr::get(RankedTensorType::get(shape, elementOfDtype(ctx, dtype)));
    break;
  case Kind::Int: attr = b.getI64IntegerAttr(intValue); break;
  case Kind::Float: attr = b.getF64FloatAttr(floatValue); break;
  case Kind::Bool: attr = b.getBoolAttr(boolValue); break;
  }
  std::string s;
  llvm::raw_string_ostream os(s);
  attr.print(os);
  return s;
}

namespace {

std::string printed(ModuleOp module) {
  std::string s;
  llvm::raw_string_ostream os(s);
  module.print(os);
  return s;
}

/// Collects diagnostics as "file:line:col: error: message" lines.
class DiagnosticCollector {
public:
  DiagnosticCollector(MLIRContext *ctx)
      : handler(ctx, [this](Diagnostic &diag) {
          append(diag);
          for (Diagnostic &note : diag.getNotes())
            append(note);
          return success();
        }) {}
  llvm::Error error(StringRef fallback) const {
    return llvm::createStringError(text.empty() ? fallback.str() : text);
  }

private:
  void append(Diagnostic &diag) {
    llvm::raw_string_ostream os(text);
    if (!text.empty())
      os << "\n";
    if (auto loc = dyn_cast<FileLineColLoc>(diag.getLocation()))
      os << loc.getFilename().getValue() << ":" << loc.getLine() << ":" << loc.getColumn() << ": ";
    else if (auto loc = diag.getLocation()->findInstanceOf<FileLineColLoc>())
      os << loc.getFilename().getValue() << ":" << loc.getLine() << ":" << loc.getColumn() << ": ";
    switch (diag.getSeverity()) {
    case DiagnosticSeverity::Error: os << "error: "; break;
    case DiagnosticSeverity::Warning: os << "warning: "; break;
    case DiagnosticSeverity::Note: os << "note: "; break;
    case DiagnosticSeverity::Remark: os << "remark: "; break;
    }
    os << diag.str();
  }
  std::string text;
  ScopedDiagnosticHandler handler;
};

} // namespace

JitFunction::~JitFunction() = default;

#ifdef DY2ST_CUDA_RUNTIME_LIB
#define DY2ST_CUDA_RUNTIME_PATH DY2ST_CUDA_RUNTIME_LIB
#else
#define DY2ST_CUDA_RUNTIME_PATH ""
#endif

namespace {
/// What the JIT needs of the CUDA runtime library (lib/Runtime/CUDA).
struct CudaRuntime {
  std::string chip;
  const char *(*takeError)();
};
} // namespace

/// Loads the CUDA runtime library and checks that a GPU is there; the error
/// says what is missing otherwise.
static llvm::Expected<CudaRuntime> loadCudaRuntime() {
  if (!*DY2ST_CUDA_RUNTIME_PATH)
    return llvm::createStringError(
        "dy2st: backend='gpu' is not available: this build of dy2st found no CUDA toolkit "
        "(cuda.h, libcuda) at configure time");
  std::string error;
  auto library =
      llvm::sys::DynamicLibrary::getPermanentLibrary(DY2ST_CUDA_RUNTIME_PATH, &error);
  if (!library.isValid())
    return llvm::createStringError("dy2st: backend='gpu' needs an NVIDIA driver: " + error);
  auto symbol = [&](const char *name) { return library.getAddressOfSymbol(name); };
  auto unavailable = reinterpret_cast<const char *(*)()>(symbol("dy2stCudaUnavailable"));
  auto chip = reinterpret_cast<const char *(*)()>(symbol("dy2stCudaChip"));
  auto takeError = reinterpret_cast<const char *(*)()>(symbol("dy2stCudaTakeError"));
  if (!unavailable || !chip || !takeError)
    return llvm::createStringError(std::string("dy2st: ") + DY2ST_CUDA_RUNTIME_PATH +
                                   " is not dy2st's CUDA runtime");
  if (std::string reason = unavailable(); !reason.empty())
    return llvm::createStringError("dy2st: backend='gpu': " + reason);
  return CudaRuntime{chip(), takeError};
}

llvm::Expected<std::unique_ptr<JitFunction>> JitFunction::compile(ModuleOp module,
                                                                 const CompileRequest &request) {
  static std::once_flag nativeTarget;
  std::call_once(nativeTarget, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
  });
  MLIRContext *ctx = module.getContext();
  DiagnosticCollector diagnostics(ctx);
  std::unique_ptr<JitFunction> fn(new JitFunction());

  // A saved model holds the program as imported in `module @pydy`.
  OwningOpRef<ModuleOp> saved;
  if (module.getOps<pydy::FuncOp>().empty())
    for (auto nested : module.getOps<ModuleOp>())
      if (nested.getSymName() == "pydy") {
        saved = cast<ModuleOp>(nested->clone());
        module = *saved;
        break;
      }

  bool isPydy = !module.getOps<pydy::FuncOp>().empty();
  if (isPydy) {
    fn->irStages["pydy"] = printed(module);
    CompileOptions options;
    options.entry = request.entry;
    options.signature = request.signature;
    PassManager specialize(ctx);
    buildSpecializationPipeline(specialize, options);
    if (failed(specialize.run(module)))
      return diagnostics.error("dy2st: specialization failed");
    fn->irStages["specialized"] = printed(module);
    for (auto f : module.getOps<pydy::FuncOp>())
      if (request.entry.empty() || f.getSymName() == request.entry) {
        ArrayRef<Type> results = f.getResultTypes();
        fn->pythonResult = results.empty() ? Type() : results.front();
        break;
      }
    PassManager lower(ctx);
    buildPydyLoweringPipeline(lower);
    if (failed(lower.run(module)))
      return diagnostics.error("dy2st: lowering to core dialects failed");
  }
  fn->irStages["core"] = printed(module);

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
  fn->name = entry.getSymName().str();
  fn->signature = entry.getFunctionType();
  if (auto texts = entry->getAttrOfType<ArrayAttr>(kResultTextsAttr))
    for (auto text : texts.getAsValueRange<StringAttr>())
      fn->texts.push_back(text.str());
  for (Type t : llvm::concat<const Type>(fn->signature.getInputs(), fn->signature.getResults()))
    if (!(isa<RankedTensorType>(t) && dtypeOfElement(cast<RankedTensorType>(t).getElementType())) &&
        !pydy::isPythonScalar(t))
      return llvm::createStringError("dy2st: cannot call a function with a value of type " +
                                     pydy::describeType(t));
  if (!entry->hasAttr("llvm.emit_c_interface"))
    entry->setAttr("llvm.emit_c_interface", UnitAttr::get(ctx));

  PassManager pm(ctx);
  std::vector<llvm::StringRef> runtimeLibraries{DY2ST_C_RUNNER_UTILS};
  if (request.gpu) {
    auto cuda = loadCudaRuntime();
    if (!cuda)
      return cuda.takeError();
    fn->takeCudaError = cuda->takeError;
    GPUOptions gpu;
    gpu.chip = cuda->chip;
    buildGPUPipeline(pm, gpu);
    runtimeLibraries.push_back(DY2ST_CUDA_RUNTIME_PATH);
  } else {
    buildCPUPipeline(pm);
  }
  if (failed(pm.run(module)))
    return diagnostics.error("dy2st: lowering to LLVM failed");
  fn->irStages["llvm"] = printed(module);

  // The host's CPU and features, so that LLVM vectorizes for this machine.
  auto machineBuilder = llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!machineBuilder)
    return machineBuilder.takeError();
  machineBuilder->setCodeGenOptLevel(llvm::CodeGenOptLevel::Aggressive);
  auto machine = machineBuilder->createTargetMachine();
  if (!machine)
    return machine.takeError();
  ExecutionEngineOptions engineOptions;
  // perf's jitdump leaves a folder in /tmp/.debug/jit per process: only
  // when asked for (DY2ST_PERF_JITDUMP=1, to profile compiled code).
  const char *jitdump = std::getenv("DY2ST_PERF_JITDUMP");
  engineOptions.enablePerfNotificationListener = jitdump && std::string(jitdump) == "1";
  std::function<llvm::Error(llvm::Module *)> optimize =
      makeOptimizingTransformer(/*optLevel=*/3, /*sizeLevel=*/0, machine->get());
  // The options hold a function_ref: the transformer must outlive create().
  std::function<llvm::Error(llvm::Module *)> transformer =
      [&optimize, name = fn->name](llvm::Module *m) -> llvm::Error {
    markHugeCallWrappers(*m, name);
    return optimize(m);
  };
  engineOptions.transformer = transformer;
  engineOptions.jitCodeGenOptLevel = llvm::CodeGenOptLevel::Aggressive;
  engineOptions.sharedLibPaths = runtimeLibraries;
  auto engine = ExecutionEngine::create(module, engineOptions, std::move(*machine));
  if (!engine)
    return engine.takeError();
  fn->engine = std::move(*engine);
  registerPrintSymbols(*fn->engine);
  registerBlasSymbols(*fn->engine);
  registerMemorySymbols(*fn->engine);
  if (llvm::Error error = fn->prepareCalls())
    return std::move(error);
  return std::move(fn);
}

} // namespace dy2st
