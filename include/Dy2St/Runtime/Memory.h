#ifndef DY2ST_RUNTIME_MEMORY_H
#define DY2ST_RUNTIME_MEMORY_H

#include "Dy2St/Runtime/Program.h"

namespace dy2st {

/// Makes the generic allocation functions of finalize-memref-to-llvm
/// (`_mlir_memref_to_llvm_alloc`, ...) for compiled code: large buffers on
/// huge pages, every block releasable with std::free.
void defineMemorySymbols(SymbolDefiner define);

/// Frees a buffer compiled code allocated (a result, once its owner is done
/// with it): buffers of 2 MB and more are kept for reuse (at most 256 MB).
/// std::free is as correct, only slower for the next large allocation.
void releaseBuffer(void *p);

/// Runs a compiled entry (`entry(args)`). Compiled code cannot unwind, so an
/// allocation it cannot get ends the call at once (a longjmp back here): the
/// buffers the call still holds are freed, a MemoryError is reported
/// (reportRuntimeError) and false returned; the results are then unset.
bool callGuarded(void (*entry)(void **), void **args);

} // namespace dy2st

#endif
