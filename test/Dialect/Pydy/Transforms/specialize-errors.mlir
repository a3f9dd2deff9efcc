// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<3xf32>" -split-input-file -verify-diagnostics

pydy.func @branch_types(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
  %1 = pydy.constant 0.000000e+00 : f64
  %2 = pydy.compare gt %0, %1 : (!pydy.object, f64) -> !pydy.object
  // expected-error @+1 {{variable 'y' is a float32 tensor of shape [3] in the 'if' branch but a str in the 'else' branch; compiled branches must agree}}
  %3 = pydy.if %2 : !pydy.object -> !pydy.object {
    pydy.yield %x : !pydy.object
  } else {
    %4 = pydy.constant "float64"
    pydy.yield %4 : !pydy.str
  } {names = ["y"]}
  pydy.return %3 : !pydy.object
}

// -----

// The trip count is known only at run time (a constant one runs unrolled).
pydy.func @loop_rank_change(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant 0 : i64
  %1 = pydy.constant 1 : i64
  %total = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
  %2 = pydy.unary to_int %total : (!pydy.object) -> !pydy.object
  // expected-error @+1 {{variable 'x' is a float32 tensor of shape [3] before the loop but a float32 tensor of shape [] after an iteration; a loop may change a value's shape, widen its dtype or turn a number into a one-element tensor, not change its rank}}
  %3 = pydy.for_range %0, %2, %1 : i64, !pydy.object, i64 iter_args(%x : !pydy.object) -> !pydy.object {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
    %4 = pydy.lib_call "sum"(%arg1) : (!pydy.object) -> !pydy.object
    pydy.yield %4 : !pydy.object
  } {names = ["x"]}
  pydy.return %3 : !pydy.object
}

// -----

pydy.func @broadcast(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant [4]
  %1 = pydy.lib_call "zeros"(%0) : (tuple<i64>) -> !pydy.object
  // expected-error @+1 {{operands of '+' cannot be broadcast: float32 tensor of shape [3] and float32 tensor of shape [4]}}
  %2 = pydy.binary add %x, %1 : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %2 : !pydy.object
}

// -----

pydy.func @bad_dtype(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant "float17"
  // expected-error @+1 {{cast(): unsupported dtype "float17" (use bool, int32, int64, float32 or float64)}}
  %1 = pydy.lib_call "cast"(%x, %0) : (!pydy.object, !pydy.str) -> !pydy.object
  pydy.return %1 : !pydy.object
}

// -----

pydy.func @runtime_dtype(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  // expected-error @+1 {{argument 'axis' of sum() must be known at compile time}}
  %0 = pydy.lib_call "sum"(%x, %x) : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %0 : !pydy.object
}

// -----

pydy.func @axis_range(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant 2 : i64
  // expected-error @+1 {{sum(): axis 2 is out of range for a 1-d tensor}}
  %1 = pydy.lib_call "sum"(%x, %0) : (!pydy.object, i64) -> !pydy.object
  pydy.return %1 : !pydy.object
}

// -----

pydy.func @argsort_axis_range(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant 1 : i64
  // expected-error @+1 {{argsort(): axis 1 is out of range for a 1-d tensor}}
  %1 = pydy.lib_call "argsort"(%x, %0) : (!pydy.object, i64) -> !pydy.object
  pydy.return %1 : !pydy.object
}

// -----

pydy.func @argsort_of_bools(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant 0.000000e+00 : f64
  %1 = pydy.compare gt %x, %0 : (!pydy.object, f64) -> !pydy.object
  // expected-error @+1 {{argsort(): of a bool tensor is not supported}}
  %2 = pydy.lib_call "argsort"(%1) : (!pydy.object) -> !pydy.object
  pydy.return %2 : !pydy.object
}

// -----

pydy.func @unknown_global(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  // expected-error @+1 {{name 'np' is not available in compiled code}}
  %0 = pydy.global "np" : !pydy.object
  pydy.return %0 : !pydy.object
}

