#include "Dy2St/Pipelines/Pipelines.h"

#include "Dy2St/Conversion/Passes.h"
#include "Dy2St/Dialect/Pydy/Passes.h"

#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

void dy2st::buildSpecializationPipeline(OpPassManager &pm, const CompileOptions &options) {
  pm.addPass(pydy::createLowerExitsPass());
  pm.addPass(pydy::createPromoteVariablesPass());
  pm.addPass(pydy::createInlineCallsPass(pydy::InlineCallsPassOptions{options.entry}));
  pm.addPass(pydy::createSpecializePass(
      pydy::SpecializePassOptions{options.entry, options.signature}));
}

void dy2st::buildPydyLoweringPipeline(OpPassManager &pm) {
  pm.addPass(pydy::createExpandTuplesPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(pydy::createConvertPydyToCorePass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
}

void dy2st::buildPydyToCorePipeline(OpPassManager &pm, const CompileOptions &options) {
  buildSpecializationPipeline(pm, options);
  buildPydyLoweringPipeline(pm);
}

// Upstream passes, named as in mlir-opt so the pipeline can be replayed by hand.
static constexpr llvm::StringLiteral kCPUPipeline =
    "dy2st-approximate-math,"
    "dy2st-matmul-loop-order,"
    "linalg-fuse-elementwise-ops,"
    "canonicalize,cse,"
    // Arrays stay values (which folds see through) until buffers are made.
    "convert-tensor-array-to-memref,"
    "one-shot-bufferize{bufferize-function-boundaries "
    "function-boundary-type-conversion=identity-layout-map "
    "allow-return-allocs-from-loops},"
    "buffer-deallocation-pipeline,"
    "convert-bufferization-to-memref,"
    "func.func(convert-linalg-to-loops),"
    "canonicalize,"
    "expand-strided-metadata,"
    "lower-affine,"
    "convert-scf-to-cf,"
    "arith-expand,"
    "convert-math-to-funcs,"
    "convert-math-to-llvm,"
    "convert-math-to-libm,"
    "finalize-memref-to-llvm,"
    "convert-arith-to-llvm,"
    "convert-index-to-llvm,"
    "convert-cf-to-llvm,"
    "convert-func-to-llvm,"
    "reconcile-unrealized-casts,"
    "canonicalize";

void dy2st::buildCPUPipeline(OpPassManager &pm) {
  std::string error;
  llvm::raw_string_ostream os(error);
  if (failed(parsePassPipeline(kCPUPipeline, pm, os)))
    llvm::report_fatal_error(llvm::Twine("dy2st: bad CPU pipeline: ") + error);
}

void dy2st::buildCompileCPUPipeline(OpPassManager &pm, const CompileOptions &options) {
  buildPydyToCorePipeline(pm, options);
  buildCPUPipeline(pm);
}

void dy2st::registerPipelines() {
  PassPipelineRegistration<CompileOptions>(
      "dy2st-pydy-to-core",
      "pydy as imported to core dialects: promote, specialize, convert",
      buildPydyToCorePipeline);
  PassPipelineRegistration<>(
      "dy2st-cpu-pipeline",
      "Core dialects on tensors to the LLVM dialect: fusion, one-shot "
      "bufferization with deallocation, loops, LLVM",
      buildCPUPipeline);
  PassPipelineRegistration<CompileOptions>(
      "dy2st-compile-cpu", "pydy as imported to the LLVM dialect",
      buildCompileCPUPipeline);
}
