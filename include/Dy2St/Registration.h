#ifndef DY2ST_REGISTRATION_H
#define DY2ST_REGISTRATION_H

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace dy2st {
/// Registers the dy2st dialects and passes, every upstream dialect, pass,
/// extension and LLVM IR translation, and the dy2st pipelines. Safe to call
/// more than once.
void registerEverything(mlir::DialectRegistry &registry);
} // namespace dy2st

#endif
