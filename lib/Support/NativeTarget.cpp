#include "Dy2St/Support/NativeTarget.h"

#include "llvm/Support/TargetSelect.h"

#include <mutex>

void dy2st::initializeNativeTarget() {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
  });
}
