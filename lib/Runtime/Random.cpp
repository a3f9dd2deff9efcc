// The random bits of compiled code: one splitmix64 stream per process,
// advanced atomically so that threads calling compiled code at once never
// share a key (see kRandomBits).
#include "Dy2St/Runtime/Random.h"

#include "Dy2St/Support/RuntimeABI.h"

#include <atomic>
#include <chrono>

using namespace dy2st;

namespace {
// Unseeded, each process starts somewhere else, as an unseeded generator does.
std::atomic<uint64_t> state{
    randomMix(static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()))};
} // namespace

extern "C" int64_t dy2st_random_bits() {
  return static_cast<int64_t>(randomMix(state.fetch_add(kRandomGamma) + kRandomGamma));
}

void dy2st::seedRandomBits(uint64_t seed) { state.store(randomMix(seed)); }

void dy2st::defineRandomSymbols(SymbolDefiner define) {
  define(kRandomBits, reinterpret_cast<void *>(&dy2st_random_bits));
}
