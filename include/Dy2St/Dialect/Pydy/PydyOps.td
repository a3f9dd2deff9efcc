#ifndef DY2ST_PYDY_OPS
#define DY2ST_PYDY_OPS

include "Dy2St/Dialect/Pydy/PydyDialect.td"
include "Dy2St/Dialect/Pydy/PydyTypes.td"
include "mlir/IR/EnumAttr.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/IR/RegionKindInterface.td"
include "mlir/IR/OpAsmInterface.td"
include "mlir/Interfaces/CallInterfaces.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"
include "mlir/Interfaces/FunctionInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Enums
//===----------------------------------------------------------------------===//

def Pydy_BinaryKind : I32EnumAttr<"BinaryKind", "Python binary operator", [
    I32EnumAttrCase<"add", 0>, I32EnumAttrCase<"sub", 1>,
    I32EnumAttrCase<"mul", 2>, I32EnumAttrCase<"div", 3>,
    I32EnumAttrCase<"floordiv", 4>, I32EnumAttrCase<"mod", 5>,
    I32EnumAttrCase<"pow", 6>, I32EnumAttrCase<"matmul", 7>,
    // &, |, ^, <<, >>: Python's on ints and bools, Paddle's on integer
    // (and, for the first three, bool) tensors.
    // (bitand and bitor are C++'s alternative tokens of & and |.)
    I32EnumAttrCase<"BitAnd", 8, "bitand">, I32EnumAttrCase<"BitOr", 9, "bitor">,
    I32EnumAttrCase<"BitXor", 10, "bitxor">, I32EnumAttrCase<"lshift", 11>,
    I32EnumAttrCase<"rshift", 12>]> {
  let cppNamespace = "::mlir::pydy";
}
def Pydy_UnaryKind : I32EnumAttr<"UnaryKind", "Python unary operator", [
    I32EnumAttrCase<"neg", 0>, I32EnumAttrCase<"pos", 1>,
    I32EnumAttrCase<"Not", 2, "not">, I32EnumAttrCase<"invert", 3>,
    // Python's bool(x), int(x), float(x): Python numbers, also from a
    // one-element tensor.
    I32EnumAttrCase<"to_bool", 4>, I32EnumAttrCase<"to_int", 5>,
    I32EnumAttrCase<"to_float", 6>,
    // A join of types (a loop variable that is a number before the loop and
    // a tensor in it): the operand converted to the result's dtype, a number
    // or a 0-d tensor filled into the result's static shape.
    I32EnumAttrCase<"promote", 7>,
    // An item of a NumPy array (`t.numpy()[i]`, `for v in t.numpy()`): a
    // 0-d item is a NumPy scalar, which combines with tensors as a Python
    // number does; the specialization makes it int()/float()/bool() of the
    // 0-d tensor, or the operand itself for a larger one.
    I32EnumAttrCase<"numpy_item", 8>]> {
  let cppNamespace = "::mlir::pydy";
}
def Pydy_CompareKind : I32EnumAttr<"CompareKind", "Python comparison", [
    I32EnumAttrCase<"lt", 0>, I32EnumAttrCase<"le", 1>,
    I32EnumAttrCase<"gt", 2>, I32EnumAttrCase<"ge", 3>,
    I32EnumAttrCase<"eq", 4>, I32EnumAttrCase<"ne", 5>,
    I32EnumAttrCase<"is", 6>, I32EnumAttrCase<"is_not", 7>,
    I32EnumAttrCase<"in", 8>, I32EnumAttrCase<"not_in", 9>]> {
  let cppNamespace = "::mlir::pydy";
}
def Pydy_LogicalKind : I32EnumAttr<"LogicalKind", "Python boolean operator", [
    I32EnumAttrCase<"And", 0, "and">, I32EnumAttrCase<"Or", 1, "or">]> {
  let cppNamespace = "::mlir::pydy";
}

//===----------------------------------------------------------------------===//
// Functions, exits and terminators
//===----------------------------------------------------------------------===//

def Pydy_FuncOp : Pydy_Op<"func", [
    FunctionOpInterface, IsolatedFromAbove, Symbol, SingleBlock, NoTerminator,
    OpAsmOpInterface]> {
  let summary = "a Python function";
  let description = [{
    One Python `def`. Argument names are kept as the `pydy.name` argument
    attribute. `pydy.return` may appear anywhere inside the body; the body
    itself ends with a `pydy.return`.
  }];
  let arguments = (ins SymbolNameAttr:$sym_name,
                       TypeAttrOf<FunctionType>:$function_type,
                       OptionalAttr<DictArrayAttr>:$arg_attrs,
                       OptionalAttr<DictArrayAttr>:$res_attrs);
  let regions = (region SizedRegion<1>:$body);
  let builders = [OpBuilder<(ins "StringRef":$name, "FunctionType":$type,
                                 "ArrayRef<StringRef>":$argNames)>];
  let extraClassDeclaration = [{
    ArrayRef<Type> getArgumentTypes() { return getFunctionType().getInputs(); }
    ArrayRef<Type> getResultTypes() { return getFunctionType().getResults(); }
    Region *getCallableRegion() { return &getBody(); }
    /// The Python name of argument `i` (falls back to `arg<i>`).
    std::string getArgName(unsigned i);
    void getAsmBlockArgumentNames(Region &region, OpAsmSetValueNameFn setNameFn);
  }];
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
  let skipDefaultBuilders = 1;
}

