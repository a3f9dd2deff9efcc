#ifndef DY2ST_LIB_CONVERSION_PYDYTOCORE_LIBLOWERING_H
#define DY2ST_LIB_CONVERSION_PYDYTOCORE_LIBLOWERING_H

// What the lowering of one primitive (LibraryOps.def's Lowering column) sees
// of a specialized `pydy.lib_call`: its converted operands by parameter and its
// static arguments, as normalized by the type rule.

#include "Lowering.h"

#include "Dy2St/Dialect/Pydy/Library.h"
#include "mlir/Dialect/Utils/ReshapeOpsUtils.h"
#include "mlir/IR/BuiltinTypes.h"

namespace mlir::pydy::lowering {

struct LibLowering {
  OpBuilder &b;
  LibCallOp op;
  const LibFunction &fn;
  Location loc;
  Type resultType;
  llvm::StringMap<SmallVector<Value>> operands;
  DictionaryAttr statics;

  RankedTensorType result() { return cast<RankedTensorType>(resultType); }
  bool has(StringRef param) { return operands.count(param) || statics.get(param); }
  /// The (first) operand of a runtime parameter, or null.
  Value operand(StringRef param);
  ArrayRef<Value> all(StringRef param) {
    auto it = operands.find(param);
    return it == operands.end() ? ArrayRef<Value>() : ArrayRef<Value>(it->second);
  }
  bool flag(StringRef param);
  int64_t integer(StringRef param);
  SmallVector<int64_t> integers(StringRef param);
  /// An `Ints` argument as `index` values: its static entries as constants,
  /// its runtime entries (ints or one-element tensors) converted, or the
  /// elements of a 1-d integer tensor.
  SmallVector<Value> indexValues(StringRef param);
  Value index(int64_t v);
  Value dim(Value tensor, int64_t d);
};

#define DY2ST_PRIMITIVE(NAME, SIGNATURE, RULE, LOWERING)                                  \
  FailureOr<Value> lower##LOWERING(LibLowering &);
#include "Dy2St/Dialect/Pydy/LibraryOps.def"
#undef DY2ST_PRIMITIVE

/// A linalg.generic over the result whose element reads `source` at the
/// indices `indicesOf` computes (from the loop indices and the elements of
/// `inputs`, read through `inputMaps`).
Value gatherBy(LibLowering &l, Value source, ValueRange inputs, ArrayRef<AffineMap> inputMaps,
               ValueRange dynamicSizes,
               function_ref<SmallVector<Value>(OpBuilder &, Location, ValueRange)> indicesOf);
/// The size of dimension `d` of the tensor `t`.
OpFoldResult sizeOf(OpBuilder &b, Location loc, Value t, int64_t d);
/// `t` expanded to `type` (tensor.expand_shape by `groups`, the result's
/// sizes `sizes`).
Value expandDims(OpBuilder &b, Location loc, RankedTensorType type, Value t,
                 ArrayRef<ReassociationIndices> groups, ArrayRef<OpFoldResult> sizes);
/// `t` with a size-1 dimension inserted at `axis`.
Value insertUnitDim(OpBuilder &b, Location loc, Value t, int64_t axis);
/// `t` without its size-1 dimension `axis`.
Value dropUnitDim(OpBuilder &b, Location loc, Value t, int64_t axis);
/// `t` collapsed to one dimension.
Value flattenTensor(OpBuilder &b, Location loc, Value t);
/// The sums of the rows of the float tensor `x` ([..., n] -> [...]) in
/// numpy's order (its pairwise_sum: in sequence below 8 elements, else eight
/// interleaved partial sums combined pairwise and the last n % 8 elements in
/// sequence, rows over 128 elements split in halves first: the halves of
/// rows whose size is known when compiling (up to 16384), while longer rows
/// and those of a size known only at run time over 128 keep the eight
/// partial sums), so that compiled sums round as eager's.
Value pairwiseSum(OpBuilder &b, Location loc, Value x);
/// `value`, the result of reducing `input` over the `reduced` dimensions,
/// with those dimensions put back as size 1.
Value keepReducedDims(OpBuilder &b, Location loc, Value value, RankedTensorType input,
                      ArrayRef<bool> reduced, RankedTensorType result);

} // namespace mlir::pydy::lowering

#endif
