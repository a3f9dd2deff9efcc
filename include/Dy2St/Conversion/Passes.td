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
    "::mlir::complex::ComplexDialect", "::mlir::memref::MemRefDialect",
    "::mlir::bufferization::BufferizationDialect",
    "::mlir::tensor::TensorDialect", "::mlir::linalg::LinalgDialect",
    "::mlir::LLVM::LLVMDialect"
  ];
}

def ConvertTensorArrayToMemRefPass : Pass<"convert-tensor-array-to-memref", "ModuleOp"> {
  let summary = "Lower tensor_array values to a buffer with spare capacity and a length";
  let description = [{
    An `!tensor_array.array<tensor<4xf32>>` becomes two values: a buffer
    `memref<?x4xf32>` whose first dimension is the capacity, and the number
    of items as an `index`. `append` writes the item into the buffer in place
    (`bufferization.materialize_in_destination`) and doubles the capacity
    when the buffer is full, so that N appends cost O(N); `read`, `pop` and
    `stack` copy items out into fresh buffers seen as tensors
    (`bufferization.to_tensor restrict`). Arrays carried by `scf` loops and
    branches, and passed to or returned from functions, are converted with
    them (1:N); buffers no longer used are freed by the ownership-based
    deallocation that runs after bufferization.

    Why buffers and not tensors: one-shot bufferization copies a tensor
    that an `scf.while` carries whenever the loop body yields a buffer that
    is not the one it received, which a growing array must do; that copy of
    the whole array in every iteration would make N appends O(N^2).

    Buffers are updated in place: an update (append, write, pop, cast) of an
    array value that another op may use after it works on a copy.

    What only run time can tell is checked there and reported through the
    runtime's `dy2st_raise`: an index out of range or `pop` from an empty
    array (IndexError), an item whose dynamic shape differs from the items
    before it (ValueError).
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::bufferization::BufferizationDialect",
    "::mlir::func::FuncDialect", "::mlir::linalg::LinalgDialect",
    "::mlir::memref::MemRefDialect", "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect", "::mlir::LLVM::LLVMDialect"
  ];
}

#endif // DY2ST_CONVERSION_PASSES
