#ifndef DY2ST_TENSORARRAY_TYPES
#define DY2ST_TENSORARRAY_TYPES

include "Dy2St/Dialect/TensorArray/TensorArrayDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/BuiltinTypeInterfaces.td"

def TensorArray_ArrayType : TypeDef<TensorArray_Dialect, "Array"> {
  let mnemonic = "array";
  let summary = "an array of tensors of one ranked tensor type, or of scalars of one type";
  let description = [{
    `!tensor_array.array<tensor<?x4xf32>>` holds tensors, `!tensor_array.array<i64>`
    integers or floats (stored as the 0-d tensors of them, read and written as
    scalars).
  }];
  let parameters = (ins "Type":$elementType);
  let builders = [
    TypeBuilderWithInferredContext<(ins "Type":$elementType), [{
      return $_get(elementType.getContext(), elementType);
    }]>
  ];
  let assemblyFormat = "`<` $elementType `>`";
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// Whether the items are scalars (read and written as such).
    bool holdsScalars() const { return !::llvm::isa<RankedTensorType>(getElementType()); }
    /// The type of one item as a tensor (a scalar's: 0-d).
    RankedTensorType getItemTensorType() const {
      if (auto tensor = ::llvm::dyn_cast<RankedTensorType>(getElementType()))
        return tensor;
      return RankedTensorType::get({}, getElementType());
    }
    /// The type of all items stacked along a new dimension `axis`, whose
    /// size (the number of items) is dynamic.
    RankedTensorType getStackedType(int64_t axis = 0) const {
      RankedTensorType item = getItemTensorType();
      SmallVector<int64_t> shape(item.getShape());
      shape.insert(shape.begin() + axis, ShapedType::kDynamic);
      return RankedTensorType::get(shape, item.getElementType());
    }
  }];
}

#endif // DY2ST_TENSORARRAY_TYPES
