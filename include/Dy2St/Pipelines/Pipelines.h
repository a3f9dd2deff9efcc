#ifndef DY2ST_PIPELINES_PIPELINES_H
#define DY2ST_PIPELINES_PIPELINES_H

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassOptions.h"
#include <string>

namespace dy2st {

/// Options of the pipelines that start from pydy.
struct CompileOptions : public mlir::PassPipelineOptions<CompileOptions> {
  Option<std::string> entry{*this, "entry",
                            llvm::cl::desc("Function to compile (default: the first)")};
  Option<std::string> signature{
      *this, "signature",
      llvm::cl::desc("Argument types or literals, e.g. 'tensor<3xf32>,2:i64'")};
};

/// pydy as imported → pydy specialized to a signature: exit lowering,
/// promotion, specialization.
void buildSpecializationPipeline(mlir::OpPassManager &pm, const CompileOptions &options);

/// Specialized pydy → core dialects (scf, arith, math, tensor, linalg).
void buildPydyLoweringPipeline(mlir::OpPassManager &pm);

/// The two above in sequence: pydy as imported → core dialects.
void buildPydyToCorePipeline(mlir::OpPassManager &pm, const CompileOptions &options);

/// Core dialects on tensors → LLVM dialect: polynomial math, then upstream
/// passes: elementwise fusion, one-shot bufferization with ownership-based
/// deallocation, loops, LLVM.
void buildCPUPipeline(mlir::OpPassManager &pm);

/// The two above in sequence: pydy → LLVM dialect.
void buildCompileCPUPipeline(mlir::OpPassManager &pm, const CompileOptions &options);

/// Registers `dy2st-pydy-to-core`, `dy2st-cpu-pipeline` and `dy2st-compile-cpu`.
void registerPipelines();

} // namespace dy2st

#endif