def Pydy_ReturnOp : Pydy_Op<"return"> {
  let summary = "Python `return`, anywhere in a function";
  let arguments = (ins Optional<AnyType>:$value);
  let assemblyFormat = "($value^ `:` type($value))? attr-dict";
  let hasVerifier = 1;
}

def Pydy_BreakOp : Pydy_Op<"break"> {
  let summary = "Python `break` out of the innermost loop";
  let assemblyFormat = "attr-dict";
  let hasVerifier = 1;
}

def Pydy_ContinueOp : Pydy_Op<"continue"> {
  let summary = "Python `continue` with the innermost loop";
  let assemblyFormat = "attr-dict";
  let hasVerifier = 1;
}

def Pydy_YieldOp : Pydy_Op<"yield", [Pure, ReturnLike, Terminator,
    ParentOneOf<["IfOp", "WhileOp", "ForRangeOp", "ForInOp", "LambdaOp",
                 "LogicalOp"]>]> {
  let summary = "ends a region of a structured pydy op, yielding its values";
  let arguments = (ins Variadic<AnyType>:$values);
  let builders = [OpBuilder<(ins), [{ /* nothing to yield */ }]>];
  let assemblyFormat = "($values^ `:` type($values))? attr-dict";
}

def Pydy_ConditionOp : Pydy_Op<"condition", [Terminator, HasParent<"WhileOp">,
    DeclareOpInterfaceMethods<RegionBranchTerminatorOpInterface>]> {
  let summary = "ends the condition region of `pydy.while`";
  let description = [{
    The loop continues while `$condition` is true (Python truthiness); `$args`
    are passed to the body, or become the loop's results when it stops.
  }];
  let arguments = (ins AnyType:$condition, Variadic<AnyType>:$args);
  let assemblyFormat =
      "`(` $condition `:` type($condition) `)` ($args^ `:` type($args))? attr-dict";
}

def Pydy_UnsupportedOp : Pydy_Op<"unsupported"> {
  let summary = "a statement in a branch that dy2st cannot compile";
  let description = [{
    The importer puts this where a statement inside an `if` cannot be
    converted (a `raise`, numpy, an unknown function), so that only a branch
    that remains after specialization must compile: reaching it reports
    `message`. `syntax` says that the construct itself is unsupported (rather
    than its use). Promotion puts one where a variable is read that is not
    assigned on every path, with `note` at an assignment.
  }];
  let arguments = (ins StrAttr:$message, UnitAttr:$syntax, OptionalAttr<LocationAttr>:$note);
  let assemblyFormat = "$message attr-dict";
}

//===----------------------------------------------------------------------===//
// Variables (removed by pydy-promote-variables)
//===----------------------------------------------------------------------===//

def Pydy_LoadOp : Pydy_Op<"load"> {
  let summary = "reads the Python variable `name`";
  let description = [{
    `checked`: the read runs only where the variable is bound (the importer
    tests a flag before it and raises UnboundLocalError otherwise), so a path
    that leaves the variable unassigned gives it an unused `pydy.undef`.
  }];
  let arguments = (ins StrAttr:$name, UnitAttr:$checked);
  let results = (outs AnyType:$result);
  let assemblyFormat = "$name attr-dict `:` type($result)";
}

def Pydy_StoreOp : Pydy_Op<"store"> {
  let summary = "assigns the Python variable `name`";
  let arguments = (ins StrAttr:$name, AnyType:$value);
  let assemblyFormat = "$name `,` $value attr-dict `:` type($value)";
}

def Pydy_UndefOp : Pydy_Op<"undef", [Pure]> {
  let summary = "the value of variable `name` on a path where it is unassigned";
  let description = [{
    The value of a variable on paths where it is never read: made by promotion
    where a variable is assigned on only some paths (a read there is reported
    as a possibly undefined variable), and by exit lowering for the return
    value before any `return` ran. Specialization gives it the type it joins
    with; it lowers to a zero.
  }];
  let arguments = (ins StrAttr:$name);
  let results = (outs AnyType:$result);
  let assemblyFormat = "$name attr-dict `:` type($result)";
}

//===----------------------------------------------------------------------===//
// Values and expressions
//===----------------------------------------------------------------------===//

