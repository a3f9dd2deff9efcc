// Lowerings of the creation primitives.
#include "LibLowering.h"

#include "Dy2St/Support/DType.h"
#include "Dy2St/Support/RuntimeABI.h"

#include "Dy2St/Conversion/RuntimeCalls.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

#include <cmath>
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

static Value asF64(OpBuilder &b, Location loc, Value v) {
  if (isa<RankedTensorType>(v.getType()))
    v = firstElement(b, loc, v);
  return convertElement(b, loc, v, b.getF64Type());
}

/// The bytes of one element of `type` (a complex one holds two floats).
static double elementBytes(RankedTensorType type) {
  return static_cast<double>(dy2st::dtypeSize(*dy2st::dtypeOfElement(type.getElementType())));
}

/// The memory of this machine, in bytes.
static double physicalMemory() {
  return static_cast<double>(sysconf(_SC_PHYS_PAGES)) * static_cast<double>(sysconf(_SC_PAGE_SIZE));
}

/// The uninitialized result of a creation primitive: its sizes known at run
/// time checked (a negative one is a ValueError, one too large for memory a
/// MemoryError and an empty tensor).
static FailureOr<Value> emptyResult(LibLowering &l) {
  RankedTensorType result = l.result();
  if (result.hasStaticShape()) {
    double bytes = elementBytes(result) * result.getNumElements();
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
    Value bytes = arith::ConstantOp::create(l.b, l.loc, l.b.getF64FloatAttr(elementBytes(result)));
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
  return Value(tensor::EmptyOp::create(l.b, l.loc, result.getShape(), result.getElementType(),
                                       dynamic));
}

FailureOr<Value> lowerFill(LibLowering &l) {
  FailureOr<Value> empty = emptyResult(l);
  if (failed(empty))
    return failure();
  Value v = fillValue(l, l.result().getElementType());
  return linalg::FillOp::create(l.b, l.loc, ValueRange{v}, ValueRange{*empty}).getResult(0);
}

/// splitmix64's finalizer (see kRandomMixA) on an i64.
static Value mixBits(OpBuilder &b, Location loc, Value z) {
  auto constant = [&](uint64_t v) {
    return arith::ConstantOp::create(b, loc, b.getI64IntegerAttr(static_cast<int64_t>(v)));
  };
  auto shiftXor = [&](Value v, int64_t k) {
    return arith::XOrIOp::create(b, loc, v, arith::ShRUIOp::create(b, loc, v, constant(k)));
  };
  z = arith::MulIOp::create(b, loc, shiftXor(z, 30), constant(dy2st::kRandomMixA));
  z = arith::MulIOp::create(b, loc, shiftXor(z, 27), constant(dy2st::kRandomMixB));
  return shiftXor(z, 31);
}

/// A number in [0, 1) from 64 random bits: their top `digits` bits (24 for
/// float32, whose results then never round up to 1), as an f64.
static Value unitInterval(OpBuilder &b, Location loc, Value bits, int64_t digits) {
  Value top = arith::ShRUIOp::create(
      b, loc, bits, arith::ConstantOp::create(b, loc, b.getI64IntegerAttr(64 - digits)));
  Value asFloat = arith::UIToFPOp::create(b, loc, b.getF64Type(), top);
  return arith::MulFOp::create(b, loc, asFloat,
                               arith::ConstantOp::create(b, loc, b.getF64FloatAttr(std::ldexp(1.0, -static_cast<int>(digits)))));
}

/// uniform, gaussian: element i of a run keyed k has the bits mix(k + (2i +
/// 1)γ) (and, for gaussian's second number, mix(k + (2i + 2)γ)), γ being
/// splitmix64's increment; the key is new at each run (kRandomBits), or
/// mix(seed) for a non-zero `seed`. Normal numbers by Box-Muller.
FailureOr<Value> lowerRandom(LibLowering &l) {
  OpBuilder &b = l.b;
  Location loc = l.loc;
  FailureOr<Value> empty = emptyResult(l);
  if (failed(empty))
    return failure();
  RankedTensorType result = l.result();
  Type elem = result.getElementType();
  int64_t digits = elem.isF32() ? 24 : 53;
  int64_t seed = l.integer("seed");
  Value key;
  if (seed != 0) {
    uint64_t mixed = dy2st::randomMix(static_cast<uint64_t>(seed) + dy2st::kRandomGamma);
    key = arith::ConstantOp::create(b, loc, b.getI64IntegerAttr(static_cast<int64_t>(mixed)));
  } else {
    ModuleOp module = l.op->getParentOfType<ModuleOp>();
    declareRuntimeFunction(module, dy2st::kRandomBits, {}, b.getI64Type());
    key = func::CallOp::create(b, loc, dy2st::kRandomBits, b.getI64Type(), ValueRange{})
              .getResult(0);
  }
  bool normal = l.fn.op == LibOp::gaussian;
  Value first = asF64(b, loc, l.operand(normal ? "mean" : "min"));
  Value second = asF64(b, loc, l.operand(normal ? "std" : "max"));
  int64_t rank = result.getRank();
  SmallVector<Value> sizes;
  for (int64_t d = 0; d < rank; ++d)
    sizes.push_back(l.dim(*empty, d));
  MLIRContext *ctx = b.getContext();
  SmallVector<utils::IteratorType> iterators(rank, utils::IteratorType::parallel);
  return linalg::GenericOp::create(
             b, loc, TypeRange{result}, ValueRange{}, ValueRange{*empty},
             SmallVector<AffineMap>{AffineMap::getMultiDimIdentityMap(rank, ctx)}, iterators,
             [&](OpBuilder &nb, Location nl, ValueRange) {
               Value linear = arith::ConstantIndexOp::create(nb, nl, 0);
               for (int64_t d = 0; d < rank; ++d)
                 linear = arith::AddIOp::create(
                     nb, nl, arith::MulIOp::create(nb, nl, linear, sizes[d]),
                     linalg::IndexOp::create(nb, nl, d));
               Value i = arith::IndexCastOp::create(nb, nl, nb.getI64Type(), linear);
               auto bitsAt = [&](int64_t offset) {
                 Value step = arith::AddIOp::create(
                     nb, nl,
                     arith::MulIOp::create(nb, nl, i,
                                           arith::ConstantOp::create(nb, nl, nb.getI64IntegerAttr(2))),
                     arith::ConstantOp::create(nb, nl, nb.getI64IntegerAttr(offset)));
                 Value gamma = arith::ConstantOp::create(
                     nb, nl, nb.getI64IntegerAttr(static_cast<int64_t>(dy2st::kRandomGamma)));
                 return mixBits(nb, nl, arith::AddIOp::create(
                                            nb, nl, key, arith::MulIOp::create(nb, nl, step, gamma)));
               };
               Value u = unitInterval(nb, nl, bitsAt(1), digits);
               Value v;
               if (normal) {
                 Value one = arith::ConstantOp::create(nb, nl, nb.getF64FloatAttr(1.0));
                 Value minusTwo = arith::ConstantOp::create(nb, nl, nb.getF64FloatAttr(-2.0));
                 Value radius = math::SqrtOp::create(
                     nb, nl,
                     arith::MulFOp::create(nb, nl, minusTwo,
                                           math::LogOp::create(nb, nl, arith::SubFOp::create(nb, nl, one, u))));
                 Value angle = arith::MulFOp::create(
                     nb, nl, unitInterval(nb, nl, bitsAt(2), 53),
                     arith::ConstantOp::create(nb, nl, nb.getF64FloatAttr(2.0 * M_PI)));
                 Value z = arith::MulFOp::create(nb, nl, radius, math::CosOp::create(nb, nl, angle));
                 v = arith::AddFOp::create(nb, nl, first, arith::MulFOp::create(nb, nl, second, z));
               } else {
                 Value width = arith::SubFOp::create(nb, nl, second, first);
                 v = arith::AddFOp::create(nb, nl, first, arith::MulFOp::create(nb, nl, width, u));
               }
               linalg::YieldOp::create(nb, nl, convertElement(nb, nl, v, elem));
             })
      .getResult(0);
}

FailureOr<Value> lowerFillLike(LibLowering &l) {
  RankedTensorType result = l.result();
  return filled(l.b, l.loc, result, fillValue(l, result.getElementType()), l.operand("x"));
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
  if (!data && isa<ComplexType>(elem)) {
    // Literal numbers are real: a constant of the parts' dtype, converted.
    RankedTensorType partType = type.clone(cast<ComplexType>(elem).getElementType());
    l.resultType = partType;
    FailureOr<Value> parts = lowerToTensor(l);
    l.resultType = type;
    return failed(parts) ? parts : FailureOr<Value>(castTensor(b, l.loc, *parts, elem));
  }
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
