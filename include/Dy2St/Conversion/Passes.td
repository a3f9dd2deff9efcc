#ifndef DY2ST_CONVERSION_PASSES
#define DY2ST_CONVERSION_PASSES

include "mlir/Pass/PassBase.td"

def ConvertPydyToCorePass : Pass<"convert-pydy-to-core", "ModuleOp"> {
  let summary = "Lower specialized pydy to func, scf, arith, math, tensor and linalg";
  let description = [{
    Runs on pydy that `pydy-specialize` has typed. `pydy.if`/`pydy.while`/
    `pydy.for_range` become `scf.if`/`scf.while`/`scf.for` (the condition's
    single element is extracted); Python-number arithmetic becomes `arith`
    on `i64`/`f64`; tensor arithmetic becomes `linalg.generic` with numpy
    broadcasting; `matmul` and the reductions become `linalg` named ops and
    `linalg.reduce`. Entry functions get `llvm.emit_c_interface`; tuple
    results are flattened.
  }];
  let dependentDialects = [
    "::mlir::func::FuncDialect", "::mlir::scf::SCFDialect",
    "::mlir::arith::ArithDialect", "::mlir::math::MathDialect",
    "::mlir::tensor::TensorDialect", "::mlir::linalg::LinalgDialect",
    "::mlir::LLVM::LLVMDialect"
  ];
}

#endif // DY2ST_CONVERSION_PASSES