def Pydy_ConstantOp : Pydy_Op<"constant", [ConstantLike, Pure]> {
  let summary = "a Python literal: int, float, bool, None, str or a tuple of these";
  let description = [{
    ```mlir
    %0 = pydy.constant 3 : i64
    %1 = pydy.constant 2.5 : f64
    %2 = pydy.constant true
    %3 = pydy.constant none
    %4 = pydy.constant "float64"
    %5 = pydy.constant [3, 4]
    ```
  }];
  let arguments = (ins AnyAttr:$value);
  let results = (outs AnyType:$result);
  let builders = [OpBuilder<(ins "Attribute":$value)>];
  let extraClassDeclaration = [{
    /// The pydy type of a literal, or null if `value` is not a Python literal.
    static Type typeOfLiteral(Attribute value);
  }];
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Pydy_GlobalOp : Pydy_Op<"global", [Pure]> {
  let summary = "a module-level or builtin Python name not resolved by the importer";
  let arguments = (ins StrAttr:$name);
  let results = (outs AnyType:$result);
  let assemblyFormat = "$name attr-dict `:` type($result)";
}

// Operators, subscripts and unpacking may raise when they run (ZeroDivisionError,
// IndexError, ValueError): not speculatable, so that upstream transforms that
// hoist or speculate ops do not run them where Python would not. Unpacking is
// free of memory effects; the others declare theirs (PydyEffects.cpp).
defvar mayFailDescription = [{
    It has no memory effects, except where it may fail at run time (see
    PydyEffects.cpp): its check then writes the recorded exception, so that
    it runs where its value is unused, as it does eagerly.
}];

def Pydy_BinaryOp : Pydy_Op<"binary", [
    DeclareOpInterfaceMethods<MemoryEffectsOpInterface>]> {
  let summary = "Python binary operator (numpy broadcasting on tensors)";
  let description = mayFailDescription # [{

    `augmented`: the op of `x += y` (`x *= y`), which Python computes in
    place where x is a list (a new list here); `shared`: what may share x's
    object then, as an error names it ("'kept'", "the caller's argument"),
    which would miss the change: the specializer rejects such a list.
  }];
  let arguments = (ins Pydy_BinaryKind:$kind, AnyType:$lhs, AnyType:$rhs,
                       UnitAttr:$augmented, OptionalAttr<StrAttr>:$shared);
  let builders = [OpBuilder<(ins "Type":$result, "BinaryKind":$kind, "Value":$lhs,
                                 "Value":$rhs), [{
    build($_builder, $_state, result, kind, lhs, rhs, /*augmented=*/false,
          /*shared=*/nullptr);
  }]>];
  let results = (outs AnyType:$result);
  let assemblyFormat =
      "$kind $lhs `,` $rhs attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def Pydy_UnaryOp : Pydy_Op<"unary", [
    DeclareOpInterfaceMethods<MemoryEffectsOpInterface>]> {
  let summary = "Python unary operator";
  let description = mayFailDescription;
  let arguments = (ins Pydy_UnaryKind:$kind, AnyType:$operand);
  let results = (outs AnyType:$result);
  let assemblyFormat =
      "$kind $operand attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
  let hasVerifier = 1;
}

def Pydy_CompareOp : Pydy_Op<"compare", [NoMemoryEffect]> {
  let summary = "Python comparison (elementwise on tensors)";
  let arguments = (ins Pydy_CompareKind:$kind, AnyType:$lhs, AnyType:$rhs);
  let results = (outs AnyType:$result);
  let assemblyFormat =
      "$kind $lhs `,` $rhs attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def Pydy_LogicalOp : Pydy_Op<"logical", [
    SingleBlockImplicitTerminator<"YieldOp">, RecursiveMemoryEffects,
    DeclareOpInterfaceMethods<RegionBranchOpInterface, ["getEntrySuccessorOperands",
                                                          "areTypesCompatible"]>]> {
  let summary = "Python `and` / `or`: the right operand runs only when needed";
  let description = [{
    `$rhs` is evaluated only when `$lhs` does not decide the result, as in
    Python: `a and b` is `a` when `a` is false, else `b`.
  }];
  let arguments = (ins Pydy_LogicalKind:$kind, AnyType:$lhs);
  let results = (outs AnyType:$result);
  let regions = (region SizedRegion<1>:$rhs);
  let assemblyFormat =
      "$kind $lhs `:` type($lhs) `->` type($result) $rhs attr-dict";
  let hasVerifier = 1;
}

def Pydy_AttrOp : Pydy_Op<"attr", [Pure]> {
  let summary = "attribute read `value.name` (e.g. `x.shape`)";
  let arguments = (ins AnyType:$value, StrAttr:$name);
  let results = (outs AnyType:$result);
  let assemblyFormat =
      "$value `,` $name attr-dict `:` type($value) `->` type($result)";
  let hasFolder = 1;
}

def Pydy_SubscriptOp : Pydy_Op<"subscript", [
    DeclareOpInterfaceMethods<MemoryEffectsOpInterface>]> {
  let summary = "subscript read `value[index]`";
  let description = mayFailDescription;
  let arguments = (ins AnyType:$value, AnyType:$index);
  let results = (outs AnyType:$result);
  let assemblyFormat =
      "$value `[` $index `]` attr-dict `:` functional-type(operands, results)";
  let hasFolder = 1;
}

