#ifndef DY2ST_LIB_TRANSFORMS_BUFFERROOT_H
#define DY2ST_LIB_TRANSFORMS_BUFFERROOT_H

#include "mlir/IR/Value.h"
#include "mlir/Interfaces/ViewLikeInterface.h"

namespace dy2st {

/// The buffer a memref views (through subviews, casts, reshapes).
inline mlir::Value rootOf(mlir::Value memref) {
  while (auto view = memref.getDefiningOp<mlir::ViewLikeOpInterface>())
    memref = view.getViewSource();
  return memref;
}

} // namespace dy2st

#endif
