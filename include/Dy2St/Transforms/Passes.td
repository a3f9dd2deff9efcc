#ifndef DY2ST_TRANSFORMS_PASSES
#define DY2ST_TRANSFORMS_PASSES

include "mlir/Pass/PassBase.td"

def ApproximateMathPass : Pass<"dy2st-approximate-math"> {
  let summary = "Replace f32 math functions by upstream's polynomial approximations";
  let description = [{
    Applies MLIR's `populateMathPolynomialApproximationPatterns` (f32 `exp`,
    `log`, `tanh`, `sin`, `cos`, ... as polynomials in `arith`), which upstream
    registers only as a test pass. Without it, these ops become scalar libm
    calls and LLVM cannot vectorize the loops that contain them.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::vector::VectorDialect",
                           "::mlir::math::MathDialect"];
}

def MatmulLoopOrderPass : Pass<"dy2st-matmul-loop-order"> {
  let summary = "Give linalg.matmul the (i, k, j) loop order for CPU loops";
  let description = [{
    `convert-linalg-to-loops` nests a matmul's loops as (i, j, k): the
    innermost loop walks a column of B with a stride. Generalizing the op and
    interchanging its loops to (i, k, j) (both upstream transforms) makes the
    innermost loop contiguous in B and C, which LLVM vectorizes.
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect"];
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
