#ifndef DY2ST_LIB_DIALECT_PYDY_TRANSFORMS_INDEXING_H
#define DY2ST_LIB_DIALECT_PYDY_TRANSFORMS_INDEXING_H

#include "Dy2St/Dialect/Pydy/PydyDialect.h"

namespace mlir::pydy {

/// Whether `op` indexes a tensor with slices, None, `...` or a tuple (a single
/// integer index is lowered directly).
bool isTensorIndexToDecompose(SubscriptOp op);

/// Replaces `op` by calls of the primitives strided_slice, gather and
/// unsqueeze (unspecialized); returns the first op created, from which the
/// specialization goes on.
FailureOr<Operation *> decomposeTensorIndex(SubscriptOp op);

/// Replaces a tensor `op` (`x[index] = v`) by calls of set_value, or of where
/// for a boolean mask; returns the first op created.
FailureOr<Operation *> decomposeTensorAssignment(SetItemOp op);

} // namespace mlir::pydy

#endif
