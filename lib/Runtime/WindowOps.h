#ifndef DY2ST_LIB_RUNTIME_WINDOWOPS_H
#define DY2ST_LIB_RUNTIME_WINDOWOPS_H

#include "mlir/ExecutionEngine/CRunnerUtils.h"

#include <algorithm>
#include <cstdint>

namespace dy2st {

/// The output columns [low, high) of a row of `outWidth` whose kernel tap
/// reads input column ox·step + shift inside [0, width).
struct ColumnsInside {
  int64_t low, high;
};
inline ColumnsInside columnsInside(int64_t shift, int64_t step, int64_t width,
                                   int64_t outWidth) {
  int64_t low = shift >= 0 ? 0 : (-shift + step - 1) / step;
  int64_t high = shift >= width ? 0 : (width - shift + step - 1) / step;
  return {low, std::clamp<int64_t>(high, 0, outWidth)};
}

/// The kConv2DF32 entry (RuntimeABI.h): out [N, F, OH, OW] (+)= the
/// convolution of x [N, C, H, W], padded with zeros above and left by the
/// paddings (below and right as far as the output's size reads), with w
/// [F, C, KH, KW] at the given strides and dilations.
void conv2DF32(StridedMemRefType<float, 4> *x, StridedMemRefType<float, 4> *w,
               StridedMemRefType<float, 4> *out, int64_t paddingTop, int64_t paddingLeft,
               int64_t strideH, int64_t strideW, int64_t dilationH, int64_t dilationW,
               bool accumulate);

/// Whether conv2DF32 computes a convolution of these sizes (out's images,
/// height and width) by Winograd's F(2x2, 3x3): 3x3 filters at unit stride
/// and dilation, enough channels, filters and tiles (Winograd.cpp).
bool winogradFits(int64_t channels, int64_t filters, int64_t kernelH, int64_t kernelW,
                  int64_t strideH, int64_t strideW, int64_t dilationH, int64_t dilationW,
                  int64_t images, int64_t height, int64_t width);

/// out [N, F, OH, OW] (+)= the 3x3 convolution of x [N, C, ≥ 2·ceil(OH/2) + 2,
/// ≥ 2·ceil(OW/2) + 2] (padded already) with the filters w, rows of C·9
/// floats `lda` apart; out's rows have unit stride.
void winogradConv2DF32(const StridedMemRefType<float, 4> &x, const float *w, int64_t lda,
                       StridedMemRefType<float, 4> &out, bool accumulate);

/// The kGroupedConv2DF32 entry (RuntimeABI.h): out [N, G, F/G, OH, OW] (+)=
/// the convolution of each group of x [N, G, C/G, H, W] (padded already)
/// with its filters w [G, F/G, C/G, KH, KW]; the sums in
/// linalg.conv_2d_ngchw_gfchw's order (channels, then taps).
void groupedConv2DF32(StridedMemRefType<float, 5> *x, StridedMemRefType<float, 5> *w,
                      StridedMemRefType<float, 5> *out, int64_t strideH, int64_t strideW,
                      int64_t dilationH, int64_t dilationW, bool accumulate);

/// The kMaxPool2DF32 entry (RuntimeABI.h): out [N, C, OH, OW] = the max of
/// itself and each window of x [N, C, H, W] (KH x KW at the strides and
/// dilations, from paddingTop/paddingLeft before x's first row/column);
/// positions outside x are skipped (a padding below every value). NaN
/// propagates, as arith.maximumf.
void maxPool2DF32(StridedMemRefType<float, 4> *x, StridedMemRefType<float, 4> *out,
                  int64_t kernelH, int64_t kernelW, int64_t paddingTop, int64_t paddingLeft,
                  int64_t strideH, int64_t strideW, int64_t dilationH, int64_t dilationW);

/// The kSumPool2DF32 entry (RuntimeABI.h): out [N, C, OH, OW] += each window
/// of x, as maxPool2DF32 (positions outside x are zeros, skipped); the taps
/// summed in linalg.pooling_nchw_sum's order.
void sumPool2DF32(StridedMemRefType<float, 4> *x, StridedMemRefType<float, 4> *out, int64_t kernelH,
                  int64_t kernelW, int64_t paddingTop, int64_t paddingLeft, int64_t strideH,
                  int64_t strideW, int64_t dilationH, int64_t dilationW);

} // namespace dy2st

#endif