// -----

pydy.func @zero_step(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant 0 : i64
  // expected-error @+1 {{range() step must not be zero}}
  pydy.for_range %0, %0, %0 : i64, i64, i64 {
  ^bb0(%arg0: !pydy.object):
  } {names = []}
  pydy.return
}

// -----

pydy.func @tensor_attribute(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  // expected-error @+1 {{float32 tensor of shape [3] has no attribute 'grad' in compiled code}}
  %0 = pydy.attr %x, "grad" : !pydy.object -> !pydy.object
  pydy.return %0 : !pydy.object
}

// -----

// A number does not join a tensor of more than one element: filling it in
// would change what a reduction of the variable gives (in a loop of a trip
// count known only at run time).
pydy.func @number_then_vector(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant 0 : i64
  %1 = pydy.constant 1 : i64
  %total = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
  %2 = pydy.unary to_int %total : (!pydy.object) -> !pydy.object
  // expected-error @+1 {{variable 't' is an int before the loop but a float32 tensor of shape [3] after an iteration}}
  %3 = pydy.for_range %0, %2, %1 : i64, !pydy.object, i64 iter_args(%0 : i64) -> !pydy.object {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
    %4 = pydy.binary add %arg1, %x : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.yield %4 : !pydy.object
  } {names = ["t"]}
  pydy.return %3 : !pydy.object
}

// -----

// A not_to_static function is handed tensors, numbers and known strings.
pydy.func @callback_of_a_tuple(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.tuple %x, %x : (!pydy.object, !pydy.object) -> !pydy.object
  // expected-error @+1 {{passing a tuple(float32 tensor of shape [3], float32 tensor of shape [3]) to a not_to_static function from compiled code is not supported}}
  pydy.py_callback "show#0"(%0 : !pydy.object)
  pydy.return
}

// -----

// Bitwise operators take integers and bools; Paddle's take a Python number
// only on the left of `&`, `|`, `^`, and no bool tensor in a shift.
pydy.func @bitwise_float(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant 1 : i64
  // expected-error @+1 {{unsupported operand types for '&': float32 tensor of shape [3] and int}}
  %1 = pydy.binary bitand %x, %0 : (!pydy.object, i64) -> !pydy.object
  pydy.return %1 : !pydy.object
}

// -----

pydy.func @bitwise_number_right(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %int32 = pydy.constant "int32"
  %0 = pydy.lib_call "cast"(%x, %int32) : (!pydy.object, !pydy.str) -> !pydy.object
  %1 = pydy.constant 1 : i64
  // expected-error @+1 {{unsupported operand types for '|': int32 tensor of shape [3] and int (Paddle's bitwise operators take a Python number on the left only)}}
  %2 = pydy.binary bitor %0, %1 : (!pydy.object, i64) -> !pydy.object
  pydy.return %2 : !pydy.object
}

// -----

pydy.func @shift_bool_tensor(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant 0.000000e+00 : f64
  %1 = pydy.compare gt %x, %0 : (!pydy.object, f64) -> !pydy.object
  %2 = pydy.constant 1 : i64
  // expected-error @+1 {{unsupported operand types for '<<': bool tensor of shape [3] and int (shifts of bool tensors)}}
  %3 = pydy.binary lshift %1, %2 : (!pydy.object, i64) -> !pydy.object
  pydy.return %3 : !pydy.object
}

// -----

// `x += y` of a list another name shares: Python extends the list in place.
pydy.func @augmented_shared_list(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.list %x : (!pydy.object) -> !pydy.object
  // expected-error @+1 {{'+=' changes a list in place, and 'kept' shares it: compiled code makes a new list, which 'kept' would not see; use extend() (or a new name)}}
  %1 = pydy.binary add %0, %0 {augmented, shared = "'kept'"} : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %1 : !pydy.object
}
