// JIT-compiles a pydy (or core-dialect) module with MLIR's ExecutionEngine,
// calls one function on inputs from .npy files or the command line, prints
// the results and can write them as .npy.
#include "Npy.h"

#include "Dy2St/Compiler/Compiler.h"
#include "Dy2St/Registration.h"
#include "Dy2St/Runtime/JitFunction.h"
#include "Dy2St/Runtime/Print.h"
#include "Dy2St/Support/Nesting.h"

#include "mlir/AsmParser/AsmParser.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Parser/Parser.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <cstring>

using namespace mlir;
using namespace dy2st;

// dy2st-run's own options; --help lists only these (not LLVM's hundreds).
static llvm::cl::OptionCategory runnerOptions("dy2st-run options");

static llvm::cl::opt<std::string> inputFile(llvm::cl::Positional,
                                            llvm::cl::desc("<input.mlir or model.pdmodel>"),
                                            llvm::cl::Required, llvm::cl::cat(runnerOptions));
static llvm::cl::opt<std::string> entryName(
    "entry", llvm::cl::desc("Function to call (default: the first, or a saved model's)"),
    llvm::cl::cat(runnerOptions));
static llvm::cl::list<std::string> argValues(
    "arg", llvm::cl::desc("An argument, in order: a .npy file, an int, a float, true/false, "
                          "or an MLIR literal such as 'dense<[1.0, 2.0]> : tensor<2xf32>'"),
    llvm::cl::cat(runnerOptions));
static llvm::cl::opt<std::string> outputPrefix(
    "output", llvm::cl::desc("Write result i to <prefix><i>.npy"), llvm::cl::value_desc("prefix"),
    llvm::cl::cat(runnerOptions));
static llvm::cl::opt<bool> onGPU(
    "gpu", llvm::cl::desc("Run the kernels on the GPU (device 0): needs a build with the CUDA "
                          "toolkit and an NVIDIA driver"),
    llvm::cl::cat(runnerOptions));
static llvm::cl::opt<std::string> printStage(
    "print-ir", llvm::cl::desc("Print the IR of a stage (pydy, core, llvm) to stdout"),
    llvm::cl::value_desc("stage"), llvm::cl::cat(runnerOptions));

/// The JSON header of a saved model ("// dy2st-model: {...}" on the first
/// line), or null for another file.
static llvm::Expected<std::optional<llvm::json::Object>> readModelHeader(llvm::StringRef path) {
  auto file = llvm::MemoryBuffer::getFile(path);
  if (!file)
    return std::optional<llvm::json::Object>();
  llvm::StringRef first = (*file)->getBuffer().split('\n').first;
  constexpr llvm::StringLiteral prefix = "// dy2st-model: ";
  if (!first.starts_with(prefix))
    return std::optional<llvm::json::Object>();
  auto parsed = llvm::json::parse(first.drop_front(prefix.size()));
  if (!parsed)
    return llvm::createStringError("dy2st-run: " + path.str() + ": bad model header: " +
                                   llvm::toString(parsed.takeError()));
  if (!parsed->getAsObject())
    return llvm::createStringError("dy2st-run: " + path.str() + ": bad model header");
  // The header holds the SHA-256 of the program after it (dy2st/runtime/saving.py).
  if (auto expected = parsed->getAsObject()->getString("sha256")) {
    llvm::StringRef body = (*file)->getBuffer().drop_front(std::min(first.size() + 1,
                                                                    (*file)->getBufferSize()));
    if (llvm::toHex(llvm::SHA256::hash(llvm::arrayRefFromStringRef(body)), /*LowerCase=*/true) !=
        *expected)
      return llvm::createStringError("dy2st-run: " + path.str() +
                                     " is damaged or was edited: its program does not match "
                                     "the checksum in its header");
  }
  return std::optional<llvm::json::Object>(std::move(*parsed->getAsObject()));
}

static int fail(const llvm::Twine &message) {
  llvm::errs() << message << "\n";
  return 1;
}

