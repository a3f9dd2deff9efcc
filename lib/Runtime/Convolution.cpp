// A convolution of one group as an implicit product: the filters, [F,
// C·KH·KW] as stored, times the input's patches, [C·KH·KW, N·OH·OW]. Each
// block of patches is unfolded straight into the panels the packed kernels
// read, and each panel's results land in the NCHW output. Through im2col and
// OpenBLAS, the unfolded matrix was written, packed again by OpenBLAS (the
// filters too) and the product transposed to NCHW: three more passes over
// memory, a fifth of ResNet-18's time.
#include "WindowOps.h"

#include "PackedGemm.h"
#include "Workers.h"

#include "Dy2St/Runtime/Blas.h"
#include "Dy2St/Support/RuntimeABI.h"

#include <algorithm>
#include <cstring>
#include <vector>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace {

constexpr int64_t kPanel = dy2st::kPackedPanelWidth;
/// Rows of patches and columns of one packed block: up to 256 KiB, which
/// stays in L2 while each run of filter rows passes over it.
constexpr int64_t kDepthBlock = 256;
constexpr int64_t kColumnBlock = 256;

struct Convolution {
  const float *x; // padded
  const float *w;
  int64_t lda; // filter f's row of C·KH·KW weights starts at w + f·lda
  float *out;
  int64_t imageStride, filterStride; // out[b, f, s] is at b·imageStride + f·filterStride + s
  int64_t filters, depth, columns, plane; // F, C·KH·KW, N·OH·OW, OH·OW
  /// Per column (b, oy, ox): the offset in x of its patch's first element.
  std::vector<int64_t> columnOffset;
  /// Per row of patches (c, i, j): its offset in x from the patch's first.
  std::vector<int64_t> depthOffset;
};

/// Columns [first, first + count) of a panel whose patches start `gap`
/// apart in x (one output row: the stride, 1 for unit strides).
struct Run {
  int64_t first, count, gap;
};

/// Columns [c0, c1) of patch rows [p0, p1) as panels of kPanel columns, each
/// p1 - p0 rows of kPanel floats (the last padded with zeros).
void pack(const Convolution &conv, int64_t c0, int64_t c1, int64_t p0, int64_t p1,
          float *packed) {
  int64_t depth = p1 - p0;
  Run runs[kPanel];
  for (int64_t first = c0; first < c1; first += kPanel, packed += depth * kPanel) {
    int64_t count = std::min(kPanel, c1 - first);
    const int64_t *base = conv.columnOffset.data() + first;
    int runCount = 0;
    for (int64_t j = 0; j < count;) {
      int64_t gap = j + 1 < count ? base[j + 1] - base[j] : 1, end = j + 1;
      while (end < count && base[end] - base[end - 1] == gap)
        ++end;
      runs[runCount++] = {j, end - j, gap};
      j = end;
    }
    for (int64_t p = 0; p < depth; ++p) {
      float *row = packed + p * kPanel;
      const float *patch = conv.x + conv.depthOffset[p0 + p];
      for (int r = 0; r < runCount; ++r) {
        const Run &run = runs[r];
        const float *from = patch + base[run.first];
        float *to = row + run.first;
        // Sizes known here copy without a call.
        if (run.gap == 1 && run.count == kPanel)
          std::memcpy(to, from, kPanel * sizeof(float));
        else if (run.gap == 1 && run.count == kPanel / 2)
          std::memcpy(to, from, kPanel / 2 * sizeof(float));
        else
          for (int64_t t = 0; t < run.count; ++t)
            to[t] = from[t * run.gap];
      }
      std::fill(row + count, row + kPanel, 0.0f);
    }
  }
}

