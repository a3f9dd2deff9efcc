// Convolutions of 3x3 filters at unit stride and dilation by Winograd's
// minimal filtering F(2x2, 3x3) (Lavin and Gray, "Fast Algorithms for
// Convolutional Neural Networks", 2015): each 2x2 block of outputs comes from
// the 4x4 block of input around it in 16 products per channel instead of 36.
// The filters and the input blocks are transformed (U = G g Gᵀ, V = Bᵀ d B),
// each of the 16 points is one product U[ξ] (filters x channels) · V[ξ]
// (channels x blocks) on the packed kernels, and the results transformed
// back (Y = Aᵀ m A). ResNet's 3x3 layers spend 2.25 times fewer
// multiplications so; the transforms cost memory passes, so blocks of tiles
// are transformed, multiplied and written back while they stay in cache.
#include "WindowOps.h"

#include "PackedGemm.h"
#include "Workers.h"

#include "Dy2St/Runtime/Blas.h"
#include "Dy2St/Support/RuntimeABI.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <vector>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace {

constexpr int64_t kPanel = dy2st::kPackedPanelWidth;
constexpr int kPoints = 16;
/// Floats of transformed input and products one block may hold (2 MiB:
/// about what stays in L2 between the transforms and the products).
constexpr int64_t kBlockFloats = int64_t(1) << 19;

struct Problem {
  const float *x; // padded: every 4x4 block of input lies inside
  int64_t xImage, xChannel, xRow, xColumn; // x's strides
  float *out;
  int64_t outImage, outFilter, outRow; // out's strides (unit along a row)
  int64_t images, channels, filters, height, width; // out's height and width
  int64_t tileRows, tileColumns, tiles;
  const float *u; // [16][filters][channels], points uPoint apart
  int64_t uPoint;
};

/// The distance of consecutive points of a transformed array of `size`
/// floats: one panel more, as arrays a power of two apart would fall into
/// the same cache sets.
int64_t pointStride(int64_t size) { return size + kPanel; }

/// U[ξ][f][c] = (G g Gᵀ)[ξ] of each filter g = w[f, c] (3x3, rows of
/// channels·9 floats `lda` apart), for filters [f0, f1); U's points are
/// `point` floats apart. Sixteen channels at a time, so that each point's
/// values are written a cache line at once.
__attribute__((target_clones("avx512f", "avx2", "default"))) void
transformFilters(const float *w, int64_t lda, int64_t channels, int64_t f0, int64_t f1,
                 int64_t point, float *u) {
  for (int64_t f = f0; f < f1; ++f)
    for (int64_t c0 = 0; c0 < channels; c0 += kPanel) {
      int64_t lanes = std::min<int64_t>(kPanel, channels - c0);
      alignas(64) float g[9][kPanel] = {};
      const float *filter = w + f * lda + c0 * 9;
      if (lanes == kPanel)
        for (int e = 0; e < 9; ++e)
          for (int64_t l = 0; l < kPanel; ++l)
            g[e][l] = filter[l * 9 + e];
      else
        for (int64_t l = 0; l < lanes; ++l)
          for (int e = 0; e < 9; ++e)
            g[e][l] = filter[l * 9 + e];
      alignas(64) float t[4][3][kPanel];
      for (int j = 0; j < 3; ++j)
        for (int64_t l = 0; l < kPanel; ++l) {
          t[0][j][l] = g[j][l];
          t[1][j][l] = 0.5f * (g[j][l] + g[3 + j][l] + g[6 + j][l]);
          t[2][j][l] = 0.5f * (g[j][l] - g[3 + j][l] + g[6 + j][l]);
          t[3][j][l] = g[6 + j][l];
        }
      alignas(64) float out[kPoints][kPanel];
      for (int i = 0; i < 4; ++i)
        for (int64_t l = 0; l < kPanel; ++l) {
          out[4 * i + 0][l] = t[i][0][l];
          out[4 * i + 1][l] = 0.5f * (t[i][0][l] + t[i][1][l] + t[i][2][l]);
          out[4 * i + 2][l] = 0.5f * (t[i][0][l] - t[i][1][l] + t[i][2][l]);
          out[4 * i + 3][l] = t[i][2][l];
        }
      float *target = u + f * channels + c0;
      for (int xi = 0; xi < kPoints; ++xi) {
        if (lanes == kPanel)
          for (int64_t l = 0; l < kPanel; ++l) // a fixed count: one vector store
            target[xi * point + l] = out[xi][l];
        else
          std::memcpy(target + xi * point, out[xi], lanes * sizeof(float));
      }
    }
}