def Pydy_SetItemOp : Pydy_Op<"setitem", [NoMemoryEffect]> {
  let summary = "`value[index] = item`, as a new value of the container";
  let description = [{
    The importer stores the result back into the variable that held the
    container, which gives Python's in-place update value semantics.
    `item_changed`: the item at `index` is the one there, changed in place,
    written back along the path to a variable (`t[0].add_(v)`); a tuple takes
    only such a write, as its items cannot be assigned.
  }];
  let arguments = (ins AnyType:$value, AnyType:$index, AnyType:$item,
                       UnitAttr:$item_changed);
  let results = (outs AnyType:$result);
  let assemblyFormat = "$value `[` $index `]` `=` $item attr-dict `:` "
                       "functional-type(operands, results)";
}

def Pydy_SliceOp : Pydy_Op<"slice", [Pure]> {
  let summary = "a slice `lower:upper:step` (absent parts are None)";
  let arguments = (ins AnyType:$lower, AnyType:$upper, AnyType:$step);
  let results = (outs Pydy_SliceType:$result);
  let assemblyFormat = "$lower `,` $upper `,` $step attr-dict `:` type(operands)";
}

def Pydy_TupleOp : Pydy_Op<"tuple", [Pure]> {
  let summary = "a tuple display `(a, b)`";
  let arguments = (ins Variadic<AnyType>:$elements);
  let results = (outs AnyType:$result);
  let assemblyFormat =
      "$elements attr-dict `:` functional-type($elements, results)";
  let hasFolder = 1;
}

def Pydy_ListOp : Pydy_Op<"list", [Pure]> {
  let summary = "a list display `[a, b]`";
  let arguments = (ins Variadic<AnyType>:$elements);
  let results = (outs AnyType:$result);
  let assemblyFormat =
      "$elements attr-dict `:` functional-type($elements, results)";
  let hasFolder = 1;
}

def Pydy_DictOp : Pydy_Op<"dict", [Pure, AttrSizedOperandSegments]> {
  let summary = "a dict display `{k: v}`";
  let arguments = (ins Variadic<AnyType>:$keys, Variadic<AnyType>:$values);
  let results = (outs AnyType:$result);
  let assemblyFormat = "`keys` `(` ($keys^ `:` type($keys))? `)` `values` `(` "
                       "($values^ `:` type($values))? `)` attr-dict `->` type($result)";
  let hasVerifier = 1;
}

def Pydy_RuntimeDictOp : Pydy_Op<"runtime_dict", [Pure]> {
  let summary = "a dict of run-time keys from the arrays of its keys and values";
  let arguments = (ins AnyType:$keys, AnyType:$values);
  let results = (outs Pydy_RuntimeDictType:$result);
  let assemblyFormat = "$keys `,` $values attr-dict `:` type($keys) `,` type($values) `->` "
                       "type($result)";
  let hasVerifier = 1;
}

def Pydy_RuntimeDictKeysOp : Pydy_Op<"runtime_dict_keys", [Pure]> {
  let summary = "the TensorArray of a run-time dict's keys, in insertion order";
  let arguments = (ins Pydy_RuntimeDictType:$dict);
  let results = (outs AnyType:$result);
  let assemblyFormat = "$dict attr-dict `:` type($dict) `->` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Pydy_RuntimeDictValuesOp : Pydy_Op<"runtime_dict_values", [Pure]> {
  let summary = "the TensorArray of a run-time dict's values, in its keys' order";
  let arguments = (ins Pydy_RuntimeDictType:$dict);
  let results = (outs AnyType:$result);
  let assemblyFormat = "$dict attr-dict `:` type($dict) `->` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Pydy_RuntimeSetOp : Pydy_Op<"runtime_set", [Pure]> {
  let summary = "a set of ints from the array of its distinct items";
  let arguments = (ins AnyType:$items);
  let results = (outs Pydy_RuntimeSetType:$result);
  let assemblyFormat = "$items attr-dict `:` type($items) `->` type($result)";
  let hasVerifier = 1;
}

def Pydy_RuntimeSetItemsOp : Pydy_Op<"runtime_set_items", [Pure]> {
  let summary = "the TensorArray of a set's items, in the order they were added";
  let arguments = (ins Pydy_RuntimeSetType:$set);
  let results = (outs AnyType:$result);
  let assemblyFormat = "$set attr-dict `:` type($set) `->` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Pydy_UnpackOp : Pydy_Op<"unpack", [NoMemoryEffect]> {
  let summary = "iterable unpacking `a, b = value`";
  let arguments = (ins AnyType:$value);
  let results = (outs Variadic<AnyType>:$results);
  let assemblyFormat = "$value attr-dict `:` type($value) `->` type($results)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Pydy_LenOp : Pydy_Op<"len", [Pure]> {
  let summary = "`len(value)`: dim 0 of a tensor, length of a container";
  let arguments = (ins AnyType:$value);
  let results = (outs AnyType:$result);
  let assemblyFormat = "$value attr-dict `:` type($value) `->` type($result)";
  let hasFolder = 1;
}

