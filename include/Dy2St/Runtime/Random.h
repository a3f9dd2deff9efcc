#ifndef DY2ST_RUNTIME_RANDOM_H
#define DY2ST_RUNTIME_RANDOM_H

#include "Dy2St/Runtime/Program.h"

#include <cstdint>

namespace dy2st {

/// Defines `dy2st_random_bits` (kRandomBits) for compiled code.
void defineRandomSymbols(SymbolDefiner define);

/// Restarts the stream of random bits at `seed` (dy2st.seed): the random
/// numbers compiled code draws afterwards repeat for the same seed.
void seedRandomBits(uint64_t seed);

} // namespace dy2st

#endif
