// RUN: dy2st-opt %s --dy2st-compile-cpu="signature=tensor<8xf32>" | FileCheck %s
// RUN: dy2st-opt %s --dy2st-pydy-to-core="signature=tensor<8xf32>" | FileCheck %s --check-prefix=CORE

// The whole CPU path from pydy as imported: the Python loop counter stays an
// i64 in a register, the tensor condition's element is loaded once per
// iteration. The loop carries whether the counter's overflow check failed
// (dy2st-leave-loops-on-exception), read from the check's own test.
// CORE-LABEL: func.func @count(%{{.*}}: tensor<8xf32> {bufferization.writable = false}) -> (tensor<8xf32>, i64)
// CORE: scf.while ({{.*}}) : (i64, tensor<8xf32>, i1) -> (i64, tensor<8xf32>, i1)
// CORE-NOT: dy2st_raised
// CORE: scf.yield

// Buffers of earlier iterations are freed (ownership-based deallocation).
// CHECK-DAG: llvm.func @_mlir_memref_to_llvm_free(!llvm.ptr)
// CHECK-LABEL: llvm.func @count
// CHECK: llvm.cond_br
// CHECK: llvm.call @_mlir_memref_to_llvm_free
// CHECK-LABEL: llvm.func @_mlir_ciface_count
pydy.func @count(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %c0 = pydy.constant 0 : i64
  pydy.store "n", %c0 : i64
  pydy.while {
    %x = pydy.load "x" : !pydy.object
    %m = pydy.lib_call "max"(%x) : (!pydy.object) -> !pydy.object
    %one = pydy.constant 1.0 : f64
    %c = pydy.compare gt %m, %one : (!pydy.object, f64) -> !pydy.object
    pydy.condition(%c : !pydy.object)
  } do {
    %x = pydy.load "x" : !pydy.object
    %s = pydy.lib_call "sqrt"(%x) : (!pydy.object) -> !pydy.object
    pydy.store "x", %s : !pydy.object
    %n = pydy.load "n" : !pydy.object
    %one = pydy.constant 1 : i64
    %n1 = pydy.binary add %n, %one : (!pydy.object, i64) -> !pydy.object
    pydy.store "n", %n1 : !pydy.object
    pydy.yield
  }
  %x = pydy.load "x" : !pydy.object
  %n = pydy.load "n" : !pydy.object
  %t = pydy.tuple %x, %n : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %t : !pydy.object
}