def Pydy_OptionalOp : Pydy_Op<"optional", [Pure]> {
  let summary = "an optional value from a flag (the value is there) and a value";
  let arguments = (ins I1:$present, AnyType:$value);
  let results = (outs Pydy_OptionalType:$result);
  let assemblyFormat = "$present `,` $value attr-dict `:` type($value) `->` type($result)";
  let hasVerifier = 1;
}

def Pydy_IsPresentOp : Pydy_Op<"is_present", [Pure]> {
  let summary = "whether an optional value is not None";
  let arguments = (ins Pydy_OptionalType:$optional);
  let results = (outs I1:$result);
  let assemblyFormat = "$optional attr-dict `:` type($optional)";
  let hasFolder = 1;
}

def Pydy_OptionalValueOp : Pydy_Op<"optional_value"> {
  let summary = "the value of an optional; a TypeError at run time where it is None";
  let description = [{
    A use of a variable that may be None as a value: eagerly a None there is
    a TypeError, so compiled code raises one. `unchecked` reads the value
    without the test (a zero where None), to carry it on.
  }];
  let arguments = (ins Pydy_OptionalType:$optional, UnitAttr:$unchecked);
  let results = (outs AnyType:$result);
  let assemblyFormat = "$optional attr-dict `:` type($optional) `->` type($result)";
  let hasVerifier = 1;
}

def Pydy_RaiseOp : Pydy_Op<"raise"> {
  let summary = "`raise Kind(message)` (or a failed `assert`) at run time";
  let description = [{
    Records the exception for the caller, who raises it once the compiled
    call returns (the first one recorded wins). `kind` names a builtin
    exception class, or is "Base/Name" for a user's class Name (raised as
    its builtin base Base, its message led by "Name: "). The message is `message` followed by the text of
    `values` computed at run time, formatted as `pydy.print` formats them. The importer follows it with a `return`, and tests
    `pydy.raised` after calls of functions that may raise, so that execution
    leaves every function and loop between the raise and the caller.
  }];
  let arguments = (ins StrAttr:$kind, StrAttr:$message, Variadic<AnyType>:$values,
                       DefaultValuedAttr<StrArrayAttr, "{}">:$formats);
  let assemblyFormat =
      "$kind `,` $message (`(` $values^ `:` type($values) `)`)? attr-dict";
  let hasVerifier = 1;
}

def Pydy_RaisedOp : Pydy_Op<"raised"> {
  let summary = "whether an exception was raised during this call so far";
  let description = [{
    Specialization folds it where a `pydy.raise` certainly ran before, and,
    without `runtime_checks`, to false where none can have. With
    `runtime_checks` (the tests of a `try` body) it also tells of what a
    check of compiled code recorded (an index out of range), which no
    `pydy.raise` shows, and is never folded to false.
  }];
  let arguments = (ins UnitAttr:$runtime_checks);
  let results = (outs I1:$result);
  let assemblyFormat = "attr-dict `:` type($result)";
}

def Pydy_CatchOp : Pydy_Op<"catch"> {
  let summary = "an `except` clause: whether the exception raised so far is of one of `kinds`";
  let description = [{
    True where the exception this call recorded (see `pydy.raise`) is of one
    of `kinds`, builtin exception class names (the importer lists the
    subclasses of the clause's classes; Base catches the users' classes
    based on it too) or, for a user's class, "Base/Name"; that exception is
    then handled:
    nothing is recorded any more and the handler runs. False, the record
    unchanged, otherwise (or where nothing was raised).
  }];
  let arguments = (ins StrArrayAttr:$kinds);
  let results = (outs I1:$result);
  let assemblyFormat = "$kinds attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def Pydy_HoldRaisedOp : Pydy_Op<"hold_raised"> {
  let summary = "a `finally` block on an exception's way out: the exception set aside";
  let description = [{
    The exception this call recorded is no longer recorded (so the block
    runs, prints and calls as it does without one) until `pydy.raise_held`
    of `depth` records it again. Held exceptions nest: `depth` is how many
    were held before this one.
  }];
  let results = (outs I64:$depth);
  let assemblyFormat = "attr-dict `:` type($depth)";
}

def Pydy_HoldCaughtOp : Pydy_Op<"hold_caught"> {
  let summary = "an `except` clause that re-raises: the exception it handled, set aside";
  let description = [{
    The exception the last `pydy.catch` that matched handled, held as
    `pydy.hold_raised` holds one, for a bare `raise` in the clause
    (`pydy.raise_held`); `pydy.drop_held` lets it go where the clause ends.
  }];
  let results = (outs I64:$depth);
  let assemblyFormat = "attr-dict `:` type($depth)";
}

