#ifndef DY2ST_TENSORARRAY_DIALECT
#define DY2ST_TENSORARRAY_DIALECT

include "mlir/IR/OpBase.td"

def TensorArray_Dialect : Dialect {
  let name = "tensor_array";
  let summary = "value-semantics arrays of same-typed tensors (Python lists of tensors)";
  let description = [{
    A `!tensor_array.array<T>` is an immutable value holding a sequence of
    tensors of type `T`; every op that "modifies" an array returns a new one,
    so arrays thread through `scf` loops like any other value. The lowering to
    tensors gives the array a capacity that grows geometrically, so appending N
    items costs O(N).
  }];
  let cppNamespace = "::mlir::tensor_array";
  let useDefaultTypePrinterParser = 1;
  let hasConstantMaterializer = 1;
}

class TensorArray_Op<string mnemonic, list<Trait> traits = []>
    : Op<TensorArray_Dialect, mnemonic, traits>;

#endif // DY2ST_TENSORARRAY_DIALECT
