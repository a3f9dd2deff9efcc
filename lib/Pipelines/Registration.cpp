#include "Dy2St/Registration.h"

#include "Dy2St/Conversion/Passes.h"
#include "Dy2St/Dialect/Pydy/Passes.h"
#include "Dy2St/Dialect/TensorArray/TensorArrayDialect.h"
#include "Dy2St/Pipelines/Pipelines.h"
#include "Dy2St/Transforms/Passes.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"

#include <mutex>

void dy2st::registerEverything(mlir::DialectRegistry &registry) {
  registry.insert<mlir::pydy::PydyDialect, mlir::tensor_array::TensorArrayDialect>();
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  mlir::registerAllToLLVMIRTranslations(registry);
  // Pass registration is global and must happen once per process.
  static std::once_flag once;
  std::call_once(once, [] {
    mlir::registerAllPasses();
    mlir::pydy::registerPydyPasses();
    mlir::pydy::registerDy2StConversionPasses();
    registerDy2StTransformsPasses();
    registerPipelines();
  });
}
