#ifndef DY2ST_PYDY_TYPES
#define DY2ST_PYDY_TYPES

include "Dy2St/Dialect/Pydy/PydyDialect.td"
include "mlir/IR/AttrTypeBase.td"

class Pydy_Type<string name, string typeMnemonic> : TypeDef<Pydy_Dialect, name> {
  let mnemonic = typeMnemonic;
}

def Pydy_ObjectType : Pydy_Type<"Object", "object"> {
  let summary = "a Python value whose type is not known yet";
}
def Pydy_NoneType : Pydy_Type<"PyNone", "none"> {
  let summary = "Python's None";
}
def Pydy_ExceptionType : Pydy_Type<"Exception", "exception"> {
  let summary = "the exception object an `except E as e` clause names";
  let description = [{
    Known only at run time; compiled code writes it (print, f-strings, the
    messages of raises and logging calls) and re-raises it. Lowered to the
    i64 depth at which the runtime holds it.
  }];
}
def Pydy_StrType : Pydy_Type<"Str", "str"> {
  let summary = "a Python string";
}
def Pydy_ListType : Pydy_Type<"List", "list"> {
  let summary = "a Python list of values of known count and types";
  let description = [{
    Python lists of numbers (shapes, axes) once specialized. A tuple of the
    same values has the builtin `tuple<...>` type; the two differ only in what
    the caller gets back.
  }];
  let parameters = (ins ArrayRefParameter<"Type">:$elementTypes);
  let hasCustomAssemblyFormat = 1;
}

def Pydy_DictType : Pydy_Type<"Dict", "dict"> {
  let summary = "a Python dict with string or int keys known at compile time";
  let description = [{
    `!pydy.dict<"weight": tensor<4xf32>, 3: i64>`: keys (strings, or ints as
    i64 attributes) in insertion order, each with the type of its value.
  }];
  let parameters = (ins ArrayRefParameter<"Attribute">:$keys,
                        ArrayRefParameter<"Type">:$valueTypes);
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
}

def Pydy_NamedTupleType : Pydy_Type<"NamedTuple", "named_tuple"> {
  let summary = "an instance of a namedtuple class, with its fields' types";
  let description = [{
    `!pydy.named_tuple<"Cache#0"(k: tensor<2xf32>, v: i64)>`: a tuple that
    also has its class (the importer's key of it, with the keys of the
    namedtuple classes it derives from after `<`: `"Point#1<Base#0"`) and
    field names. isinstance() reads the class, `value.k` the field, and the
    caller gets an instance of the class back; otherwise it is a tuple. A
    dataclass's instances have this type too, with a key that starts with
    '@' (`"@Output#2"`): records with fields but no tuple, so that indexing,
    len(), unpacking and iterating one are errors, as in Python.
  }];
  let parameters = (ins StringRefParameter<"the class key">:$classKey,
                        ArrayRefParameter<"StringAttr">:$fields,
                        ArrayRefParameter<"Type">:$elementTypes);
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// The field's position, if the class has it.
    std::optional<size_t> fieldIndex(StringRef field) const;
    /// Whether the class is `key` or derives from the class of that key.
    bool isInstanceOf(StringRef key) const;
    /// The same class holding values of `types`.
    NamedTupleType withElementTypes(ArrayRef<Type> types) const;
    /// Whether the class is a dataclass (not a tuple), and its name.
    bool isDataclass() const;
    StringRef className() const;
  }];
}

def Pydy_OptionalType : Pydy_Type<"Optional", "optional"> {
  let summary = "a value, or None, decided at run time";
  let description = [{
    A variable that is None on some paths and a `value` on others (None
    before a loop that assigns it): carried as a flag and the value (a zero
    where it is None) once tuples are expanded.
  }];
  let parameters = (ins "Type":$value);
  let assemblyFormat = "`<` $value `>`";
}

def Pydy_RuntimeDictType : Pydy_Type<"RuntimeDict", "runtime_dict"> {
  let summary = "a Python dict whose keys are known only at run time";
  let description = [{
    `!pydy.runtime_dict<i64, tensor<?x4xf32>>`: a dict given keys at run time
    (`counts[int(tok)] = ...` in a loop), its keys Python ints and its values
    of one type a TensorArray can hold. Carried as two TensorArrays, of the
    keys in insertion order and of their values (`pydy.runtime_dict`,
    `pydy.runtime_dict_keys`, `pydy.runtime_dict_values`).
  }];
  let parameters = (ins "Type":$keyType, "Type":$valueType);
  let assemblyFormat = "`<` $keyType `,` $valueType `>`";
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// The TensorArrays it is carried as.
    ::mlir::tensor_array::ArrayType getKeysArrayType() const;
    ::mlir::tensor_array::ArrayType getValuesArrayType() const;
  }];
}

def Pydy_RuntimeSetType : Pydy_Type<"RuntimeSet", "runtime_set"> {
  let summary = "a Python set of ints, given items at run time";
  let description = [{
    `!pydy.runtime_set<i64>`: `set()` filled by `add` (`seen.add(int(tok))`),
    carried as a TensorArray of its distinct items in the order they were
    added (`pydy.runtime_set`, `pydy.runtime_set_items`). Python iterates a
    set in the order of its hash table, which compiled code does not follow:
    only what does not depend on that order reads the items (membership,
    len, sorted, sum, min, max, any, all).
  }];
  let parameters = (ins "Type":$itemType);
  let assemblyFormat = "`<` $itemType `>`";
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// The TensorArray it is carried as.
    ::mlir::tensor_array::ArrayType getItemsArrayType() const;
  }];
}

def Pydy_SliceType : Pydy_Type<"Slice", "slice"> {
  let summary = "a Python slice object (lower:upper:step)";
}

#endif // DY2ST_PYDY_TYPES
