// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<3x2xf32>" -split-input-file | FileCheck %s
// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<?x2xf32>" -split-input-file -verify-diagnostics | FileCheck %s --check-prefix=RUNTIME

// list(x) of a tensor of a few rows known when compiling is the list of its
// rows; of rows known only at run time, a list a loop fills (a TensorArray).
// CHECK-LABEL: pydy.func @rows
// CHECK: pydy.list %{{.*}}, %{{.*}}, %{{.*}} : (tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> !pydy.list<tensor<2xf32>, tensor<2xf32>, tensor<2xf32>>
// RUNTIME-LABEL: pydy.func @rows
// RUNTIME-SAME: -> !tensor_array.array<tensor<2xf32>>
// RUNTIME: pydy.for_range
// RUNTIME: tensor_array.append
pydy.func @rows(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %rows, %0 = pydy.call_method %x, "__list__"() : !pydy.object, () -> (!pydy.object, !pydy.object)
  pydy.return %rows : !pydy.object
}

// -----

// tuple(x) needs its rows known when compiling.
// CHECK-LABEL: pydy.func @row_tuple
// CHECK: pydy.tuple %{{.*}}, %{{.*}}, %{{.*}} : (tensor<2xf32>, tensor<2xf32>, tensor<2xf32>)
pydy.func @row_tuple(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  // expected-error @+1 {{tuple() of a float32 tensor of shape [?, 2] is not supported by dy2st yet (of at most 64 rows known when compiling, it is)}}
  %rows, %0 = pydy.call_method %x, "__tuple__"() : !pydy.object, () -> (!pydy.object, !pydy.object)
  pydy.return %rows : !pydy.object
}
