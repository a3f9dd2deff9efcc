// RUN: dy2st-opt %s --pydy-promote-variables --pydy-specialize="signature=tensor<3xf32>" -split-input-file -verify-diagnostics

// Only a bool tensor with one element is a valid condition.
pydy.func @vector_condition(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %x = pydy.load "x" : !pydy.object
  %z = pydy.constant 0.0 : f64
  %c = pydy.compare gt %x, %z : (!pydy.object, f64) -> !pydy.object
  // expected-error @+1 {{the condition of 'if' is a bool tensor of shape [3]; a tensor condition must have exactly one element}}
  pydy.if %c : !pydy.object {
  } else {
  }
  pydy.return
}

// -----

pydy.func @branch_types(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %x = pydy.load "x" : !pydy.object
  %s = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
  %z = pydy.constant 0.0 : f64
  %c = pydy.compare gt %s, %z : (!pydy.object, f64) -> !pydy.object
  // expected-error @+1 {{variable 'y' is a float32 tensor of shape [3] in the 'if' branch but a str in the 'else' branch; compiled branches must agree}}
  pydy.if %c : !pydy.object {
    pydy.store "y", %x : !pydy.object
  } else {
    %d = pydy.constant "float64"
    pydy.store "y", %d : !pydy.str
  }
  %y = pydy.load "y" : !pydy.object
  pydy.return %y : !pydy.object
}

// -----

pydy.func @loop_rank_change(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %c0 = pydy.constant 0 : i64
  %c1 = pydy.constant 1 : i64
  %c3 = pydy.constant 3 : i64
  // expected-error @+1 {{variable 'x' is a float32 tensor of shape [3] before the loop but a float32 tensor of shape [] after an iteration; a loop may change a value's shape, widen its dtype or turn a number into a one-element tensor, not change its rank}}
  pydy.for_range %c0, %c3, %c1 : i64, i64, i64 {
  ^bb0(%i: !pydy.object):
    %x = pydy.load "x" : !pydy.object
    %y = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
    pydy.store "x", %y : !pydy.object
  }
  %r = pydy.load "x" : !pydy.object
  pydy.return %r : !pydy.object
}

// -----

pydy.func @broadcast(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %x = pydy.load "x" : !pydy.object
  %four = pydy.constant [4]
  %z = pydy.lib_call "zeros"(%four) : (tuple<i64>) -> !pydy.object
  // expected-error @+1 {{operands of '+' cannot be broadcast: float32 tensor of shape [3] and float32 tensor of shape [4]}}
  %y = pydy.binary add %x, %z : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %y : !pydy.object
}

// -----

pydy.func @bad_dtype(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %x = pydy.load "x" : !pydy.object
  %d = pydy.constant "float17"
  // expected-error @+1 {{cast(): unsupported dtype "float17" (use bool, int32, int64, float32 or float64)}}
  %y = pydy.lib_call "cast"(%x, %d) : (!pydy.object, !pydy.str) -> !pydy.object
  pydy.return %y : !pydy.object
}

// -----

pydy.func @runtime_dtype(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %x = pydy.load "x" : !pydy.object
  // expected-error @+1 {{argument 'axis' of sum() must be known at compile time}}
  %y = pydy.lib_call "sum"(%x, %x) : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %y : !pydy.object
}

// -----

pydy.func @axis_range(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %x = pydy.load "x" : !pydy.object
  %a = pydy.constant 2 : i64
  // expected-error @+1 {{sum(): axis 2 is out of range for a 1-d tensor}}
  %y = pydy.lib_call "sum"(%x, %a) : (!pydy.object, i64) -> !pydy.object
  pydy.return %y : !pydy.object
}

// -----

pydy.func @unknown_global(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  // expected-error @+1 {{name 'np' is not available in compiled code}}
  %np = pydy.global "np" : !pydy.object
  pydy.return %np : !pydy.object
}

// -----

pydy.func @zero_step(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %c0 = pydy.constant 0 : i64
  // expected-error @+1 {{range() step must not be zero}}
  pydy.for_range %c0, %c0, %c0 : i64, i64, i64 {
  ^bb0(%i: !pydy.object):
  }
  pydy.return
}

// -----

pydy.func @tensor_attribute(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %x = pydy.load "x" : !pydy.object
  // expected-error @+1 {{float32 tensor of shape [3] has no attribute 'grad' in compiled code}}
  %g = pydy.attr %x, "grad" : !pydy.object -> !pydy.object
  pydy.return %g : !pydy.object
}

// -----

// A number does not join a tensor of more than one element: filling it in
// would change what a reduction of the variable gives.
pydy.func @number_then_vector(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %c0 = pydy.constant 0 : i64
  %c1 = pydy.constant 1 : i64
  %c3 = pydy.constant 3 : i64
  pydy.store "t", %c0 : i64
  // expected-error @+1 {{variable 't' is an int before the loop but a float32 tensor of shape [3] after an iteration}}
  pydy.for_range %c0, %c3, %c1 : i64, i64, i64 {
  ^bb0(%i: !pydy.object):
    %x = pydy.load "x" : !pydy.object
    %t = pydy.load "t" : !pydy.object
    %n = pydy.binary add %t, %x : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.store "t", %n : !pydy.object
  }
  %r = pydy.load "t" : !pydy.object
  pydy.return %r : !pydy.object
}

// -----

// A not_to_static function is handed tensors, numbers and known strings.
pydy.func @callback_of_a_tuple(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %x = pydy.load "x" : !pydy.object
  %t = pydy.tuple %x, %x : (!pydy.object, !pydy.object) -> !pydy.object
  // expected-error @+1 {{passing a tuple(float32 tensor of shape [3], float32 tensor of shape [3]) to a not_to_static function from compiled code is not supported}}
  pydy.py_callback "show#0"(%t : !pydy.object)
  pydy.return
}