/// The offset in x of tile t's first input element, and its output origin.
struct Tile {
  int64_t input, image, row, column;
};
Tile tileAt(const Problem &p, int64_t t) {
  int64_t perImage = p.tileRows * p.tileColumns;
  int64_t image = t / perImage, rest = t % perImage;
  int64_t row = 2 * (rest / p.tileColumns), column = 2 * (rest % p.tileColumns);
  return {image * p.xImage + row * p.xRow + column * p.xColumn, image, row, column};
}

/// Lanes [lane, lane + count) of a panel whose tiles lie side by side in
/// one row of tiles, the first at `first`.
struct Segment {
  int64_t lane, count;
  Tile first;
};

/// The segments of the `lanes` tiles from tile t0 (at most 16).
int segmentsOf(const Problem &p, int64_t t0, int64_t lanes, Segment *segments) {
  int n = 0;
  for (int64_t lane = 0; lane < lanes;) {
    int64_t t = t0 + lane, column = t % (p.tileRows * p.tileColumns) % p.tileColumns;
    int64_t count = std::min(lanes - lane, p.tileColumns - column);
    segments[n++] = {lane, count, tileAt(p, t)};
    lane += count;
  }
  return n;
}

/// V[ξ] = (Bᵀ d B)[ξ] of tiles [t0, t0 + count) for every channel, as the
/// packed kernels' panels: V[ξ][panel][c][lane], lanes past `count` zero.
/// The arithmetic runs across a panel's 16 lanes (vectors of tiles).
__attribute__((target_clones("avx2", "default"))) void
transformInputByLanes(const Problem &p, int64_t t0, int64_t count, int64_t panels, float *v) {
  int64_t point = pointStride(panels * p.channels * kPanel);
  for (int64_t panel = 0; panel < panels; ++panel) {
    Segment segments[kPanel];
    int64_t lanes = std::min<int64_t>(kPanel, count - panel * kPanel);
    int segmentCount = segmentsOf(p, t0 + panel * kPanel, lanes, segments);
    alignas(64) float d[4][4][kPanel] = {};
    for (int64_t c = 0; c < p.channels; ++c) {
      for (int s = 0; s < segmentCount; ++s) {
        const Segment &segment = segments[s];
        for (int i = 0; i < 4; ++i) {
          const float *row = p.x + segment.first.input + c * p.xChannel + i * p.xRow;
          for (int j = 0; j < 4; ++j)
            for (int64_t k = 0; k < segment.count; ++k)
              d[i][j][segment.lane + k] = row[(2 * k + j) * p.xColumn];
        }
      }
      alignas(64) float r[4][4][kPanel];
      for (int j = 0; j < 4; ++j)
        for (int64_t l = 0; l < kPanel; ++l) {
          r[0][j][l] = d[0][j][l] - d[2][j][l];
          r[1][j][l] = d[1][j][l] + d[2][j][l];
          r[2][j][l] = d[2][j][l] - d[1][j][l];
          r[3][j][l] = d[1][j][l] - d[3][j][l];
        }
      float *target = v + (panel * p.channels + c) * kPanel;
      for (int i = 0; i < 4; ++i)
        for (int64_t l = 0; l < kPanel; ++l) {
          target[(4 * i + 0) * point + l] = r[i][0][l] - r[i][2][l];
          target[(4 * i + 1) * point + l] = r[i][1][l] + r[i][2][l];
          target[(4 * i + 2) * point + l] = r[i][2][l] - r[i][1][l];
          target[(4 * i + 3) * point + l] = r[i][1][l] - r[i][3][l];
        }
    }
  }
}

