#ifndef DY2ST_RUNTIME_THREADS_H
#define DY2ST_RUNTIME_THREADS_H

namespace dy2st {

/// The threads compiled code runs on: OpenBLAS's for products and OpenMP's
/// for the parallel loops of dy2st-parallelize-loops.
void setThreads(int threads);
int threads();

} // namespace dy2st

#endif
