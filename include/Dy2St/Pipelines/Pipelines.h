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

/// Options of the GPU pipelines: the NVVM target and the kernel binary.
struct GPUOptions : public mlir::PassPipelineOptions<GPUOptions> {
  Option<std::string> chip{*this, "chip", llvm::cl::desc("Target GPU (sm_80, sm_90, ...)"),
                           llvm::cl::init("sm_80")};
  Option<std::string> features{*this, "features",
                               llvm::cl::desc("PTX features (sm_90 needs +ptx80 or later)"),
                               llvm::cl::init("+ptx80")};
  Option<std::string> format{
      *this, "format",
      llvm::cl::desc("Kernel binary: 'bin' (a cubin, assembled by ptxas), 'fatbin', or 'isa' "
                     "(PTX, compiled by the driver at load); default: 'bin' when the CUDA "
                     "toolkit was found at configure time, else 'isa'"),
      llvm::cl::init(defaultGPUFormat())};
  Option<std::string> toolkit{*this, "toolkit",
                              llvm::cl::desc("CUDA toolkit holding ptxas"),
                              llvm::cl::init(defaultCUDAToolkit())};

  static std::string defaultGPUFormat();
  static std::string defaultCUDAToolkit();
};

/// Options of the pipeline from pydy to GPU code.
struct CompileGPUOptions : public mlir::PassPipelineOptions<CompileGPUOptions> {
  Option<std::string> entry{*this, "entry",
                            llvm::cl::desc("Function to compile (default: the first)")};
  Option<std::string> signature{
      *this, "signature",
      llvm::cl::desc("Argument types or literals, e.g. 'tensor<3xf32>,2:i64'")};
  Option<std::string> chip{*this, "chip", llvm::cl::desc("Target GPU (sm_80, sm_90, ...)"),
                           llvm::cl::init("sm_80")};
  Option<std::string> features{*this, "features", llvm::cl::desc("PTX features"),
                               llvm::cl::init("+ptx80")};
  Option<std::string> format{*this, "format",
                             llvm::cl::desc("Kernel binary: bin, fatbin or isa"),
                             llvm::cl::init(GPUOptions::defaultGPUFormat())};
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

/// Core dialects on tensors → host code in the LLVM dialect that launches
/// NVVM kernels (`gpu.binary`): upstream passes map parallel loops to blocks
/// and threads and outline kernels; control flow stays on the host; buffers
/// live in CUDA managed memory.
void buildGPUPipeline(mlir::OpPassManager &pm, const GPUOptions &options);

/// pydy → host LLVM dialect and kernels.
void buildCompileGPUPipeline(mlir::OpPassManager &pm, const CompileGPUOptions &options);

/// Registers `dy2st-pydy-to-core`, `dy2st-cpu-pipeline`, `dy2st-compile-cpu`,
/// `dy2st-to-nvvm` and `dy2st-compile-gpu`.
void registerPipelines();

} // namespace dy2st

#endif
