#include "Dy2St/Runtime/Threads.h"
#include "Dy2St/Runtime/Blas.h"

#include <cstdlib>
#include <omp.h>

namespace {
// OpenMP's threads spin for 200 ms after each parallel region, taking the
// cores from Python, OpenBLAS and the compiler between calls; they sleep at
// once unless the user set KMP_BLOCKTIME (read when libomp starts, at the
// first parallel loop, after this library is loaded).
const bool blocktimeSet = setenv("KMP_BLOCKTIME", "0", /*overwrite=*/0) == 0;
} // namespace

void dy2st::setThreads(int threads) {
  setBlasThreads(threads);
  omp_set_num_threads(threads);
}

int dy2st::threads() { return blasThreads(); }
