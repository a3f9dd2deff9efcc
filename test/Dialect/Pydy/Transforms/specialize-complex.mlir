// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<2x3xcomplex<f32>>,tensor<2x3xf32>,tensor<3xf64>" | FileCheck %s

// Complex tensors' type rules: complex() of float parts, real/imag and abs
// give the parts' dtype, float math keeps complex, a float32 tensor promotes
// to complex64 and a float64 one to complex128, == gives bools, sum and
// matmul keep complex64.
// CHECK-LABEL: pydy.func @rules
// CHECK: pydy.lib_call "complex"(%x, %x) {{.*}} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xcomplex<f32>>
// CHECK: pydy.lib_call "real"(%z) {{.*}} : (tensor<2x3xcomplex<f32>>) -> tensor<2x3xf32>
// CHECK: pydy.lib_call "abs"(%z) {{.*}} : (tensor<2x3xcomplex<f32>>) -> tensor<2x3xf32>
// CHECK: pydy.lib_call "exp"(%z) {{.*}} : (tensor<2x3xcomplex<f32>>) -> tensor<2x3xcomplex<f32>>
// CHECK: pydy.binary mul %z, %x : (tensor<2x3xcomplex<f32>>, tensor<2x3xf32>) -> tensor<2x3xcomplex<f32>>
// CHECK: pydy.binary add %z, %d : (tensor<2x3xcomplex<f32>>, tensor<3xf64>) -> tensor<2x3xcomplex<f64>>
// CHECK: pydy.compare eq %z, %z : (tensor<2x3xcomplex<f32>>, tensor<2x3xcomplex<f32>>) -> tensor<2x3xi1>
// CHECK: pydy.lib_call "sum"(%z) {{.*}} : (tensor<2x3xcomplex<f32>>) -> tensor<complex<f32>>
// CHECK: pydy.lib_call "matmul"(%z, %z) {{.*}} : (tensor<2x3xcomplex<f32>>, tensor<2x3xcomplex<f32>>) -> tensor<2x2xcomplex<f32>>
pydy.func @rules(%z: !pydy.object {pydy.name = "z"}, %x: !pydy.object {pydy.name = "x"}, %d: !pydy.object {pydy.name = "d"}) -> !pydy.object {
  %0 = pydy.lib_call "complex"(%x, %x) : (!pydy.object, !pydy.object) -> !pydy.object
  %1 = pydy.lib_call "real"(%z) : (!pydy.object) -> !pydy.object
  %2 = pydy.lib_call "abs"(%z) : (!pydy.object) -> !pydy.object
  %3 = pydy.lib_call "exp"(%z) : (!pydy.object) -> !pydy.object
  %4 = pydy.binary mul %z, %x : (!pydy.object, !pydy.object) -> !pydy.object
  %5 = pydy.binary add %z, %d : (!pydy.object, !pydy.object) -> !pydy.object
  %6 = pydy.compare eq %z, %z : (!pydy.object, !pydy.object) -> !pydy.object
  %7 = pydy.lib_call "sum"(%z) : (!pydy.object) -> !pydy.object
  %true = pydy.constant true
  %8 = pydy.lib_call "matmul"(%z, %z, %true) {kwnames = ["transpose_y"]} : (!pydy.object, !pydy.object, i1) -> !pydy.object
  %t = pydy.tuple %0, %1, %2, %3, %4, %5, %6, %7, %8 : (!pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object, !pydy.object) -> !pydy.object
  pydy.return %t : !pydy.object
}
