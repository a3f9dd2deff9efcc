#ifndef DY2ST_SUPPORT_NATIVETARGET_H
#define DY2ST_SUPPORT_NATIVETARGET_H

namespace dy2st {

/// Registers LLVM's native target and its assembly printer, once per process
/// (the compiler emits objects for it, the runtime links them).
void initializeNativeTarget();

} // namespace dy2st

#endif // DY2ST_SUPPORT_NATIVETARGET_H
