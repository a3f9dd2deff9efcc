// The runtime's parallel_for (RuntimeABI.h): a loop's iterations in as many
// pieces as compiled code has threads (dy2st.set_num_threads, the count
// OpenBLAS uses), on the parked workers of Workers.cpp.
#include "Dy2St/Runtime/Parallel.h"

#include "Dy2St/Runtime/Blas.h"
#include "Dy2St/Support/RuntimeABI.h"

#include "Workers.h"

#include <algorithm>

namespace {

using Part = void (*)(void *, int64_t, int64_t);

void parallelFor(Part part, void *context, int64_t begin, int64_t end, int64_t work) {
  int64_t trips = end - begin, total;
  int64_t threads = dy2st::blasThreads();
  bool enough = __builtin_mul_overflow(trips, std::max<int64_t>(work, 1), &total) ||
                total >= dy2st::kMinParallelWork ||
                (total >= dy2st::kMinSpinningParallelWork && dy2st::workersSpinning());
  if (trips < 2 || threads < 2 || !enough) {
    part(context, begin, end);
    return;
  }
  int parts = static_cast<int>(std::min(threads, trips));
  auto bound = [&](int i) {
    return begin + static_cast<int64_t>(static_cast<__int128>(trips) * i / parts);
  };
  dy2st::runParts(parts, [&](int i) { part(context, bound(i), bound(i + 1)); });
}

} // namespace

void dy2st::defineParallelSymbols(SymbolDefiner define) {
  define(kParallelFor, reinterpret_cast<void *>(&parallelFor));
}
