// Lowerings of the creation primitives.
#include "LibLowering.h"
#include "Dy2St/Support/RuntimeABI.h"

#include "Dy2St/Conversion/RuntimeCalls.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

#include <functional>
#include <unistd.h>

using namespace mlir;

namespace mlir::pydy::lowering {

static Value fillValue(LibLowering &l, Type elem) {
  if (Value v = l.operand("fill_value"))
    return convertElement(l.b, l.loc, isa<RankedTensorType>(v.getType()) ? firstElement(l.b, l.loc, v) : v, elem);
  bool one = l.fn.op == LibOp::ones || l.fn.op == LibOp::ones_like;
  return constantScalar(l.b, l.loc, elem, one ? 1 : 0);
}

/// The memory of this machine, in bytes.
static double physicalMemory() {
  return static_cast<double>(sysconf(_SC_PHYS_PAGES)) * static_cast<double>(sysconf(_SC_PAGE_SIZE));
}

FailureOr<Value> lowerFill(LibLowering &l) {
  RankedTensorType result = l.result();
  if (result.hasStaticShape()) {
    double bytes = result.getElementTypeBitWidth() / 8.0 * result.getNumElements();
    if (bytes > physicalMemory())
      return l.op->emitError() << l.fn.name << ": a tensor of "
                               << static_cast<int64_t>(bytes / 0x1p30)
                               << " GiB does not fit in this machine's memory ("
                               << static_cast<int64_t>(physicalMemory() / 0x1p30) << " GiB)";
  }
  SmallVector<Value> sizes = l.indexValues("shape"), dynamic;
  for (int64_t d = 0; d < result.getRank(); ++d)
    if (result.isDynamicDim(d))
      dynamic.push_back(sizes[d]);
  if (!dynamic.empty()) {
    Value ok = arith::ConstantOp::create(l.b, l.loc, l.b.getBoolAttr(true));
    for (Value s : dynamic)
      ok = arith::AndIOp::create(l.b, l.loc, ok,
                                 arith::CmpIOp::create(l.b, l.loc, arith::CmpIPredicate::sge, s, l.index(0)));
    checkAtRunTime(l.b, l.op, ok, "ValueError", (l.fn.name + ": a negative size").str());
    for (Value &s : dynamic)
      s = arith::MaxSIOp::create(l.b, l.loc, s, l.index(0));
    // A size only known at run time may ask for more memory than there is:
    // a MemoryError (as numpy's) and an empty tensor, not a failed malloc
    // written through.
    Value bytes = arith::ConstantOp::create(
        l.b, l.loc, l.b.getF64FloatAttr(result.getElementTypeBitWidth() / 8.0));
    for (int64_t d = 0, next = 0; d < result.getRank(); ++d) {
      Value size = result.isDynamicDim(d)
                       ? dynamic[next++]
                       : Value(l.index(result.getDimSize(d)));
      Value asInt = arith::IndexCastOp::create(l.b, l.loc, l.b.getI64Type(), size);
      bytes = arith::MulFOp::create(
          l.b, l.loc, bytes, arith::SIToFPOp::create(l.b, l.loc, l.b.getF64Type(), asInt));
    }
    ModuleOp module = l.op->getParentOfType<ModuleOp>();
    declareRuntimeFunction(module, dy2st::kCanAllocate, {l.b.getF64Type()}, l.b.getI1Type());
    Value fits = func::CallOp::create(l.b, l.loc, dy2st::kCanAllocate, l.b.getI1Type(),
                                      ValueRange{bytes})
                     .getResult(0);
    checkAtRunTime(l.b, l.op, fits, "MemoryError",
                   (l.fn.name + ": unable to allocate a tensor of that shape").str());
    for (Value &s : dynamic)
      s = arith::SelectOp::create(l.b, l.loc, fits, s, l.index(0));
  }
  Value empty = tensor::EmptyOp::create(l.b, l.loc, result.getShape(), result.getElementType(), dynamic);
  Value v = fillValue(l, result.getElementType());
  return linalg::FillOp::create(l.b, l.loc, ValueRange{v}, ValueRange{empty}).getResult(0);
}

FailureOr<Value> lowerFillLike(LibLowering &l) {
  RankedTensorType result = l.result();
  return filled(l.b, l.loc, result, fillValue(l, result.getElementType()), l.operand("x"));
}

static Value asF64(OpBuilder &b, Location loc, Value v) {
  if (isa<RankedTensorType>(v.getType()))
    v = firstElement(b, loc, v);
  return convertElement(b, loc, v, b.getF64Type());
}

/// arange: start + i * step for i < ceil((end - start) / step), computed in
/// float64 and converted, as numpy does for its first values.
FailureOr<Value> lowerArange(LibLowering &l) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  RankedTensorType result = l.result();
  Value start = asF64(b, loc, l.operand("start"));
  Value step = asF64(b, loc, l.operand("step"));
  Value end;
  if (Value e = l.operand("end")) {
    end = asF64(b, loc, e);
  } else {
    end = start;
    start = arith::ConstantOp::create(b, loc, b.getF64FloatAttr(0));
  }
  SmallVector<Value> dynamic;
  if (result.isDynamicDim(0)) {
    Value zero = arith::ConstantOp::create(b, loc, b.getF64FloatAttr(0));
    checkAtRunTime(b, l.op, arith::CmpFOp::create(b, loc, arith::CmpFPredicate::ONE, step, zero),
                   "ValueError", "arange: step must not be 0");
    Value n = math::CeilOp::create(b, loc, arith::DivFOp::create(b, loc, arith::SubFOp::create(b, loc, end, start), step));
    n = arith::MaximumFOp::create(b, loc, n, zero);
    // A zero step or NaN bounds give an empty range (after the error above).
    Value valid = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, n,
                                        arith::ConstantOp::create(b, loc, b.getF64FloatAttr(9.0e18)));
    n = arith::SelectOp::create(b, loc, valid, n, zero);
    dynamic.push_back(arith::IndexCastOp::create(b, loc, b.getIndexType(),
                                                 arith::FPToSIOp::create(b, loc, b.getI64Type(), n)));
  }
  Value init = tensor::EmptyOp::create(b, loc, result.getShape(), result.getElementType(), dynamic);
  MLIRContext *ctx = b.getContext();
  return linalg::GenericOp::create(
             b, loc, TypeRange{result}, ValueRange{}, ValueRange{init},
             SmallVector<AffineMap>{AffineMap::getMultiDimIdentityMap(1, ctx)},
             SmallVector<utils::IteratorType>{utils::IteratorType::parallel},
             [&](OpBuilder &nb, Location nl, ValueRange) {
               Value i = arith::IndexCastOp::create(nb, nl, nb.getI64Type(), linalg::IndexOp::create(nb, nl, 0));
               Value fi = arith::SIToFPOp::create(nb, nl, nb.getF64Type(), i);
               Value v = arith::AddFOp::create(nb, nl, start, arith::MulFOp::create(nb, nl, fi, step));
               linalg::YieldOp::create(nb, nl, convertElement(nb, nl, v, result.getElementType()));
             })
      .getResult(0);
}

