// Grouped convolutions of f32 (depthwise ones above all: one channel per
// group) directly, on the padded input: each run of 16 output columns is
// summed in registers over the group's channels and the kernel's taps, then
// stored once. linalg's loops put the output columns innermost too, but
// stored them after every tap, and LLVM fully unrolled those short loops and
// vectorized the rows with gathers: MobileNetV2's depthwise convolutions took
// half of its time.
#include "WindowOps.h"

#include "Workers.h"

#include "Dy2St/Runtime/Blas.h"

#include <algorithm>

namespace {

constexpr int64_t kRun = 16;

struct Grouped {
  StridedMemRefType<float, 5> x, w, out;
  int64_t stride[2], dilation[2];
};

/// Output columns [first, first + count) of row oy of the output plane at
/// `to`, count <= kRun: the sum over the group's channels c and the taps
/// (i, j) of w[c, i, j] · x[c, oy·sh + i·dh, ox·sw + j·dw], onto the
/// plane's values where `accumulate`. `from` and `weights` are x's and w's
/// planes of the group's first channel. Compiled for the widest vectors the
/// CPU has (the runtime's baseline is SSE2).
__attribute__((target_clones("avx512f", "avx2", "default"))) void
sumRun(const Grouped &g, const float *from, const float *weights, float *to, int64_t oy,
       int64_t first, int64_t count, bool accumulate) {
  const int64_t *xs = g.x.strides, *ws = g.w.strides;
  int64_t outGap = g.out.strides[4], gap = g.stride[1] * xs[4];
  float sum[kRun];
  for (int64_t t = 0; t < kRun; ++t)
    sum[t] = accumulate && t < count ? to[(first + t) * outGap] : 0.0f;
  for (int64_t c = 0; c < g.x.sizes[2]; ++c)
    for (int64_t i = 0; i < g.w.sizes[3]; ++i) {
      const float *row = from + c * xs[2] + (oy * g.stride[0] + i * g.dilation[0]) * xs[3] +
                         first * gap;
      for (int64_t j = 0; j < g.w.sizes[4]; ++j) {
        float weight = weights[c * ws[2] + i * ws[3] + j * ws[4]];
        const float *tap = row + j * g.dilation[1] * xs[4];
        if (count == kRun && gap == 1)
          for (int64_t t = 0; t < kRun; ++t)
            sum[t] += weight * tap[t];
        else
          for (int64_t t = 0; t < count; ++t)
            sum[t] += weight * tap[t * gap];
      }
    }
  for (int64_t t = 0; t < count; ++t)
    to[(first + t) * outGap] = sum[t];
}

/// Output planes [b, group, f] for every filter f of the group.
void convolveGroup(const Grouped &g, int64_t b, int64_t group, bool accumulate) {
  const int64_t *xs = g.x.strides, *ws = g.w.strides, *os = g.out.strides;
  const float *from = g.x.data + g.x.offset + b * xs[0] + group * xs[1];
  for (int64_t f = 0; f < g.out.sizes[2]; ++f) {
    const float *weights = g.w.data + g.w.offset + group * ws[0] + f * ws[1];
    float *plane = g.out.data + g.out.offset + b * os[0] + group * os[1] + f * os[2];
    for (int64_t oy = 0; oy < g.out.sizes[3]; ++oy)
      for (int64_t first = 0; first < g.out.sizes[4]; first += kRun)
        sumRun(g, from, weights, plane + oy * os[3], oy, first,
               std::min(kRun, g.out.sizes[4] - first), accumulate);
  }
}

} // namespace

void dy2st::groupedConv2DF32(StridedMemRefType<float, 5> *x, StridedMemRefType<float, 5> *w,
                             StridedMemRefType<float, 5> *out, int64_t strideH, int64_t strideW,
                             int64_t dilationH, int64_t dilationW, bool accumulate) {
  Grouped g{*x, *w, *out, {strideH, strideW}, {dilationH, dilationW}};
  int64_t groups = out->sizes[1], planes = out->sizes[0] * groups;
  // Groups shared among the threads where there is enough work (a few
  // hundred microseconds' worth) to pay for waking them.
  int64_t work = planes * out->sizes[2] * x->sizes[2] * out->sizes[3] * out->sizes[4] *
                 w->sizes[3] * w->sizes[4];
  int parts = static_cast<int>(std::clamp<int64_t>(std::min(work >> 20, planes), 1,
                                                   std::max(blasThreads(), 1)));
  runParts(parts, [&](int part) {
    for (int64_t p = planes * part / parts; p < planes * (part + 1) / parts; ++p)
      convolveGroup(g, p / groups, p % groups, accumulate);
  });
}