/// Output rows (filters) [f0, f1) of columns [c0, c1) (+)= the filters'
/// weights [p0, p1) times the packed block of those patch rows.
void multiply(const Convolution &conv, int64_t c0, int64_t c1, int64_t p0, int64_t p1,
              int64_t f0, int64_t f1, const float *packed, bool accumulate) {
  int64_t depth = p1 - p0;
  int panelRows = dy2st::panelRows();
  bool pairs = dy2st::panelPairsAvailable();
  for (int64_t f = f0; f < f1; f += panelRows) {
    int rows = static_cast<int>(std::min<int64_t>(panelRows, f1 - f));
    const float *a = conv.w + f * conv.lda + p0;
    for (int64_t first = c0; first < c1;) {
      const float *panel = packed + (first - c0) * depth;
      // Two panels at once where the kernels take pairs (twice the sums
      // in flight), else one.
      bool pair = pairs && c1 - first > kPanel;
      int64_t width = pair ? 2 * kPanel : kPanel, count = std::min(width, c1 - first);
      int64_t image = first / conv.plane, position = first % conv.plane;
      auto product = [&](float *c, int64_t ldc, bool sum) {
        if (pair)
          dy2st::panelPairProduct(a, conv.lda, panel, depth, c, ldc, rows, count, sum);
        else
          dy2st::panelProduct(a, conv.lda, panel, depth, c, ldc, rows, count, sum);
      };
      if (position + count <= conv.plane) {
        // The columns are adjacent in one image's output.
        product(conv.out + image * conv.imageStride + f * conv.filterStride + position,
                conv.filterStride, accumulate);
      } else {
        alignas(64) float tile[dy2st::kMaxPanelRows * 2 * kPanel];
        product(tile, width, false);
        for (int64_t j = 0; j < count; ++j) {
          int64_t column = first + j;
          float *c = conv.out + column / conv.plane * conv.imageStride + f * conv.filterStride +
                     column % conv.plane;
          for (int r = 0; r < rows; ++r) {
            float &target = c[r * conv.filterStride];
            target = accumulate ? target + tile[r * width + j] : tile[r * width + j];
          }
        }
      }
      first += width;
    }
  }
}

#if defined(__x86_64__)
/// Filters [f0, f1) where there are fewer output columns than a panel (a
/// 2x2 output at batch 1, where a panel would compute 16 columns for 4):
/// each filter's weights against each column's patch (`patches`, one row
/// of `depth` per column) as dot products along the depth, four filters and
/// four columns at a time, the weights, which dominate, read once in order.
__attribute__((target("avx512f"))) void multiplyNarrow(const Convolution &conv,
                                                       const float *patches, int64_t f0,
                                                       int64_t f1, bool accumulate) {
  int64_t depth = conv.depth;
  for (int64_t f = f0; f < f1; f += 4) {
    for (int64_t c = 0; c < conv.columns; c += 4) {
      __m512 sum[4][4];
      for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 4; ++j)
          sum[i][j] = _mm512_setzero_ps();
      for (int64_t d = 0; d < depth; d += 16) {
        __mmask16 along = dy2st::firstLanes(depth - d);
        __m512 w[4], x[4];
        for (int i = 0; i < 4; ++i)
          w[i] = _mm512_maskz_loadu_ps(f + i < f1 ? along : 0, conv.w + (f + i) * conv.lda + d);
        for (int j = 0; j < 4; ++j)
          x[j] = _mm512_maskz_loadu_ps(c + j < conv.columns ? along : 0,
                                       patches + (c + j) * depth + d);
        for (int i = 0; i < 4; ++i)
          for (int j = 0; j < 4; ++j)
            sum[i][j] = _mm512_fmadd_ps(w[i], x[j], sum[i][j]);
      }
      for (int i = 0; i < 4 && f + i < f1; ++i)
        for (int j = 0; j < 4 && c + j < conv.columns; ++j) {
          int64_t column = c + j;
          float &target = conv.out[column / conv.plane * conv.imageStride +
                                   (f + i) * conv.filterStride + column % conv.plane];
          float value = _mm512_reduce_add_ps(sum[i][j]);
          target = accumulate ? target + value : value;
        }
    }
  }
}
#endif

