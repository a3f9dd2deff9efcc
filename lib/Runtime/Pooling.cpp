// Max and sum pooling of f32 on the CPU: each output row takes the max with
// (or adds) one input row per kernel tap, over the run of output columns
// whose tap falls inside the input (the padding is skipped, never made).
// linalg's pooling_nchw_max/sum put the output columns innermost too, but
// read the input at the stride there: LLVM gathers, and ResNet-18's 3x3/2
// pool took 1.6 ms of its 31 (8x64x32x32 at batch 8).
#include "WindowOps.h"

#include "Workers.h"

#include "Dy2St/Runtime/Blas.h"

#include <algorithm>
#include <vector>

namespace {

/// arith.maximumf: NaN wins.
inline float maximum(float a, float b) { return (b > a || b != b) ? b : a; }

struct Pool {
  bool sum;
  const float *x;
  float *out;
  int64_t xStrides[4], outStrides[4];
  int64_t height, width, outHeight, outWidth;
  int64_t kernel[2], padding[2], stride[2], dilation[2];
  /// Per kernel column j: the output columns whose tap is inside x (the
  /// same for every row: worked out once, divisions being slow).
  std::vector<dy2st::ColumnsInside> inside;
};

/// Output row oy of plane (b, c), compiled for the widest vectors the CPU
/// has (the runtime's baseline is SSE2).
__attribute__((target_clones("avx512f", "avx2", "default"))) void poolRow(const Pool &pool, const float *plane, float *row, int64_t oy) {
  for (int64_t i = 0; i < pool.kernel[0]; ++i) {
    int64_t y = oy * pool.stride[0] + i * pool.dilation[0] - pool.padding[0];
    if (y < 0 || y >= pool.height)
      continue;
    const float *in = plane + y * pool.xStrides[2];
    for (int64_t j = 0; j < pool.kernel[1]; ++j) {
      int64_t shift = j * pool.dilation[1] - pool.padding[1], step = pool.stride[1];
      auto [low, high] = pool.inside[j];
      if (low >= high)
        continue;
      // x's and the output's elements of column `low`.
      const float *tap = in + (low * step + shift) * pool.xStrides[3];
      float *to = row + low * pool.outStrides[3];
      int64_t gap = step * pool.xStrides[3], outGap = pool.outStrides[3];
      if (pool.sum && outGap == 1)
        for (int64_t t = 0; t < high - low; ++t)
          to[t] += tap[t * gap];
      else if (pool.sum)
        for (int64_t t = 0; t < high - low; ++t)
          to[t * outGap] += tap[t * gap];
      else if (outGap == 1)
        for (int64_t t = 0; t < high - low; ++t)
          to[t] = maximum(to[t], tap[t * gap]);
      else
        for (int64_t t = 0; t < high - low; ++t)
          to[t * outGap] = maximum(to[t * outGap], tap[t * gap]);
    }
  }
}

void pool2DF32(bool sum, StridedMemRefType<float, 4> *x, StridedMemRefType<float, 4> *out,
               int64_t kernelH, int64_t kernelW, int64_t paddingTop, int64_t paddingLeft,
               int64_t strideH, int64_t strideW, int64_t dilationH, int64_t dilationW) {
  Pool pool{sum,
            x->data + x->offset,
            out->data + out->offset,
            {},
            {},
            x->sizes[2],
            x->sizes[3],
            out->sizes[2],
            out->sizes[3],
            {kernelH, kernelW},
            {paddingTop, paddingLeft},
            {strideH, strideW},
            {dilationH, dilationW},
            {}};
  for (int64_t j = 0; j < kernelW; ++j)
    pool.inside.push_back(
        dy2st::columnsInside(j * dilationW - paddingLeft, strideW, pool.width, pool.outWidth));
  std::copy(x->strides, x->strides + 4, pool.xStrides);
  std::copy(out->strides, out->strides + 4, pool.outStrides);
  int64_t channels = out->sizes[1], planes = out->sizes[0] * channels;
  // Planes shared among the threads where there is enough work (a few
  // hundred microseconds' worth) to pay for waking them.
  int64_t work = planes * pool.outHeight * pool.outWidth * kernelH * kernelW;
  int parts = static_cast<int>(
      std::clamp<int64_t>(std::min(work >> 20, planes), 1, std::max(dy2st::blasThreads(), 1)));
  dy2st::runParts(parts, [&](int part) {
    for (int64_t p = planes * part / parts; p < planes * (part + 1) / parts; ++p) {
      int64_t b = p / channels, c = p % channels;
      const float *plane = pool.x + b * pool.xStrides[0] + c * pool.xStrides[1];
      float *result = pool.out + b * pool.outStrides[0] + c * pool.outStrides[1];
      for (int64_t oy = 0; oy < pool.outHeight; ++oy)
        poolRow(pool, plane, result + oy * pool.outStrides[2], oy);
    }
  });
}

} // namespace

void dy2st::maxPool2DF32(StridedMemRefType<float, 4> *x, StridedMemRefType<float, 4> *out,
                         int64_t kernelH, int64_t kernelW, int64_t paddingTop, int64_t paddingLeft,
                         int64_t strideH, int64_t strideW, int64_t dilationH, int64_t dilationW) {
  pool2DF32(false, x, out, kernelH, kernelW, paddingTop, paddingLeft, strideH, strideW, dilationH,
            dilationW);
}

void dy2st::sumPool2DF32(StridedMemRefType<float, 4> *x, StridedMemRefType<float, 4> *out,
                         int64_t kernelH, int64_t kernelW, int64_t paddingTop, int64_t paddingLeft,
                         int64_t strideH, int64_t strideW, int64_t dilationH, int64_t dilationW) {
  pool2DF32(true, x, out, kernelH, kernelW, paddingTop, paddingLeft, strideH, strideW, dilationH,
            dilationW);
}
