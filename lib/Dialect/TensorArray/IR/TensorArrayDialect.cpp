#include "Dy2St/Dialect/TensorArray/TensorArrayDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::tensor_array;

#include "Dy2St/Dialect/TensorArray/TensorArrayOpsDialect.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "Dy2St/Dialect/TensorArray/TensorArrayOpsTypes.cpp.inc"

#define GET_OP_CLASSES
#include "Dy2St/Dialect/TensorArray/TensorArrayOps.cpp.inc"

void TensorArrayDialect::initialize() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "Dy2St/Dialect/TensorArray/TensorArrayOpsTypes.cpp.inc"
      >();
  addOperations<
#define GET_OP_LIST
#include "Dy2St/Dialect/TensorArray/TensorArrayOps.cpp.inc"
      >();
}

Operation *TensorArrayDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                                   Type type, Location loc) {
  return arith::ConstantOp::materialize(builder, value, type, loc);
}

OpFoldResult LengthOp::fold(FoldAdaptor) {
  if (getArray().getDefiningOp<CreateOp>())
    return IntegerAttr::get(getType(), 0);
  return {};
}

OpFoldResult ReadOp::fold(FoldAdaptor) {
  // Reading the slot just written, through the same index value, gives the item.
  if (auto write = getArray().getDefiningOp<WriteOp>())
    if (write.getIndex() == getIndex())
      return write.getItem();
  return {};
}

LogicalResult ArrayType::verify(function_ref<InFlightDiagnostic()> emitError, Type element) {
  if (!isa<RankedTensorType, IntegerType, FloatType>(element))
    return emitError() << "items must be ranked tensors, integers or floats, not " << element;
  return success();
}

LogicalResult CastOp::verify() {
  Type from = cast<ArrayType>(getSource().getType()).getElementType();
  Type to = cast<ArrayType>(getResult().getType()).getElementType();
  if (from != to && !(isa<RankedTensorType>(from) && isa<RankedTensorType>(to) &&
                      tensor::CastOp::areCastCompatible(from, to)))
    return emitOpError("items of type ") << from << " cannot be seen as " << to;
  return success();
}

OpFoldResult CastOp::fold(FoldAdaptor) {
  if (getSource().getType() == getResult().getType())
    return getSource();
  // A cast of a cast is one cast.
  if (auto inner = getSource().getDefiningOp<CastOp>())
    if (inner.getSource().getType() == getResult().getType())
      return inner.getSource();
  return {};
}

LogicalResult StackOp::verify() {
  RankedTensorType item = cast<ArrayType>(getArray().getType()).getItemTensorType();
  RankedTensorType result = getResult().getType();
  int64_t axis = getAxis();
  if (axis < 0 || axis > item.getRank())
    return emitOpError("axis ") << axis << " is out of range for items of rank "
                                << item.getRank();
  if (result.getRank() != item.getRank() + 1 ||
      result.getElementType() != item.getElementType())
    return emitOpError("result must have rank ")
           << item.getRank() + 1 << " and element type " << item.getElementType();
  for (int64_t i = 0, r = 0; i < result.getRank(); ++i) {
    if (i == axis)
      continue;
    int64_t expected = item.getDimSize(r++);
    int64_t actual = result.getDimSize(i);
    if (!ShapedType::isDynamic(expected) && !ShapedType::isDynamic(actual) &&
        expected != actual)
      return emitOpError("result dimension ") << i << " is " << actual
                                              << " but items have " << expected;
  }
  return success();
}
