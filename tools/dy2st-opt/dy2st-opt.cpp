// mlir-opt with the dy2st dialects, passes and pipelines registered.
#include "Dy2St/Registration.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  dy2st::registerEverything(registry);
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "dy2st optimizer driver\n", registry));
}
