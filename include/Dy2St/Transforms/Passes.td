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

#endif // DY2ST_TRANSFORMS_PASSES