/// The convolution of fewer output columns than a panel: the patches
/// unfolded once, runs of filters shared among the threads. Returns false
/// where the kernels for it do not run (no AVX-512).
bool convolveNarrow(const Convolution &conv, bool accumulate, int threads) {
#if defined(__x86_64__)
  if (conv.columns >= kPanel || !dy2st::panelPairsAvailable())
    return false;
  thread_local std::vector<float> patches;
  patches.resize(std::max<size_t>(patches.size(), conv.columns * conv.depth));
  for (int64_t column = 0; column < conv.columns; ++column)
    for (int64_t p = 0; p < conv.depth; ++p)
      patches[column * conv.depth + p] = conv.x[conv.columnOffset[column] + conv.depthOffset[p]];
  int64_t groups = (conv.filters + 3) / 4;
  int64_t work = 2 * conv.filters * conv.depth * conv.columns;
  int parts = static_cast<int>(
      std::clamp<int64_t>(std::min<int64_t>(work >> 20, groups), 1, std::max(threads, 1)));
  const float *unfolded = patches.data();
  dy2st::runParts(parts, [&](int part) {
    multiplyNarrow(conv, unfolded, groups * part / parts * 4,
                   std::min(conv.filters, groups * (part + 1) / parts * 4), accumulate);
  });
  return true;
#else
  return false;
#endif
}

/// Blocks of columns, and where there are fewer than threads, runs of
/// filter rows too, shared among the threads; each packs its own blocks.
void convolve(const Convolution &conv, bool accumulate, int threads) {
  if (convolveNarrow(conv, accumulate, threads))
    return;
  int64_t depthBlocks = (conv.depth + kDepthBlock - 1) / kDepthBlock;
  int64_t depthStep = (conv.depth + depthBlocks - 1) / depthBlocks;
  int64_t columnBlocks = (conv.columns + kColumnBlock - 1) / kColumnBlock;
  int panelRows = dy2st::panelRows();
  int64_t rowGroups = (conv.filters + panelRows - 1) / panelRows;
  int64_t work = 2 * conv.filters * conv.depth * conv.columns;
  int64_t parts = std::clamp<int64_t>(work >> 22, 1, std::max(threads, 1));
  int64_t rowChunks = std::clamp<int64_t>((parts + columnBlocks - 1) / columnBlocks, 1, rowGroups);
  int64_t items = columnBlocks * rowChunks;
  parts = std::min(parts, items);
  dy2st::runParts(static_cast<int>(parts), [&](int part) {
    // Kept per thread: a fresh block each call would fault its pages in.
    thread_local std::vector<float> packed;
    packed.resize(std::max<size_t>(packed.size(), kColumnBlock * depthStep));
    for (int64_t item = part; item < items; item += parts) {
      int64_t block = item / rowChunks, chunk = item % rowChunks;
      int64_t c0 = block * kColumnBlock, c1 = std::min(conv.columns, c0 + kColumnBlock);
      int64_t f0 = rowGroups * chunk / rowChunks * panelRows;
      int64_t f1 = std::min(conv.filters, rowGroups * (chunk + 1) / rowChunks * panelRows);
      for (int64_t p0 = 0; p0 < conv.depth; p0 += depthStep) {
        int64_t p1 = std::min(conv.depth, p0 + depthStep);
        pack(conv, c0, c1, p0, p1, packed.data());
        multiply(conv, c0, c1, p0, p1, f0, f1, packed.data(), accumulate || p0 > 0);
      }
    }
  });
}

/// Whether dimensions [from, 4) of a memref are row-major and contiguous
/// (dimensions of size 1 may have any stride).
bool contiguousFrom(const StridedMemRefType<float, 4> &m, int from) {
  int64_t expected = 1;
  for (int d = 3; d >= from; --d) {
    if (m.sizes[d] != 1 && m.strides[d] != expected)
      return false;
    expected *= m.sizes[d];
  }
  return true;
}

