#ifndef DY2ST_LIB_RUNTIME_WINDOWOPS_H
#define DY2ST_LIB_RUNTIME_WINDOWOPS_H

#include "mlir/ExecutionEngine/CRunnerUtils.h"

#include <cstdint>

namespace dy2st {

/// The kConv2DF32 entry (RuntimeABI.h): out [N, F, OH, OW] (+)= the
/// convolution of x [N, C, H, W], padded with zeros above and left by the
/// paddings (below and right as far as the output's size reads), with w
/// [F, C, KH, KW] at the given strides and dilations.
void conv2DF32(StridedMemRefType<float, 4> *x, StridedMemRefType<float, 4> *w,
               StridedMemRefType<float, 4> *out, int64_t paddingTop, int64_t paddingLeft,
               int64_t strideH, int64_t strideW, int64_t dilationH, int64_t dilationW,
               bool accumulate);

/// The kMaxPool2DF32 entry (RuntimeABI.h): out [N, C, OH, OW] = the max of
/// itself and each window of x [N, C, H, W] (KH x KW at the strides and
/// dilations, from paddingTop/paddingLeft before x's first row/column);
/// positions outside x are skipped (a padding below every value). NaN
/// propagates, as arith.maximumf.
void maxPool2DF32(StridedMemRefType<float, 4> *x, StridedMemRefType<float, 4> *out,
                  int64_t kernelH, int64_t kernelW, int64_t paddingTop, int64_t paddingLeft,
                  int64_t strideH, int64_t strideW, int64_t dilationH, int64_t dilationW);

} // namespace dy2st

#endif
