#include "Dy2St/Runtime/Threads.h"
#include "Dy2St/Runtime/Blas.h"

#include <omp.h>

void dy2st::setThreads(int threads) {
  setBlasThreads(threads);
  omp_set_num_threads(threads);
}

int dy2st::threads() { return blasThreads(); }