/// The same convolution as plain loops: for operands the kernels do not
/// take (no AVX2, filters or output not row-major, no channels).
void convolveByLoops(const StridedMemRefType<float, 4> &x, const StridedMemRefType<float, 4> &w,
                     StridedMemRefType<float, 4> &out, const int64_t padding[2],
                     const int64_t stride[2], const int64_t dilation[2], bool accumulate) {
  const float *xd = x.data + x.offset, *wd = w.data + w.offset;
  float *od = out.data + out.offset;
  for (int64_t b = 0; b < out.sizes[0]; ++b)
    for (int64_t f = 0; f < out.sizes[1]; ++f)
      for (int64_t oy = 0; oy < out.sizes[2]; ++oy)
        for (int64_t ox = 0; ox < out.sizes[3]; ++ox) {
          float &target =
              od[b * out.strides[0] + f * out.strides[1] + oy * out.strides[2] + ox * out.strides[3]];
          float sum = accumulate ? target : 0.0f;
          for (int64_t c = 0; c < w.sizes[1]; ++c)
            for (int64_t i = 0; i < w.sizes[2]; ++i)
              for (int64_t j = 0; j < w.sizes[3]; ++j) {
                int64_t y = oy * stride[0] + i * dilation[0] - padding[0];
                int64_t z = ox * stride[1] + j * dilation[1] - padding[1];
                if (y < 0 || y >= x.sizes[2] || z < 0 || z >= x.sizes[3])
                  continue;
                sum += xd[b * x.strides[0] + c * x.strides[1] + y * x.strides[2] + z * x.strides[3]] *
                       wd[f * w.strides[0] + c * w.strides[1] + i * w.strides[2] + j * w.strides[3]];
              }
          target = sum;
        }
}

/// a·steps[0] + b·steps[1] + c·steps[2] for each (a, b, c) of a grid of
/// `sizes`, in row-major order.
std::vector<int64_t> gridOffsets(const int64_t (&sizes)[3], const int64_t (&steps)[3]) {
  std::vector<int64_t> offsets;
  offsets.reserve(sizes[0] * sizes[1] * sizes[2]);
  for (int64_t a = 0; a < sizes[0]; ++a)
    for (int64_t b = 0; b < sizes[1]; ++b)
      for (int64_t c = 0; c < sizes[2]; ++c)
        offsets.push_back(a * steps[0] + b * steps[1] + c * steps[2]);
  return offsets;
}

/// x with its zero padding, [N, C, top + H + below, left + W + right], in
/// `padded`; where nothing pads, x itself.
StridedMemRefType<float, 4> withPadding(const StridedMemRefType<float, 4> &x, int64_t top,
                                        int64_t left, int64_t below, int64_t right,
                                        std::vector<float> &padded) {
  if (top == 0 && left == 0 && below <= 0 && right <= 0)
    return x;
  int64_t height = x.sizes[2], width = x.sizes[3];
  int64_t rows = top + height + std::max<int64_t>(below, 0);
  int64_t columns = left + width + std::max<int64_t>(right, 0);
  StridedMemRefType<float, 4> result{};
  result.sizes[0] = x.sizes[0];
  result.sizes[1] = x.sizes[1];
  result.sizes[2] = rows;
  result.sizes[3] = columns;
  result.strides[3] = 1;
  result.strides[2] = columns;
  result.strides[1] = rows * columns;
  result.strides[0] = x.sizes[1] * rows * columns;
  padded.resize(std::max<size_t>(padded.size(), x.sizes[0] * result.strides[0]));
  result.basePtr = result.data = padded.data();
  const float *xd = x.data + x.offset;
  for (int64_t b = 0; b < x.sizes[0]; ++b)
    for (int64_t c = 0; c < x.sizes[1]; ++c) {
      float *plane = result.data + b * result.strides[0] + c * result.strides[1];
      const float *source = xd + b * x.strides[0] + c * x.strides[1];
      std::fill(plane, plane + top * columns, 0.0f);
      for (int64_t y = 0; y < height; ++y) {
        float *row = plane + (top + y) * columns;
        std::fill(row, row + left, 0.0f);
        for (int64_t z = 0; z < width; ++z)
          row[left + z] = source[y * x.strides[2] + z * x.strides[3]];
        std::fill(row + left + width, row + columns, 0.0f);
      }
      std::fill(plane + (top + height) * columns, plane + rows * columns, 0.0f);
    }
  return result;
}

} // namespace