#if defined(__x86_64__)
/// transformInput with AVX-512 where x's rows have unit stride: a segment's
/// four input rows are read as vectors and split into even and odd columns
/// by permutes (tile k reads columns 2k to 2k + 3), its 16 points stored
/// masked into the panel.
__attribute__((target("avx512f"))) void transformInputAvx512(const Problem &p, int64_t t0,
                                                            int64_t count, int64_t panels,
                                                            float *v) {
  int64_t point = pointStride(panels * p.channels * kPanel);
  const __m512i evens = _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26,
                                          28, 30);
  const __m512i odds = _mm512_add_epi32(evens, _mm512_set1_epi32(1));
  for (int64_t panel = 0; panel < panels; ++panel) {
    Segment segments[kPanel];
    int64_t lanes = std::min<int64_t>(kPanel, count - panel * kPanel);
    int segmentCount = segmentsOf(p, t0 + panel * kPanel, lanes, segments);
    for (int64_t c = 0; c < p.channels; ++c) {
      float *target = v + (panel * p.channels + c) * kPanel;
      if (lanes < kPanel)
        for (int xi = 0; xi < kPoints; ++xi)
          _mm512_storeu_ps(target + xi * point, _mm512_setzero_ps());
      for (int s = 0; s < segmentCount; ++s) {
        const Segment &segment = segments[s];
        int64_t used = 2 * segment.count + 2;
        __mmask16 low = dy2st::firstLanes(used), high = dy2st::firstLanes(used - 16);
        __mmask16 shiftedLow = dy2st::firstLanes(used - 2),
                  shiftedHigh = dy2st::firstLanes(used - 18);
        __m512 columns[4][4]; // [row][j]: column 2k + j of tile k
        for (int i = 0; i < 4; ++i) {
          const float *row = p.x + segment.first.input + c * p.xChannel + i * p.xRow;
          __m512 a = _mm512_maskz_loadu_ps(low, row), b = _mm512_maskz_loadu_ps(high, row + 16);
          __m512 a2 = _mm512_maskz_loadu_ps(shiftedLow, row + 2);
          __m512 b2 = _mm512_maskz_loadu_ps(shiftedHigh, row + 18);
          columns[i][0] = _mm512_permutex2var_ps(a, evens, b);
          columns[i][1] = _mm512_permutex2var_ps(a, odds, b);
          columns[i][2] = _mm512_permutex2var_ps(a2, evens, b2);
          columns[i][3] = _mm512_permutex2var_ps(a2, odds, b2);
        }
        __m512 r[4][4]; // Bᵀ d, by columns
        for (int j = 0; j < 4; ++j) {
          r[0][j] = _mm512_sub_ps(columns[0][j], columns[2][j]);
          r[1][j] = _mm512_add_ps(columns[1][j], columns[2][j]);
          r[2][j] = _mm512_sub_ps(columns[2][j], columns[1][j]);
          r[3][j] = _mm512_sub_ps(columns[1][j], columns[3][j]);
        }
        __mmask16 mask = dy2st::firstLanes(segment.count);
        float *at = target + segment.lane;
        for (int i = 0; i < 4; ++i) {
          _mm512_mask_storeu_ps(at + (4 * i + 0) * point, mask, _mm512_sub_ps(r[i][0], r[i][2]));
          _mm512_mask_storeu_ps(at + (4 * i + 1) * point, mask, _mm512_add_ps(r[i][1], r[i][2]));
          _mm512_mask_storeu_ps(at + (4 * i + 2) * point, mask, _mm512_sub_ps(r[i][2], r[i][1]));
          _mm512_mask_storeu_ps(at + (4 * i + 3) * point, mask, _mm512_sub_ps(r[i][1], r[i][3]));
        }
      }
    }
  }
}
#endif

void transformInput(const Problem &p, int64_t t0, int64_t count, int64_t panels, float *v) {
#if defined(__x86_64__)
  // Where the AVX-512 kernels run (dy2st::panelRows() is theirs, 8).
  if (p.xColumn == 1 && dy2st::panelRows() == 8) {
    transformInputAvx512(p, t0, count, panels, v);
    return;
  }
#endif
  transformInputByLanes(p, t0, count, panels, v);
}

