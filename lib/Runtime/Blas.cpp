// The gemm entries that dy2st-linalg-to-blas calls (see RuntimeABI.h), on
// OpenBLAS's cblas_?gemm.
#include "Dy2St/Runtime/Blas.h"

#include "Dy2St/Support/RuntimeABI.h"

#include "mlir/ExecutionEngine/CRunnerUtils.h"
#include "mlir/ExecutionEngine/ExecutionEngine.h"

#include <cblas.h>

#include <algorithm>
#include <climits>

namespace {

void gemm(const float *a, const float *b, float *c, int m, int n, int k, int lda, int ldb,
          int ldc, float beta) {
  cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, n, k, 1.0f, a, lda, b, ldb, beta, c,
              ldc);
}

void gemm(const double *a, const double *b, double *c, int m, int n, int k, int lda, int ldb,
          int ldc, double beta) {
  cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, n, k, 1.0, a, lda, b, ldb, beta, c,
              ldc);
}

/// A leading dimension BLAS accepts: the row stride, or the row length where
/// there is at most one row (a view's stride is then arbitrary).
int64_t leading(int64_t stride, int64_t rows, int64_t columns) {
  return rows <= 1 ? std::max<int64_t>({stride, columns, 1}) : stride;
}

bool fitsInt(std::initializer_list<int64_t> values) {
  return std::all_of(values.begin(), values.end(),
                     [](int64_t v) { return v >= 0 && v <= INT_MAX; });
}

/// C (+)= A·B for one matrix of a batch: BLAS takes 32-bit sizes; larger
/// ones (no memory holds them today) take plain loops.
template <typename T>
void product(const T *a, const T *b, T *c, int64_t m, int64_t n, int64_t k, int64_t lda,
             int64_t ldb, int64_t ldc, bool accumulate) {
  if (m == 0 || n == 0)
    return;
  if (k == 0) {
    // An empty sum: BLAS would reject the leading dimensions of empty rows.
    for (int64_t i = 0; !accumulate && i < m; ++i)
      std::fill(c + i * ldc, c + i * ldc + n, T(0));
    return;
  }
  lda = leading(lda, m, k);
  ldb = leading(ldb, k, n);
  ldc = leading(ldc, m, n);
  if (fitsInt({m, n, k, lda, ldb, ldc})) {
    gemm(a, b, c, m, n, k, lda, ldb, ldc, accumulate ? T(1) : T(0));
    return;
  }
  for (int64_t i = 0; i < m; ++i) {
    T *row = c + i * ldc;
    if (!accumulate)
      std::fill(row, row + n, T(0));
    for (int64_t p = 0; p < k; ++p)
      for (int64_t j = 0; j < n; ++j)
        row[j] += a[i * lda + p] * b[p * ldb + j];
  }
}

template <typename T>
void matrixProduct(StridedMemRefType<T, 2> *a, StridedMemRefType<T, 2> *b,
                   StridedMemRefType<T, 2> *c, bool accumulate) {
  product(a->data + a->offset, b->data + b->offset, c->data + c->offset, a->sizes[0],
          b->sizes[1], a->sizes[1], a->strides[0], b->strides[0], c->strides[0], accumulate);
}

template <typename T>
void batchProduct(StridedMemRefType<T, 3> *a, StridedMemRefType<T, 3> *b,
                  StridedMemRefType<T, 3> *c, bool accumulate) {
  for (int64_t i = 0; i < a->sizes[0]; ++i)
    product(a->data + a->offset + i * a->strides[0], b->data + b->offset + i * b->strides[0],
            c->data + c->offset + i * c->strides[0], a->sizes[1], b->sizes[2], a->sizes[2],
            a->strides[1], b->strides[1], c->strides[1], accumulate);
}

} // namespace

extern "C" {
static void gemmF32(StridedMemRefType<float, 2> *a, StridedMemRefType<float, 2> *b,
                    StridedMemRefType<float, 2> *c, bool accumulate) {
  matrixProduct(a, b, c, accumulate);
}
static void gemmF64(StridedMemRefType<double, 2> *a, StridedMemRefType<double, 2> *b,
                    StridedMemRefType<double, 2> *c, bool accumulate) {
  matrixProduct(a, b, c, accumulate);
}
static void batchGemmF32(StridedMemRefType<float, 3> *a, StridedMemRefType<float, 3> *b,
                         StridedMemRefType<float, 3> *c, bool accumulate) {
  batchProduct(a, b, c, accumulate);
}
static void batchGemmF64(StridedMemRefType<double, 3> *a, StridedMemRefType<double, 3> *b,
                         StridedMemRefType<double, 3> *c, bool accumulate) {
  batchProduct(a, b, c, accumulate);
}
}

void dy2st::registerBlasSymbols(mlir::ExecutionEngine &engine) {
  engine.registerSymbols([](llvm::orc::MangleAndInterner interner) {
    llvm::orc::SymbolMap map;
    auto add = [&](llvm::StringRef name, void *fn) {
      map[interner(("_mlir_ciface_" + name).str())] = {llvm::orc::ExecutorAddr::fromPtr(fn),
                                                       llvm::JITSymbolFlags::Exported};
    };
    add(kGemmF32, reinterpret_cast<void *>(&gemmF32));
    add(kGemmF64, reinterpret_cast<void *>(&gemmF64));
    add(kBatchGemmF32, reinterpret_cast<void *>(&batchGemmF32));
    add(kBatchGemmF64, reinterpret_cast<void *>(&batchGemmF64));
    return map;
  });
}

void dy2st::setBlasThreads(int threads) { openblas_set_num_threads(threads); }

int dy2st::blasThreads() { return openblas_get_num_threads(); }

const char *dy2st::blasCore() { return openblas_get_corename(); }
