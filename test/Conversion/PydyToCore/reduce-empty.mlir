// RUN: dy2st-opt %s --dy2st-pydy-to-core="signature=tensor<?xf32>" | FileCheck %s

// max has no identity: over a size that may be 0 it checks at run time and
// raises numpy's ValueError (sum, whose identity is 0, does not check).
// CHECK-DAG: llvm.mlir.global internal constant @{{.*}}("{{.*}}zero-size array to reduction operation maximum which has no identity\00")
// CHECK-LABEL: func.func @extremes
// CHECK: %[[N:.*]] = tensor.dim %arg0
// CHECK: %[[NONE:.*]] = arith.cmpi sle, %[[N]], %{{.*}} : index
// CHECK: scf.if %[[NONE]]
// CHECK: func.call @dy2st_raise
// CHECK: linalg.reduce
pydy.func @extremes(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %x = pydy.load "x" : !pydy.object
  %m = pydy.lib_call "max"(%x) : (!pydy.object) -> !pydy.object
  pydy.return %m : !pydy.object
}
