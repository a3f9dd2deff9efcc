#ifndef DY2ST_LIB_CONVERSION_PYDYTOCORE_LOWERING_H
#define DY2ST_LIB_CONVERSION_PYDYTOCORE_LOWERING_H

// Helpers shared by the pydy-to-core patterns: Python-semantics scalar
// arithmetic (used on scalars and inside linalg bodies alike), numpy-style
// broadcasting elementwise ops, and the library calls.

#include "Dy2St/Conversion/RuntimeCalls.h"
#include "Dy2St/Dialect/Pydy/PydyDialect.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/DenseSet.h"

namespace mlir::pydy::lowering {

using dy2st::caughtAtRunTime;
using dy2st::checkAtRunTime;
using dy2st::declareRuntimeFunction;
using dy2st::raiseAtRunTime;
using dy2st::raisedAtRunTime;
using dy2st::stringPointer;

/// Converts a scalar to another scalar type with numpy's casting rules
/// (bool → 0/1, float → int truncates, anything → bool is `!= 0`).
Value convertElement(OpBuilder &b, Location loc, Value v, Type to);
/// The complex constant re + im * 1j of `type`.
Value complexConstant(OpBuilder &b, Location loc, ComplexType type, double re, double im);
/// The first element of a tensor.
Value firstElement(OpBuilder &b, Location loc, Value tensor);
/// The single element of a tensor (a Python scalar as it is), checked where
/// it runs to be the only one: an AssertionError with `message` for the
/// caller otherwise (Paddle's; eager's Tensor raises the same).
Value onlyElement(OpBuilder &b, Operation *op, Value v, StringRef message);
/// Python truthiness as `i1` (of a condition, `not`, `bool()`): of a Python
/// scalar, or of the single element of a tensor (see onlyElement).
Value truthValue(OpBuilder &b, Operation *op, Value v);
/// An `i64` from an int scalar or a one-element integer tensor.
Value toI64(OpBuilder &b, Location loc, Value v);
/// A zero of `type` (an empty tensor for tensors): the value of a variable on
/// a path where it is never read.
Value zeroOf(OpBuilder &b, Location loc, Type type);

Value binaryScalar(OpBuilder &b, Location loc, BinaryKind kind, Value lhs, Value rhs,
                   Type compute);
/// `x << count` or `x >> count` (arithmetic or logical) of integers, as
/// Paddle's kernels shift: a count outside [0, bits) shifts every bit out.
Value shifted(OpBuilder &b, Location loc, Value x, Value count, bool left, bool arithmetic);
Value compareScalar(OpBuilder &b, Location loc, CompareKind kind, Value lhs, Value rhs,
                    Type compute);

using ElementBody = function_ref<Value(OpBuilder &, Location, ValueRange)>;
/// Applies `body` elementwise. With a tensor `resultType`, builds a
/// `linalg.generic` that broadcasts tensor operands numpy-style and passes
/// scalar operands through; otherwise applies `body` to the scalars.
Value elementwise(OpBuilder &b, Location loc, Type resultType, ValueRange operands,
                  ElementBody body);

/// The message of a ValueError for operands whose sizes differ at run time.
inline constexpr llvm::StringLiteral kMismatchedShapes =
    "operands could not be broadcast together: their sizes differ at run time";
/// Whether the dynamic sizes of the tensor `operands` that meet in a
/// dimension of the elementwise `resultType` broadcast at run time (each is
/// the largest or 1); null when there is nothing to check.
Value broadcastSizesAgree(OpBuilder &b, Location loc, Type resultType, ValueRange operands);
/// `compute()` when `ok` holds at run time (null: known to); otherwise a
/// ValueError with `message` for `op`, and a zero result.
Value computeIf(OpBuilder &b, Operation *op, Value ok, Type resultType, StringRef message,
                function_ref<Value()> compute);
/// `compute()` when `ok` holds at run time, `otherwise` (a zero result where
/// none is given) otherwise: for an op whose check already raised (its
/// results are dropped), so that it reads and writes nothing out of bounds
/// (an index into an empty dimension). An update of a tensor passes the
/// tensor itself, so that bufferization still writes it in place.
Value computeOnlyIf(OpBuilder &b, Location loc, Value ok, Type resultType,
                    function_ref<Value()> compute, Value otherwise = {});

/// A tensor of `type` filled with `scalar` (converted to its element type).
Value filled(OpBuilder &b, Location loc, RankedTensorType type, Value scalar,
             ValueRange sizeSources);
Value constantScalar(OpBuilder &b, Location loc, Type type, double value);
/// `v` converted elementwise to element type `elem`.
Value castTensor(OpBuilder &b, Location loc, Value v, Type elem);
/// The slice of `source` without its unit dimensions `dropped`, as
/// `resultType`: a slice of full rank and a collapse_shape that names them,
/// not a rank-reducing extract_slice, whose dropped dimensions upstream's
/// folds infer again from its sizes and may choose otherwise once a dynamic
/// size becomes 1 (`x[:, 7]` of a batch of one).
Value sliceDropping(OpBuilder &b, Location loc, RankedTensorType resultType, Value source,
                    ArrayRef<OpFoldResult> offsets, ArrayRef<OpFoldResult> sizes,
                    ArrayRef<OpFoldResult> strides, ArrayRef<int64_t> dropped);

/// Strings chosen at run time (RuntimeTexts.cpp): the sorted `table` of the
/// strings they are chosen from and compared with, and the values, now i64,
/// that hold an index into it.
struct RuntimeTexts {
  ArrayAttr table;
  llvm::DenseSet<Value> indices;
};
/// Turns the strings that branches and loops choose at run time into indices
/// into one table (an error where such a string is made at run time).
FailureOr<RuntimeTexts> indexRuntimeTexts(ModuleOp module);
/// A pointer to the table's string at `index`.
Value textPointer(OpBuilder &b, Location loc, const RuntimeTexts &texts, Value index);

/// Lowers a specialized `pydy.lib_call` whose runtime operands are `operands`
/// (LibraryLowering.cpp: the table's lowering of its primitive).
FailureOr<Value> lowerLibCall(OpBuilder &b, LibCallOp op, ValueRange operands);

} // namespace mlir::pydy::lowering

#endif
