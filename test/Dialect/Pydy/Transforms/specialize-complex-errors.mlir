// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<2x3xcomplex<f32>>,tensor<2x3xf32>" -split-input-file -verify-diagnostics

// A primitive outside the table's complex list rejects a complex operand.
pydy.func @not_complex(%z: !pydy.object, %x: !pydy.object) -> !pydy.object {
  // expected-error @+1 {{floor(): does not take complex tensors ('x' is a complex64 tensor of shape [2, 3])}}
  %0 = pydy.lib_call "floor"(%z) : (!pydy.object) -> !pydy.object
  pydy.return %0 : !pydy.object
}

// -----

pydy.func @ordered(%z: !pydy.object, %x: !pydy.object) -> !pydy.object {
  // expected-error @+1 {{(complex numbers are not ordered)}}
  %0 = pydy.compare lt %z, %x : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %0 : !pydy.object
}

// -----

pydy.func @floor_division(%z: !pydy.object, %x: !pydy.object) -> !pydy.object {
  // expected-error @+1 {{unsupported operand types for '//': complex64 tensor of shape [2, 3] and float32 tensor of shape [2, 3] (complex numbers)}}
  %0 = pydy.binary floordiv %z, %x : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %0 : !pydy.object
}

// -----

pydy.func @real_of_real(%z: !pydy.object, %x: !pydy.object) -> !pydy.object {
  // expected-error @+1 {{real(): takes a complex tensor, got a float32 tensor of shape [2, 3]}}
  %0 = pydy.lib_call "real"(%x) : (!pydy.object) -> !pydy.object
  pydy.return %0 : !pydy.object
}

// -----

pydy.func @parts_of_two_dtypes(%z: !pydy.object, %x: !pydy.object) -> !pydy.object {
  // expected-error @+1 {{complex(): takes real and imag parts of one float dtype}}
  %0 = pydy.lib_call "complex"(%x, %z) : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %0 : !pydy.object
}

// -----

pydy.func @to_float(%z: !pydy.object, %x: !pydy.object) -> !pydy.object {
  %zero = pydy.constant 0 : i64
  %e = pydy.subscript %z[%zero] : (!pydy.object, i64) -> !pydy.object
  %f = pydy.subscript %e[%zero] : (!pydy.object, i64) -> !pydy.object
  // expected-error @+1 {{can't convert complex to float}}
  %0 = pydy.unary to_float %f : (!pydy.object) -> !pydy.object
  pydy.return %0 : !pydy.object
}
