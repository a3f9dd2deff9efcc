#ifndef DY2ST_PYDY_PASSES
#define DY2ST_PYDY_PASSES

include "mlir/Pass/PassBase.td"

def LowerExitsPass : Pass<"pydy-lower-exits", "ModuleOp"> {
  let summary = "Lower break, continue and return in branches and loops to flags";
  let description = [{
    TorchScript's exit transform, on named variables (before promotion): an
    exit sets a flag variable (`break.N`, `continue.N`, `return.flag`, and
    `return.value` for the value), code after an exit that always happens is
    dropped, code after one that may happen is guarded by `pydy.if` on the
    flags, and a loop that may break or return tests its flags in its
    condition. A `for range` loop that may break or return becomes a
    `pydy.while` over a counter; one without such exits stays a counted loop.
  }];
}

def PromoteVariablesPass : Pass<"pydy-promote-variables", "ModuleOp"> {
  let summary = "Turn named Python variables into SSA values";
  let description = [{
    Replaces `pydy.load`/`pydy.store` by SSA values. Variables assigned in a
    branch and live after it become results of `pydy.if`; variables assigned
    in a loop and live at its header or after it become loop-carried values.
    Liveness keeps temporaries out of loop signatures. A read of a variable
    that is unassigned on some path to it is an error that names the variable,
    the read and the assignment.
  }];
}

def InlineCallsPass : Pass<"pydy-inline-calls", "ModuleOp"> {
  let summary = "Inline calls of other pydy functions and of lambdas";
  let description = [{
    After promotion (so the callee's variables cannot meet the caller's):
    each `pydy.call` is replaced by the callee's body, and each
    `pydy.call_value` of a `pydy.lambda` by the lambda's body, until none is
    left, in the entry function and in the functions on a call cycle. Calls of
    the latter stay: recursion is compiled as real recursive functions (see
    pydy-specialize). The other functions are then erased.

    The cycles come from upstream's call graph (`pydy.call` is a
    CallOpInterface, `pydy.func` a FunctionOpInterface). The inlining itself
    is not upstream's inliner: a lambda's arguments are bound as Python binds
    them (keywords, defaults, `*args`), and dy2st's own functions are located
    at the call, not in their source.
  }];
  let options = [
    Option<"entry", "entry", "std::string", /*default=*/"\"\"",
           "Function to inline into (default: the first pydy.func)">,
  ];
}

def SpecializePass : Pass<"pydy-specialize", "ModuleOp"> {
  let summary = "Specialize a pydy function to an input signature";
  let description = [{
    Gives the entry function's arguments the types of its signature (a
    tensor or scalar type per argument, or a Python literal such as `3 : i64`
    for an argument whose value is fixed): the entry's `pydy.signature`
    attribute, which the compiler driver builds, or the `signature` option's
    text (which takes precedence). Infers the type of every value, and folds
    what is static: Python numbers, static shapes, conditions on them. A
    branch on a folded condition is replaced by the branch taken; a tensor
    condition stays a runtime branch and must be a one-element bool tensor.
    Loop-carried tensors whose dimensions change across iterations are
    widened to dynamic dimensions. A call left by pydy-inline-calls (a
    recursive one) calls a private copy of the callee specialized to the
    argument types; its result type is inferred first from the paths that
    return without recursing.
  }];
  let options = [
    Option<"entry", "entry", "std::string", /*default=*/"\"\"",
           "Function to specialize (default: the first pydy.func)">,
    Option<"signature", "signature", "std::string", /*default=*/"\"\"",
           "Comma-separated argument types or literals, e.g. "
           "'tensor<3xf32>,2:i64' (default: the entry's pydy.signature, else "
           "the function's own types)">,
    Option<"mostUnrolledOps", "most-unrolled-ops", "size_t", /*default=*/"2048",
           "A constant-trip loop over Python containers (at most 32 trips) "
           "unrolls while its trips times its body's ops stay within this; "
           "a longer or larger one stays a loop where its types settle">,
  ];
  let dependentDialects = ["::mlir::tensor::TensorDialect",
                           "::mlir::tensor_array::TensorArrayDialect"];
}

def ExpandTuplesPass : Pass<"pydy-expand-tuples", "ModuleOp"> {
  let summary = "Carry tuples and lists through branches and loops as their elements";
  let description = [{
    On specialized pydy: a tuple or list value that an `if`, `while` or `for`
    yields or carries is replaced by its leaf values (recursively), and
    rebuilt with `pydy.tuple`/`pydy.list` where it is used, so that
    subscripts and unpacking fold and the lowering to `scf` sees only tensors
    and scalars.
  }];
}

#endif // DY2ST_PYDY_PASSES