def Pydy_CaughtExceptionOp : Pydy_Op<"caught_exception", [Pure]> {
  let summary = "`e` of `except E as e`: the exception held at `depth`";
  let description = [{
    The exception a clause handled, held by `pydy.hold_caught` at `depth`
    (which the clause lets go where it ends): a value that print items,
    f-strings and raise messages write as Python writes the object (its
    str, its repr with `!r`).
  }];
  let arguments = (ins AnyTypeOf<[I64, Pydy_ObjectType]>:$depth);
  let results = (outs Pydy_ExceptionType:$result);
  let assemblyFormat = "$depth attr-dict `:` type($depth)";
}

def Pydy_RaiseHeldOp : Pydy_Op<"raise_held"> {
  let summary = "the exception held at `depth`, recorded again";
  let description = [{
    Unless another one was recorded since (the `finally` block raised),
    which stays (as in Python). The exceptions held at `depth` and after it
    are let go: those a block left behind when it raised are dropped with
    them. The importer follows it with a `return`, as it does a raise.
  }];
  let arguments = (ins AnyTypeOf<[I64, Pydy_ObjectType]>:$depth);
  let assemblyFormat = "$depth attr-dict `:` type($depth)";
}

def Pydy_HeldDepthOp : Pydy_Op<"held_depth"> {
  let summary = "how many exceptions are held: a `try` statement's entry";
  let description = [{
    Its clauses let go of those held after it (`pydy.drop_held`) before they
    run: what a clause inside its body held and left behind when it raised.
    As Python's, the exception being handled is then the clause's own, or
    the one of a clause around the `try`.
  }];
  let results = (outs I64:$depth);
  let assemblyFormat = "attr-dict `:` type($depth)";
}

def Pydy_ReraiseOp : Pydy_Op<"reraise"> {
  let summary = "a bare `raise` outside an `except` clause";
  let description = [{
    In a function that a clause calls, or in a `finally` block: the
    exception being handled (the one held last: the clause's, or the one on
    its way through the `finally` block) is recorded again; with none held,
    Python's `RuntimeError: No active exception to reraise`. The importer
    follows it with a `return`, as it does a raise.
  }];
  let assemblyFormat = "attr-dict";
}

def Pydy_DropHeldOp : Pydy_Op<"drop_held"> {
  let summary = "the exceptions held at `depth` and after it, let go";
  let arguments = (ins AnyTypeOf<[I64, Pydy_ObjectType]>:$depth);
  let assemblyFormat = "$depth attr-dict `:` type($depth)";
}

