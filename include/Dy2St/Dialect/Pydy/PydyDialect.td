#ifndef DY2ST_PYDY_DIALECT
#define DY2ST_PYDY_DIALECT

include "mlir/IR/OpBase.td"

def Pydy_Dialect : Dialect {
  let name = "pydy";
  let summary = "Python semantics of dy2st programs, before specialization";
  let description = [{
    `pydy` is what the Python importer emits: one op per Python construct, with
    the user's source location on each. Values whose Python type is not known
    yet have type `!pydy.object`; the specialization pass refines them to
    builtin tensor and scalar types (`i64` for `int`, `f64` for `float`, `i1`
    for `bool`, `tuple<...>` for tuples of known length).
  }];
  let cppNamespace = "::mlir::pydy";
  let useDefaultTypePrinterParser = 1;
  let hasConstantMaterializer = 1;
  // On a `pydy.func` imported from dy2st's own Python (composites, layers):
  // inlined, its work is located at the call, as a builtin's is. On the entry
  // `pydy.func`: the input signature pydy-specialize gives its arguments
  // (what the `signature` option spells as text). A called function's
  // Python name, `pydy.qualname`, is read in pythonName (PydyDialect.cpp):
  // ODS's helper would need a string attribute def named as its C++ class.
  let discardableAttrs = (ins UnitAttr:$library, ArrayAttr:$signature);
}

class Pydy_Op<string mnemonic, list<Trait> traits = []>
    : Op<Pydy_Dialect, mnemonic, traits>;

#endif // DY2ST_PYDY_DIALECT