/// A tensor from an MLIR dense literal.
static llvm::Expected<RuntimeValue> fromDense(DenseElementsAttr dense) {
  auto type = cast<RankedTensorType>(dense.getType());
  std::optional<DType> dtype = dtypeOfElement(type.getElementType());
  if (!dtype)
    return llvm::createStringError("dy2st-run: unsupported element type in a literal");
  RuntimeValue v;
  v.kind = RuntimeValue::Kind::Tensor;
  v.dtype = *dtype;
  v.shape.assign(type.getShape().begin(), type.getShape().end());
  size_t size = dtypeSize(*dtype);
  v.allocation = std::malloc(std::max<size_t>(v.numElements() * size, 1));
  v.data = v.allocation;
  char *out = static_cast<char *>(v.data);
  auto writeFloat = [&](const APFloat &f, size_t width) {
    double d = f.convertToDouble();
    float s = static_cast<float>(d);
    std::memcpy(out, width == 4 ? static_cast<void *>(&s) : &d, width);
    out += width;
  };
  if (isa<ComplexType>(type.getElementType())) {
    for (std::complex<APFloat> c : dense.getValues<std::complex<APFloat>>()) {
      writeFloat(c.real(), size / 2);
      writeFloat(c.imag(), size / 2);
    }
  } else if (isa<FloatType>(type.getElementType())) {
    for (APFloat f : dense.getValues<APFloat>())
      writeFloat(f, size);
  } else {
    for (APInt n : dense.getValues<APInt>()) {
      int64_t x = type.getElementType().isInteger(1) ? n.getZExtValue() : n.getSExtValue();
      std::memcpy(out, &x, size);
      out += size;
    }
  }
  return v;
}

static llvm::Expected<RuntimeValue> parseArgument(MLIRContext *ctx, llvm::StringRef text) {
  if (text.ends_with(".npy"))
    return readNpy(text);
  RuntimeValue v;
  if (text == "true" || text == "false") {
    v.kind = RuntimeValue::Kind::Bool;
    v.boolValue = text == "true";
    return v;
  }
  if (!text.getAsInteger(10, v.intValue)) {
    v.kind = RuntimeValue::Kind::Int;
    return v;
  }
  if (!text.getAsDouble(v.floatValue)) {
    v.kind = RuntimeValue::Kind::Float;
    return v;
  }
  Attribute attr = parseAttribute(text, ctx);
  if (auto dense = dyn_cast_or_null<DenseElementsAttr>(attr))
    return fromDense(dense);
  return llvm::createStringError(("dy2st-run: cannot read argument '" + text +
                                  "': expected a .npy file, a number, true/false or a dense "
                                  "literal").str());
}

/// A saved model's number state (an attribute the layer's forward assigns),
/// stored as a 0-d array: passed as a runtime number.
static llvm::Error asRuntimeNumber(RuntimeValue &v) {
  if (!v.shape.empty())
    return llvm::createStringError("dy2st-run: a number parameter of the model is not 0-d");
  RuntimeValue number;
  switch (v.dtype) {
  case DType::Bool:
    number.kind = RuntimeValue::Kind::Bool;
    number.boolValue = *static_cast<const bool *>(v.data);
    break;
  case DType::Int32:
    number.kind = RuntimeValue::Kind::Int;
    number.intValue = *static_cast<const int32_t *>(v.data);
    break;
  case DType::Int64:
    number.kind = RuntimeValue::Kind::Int;
    number.intValue = *static_cast<const int64_t *>(v.data);
    break;
  case DType::Float32:
    number.kind = RuntimeValue::Kind::Float;
    number.floatValue = *static_cast<const float *>(v.data);
    break;
  case DType::Float64:
    number.kind = RuntimeValue::Kind::Float;
    number.floatValue = *static_cast<const double *>(v.data);
    break;
  case DType::Complex64:
  case DType::Complex128:
    return llvm::createStringError("dy2st-run: a number parameter of the model is complex");
  }
  std::free(v.allocation);
  v = number;
  return llvm::Error::success();
}