/// A constant tensor from literal data, or a tensor from a runtime value.
FailureOr<Value> lowerToTensor(LibLowering &l) {
  OpBuilder &b = l.b;
  RankedTensorType type = l.result();
  Type elem = type.getElementType();
  Value data = l.operand("data");
  if (!data) {
    SmallVector<Attribute> values;
    std::function<void(Attribute)> flatten = [&](Attribute a) {
      if (auto array = dyn_cast<ArrayAttr>(a)) {
        llvm::for_each(array, flatten);
        return;
      }
      double d = isa<FloatAttr>(a) ? cast<FloatAttr>(a).getValueAsDouble()
                                   : static_cast<double>(cast<IntegerAttr>(a).getInt());
      if (auto i = dyn_cast<IntegerAttr>(a); i && i.getType().isInteger(1))
        d = i.getValue().isZero() ? 0 : 1;
      if (isa<FloatType>(elem))
        values.push_back(b.getFloatAttr(elem, d));
      else if (elem.isInteger(1))
        values.push_back(b.getBoolAttr(d != 0));
      else
        values.push_back(b.getIntegerAttr(elem, static_cast<int64_t>(d)));
    };
    flatten(l.statics.get("data"));
    return Value(arith::ConstantOp::create(b, l.loc, DenseElementsAttr::get(type, values)));
  }
  if (l.statics.get("items")) {
    SmallVector<Value> items;
    for (Value v : l.all("data"))
      items.push_back(convertElement(b, l.loc, v, elem));
    return Value(tensor::FromElementsOp::create(b, l.loc, type, items));
  }
  if (isa<RankedTensorType>(data.getType()))
    return castTensor(b, l.loc, data, elem);
  return Value(tensor::FromElementsOp::create(b, l.loc, type,
                                              ValueRange{convertElement(b, l.loc, data, elem)}));
}

} // namespace mlir::pydy::lowering
