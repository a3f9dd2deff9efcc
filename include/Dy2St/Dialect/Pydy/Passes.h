#ifndef DY2ST_DIALECT_PYDY_PASSES_H
#define DY2ST_DIALECT_PYDY_PASSES_H

#include "Dy2St/Dialect/Pydy/PydyDialect.h"
#include "Dy2St/Dialect/TensorArray/TensorArrayDialect.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Pass/Pass.h"

namespace mlir::pydy {
#define GEN_PASS_DECL
#include "Dy2St/Dialect/Pydy/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "Dy2St/Dialect/Pydy/Passes.h.inc"
} // namespace mlir::pydy

#endif