def Pydy_PrintOp : Pydy_Op<"print"> {
  let summary = "`print(...)`, or a logging call, at run time, in program order";
  let description = [{
    Each value is written as Python's `format` writes it: `formats` is empty
    (`str()` of each) or holds one entry per value, a conversion and a format
    spec as an f-string spells them after the value (`""`, `"!r"`, `":.3f"`,
    `"!r:>8"`). With `logger` set, the text (the values joined by `sep`) is
    logged at `level` through that logger (`""` is the root logger), as
    `logging.getLogger(logger).log(level, text)` does, instead of printed;
    `record` holds the fields of its LogRecord known when converting, as a
    JSON object (the user's file, line and function, `extra`, `exc_info`),
    for the frontend's logging to read.
  }];
  let arguments = (ins Variadic<AnyType>:$values,
                       DefaultValuedStrAttr<StrAttr, " ">:$sep,
                       DefaultValuedStrAttr<StrAttr, "\\n">:$end,
                       DefaultValuedAttr<StrArrayAttr, "{}">:$formats,
                       OptionalAttr<StrAttr>:$logger,
                       OptionalAttr<I64Attr>:$level,
                       OptionalAttr<StrAttr>:$record);
  let assemblyFormat = "($values^ `:` type($values))? attr-dict";
  let hasVerifier = 1;
}

def Pydy_PyCallbackOp : Pydy_Op<"py_callback"> {
  let summary = "a call of a function that stays Python (`not_to_static`), at run time";
  let description = [{
    Hands the values, in program order, to the Python callable the importing
    frontend registered under `callback` (the call's compile-time arguments
    are bound there); its result is discarded, an exception it raises is the
    call's. Each value is a tensor, a number, or a string or None known when
    compiling, passed as `pydy.print` passes its items. A program holding
    this op runs only in the process that imported it.
  }];
  let arguments = (ins StrAttr:$callback, Variadic<AnyType>:$values);
  let assemblyFormat = "$callback (`(` $values^ `:` type($values) `)`)? attr-dict";
  let hasVerifier = 1;
}

def Pydy_FormatOp : Pydy_Op<"format", [Pure]> {
  let summary = "an f-string (or a `%`-format, `str(x)`): its values' text, joined";
  let description = [{
    Each value is written as `pydy.print` writes it (`formats` as there).
    Folds to the string when every value is a literal. A print, raise or
    logging call whose item it is takes its values instead, so they may be
    known only at run time there.
  }];
  let arguments = (ins Variadic<AnyType>:$values,
                       DefaultValuedAttr<StrArrayAttr, "{}">:$formats);
  let results = (outs AnyType:$result);
  let assemblyFormat = "($values^ `:` type($values))? attr-dict `->` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Pydy_LibCallOp : Pydy_Op<"lib_call"> {
  let summary = "a call of a dy2st library function (`cast`, `matmul`, `sum`, ...)";
  let description = [{
    The importer emits this for callees that name functions of the `dy2st`
    package. `kwnames` names the trailing operands passed by keyword.
    Specialization moves the arguments that must be static (dtypes, axes,
    shapes) into `static_args` and keeps only runtime operands.
  }];
  let arguments = (ins StrAttr:$callee, Variadic<AnyType>:$args,
                       DefaultValuedAttr<StrArrayAttr, "{}">:$kwnames,
                       OptionalAttr<DictionaryAttr>:$static_args);
  let results = (outs AnyType:$result);
  let assemblyFormat =
      "$callee `(` $args `)` attr-dict `:` functional-type($args, results)";
  let hasVerifier = 1;
}

def Pydy_CallOp : Pydy_Op<"call", [DeclareOpInterfaceMethods<SymbolUserOpInterface>,
                                   DeclareOpInterfaceMethods<CallOpInterface>]> {
  let summary = "a call of another converted Python function";
  let arguments = (ins FlatSymbolRefAttr:$callee, Variadic<AnyType>:$args,
                       DefaultValuedAttr<StrArrayAttr, "{}">:$kwnames,
                       OptionalAttr<DictArrayAttr>:$arg_attrs,
                       OptionalAttr<DictArrayAttr>:$res_attrs);
  let results = (outs AnyType:$result);
  let assemblyFormat =
      "$callee `(` $args `)` attr-dict `:` functional-type($args, results)";
}

def Pydy_CallValueOp : Pydy_Op<"call_value"> {
  let summary = "a call of a callable value (a lambda, a function object)";
  let description = [{
    The last `kwnames.size()` arguments are the keyword arguments. With
    `spread` (`f(*seq)`, `f(a, *seq)`), the first argument is one list or
    tuple of all the positional ones: specialization, which knows its length,
    spreads it.
  }];
  let arguments = (ins AnyType:$callee, Variadic<AnyType>:$args,
                       DefaultValuedAttr<StrArrayAttr, "{}">:$kwnames,
                       UnitAttr:$spread);
  let results = (outs AnyType:$result);
  let assemblyFormat = "$callee `(` $args `)` attr-dict `:` "
                       "type($callee) `,` functional-type($args, results)";
  let hasVerifier = 1;
}

def Pydy_CallMethodOp : Pydy_Op<"call_method"> {
  let summary = "`object.method(args)`, returning the result and the updated object";
  let description = [{
    Mutating methods (`list.append`, `dict.update`) give their effect as the
    second result, which the importer stores back into the receiver's variable.
    `dropped_update` marks a call of a set's changing method (`s.add(v)`)
    whose receiver the importer could not tell a set (a parameter: it may be a
    tensor, whose `add` changes nothing), so that nothing stores the result:
    on a set, the change would be lost.
  }];
  let arguments = (ins AnyType:$object, StrAttr:$method,
                       Variadic<AnyType>:$args,
                       DefaultValuedAttr<StrArrayAttr, "{}">:$kwnames,
                       UnitAttr:$dropped_update);
  let results = (outs AnyType:$result, AnyType:$updated);
  let assemblyFormat = "$object `,` $method `(` $args `)` attr-dict `:` "
                       "type($object) `,` functional-type($args, results)";
}

def Pydy_LambdaOp : Pydy_Op<"lambda", [
    SingleBlockImplicitTerminator<"YieldOp">, RecursiveMemoryEffects]> {
  let summary = "a `lambda`: its parameters are the body's arguments";
  let description = [{
    `params` names the body's arguments in order. `vararg` names the one
    that takes the call's extra positional arguments as a tuple (`*args`);
    the parameters after it are keyword-only. Without `*args`, the last
    `keyword_only` parameters are (after a bare `*`). `kwarg` names the last
    parameter, which takes the keywords no other parameter takes as a dict
    (`**kwargs`). Keywords cannot give the first `positional_only`
    parameters (those before `/`). `defaults` are the values, computed where
    the lambda is made, of the parameters `default_params` names, for calls
    that do not pass them.
  }];
  let arguments = (ins Variadic<AnyType>:$defaults,
                       DefaultValuedAttr<StrArrayAttr, "{}">:$params,
                       DefaultValuedAttr<StrArrayAttr, "{}">:$default_params,
                       OptionalAttr<StrAttr>:$vararg,
                       OptionalAttr<StrAttr>:$kwarg,
                       DefaultValuedAttr<I64Attr, "0">:$positional_only,
                       DefaultValuedAttr<I64Attr, "0">:$keyword_only);
  let results = (outs AnyType:$result);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = "$params (`defaults` `(` $defaults^ `:` type($defaults) `)`)? "
                       "`:` type($result) $body attr-dict";
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The values of the body's arguments for `call`, bound as Python binds
    /// them (positions, keywords, defaults; extra positional arguments as a
    /// tuple and extra keywords as a dict, made before `call`); failure with
    /// Python's TypeError message in `error` where the call does not fit.
    ::mlir::FailureOr<::llvm::SmallVector<::mlir::Value>>
    bindArguments(::mlir::OpBuilder &b, CallValueOp call, std::string &error);
    /// How many parameters a call may give by position (those before `*args`
    /// or the keyword-only ones).
    size_t positionalCount();
  }];
}

