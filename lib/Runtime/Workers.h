#ifndef DY2ST_LIB_RUNTIME_WORKERS_H
#define DY2ST_LIB_RUNTIME_WORKERS_H

#include "llvm/ADT/STLFunctionalExtras.h"

namespace dy2st {

/// Runs part(0), ..., part(parts - 1) at once: part 0 on the calling thread,
/// the others on parked worker threads (started at the first use, kept).
/// Where the workers are busy with another caller's parts, or in a child
/// process after fork (which has no workers), every part runs here in turn.
void runParts(int parts, llvm::function_ref<void(int)> part);

/// Whether the workers ran parts less than their spin time ago, so that
/// they still spin and take new parts at once (a heuristic: another caller
/// may take them meanwhile).
bool workersSpinning();

} // namespace dy2st

#endif
