#ifndef DY2ST_DIALECT_PYDY_PYDYDIALECT_H
#define DY2ST_DIALECT_PYDY_PYDYDIALECT_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/RegionKindInterface.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/CallInterfaces.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "Dy2St/Dialect/TensorArray/TensorArrayDialect.h"

#include "Dy2St/Dialect/Pydy/PydyOpsDialect.h.inc"
#include "Dy2St/Dialect/Pydy/PydyEnums.h.inc"

#define GET_TYPEDEF_CLASSES
#include "Dy2St/Dialect/Pydy/PydyOpsTypes.h.inc"

#define GET_OP_CLASSES
#include "Dy2St/Dialect/Pydy/PydyOps.h.inc"

namespace mlir::pydy {
/// True for the Python scalar types after specialization: i1 (bool), i64 (int), f64 (float).
bool isPythonScalar(Type type);
/// The element types of a Python tuple or list of known length (the value
/// types of a dict), if `type` is one.
std::optional<ArrayRef<Type>> sequenceElementTypes(Type type);
/// `key` if it can be a dict key in compiled code (a string, or an int as an
/// i64 attribute), else null.
Attribute dictKeyOf(Attribute key);
/// The position of `key` in a dict type.
std::optional<size_t> dictIndex(DictType dict, Attribute key);
/// Python's repr of a dict key ("'a'", "3").
std::string dictKeyRepr(Attribute key);
/// The order in which flatten() visits a dict's keys: sorted (of one kind, see
/// specializeStructure).
bool dictKeyLess(Attribute a, Attribute b);
/// Whether a literal (see ConstantOp) can have type `type`: its own type, or a
/// list of the same element types for an array literal.
bool literalHasType(Attribute value, Type type);
/// The Python name of a type, for diagnostics ("int", "float32 tensor of shape [3]", ...).
std::string describeType(Type type);
/// describeType with "a" or "an" before it.
std::string withArticle(Type type);
/// A variable as diagnostics name it: the user's name ("variable 'x'"), or
/// what a hidden variable of the importer, its AST rewrites or
/// pydy-lower-exits holds ("the returned value", ...).
std::string describeVariable(StringRef name);
/// A function as diagnostics name it: its Python `__qualname__` where the
/// importer recorded one, else its symbol.
StringRef pythonName(FuncOp func);
/// Types match along values' flow (operands, results, region arguments) when
/// equal, or when one side is not known yet (`!pydy.object`).
bool typesCompatible(Type a, Type b);
} // namespace mlir::pydy

#endif
