// Loading a compiled program: LLVM's ORC JIT links its object file against
// the runtime's entries, the libraries it names and the process.
#include "Dy2St/Runtime/JitFunction.h"

#include "Dy2St/Runtime/Blas.h"
#include "Dy2St/Runtime/Cuda.h"
#include "Dy2St/Runtime/Fft.h"
#include "Dy2St/Runtime/Memory.h"
#include "Dy2St/Runtime/Parallel.h"
#include "Dy2St/Runtime/Print.h"
#include "Dy2St/Runtime/Random.h"
#include "Dy2St/Support/NativeTarget.h"
#include "Dy2St/Support/RuntimeABI.h"

#include "llvm/ExecutionEngine/JITEventListener.h"
#include "llvm/ExecutionEngine/Orc/ExecutionUtils.h"
#include "llvm/ExecutionEngine/Orc/LLJIT.h"
#include "llvm/ExecutionEngine/Orc/RTDyldObjectLinkingLayer.h"
#include "llvm/ExecutionEngine/SectionMemoryManager.h"
#include "llvm/Support/MemoryBuffer.h"

#include <cstdlib>

namespace dy2st {

int64_t RuntimeValue::numElements() const {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

/// The error as text: ORC's errors may refer to strings the JIT owns.
static llvm::Error textOf(llvm::Error error) {
  return llvm::createStringError("dy2st: " + llvm::toString(std::move(error)));
}

/// RTDyld, as MLIR's ExecutionEngine links, with perf's jitdump listener
/// when asked for (DY2ST_PERF_JITDUMP=1, to profile compiled code: it leaves
/// a folder in /tmp/.debug/jit per process).
static llvm::Expected<std::unique_ptr<llvm::orc::ObjectLayer>>
createObjectLayer(llvm::orc::ExecutionSession &session) {
  auto layer = std::make_unique<llvm::orc::RTDyldObjectLinkingLayer>(
      session, [](const llvm::MemoryBuffer &) { return std::make_unique<llvm::SectionMemoryManager>(); });
  const char *jitdump = std::getenv("DY2ST_PERF_JITDUMP");
  if (jitdump && std::string(jitdump) == "1")
    if (llvm::JITEventListener *perf = llvm::JITEventListener::createPerfJITEventListener())
      layer->registerJITEventListener(*perf);
  return std::unique_ptr<llvm::orc::ObjectLayer>(std::move(layer));
}

llvm::Expected<std::unique_ptr<JitFunction>> JitFunction::load(CompiledProgram program) {
  initializeNativeTarget();
  std::unique_ptr<JitFunction> fn(new JitFunction());
  std::vector<std::string> libraries{DY2ST_C_RUNNER_UTILS};
  if (program.gpu) {
    auto cuda = loadCudaRuntime();
    if (!cuda)
      return cuda.takeError();
    fn->takeCudaError = cuda->takeError;
    libraries.push_back(cuda->library);
  }

  auto jit = llvm::orc::LLJITBuilder().setObjectLinkingLayerCreator(createObjectLayer).create();
  if (!jit)
    return textOf(jit.takeError());
  llvm::orc::JITDylib &main = (*jit)->getMainJITDylib();
  char prefix = (*jit)->getDataLayout().getGlobalPrefix();
  llvm::orc::MangleAndInterner mangle((*jit)->getExecutionSession(), (*jit)->getDataLayout());
  llvm::orc::SymbolMap runtime;
  auto define = [&](llvm::StringRef name, void *address) {
    runtime[mangle(name)] = {llvm::orc::ExecutorAddr::fromPtr(address),
                             llvm::JITSymbolFlags::Exported};
  };
  definePrintSymbols(define);
  defineBlasSymbols(define);
  defineFftSymbols(define);
  defineParallelSymbols(define);
  defineMemorySymbols(define);
  defineRandomSymbols(define);
  if (llvm::Error error = main.define(llvm::orc::absoluteSymbols(std::move(runtime))))
    return textOf(std::move(error));
  for (const std::string &library : libraries) {
    auto generator = llvm::orc::DynamicLibrarySearchGenerator::Load(library.c_str(), prefix);
    if (!generator)
      return textOf(generator.takeError());
    main.addGenerator(std::move(*generator));
  }
  auto process = llvm::orc::DynamicLibrarySearchGenerator::GetForCurrentProcess(prefix);
  if (!process)
    return textOf(process.takeError());
  main.addGenerator(std::move(*process));

  for (const std::string &object : program.objects)
    if (llvm::Error error = (*jit)->addObjectFile(
            llvm::MemoryBuffer::getMemBufferCopy(object, program.name)))
      return textOf(std::move(error));
  auto address = [&](llvm::StringRef symbol) -> llvm::Expected<void *> {
    auto found = (*jit)->lookup(symbol);
    if (!found)
      return textOf(found.takeError());
    return found->toPtr<void *>();
  };
  auto entry = address(program.entry);
  auto init = address(kProgramInit);
  auto fini = address(kProgramFini);
  if (!entry || !init || !fini) {
    llvm::Error error = llvm::joinErrors(entry.takeError(), init.takeError());
    return llvm::joinErrors(std::move(error), fini.takeError());
  }
  fn->packedEntry = reinterpret_cast<void (*)(void **)>(*entry);
  fn->fini = reinterpret_cast<void (*)()>(*fini);
  fn->jit = std::move(*jit);
  fn->loaded = std::move(program);
  fn->prepareCalls();
  reinterpret_cast<void (*)()>(*init)();
  return std::move(fn);
}

JitFunction::~JitFunction() {
  if (fini)
    fini();
}

} // namespace dy2st
