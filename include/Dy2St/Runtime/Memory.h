#ifndef DY2ST_RUNTIME_MEMORY_H
#define DY2ST_RUNTIME_MEMORY_H

#include "Dy2St/Runtime/Program.h"

namespace dy2st {

/// Makes the generic allocation functions of finalize-memref-to-llvm
/// (`_mlir_memref_to_llvm_alloc`, ...) for compiled code: large buffers on
/// huge pages, every block releasable with std::free.
void defineMemorySymbols(SymbolDefiner define);

/// Runs a compiled entry (`entry(args)`). Compiled code cannot unwind, so an
/// allocation it cannot get ends the call at once (a longjmp back here): the
/// buffers the call still holds are freed, a MemoryError is reported
/// (reportRuntimeError) and false returned; the results are then unset.
bool callGuarded(void (*entry)(void **), void **args);

} // namespace dy2st

#endif
