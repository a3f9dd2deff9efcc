#ifndef DY2ST_TRANSFORMS_PASSES_H
#define DY2ST_TRANSFORMS_PASSES_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Pass/Pass.h"

namespace dy2st {
#define GEN_PASS_DECL
#include "Dy2St/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "Dy2St/Transforms/Passes.h.inc"
} // namespace dy2st

#endif
