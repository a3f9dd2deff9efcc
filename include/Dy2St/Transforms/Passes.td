#ifndef DY2ST_TRANSFORMS_PASSES
#define DY2ST_TRANSFORMS_PASSES

include "mlir/Pass/PassBase.td"

def ApproximateMathPass : Pass<"dy2st-approximate-math"> {
  let summary = "Replace f32 math functions by upstream's polynomial approximations";
  let description = [{
    Applies MLIR's `populateMathPolynomialApproximationPatterns` (f32 `exp`,
    `log`, `tanh`, `erf`, ... as polynomials in `arith`), which upstream
    registers only as a test pass. Without it, these ops become scalar libm
    calls and LLVM cannot vectorize the loops that contain them. `sin` and
    `cos` stay libm calls: their approximation loses accuracy as |x| grows.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::vector::VectorDialect",
                           "::mlir::math::MathDialect"];
}

def MatmulLoopOrderPass : Pass<"dy2st-matmul-loop-order"> {
  let summary = "Give matmuls, convolutions and poolings a vectorizable CPU loop order";
  let description = [{
    `convert-linalg-to-loops` nests a matmul's loops as (i, j, k): the
    innermost loop walks a column of B with a stride. Generalizing the op and
    interchanging its loops to (i, k, j) (both upstream transforms) makes the
    innermost loop contiguous in B and C, which LLVM vectorizes. Grouped
    convolutions (n, g, f, oh, ow, c, kh, kw) and NCHW poolings (n, c, oh, ow,
    kh, kw) likewise get their output's columns innermost: ResNet-18 ran 2.5x
    and MobileNetV2 2x faster.
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect"];
}

def OutlineLoopNestsPass : Pass<"dy2st-outline-loop-nests", "::mlir::ModuleOp"> {
  let summary = "Move each outermost scf.for nest into its own non-inlined function";
  let description = [{
    A model's forward is one function with a loop nest per convolution,
    matmul and elementwise op. LLVM's loop passes (IndVarSimplify above all)
    grow faster than linearly with a function's size: MobileNetV2's 52
    convolutions took 23 s to compile as one function. Outlined with
    upstream's `outlineSingleBlockRegion` (each nest wrapped in an
    scf.execute_region first) into private functions marked `no_inline`,
    each nest is optimized alone; a call per nest costs nothing measurable.
  }];
  let dependentDialects = ["::mlir::func::FuncDialect", "::mlir::scf::SCFDialect"];
}

def MarkNoAliasPointersPass : Pass<"dy2st-mark-noalias-pointers", "::mlir::LLVM::LLVMFuncOp"> {
  let summary = "Mark the pointer arguments recorded by dy2st-outline-loop-nests noalias";
  let description = [{
    func-to-llvm drops `llvm.noalias` from memref arguments (it keeps it only
    with bare pointers); dy2st-outline-loop-nests records the positions of the
    allocated and aligned pointers of the buffers that alias no other argument
    in `dy2st.noalias_pointers`, and this pass puts `llvm.noalias` there.
  }];
}

def GpuSerialKernelsPass : Pass<"dy2st-gpu-serial-kernels", "::mlir::func::FuncOp"> {
  let summary = "Run the loop nests over buffers left on the host as one-thread kernels";
  let description = [{
    After `convert-parallel-loops-to-gpu`, the loops of a reduction to a
    scalar (which have no parallel dimension) are still `scf.for` nests on
    the host. A nest that only loads, stores and computes (no allocation, no
    call, no kernel launch inside, no results) is wrapped in a `gpu.launch`
    of one thread, so that the data stays on the device. Loops that hold
    kernel launches (the program's own loops) stay on the host.
  }];
  let dependentDialects = ["::mlir::gpu::GPUDialect"];
}

def GpuUnifiedMemoryPass : Pass<"dy2st-gpu-unified-memory", "::mlir::ModuleOp"> {
  let summary = "Put the buffers of host code that launches kernels in CUDA managed memory";
  let description = [{
    Kernels and the host code around them (a loop condition read once per
    iteration) share buffers: `memref.alloc`/`memref.dealloc` become
    `gpu.alloc host_shared` (`cuMemAllocManaged`) and `gpu.dealloc`; constant
    globals are copied to managed memory once per call. The caller of a
    public function passes and receives ordinary host buffers: arguments are
    copied in on entry and results copied out (into `malloc`ed buffers) on
    return, and the managed copies freed.
  }];
  let dependentDialects = ["::mlir::gpu::GPUDialect", "::mlir::memref::MemRefDialect"];
}

#endif // DY2ST_TRANSFORMS_PASSES
