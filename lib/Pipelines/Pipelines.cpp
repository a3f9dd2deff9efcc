#include "Dy2St/Pipelines/Pipelines.h"

#include "Dy2St/Conversion/Passes.h"
#include "Dy2St/Dialect/Pydy/Passes.h"
#include "Dy2St/Transforms/Passes.h"

#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Host.h"

using namespace mlir;

// scf.for's canonicalization moves a tensor.cast of an iteration argument's
// initial value into the loop, giving the argument the initial value's
// static shape; a loop whose tensor changes shape (1x3 before, 4x3 after an
// iteration) then yields a cast to the wrong shape, a copy into a too-small
// buffer. Every canonicalization on tensors runs without that pattern.
static constexpr llvm::StringLiteral kCanonicalizeTensors =
    "canonicalize{disable-patterns=\"(anonymous namespace)::ForOpTensorCastFolder\"},";

static std::unique_ptr<Pass> createTensorCanonicalizerPass() {
  return createCanonicalizerPass(GreedyRewriteConfig(),
                                 {"(anonymous namespace)::ForOpTensorCastFolder"});
}

void dy2st::buildSpecializationPipeline(OpPassManager &pm, const CompileOptions &options) {
  pm.addPass(pydy::createLowerExitsPass());
  pm.addPass(pydy::createPromoteVariablesPass());
  pm.addPass(pydy::createInlineCallsPass(pydy::InlineCallsPassOptions{options.entry}));
  pm.addPass(pydy::createSpecializePass(
      pydy::SpecializePassOptions{options.entry, options.signature}));
}

void dy2st::buildPydyLoweringPipeline(OpPassManager &pm) {
  pm.addPass(pydy::createExpandTuplesPass());
  pm.addPass(createTensorCanonicalizerPass());
  pm.addPass(pydy::createConvertPydyToCorePass());
  pm.addPass(createTensorCanonicalizerPass());
  pm.addPass(createCSEPass());
  // Sizes of one value reach the broadcast tests only once each tensor.dim
  // reads the operand its size came from (resolved through the ops that
  // reify their result shapes) and CSE merged them: folded, the tests and
  // their branches go, and the elementwise ops of a dynamic shape fuse. A
  // second round resolves the sizes of the values the first round's folded
  // branches left.
  for (int round = 0; round < 2; ++round) {
    pm.addPass(memref::createResolveRankedShapeTypeResultDimsPass(
        memref::ResolveRankedShapeTypeResultDimsPassOptions{false}));
    pm.addPass(createCSEPass());
    pm.addPass(createFoldEqualSizesPass());
    pm.addPass(createTensorCanonicalizerPass());
    pm.addPass(createCSEPass());
  }
  pm.addPass(createLeaveLoopsOnExceptionPass());
}

void dy2st::buildPydyToCorePipeline(OpPassManager &pm, const CompileOptions &options) {
  buildSpecializationPipeline(pm, options);
  buildPydyLoweringPipeline(pm);
}

// Upstream passes, named as in mlir-opt so the pipelines can be replayed by
// hand.

// Tensors to buffers, the same for the CPU and the GPU. Arrays stay values
// (which folds see through) until buffers are made. Buffers whose layout
// bufferization cannot infer (an scf.if branch's fresh tensor) get the
// identity layout: a fully dynamic one hides the unit inner stride that the
// BLAS calls and vectorized loops need.
static constexpr llvm::StringLiteral kBufferize =
    "convert-tensor-array-to-memref,"
    "one-shot-bufferize{bufferize-function-boundaries "
    "function-boundary-type-conversion=identity-layout-map "
    "unknown-type-conversion=identity-layout-map "
    "allow-return-allocs-from-loops},"
    "buffer-deallocation-pipeline,"
    "convert-bufferization-to-memref,";

static constexpr llvm::StringLiteral kCPUFusion = "dy2st-scalarize-unit-tensors,"
                                                  "dy2st-fuse-elementwise,"
                                                  "dy2st-accumulate-into-products,"
                                                  "dy2st-collapse-contiguous-dims,";

// Dense products go to BLAS, f32 convolutions and max and sum poolings to the
// runtime's window entries; the other products, convolutions and poolings
// get a vectorizable loop order.
static constexpr llvm::StringLiteral kCPUOnBuffers =
    "dy2st-name-allocation-sites,"
    "dy2st-linalg-to-blas,"
    "dy2st-window-ops-to-runtime,"
    "dy2st-matmul-loop-order,"
    "func.func(dy2st-linalg-to-loops),"
    "canonicalize,"
    "dy2st-outline-loop-nests,"
    "canonicalize,"
    "dy2st-prefetch-streams,"
    "expand-strided-metadata,"
    "lower-affine,"
    "convert-scf-to-cf,"
    "dy2st-expand-integer-divisions,"
    "convert-complex-to-standard,"
    "convert-math-to-funcs,"
    "convert-math-to-llvm,"
    "convert-math-to-libm,"
    "convert-complex-to-llvm,"
    // The runtime's allocation functions (lib/Runtime/Memory.cpp).
    "finalize-memref-to-llvm{use-generic-functions},"
    "convert-arith-to-llvm,"
    "convert-index-to-llvm,"
    "convert-cf-to-llvm,"
    "convert-func-to-llvm,"
    "llvm.func(dy2st-mark-noalias-pointers),"
    "dy2st-dispatch-parallel-loops,"
    "reconcile-unrealized-casts,"
    "canonicalize";

