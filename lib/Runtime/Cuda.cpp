#include "Dy2St/Runtime/Cuda.h"

#include "llvm/Support/DynamicLibrary.h"

#ifdef DY2ST_CUDA_RUNTIME_LIB
#define DY2ST_CUDA_RUNTIME_PATH DY2ST_CUDA_RUNTIME_LIB
#else
#define DY2ST_CUDA_RUNTIME_PATH ""
#endif

llvm::Expected<dy2st::CudaRuntime> dy2st::loadCudaRuntime() {
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
  return CudaRuntime{DY2ST_CUDA_RUNTIME_PATH, chip(), takeError};
}