//===----------------------------------------------------------------------===//
// Structured control flow
//===----------------------------------------------------------------------===//

def Pydy_IfOp : Pydy_Op<"if", [SingleBlockImplicitTerminator<"YieldOp">,
                               RecursiveMemoryEffects, NoRegionArguments,
                               DeclareOpInterfaceMethods<RegionBranchOpInterface,
                                                         ["areTypesCompatible"]>]> {
  let summary = "Python `if`/`else`; `elif` is an `if` nested in `else`";
  let description = [{
    Before variable promotion it has no results. Promotion turns the
    variables the branches assign into results, named by `names`.
    `then_exited`/`else_exited`, set by pydy-lower-exits, mark a branch that
    runs only on a path that took an exit (return, raise, break, continue):
    one that ends in the exit, or the else branch of the guard around the
    code after it. Code after the `if` that still runs is on the other path,
    so what the other branch assigns counts as assigned.
    A result that is one literal on every path that assigns it (the others
    leave it undefined) canonicalizes to that literal.
  }];
  let arguments = (ins AnyType:$condition, OptionalAttr<StrArrayAttr>:$names,
                       UnitAttr:$then_exited, UnitAttr:$else_exited);
  let hasCanonicalizer = 1;
  let results = (outs Variadic<AnyType>:$results);
  let regions = (region SizedRegion<1>:$thenRegion, SizedRegion<1>:$elseRegion);
  let assemblyFormat = "$condition `:` type($condition) (`->` type($results)^)? "
                       "$thenRegion `else` $elseRegion attr-dict";
  let hasVerifier = 1;
}

def Pydy_WhileOp : Pydy_Op<"while", [RecursiveMemoryEffects,
    DeclareOpInterfaceMethods<RegionBranchOpInterface, ["getEntrySuccessorOperands",
                                                          "areTypesCompatible"]>]> {
  let summary = "Python `while`: `before` computes the condition, `after` is the body";
  let arguments = (ins Variadic<AnyType>:$inits, OptionalAttr<StrArrayAttr>:$names);
  let results = (outs Variadic<AnyType>:$results);
  let regions = (region SizedRegion<1>:$before, SizedRegion<1>:$after);
  let assemblyFormat = "(`(` $inits^ `:` type($inits) `)`)? (`->` type($results)^)? "
                       "$before `do` $after attr-dict";
  let hasVerifier = 1;
}

def Pydy_ForRangeOp : Pydy_Op<"for_range", [
    SingleBlockImplicitTerminator<"YieldOp">, RecursiveMemoryEffects,
    DeclareOpInterfaceMethods<RegionBranchOpInterface, ["getEntrySuccessorOperands",
                                                          "areTypesCompatible"]>]> {
  let summary = "`for i in range(start, stop, step)`";
  let description = [{
    The body's first argument is the loop index; the rest are loop-carried
    values, one per `inits`.
  }];
  let arguments = (ins AnyType:$start, AnyType:$stop, AnyType:$step,
                       Variadic<AnyType>:$inits, OptionalAttr<StrArrayAttr>:$names);
  let results = (outs Variadic<AnyType>:$results);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat =
      "$start `,` $stop `,` $step `:` type($start) `,` type($stop) `,` type($step) "
      "(`iter_args` `(` $inits^ `:` type($inits) `)`)? (`->` type($results)^)? "
      "$body attr-dict";
  let hasVerifier = 1;
}

def Pydy_ForInOp : Pydy_Op<"for_in", [
    SingleBlockImplicitTerminator<"YieldOp">, RecursiveMemoryEffects,
    DeclareOpInterfaceMethods<RegionBranchOpInterface, ["getEntrySuccessorOperands",
                                                          "areTypesCompatible"]>]> {
  let summary = "`for x in iterable` (a tensor's dim 0, or a Python container)";
  let description = [{
    With `enumerate`, the loop item is the tuple `(index, element)`, as for
    `for i, x in enumerate(iterable)`.
  }];
  let arguments = (ins AnyType:$iterable, Variadic<AnyType>:$inits,
                       OptionalAttr<StrArrayAttr>:$names, UnitAttr:$enumerate);
  let results = (outs Variadic<AnyType>:$results);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat =
      "$iterable `:` type($iterable) (`iter_args` `(` $inits^ `:` type($inits) `)`)? "
      "(`->` type($results)^)? $body attr-dict";
  let hasVerifier = 1;
}

#endif // DY2ST_PYDY_OPS
