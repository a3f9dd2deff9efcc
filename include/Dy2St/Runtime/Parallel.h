#ifndef DY2ST_RUNTIME_PARALLEL_H
#define DY2ST_RUNTIME_PARALLEL_H

#include "Dy2St/Runtime/Program.h"

namespace dy2st {

/// Defines parallel_for of RuntimeABI.h for compiled code.
void defineParallelSymbols(SymbolDefiner define);

} // namespace dy2st

#endif
