#ifndef DY2ST_RUNTIME_CUDA_H
#define DY2ST_RUNTIME_CUDA_H

#include "llvm/Support/Error.h"

#include <string>

namespace dy2st {

/// dy2st's CUDA runtime library (lib/Runtime/CUDA), loaded, with a GPU there.
struct CudaRuntime {
  /// The library's path: compiled GPU code calls its mgpu* functions.
  std::string library;
  /// The device's architecture ("sm_80"), which the compiler targets.
  std::string chip;
  /// The first CUDA driver error since the last call, or "".
  const char *(*takeError)();
};

/// Loads the library once; the error says what is missing (a build without
/// CUDA, no driver, no device).
llvm::Expected<CudaRuntime> loadCudaRuntime();

} // namespace dy2st

#endif
