#ifndef DY2ST_DIALECT_TENSORARRAY_TENSORARRAYDIALECT_H
#define DY2ST_DIALECT_TENSORARRAY_TENSORARRAYDIALECT_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "Dy2St/Support/RecordedException.h"

#include "Dy2St/Dialect/TensorArray/TensorArrayOpsDialect.h.inc"

#define GET_TYPEDEF_CLASSES
#include "Dy2St/Dialect/TensorArray/TensorArrayOpsTypes.h.inc"

#define GET_OP_CLASSES
#include "Dy2St/Dialect/TensorArray/TensorArrayOps.h.inc"

#endif
