#ifndef DY2ST_TOOLS_DY2ST_RUN_NPY_H
#define DY2ST_TOOLS_DY2ST_RUN_NPY_H

#include "Dy2St/Runtime/JitFunction.h"

namespace dy2st {
/// Reads a little-endian, C-ordered `.npy` file of bool, int32, int64,
/// float32 or float64. The data is malloc'ed into `allocation`.
llvm::Expected<RuntimeValue> readNpy(llvm::StringRef path);
/// The same from the bytes of a `.npy` file; `what` names it in errors.
llvm::Expected<RuntimeValue> parseNpy(llvm::StringRef bytes, llvm::StringRef what);
/// The `.npy` members of an uncompressed tar file, in order (the parameters
/// of a model saved by `dy2st.jit.save`).
llvm::Expected<std::vector<RuntimeValue>> readNpyTar(llvm::StringRef path);
/// Writes a tensor (or a Python number, as a 0-d array) as `.npy`.
llvm::Error writeNpy(llvm::StringRef path, const RuntimeValue &value);
} // namespace dy2st

#endif
