#ifndef DY2ST_SUPPORT_RECORDEDEXCEPTION_H
#define DY2ST_SUPPORT_RECORDEDEXCEPTION_H

#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace dy2st {

/// The runtime's record of an exception (RuntimeABI.h: raise), which the
/// checks of compiled code write. An op whose lowering checks what eager
/// code would raise (an index out of range, a zero divisor) writes it where
/// it may fail, so that dead-code elimination keeps the op where its value
/// is unused, and nothing moves it out of the branch that guards it.
struct RecordedExceptionResource
    : mlir::SideEffects::Resource::Base<RecordedExceptionResource> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(RecordedExceptionResource)
  llvm::StringRef getName() final { return "dy2st recorded exception"; }
};

} // namespace dy2st

#endif
