// The gemm entries that dy2st-linalg-to-blas calls (see RuntimeABI.h), on
// OpenBLAS's cblas_?gemm, and on packed kernels for a B packed once; the
// window ops' entries (Convolution.cpp, GroupedConvolution.cpp, Pooling.cpp).
#include "Dy2St/Runtime/Blas.h"

#include "PackedGemm.h"
#include "WindowOps.h"
#include "Workers.h"

#include "Dy2St/Support/RuntimeABI.h"

#include "mlir/ExecutionEngine/CRunnerUtils.h"
#include "llvm/ADT/Twine.h"

#include <cblas.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <climits>
#include <mutex>
#include <string>
#include <vector>

namespace {

/// The threads compiled code runs on (dy2st.set_num_threads); 0 until set,
/// then OpenBLAS's own count at the first read.
std::atomic<int> configuredThreads{0};

/// Guards OpenBLAS's thread count and the products that hold it at one.
std::mutex blasCountMutex;
int oneThreadHolders = 0;

/// Holds OpenBLAS at one thread while compiled code's products run: they
/// share their work with the runtime's workers (Workers.cpp). OpenBLAS's own
/// threads would compete with those for the cores, and after each product
/// they spin in sched_yield for about 2^28 cycles (two threads, the LSTM
/// benchmark: a third of the samples). Eager numpy, which loads the same
/// OpenBLAS, keeps the configured count outside compiled products; nested
/// and concurrent holders share the one setting.
class OneBlasThread {
public:
  OneBlasThread() {
    std::lock_guard<std::mutex> lock(blasCountMutex);
    if (oneThreadHolders++ == 0)
      openblas_set_num_threads(1);
  }
  ~OneBlasThread() {
    std::lock_guard<std::mutex> lock(blasCountMutex);
    if (--oneThreadHolders == 0)
      openblas_set_num_threads(dy2st::blasThreads());
  }
  OneBlasThread(const OneBlasThread &) = delete;
  OneBlasThread &operator=(const OneBlasThread &) = delete;
};

/// Which operands are read transposed.
struct Transposes {
  bool a, b;
};

CBLAS_TRANSPOSE blasFlag(bool transposed) { return transposed ? CblasTrans : CblasNoTrans; }

/// Whether OpenBLAS runs kernels of AVX2's or AVX-512's width. Where numpy
/// loaded it before dy2st could name the family for this CPU (see
/// dy2st/runtime/native.py), Debian's 0.3.21 runs its generic SSE3 kernels
/// on CPUs newer than it, at a fifth of the speed, and no call changes them
/// later: f32 products then take the packed kernels.
bool blasRunsVectorKernels() {
  static const bool vector = [] {
    std::string core = openblas_get_corename();
    std::transform(core.begin(), core.end(), core.begin(),
                   [](unsigned char ch) { return std::tolower(ch); });
    for (const char *family : {"haswell", "zen", "skylakex", "cooperlake", "sapphirerapids"})
      if (core == family)
        return true;
    return false;
  }();
  return vector;
}

/// Whether the packed kernels serve a product with N columns: they compute
/// whole panels, so fewer columns than one panel stay OpenBLAS's.
bool packedKernelsFor(int64_t n) {
  return n >= dy2st::kPackedPanelWidth && dy2st::packedKernelsAvailable();
}

/// C (+)= op(A)·op(B) on the packed kernels, B packed by packPanels; its
/// panels shared among compiled code's threads (dy2st.set_num_threads).
void packedGemm(const float *a, int64_t lda, bool ta, const float *packed, float *c, int64_t ldc,
                int64_t m, int64_t n, int64_t k, bool accumulate) {
  dy2st::packedProduct(a, lda, ta, packed, c, ldc, m, n, k, accumulate, dy2st::blasThreads());
}

/// Whether gemm calls OpenBLAS (not the packed kernels, which share their
/// own work among the threads).
bool runsOnBlas(const float *, int64_t n) {
  return blasRunsVectorKernels() || !packedKernelsFor(n);
}
bool runsOnBlas(const double *, int64_t) { return true; }

void gemm(Transposes t, const float *a, const float *b, float *c, int m, int n, int k, int lda,
          int ldb, int ldc, float beta) {
  if (!runsOnBlas(b, n)) {
    thread_local std::vector<float> packed;
    int64_t panels = (int64_t(n) + dy2st::kPackedPanelWidth - 1) / dy2st::kPackedPanelWidth;
    packed.resize(std::max<size_t>(packed.size(), panels * dy2st::kPackedPanelWidth * k));
    dy2st::packPanels(b, ldb, t.b, k, n, packed.data());
    packedGemm(a, lda, t.a, packed.data(), c, ldc, m, n, k, beta != 0.0f);
    return;
  }
  cblas_sgemm(CblasRowMajor, blasFlag(t.a), blasFlag(t.b), m, n, k, 1.0f, a, lda, b, ldb, beta, c,
              ldc);
}

void gemm(Transposes t, const double *a, const double *b, double *c, int m, int n, int k, int lda,
          int ldb, int ldc, double beta) {
  cblas_dgemm(CblasRowMajor, blasFlag(t.a), blasFlag(t.b), m, n, k, 1.0, a, lda, b, ldb, beta, c,
              ldc);
}

/// OpenBLAS runs a product of at most this m·n·k on the calling thread
/// (0.3.21's interface/gemm.c: SMP_THRESHOLD_MIN · GEMM_MULTITHREAD_THRESHOLD):
/// such products need not hold it at one thread (BERT's attention makes
/// thousands per call).
constexpr int64_t kBlasOneThreadWork = 65536 * 4;

/// gemm on compiled code's threads: C in blocks of rows (or of columns,
/// where it has fewer rows than columns), one per thread, each on OpenBLAS
/// at one thread; a block for each MFLOP at most (about 7 µs of a core,
/// where handing a block to a spinning worker costs about one).
template <typename T>
void sharedGemm(Transposes t, const T *a, const T *b, T *c, int m, int n, int k, int lda, int ldb,
                int ldc, T beta) {
  int threads = dy2st::blasThreads();
  if (threads < 2 || !runsOnBlas(b, n)) {
    gemm(t, a, b, c, m, n, k, lda, ldb, ldc, beta);
    return;
  }
  // Blocks of whole 16-row (or column) strips: the kernels' unroll.
  constexpr int64_t kStrip = 16;
  bool byRows = m >= n;
  int64_t strips = ((byRows ? m : n) + kStrip - 1) / kStrip;
  int64_t work = int64_t(2) * m * n * k;
  int parts =
      static_cast<int>(std::clamp<int64_t>(std::min<int64_t>(work >> 20, strips), 1, threads));
  if (parts == 1 && int64_t(m) * n * k <= kBlasOneThreadWork) {
    gemm(t, a, b, c, m, n, k, lda, ldb, ldc, beta);
    return;
  }
  OneBlasThread oneThread;
  dy2st::runParts(parts, [&](int part) {
    int64_t extent = byRows ? m : n;
    int64_t begin = std::min(extent, strips * part / parts * kStrip);
    int64_t end = std::min(extent, strips * (part + 1) / parts * kStrip);
    if (begin == end)
      return;
    int size = static_cast<int>(end - begin);
    if (byRows)
      gemm(t, t.a ? a + begin : a + begin * lda, b, c + begin * ldc, size, n, k, lda, ldb, ldc,
           beta);
    else
      gemm(t, a, t.b ? b + begin * ldb : b + begin, c + begin, m, size, k, lda, ldb, ldc, beta);
  });
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

/// C (+)= op(A)·op(B) for one matrix of a batch: BLAS takes 32-bit sizes;
/// larger ones (no memory holds them today) take plain loops.
template <typename T>
void product(Transposes t, const T *a, const T *b, T *c, int64_t m, int64_t n, int64_t k,
             int64_t lda, int64_t ldb, int64_t ldc, bool accumulate) {
  if (m == 0 || n == 0)
    return;
  if (k == 0) {
    // An empty sum: BLAS would reject the leading dimensions of empty rows.
    for (int64_t i = 0; !accumulate && i < m; ++i)
      std::fill(c + i * ldc, c + i * ldc + n, T(0));
    return;
  }
  // As stored: A is [m, k] or [k, m], B is [k, n] or [n, k].
  lda = t.a ? leading(lda, k, m) : leading(lda, m, k);
  ldb = t.b ? leading(ldb, n, k) : leading(ldb, k, n);
  ldc = leading(ldc, m, n);
  if (fitsInt({m, n, k, lda, ldb, ldc})) {
    sharedGemm(t, a, b, c, m, n, k, lda, ldb, ldc, accumulate ? T(1) : T(0));
    return;
  }
  for (int64_t i = 0; i < m; ++i) {
    T *row = c + i * ldc;
    if (!accumulate)
      std::fill(row, row + n, T(0));
    for (int64_t p = 0; p < k; ++p)
      for (int64_t j = 0; j < n; ++j)
        row[j] += (t.a ? a[p * lda + i] : a[i * lda + p]) * (t.b ? b[j * ldb + p] : b[p * ldb + j]);
  }
}

/// The product of the last two dimensions of each operand (`rank` 2 or 3,
/// the first of three a batch), sizes read off C and A.
template <typename T, int Rank>
void products(StridedMemRefType<T, Rank> *a, StridedMemRefType<T, Rank> *b,
              StridedMemRefType<T, Rank> *c, Transposes t, bool accumulate) {
  constexpr int row = Rank - 2, column = Rank - 1;
  int64_t batch = Rank == 3 ? c->sizes[0] : 1;
  int64_t k = t.a ? a->sizes[row] : a->sizes[column];
  for (int64_t i = 0; i < batch; ++i)
    product(t, a->data + a->offset + (Rank == 3 ? i * a->strides[0] : 0),
            b->data + b->offset + (Rank == 3 ? i * b->strides[0] : 0),
            c->data + c->offset + (Rank == 3 ? i * c->strides[0] : 0), c->sizes[row],
            c->sizes[column], k, a->strides[row], b->strides[row], c->strides[row], accumulate);
}

} // namespace

extern "C" {
static void gemmF32(StridedMemRefType<float, 2> *a, StridedMemRefType<float, 2> *b,
                    StridedMemRefType<float, 2> *c, bool ta, bool tb, bool accumulate) {
  products(a, b, c, {ta, tb}, accumulate);
}
static void gemmF64(StridedMemRefType<double, 2> *a, StridedMemRefType<double, 2> *b,
                    StridedMemRefType<double, 2> *c, bool ta, bool tb, bool accumulate) {
  products(a, b, c, {ta, tb}, accumulate);
}
static void batchGemmF32(StridedMemRefType<float, 3> *a, StridedMemRefType<float, 3> *b,
                         StridedMemRefType<float, 3> *c, bool ta, bool tb, bool accumulate) {
  products(a, b, c, {ta, tb}, accumulate);
}
static void batchGemmF64(StridedMemRefType<double, 3> *a, StridedMemRefType<double, 3> *b,
                         StridedMemRefType<double, 3> *c, bool ta, bool tb, bool accumulate) {
  products(a, b, c, {ta, tb}, accumulate);
}
static void packF32(StridedMemRefType<float, 2> *b, bool tb, StridedMemRefType<float, 1> *packed) {
  int64_t k = b->sizes[tb ? 1 : 0], n = b->sizes[tb ? 0 : 1];
  if (packedKernelsFor(n))
    dy2st::packPanels(b->data + b->offset, b->strides[0], tb, k, n, packed->data + packed->offset);
}
static void packedGemmF32(StridedMemRefType<float, 2> *a, StridedMemRefType<float, 2> *b,
                          StridedMemRefType<float, 1> *packed, StridedMemRefType<float, 2> *c,
                          bool ta, bool tb, bool accumulate) {
  int64_t m = c->sizes[0], n = c->sizes[1], k = a->sizes[ta ? 0 : 1];
  if (k == 0 || !packedKernelsFor(n)) {
    products(a, b, c, {ta, tb}, accumulate);
    return;
  }
  packedGemm(a->data + a->offset, a->strides[0], ta, packed->data + packed->offset,
             c->data + c->offset, c->strides[0], m, n, k, accumulate);
}
}

void dy2st::defineBlasSymbols(SymbolDefiner define) {
  auto add = [&](llvm::StringRef name, void *fn) {
    define((llvm::Twine("_mlir_ciface_") + name).str(), fn);
  };
  add(kGemmF32, reinterpret_cast<void *>(&gemmF32));
  add(kGemmF64, reinterpret_cast<void *>(&gemmF64));
  add(kBatchGemmF32, reinterpret_cast<void *>(&batchGemmF32));
  add(kBatchGemmF64, reinterpret_cast<void *>(&batchGemmF64));
  add(kPackF32, reinterpret_cast<void *>(&packF32));
  add(kPackedGemmF32, reinterpret_cast<void *>(&packedGemmF32));
  add(kConv2DF32, reinterpret_cast<void *>(&dy2st::conv2DF32));
  add(kGroupedConv2DF32, reinterpret_cast<void *>(&dy2st::groupedConv2DF32));
  add(kMaxPool2DF32, reinterpret_cast<void *>(&dy2st::maxPool2DF32));
  add(kSumPool2DF32, reinterpret_cast<void *>(&dy2st::sumPool2DF32));
}

void dy2st::setBlasThreads(int threads) {
  std::lock_guard<std::mutex> lock(blasCountMutex);
  configuredThreads = threads;
  // Where products hold OpenBLAS at one thread, the last of them sets it.
  if (oneThreadHolders == 0)
    openblas_set_num_threads(threads);
}

int dy2st::blasThreads() {
  int threads = configuredThreads.load(std::memory_order_relaxed);
  if (threads > 0)
    return threads;
  int expected = 0;
  configuredThreads.compare_exchange_strong(expected, openblas_get_num_threads());
  return configuredThreads.load(std::memory_order_relaxed);
}

int dy2st::blasOwnThreads() { return openblas_get_num_threads(); }

const char *dy2st::blasCore() { return openblas_get_corename(); }
