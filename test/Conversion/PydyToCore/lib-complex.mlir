// RUN: dy2st-opt %s --convert-pydy-to-core | FileCheck %s

// Complex tensors lower to linalg over complex<f32> elements with the
// complex dialect's ops: complex() creates, real() reads a part, a float
// operand of * converts with imaginary part 0, abs is real, == compares.
// CHECK-LABEL: func.func @complex_ops
// CHECK: linalg.generic
// CHECK:   complex.create %{{.*}}, %{{.*}} : complex<f32>
// CHECK: linalg.generic
// CHECK:   complex.re %{{.*}} : complex<f32>
// CHECK: linalg.generic
// CHECK:   complex.create %{{.*}}, %{{.*}} : complex<f32>
// CHECK:   complex.mul %{{.*}}, %{{.*}} : complex<f32>
// CHECK: linalg.generic
// CHECK:   complex.abs %{{.*}} : complex<f32>
// CHECK: linalg.generic
// CHECK:   complex.eq %{{.*}}, %{{.*}} : complex<f32>
pydy.func @complex_ops(%x: tensor<4xf32>, %z: tensor<4xcomplex<f32>>) -> tuple<tensor<4xcomplex<f32>>, tensor<4xf32>, tensor<4xcomplex<f32>>, tensor<4xf32>, tensor<4xi1>> {
  %0 = pydy.lib_call "complex"(%x, %x) {kwnames = ["real", "imag"], static_args = {}} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xcomplex<f32>>
  %1 = pydy.lib_call "real"(%z) {kwnames = ["x"], static_args = {}} : (tensor<4xcomplex<f32>>) -> tensor<4xf32>
  %2 = pydy.binary mul %z, %x : (tensor<4xcomplex<f32>>, tensor<4xf32>) -> tensor<4xcomplex<f32>>
  %3 = pydy.lib_call "abs"(%z) {kwnames = ["x"], static_args = {}} : (tensor<4xcomplex<f32>>) -> tensor<4xf32>
  %4 = pydy.compare eq %z, %z : (tensor<4xcomplex<f32>>, tensor<4xcomplex<f32>>) -> tensor<4xi1>
  %t = pydy.tuple %0, %1, %2, %3, %4 : (tensor<4xcomplex<f32>>, tensor<4xf32>, tensor<4xcomplex<f32>>, tensor<4xf32>, tensor<4xi1>) -> tuple<tensor<4xcomplex<f32>>, tensor<4xf32>, tensor<4xcomplex<f32>>, tensor<4xf32>, tensor<4xi1>>
  pydy.return %t : tuple<tensor<4xcomplex<f32>>, tensor<4xf32>, tensor<4xcomplex<f32>>, tensor<4xf32>, tensor<4xi1>>
}

// A complex sum starts from the complex constant 0 and adds with complex.add;
// a mean divides by the count converted to complex.
// CHECK-LABEL: func.func @complex_reductions
// CHECK: complex.constant [0.000000e+00 : f32, 0.000000e+00 : f32] : complex<f32>
// CHECK: linalg.reduce
// CHECK:   complex.add
// CHECK: complex.div
pydy.func @complex_reductions(%z: tensor<2x4xcomplex<f32>>) -> tensor<2xcomplex<f32>> {
  %0 = pydy.lib_call "mean"(%z) {kwnames = ["x"], static_args = {axis = [1], keepdim = false}} : (tensor<2x4xcomplex<f32>>) -> tensor<2xcomplex<f32>>
  pydy.return %0 : tensor<2xcomplex<f32>>
}

// fft_c2c: the rows handed to the runtime's FFT as a tensor operand (read
// by the call), the result in a fresh buffer seen as a tensor.
// CHECK-LABEL: func.func @fourier
// CHECK: %[[IN:.*]] = tensor.cast %{{.*}} : tensor<2x8xcomplex<f32>> to tensor<*xcomplex<f32>>
// CHECK: %[[OUT:.*]] = memref.alloc() : memref<2x8xcomplex<f32>>
// CHECK: %[[FORWARD:.*]] = arith.constant false
// CHECK: %[[CAST:.*]] = memref.cast %[[OUT]]
// CHECK: call @dy2st_fft_c64(%[[IN]], %[[CAST]], %[[FORWARD]])
// CHECK: bufferization.to_tensor %[[OUT]] restrict writable
pydy.func @fourier(%z: tensor<2x8xcomplex<f32>>) -> tensor<2x8xcomplex<f32>> {
  %0 = pydy.lib_call "fft_c2c"(%z) {kwnames = ["x"], static_args = {forward = false}} : (tensor<2x8xcomplex<f32>>) -> tensor<2x8xcomplex<f32>>
  pydy.return %0 : tensor<2x8xcomplex<f32>>
}