/// out (+)= (Aᵀ m A) of each filter and tile of the block, from the
/// products M[ξ][f][lane] (rows `width` apart), a panel of lanes at a time.
__attribute__((target_clones("avx512f", "avx2", "default"))) void
transformOutput(const Problem &p, int64_t t0, int64_t count, int64_t width, const float *m,
                bool accumulate) {
  int64_t point = pointStride(p.filters * width);
  for (int64_t first = 0; first < count; first += kPanel) {
    Segment segments[kPanel];
    int64_t lanes = std::min<int64_t>(kPanel, count - first);
    int segmentCount = segmentsOf(p, t0 + first, lanes, segments);
    for (int64_t f = 0; f < p.filters; ++f) {
      const float *s = m + f * width + first;
      alignas(64) float q[4][2][kPanel];
      for (int j = 0; j < 4; ++j)
        for (int64_t l = 0; l < kPanel; ++l) {
          float m0 = s[(0 + j) * point + l], m1 = s[(4 + j) * point + l];
          float m2 = s[(8 + j) * point + l], m3 = s[(12 + j) * point + l];
          q[j][0][l] = m0 + m1 + m2;
          q[j][1][l] = m1 - m2 - m3;
        }
      alignas(64) float y[2][2][kPanel];
      for (int i = 0; i < 2; ++i)
        for (int64_t l = 0; l < kPanel; ++l) {
          y[i][0][l] = q[0][i][l] + q[1][i][l] + q[2][i][l];
          y[i][1][l] = q[1][i][l] - q[2][i][l] - q[3][i][l];
        }
      for (int g = 0; g < segmentCount; ++g) {
        const Segment &segment = segments[g];
        const Tile &tile = segment.first;
        int rows = tile.row + 1 < p.height ? 2 : 1;
        // An odd width leaves the row's last tile one column.
        int64_t pairs = std::min(segment.count, (p.width - tile.column) / 2);
        for (int i = 0; i < rows; ++i) {
          float *row = p.out + tile.image * p.outImage + f * p.outFilter +
                       (tile.row + i) * p.outRow + tile.column;
          const float *even = y[i][0] + segment.lane, *odd = y[i][1] + segment.lane;
          if (accumulate) {
            for (int64_t k = 0; k < pairs; ++k) {
              row[2 * k] += even[k];
              row[2 * k + 1] += odd[k];
            }
            if (pairs < segment.count)
              row[2 * pairs] += even[pairs];
          } else {
            for (int64_t k = 0; k < pairs; ++k) {
              row[2 * k] = even[k];
              row[2 * k + 1] = odd[k];
            }
            if (pairs < segment.count)
              row[2 * pairs] = even[pairs];
          }
        }
      }
    }
  }
}

/// The tiles [t0, t0 + count): transformed, multiplied at each point,
/// written back.
void convolveBlock(const Problem &p, int64_t t0, int64_t count, bool accumulate,
                   std::vector<float> &buffer) {
  int64_t panels = (count + kPanel - 1) / kPanel, width = panels * kPanel;
  int64_t vPoint = pointStride(width * p.channels), mPoint = pointStride(width * p.filters);
  buffer.resize(std::max<size_t>(buffer.size(), kPoints * (vPoint + mPoint)));
  float *v = buffer.data(), *m = v + kPoints * vPoint;
  transformInput(p, t0, count, panels, v);
  int rowsPerCall = dy2st::panelRows();
  bool pairs = dy2st::panelPairsAvailable();
  for (int xi = 0; xi < kPoints; ++xi) {
    const float *u = p.u + xi * p.uPoint;
    const float *vAt = v + xi * vPoint;
    float *mAt = m + xi * mPoint;
    for (int64_t f = 0; f < p.filters; f += rowsPerCall) {
      int rows = static_cast<int>(std::min<int64_t>(rowsPerCall, p.filters - f));
      for (int64_t panel = 0; panel < panels;) {
        const float *a = u + f * p.channels, *b = vAt + panel * p.channels * kPanel;
        float *c = mAt + f * width + panel * kPanel;
        if (pairs && panel + 1 < panels) {
          dy2st::panelPairProduct(a, p.channels, b, p.channels, c, width, rows, 2 * kPanel,
                                  false);
          panel += 2;
        } else {
          dy2st::panelProduct(a, p.channels, b, p.channels, c, width, rows, kPanel, false);
          ++panel;
        }
      }
    }
  }
  transformOutput(p, t0, count, width, m, accumulate);
}