static void addPipeline(OpPassManager &pm, const std::string &pipeline, llvm::StringRef what) {
  std::string error;
  llvm::raw_string_ostream os(error);
  if (failed(parsePassPipeline(pipeline, pm, os)))
    llvm::report_fatal_error(llvm::Twine("dy2st: bad ") + what + " pipeline: " + error);
}

/// The approximations for this machine: exp scales by llvm.ldexp where that
/// is one instruction (AVX-512) and would be a libm call otherwise.
static std::string approximateMath() {
  bool ldexpInstruction = llvm::sys::getHostCPUFeatures().lookup("avx512f");
  return std::string("dy2st-approximate-math{scale-by-ldexp=") +
         (ldexpInstruction ? "true" : "false") + "},";
}

void dy2st::buildCPUPipeline(OpPassManager &pm) {
  addPipeline(pm,
              (approximateMath() + kCPUFusion + kCanonicalizeTensors +
               "cse,dy2st-hoist-loop-invariants,dy2st-loop-results-in-place," + kBufferize +
               kCPUOnBuffers)
                  .str(),
              "CPU");
}

void dy2st::buildCompileCPUPipeline(OpPassManager &pm, const CompileOptions &options) {
  buildPydyToCorePipeline(pm, options);
  buildCPUPipeline(pm);
}

std::string dy2st::GPUOptions::defaultGPUFormat() {
#ifdef DY2ST_CUDA_TOOLKIT
  return "bin";
#else
  return "isa";
#endif
}

std::string dy2st::GPUOptions::defaultCUDAToolkit() {
#ifdef DY2ST_CUDA_TOOLKIT
  return DY2ST_CUDA_TOOLKIT;
#else
  return "";
#endif
}

void dy2st::buildGPUPipeline(OpPassManager &pm, const GPUOptions &options) {
  // Upstream passes, named as in mlir-opt. The tail is upstream's
  // gpu-lower-to-nvvm-pipeline (which has no option for the toolkit that
  // gpu-module-to-binary takes ptxas from), its kernel part moved earlier.
  std::string pipeline =
      "linalg-fuse-elementwise-ops," + kCanonicalizeTensors.str() + "cse," + kBufferize.str() +
      "func.func(convert-linalg-to-parallel-loops,"
      "scf-parallel-loop-tiling{parallel-loop-tile-sizes=256 no-min-max-bounds},"
      "gpu-map-parallel-loops,"
      "convert-parallel-loops-to-gpu,"
      "dy2st-gpu-serial-kernels),"
      "dy2st-gpu-unified-memory,"
      "canonicalize,"
      "arith-expand,"
      "convert-complex-to-standard,"
      "convert-math-to-funcs,"
      "convert-nvgpu-to-nvvm,"
      "gpu-kernel-outlining,"
      "convert-vector-to-scf,"
      "convert-scf-to-cf,"
      "convert-nvvm-to-llvm,"
      "convert-func-to-llvm,"
      "expand-strided-metadata,"
      "nvvm-attach-target{chip=" +
      options.chip + " features=" + options.features +
      " O=3},"
      "lower-affine,"
      // Kernels first, so that arith ops with no NVVM instruction (remf)
      // become libdevice calls rather than LLVM ops NVVM rejects.
      "gpu.module(strip-debuginfo,convert-complex-to-llvm,convert-gpu-to-nvvm,"
      "llvm-optimize-for-nvvm-target,canonicalize,cse,reconcile-unrealized-casts),"
      "convert-arith-to-llvm,"
      "convert-index-to-llvm,"
      "convert-complex-to-llvm,"
      "canonicalize,cse,"
      "gpu-to-llvm,"
      "gpu-module-to-binary{format=" +
      options.format + (options.toolkit.empty() ? std::string() : " toolkit=" + options.toolkit) +
      "},"
      "convert-math-to-llvm,"
      "canonicalize,cse,"
      "reconcile-unrealized-casts";
  addPipeline(pm, pipeline, "GPU");
}

void dy2st::buildCompileGPUPipeline(OpPassManager &pm, const CompileGPUOptions &options) {
  CompileOptions compile;
  compile.entry = options.entry;
  compile.signature = options.signature;
  buildPydyToCorePipeline(pm, compile);
  GPUOptions gpu;
  gpu.chip = options.chip;
  gpu.features = options.features;
  gpu.format = options.format;
  buildGPUPipeline(pm, gpu);
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
  PassPipelineRegistration<GPUOptions>(
      "dy2st-to-nvvm",
      "Core dialects on tensors to host LLVM code launching NVVM kernels: fusion, "
      "bufferization, parallel loops mapped to blocks and threads, kernel outlining, NVVM, "
      "gpu-module-to-binary",
      buildGPUPipeline);
  PassPipelineRegistration<CompileGPUOptions>(
      "dy2st-compile-gpu", "pydy as imported to host LLVM code and NVVM kernels",
      buildCompileGPUPipeline);
}
