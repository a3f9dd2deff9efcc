#ifndef DY2ST_TENSORARRAY_TYPES
#define DY2ST_TENSORARRAY_TYPES

include "Dy2St/Dialect/TensorArray/TensorArrayDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/BuiltinTypeInterfaces.td"

def TensorArray_ArrayType : TypeDef<TensorArray_Dialect, "Array"> {
  let mnemonic = "array";
  let summary = "an array of tensors of one ranked tensor type";
  let parameters = (ins "RankedTensorType":$elementType);
  let builders = [
    TypeBuilderWithInferredContext<(ins "RankedTensorType":$elementType), [{
      return $_get(elementType.getContext(), elementType);
    }]>
  ];
  let assemblyFormat = "`<` $elementType `>`";
  let extraClassDeclaration = [{
    /// The type of all items stacked along a new dimension `axis`, whose
    /// size (the number of items) is dynamic.
    RankedTensorType getStackedType(int64_t axis = 0) const {
      SmallVector<int64_t> shape(getElementType().getShape());
      shape.insert(shape.begin() + axis, ShapedType::kDynamic);
      return RankedTensorType::get(shape, getElementType().getElementType());
    }
  }];
}

#endif // DY2ST_TENSORARRAY_TYPES
