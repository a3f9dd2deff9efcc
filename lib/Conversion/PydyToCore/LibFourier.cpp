// Lowering of fft_c2c: the tensor as rows (its leading axes as one), which
// the runtime's FFT (kFftC64, kFftC128) reads into a fresh buffer. MLIR has
// no Fourier transform; the result's buffer is made here, before
// bufferization, as TensorArrayToMemRef makes its own (a buffer seen as a
// tensor by `bufferization.to_tensor restrict`).
#include "LibLowering.h"

#include "Dy2St/Conversion/RuntimeCalls.h"
#include "Dy2St/Support/RuntimeABI.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;

namespace mlir::pydy::lowering {

FailureOr<Value> lowerFourierTransform(LibLowering &l) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  Value x = l.operand("x");
  auto type = cast<RankedTensorType>(x.getType());
  auto element = cast<ComplexType>(type.getElementType());
  int64_t rank = type.getRank();
  // [rows, n]: one row, or the leading axes collapsed into one.
  SmallVector<ReassociationIndices> groups(2);
  for (int64_t d = 0; d < rank - 1; ++d)
    groups[0].push_back(d);
  groups[1].push_back(rank - 1);
  Value rows = rank == 1   ? insertUnitDim(b, loc, x, 0)
               : rank == 2 ? x
                           : Value(tensor::CollapseShapeOp::create(b, loc, x, groups));
  auto rowsType = cast<RankedTensorType>(rows.getType());
  MLIRContext *ctx = b.getContext();
  // The runtime's one signature: any sizes, strides and offset.
  auto anyStrides =
      MemRefType::get({ShapedType::kDynamic, ShapedType::kDynamic}, element,
                      StridedLayoutAttr::get(ctx, ShapedType::kDynamic,
                                             {ShapedType::kDynamic, ShapedType::kDynamic}));
  // The input is the call's tensor operand, which bufferization sees read
  // there (a buffer taken from it here could be reused by CSE for another
  // call, after bufferization has let a later op write into it).
  Value in = tensor::CastOp::create(b, loc, UnrankedTensorType::get(element), rows);
  SmallVector<Value> sizes;
  for (int64_t d = 0; d < 2; ++d)
    if (rowsType.isDynamicDim(d))
      sizes.push_back(tensor::DimOp::create(b, loc, rows, d));
  Value out = memref::AllocOp::create(b, loc, MemRefType::get(rowsType.getShape(), element), sizes);
  StringRef callee = element.getElementType().isF32() ? dy2st::kFftC64 : dy2st::kFftC128;
  Value forward = arith::ConstantOp::create(b, loc, b.getBoolAttr(l.flag("forward")));
  dy2st::declareRuntimeFunction(l.op->getParentOfType<ModuleOp>(), callee,
                                {in.getType(), anyStrides, b.getI1Type()});
  func::CallOp::create(b, loc, callee, TypeRange{},
                       ValueRange{in, memref::CastOp::create(b, loc, anyStrides, out), forward});
  Value transformed = bufferization::ToTensorOp::create(b, loc, rowsType, out, /*restrict=*/true,
                                                        /*writable=*/true);
  if (rank == 1)
    return dropUnitDim(b, loc, transformed, 0);
  if (rank == 2)
    return transformed;
  SmallVector<OpFoldResult> shape;
  for (int64_t d = 0; d < rank; ++d)
    shape.push_back(sizeOf(b, loc, x, d));
  return expandDims(b, loc, type, transformed, groups, shape);
}

} // namespace mlir::pydy::lowering