void dy2st::conv2DF32(StridedMemRefType<float, 4> *x, StridedMemRefType<float, 4> *w,
                      StridedMemRefType<float, 4> *out, int64_t paddingTop, int64_t paddingLeft,
                      int64_t strideH, int64_t strideW, int64_t dilationH, int64_t dilationW,
                      bool accumulate) {
  const int64_t padding[2] = {paddingTop, paddingLeft}, stride[2] = {strideH, strideW},
                dilation[2] = {dilationH, dilationW};
  int64_t images = out->sizes[0], filters = out->sizes[1];
  int64_t height = out->sizes[2], width = out->sizes[3];
  int64_t channels = w->sizes[1], kh = w->sizes[2], kw = w->sizes[3];
  if (images == 0 || filters == 0 || height == 0 || width == 0)
    return;
  if (!packedKernelsAvailable() || channels * kh * kw == 0 || !contiguousFrom(*w, 1) ||
      !contiguousFrom(*out, 2)) {
    convolveByLoops(*x, *w, *out, padding, stride, dilation, accumulate);
    return;
  }
  // The padding as a copy (its border only written, in a buffer kept per
  // thread): unfolding patches that cross it, element by element, cost
  // ResNet-18 more than the copy.
  thread_local std::vector<float> paddedBuffer;
  if (winogradFits(channels, filters, kh, kw, stride[0], stride[1], dilation[0], dilation[1],
                   images, height, width)) {
    // Whole 4x4 input blocks: two rows and columns more than each 2x2 of output.
    int64_t rows = 2 * ((height + 1) / 2) + 2, columns = 2 * ((width + 1) / 2) + 2;
    StridedMemRefType<float, 4> input =
        withPadding(*x, paddingTop, paddingLeft, rows - paddingTop - x->sizes[2],
                    columns - paddingLeft - x->sizes[3], paddedBuffer);
    winogradConv2DF32(input, w->data + w->offset, w->strides[0], *out, accumulate);
    return;
  }
  int64_t below = (height - 1) * stride[0] + (kh - 1) * dilation[0] + 1 - paddingTop - x->sizes[2];
  int64_t right = (width - 1) * stride[1] + (kw - 1) * dilation[1] + 1 - paddingLeft - x->sizes[3];
  StridedMemRefType<float, 4> input =
      withPadding(*x, paddingTop, paddingLeft, below, right, paddedBuffer);
  Convolution conv;
  conv.x = input.data + input.offset;
  conv.w = w->data + w->offset;
  conv.lda = w->strides[0];
  conv.out = out->data + out->offset;
  conv.imageStride = out->strides[0];
  conv.filterStride = out->strides[1];
  conv.filters = filters;
  conv.depth = channels * kh * kw;
  conv.plane = height * width;
  conv.columns = images * conv.plane;
  conv.columnOffset = gridOffsets({images, height, width},
                                  {input.strides[0], stride[0] * input.strides[2],
                                   stride[1] * input.strides[3]});
  conv.depthOffset = gridOffsets({channels, kh, kw},
                                 {input.strides[1], dilation[0] * input.strides[2],
                                  dilation[1] * input.strides[3]});
  convolve(conv, accumulate, blasThreads());
}
