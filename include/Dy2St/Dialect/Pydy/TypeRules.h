#ifndef DY2ST_DIALECT_PYDY_TYPERULES_H
#define DY2ST_DIALECT_PYDY_TYPERULES_H

// The typing rules of dy2st's Python/Paddle semantics, shared by the
// specialization (which infers types) and the lowering (which must compute in
// the same types). Eager mode in the Python package implements the same table.

#include "Dy2St/Dialect/Pydy/PydyDialect.h"

#include <optional>
#include <string>

namespace mlir::pydy {

/// The element type of a dtype as user code spells it ("bool", "int32",
/// "int64", "float32", "float64", or NumPy's "float", "double", "int",
/// "long"), or null.
Type elementTypeFromSpelling(MLIRContext *ctx, llvm::StringRef name);
/// The dtype name of an element type ("float32"), or "" if it has none.
llvm::StringRef elementTypeName(Type type);

/// Python truthiness of a literal, if it has one.
std::optional<bool> literalTruthiness(Attribute value);

/// The element type of a value for elementwise purposes: the tensor's element
/// type, or the scalar type itself.
Type elementTypeOf(Type type);
/// The shape a value broadcasts with: a tensor's shape, or rank 0 for scalars.
llvm::ArrayRef<int64_t> shapeOf(Type type);

/// numpy broadcasting; a dynamic dimension stays dynamic unless the other
/// side fixes it. Fails on incompatible static dimensions.
FailureOr<llvm::SmallVector<int64_t>> broadcastShapes(llvm::ArrayRef<int64_t> a,
                                                      llvm::ArrayRef<int64_t> b);

/// numpy's matmul shape rule: a 1-d operand is a vector (its dimension
/// dropped from the result), batch dimensions broadcast. Fails with `error`.
FailureOr<llvm::SmallVector<int64_t>> matmulShape(llvm::ArrayRef<int64_t> x,
                                                  llvm::ArrayRef<int64_t> y,
                                                  std::string &error);

/// How an elementwise operation computes: operands are converted to
/// `compute`, and the result has type `result` (a tensor or a Python scalar).
struct ElementwiseSignature {
  Type compute;
  Type result;
};

/// The element type two operands are computed in: Python numbers keep a
/// tensor's dtype (a Python float with an integer tensor gives float32),
/// tensors promote bool < int32 < int64 < float32 < float64, and two Python
/// numbers follow Python (bool < int < float).
Type promoteOperands(Type lhs, Type rhs);

/// Whether `kind` is one of &, |, ^, << and >>.
bool isBitwise(BinaryKind kind);

FailureOr<ElementwiseSignature> binarySignature(BinaryKind kind, Type lhs, Type rhs,
                                                std::string &error);
FailureOr<ElementwiseSignature> compareSignature(CompareKind kind, Type lhs, Type rhs,
                                                 std::string &error);

/// The least type holding both (equal types; tensors of one dtype and rank
/// whose differing dimensions become dynamic; lists of one length element by
/// element; lists of tensors of different lengths, or a list and a tensor
/// array, an array of the joined item type; None and a tensor or number an
/// optional; an unknown `!pydy.object` joins to the other side). Null when
/// they do not join.
Type joinTypes(Type a, Type b);

/// Whether `type` is a tuple of tensors and Python numbers: what a compiled
/// recursive function may return as a tuple (its elements are its results).
bool isTupleOfValues(Type type);
/// Whether `type` is a tuple or list of tensors and Python numbers, nested
/// tuples and lists of them too (what a recursive function can return).
bool isNestedValues(Type type);

/// The item type of a tensor array holding the items of `type` (a list of
/// tensors of one dtype and rank or of Python numbers of one kind, or an
/// array); null when there is none.
Type arrayItemType(Type type);

/// The item type of a tensor array of `item`s once `added` is stored in it
/// (tensors: as joinTypes joins them; numbers: only of the same kind); null
/// when it cannot hold both.
Type widenedArrayItem(Type item, Type added);

/// Whether `type` is the dict `{}` (of no keys).
bool isEmptyDict(Type type);

/// The type of a dict of keys known only at run time holding the entries of
/// `dict` (a dict of int keys, or one of run-time keys) and a value of type
/// `added` too (when given): its values joined as a TensorArray's items.
/// Null when `dict` has other keys or its values do not join (or it is empty
/// and nothing is added).
RuntimeDictType runtimeDictHolding(Type dict, Type added);

/// Whether `lhs is rhs`, where the values tell: one value is one object;
/// values whose types no object has both of (a tensor and a number, tensors
/// of different dtypes or ranks or known sizes, an int and a float) are two.
/// None where they do not tell: None and optionals (the specialization's),
/// strings (interned: compared by value) and unknown types, and two values
/// of one type computed apart (one object eagerly, or two).
std::optional<bool> knownIdentity(Value lhs, Value rhs);

/// Whether `is` of a value of `type` is answered otherwise than by identity:
/// None and optionals (the specialization's), strings (by value: interned),
/// unknown types (not yet).
bool identityAnsweredElsewhere(Type type);

} // namespace mlir::pydy

#endif