static void printValue(llvm::raw_ostream &os, const RuntimeValue &v) {
  switch (v.kind) {
  case RuntimeValue::Kind::Int: os << "int = " << v.intValue; return;
  case RuntimeValue::Kind::Float: os << "float = " << llvm::format("%.10g", v.floatValue); return;
  case RuntimeValue::Kind::Bool: os << "bool = " << (v.boolValue ? "True" : "False"); return;
  case RuntimeValue::Kind::Tensor: break;
  }
  os << dtypeName(v.dtype) << "[";
  for (size_t d = 0; d < v.shape.size(); ++d)
    os << (d ? ", " : "") << v.shape[d];
  os << "] = " << formatElements(v);
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  llvm::cl::HideUnrelatedOptions(runnerOptions);
  llvm::cl::ParseCommandLineOptions(
      argc, argv,
      "dy2st-run: compiles a pydy module (or a model saved by dy2st.jit.save) and calls it\n\n"
      "  dy2st-run model.pdmodel --arg x.npy --output out\n"
      "  dy2st-run grow.mlir --arg 'dense<[1.0, 2.0]> : tensor<2xf32>' --print-ir=core\n");

  DialectRegistry registry;
  registerEverything(registry);
  MLIRContext context(registry);
  context.loadAllAvailableDialects();
  // Errors name the user's line; a dump of the op in generic form helps no one.
  context.printOpOnDiagnostic(false);

  // A saved model's header first: it tells a damaged file from a bad program.
  auto model = readModelHeader(inputFile);
  if (!model)
    return fail(llvm::toString(model.takeError()));

  auto buffer = llvm::MemoryBuffer::getFileOrSTDIN(inputFile);
  if (!buffer)
    return fail("dy2st-run: cannot read " + inputFile + ": " + buffer.getError().message());
  if (llvm::Error nesting = checkReadable((*buffer)->getBuffer(), inputFile))
    return fail("dy2st-run: " + llvm::toString(std::move(nesting)));
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(*buffer), llvm::SMLoc());
  SourceMgrDiagnosticHandler sourceHandler(sourceMgr, &context);
  OwningOpRef<ModuleOp> module = parseSourceFile<ModuleOp>(sourceMgr, &context);
  if (!module)
    return fail("dy2st-run: cannot parse " + inputFile);

  std::vector<RuntimeValue> args;
  llvm::scope_exit freeArgs([&] {
    for (RuntimeValue &a : args)
      std::free(a.allocation);
  });
  for (const std::string &text : argValues) {
    auto value = parseArgument(&context, text);
    if (!value)
      return fail(llvm::toString(value.takeError()));
    args.push_back(std::move(*value));
  }

  // A model saved by dy2st.jit.save: its entry and parameters come with it.
  std::string entry = entryName;
  // Arguments passed as runtime numbers rather than compiled for their value.
  llvm::DenseSet<size_t> runtimeNumbers;
  if (*model) {
    const llvm::json::Object &meta = **model;
    if (entry.empty())
      if (auto e = meta.getString("entry"))
        entry = e->str();
    size_t inputs = meta.getArray("inputs") ? meta.getArray("inputs")->size() : 0;
    if (args.size() != inputs)
      return fail("dy2st-run: the model takes " + llvm::Twine(inputs) + " inputs, " +
                  llvm::Twine(args.size()) + " given");
    llvm::StringRef stem = llvm::StringRef(inputFile).rsplit('.').first;
    auto params = readNpyTar((stem + ".pdiparams").str());
    if (!params)
      return fail(llvm::toString(params.takeError()));
    size_t expected = meta.getArray("params") ? meta.getArray("params")->size() : 0;
    if (params->size() != expected) {
      for (RuntimeValue &p : *params)
        std::free(p.allocation);
      return fail("dy2st-run: " + stem + ".pdiparams holds " + llvm::Twine(params->size()) +
                  " parameters, the model needs " + llvm::Twine(expected));
    }
    for (RuntimeValue &p : *params)
      args.push_back(std::move(p));
    if (const llvm::json::Array *numbers = meta.getArray("numbers"))
      for (const llvm::json::Value &index : *numbers) {
        std::optional<int64_t> i = index.getAsInteger();
        if (!i || *i < 0 || static_cast<size_t>(*i) >= expected)
          return fail("dy2st-run: " + inputFile.getValue() + " has a corrupt header ('numbers')");
        RuntimeValue &number = args[inputs + *i];
        if (llvm::Error e = asRuntimeNumber(number))
          return fail(llvm::toString(std::move(e)));
        runtimeNumbers.insert(inputs + *i);
      }
  }
  std::vector<SignatureEntry> signature;
  for (auto [i, a] : llvm::enumerate(args))
    signature.push_back(runtimeNumbers.count(i) ? SignatureEntry::runtimeNumber(a)
                                                : SignatureEntry::of(a));

  auto program = compileProgram(*module, CompileRequest{entry, signature, onGPU});
  if (!program)
    return fail(llvm::toString(program.takeError()));
  if (!printStage.empty()) {
    auto it = program->stages.find(printStage);
    if (it == program->stages.end())
      return fail("dy2st-run: no IR stage '" + printStage + "' (pydy, core, llvm)");
    llvm::outs() << it->second;
    llvm::outs().flush();
  }
  auto fn = JitFunction::load(std::move(*program));
  if (!fn)
    return fail(llvm::toString(fn.takeError()));

  auto results = (*fn)->call(args);
  if (!results)
    return fail(llvm::toString(results.takeError()));
  int status = 0;
  for (auto [i, r] : llvm::enumerate(*results)) {
    llvm::outs() << "result " << i << ": ";
    printValue(llvm::outs(), r);
    llvm::outs() << "\n";
    if (!outputPrefix.empty())
      if (llvm::Error e = writeNpy(outputPrefix + std::to_string(i) + ".npy", r)) {
        llvm::errs() << llvm::toString(std::move(e)) << "\n";
        status = 1;
      }
    std::free(r.allocation);
  }
  return status;
}