bool winogradEnabled() {
  static const bool enabled = [] {
    const char *setting = std::getenv("DY2ST_WINOGRAD");
    return !setting || std::strcmp(setting, "0") != 0;
  }();
  return enabled;
}

} // namespace

bool dy2st::winogradFits(int64_t channels, int64_t filters, int64_t kernelH, int64_t kernelW,
                         int64_t strideH, int64_t strideW, int64_t dilationH, int64_t dilationW,
                         int64_t images, int64_t height, int64_t width) {
  // Below 16 channels or filters the products are too thin for the packed
  // kernels; below 64 tiles the filters' transform costs more than it saves.
  int64_t tiles = images * ((height + 1) / 2) * ((width + 1) / 2);
  return winogradEnabled() && kernelH == 3 && kernelW == 3 && strideH == 1 && strideW == 1 &&
         dilationH == 1 && dilationW == 1 && channels >= 16 && filters >= 16 && tiles >= 64;
}

void dy2st::winogradConv2DF32(const StridedMemRefType<float, 4> &x, const float *w, int64_t lda,
                              StridedMemRefType<float, 4> &out, bool accumulate) {
  Problem p;
  p.x = x.data + x.offset;
  p.xImage = x.strides[0];
  p.xChannel = x.strides[1];
  p.xRow = x.strides[2];
  p.xColumn = x.strides[3];
  p.out = out.data + out.offset;
  p.outImage = out.strides[0];
  p.outFilter = out.strides[1];
  p.outRow = out.strides[2];
  p.images = out.sizes[0];
  p.filters = out.sizes[1];
  p.height = out.sizes[2];
  p.width = out.sizes[3];
  p.channels = x.sizes[1];
  p.tileRows = (p.height + 1) / 2;
  p.tileColumns = (p.width + 1) / 2;
  p.tiles = p.images * p.tileRows * p.tileColumns;
  int threads = std::max(blasThreads(), 1);

  // Kept per thread, as the padding: fresh buffers would fault their pages in.
  thread_local std::vector<float> filterBuffer;
  p.uPoint = pointStride(p.filters * p.channels);
  filterBuffer.resize(std::max<size_t>(filterBuffer.size(), kPoints * p.uPoint));
  float *u = filterBuffer.data();
  int filterParts = static_cast<int>(std::clamp<int64_t>(p.filters / 16, 1, threads));
  runParts(filterParts, [&](int part) {
    transformFilters(w, lda, p.channels, p.filters * part / filterParts,
                     p.filters * (part + 1) / filterParts, p.uPoint, u);
  });
  p.u = u;

  int64_t perBlock = kBlockFloats / (kPoints * (p.channels + p.filters)) / kPanel * kPanel;
  perBlock = std::clamp<int64_t>(perBlock, kPanel, 1024);
  // Enough blocks for every thread.
  int64_t shared = (p.tiles + threads - 1) / threads;
  perBlock = std::min(perBlock, std::max<int64_t>(kPanel, (shared + kPanel - 1) / kPanel * kPanel));
  int64_t blocks = (p.tiles + perBlock - 1) / perBlock;
  int parts = static_cast<int>(std::min<int64_t>(threads, blocks));
  runParts(parts, [&](int part) {
    thread_local std::vector<float> buffer;
    for (int64_t block = part; block < blocks; block += parts) {
      int64_t t0 = block * perBlock;
      convolveBlock(p, t0, std::min(perBlock, p.tiles - t0), accumulate, buffer);
    }
  });
}
