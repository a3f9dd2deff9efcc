// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<2x3xf32>" -split-input-file -verify-diagnostics

pydy.func @bad_perm(%x: !pydy.object) -> !pydy.object {
  %p = pydy.constant [0, 0]
  // expected-error @+1 {{transpose(): perm must be a permutation of the 2 axes}}
  %0 = pydy.lib_call "transpose"(%x, %p) : (!pydy.object, tuple<i64, i64>) -> !pydy.object
  pydy.return %0 : !pydy.object
}

// -----

pydy.func @inner_dimensions(%x: !pydy.object) -> !pydy.object {
  // expected-error @+1 {{matmul(): matmul of shapes [2, 3] and [2, 3]: the inner dimensions differ}}
  %0 = pydy.lib_call "matmul"(%x, %x) : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %0 : !pydy.object
}

// -----

pydy.func @runtime_axis(%x: !pydy.object) -> !pydy.object {
  %s = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
  %i = pydy.unary to_int %s : (!pydy.object) -> !pydy.object
  // expected-error @+1 {{argument 'axis' of sum() must be known at compile time}}
  %0 = pydy.lib_call "sum"(%x, %i) : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %0 : !pydy.object
}

// -----

pydy.func @bad_equation(%x: !pydy.object) -> !pydy.object {
  %e = pydy.constant "ij,jk"
  %ops = pydy.tuple %x : (!pydy.object) -> !pydy.object
  // expected-error @+1 {{einsum(): the equation names 2 operands, 1 given}}
  %0 = pydy.lib_call "einsum"(%e, %ops) : (!pydy.str, !pydy.object) -> !pydy.object
  pydy.return %0 : !pydy.object
}

// -----

// The dimensions of '...' left out of an explicit output: NumPy's and Paddle's error.
pydy.func @ellipsis_dropped(%x: !pydy.object) -> !pydy.object {
  %e = pydy.constant "...j->j"
  %ops = pydy.tuple %x : (!pydy.object) -> !pydy.object
  // expected-error @+1 {{einsum(): cannot read the equation '...j->j' for its operands}}
  %0 = pydy.lib_call "einsum"(%e, %ops) : (!pydy.str, !pydy.object) -> !pydy.object
  pydy.return %0 : !pydy.object
}

// -----

pydy.func @no_broadcast(%x: !pydy.object) -> !pydy.object {
  %s = pydy.constant [4, 3]
  // expected-error @+1 {{broadcast_to(): a dimension of size 2 cannot be broadcast to 4}}
  %0 = pydy.lib_call "broadcast_to"(%x, %s) : (!pydy.object, tuple<i64, i64>) -> !pydy.object
  pydy.return %0 : !pydy.object
}

// -----

pydy.func @too_many_indices(%x: !pydy.object) -> !pydy.object {
  %z = pydy.constant 0 : i64
  %i = pydy.tuple %z, %z, %z : (i64, i64, i64) -> !pydy.object
  // expected-error @+1 {{too many indices for a 2-d tensor: 3}}
  %0 = pydy.subscript %x[%i] : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %0 : !pydy.object
}

// -----

pydy.func @integer_uniform(%x: !pydy.object) -> !pydy.object {
  %shape = pydy.constant [2, 3]
  %dtype = pydy.constant "int64"
  // expected-error @+1 {{uniform(): dtype must be float32 or float64}}
  %0 = pydy.lib_call "uniform"(%shape, %dtype) : (tuple<i64, i64>, !pydy.str) -> !pydy.object
  pydy.return %0 : !pydy.object
}

// -----

pydy.func @tensor_mean(%x: !pydy.object) -> !pydy.object {
  %shape = pydy.constant [2, 3]
  // expected-error @+1 {{gaussian(): mean must be a number, not a float32 tensor of shape [2, 3]}}
  %0 = pydy.lib_call "gaussian"(%shape, %x) : (tuple<i64, i64>, !pydy.object) -> !pydy.object
  pydy.return %0 : !pydy.object
}

// -----

// A dict is no data of a tensor (eagerly the same TypeError).
pydy.func @dict_to_tensor(%x: !pydy.object) -> !pydy.object {
  %k = pydy.constant "a"
  %d = pydy.dict keys(%k : !pydy.str) values(%x : !pydy.object) -> !pydy.object
  // expected-error @+1 {{TypeError: to_tensor cannot make a tensor from dict}}
  %0 = pydy.lib_call "to_tensor"(%d) : (!pydy.object) -> !pydy.object
  pydy.return %0 : !pydy.object
}
