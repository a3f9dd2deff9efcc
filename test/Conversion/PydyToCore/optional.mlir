// RUN: dy2st-opt %s --convert-pydy-to-core | FileCheck %s

// Reading a value that may be None tests its flag at run time: a TypeError
// where it is None.
// CHECK-DAG: llvm.mlir.global internal constant @{{.*}}("TypeError\00")
// CHECK-LABEL: func.func @read
// CHECK: %[[MISSING:.*]] = arith.xori %arg0, %{{.*}} : i1
// CHECK: scf.if %[[MISSING]] {
// CHECK: call @dy2st_raise
// CHECK: return %arg1 : tensor<2xf32>
pydy.func @read(%present: i1 {pydy.name = "p"}, %x: tensor<2xf32> {pydy.name = "x"}) -> tensor<2xf32> {
  %o = pydy.optional %present, %x : tensor<2xf32> -> !pydy.optional<tensor<2xf32>>
  %v = pydy.optional_value %o : !pydy.optional<tensor<2xf32>> -> tensor<2xf32>
  pydy.return %v : tensor<2xf32>
}

// A result that may be None is returned as its flag and its value (the caller
// rebuilds None where the flag is false).
// CHECK-LABEL: func.func @returned
// CHECK-SAME: -> (i1, tensor<2xf32>)
// CHECK: return %arg0, %arg1 : i1, tensor<2xf32>
pydy.func @returned(%present: i1 {pydy.name = "p"}, %x: tensor<2xf32> {pydy.name = "x"}) -> !pydy.optional<tensor<2xf32>> {
  %o = pydy.optional %present, %x : tensor<2xf32> -> !pydy.optional<tensor<2xf32>>
  pydy.return %o : !pydy.optional<tensor<2xf32>>
}
