#ifndef DY2ST_TENSORARRAY_OPS
#define DY2ST_TENSORARRAY_OPS

include "Dy2St/Dialect/TensorArray/TensorArrayDialect.td"
include "Dy2St/Dialect/TensorArray/TensorArrayTypes.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

def TensorArray : Type<CPred<"::llvm::isa<::mlir::tensor_array::ArrayType>($_self)">,
                       "tensor array", "::mlir::tensor_array::ArrayType">;

def TensorArray_Item : AnyTypeOf<[AnyRankedTensor, AnySignlessInteger, AnyFloat]>;

// What the ops that check an index or a length at run time write (see
// RecordedException.h): they run where their values are unused.
def TensorArray_RecordedException : Resource<"::dy2st::RecordedExceptionResource">;

class ElementTypeOf<string array, string tensor> : TypesMatchWith<
    "`" # tensor # "` has the element type of `" # array # "`", array, tensor,
    "::llvm::cast<::mlir::tensor_array::ArrayType>($_self).getElementType()">;

def TensorArray_CreateOp : TensorArray_Op<"create", [Pure]> {
  let summary = "an empty array";
  let arguments = (ins Optional<Index>:$capacity);
  let results = (outs TensorArray:$result);
  let assemblyFormat = "(`capacity` `(` $capacity^ `)`)? attr-dict `:` qualified(type($result))";
}

def TensorArray_AppendOp : TensorArray_Op<"append", [Pure,
    AllTypesMatch<["array", "result"]>, ElementTypeOf<"array", "item">]> {
  let summary = "the array with `item` added at the end";
  let arguments = (ins TensorArray:$array, TensorArray_Item:$item);
  let results = (outs TensorArray:$result);
  let assemblyFormat = "$array `,` $item attr-dict `:` qualified(type($array))";
}

def TensorArray_PopOp : TensorArray_Op<"pop", [
    MemoryEffects<[MemWrite<TensorArray_RecordedException>]>,
    AllTypesMatch<["array", "result"]>, ElementTypeOf<"array", "item">]> {
  let summary = "removes the item at `index` (default: the last one)";
  let description = [{
    A negative index counts from the end, as in Python. An index out of range
    is a run-time error.
  }];
  let arguments = (ins TensorArray:$array, Optional<I64>:$index);
  let results = (outs TensorArray:$result, TensorArray_Item:$item);
  let assemblyFormat = "$array (`[` $index^ `]`)? attr-dict `:` qualified(type($array))";
}

def TensorArray_ReadOp : TensorArray_Op<"read", [
    MemoryEffects<[MemWrite<TensorArray_RecordedException>]>,
    ElementTypeOf<"array", "item">]> {
  let summary = "the item at `index` (negative counts from the end)";
  let arguments = (ins TensorArray:$array, I64:$index);
  let results = (outs TensorArray_Item:$item);
  let assemblyFormat = "$array `[` $index `]` attr-dict `:` qualified(type($array))";
  let hasFolder = 1;
}

def TensorArray_WriteOp : TensorArray_Op<"write", [
    MemoryEffects<[MemWrite<TensorArray_RecordedException>]>,
    AllTypesMatch<["array", "result"]>, ElementTypeOf<"array", "item">]> {
  let summary = "the array with the item at `index` replaced";
  let arguments = (ins TensorArray:$array, I64:$index, TensorArray_Item:$item);
  let results = (outs TensorArray:$result);
  let assemblyFormat = "$array `[` $index `]` `,` $item attr-dict `:` qualified(type($array))";
}

def TensorArray_FindOp : TensorArray_Op<"find", [Pure, ElementTypeOf<"array", "item">]> {
  let summary = "the index of the first item equal to `item`, or -1";
  let description = [{
    The lookup of a dict whose keys are known only at run time (its keys are
    an array of integers): items are scalars, compared by value.
  }];
  let arguments = (ins TensorArray:$array, AnySignlessInteger:$item);
  let results = (outs I64:$index);
  let assemblyFormat = "$array `,` $item attr-dict `:` qualified(type($array))";
}

def TensorArray_LengthOp : TensorArray_Op<"length", [Pure]> {
  let summary = "the number of items";
  let arguments = (ins TensorArray:$array);
  let results = (outs I64:$length);
  let assemblyFormat = "$array attr-dict `:` qualified(type($array))";
  let hasFolder = 1;
}

def TensorArray_CastOp : TensorArray_Op<"cast", [Pure]> {
  let summary = "the same items, typed with a wider item shape";
  let description = [{
    Items of `tensor<4xf32>` seen as items of `tensor<?xf32>` (or back, when
    the shapes agree at run time): the item dtype and rank stay (scalars stay
    as they are).
  }];
  let arguments = (ins TensorArray:$source);
  let results = (outs TensorArray:$result);
  let assemblyFormat = "$source attr-dict `:` qualified(type($source)) `to` qualified(type($result))";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def TensorArray_CopyOp : TensorArray_Op<"copy", [MemoryEffects<[MemAlloc]>,
    AllTypesMatch<["source", "result"]>]> {
  let summary = "the same items in an array of its own";
  let description = [{
    The identity on values. A lowering that updates arrays in place gives
    the result storage of its own, so that updating one leaves the other as
    it was. (An allocation, so that CSE keeps two copies apart.)
  }];
  let arguments = (ins TensorArray:$source);
  let results = (outs TensorArray:$result);
  let assemblyFormat = "$source attr-dict `:` qualified(type($source))";
}

def TensorArray_StackOp : TensorArray_Op<"stack", [Pure]> {
  let summary = "all items stacked along a new dimension `axis`";
  let description = [{
    With `empty_error` (the user's `paddle.stack` or `concat` of a list), an
    empty array is a ValueError with that message at run time, as eagerly;
    without it (a list returned or built by a comprehension), an empty
    array stacks to an empty tensor.
  }];
  let arguments = (ins TensorArray:$array, DefaultValuedAttr<I64Attr, "0">:$axis,
                       OptionalAttr<StrAttr>:$empty_error);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = "$array attr-dict `:` qualified(type($array)) `->` qualified(type($result))";
  let hasVerifier = 1;
}

#endif // DY2ST_TENSORARRAY_OPS
